"""The variables a letter template sees (Dutch names; the README lists them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brievenbus.inputs.dataset import Dataset
from brievenbus.inputs.models import PILLARS
from brievenbus.letters.election_timing import LetterTiming
from brievenbus.letters.figures import (
    SHELTER_ARTICLE,
    SHELTER_NORM_PER,
    SHELTER_NORM_SOURCE,
    LocalFigure,
    shelter_places,
)
from brievenbus.letters.plan import LetterPlan
from brievenbus.salutation import salutation

# What differs between the letters to the parties of one municipality; everything
# else depends only on the municipality, kind, date, club and measures.
PARTY_VARIABLES = frozenset({"fractie", "aanhef", "via_griffie"})


def template_variables(shared: Mapping[str, Any], plan: LetterPlan) -> dict[str, Any]:
    """Everything a template can print about one planned letter: what the letters to
    the parties of its municipality share (``shared_variables``), and its own."""
    return {**shared, **party_variables(plan)}


def party_variables(plan: LetterPlan) -> dict[str, Any]:
    """The variables of ``PARTY_VARIABLES``: to whom in the council the letter goes."""
    return {
        "fractie": plan.party,
        "aanhef": salutation(plan.party),
        "via_griffie": plan.via_clerk,
    }


def shared_variables(
    plan: LetterPlan,
    dataset: Dataset,
    figures: Mapping[str, LocalFigure],
    timing: LetterTiming,
) -> dict[str, Any]:
    """The variables the letters to every party of the municipality share (all but
    ``PARTY_VARIABLES``). Templates cannot change lists or dicts, so letters may share them."""
    pillars = [
        {
            "id": pillar_id,
            "naam": name,
            "omschrijving": description,
            "maatregelen": [m for m in plan.measures if m.pijler == pillar_id],
            "artikelen": sorted(
                {a for m in plan.measures if m.pijler == pillar_id for a in m.artikelen}
            ),
        }
        for pillar_id, (name, description) in PILLARS.items()
    ]
    return {
        "brief": {
            "soort": plan.kind,
            "datum": plan.date,
            "plaats": plan.club.plaats or plan.municipality.common_name,
        },
        "gemeente": plan.municipality,
        "club": plan.club,
        "ondertekenaars": [s for s in plan.club.ondertekenaars if s.naam],
        "maatregelen": list(plan.measures),
        "pijlers": pillars,
        "feiten": dataset.facts,
        "cijfers": figures,
        "opvangnorm": {
            # Only beside a shelter measure; rounded to whole places, 0 = fewer than one.
            "tonen": any(SHELTER_ARTICLE in m.artikelen for m in plan.measures),
            "plaatsen": shelter_places(plan.municipality),
            "inwoners": None
            if plan.municipality.inwoners.controleren
            else plan.municipality.inwoners.aantal,
            "per": SHELTER_NORM_PER,
            "bron": SHELTER_NORM_SOURCE,
        },
        "verkiezing": timing.election,
        "college_gevormd": timing.college_formed,
        "feitenlijst": [f for f in dataset.facts.values() if plan.kind in f.contexten],
    }
