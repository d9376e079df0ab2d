"""Where data and template files are found: an explicit folder, the workspace, the package.

The workspace (werkmap) is found as git finds a repository: the nearest
folder, from the current one upward, that holds the marker file written by
`brief init`, or (made by an older `brief init`, without marker) a ``data/``
folder with one of brief's data files or a ``templates/`` folder with a
letter template. Lookup order for every file: the explicit option (``--data``,
``--sjablonen``), the workspace, the packaged defaults. Inside a workspace the
clubs file never comes from the package: it says who signs the letters.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from brievenbus.errors import DataError, os_reason
from brievenbus.fileio import display_path

MARKER = ".brief-werkmap"  # written by `brief init`; its presence makes a folder a workspace
DATA = "data"
TEMPLATES = "templates"
CLUBS_FILE = "clubs.yaml"
DATA_FILES = ("municipalities.yaml", "measures.yaml", CLUBS_FILE, "facts.yaml")
TEMPLATE_SUFFIX = ".md.j2"


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


def find_workspace_root(start: Path | None = None) -> Path | None:
    """The nearest workspace folder from ``start`` (the current folder) upward, or None."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file() or _made_by_older_init(folder):
            return folder
    return None


def _made_by_older_init(folder: Path) -> bool:
    """A workspace from before the marker: brief's own files in data/ or templates/.

    The package's own folders (a source checkout) are the example data, not a workspace.
    """
    data_dir, templates_dir = folder / DATA, folder / TEMPLATES
    if (
        data_dir.is_dir()
        and data_dir.resolve() != packaged_dir(DATA).resolve()
        and any(os.path.lexists(data_dir / name) for name in DATA_FILES)
    ):
        return True
    if templates_dir.is_dir() and templates_dir.resolve() != packaged_dir(TEMPLATES).resolve():
        return any(templates_dir.glob("*" + TEMPLATE_SUFFIX))
    return False


@dataclass(frozen=True)
class Sources:
    """The folders one command reads from: option, workspace, package."""

    root: Path | None = None  # the workspace; None outside any
    data_dir: Path | None = None  # --data
    templates_dir: Path | None = None  # --sjablonen

    @classmethod
    def discover(cls, data_dir: Path | None = None, templates_dir: Path | None = None) -> Sources:
        """The sources for a command run in the current folder."""
        return cls(find_workspace_root(), data_dir, templates_dir)

    def folders(self, kind: str) -> tuple[Path, ...]:
        """Where files of a kind (data or templates) are looked up, in order."""
        explicit = self.data_dir if kind == DATA else self.templates_dir
        own = [explicit] if explicit is not None else []
        if self.root is not None:
            own.append(self.root / kind)
        return (*own, packaged_dir(kind))

    def own_folders(self, kind: str) -> tuple[Path, ...]:
        """The user's folders of a kind: the option's and the workspace's, not the package."""
        return self.folders(kind)[:-1]

    def find_file(self, filename: str, kind: str, required: bool = True) -> Path | None:
        """The first existing candidate; a path that is there but no file is an error."""
        for path in self._candidates(filename, kind):
            if os.path.lexists(path):
                check_regular_file(path)
                return path
        if filename == CLUBS_FILE and self.root is not None:
            raise DataError.simple(
                f"{display_path(self.root / DATA / CLUBS_FILE)} ontbreekt in uw werkmap; "
                "er is geen brief gemaakt",
                "zet uw clubgegevens terug in data/clubs.yaml (bv. uit een reservekopie); "
                "binnen een werkmap gebruikt brief nooit de voorbeeldclubs",
            )
        if required:
            raise DataError.simple(
                f"{kind}/{filename} niet gevonden",
                "geef de juiste map op met --data of --sjablonen, of installeer brievenbus opnieuw",
            )
        return None

    def _candidates(self, filename: str, kind: str) -> Iterator[Path]:
        folders = self.folders(kind)
        if filename == CLUBS_FILE and self.root is not None:
            folders = folders[:-1]  # who signs is never taken from the example data
        for folder in folders:
            yield folder / filename

    def is_packaged(self, path: Path) -> bool:
        """True for a file from the package's own data or templates."""
        return path.parent.resolve() in {
            packaged_dir(DATA).resolve(),
            packaged_dir(TEMPLATES).resolve(),
        }


def check_regular_file(path: Path) -> None:
    """A broken link, a folder, a pipe or a device where a file should be: a Dutch error."""
    shown = display_path(path.parent) / path.name  # a link's own name, not its target's
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise DataError.simple(
            f"{shown} verwijst naar een bestand dat niet bestaat (een kapotte"
            " koppeling); er is geen brief gemaakt",
            "zet het echte bestand op deze plek, of verwijder de koppeling",
        ) from None
    except OSError as error:
        raise DataError.simple(
            f"kan {shown} niet lezen ({os_reason(error)})",
            "controleer of het bestand bestaat en leesbaar is",
        ) from None
    if stat.S_ISDIR(mode):
        raise DataError.simple(
            f"{shown} is een map, geen bestand",
            "zet hier het gegevensbestand, of geef de map van uw gegevens op met --data",
        )
    if not stat.S_ISREG(mode):
        raise DataError.simple(
            f"{shown} is geen gewoon bestand (bv. een pijp of apparaat); er is geen brief gemaakt",
            "zet hier het gewone YAML-bestand terug",
        )
