"""Every letter `brief` could be asked to write, rendered in memory, counted per kind."""

from __future__ import annotations

import datetime
from collections import Counter

from brievenbus.letters.rehearsal import Rehearsal, rehearse, rehearse_municipality
from brievenbus.letters.rendering import reads_any
from brievenbus.letters.variables import PARTY_VARIABLES
from brievenbus.letters.workspace import Workspace

DAY = datetime.date(2026, 4, 28)


def test_one_municipality_every_kind_and_party(packaged_workspace: Workspace) -> None:
    huizen = packaged_workspace.dataset.find_municipality("Huizen")
    counts, problems = rehearse_municipality(packaged_workspace, huizen.code, DAY)
    parties = len(huizen.raad.fracties)
    assert problems == []
    assert counts == Counter(
        {
            ("verkiezingen", False): 1,
            ("verkiezingen", True): parties,
            ("coalitie", False): 1,
            ("coalitie", True): parties,
        }
    )


def test_a_council_without_parties_gets_the_letter_through_the_griffie(
    packaged_workspace: Workspace,
) -> None:
    hilversum = packaged_workspace.dataset.find_municipality("Hilversum")
    assert not hilversum.raad.fracties
    counts, _ = rehearse_municipality(packaged_workspace, hilversum.code, DAY)
    assert counts["verkiezingen", True] == 1


def test_all_letters_in_one_process_and_the_summary(packaged_workspace: Workspace) -> None:
    rehearsal = rehearse(packaged_workspace, DAY, workers=1)
    assert rehearsal.problems == []
    assert rehearsal.total == 6002
    assert rehearsal.describe() == (
        "verkiezingen 342 + 2659 per fractie, coalitie 342 + 2659 per fractie"
    ) or rehearsal.describe() == (
        "coalitie 342 + 2659 per fractie, verkiezingen 342 + 2659 per fractie"
    )


def test_parts_that_cannot_read_the_party_are_known(packaged_workspace: Workspace) -> None:
    folders = packaged_workspace.template_folders
    assert reads_any(folders, "verkiezingen.md.j2", PARTY_VARIABLES)
    assert not reads_any(folders, "_voettekst.md.j2", PARTY_VARIABLES)


def test_an_empty_rehearsal() -> None:
    assert Rehearsal().total == 0
    assert Rehearsal().describe() == ""
