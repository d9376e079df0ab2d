"""From a CBS table to data/cijfers.yaml: impossible values stay unknown, the file always loads."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from brievenbus.cbs.importing import (
    check_values,
    default_source,
    import_cbs,
    read_figures,
    write_figures,
)
from brievenbus.cbs.table import Cell, Extract, Period
from brievenbus.errors import OutputError
from brievenbus.inputs.models import Figure
from brievenbus.letters.workspace import Workspace

TODAY = datetime.date(2026, 5, 1)
EXPORT = Path(__file__).parents[1] / "fixtures" / "statline_84847NED.csv"


def cell(code: str, text: str, value: Decimal | None, readable: bool = True) -> Cell:
    return Cell(
        "regel 9", "Huizen", code, "Meldingen", "veilig-thuis-meldingen", text, value, readable
    )


def figure(value: float | None, period: str = "2024") -> Figure:
    return Figure(waarde=value, periode=period, bron="CBS", opgehaald=TODAY)


def test_impossible_values_stay_unknown_and_are_named(packaged_workspace: Workspace) -> None:
    municipalities = packaged_workspace.dataset.municipalities
    huizen = packaged_workspace.dataset.find_municipality("Huizen")
    groningen = f"{packaged_workspace.dataset.find_municipality('Groningen').inwoners.aantal:,}"
    groningen = groningen.replace(",", ".")  # 244.829, as Dutch readers write it
    cells = [
        cell("GM0406", "-5", Decimal(-5)),
        cell("GM0034", "12,5,0", None, readable=False),
        cell("GM0014", "10000000", Decimal(10_000_000)),
        cell("GM0363", ".", None),
        cell("GM0599", "Infinity", Decimal("Infinity")),
        cell("GM0344", "42", Decimal(42)),
    ]
    extract = Extract("export.csv", Period("2024", "jaar"), [], {}, cells)
    report = check_values(extract, municipalities, "CBS StatLine 84847NED", TODAY)
    assert [str(r) for r in report.rejected] == [
        "regel 9 (Huizen), kolom 'Meldingen': '-5' is negatief; blijft onbekend",
        "regel 9 (Huizen), kolom 'Meldingen': '12,5,0' is geen getal; blijft onbekend",
        "regel 9 (Huizen), kolom 'Meldingen': '10000000' is meer dan het aantal inwoners"
        f" ({groningen}); blijft onbekend",
        "regel 9 (Huizen), kolom 'Meldingen': 'Infinity' is geen eindig getal; blijft onbekend",
    ]
    assert report.unknown_values == 1
    values = {code: f["veilig-thuis-meldingen"].waarde for code, f in report.figures.items()}
    assert values == {
        "GM0406": None,
        "GM0034": None,
        "GM0014": None,
        "GM0363": None,
        "GM0599": None,
        "GM0344": 42.0,
    }
    assert report.figures[huizen.code]["veilig-thuis-meldingen"].bron == "CBS StatLine 84847NED"
    assert report.imported == 6


def test_written_figures_merge_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "data" / "cijfers.yaml"
    assert read_figures(path) == {}
    write_figures(
        path,
        {
            "GM0406": {"veilig-thuis-meldingen": figure(5, "2023")},
            "GM0034": {"veilig-thuis-meldingen": figure(7.5)},
        },
        {},
    )
    write_figures(
        path,
        {"GM0406": {"veilig-thuis-meldingen": figure(6), "veilig-thuis-adviezen": figure(None)}},
        read_figures(path),
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Lokale cijfers per gemeente")
    assert "waarde: 6\n" in text  # a count is written as a whole number
    read = read_figures(path)
    assert list(read) == ["GM0034", "GM0406"]
    assert read["GM0034"]["veilig-thuis-meldingen"] == figure(7.5)
    assert read["GM0406"] == {
        "veilig-thuis-adviezen": figure(None),
        "veilig-thuis-meldingen": figure(6),
    }


def test_a_folder_that_cannot_be_written_keeps_the_old_file(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("een bestand", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_figures(
            blocked / "cijfers.yaml", {"GM0406": {"veilig-thuis-meldingen": figure(1)}}, {}
        )
    problem = caught.value.problems[0]
    assert problem.message.startswith("kan de cijfers niet schrijven (")
    assert problem.hint.startswith("er is niets geschreven; ")


def test_import_from_a_csv_export(small_data: Path) -> None:
    workspace = Workspace.open(small_data)
    target = small_data / "cijfers.yaml"
    report = import_cbs(workspace.dataset.municipalities, target, csv_path=EXPORT, today=TODAY)
    assert report.target_path == target
    assert report.extract.period.label == "2024"
    assert {code: {k: f.waarde for k, f in v.items()} for code, v in report.figures.items()} == {
        "GM0034": {"veilig-thuis-meldingen": 3100, "veilig-thuis-adviezen": 1900},
        "GM0406": {"veilig-thuis-meldingen": 230, "veilig-thuis-adviezen": 205},
    }  # Groningen is not in the export; regions outside the small data are reported
    assert "Amsterdam" in report.extract.unmatched
    assert Workspace.open(small_data).dataset.figures == read_figures(target)
    assert default_source() == "CBS StatLine 84847NED"
    assert {f.bron for v in read_figures(target).values() for f in v.values()} == {
        "CBS StatLine 84847NED"
    }
