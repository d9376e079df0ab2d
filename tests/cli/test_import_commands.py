"""`brief importeer cbs` called as a function: what it read, what it skipped, where it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from brievenbus.cli.import_commands import import_cbs
from brievenbus.inputs.dataset import load_dataset

EXPORT = Path(__file__).parents[1] / "fixtures" / "statline_84847NED.csv"


def test_import_into_the_data_folder(small_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import_cbs(EXPORT, columns=None, source="CBS StatLine 84847NED", data_dir=small_data)
    captured = capsys.readouterr()
    assert "periode 2024" in captured.out
    assert (
        "kolom 'Meldingen (aantal)' → veilig-thuis-meldingen (meldingen bij Veilig Thuis)"
        in captured.out
    )
    assert "niet gevonden als gemeente: " in captured.err  # the small workspace has three
    assert load_dataset(small_data).figures["GM0034"]["veilig-thuis-meldingen"].periode == "2024"


def test_a_column_option_needs_heading_and_indicator(small_data: Path) -> None:
    with pytest.raises(typer.BadParameter, match="schrijf KOLOMKOP=indicator"):
        import_cbs(EXPORT, columns=["Meldingen"], source="CBS", data_dir=small_data)
