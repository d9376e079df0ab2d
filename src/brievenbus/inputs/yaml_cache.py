"""A cache of parsed YAML, so a letter does not wait ~0.25 s for 342 municipalities.

Parsed values (plain dicts, lists, strings: marshal holds no code) are kept
by the hash of the file's bytes *and* of the code that parses them: a change
to the YAML reader or a new brievenbus version never reads an old entry.
Old entries are pruned. ``BRIEF_CACHE_DIR`` moves the cache (the tests give
every run its own folder, so they never see a user's cache).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

CACHE_ENV = "BRIEF_CACHE_DIR"
SUFFIX = ".marshal"
MAX_ENTRIES = 64  # a workspace has five data files; room for a few versions of each
PRUNE_AGE_SECONDS = 30 * 24 * 3600  # entries unused for a month go
PRODUCERS = (
    "yaml_reader.py",
    "yaml_tree.py",
    "yaml_cache.py",
)  # the code that makes a cached value


def cache_dir() -> Path:
    """Where brievenbus keeps caches (parsed YAML, compiled templates); safe to delete.

    The platform's own cache folder: %LOCALAPPDATA% on Windows,
    ~/Library/Caches on macOS, $XDG_CACHE_HOME or ~/.cache elsewhere.
    """
    if override := os.environ.get(CACHE_ENV):
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "brievenbus"


@cache
def code_fingerprint() -> bytes:
    """The Python and brievenbus versions and the source of the code whose output is cached."""
    digest = hashlib.sha256(sys.version.encode())
    # The installed version from the wheel's dist-info folder name beside the package
    # (importlib.metadata costs 0.1 s at start-up); a source checkout has none there.
    site_dir = Path(__file__).resolve().parents[2]
    for dist_info in sorted(site_dir.glob("brievenbus-*.dist-info")):
        digest.update(dist_info.name.encode())
    for name in PRODUCERS:
        digest.update(Path(__file__).with_name(name).read_bytes())
    return digest.digest()


def _entry_path(raw: bytes) -> Path:
    return cache_dir() / f"yaml-{hashlib.sha256(code_fingerprint() + raw).hexdigest()}{SUFFIX}"


def read_cached(raw: bytes) -> Any:
    """The parsed value of a file with these bytes, or None."""
    try:
        return marshal.loads(_entry_path(raw).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write_cached(raw: bytes, value: Any) -> None:
    """Best effort: a cache that cannot be written is simply not used."""
    path = _entry_path(raw)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(value))
        os.replace(temporary, path)
        prune(path.parent)
    except (OSError, ValueError):  # ValueError: a value marshal cannot hold
        pass


def prune(folder: Path, keep: int = MAX_ENTRIES, max_age: float = PRUNE_AGE_SECONDS) -> int:
    """Remove entries beyond the newest ``keep`` and any older than ``max_age``; count them."""
    entries = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    now = time.time()
    removed = 0
    for position, (mtime, path) in enumerate(entries):
        if position >= keep or now - mtime > max_age:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
