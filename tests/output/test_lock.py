"""One run per output folder: a second one waits briefly, then says which run is busy."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.output.lock import LOCK_NAME, RunLock

HOLD = (
    "import sys, time; from pathlib import Path; from brievenbus.output.lock import RunLock;"
    " RunLock(Path(sys.argv[1])).__enter__(); print('vast', flush=True); time.sleep(60)"
)


def test_the_lock_file_names_its_holder(tmp_path: Path) -> None:
    with RunLock(tmp_path):
        text = (tmp_path / LOCK_NAME).read_text(encoding="utf-8")
        assert text.startswith(f"proces {os.getpid()} op {socket.gethostname()}, gestart ")
    with RunLock(tmp_path):  # released: the next run in this process gets it
        pass


def test_a_second_process_is_refused_until_the_first_ends(workdir: Path) -> None:
    folder = workdir / "brieven"
    folder.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "vast"
        with pytest.raises(OutputError) as caught, RunLock(folder, wait=0.2):
            pass
    finally:
        holder.kill()
        holder.wait()
    problem = caught.value.problems[0]
    assert problem.message.startswith(
        f"in brieven is al een andere opdracht van brief bezig (proces {holder.pid} op "
        f"{socket.gethostname()}, gestart "
    )
    assert problem.message.endswith("); er is niets geschreven")
    assert "--uitvoer MAP" in problem.hint
    with RunLock(folder, wait=0):  # killed: the operating system released the lock
        pass


def test_a_folder_that_cannot_hold_the_lock(workdir: Path) -> None:
    (workdir / "brieven").write_text("een bestand", encoding="utf-8")
    with pytest.raises(OutputError) as caught, RunLock(workdir / "brieven"):
        pass
    assert caught.value.problems[0].message.startswith("kan niet schrijven in brieven (")
