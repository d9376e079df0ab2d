"""The `brief` command line (Typer): options in, messages out; the work is in the core."""

import os

# brief uses no pydantic plugins; looking for them reads the metadata of every
# installed package when the first model is built (about 10 % of start-up).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from brievenbus.cli.app import app, main  # after the setting above

__all__ = ["app", "main"]
