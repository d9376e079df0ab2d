"""Progress while a batch runs, and the summary afterwards (on the terminal)."""

from __future__ import annotations

import os
from collections import Counter
from typing import TYPE_CHECKING

from brievenbus.cli.common import err, out, say, warn
from brievenbus.fileio import display_path
from brievenbus.output.files import LetterStatus

if TYPE_CHECKING:
    from rich.progress import Progress

    from brievenbus.letters.workspace import Workspace
    from brievenbus.output.batch import BatchResult, Outcome

ITEMISED = 10  # up to this many letters, each gets its own line
COLOURS = {LetterStatus.FAILED: "red", LetterStatus.SKIPPED: "yellow"}


class BatchReport:
    """A progress bar on a terminal (not in CI), or a line per letter for small batches."""

    def __init__(self, total: int, senders: dict[str, str] | None = None) -> None:
        self.total = total
        self.senders = senders or {}  # club id → name, for 'namens …' on every line
        self.warnings: dict[str, None] = {}
        self.progress: Progress | None = None
        if total > ITEMISED and err.is_terminal and not os.environ.get("CI"):
            from rich.progress import Progress

            self.progress = Progress(console=err, transient=True)
            self.task = self.progress.add_task("Brieven maken", total=total)

    def __enter__(self) -> None:
        if self.progress:
            self.progress.start()

    def __exit__(self, *exc_info: object) -> None:
        if self.progress:
            self.progress.stop()

    def add(self, outcome: Outcome) -> None:
        """Called for every finished letter."""
        self.warnings.update(dict.fromkeys(outcome.warnings))
        if self.progress:
            self.progress.advance(self.task)
        elif self.total <= ITEMISED:
            status = outcome.status
            sender = self.senders.get(outcome.job.club_id, outcome.job.club_id)
            details = (
                f"  ({outcome.job.kind}, {len(outcome.job.measure_ids)} maatregelen,"
                f" namens {sender})"
                if status is not LetterStatus.FAILED
                else ""
            )
            skipped = f" — {outcome.reason}" if status is LetterStatus.SKIPPED else ""
            colour = COLOURS.get(status, "green")
            say(f"[{colour}]{status.value}:[/] {display_path(outcome.job.path)}{details}{skipped}")

    def summarise(self, result: BatchResult, workspace: Workspace, resume_command: str) -> None:
        """Warnings, the table of statuses, failures and what to do next."""
        unsigned = result.default_sender_municipalities
        if unsigned and (warning := workspace.default_sender_warning(unsigned)):
            warn(warning)
        for warning in list(self.warnings)[:10]:
            warn(warning)
        if self.total > ITEMISED and result.outcomes:
            from rich.table import Table

            table = Table(title="Samenvatting")
            table.add_column("status")
            table.add_column("brieven", justify="right")
            for status, count in result.counts().items():
                table.add_row(status.value, str(count))
            out.print(table)
            self._report_senders(result)
        _report_attachments(result)
        for outcome in result.failed[:20]:
            hint = f"\n  → {outcome.hint}" if outcome.hint else ""
            err.print(f"[bold red]Fout:[/] {outcome.reason}{hint}", highlight=False, soft_wrap=True)
        if skipped := result.count(LetterStatus.SKIPPED):
            letters = "brief" if skipped == 1 else "brieven"
            err.print(
                f"[yellow]{skipped} {letters} overgeslagen[/]: met de hand bewerkt sinds brief ze"
                " schreef. Gebruik --overschrijf om ze te vervangen.",
                highlight=False,
            )
        if result.interrupted:
            err.print(
                f"[red]Afgebroken[/] na {len(result.outcomes)} van {result.planned} brieven; er"
                f" is geen half bestand achtergelaten. Ga verder met:\n  {resume_command}",
                highlight=False,
                soft_wrap=True,
            )

    def _report_senders(self, result: BatchResult) -> None:
        """Who signs the letters of a large batch: one line per club."""
        made = [o for o in result.outcomes if o.status is not LetterStatus.FAILED]
        per_club = Counter(o.job.club_id for o in made)
        for club_id, count in per_club.most_common():
            letters = "brief" if count == 1 else "brieven"
            say(f"{count} {letters} namens {self.senders.get(club_id, club_id)}")


def _report_attachments(result: BatchResult) -> None:
    """How many PDFs and e-mail drafts were placed beside the letters."""
    if pdfs := sum(1 for o in result.outcomes if o.pdf):
        out.print(f"[green]PDF:[/] {pdfs} naast de brieven", highlight=False)
    if drafts := sum(1 for o in result.outcomes if o.eml):
        unaddressed = sum(1 for o in result.outcomes if o.eml and not o.eml_to)
        out.print(
            f"[green]E-mailconcepten:[/] {drafts} naast de brieven (.eml, niet verstuurd)"
            + (
                f"; bij {unaddressed} staat nog geen ontvanger: vul die zelf in"
                if unaddressed
                else ""
            ),
            highlight=False,
        )
