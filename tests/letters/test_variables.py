"""What a template sees about one letter (the names the README documents)."""

from __future__ import annotations

import datetime

from brievenbus.letters.figures import shelter_places
from brievenbus.letters.variables import shared_variables, template_variables
from brievenbus.letters.workspace import Workspace


def test_variables_of_a_planned_letter(packaged_workspace: Workspace) -> None:
    dataset = packaged_workspace.dataset
    huizen = dataset.find_municipality("Huizen")
    plan = packaged_workspace.plan(
        huizen, "coalitie", datetime.date(2026, 4, 1), ["plegerhulp", "onderwijs"]
    )
    timing = packaged_workspace.election_timing(plan.municipality, plan.kind, plan.date)
    variables = template_variables(shared_variables(plan, dataset, {}, timing), plan)
    assert variables["brief"] == {
        "soort": "coalitie",
        "datum": datetime.date(2026, 4, 1),
        "plaats": "Huizen",
    }
    assert variables["gemeente"] is huizen
    assert variables["club"].id == "bussum-eo"
    assert variables["ondertekenaars"] == []  # names unknown: nobody is invented
    assert [p["id"] for p in variables["pijlers"]] == [
        "preventie",
        "bescherming",
        "vervolging",
        "beleid",
    ]
    chosen = {m.id for p in variables["pijlers"] for m in p["maatregelen"]}
    assert chosen == {"onderwijs", "plegerhulp"}
    for pillar in variables["pijlers"]:
        assert all(m.pijler == pillar["id"] for m in pillar["maatregelen"])
        assert pillar["artikelen"] == sorted(
            {a for m in pillar["maatregelen"] for a in m.artikelen}
        )
    # The shelter share only beside a shelter measure (article 23); the number is always there.
    assert variables["opvangnorm"]["tonen"] is False
    assert variables["opvangnorm"]["plaatsen"] == shelter_places(huizen)
    assert variables["opvangnorm"]["inwoners"] == huizen.inwoners.aantal
    assert variables["verkiezing"] == timing.election
    assert variables["college_gevormd"] is False  # two weeks after the election
    assert all("coalitie" in fact.contexten for fact in variables["feitenlijst"])
    assert variables["cijfers"] == {}


def test_shelter_measure_shows_the_share_and_place_falls_back(
    packaged_workspace: Workspace,
) -> None:
    dataset = packaged_workspace.dataset
    groningen = dataset.find_municipality("Groningen")
    plan = packaged_workspace.plan(
        groningen, date=datetime.date(2026, 4, 1), measure_ids=["opvang-hulplijnen"]
    )
    timing = packaged_workspace.election_timing(plan.municipality, plan.kind, plan.date)
    variables = template_variables(shared_variables(plan, dataset, {}, timing), plan)
    assert plan.club.plaats is None
    assert variables["brief"]["plaats"] == "Groningen"
    assert variables["opvangnorm"]["tonen"] is True


def test_only_the_party_variables_differ_between_party_letters(
    packaged_workspace: Workspace,
) -> None:
    """Letters to two parties of one municipality see the same variables but for
    ``PARTY_VARIABLES`` (what the batch may share between them)."""
    from dataclasses import replace

    from brievenbus.letters.variables import PARTY_VARIABLES

    huizen = packaged_workspace.dataset.find_municipality("Huizen")
    plan = packaged_workspace.plan(huizen, date=datetime.date(2026, 4, 1))
    first, second = (
        packaged_workspace.template_variables(replace(plan, party=party))
        for party in huizen.raad.fracties[:2]
    )
    differ = {name for name in first if first[name] != second[name]}
    assert {"fractie", "aanhef"} <= differ <= PARTY_VARIABLES  # via_griffie: both False
    assert first.keys() == second.keys()
    letter = replace(plan, party=huizen.raad.fracties[0])
    shared = shared_variables(
        letter,
        packaged_workspace.dataset,
        packaged_workspace.local_figures(huizen),
        packaged_workspace.election_timing(plan.municipality, plan.kind, plan.date),
    )
    direct = template_variables(shared, letter)
    assert direct == first
