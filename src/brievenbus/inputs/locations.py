"""Where data and template files are found: an explicit folder, the workspace, the package."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from brievenbus.errors import DataError


@cache
def packaged_dir(name: str) -> Path:
    """The default data/ or templates/ folder shipped with the package.

    A wheel holds them inside the package; a source checkout (editable
    install) has them at the top of the repository.
    """
    inside = Path(str(resources.files("brievenbus"))) / name
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[3] / name


def candidate_paths(filename: str, folder: str, explicit_dir: Path | None) -> Iterator[Path]:
    """Where to look for a file, in order: option, ./folder, packaged default."""
    if explicit_dir is not None:
        yield explicit_dir / filename
    yield Path.cwd() / folder / filename
    yield packaged_dir(folder) / filename


def find_file(filename: str, folder: str, explicit_dir: Path | None) -> Path:
    """The first existing candidate path of a data or template file."""
    for path in candidate_paths(filename, folder, explicit_dir):
        if path.is_file():
            return path
    raise DataError.simple(
        f"{folder}/{filename} niet gevonden",
        "geef de juiste map op met --data of --sjablonen, of installeer brievenbus opnieuw",
    )
