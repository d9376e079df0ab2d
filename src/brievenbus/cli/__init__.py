"""The `brief` command line (Typer): options in, messages out; the work is in the core."""

from brievenbus.cli.app import app, main

__all__ = ["app", "main"]
