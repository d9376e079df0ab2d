"""`brief importeer cbs --online`: CBS's open-data service, played by a local stand-in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from brievenbus.cbs.importing import import_cbs
from brievenbus.errors import NetworkError
from brievenbus.letters.workspace import Workspace
from tests.cbs_standin import FIXTURES, StandIn
from tests.conftest import RunBrief, make_workspace, read_paragraphs

ALMERE_SENTENCE = (
    "In 2024 kreeg Veilig Thuis 3.100 meldingen over huiselijk geweld in Almere: 13,3 per 1.000 "
    "inwoners (CBS StatLine 84847NED, 2024). Daarmee hoort Almere bij de drie gemeenten met de meeste "
    "meldingen: plaats 3 van de 8 gemeenten waarvan deze cijfers bekend zijn."
)
OLD_FIGURES = (
    "cijfers:\n  GM0406:\n    veilig-thuis-meldingen: {waarde: 200, periode: '2023', bron: CBS,"
    " opgehaald: 2024-06-01}\n"
)


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    """The stand-in service, running; BRIEF_CBS_URL points at it."""
    server = StandIn().start()
    monkeypatch.setenv("BRIEF_CBS_URL", server.url)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def in_a_workspace(workdir: Path) -> Path:
    """Figures belong to a workspace (`brief importeer` refuses outside one): every test
    here runs in a workspace with the packaged data."""
    return make_workspace(workdir)


def test_online_import_brings_figure_rank_and_source_into_the_coalition_letter(
    stand_in: StandIn, run_brief: RunBrief, workdir: Path
) -> None:
    """Almere's figure, the 'top drie' sentence and the source come from the service into the DOCX."""
    result = run_brief("importeer", "cbs", "--online")
    assert result.exit_code == 0, result.stderr
    assert (
        "Ingelezen uit CBS open data, tabel 84847NED: periode 2024"
        " (ook in de tabel: 2023, 2025 1e halfjaar)"
    ) in result.stdout
    assert "kolom 'Meldingen / Totaal meldingen (aantal)' → veilig-thuis-meldingen" in result.stdout
    assert "kolom 'Adviezen / Totaal adviezen (aantal)' → veilig-thuis-adviezen" in result.stdout
    assert "9 gemeenten, 18 cijfers, waarvan 2 onbekend of geheim" in result.stdout
    assert (
        "overgeslagen: 4 regio's die geen gemeente zijn (land, landsdeel, provincie)"
        in result.stdout
    )

    assert run_brief("genereer", "Almere", "--context", "coalitie").exit_code == 0
    letter = [text for _, text in read_paragraphs(workdir / "brieven" / "almere.docx")]
    assert ALMERE_SENTENCE in letter, [t for t in letter if "Veilig Thuis" in t]
    assert any(
        t.endswith("zodat Almere niet langer bij de drie gemeenten met de meeste meldingen hoort.")
        for t in letter
    )


def test_online_import_follows_pages_and_asks_for_one_year(
    stand_in: StandIn, run_brief: RunBrief, workdir: Path
) -> None:
    """All three pages of the data set are fetched; the request names the year and the columns."""
    assert run_brief("importeer", "cbs", "--online", "84847NED").exit_code == 0
    data_requests = [r for r in stand_in.requests if "/TypedDataSet" in r]
    assert len(data_requests) == 3
    assert "$filter=Perioden eq '2024JJ00'" in data_requests[0]
    assert "$select=RegioS,Perioden,TotaalMeldingen_4,TotaalAdviezen_1" in data_requests[0]
    assert data_requests[2].endswith("$skiptoken=10")
    written = (workdir / "data" / "cijfers.yaml").read_text(encoding="utf-8")
    assert "GM0599:" in written  # Rotterdam, on the last page
    assert (
        "  GM0088:\n    veilig-thuis-adviezen:\n      waarde: null" in written
    )  # secret stays unknown


def test_stand_in_stopped_fails_cleanly_and_changes_nothing(
    stand_in: StandIn, run_brief: RunBrief, local_data: Path
) -> None:
    """No service: a Dutch error, exit 1, and cijfers.yaml exactly as it was."""
    figures_path = local_data / "cijfers.yaml"
    figures_path.write_text(OLD_FIGURES, encoding="utf-8")
    stand_in.stop()
    host = stand_in.url.removesuffix("/ODataFeed/odata")

    result = run_brief("importeer", "cbs", "--online")

    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Fout: kan CBS niet bereiken op {host} (de verbinding werd geweigerd)\n"
        "  → uw cijfers zijn niet veranderd; controleer de internetverbinding"
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert figures_path.read_text(encoding="utf-8") == OLD_FIGURES
    assert sorted(p.name for p in local_data.iterdir() if p.name.startswith(".")) == []


def test_nothing_written_without_an_old_file(
    stand_in: StandIn, run_brief: RunBrief, workdir: Path
) -> None:
    """A failed first import leaves no data folder behind."""
    stand_in.stop()
    assert run_brief("importeer", "cbs", "--online").exit_code == 1
    assert not (workdir / "data" / "cijfers.yaml").exists()


@pytest.mark.parametrize(
    ("status", "body", "table", "message"),
    [
        (200, None, "99999ABC", "Fout: CBS kent tabel 99999ABC niet (HTTP 404)"),
        (503, None, "84847NED", "Fout: CBS antwoordde met een fout (HTTP 503) voor tabel 84847NED"),
        (
            200,
            b"<html>Onderhoud</html>",
            "84847NED",
            "Fout: onverwacht antwoord van CBS voor tabel 84847NED: het antwoord is geen JSON",
        ),
        (
            200,
            b'{"value": 3}',
            "84847NED",
            "Fout: onverwacht antwoord van CBS voor tabel 84847NED: geen lijst 'value' in het antwoord",
        ),
        (200, None, "84847NED; rm", "Fout: '84847NED; rm' is geen CBS-tabelnummer"),
    ],
)
def test_bad_answers_give_a_dutch_error(
    stand_in: StandIn,
    run_brief: RunBrief,
    local_data: Path,
    status: int,
    body: bytes | None,
    table: str,
    message: str,
) -> None:
    """HTTP errors, an unknown table and answers that are not OData: Dutch error, exit 1, no change."""
    figures_path = local_data / "cijfers.yaml"
    figures_path.write_text(OLD_FIGURES, encoding="utf-8")
    stand_in.status, stand_in.body = status, body

    result = run_brief("importeer", "cbs", "--online", table)

    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert figures_path.read_text(encoding="utf-8") == OLD_FIGURES


def test_a_silent_service_times_out(stand_in: StandIn, tmp_path: Path) -> None:
    """A service that does not answer in time gives a Dutch error; the wait is bounded."""
    stand_in.delay = 1.0
    municipalities = Workspace.open().dataset.municipalities
    with pytest.raises(NetworkError) as caught:
        import_cbs(municipalities, tmp_path / "cijfers.yaml", table="84847NED", timeout=0.2)
    assert "geen antwoord binnen 0,2 seconden" in str(caught.value)
    assert not (tmp_path / "cijfers.yaml").exists()


def test_progress_names_the_pages(stand_in: StandIn, tmp_path: Path) -> None:
    """While downloading, the progress line says what is fetched and how far it is."""
    seen: list[str] = []
    municipalities = Workspace.open().dataset.municipalities
    import_cbs(municipalities, tmp_path / "cijfers.yaml", table="84847NED", progress=seen.append)
    assert seen[0] == "CBS-tabel 84847NED: onderwerpen ophalen"
    assert "CBS-tabel 84847NED: cijfers ophalen (pagina 3, 10 regels)" in seen


def test_another_table_with_such_topics_and_a_provisional_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Topics titled plainly 'Meldingen' are found too; a provisional year is passed over."""
    table = tmp_path / "12345NED"
    table.mkdir()
    pages = {
        name: json.loads((FIXTURES / "84847NED" / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("DataProperties", "RegioS")
    }
    pages["DataProperties"][""]["value"] = [
        *(p for p in pages["DataProperties"][""]["value"] if "Dimension" in p["Type"]),
        {"ID": 8, "ParentID": None, "Type": "Topic", "Key": "Meldingen_1", "Title": "Meldingen"},
    ]
    pages["Perioden"] = {
        "": {
            "value": [
                {"Key": "2023JJ00", "Title": "2023", "Status": "Definitief"},
                {"Key": "2024JJ00", "Title": "2024", "Status": "Voorlopig"},
            ]
        }
    }
    pages["TypedDataSet"] = {
        "": {"value": [{"RegioS": "GM0406  ", "Perioden": "2023JJ00", "Meldingen_1": 210}]}
    }
    for name, content in pages.items():
        (table / f"{name}.json").write_text(json.dumps(content), encoding="utf-8")
    server = StandIn(tmp_path).start()
    try:
        report = import_cbs(
            Workspace.open().dataset.municipalities,
            tmp_path / "cijfers.yaml",
            table="12345NED",
            base_url=server.url,
        )
    finally:
        server.stop()
    assert report.extract.period.label == "2023"
    assert report.figures["GM0406"]["veilig-thuis-meldingen"].waarde == 210
    assert report.figures["GM0406"]["veilig-thuis-meldingen"].bron == "CBS StatLine 12345NED"


def test_progress_line_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal gets a progress line; CI and redirected output get none."""
    import io

    from rich.console import Console

    from brievenbus.cli import import_commands as cli

    monkeypatch.setattr(cli, "err", Console(file=io.StringIO(), force_terminal=True))
    monkeypatch.delenv("CI", raising=False)
    with cli._download_status() as progress:
        assert progress is not None
        progress("CBS-tabel 84847NED: cijfers ophalen")
    monkeypatch.setenv("CI", "true")
    with cli._download_status() as progress:
        assert progress is None


def test_without_file_or_online_says_what_to_give(run_brief: RunBrief) -> None:
    """`brief importeer cbs` alone asks for a file or --online."""
    result = run_brief("importeer", "cbs", catch_exceptions=True)
    assert result.exit_code == 2
    assert "noem een CSV-export uit StatLine, of haal de tabel op met --online" in result.stderr
