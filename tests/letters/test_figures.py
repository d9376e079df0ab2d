"""Local figures: reading a StatLine export as CBS writes it, writing cijfers.yaml, derived numbers."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.inputs.models import Figure, FiguresFile
from brievenbus.inputs.validation import validate
from brievenbus.inputs.yaml_reader import read_yaml
from brievenbus.letters.figures import local_figures, read_statline_csv, shelter_norm, write_figures
from brievenbus.letters.workspace import Workspace

TODAY = datetime.date(2026, 5, 1)
EXPORT = (
    '\ufeff"Veilig Thuis; regio"\n'
    '"Regio\'s";"Perioden";"Meldingen (aantal)";"Adviezen (aantal)"\n'
    '"Nederland";"2024JJ00";"95.000";"88000"\n'
    '"Flevoland (PV)";"2024JJ00";"4200";"3100"\n'
    '"Almere";"2023JJ00";"1";"1"\n'
    '"Almere";"2024JJ00";"1.234";"."\n'
    '"Huizen";"2024JJ00";"-";"12,5"\n'
    '"GM0014";"2024JJ00";"2000";"x"\n'
    '"Huizen";"2025HJ01*";"9";"9"\n'
    '"Weesp";"2024JJ00";"10";"10"\n'
)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def test_statline_export_as_cbs_writes_it(export: Path, packaged_workspace: Workspace) -> None:
    report = read_statline_csv(export, packaged_workspace.dataset.municipalities, today=TODAY)
    assert report.period == "2024"  # the last complete year, not the provisional half year
    assert report.periods_seen == ["2023", "2024", "2025 1e halfjaar"]
    values = {code: {k: f.waarde for k, f in v.items()} for code, v in report.figures.items()}
    assert values == {
        "GM0034": {"veilig-thuis-meldingen": 1234.0, "veilig-thuis-adviezen": None},
        "GM0406": {"veilig-thuis-meldingen": 0.0, "veilig-thuis-adviezen": 12.5},
        "GM0014": {"veilig-thuis-meldingen": 2000.0, "veilig-thuis-adviezen": None},
    }
    assert (report.unknown_values, report.not_municipalities, report.unmatched) == (2, 2, ["Weesp"])
    assert report.columns == {
        "Meldingen (aantal)": "veilig-thuis-meldingen",
        "Adviezen (aantal)": "veilig-thuis-adviezen",
    }
    figure = report.figures["GM0406"]["veilig-thuis-adviezen"]
    assert (figure.periode, figure.bron, figure.opgehaald) == (
        "2024",
        "CBS StatLine 84847NED",
        TODAY,
    )


def test_not_an_export(tmp_path: Path, packaged_workspace: Workspace) -> None:
    path = tmp_path / "iets.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_statline_csv(path, packaged_workspace.dataset.municipalities)
    assert caught.value.problems[0].message == "geen kolommen 'Regio's' en 'Perioden' gevonden"


def test_written_figures_merge_and_read_back(tmp_path: Path) -> None:
    def figure(value: float | None, period: str) -> Figure:
        return Figure(waarde=value, periode=period, bron="CBS", opgehaald=TODAY)

    old = {
        "GM0406": {"veilig-thuis-meldingen": figure(5, "2023")},
        "GM0034": {"veilig-thuis-meldingen": figure(7, "2023")},
    }
    new = {
        "GM0406": {
            "veilig-thuis-meldingen": figure(6, "2024"),
            "veilig-thuis-adviezen": figure(None, "2024"),
        }
    }
    path = tmp_path / "data" / "cijfers.yaml"
    write_figures(path, new, old)
    assert path.read_text(encoding="utf-8").startswith("# Lokale cijfers per gemeente")
    read = validate(read_yaml(path), FiguresFile).cijfers
    assert list(read) == ["GM0034", "GM0406"]
    assert read["GM0034"]["veilig-thuis-meldingen"].waarde == 7
    assert read["GM0406"]["veilig-thuis-meldingen"] == figure(6, "2024")
    assert read["GM0406"]["veilig-thuis-adviezen"].waarde is None  # unknown stays unknown


def test_unknown_figures_are_left_out_and_norm_follows_population(
    packaged_workspace: Workspace,
) -> None:
    dataset = packaged_workspace.dataset
    huizen = dataset.find_municipality("Huizen")
    figures = {
        "GM0406": {
            "veilig-thuis-meldingen": Figure(
                waarde=None, periode="2024", bron="CBS", opgehaald=TODAY
            ),
            "veilig-thuis-adviezen": Figure(waarde=10, periode="2024", bron="CBS", opgehaald=TODAY),
        }
    }
    local = local_figures(huizen, figures, dataset.municipalities)
    assert list(local) == ["veilig-thuis-adviezen"]
    assert local["veilig-thuis-adviezen"].per_1000 == pytest.approx(
        10 / huizen.inwoners.aantal * 1000
    )
    assert (
        local["veilig-thuis-adviezen"].rang,
        local["veilig-thuis-adviezen"].aantal_gemeenten,
    ) == (1, 1)
    assert shelter_norm(huizen) == huizen.inwoners.aantal / 10_000
