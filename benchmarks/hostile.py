"""Time and memory of every bad-input case, run as a user would (a new `brief` process).

    python benchmarks/hostile.py [CASE…]

Each case of tests/bad_inputs/ runs in a fresh folder (hostile files made by
tests/hostile_files.py), with a warm YAML cache shared by all runs. Printed per
case: wall time, peak memory (max RSS) and exit code; for comparison the same
numbers for `brief controleer` on the packaged data. Not a timed test: limits
must make every case fail fast, and this shows how fast.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_bad_inputs import CASES, CASES_DIR, make_hostile_files  # noqa: E402


def run(args: list[str], folder: Path, env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, peak memory (MB) and exit code of one `brief` process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "brievenbus", *args],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss // 1024, process.returncode


def main() -> None:
    """Run the named cases (default: all) and print a table."""
    wanted = sys.argv[1:] or CASES
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "BRIEF_CACHE_DIR": str(Path(scratch) / "cache")}
        empty = Path(scratch) / "leeg"
        empty.mkdir()
        run(["controleer"], empty, env)  # warm the cache
        seconds, memory, code = run(["controleer"], empty, env)
        print(f"{'(gewone controleer)':40} {seconds:6.2f} s {memory:6d} MB  exit {code}")
        for case in wanted:
            folder = Path(scratch) / case
            source = CASES_DIR / case
            ignore = shutil.ignore_patterns("opdracht", "verwacht", "maak")
            shutil.copytree(source, folder, ignore=ignore)
            make_hostile_files(source, folder)
            args = shlex.split((source / "opdracht").read_text(encoding="utf-8"))
            seconds, memory, code = run(args, folder, env)
            print(f"{case:40} {seconds:6.2f} s {memory:6d} MB  exit {code}")
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
