"""Progress while a batch runs, and the summary afterwards (on the terminal)."""

from __future__ import annotations

import os
from collections import Counter
from typing import TYPE_CHECKING

from brievenbus.cli.common import err, out, plain, say, warn
from brievenbus.fileio import display_path
from brievenbus.output.files import LetterStatus
from brievenbus.wording import count, short_list

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
                f"  ({outcome.job.kind},"
                f" {count(len(outcome.job.measure_ids), 'maatregel', 'maatregelen')},"
                f" namens {sender})"
                if status is not LetterStatus.FAILED
                else ""
            )
            skipped = f" — {outcome.reason}" if status is LetterStatus.SKIPPED else ""
            colour = COLOURS.get(status, "green")
            line = plain(f"{display_path(outcome.job.path)}{details}{skipped}")
            say(f"[{colour}]{status.value}:[/] {line}")

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
            for status, letters in result.counts().items():
                table.add_row(status.value, str(letters))
            out.print(table)
            self._report_senders(result)
        _report_attachments(result)
        for outcome in result.failed[:20]:
            hint = f"\n  → {outcome.hint}" if outcome.hint else ""
            err.print(
                f"[bold red]Fout:[/] {plain(outcome.reason + hint)}",
                highlight=False,
                soft_wrap=True,
            )
        if result.stale:
            kinds = {p.suffix for p in result.stale}
            again = " en ".join(o for s, o in ((".pdf", "--pdf"), (".eml", "--eml")) if s in kinds)
            what = (
                "PDF of e-mailconcept hoort"
                if len(result.stale) == 1
                else "PDF's of e-mailconcepten horen"
            )
            warn(
                f"{len(result.stale)} {what} bij een oudere versie van de brief ernaast"
                f" (bv. {display_path(result.stale[0])}); maak ze opnieuw met {again}"
            )
        for problem in [*result.attachment_errors[:20], *result.problems]:
            err.print(f"[bold red]Fout:[/] {plain(str(problem))}", highlight=False, soft_wrap=True)
        if skipped := [o for o in result.outcomes if o.status is LetterStatus.SKIPPED]:
            files = plain(short_list([str(display_path(o.job.path)) for o in skipped]))
            them = "hem" if len(skipped) == 1 else "ze"
            err.print(
                f"[yellow]{count(len(skipped), 'brief', 'brieven')} overgeslagen[/] ({files}):"
                f" met de hand bewerkt sinds de vorige keer. Gebruik --overschrijf om {them} te"
                " vervangen.",
                highlight=False,
                soft_wrap=True,
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
        for club_id, letters in per_club.most_common():
            say(f"{count(letters, 'brief', 'brieven')} namens {self.senders.get(club_id, club_id)}")


def _report_attachments(result: BatchResult) -> None:
    """How many PDFs and e-mail drafts were placed beside the letters."""
    if pdfs := sum(1 for o in result.outcomes if o.pdf):
        beside = "naast de brief" if pdfs == 1 else "naast de brieven"
        out.print(f"[green]PDF:[/] {pdfs} {beside}", highlight=False)
    if kept := sum(1 for o in result.outcomes if o.eml_kept):
        err.print(
            f"[yellow]{count(kept, 'e-mailconcept', 'e-mailconcepten')} niet vervangen[/]:"
            " met de hand bewerkt sinds de vorige keer. Gebruik --overschrijf om"
            f" {'het' if kept == 1 else 'ze'} te vervangen.",
            highlight=False,
        )
    if drafts := sum(1 for o in result.outcomes if o.eml):
        unaddressed = sum(1 for o in result.outcomes if o.eml and not o.eml_to)
        out.print(
            f"[green]E-mailconcept{'' if drafts == 1 else 'en'}:[/] {drafts} naast de"
            f" brie{'f' if drafts == 1 else 'ven'} (.eml, niet verstuurd)"
            + (
                f"; bij {unaddressed} staat nog geen ontvanger: vul die zelf in"
                if unaddressed
                else ""
            ),
            highlight=False,
        )
