"""Fixtures shared by the unit tests (see tests/unit_fixtures.py)."""

from tests.unit_fixtures import packaged_workspace, small_data

__all__ = ["packaged_workspace", "small_data"]
