"""`brief opvolging markeer`: a bare --verstuurd means today."""

from __future__ import annotations

from typing import Any

import pytest
from typer.core import TyperCommand

from brievenbus.cli.followup_commands import SENT_OPTION, TODAY, MarkCommand


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Any:
    """What MarkCommand hands on to Typer's own parser."""
    seen: list[str] = []

    def record(self: TyperCommand, ctx: Any, args: list[str]) -> list[str]:
        seen[:] = args
        return args

    monkeypatch.setattr(TyperCommand, "parse_args", record)

    def parse(args: list[str]) -> list[str]:
        MarkCommand(name="markeer").parse_args(None, args)
        return list(seen)

    return parse


def test_bare_sent_option_gets_today(parsed: Any) -> None:
    """Last on the line, or before another option: 'vandaag' is filled in."""
    assert parsed(["Huizen", SENT_OPTION]) == ["Huizen", SENT_OPTION, TODAY]
    assert parsed(["Huizen", SENT_OPTION, "--notitie", "x"]) == [
        "Huizen", SENT_OPTION, TODAY, "--notitie", "x",
    ]  # fmt: skip


def test_a_given_date_is_kept(parsed: Any) -> None:
    """A date after --verstuurd is left as typed."""
    assert parsed(["Huizen", SENT_OPTION, "2026-05-01"]) == ["Huizen", SENT_OPTION, "2026-05-01"]
