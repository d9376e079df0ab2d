"""Time and memory of every bad-input case, run as a user would (a new `brief` process).

    python benchmarks/hostile.py [CASE…]

Each case of tests/bad_inputs/ runs in a fresh folder (hostile files made by
tests/hostile_files.py), with a warm YAML cache shared by all runs. Printed per
case: wall and processor time, peak memory (max RSS) and exit code; for
comparison the same numbers for `brief controleer` on the packaged data and
for `brief --help` (start-up alone). Not a timed test: limits
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

from tests.test_bad_inputs import CASES, CASES_DIR  # noqa: E402


def run(args: list[str], folder: Path, env: dict[str, str]) -> tuple[float, float, int, int]:
    """Wall and processor seconds, peak memory (MB) and exit code of one `brief` process."""
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
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu, usage.ru_maxrss // 1024, process.returncode


def make_case(case: str, folder: Path) -> None:
    """Copy a case and make its hostile files in another process: a child's peak memory
    counts what it inherited, so this process must stay small."""
    source = CASES_DIR / case
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("opdracht", "verwacht", "maak"))
    code = "import sys; from pathlib import Path; from tests.test_bad_inputs import *; "
    code += "make_hostile_files(Path(sys.argv[1]), Path(sys.argv[2]))"
    subprocess.run([sys.executable, "-c", code, str(source), str(folder)], cwd=ROOT, check=True)


def main() -> None:
    """Run the named cases (default: all) and print a table."""
    wanted = sys.argv[1:] or CASES
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "BRIEF_CACHE_DIR": str(Path(scratch) / "cache")}
        empty = Path(scratch) / "leeg"
        empty.mkdir()
        run(["controleer"], empty, env)  # warm the cache
        print(f"{'':36} {'wall':>7} {'cpu':>7} {'peak':>7}")
        for name, args in (
            ("(controleer, goede gegevens)", ["controleer"]),
            ("(--help)", ["--help"]),
        ):
            seconds, cpu, memory, code = run(args, empty, env)
            print(f"{name:36} {seconds:6.2f}s {cpu:6.2f}s {memory:4d} MB  exit {code}")
        for case in wanted:
            folder = Path(scratch) / case
            make_case(case, folder)
            args = shlex.split((CASES_DIR / case / "opdracht").read_text(encoding="utf-8"))
            seconds, cpu, memory, code = run(args, folder, env)
            print(f"{case:36} {seconds:6.2f}s {cpu:6.2f}s {memory:4d} MB  exit {code}")
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
