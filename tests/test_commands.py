"""brief controleer, maatregelen, gemeenten, clubs and schema, as users run them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunBrief


def test_controleer_is_green_on_the_packaged_defaults(run_brief: RunBrief) -> None:
    """The shipped data and templates pass every check; every letter of every kind renders."""
    result = run_brief("controleer")
    assert result.exit_code == 0
    assert "Fout" not in result.stderr
    assert "Alles in orde: 342 gemeenten" in result.stdout
    assert (
        "6002 brieven op proef gemaakt (coalitie 342 + 2659 per fractie,"
        " verkiezingen 342 + 2659 per fractie)." in " ".join(result.stdout.split())
    )
    assert "gelezen: " in result.stdout
    # Outside a workspace: the example data, said once with the senders; nothing else to act on.
    assert result.stderr.startswith(
        "Let op: met de voorbeeldgegevens, namens Soroptimistclub Bussum e.o., "
        "Soroptimistclub Almere, Unie van Soroptimistclubs"
    )
    assert result.stderr.count("Let op:") == 1


def test_controleer_reports_all_problems_at_once(run_brief: RunBrief, local_data: Path) -> None:
    """Two mistakes in two files are both reported, with a count, exit 1."""
    measures = local_data / "measures.yaml"
    measures.write_text(
        measures.read_text(encoding="utf-8").replace("pijler: beleid", "pijler: bleid", 1),
        encoding="utf-8",
    )
    clubs = local_data / "clubs.yaml"
    clubs.write_text(
        clubs.read_text(encoding="utf-8").replace("plaats: Huizen", "plaatss: Huizen"),
        encoding="utf-8",
    )
    result = run_brief("controleer")
    assert result.exit_code == 1
    assert "data/measures.yaml" in result.stderr
    assert "data/clubs.yaml" in result.stderr
    assert "2 problemen gevonden." in result.stderr


def test_controleer_warns_about_a_fact_past_its_review_date(
    run_brief: RunBrief, local_data: Path
) -> None:
    """A fact in the user's own facts.yaml past its herzien_voor date is a warning with what to do."""
    facts = local_data / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(
            "herzien_voor: 2027-12-31", "herzien_voor: 2020-01-01", 1
        ),
        encoding="utf-8",
    )
    result = run_brief("controleer")
    assert result.exit_code == 0
    assert (
        "Let op: data/facts.yaml:39: feiten[1].herzien_voor: feit 'femicide-acht-dagen' moest"
        " vóór 2020-01-01 worden nagekeken" in result.stderr
    )
    assert "→ zoek een recenter cijfer" in result.stderr


def test_controleer_warns_about_an_old_fact_without_review_date(
    run_brief: RunBrief, local_data: Path
) -> None:
    """A user's own fact without a review date, older than three years: a warning, not an error."""
    facts = local_data / "facts.yaml"
    text = facts.read_text(encoding="utf-8").replace("    herzien_voor: 2027-12-31\n", "", 1)
    facts.write_text(text.replace("jaar: 2025", "jaar: 2015", 1), encoding="utf-8")
    result = run_brief("controleer")
    assert result.exit_code == 0
    assert "Let op: data/facts.yaml:" in result.stderr
    assert "is van 2015, ouder dan 3 jaar" in result.stderr


def test_packaged_facts_are_not_past_their_review_date() -> None:
    """The project's own guard: every packaged fact that can go out of date has a review date
    still ahead. When this fails, a maintainer checks the fact and moves the date."""
    import datetime

    from brievenbus.inputs.dataset import load_dataset
    from brievenbus.inputs.locations import Sources

    dataset = load_dataset(sources=Sources())
    for fact in dataset.facts.values():
        if fact.tijdloos:
            continue
        assert fact.herzien_voor is not None, f"feit '{fact.id}' heeft geen herzien_voor"
        assert fact.herzien_voor >= datetime.date.today(), (
            f"feit '{fact.id}' moest vóór {fact.herzien_voor} worden nagekeken"
        )


def test_maatregelen_table_by_pillar(run_brief: RunBrief) -> None:
    """The catalogue table lists measures with their articles; --pijler filters."""
    result = run_brief("maatregelen", "--pijler", "bescherming")
    assert result.exit_code == 0
    assert "opvang-hulplijnen" in result.stdout
    assert "Art. 23–24" in result.stdout
    assert "onderwijs" not in result.stdout


def test_maatregelen_unknown_pillar(run_brief: RunBrief) -> None:
    """An unknown pillar lists the four there are."""
    result = run_brief("maatregelen", "--pijler", "opvang")
    assert result.exit_code == 2
    assert "preventie, bescherming, vervolging, beleid" in result.stderr


def test_gemeenten_filters_by_province_and_shows_seats(run_brief: RunBrief) -> None:
    """--provincie Flevoland shows its six municipalities with parties and seats."""
    result = run_brief("gemeenten", "--provincie", "flevoland")
    assert result.exit_code == 0
    for name in ("Almere", "Dronten", "Lelystad", "Noordoostpolder", "Urk", "Zeewolde"):
        assert name in result.stdout
    assert "Huizen" not in result.stdout
    assert "Leefbaar Almere (3)" in result.stdout


def test_gemeenten_filters_by_club(run_brief: RunBrief) -> None:
    """--club bussum-eo shows only the club's area."""
    result = run_brief("gemeenten", "--club", "bussum-eo")
    assert result.exit_code == 0
    assert "Huizen" in result.stdout
    assert "Almere" not in result.stdout


def test_clubs_table(run_brief: RunBrief) -> None:
    """`brief clubs` lists every club with its e-mail and area."""
    result = run_brief("clubs")
    assert result.exit_code == 0
    assert "almere@soroptimist.nl" in result.stdout
    assert "bussum-eo" in result.stdout


def test_schema_writes_one_file_per_data_file(run_brief: RunBrief, workdir: Path) -> None:
    """`brief schema` writes JSON Schemas an editor can use; typos are disallowed there too."""
    result = run_brief("schema")
    assert result.exit_code == 0
    written = sorted(p.name for p in (workdir / "schema").iterdir())
    assert written == [
        "clubs.schema.json",
        "facts.schema.json",
        "measures.schema.json",
        "municipalities.schema.json",
    ]
    measures = json.loads((workdir / "schema" / "measures.schema.json").read_text(encoding="utf-8"))
    measure = measures["$defs"]["Measure"]
    assert measure["additionalProperties"] is False
    assert measure["properties"]["pijler"]["enum"] == [
        "preventie",
        "bescherming",
        "vervolging",
        "beleid",
    ]
    assert {"type": "boolean"} in measure["properties"]["standaard"]["anyOf"]


def test_voorbeeld_shows_the_letter_and_writes_nothing(run_brief: RunBrief, workdir: Path) -> None:
    """`brief voorbeeld` prints the letter with its numbered measures; no file or folder appears."""
    result = run_brief("voorbeeld", "Almere", "--context", "coalitie", "--datum", "2026-04-28")
    assert result.exit_code == 0
    assert (
        "Aan de fractievoorzitters van de politieke partijen in de gemeenteraad van Almere"
        in result.stdout
    )
    assert "Almere, 28 april 2026" in result.stdout
    assert "1. Preventie en bewustwording (Art. 13–15)" in result.stdout
    assert "– Onderwijs, sport en vrije tijd. Steun scholen" in result.stdout
    assert "almere@soroptimist.nl" in result.stdout
    assert list(workdir.iterdir()) == []


def test_voorbeeld_for_one_party(run_brief: RunBrief) -> None:
    """--fractie shows the letter to that party; an unknown party lists the ones there are."""
    result = run_brief("voorbeeld", "Huizen", "--fractie", "vvd")
    assert result.exit_code == 0
    assert "Geachte fractievoorzitter van de VVD," in result.stdout
    missing = run_brief("voorbeeld", "Huizen", "--fractie", "Piratenpartij")
    assert missing.exit_code == 1
    assert "Fout: Huizen heeft geen fractie 'Piratenpartij'" in missing.stderr
    assert "Leefbaar Huizen" in missing.stderr


def test_gemeenten_shows_square_brackets_in_names_as_text(
    run_brief: RunBrief, workdir: Path
) -> None:
    """A name with '[/]' or '[red]' is printed as typed, never read as terminal markup."""
    data = workdir / "data"
    data.mkdir()
    (data / "municipalities.yaml").write_text(
        "gemeenten:\n"
        "  - code: GM0406\n"
        "    naam: 'Huizen [red]rood[/] [/]'\n"
        "    provincie: Noord-Holland\n"
        "    inwoners: {aantal: 41283, peildatum: 2026-01-01, bron: CBS}\n",
        encoding="utf-8",
    )
    (data / "clubs.yaml").write_text(
        "clubs:\n  - id: unie\n    naam: Unie\n    standaard: ja\n", encoding="utf-8"
    )
    result = run_brief("gemeenten")
    assert result.exit_code == 0, result.stderr
    assert "Huizen [red]rood[/] [/]" in result.stdout
