"""What a user sees during and after a batch: a line per letter, then the summary."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from brievenbus.cli.batch_report import BatchReport
from brievenbus.letters.workspace import Workspace
from brievenbus.output.batch import BatchResult, Job, Outcome
from brievenbus.output.files import LetterStatus


def outcome(workdir: Path, name: str, status: LetterStatus, **fields: object) -> Outcome:
    job = Job(
        code="GM0406",
        party=None,
        via_clerk=False,
        kind="verkiezingen",
        date=datetime.date(2026, 3, 18),
        club_id="bussum-eo",
        measure_ids=("onderwijs", "plegerhulp"),
        output_dir=workdir / "brieven",
        path=workdir / "brieven" / f"{name}.docx",
        overwrite=False,
    )
    return Outcome(job, name.capitalize(), status, **fields)  # type: ignore[arg-type]


def test_a_line_per_letter_in_a_small_batch(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = BatchReport(2, {"bussum-eo": "Soroptimistclub Bussum e.o."})
    with report:
        report.add(outcome(workdir, "huizen", LetterStatus.NEW, warnings=("let op [a]",)))
        report.add(
            outcome(
                workdir,
                "laren",
                LetterStatus.SKIPPED,
                reason="met de hand bewerkt (gebruik --overschrijf)",
            )
        )
    assert capsys.readouterr().out == (
        "nieuw: brieven/huizen.docx  (verkiezingen, 2 maatregelen, namens Soroptimistclub"
        " Bussum e.o.)\n"
        "overgeslagen: brieven/laren.docx  (verkiezingen, 2 maatregelen, namens Soroptimistclub"
        " Bussum e.o.) — met de hand bewerkt (gebruik --overschrijf)\n"
    )
    assert list(report.warnings) == ["let op [a]"]


def test_summary_of_failures_skips_and_an_interruption(
    workdir: Path, packaged_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    result = BatchResult(
        outcomes=[
            outcome(
                workdir,
                "huizen",
                LetterStatus.FAILED,
                reason="brieven/huizen.docx: fout [x]",
                hint="doe iets",
            ),
            outcome(workdir, "laren", LetterStatus.SKIPPED),
            outcome(workdir, "epe", LetterStatus.NEW, default_sender=True, eml=workdir / "a.eml"),
        ],
        interrupted=True,
        planned=5,
    )
    BatchReport(3).summarise(result, packaged_workspace, "brief genereer --alle --hervat")
    captured = capsys.readouterr()
    assert (
        captured.out
        == "E-mailconcept: 1 naast de brief (.eml, niet verstuurd); bij 1 staat nog geen ontvanger: vul die zelf in\n"
    )
    # The example data: their own notice says who signs; no pointer into the package.
    assert "geen eigen club" not in captured.err
    assert captured.err.endswith(
        "Fout: brieven/huizen.docx: fout [x]\n  → doe iets\n"
        "1 brief overgeslagen (brieven/laren.docx): met de hand bewerkt sinds de vorige keer."
        " Gebruik --overschrijf om hem te vervangen.\n"
        "Afgebroken na 3 van 5 brieven; er is geen half bestand achtergelaten. Ga verder met:\n"
        "  brief genereer --alle --hervat\n"
    )


def test_a_large_batch_gets_a_table_of_statuses(
    workdir: Path, packaged_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    outcomes = [outcome(workdir, f"g{i}", LetterStatus.NEW) for i in range(11)]
    outcomes.append(outcome(workdir, "x", LetterStatus.UNCHANGED))
    report = BatchReport(len(outcomes))
    for item in outcomes:
        report.add(item)
    report.summarise(BatchResult(outcomes=outcomes, planned=12), packaged_workspace, "")
    lines = [line.strip("│ ") for line in capsys.readouterr().out.splitlines()]
    assert "Samenvatting" in lines
    assert [line.split() for line in lines if line.startswith(("nieuw", "ongewijzigd"))] == [
        ["nieuw", "│", "11"],
        ["ongewijzigd", "│", "1"],
    ]
