"""Which municipalities and which party a command means: one rule, case and accents ignored."""

from __future__ import annotations

import pytest

from brievenbus.errors import DataError
from brievenbus.letters.selection import find_party, party_names, select_municipalities
from brievenbus.letters.workspace import Workspace


def codes(workspace: Workspace, **options: object) -> list[str]:
    return [m.code for m in select_municipalities(workspace.dataset, **options)]  # type: ignore[arg-type]


def test_named_municipalities_once_each_in_order(packaged_workspace: Workspace) -> None:
    assert codes(packaged_workspace, names=["Almere", "huizen", "GM0406"]) == ["GM0034", "GM0406"]


def test_groups_by_province_and_club(packaged_workspace: Workspace) -> None:
    assert codes(packaged_workspace, province="flevoland") == codes(
        packaged_workspace, province="Flevoland"
    )
    assert "GM0034" in codes(packaged_workspace, province="FLEVOLAND")
    assert codes(packaged_workspace, club_id="bussum-eo") == ["GM0406"]
    assert codes(packaged_workspace, club_id="almere", province="Noord-Holland") == []
    assert len(codes(packaged_workspace, everything=True)) == len(
        packaged_workspace.dataset.municipalities
    )


@pytest.mark.parametrize(
    ("options", "message", "hint_start"),
    [
        ({}, "geen gemeente genoemd", "noem een gemeente (brief genereer Huizen)"),
        (
            {"club_id": "bussum"},
            "club 'bussum' bestaat niet",
            "bekende clubs: bussum-eo, almere, unie",
        ),
        (
            {"province": "Holland"},
            "provincie 'Holland' bestaat niet",
            "kies uit: Drenthe, Flevoland",
        ),
    ],
)
def test_selection_errors(
    packaged_workspace: Workspace, options: dict[str, str], message: str, hint_start: str
) -> None:
    with pytest.raises(DataError) as caught:
        select_municipalities(packaged_workspace.dataset, **options)  # type: ignore[arg-type]
    assert caught.value.problems[0].message == message
    assert caught.value.problems[0].hint.startswith(hint_start)


@pytest.mark.parametrize(
    ("query", "party"),
    [
        ("VVD", "VVD"),
        ("vvd", "VVD"),
        ("pvda", "GROENLINKS / Partij van de Arbeid (PvdA)"),
        ("groenlinks-partij-van-de-arbeid-pvda", "GROENLINKS / Partij van de Arbeid (PvdA)"),
        ("dieren", "Partij voor de Dieren"),
        ("STUDENT EN STAD", "Student en Stad"),
        ("sp", "SP (Socialistische Partij)"),
    ],
)
def test_party_by_any_usual_name(packaged_workspace: Workspace, query: str, party: str) -> None:
    groningen = packaged_workspace.dataset.find_municipality("Groningen")
    assert find_party(groningen, query).naam == party


def test_ambiguous_and_unknown_party(packaged_workspace: Workspace) -> None:
    groningen = packaged_workspace.dataset.find_municipality("Groningen")
    with pytest.raises(DataError) as caught:
        find_party(groningen, "partij")
    assert caught.value.problems[0].message.startswith(
        "'partij' past bij meer dan één fractie in Groningen: "
    )
    with pytest.raises(DataError) as caught:
        find_party(groningen, "BBB")
    assert caught.value.problems[0].message == "Groningen heeft geen fractie 'BBB'"
    assert caught.value.problems[0].hint.startswith(
        "fracties: GROENLINKS / Partij van de Arbeid (PvdA), D66"
    )


def test_party_names_include_the_abbreviation_and_file_name(packaged_workspace: Workspace) -> None:
    groningen = packaged_workspace.dataset.find_municipality("Groningen")
    party = find_party(groningen, "SP")
    assert party_names(party) == {"spsocialistischepartij", "socialistischepartij", "sp"}
