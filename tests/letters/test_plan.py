"""Planning a letter: kind, measures and sender decided before anything is rendered."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.inputs.models import Party
from brievenbus.inputs.readiness import PLACEHOLDER
from brievenbus.letters.plan import not_ready_problem, plan_letter, select_measures
from brievenbus.letters.workspace import Workspace
from brievenbus.workspace_init import CLUBS_TEMPLATE

DATE = datetime.date(2026, 3, 18)
DEFAULTS = [
    "publiekscampagnes",
    "onderwijs",
    "training-professionals",
    "opvang-hulplijnen",
    "dataverzameling",
    "coordinatiepunt",
]


def test_default_kind_measures_and_sender(packaged_workspace: Workspace) -> None:
    dataset = packaged_workspace.dataset
    plan = plan_letter(
        dataset, packaged_workspace.kinds, dataset.find_municipality("Huizen"), date=DATE
    )
    assert (plan.kind, plan.date, plan.club.id) == ("verkiezingen", DATE, "bussum-eo")
    assert sorted(m.id for m in plan.measures) == sorted(DEFAULTS)
    assert [m.pijler for m in plan.measures] == sorted(
        (m.pijler for m in plan.measures),
        key=["preventie", "bescherming", "vervolging", "beleid"].index,
    )
    assert plan.relative_path == Path("huizen.docx")


def test_chosen_measures_replace_the_defaults_once_each(packaged_workspace: Workspace) -> None:
    dataset = packaged_workspace.dataset
    huizen = dataset.find_municipality("Huizen")
    chosen = select_measures(dataset, huizen, "coalitie", ["plegerhulp", "onderwijs", "plegerhulp"])
    assert [m.id for m in chosen] == ["onderwijs", "plegerhulp"]


def test_unknown_kind_and_measure_suggest_the_right_one(packaged_workspace: Workspace) -> None:
    dataset = packaged_workspace.dataset
    huizen = dataset.find_municipality("Huizen")
    with pytest.raises(DataError) as caught:
        plan_letter(dataset, packaged_workspace.kinds, huizen, kind="coalite")
    assert (caught.value.problems[0].message, caught.value.problems[0].hint) == (
        "briefsoort 'coalite' bestaat niet",
        "bedoelt u 'coalitie'?",
    )
    with pytest.raises(DataError) as caught:
        plan_letter(dataset, packaged_workspace.kinds, huizen, measure_ids=["onderwys"])
    assert (caught.value.problems[0].message, caught.value.problems[0].hint) == (
        "maatregel 'onderwys' bestaat niet",
        "bedoelt u 'onderwijs'?",
    )


def test_party_letter_path(packaged_workspace: Workspace) -> None:
    dataset = packaged_workspace.dataset
    huizen = dataset.find_municipality("Huizen")
    party = Party(naam="Partij van de Arbeid (PvdA)", zetels=2)
    plan = plan_letter(dataset, packaged_workspace.kinds, huizen, party=party)
    assert plan.relative_path == Path("huizen/partij-van-de-arbeid-pvda.docx")


def test_a_club_still_holding_the_placeholder_stops_the_letter(small_data: Path) -> None:
    (small_data / "clubs.yaml").write_text(
        CLUBS_TEMPLATE.replace(f"werkgebied: [{PLACEHOLDER}]", "werkgebied: [Huizen]"),
        encoding="utf-8",
    )
    workspace = Workspace.open(small_data)
    club = workspace.dataset.clubs["mijn-club"]
    fields = [p.message.split(":")[0] for p in workspace.dataset.unready_fields(club)]
    assert fields == [
        "clubs[0].naam",
        "clubs[0].plaats",
        "clubs[0].ondertekenaars[0].naam",
        "clubs[0].secretariaat",
        "clubs[0].email",
    ]
    with pytest.raises(DataError) as caught:
        workspace.plan(workspace.dataset.find_municipality("Huizen"))
    summary, first = caught.value.problems[:2]
    assert summary == not_ready_problem(workspace.dataset, club)
    assert summary.message.startswith("club 'mijn-club' is nog niet klaar om brieven")
    assert len(caught.value.problems) == 1 + len(fields)
    assert first.message == f"clubs[0].naam: nog niet ingevuld ({PLACEHOLDER})"
    assert (
        first.line
        == CLUBS_TEMPLATE.splitlines().index(f"    naam: Soroptimistclub {PLACEHOLDER}") + 1
    )
    # A municipality outside the club's area gets the default sender, which is filled in.
    assert workspace.plan(workspace.dataset.find_municipality("Almere")).club.id == "unie"
