"""Fixtures for the command-line unit tests (see also tests/unit_fixtures.py)."""

from __future__ import annotations

import pytest

from brievenbus.cli import common
from tests.unit_fixtures import packaged_workspace, small_data

__all__ = ["packaged_workspace", "small_data", "wide_console"]


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output as wide as a maximised terminal, so tables and messages do not wrap."""
    monkeypatch.setattr(common.out, "_width", 200)
    monkeypatch.setattr(common.err, "_width", 200)
