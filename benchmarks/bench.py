"""Throughput and start-up of `brief`, and a docxtpl loop for comparison, in one run.

    pip install '.[bench]'
    python benchmarks/bench.py [--docxtpl-letters N]

Prints ratios measured in the same run on the same machine (absolute times on
shared machines move 15–25% between runs; ratios much less). Targets (issue 5):
>= 500 letters/s end to end, >= 10x a docxtpl loop, `brief --help` < 0.25 s,
`brief genereer Huizen` < 0.6 s (issue 12: <= 0.35 s). Issue 13: a fresh national batch, with the
register and its fsyncs, >= 1,000 letters/s; an unchanged re-run <= 40 % of
a fresh run's time. Issue 17: `brief opvolging` on the national register
<= 1 s, `brief opvolging rapport` <= 2 s.
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATE = "2026-04-28"
# What any one-letter run imports before brievenbus's own code: Typer (whose option
# parsing builds pydantic validators), rich, pydantic (the data models), Jinja2,
# markdown-it, lxml (the house style) and sqlite3 (the register).
LIBRARIES = (
    "import gc; gc.disable(); "
    "import typer._adapters, rich.console, pydantic, jinja2, markdown_it, lxml.etree, sqlite3"
)


CPU_SECONDS: dict[str, float] = {}  # processor time of the last command (all its processes)


def wall(command: list[str], cwd: Path, runs: int = 1) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        CPU_SECONDS["last"] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return statistics.median(times)


def compile_bytecode() -> None:
    """Compile brievenbus as `pip install .` does: an editable install on a machine with
    PYTHONDONTWRITEBYTECODE set would otherwise compile every module at every start."""
    import compileall

    import brievenbus

    compileall.compile_dir(Path(brievenbus.__file__).parent, quiet=1)


def make_docxtpl_template(path: Path) -> None:
    """A Word template with the election letter's text as docxtpl tags (python-docx)."""
    import docx

    document = docx.Document()
    for text in (
        "{{ adres }}",
        "{{ plaats }}, {{ datum }}",
        "Betreft: {{ onderwerp }}",
        "{{ aanhef }}",
    ):
        document.add_paragraph(text)
    for text in ("{{ inleiding }}", "{{ verdrag }}", "{{ rol }}"):
        document.add_paragraph(text)
    document.add_heading("Enkele feiten en cijfers", level=2)
    document.add_paragraph("{%p for feit in feiten %}")
    document.add_paragraph("{{ feit }}", style="List Bullet")
    document.add_paragraph("{%p endfor %}")
    document.add_heading("Nederland en het Verdrag van Istanbul", level=2)
    document.add_paragraph("{{ ratificatie }}")
    document.add_heading("De vier pijlers: preventie, bescherming, vervolging en beleid", level=2)
    document.add_paragraph("{%p for pijler in pijlers %}")
    document.add_paragraph("{{ pijler }}", style="List Number")
    document.add_paragraph("{%p endfor %}")
    document.add_heading("Wat gemeenten volgens het verdrag kunnen doen", level=2)
    document.add_paragraph("{%p for maatregel in maatregelen %}")
    document.add_paragraph("{{ maatregel }}", style="List Number")
    document.add_paragraph("{%p endfor %}")
    document.add_heading("Over Soroptimist", level=2)
    document.add_paragraph("{{ soroptimist }}")
    document.add_heading("Onze vraag aan uw partij", level=2)
    document.add_paragraph("{{ vraag }}")
    document.add_paragraph("Met vriendelijke en betrokken groet,")
    document.add_paragraph("{{ club }}")
    document.save(str(path))


def docxtpl_rate(letters: int, folder: Path) -> float:
    """Letters per second for a plain docxtpl loop over the same per-party letters."""
    from docxtpl import DocxTemplate

    from brievenbus.dutch_formats import dutch_date
    from brievenbus.letters.rendering import format_articles
    from brievenbus.letters.workspace import Workspace

    template_path = folder / "sjabloon.docx"
    make_docxtpl_template(template_path)
    workspace = Workspace.open()
    jobs = [(m, p) for m in workspace.dataset.municipalities for p in m.raad.fracties][:letters]
    out_dir = folder / "docxtpl"
    out_dir.mkdir()
    start = time.perf_counter()
    for index, (municipality, party) in enumerate(jobs):
        plan = workspace.plan(municipality, "verkiezingen", datetime.date(2026, 4, 28), (), party)
        context = workspace.template_variables(plan)
        facts = context["feitenlijst"]
        template = DocxTemplate(str(template_path))
        template.render(
            {
                "adres": f"Aan de fractievoorzitter van {party.naam} in de gemeenteraad van {municipality.naam}",
                "plaats": context["brief"]["plaats"],
                "datum": dutch_date(plan.date),
                "onderwerp": "Het Verdrag van Istanbul – opname in uw partijprogramma",
                "aanhef": f"Geachte fractievoorzitter van {party.naam},",
                "inleiding": f"Met de gemeenteraadsverkiezingen in zicht vragen wij als {plan.club.naam} …",
                "verdrag": "Het Verdrag van Istanbul is het mensenrechtenverdrag van de Raad van Europa …",
                "rol": "Gemeenten hebben een sleutelrol …",
                "feiten": [f"{f.tekst} ({f.bron}, {f.jaar})" for f in facts],
                "ratificatie": context["feiten"]["ratificatie"].tekst,
                "pijlers": [f"{p['naam']}: {p['omschrijving']}" for p in context["pijlers"]],
                "maatregelen": [
                    f"{m.titel}: {m.tekst} ({format_articles(m.artikelen)})" for m in plan.measures
                ],
                "soroptimist": context["feiten"]["soroptimist-netwerk"].tekst,
                "vraag": "Wij rekenen erop dat uw partij dit thema stevig verankert …",
                "club": plan.club.naam,
            }
        )
        template.save(str(out_dir / f"{index}.docx"))
    return len(jobs) / (time.perf_counter() - start)


def new_files(folder: Path, files: int = 2659, folders: int = 343) -> float:
    """Seconds to create as many new letter-sized files, each through a temporary file
    renamed into place, in as many folders as a fresh national batch: the file
    system's share. On ext4 without a journal (as on the machines this was written
    on) it changes a lot from minute to minute: to find a free inode the kernel
    skips, one by one, every inode freed in the last one to six minutes, so after
    many deletions (a test run, an earlier benchmark's clean-up) each new file
    costs several times more processor time in the kernel."""
    start = time.perf_counter()
    for number in range(folders):
        (folder / str(number)).mkdir(parents=True)
    for number in range(files):
        temporary = folder / str(number % folders) / f".{number}.tmp"
        temporary.write_bytes(b"x" * 9800)
        temporary.rename(temporary.with_name(f"{number}.docx"))
    return time.perf_counter() - start


def fill_followup(folder: Path) -> int:
    """Follow-up for the national register as a campaign might have it: every letter
    sent, every third answered, every sixth with a promise. Returns the letters."""
    from brievenbus.output.followup import FollowUp, FollowUpRegister

    with FollowUpRegister.open(folder) as register:
        letters = register.letters()
        changes = {}
        for index, subject in enumerate(letters):
            answered = "2026-05-12" if index % 3 == 0 else ""
            promise = "Agendeert het verdrag in de raad" if index % 6 == 0 else ""
            changes[subject] = FollowUp("2026-05-01", answered, promise)
        register.save(changes)
    return len(letters)


def main() -> None:
    """Run every measurement and print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--docxtpl-letters", type=int, default=300, help="letters in the docxtpl sample"
    )
    options = parser.parse_args()
    brief = shutil.which("brief") or sys.exit("brief is not installed: pip install '.[bench]'")
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        help_time = wall([brief, "--help"], folder, runs=9)
        # Every letter on trial (all kinds, every party) for the national data, on all cores.
        check_time = wall([brief, "controleer"], folder, runs=3)
        # One letter into a fresh folder, alternating with importing the libraries alone,
        # so that both see the same load.
        one_letter_times, library_times = [], []
        for i in range(7):
            one_letter_times.append(
                wall([brief, "genereer", "Huizen", "--datum", DATE, "--uitvoer", f"een{i}"], folder)
            )
            library_times.append(wall([sys.executable, "-c", LIBRARIES], folder))
        one_letter, one_letter_median = min(one_letter_times), statistics.median(one_letter_times)
        libraries = statistics.median(library_times)
        # The whole batch three times into fresh folders, each followed by an unchanged
        # re-run into the same folder: the median damps a noisy neighbour, and each pair
        # runs under about the same load.
        everything = [brief, "genereer", "--alle", "--per-fractie", "--datum", DATE, "--uitvoer"]
        fresh, unchanged, fresh_cpu, unchanged_cpu = [], [], [], []
        disk_before = new_files(folder / "schijf-voor")
        os.sync()  # the probe's files must not be flushed by the first batch's syncfs
        for i in range(3):
            fresh.append(wall([*everything, f"alle{i}"], folder))
            fresh_cpu.append(CPU_SECONDS["last"])
            unchanged.append(wall([*everything, f"alle{i}"], folder))
            unchanged_cpu.append(CPU_SECONDS["last"])
        # After the batches: a batch's syncfs would otherwise wait for these files too.
        disk = [new_files(folder / f"schijf{i}") for i in range(3)]
        batch = statistics.median(fresh)
        rerun = statistics.median(unchanged)
        letters = len(list((folder / "alle0").rglob("*.docx")))
        rate = letters / batch
        baseline = docxtpl_rate(options.docxtpl_letters, folder)
        followed = fill_followup(folder / "alle0")
        overview = wall([brief, "opvolging", "--uitvoer", "alle0"], folder, runs=5)
        report = wall([brief, "opvolging", "rapport", "--uitvoer", "alle0"], folder, runs=5)

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(
        f"all per-party letters:   {letters} letters in {batch:.2f} s (median of 3) = {rate:.0f} letters/s (target >= 500)"
    )
    print(
        f"fresh, register + fsync: {rate:.0f} letters/s (target >= 1000; best of 3: {letters / min(fresh):.0f}/s)"
    )
    print(
        f"re-run, all unchanged:   {rerun:.2f} s (median of 3) = {100 * rerun / batch:.0f} % of a fresh run (target <= 40 %)"
    )
    print(
        f"new files alone:         {disk_before:.2f} s before the batches, {statistics.median(disk):.2f} s after (median of 3) "
        f"to create {letters} letter-sized files in 343 folders, as a fresh run must: the file system's share "
        f"({1000 * statistics.median(disk) / letters:.2f} ms a file; it varies from minute to minute, see new_files)"
    )
    cpu_fresh, cpu_rerun = statistics.median(fresh_cpu), statistics.median(unchanged_cpu)
    print(
        f"processor time:          fresh {cpu_fresh:.2f} s, unchanged re-run {cpu_rerun:.2f} s (all processes; "
        f"wall time far above processor time / 2 means the machine was busy)"
    )
    print(
        f"docxtpl loop ({options.docxtpl_letters} letters): {baseline:.0f} letters/s, one process"
    )
    print(f"ratio brief / docxtpl:   {rate / baseline:.1f}x (target >= 10x)")
    print(f"brief --help:            {help_time:.3f} s median of 9 (target < 0.25 s)")
    print(
        f"brief genereer Huizen:   {one_letter_median:.3f} s median, {one_letter:.3f} s best of 7 (target <= 0.35 s)"
    )
    print(
        f"  of which libraries:    {libraries:.3f} s median of 7: importing them alone, before any of brief's work"
    )
    print(
        f"brief opvolging:         {overview:.3f} s median of 5, {followed} letters (target <= 1 s)"
    )
    print(f"brief opvolging rapport: {report:.3f} s median of 5 (target <= 2 s)")
    print(
        f"brief controleer:        {check_time:.2f} s median of 3, every letter on trial (target <= 3 s)"
    )


if __name__ == "__main__":
    main()
