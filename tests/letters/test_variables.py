"""What a template sees about one letter (the names the README documents)."""

from __future__ import annotations

import datetime

from brievenbus.letters.variables import template_variables
from brievenbus.letters.workspace import Workspace


def test_variables_of_a_planned_letter(packaged_workspace: Workspace) -> None:
    dataset = packaged_workspace.dataset
    huizen = dataset.find_municipality("Huizen")
    plan = packaged_workspace.plan(
        huizen, "coalitie", datetime.date(2026, 3, 18), ["plegerhulp", "onderwijs"]
    )
    variables = template_variables(plan, dataset, {})
    assert variables["brief"] == {
        "soort": "coalitie",
        "datum": datetime.date(2026, 3, 18),
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
    by_pillar = {p["id"]: [m.id for m in p["maatregelen"]] for p in variables["pijlers"]}
    assert by_pillar == {
        "preventie": ["onderwijs", "plegerhulp"],
        "bescherming": [],
        "vervolging": [],
        "beleid": [],
    }
    assert variables["opvangnorm"]["plaatsen"] == huizen.inwoners.aantal / 10_000
    assert all("coalitie" in fact.contexten for fact in variables["feitenlijst"])
    assert variables["cijfers"] == {}


def test_place_falls_back_to_the_municipality(packaged_workspace: Workspace) -> None:
    dataset = packaged_workspace.dataset
    groningen = dataset.find_municipality("Groningen")
    plan = packaged_workspace.plan(groningen, date=datetime.date(2026, 3, 18))
    assert plan.club.plaats is None
    assert template_variables(plan, dataset, {})["brief"]["plaats"] == "Groningen"
