"""Every werkgebied entry resolves to one municipality, claimed by one club, or a problem."""

from __future__ import annotations

from pathlib import Path

from brievenbus.inputs.areas import resolve_areas
from brievenbus.inputs.lookup import MunicipalityIndex
from brievenbus.inputs.models import ClubsFile
from brievenbus.inputs.validation import validate
from brievenbus.inputs.yaml_reader import read_yaml
from brievenbus.letters.workspace import Workspace

CLUBS = """\
clubs:
  - id: het-gooi
    naam: Soroptimistclub Het Gooi
    werkgebied: [Huizen, GM0376, Blaricom, VUL IN]
  - id: bussum
    naam: Soroptimistclub Bussum
    werkgebied: [huizen, Bergen]
"""


def test_resolves_names_and_codes_and_reports_the_rest(
    packaged_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "clubs.yaml"
    path.write_text(CLUBS, encoding="utf-8")
    document = read_yaml(path)
    clubs = validate(document, ClubsFile).clubs
    index = MunicipalityIndex(packaged_workspace.dataset.municipalities)
    owners, problems = resolve_areas(document, clubs, index)
    assert owners == {"GM0406": "het-gooi", "GM0376": "het-gooi"}  # VUL IN is readiness's
    assert [(p.line, p.message) for p in problems] == [
        (4, "clubs[0].werkgebied[2]: werkgebied: gemeente 'Blaricom' bestaat niet"),
        (
            7,
            "clubs[1].werkgebied[0]: Huizen staat ook in het werkgebied van club 'het-gooi'"
            " (regel 4); wie de brief ondertekent is zo niet duidelijk",
        ),
        (
            7,
            "clubs[1].werkgebied[1]: werkgebied: 'Bergen' past bij meer dan één gemeente:"
            " Bergen (NH) (GM0373), Bergen (L) (GM0893)",
        ),
    ]
    assert problems[0].hint == "bedoelt u Blaricum?"
