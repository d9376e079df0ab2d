"""Reading a StatLine CSV export as CBS writes it: marks, notations, headers on one or two rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from brievenbus.cbs.regions import RegionMatcher
from brievenbus.cbs.statline_csv import read_statline_csv
from brievenbus.errors import DataError
from brievenbus.letters.workspace import Workspace

EXPORT = (
    '\ufeff"Veilig Thuis; regio"\n'
    '"Regio\'s";"Perioden";"Meldingen (aantal)";"Adviezen (aantal)"\n'
    '"Nederland";"2024JJ00";"95.000";"88.000"\n'
    '"Flevoland (PV)";"2024JJ00";"4.200";"3.100"\n'
    '"Almere";"2023JJ00";"1";"1"\n'
    '"Almere";"2024JJ00";"1.234";"."\n'
    '"Huizen";"2024JJ00";"-";"12,5"\n'
    '"GM0014";"2024JJ00";"2.000";"x"\n'
    '"Huizen";"2025HJ01*";"9";"9"\n'
    '"Weesp";"2024JJ00";"10";"10"\n'
    '"Atlantis";"2024JJ00";"10";"10"\n'
    '"Bron: CBS"\n'
)


@pytest.fixture
def matcher(packaged_workspace: Workspace) -> RegionMatcher:
    return RegionMatcher(packaged_workspace.dataset.municipalities)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_export_in_dutch_notation(tmp_path: Path, matcher: RegionMatcher) -> None:
    extract = read_statline_csv(write(tmp_path, EXPORT), matcher)
    assert extract.period.label == "2024"  # the last complete year, not the provisional half
    assert [p.label for p in extract.periods_seen] == ["2023", "2024", "2025 1e halfjaar"]
    assert extract.notation == "Nederlandse notatie (decimale komma)"
    values = {(c.code, c.indicator): (c.text, c.value) for c in extract.cells}
    assert values == {
        ("GM0034", "veilig-thuis-meldingen"): ("1.234", Decimal(1234)),
        ("GM0034", "veilig-thuis-adviezen"): (".", None),
        ("GM0406", "veilig-thuis-meldingen"): ("-", Decimal(0)),
        ("GM0406", "veilig-thuis-adviezen"): ("12,5", Decimal("12.5")),
        ("GM0014", "veilig-thuis-meldingen"): ("2.000", Decimal(2000)),
        ("GM0014", "veilig-thuis-adviezen"): ("x", None),
    }
    assert extract.cells[0].where == "regel 6"
    assert extract.regions_skipped == {"land": 1, "provincie": 1}
    assert extract.former == ["Weesp (nu Amsterdam)"]
    assert extract.unmatched == ["Atlantis"]


def test_export_in_english_notation_with_a_two_row_header(
    tmp_path: Path, matcher: RegionMatcher
) -> None:
    text = (
        '"","","Meldingen","Adviezen"\n'
        '"Regio\'s","Perioden","Totaal meldingen (aantal)","Totaal adviezen (aantal)"\n'
        '"Almere","2024","1,234","12.5"\n'
        '"Huizen","2024","500","7"\n'
    )
    extract = read_statline_csv(write(tmp_path, text), matcher)
    assert extract.notation == "Engelse notatie (decimale punt)"
    assert extract.columns == {
        "Meldingen / Totaal meldingen (aantal)": "veilig-thuis-meldingen",
        "Adviezen / Totaal adviezen (aantal)": "veilig-thuis-adviezen",
    }
    assert [c.value for c in extract.cells if c.code == "GM0034"] == [
        Decimal(1234),
        Decimal("12.5"),
    ]


def test_no_known_columns_names_the_header_line(tmp_path: Path, matcher: RegionMatcher) -> None:
    text = '"titel"\n"Regio\'s";"Perioden";"Fietsen (aantal)"\n"Almere";"2024";"3"\n'
    with pytest.raises(DataError) as caught:
        read_statline_csv(write(tmp_path, text), matcher)
    problem = caught.value.problems[0]
    assert (problem.line, problem.message) == (
        2,
        "geen bekende kolommen gevonden (kolommen: Fietsen (aantal))",
    )
    assert problem.hint.startswith("kies kolommen met --kolom 'Kop=indicator'")
    assert (
        read_statline_csv(write(tmp_path, text), matcher, {"fietsen": "fietsen"}).cells[0].value
        == 3
    )


def test_not_an_export_and_a_table_number_instead_of_a_file(
    tmp_path: Path, workdir: Path, matcher: RegionMatcher
) -> None:
    with pytest.raises(DataError) as caught:
        read_statline_csv(write(tmp_path, "a;b\n1;2\n"), matcher)
    assert caught.value.problems[0].message == "geen kolommen 'Regio's' en 'Perioden' gevonden"
    with pytest.raises(DataError) as caught:
        read_statline_csv(Path("84847NED"), matcher)
    assert caught.value.problems[0].hint.endswith(
        "of haal de tabel op bij CBS met: brief importeer cbs --online 84847NED"
    )
