"""`brief importeer cbs` called as a function: what it read, what it skipped, where it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from brievenbus.cli.import_commands import import_cbs
from brievenbus.inputs.dataset import load_dataset

EXPORT = Path(__file__).parents[1] / "fixtures" / "statline_84847NED.csv"


def test_import_a_csv_export_into_the_data_folder(
    small_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_cbs(str(EXPORT), online=False, columns=None, source=None, data_dir=small_data)
    captured = capsys.readouterr()
    assert "periode 2024 (ook in het bestand: 2023, 2025 1e halfjaar)" in captured.out
    assert (
        "kolom 'Meldingen (aantal)' → veilig-thuis-meldingen (meldingen bij Veilig Thuis)"
        in captured.out
    )
    assert "  2 gemeenten, 4 cijfers\n" in captured.out
    assert captured.out.endswith(f"geschreven: {small_data / 'cijfers.yaml'}\n")
    assert "niet gevonden als gemeente: " in captured.err  # the small workspace has three
    assert load_dataset(small_data).figures["GM0034"]["veilig-thuis-meldingen"].periode == "2024"


def test_a_file_or_online_is_needed_and_columns_need_both_halves(small_data: Path) -> None:
    with pytest.raises(typer.BadParameter, match="noem een CSV-export uit StatLine"):
        import_cbs(None, online=False, columns=None, source=None, data_dir=small_data)
    with pytest.raises(typer.BadParameter, match="schrijf KOLOMKOP=indicator"):
        import_cbs(
            str(EXPORT), online=False, columns=["Meldingen"], source=None, data_dir=small_data
        )


def test_a_missing_file_exits_1_with_a_dutch_reason(
    small_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(typer.Exit) as caught:
        import_cbs("weg.csv", online=False, columns=None, source=None, data_dir=small_data)
    assert caught.value.exit_code == 1
    assert capsys.readouterr().err.startswith("Fout: kan weg.csv niet lezen (bestaat niet)")
    assert not (small_data / "cijfers.yaml").exists()
