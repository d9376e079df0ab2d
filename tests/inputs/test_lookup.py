"""A municipality by what a user types: code, official or common name, or a base name."""

from __future__ import annotations

from brievenbus.inputs.lookup import MunicipalityIndex, base_name, names_of
from brievenbus.letters.workspace import Workspace


def test_matches_by_code_name_and_common_name(packaged_workspace: Workspace) -> None:
    index = MunicipalityIndex(packaged_workspace.dataset.municipalities)
    assert [m.naam for m in index.matches("gm0406")] == ["Huizen"]
    assert [m.naam for m in index.matches("Den Haag")] == ["'s-Gravenhage"]
    assert [m.naam for m in index.matches(" huizen ")] == ["Huizen"]


def test_a_base_name_can_mean_several(packaged_workspace: Workspace) -> None:
    index = MunicipalityIndex(packaged_workspace.dataset.municipalities)
    assert sorted(m.naam for m in index.matches("Bergen")) == ["Bergen (L)", "Bergen (NH)"]
    assert index.matches("Xyzdorp") == []


def test_suggestions_for_a_typo(packaged_workspace: Workspace) -> None:
    index = MunicipalityIndex(packaged_workspace.dataset.municipalities)
    assert index.suggestions("Blaricom")[0] == "Blaricum"


def test_names() -> None:
    assert base_name("Bergen (NH)") == "Bergen"
    assert base_name("Huizen") == "Huizen"


def test_names_of_uses_both_names(packaged_workspace: Workspace) -> None:
    haag = packaged_workspace.dataset.find_municipality("Den Haag")
    assert names_of(haag) == {"sgravenhage", "denhaag"}
