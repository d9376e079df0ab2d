"""Real processes killed, interrupted or starved of disk: the next run never mistakes the tool's
own letters for hand-edited ones, the manifest matches the files, and no worker is left.

Each test runs `brief` as a separate process (104 letters for the province of Zeeland,
one per party, so worker processes are used), stops it at some point, then runs again
with another date.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_workspace

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")

BATCH = ("genereer", "--provincie", "Zeeland", "--per-fractie")
FIRST_DATE = "2026-04-28"
NEXT_DATE = "2026-05-12"


def start_brief(cwd: Path, *args: str) -> subprocess.Popen[str]:
    """`brief …` as its own process group, as a terminal would start it."""
    return subprocess.Popen(
        [sys.executable, "-m", "brievenbus", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "COLUMNS": "200", "CI": "1"},
    )


def run_brief_process(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`brief …` to the end."""
    process = start_brief(cwd, *args)
    stdout, stderr = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def letters(folder: Path) -> dict[str, str]:
    """Every letter on disk: relative path → sha256."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*.docx")
    }


def wait_for_letters(folder: Path, count: int, process: subprocess.Popen[str]) -> None:
    """Until at least ``count`` letters are on disk (or the run ended)."""
    while process.poll() is None and len(list(folder.rglob("*.docx"))) < count:
        time.sleep(0.01)


def assert_no_process_left(group: int) -> None:
    """The killed run's process group is empty within a few seconds (workers included)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)
    pytest.fail("a process of the stopped run was still alive after 10 seconds")


def manifest(folder: Path) -> dict[str, dict[str, str]]:
    """manifest.csv by file, as Excel would read it."""
    text = (folder / "manifest.csv").read_bytes().decode("utf-8-sig")
    return {row["bestand"]: row for row in csv.DictReader(io.StringIO(text), delimiter=";")}


def assert_next_run_takes_nothing_for_edited(
    cwd: Path, folder: Path, date: str = NEXT_DATE
) -> None:
    """Run again with another date: every letter is the tool's own, the manifest is the truth."""
    again = run_brief_process(cwd, *BATCH, "--datum", date, "--uitvoer", str(folder))
    assert again.returncode == 0, again.stderr
    assert "overgeslagen" not in again.stdout + again.stderr
    assert "Traceback" not in again.stderr
    rows = manifest(folder)
    on_disk = letters(folder)
    assert {path: row["sha256"] for path, row in rows.items()} == on_disk
    assert {row["status"] for row in rows.values()} <= {"nieuw", "bijgewerkt"}
    assert not list(folder.rglob(".brief-*.tmp"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The output folder (not made yet)."""
    return tmp_path / "brieven"


@pytest.mark.parametrize("point", [0, 30])
def test_kill_9_then_run_again(tmp_path: Path, folder: Path, point: int) -> None:
    """kill -9 of the main process (before the first letter is written, and after many)."""
    process = start_brief(tmp_path, *BATCH, "--datum", FIRST_DATE, "--uitvoer", str(folder))
    if point == 0:
        while process.poll() is None and not (folder / ".brief-register.db").exists():
            time.sleep(0.005)
    else:
        wait_for_letters(folder, point, process)
    process.kill()
    process.communicate()
    assert_no_process_left(process.pid)
    assert_next_run_takes_nothing_for_edited(tmp_path, folder)


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_interrupt_counts_what_is_on_disk(tmp_path: Path, folder: Path, how: str) -> None:
    """Ctrl-C (to the whole process group) or SIGTERM: the summary counts exactly the files."""
    process = start_brief(tmp_path, *BATCH, "--datum", FIRST_DATE, "--uitvoer", str(folder))
    wait_for_letters(folder, 20, process)
    if how == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.terminate()
    _, stderr = process.communicate(timeout=60)
    assert_no_process_left(process.pid)
    assert "Traceback" not in stderr
    on_disk = letters(folder)
    if process.returncode == 0:  # the run finished before the signal came
        assert len(on_disk) == len(manifest(folder))
    else:
        assert process.returncode == 1
        assert f"Afgebroken na {len(on_disk)} van " in stderr
        assert "--hervat" in stderr
        assert {p: r["sha256"] for p, r in manifest(folder).items()} == on_disk
    assert_next_run_takes_nothing_for_edited(tmp_path, folder)


def test_resume_after_kill(tmp_path: Path, folder: Path) -> None:
    """--hervat after kill -9 does only what is left, and nothing is taken for hand-edited."""
    process = start_brief(tmp_path, *BATCH, "--datum", FIRST_DATE, "--uitvoer", str(folder))
    wait_for_letters(folder, 20, process)
    process.kill()
    process.communicate()
    assert_no_process_left(process.pid)
    before = letters(folder)
    resumed = run_brief_process(
        tmp_path, *BATCH, "--datum", FIRST_DATE, "--uitvoer", str(folder), "--hervat"
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "overgeslagen" not in resumed.stdout + resumed.stderr
    after = letters(folder)
    assert all(after[path] == sha for path, sha in before.items())  # finished ones untouched
    assert set(manifest(folder)) == set(after)
    assert_next_run_takes_nothing_for_edited(tmp_path, folder)


def test_failing_letter_is_a_failed_letter(tmp_path: Path, folder: Path) -> None:
    """A template that divides by zero for one municipality: that letter fails in Dutch, the rest is made."""
    templates = make_workspace(tmp_path) / "templates"
    original = (templates / "verkiezingen.md.j2").read_text("utf-8")
    broken = original + '{% if gemeente.naam == "Goes" %}{{ 1/0 }}{% endif %}\n'
    (templates / "verkiezingen.md.j2").write_text(broken, encoding="utf-8")
    result = run_brief_process(tmp_path, *BATCH, "--datum", FIRST_DATE, "--uitvoer", str(folder))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Fout: templates/verkiezingen.md.j2:" in result.stderr
    assert not list((folder / "goes").glob("*.docx"))
    rows = manifest(folder)
    assert {r["status"] for p, r in rows.items() if p.startswith("goes/")} == {"fout"}
    assert {p: r["sha256"] for p, r in rows.items() if r["status"] != "fout"} == letters(folder)

    (templates / "verkiezingen.md.j2").write_text(original, encoding="utf-8")
    assert_next_run_takes_nothing_for_edited(tmp_path, folder)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB file system (tmpfs) for the output; skipped where mounting is not allowed."""
    mount_point = tmp_path / "schijf"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_full_disk_then_run_again(tmp_path: Path, small_disk: Path) -> None:
    """The disk fills up: failed letters in Dutch; after space is freed nothing is skipped."""
    folder = small_disk / "brieven"
    result = run_brief_process(tmp_path, *BATCH, "--datum", FIRST_DATE, "--uitvoer", str(folder))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "de schijf is vol" in result.stderr
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    assert_next_run_takes_nothing_for_edited(tmp_path, folder)


def test_two_runs_at_once(tmp_path: Path, folder: Path) -> None:
    """Two runs into one folder: one waits or stops naming the other; nothing is lost."""
    first = start_brief(tmp_path, *BATCH, "--datum", FIRST_DATE, "--uitvoer", str(folder))
    second = start_brief(tmp_path, *BATCH, "--datum", NEXT_DATE, "--uitvoer", str(folder))
    results = [(p.wait(timeout=300), p.communicate()[1]) for p in (first, second)]
    for code, stderr in results:
        assert "Traceback" not in stderr
        if code != 0:
            assert "is al een andere opdracht van brief bezig (proces " in stderr
    assert any(code == 0 for code, _ in results)
    assert "overgeslagen" not in "".join(stderr for _, stderr in results)
    assert_next_run_takes_nothing_for_edited(tmp_path, folder, date="2026-06-02")


def test_init_on_a_full_disk_leaves_nothing(tmp_path: Path, small_disk: Path) -> None:
    """`brief init` where the data does not fit: a Dutch error and no cut-off file."""
    free = os.statvfs(small_disk)
    filler = small_disk / "vol"
    filler.write_bytes(b"\0" * (free.f_bavail * free.f_frsize - 100_000))  # 100 KB left
    result = run_brief_process(tmp_path, "init", str(small_disk / "werkmap"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "kan de werkmap niet maken in" in result.stderr
    assert "de schijf is vol" in result.stderr
    assert list(small_disk.iterdir()) == [filler]
