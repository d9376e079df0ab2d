"""The cache of parsed YAML: hits, keys tied to the code, pruning, and the tests' own folder."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from brievenbus.inputs import yaml_cache, yaml_reader
from brievenbus.inputs.yaml_cache import (
    CACHE_ENV,
    SUFFIX,
    cache_dir,
    code_fingerprint,
    prune,
    read_cached,
    write_cached,
)
from brievenbus.inputs.yaml_reader import read_yaml

TEXT = "gemeenten:\n  - code: GM0406\n    naam: Huizen\n    open: nee\n"
DATA = {"gemeenten": [{"code": "GM0406", "naam": "Huizen", "open": "nee"}]}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{SUFFIX}"))


def test_the_suite_never_uses_the_users_cache(private_cache: Path) -> None:
    """conftest gives every test run its own folder; ~/.cache/brievenbus stays untouched."""
    assert os.environ[CACHE_ENV] == str(private_cache)
    assert cache_dir() == private_cache
    assert not cache_dir().resolve().is_relative_to(Path.home().resolve() / ".cache")


def test_the_cache_is_private_before_any_test_module_is_imported(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test module that opens the workspace at import time (as tests/test_property.py
    does) already sees this run's own cache folder, never the user's."""
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # only what this needs: faster
    pytester.makeconftest((Path(__file__).parents[1] / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(
        test_at_import=f"""
        import os
        from pathlib import Path
        SEEN = os.environ.get({CACHE_ENV!r})

        def test_seen():
            assert SEEN is not None
            assert not Path(SEEN).resolve().is_relative_to(Path.home().resolve())
        """
    )
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
    assert CACHE_ENV not in os.environ  # and the run put everything back


def test_brief_cache_dir_is_honoured(cache: Path, tmp_path: Path) -> None:
    assert cache_dir() == cache
    path = tmp_path / "gemeenten.yaml"
    path.write_text(TEXT, encoding="utf-8")
    read_yaml(path)
    assert len(entries(cache)) == 1


def test_platform_folder_when_not_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "brievenbus"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    assert cache_dir() == tmp_path / "thuis" / ".cache" / "brievenbus"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "appdata"))
    assert cache_dir() == tmp_path / "appdata" / "brievenbus"


def test_second_read_comes_from_the_cache(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the YAML parser made unavailable, an unchanged file still reads: a cache hit."""
    path = tmp_path / "gemeenten.yaml"
    path.write_text(TEXT, encoding="utf-8")
    assert read_yaml(path).data == DATA  # miss: parsed and stored
    assert len(entries(cache)) == 1

    def no_parser(text: str, path: Path) -> object:
        raise AssertionError("the YAML parser was used despite a cache entry")

    monkeypatch.setattr(yaml_reader, "_compose", no_parser)
    monkeypatch.setitem(sys.modules, "yaml", None)  # `import yaml` fails from here on
    document = read_yaml(path)
    assert document.data == DATA
    assert document.text_without_lines == TEXT  # lines are worked out only when needed
    # The same bytes under another name are the same entry.
    other = tmp_path / "kopie.yaml"
    other.write_bytes(path.read_bytes())
    assert read_yaml(other).data == DATA


def test_lines_are_still_right_after_a_cache_hit(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "gemeenten.yaml"
    path.write_text(TEXT, encoding="utf-8")
    read_yaml(path)
    document = read_yaml(path)
    assert document.text_without_lines is not None
    assert document.line_of(("gemeenten", 0, "open")) == 4


def test_a_changed_file_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "gemeenten.yaml"
    path.write_text(TEXT, encoding="utf-8")
    read_yaml(path)
    path.write_text(TEXT.replace("Huizen", "Laren"), encoding="utf-8")
    assert read_yaml(path).data["gemeenten"][0]["naam"] == "Laren"
    assert len(entries(cache)) == 2


def test_key_changes_with_the_code_fingerprint(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Changed parsing code (or another version) never reads what the old code stored."""
    raw = TEXT.encode()
    write_cached(raw, DATA)
    assert read_cached(raw) == DATA
    with monkeypatch.context() as patch:
        patch.setattr(yaml_cache, "code_fingerprint", lambda: b"other code")
        assert read_cached(raw) is None
        write_cached(raw, {"anders": "ja"})
        assert read_cached(raw) == {"anders": "ja"}
    assert len(entries(cache)) == 2
    assert read_cached(raw) == DATA


def test_fingerprint_covers_the_source_of_the_producers(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "yaml_reader.py" in yaml_cache.PRODUCERS
    real = code_fingerprint()
    try:
        with monkeypatch.context() as patch:
            patch.setattr(yaml_cache, "PRODUCERS", ("yaml_cache.py",))
            code_fingerprint.cache_clear()
            assert code_fingerprint() != real
    finally:
        code_fingerprint.cache_clear()
    assert code_fingerprint() == real


def test_prune_keeps_the_newest_and_removes_old_entries(tmp_path: Path) -> None:
    now = 1_900_000_000.0
    paths = []
    for age in range(10):
        path = tmp_path / f"yaml-{age}{SUFFIX}"
        path.write_bytes(b"x")
        os.utime(path, (now - age * 60, now - age * 60))
        paths.append(path)
    other = tmp_path / "jinja"
    other.mkdir()
    assert prune(tmp_path, keep=3, max_age=1e12) == 7
    assert entries(tmp_path) == sorted(paths[:3])
    assert other.is_dir()  # only cache entries are removed
    # Older than max_age goes even when there is room.
    os.utime(paths[2], (0, 0))
    assert prune(tmp_path, keep=3, max_age=3600 * 24) == 1
    assert entries(tmp_path) == sorted(paths[:2])


def test_writing_prunes_so_the_cache_cannot_grow_without_bound(cache: Path) -> None:
    cache.mkdir()
    recent = time.time() - 3600
    for number in range(yaml_cache.MAX_ENTRIES + 5):
        (cache / f"yaml-{number}{SUFFIX}").write_bytes(b"x")
        os.utime(cache / f"yaml-{number}{SUFFIX}", (recent + number, recent + number))
    write_cached(TEXT.encode(), DATA)
    assert len(entries(cache)) == yaml_cache.MAX_ENTRIES
    assert read_cached(TEXT.encode()) == DATA  # the new entry is among the kept


def test_a_broken_or_unwritable_cache_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "een-bestand"
    blocked.write_text("geen map", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocked))
    path = tmp_path / "gemeenten.yaml"
    path.write_text(TEXT, encoding="utf-8")
    assert read_yaml(path).data == DATA  # cannot write the cache: still reads

    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    read_yaml(path)
    (entry,) = entries(folder)
    entry.write_bytes(b"\x00 kapot")
    assert read_cached(TEXT.encode()) is None
    assert read_yaml(path).data == DATA
