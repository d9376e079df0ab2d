"""Local figures as letters use them: rates, ranks and the shelter norm (CBS import: tests/cbs/)."""

from __future__ import annotations

import datetime

import pytest

from brievenbus.inputs.models import Figure
from brievenbus.letters.figures import local_figures, shelter_norm
from brievenbus.letters.workspace import Workspace

TODAY = datetime.date(2026, 5, 1)


def test_unknown_figures_are_left_out_and_norm_follows_population(
    packaged_workspace: Workspace,
) -> None:
    dataset = packaged_workspace.dataset
    huizen = dataset.find_municipality("Huizen")
    figures = {
        "GM0406": {
            "veilig-thuis-meldingen": Figure(
                waarde=None, periode="2024", bron="CBS", opgehaald=TODAY
            ),
            "veilig-thuis-adviezen": Figure(waarde=10, periode="2024", bron="CBS", opgehaald=TODAY),
        }
    }
    local = local_figures(huizen, figures, dataset.municipalities)
    assert list(local) == ["veilig-thuis-adviezen"]
    assert local["veilig-thuis-adviezen"].per_1000 == pytest.approx(
        10 / huizen.inwoners.aantal * 1000
    )
    assert (
        local["veilig-thuis-adviezen"].rang,
        local["veilig-thuis-adviezen"].aantal_gemeenten,
    ) == (1, 1)
    assert shelter_norm(huizen) == huizen.inwoners.aantal / 10_000


def test_rank_by_count_and_by_rate_differ(packaged_workspace: Workspace) -> None:
    """A large municipality can have the most reports but not the most per 1,000 inhabitants."""
    dataset = packaged_workspace.dataset
    almere, huizen = dataset.find_municipality("Almere"), dataset.find_municipality("Huizen")

    def figure(value: float) -> dict[str, Figure]:
        return {
            "veilig-thuis-meldingen": Figure(
                waarde=value, periode="2024", bron="CBS", opgehaald=TODAY
            )
        }

    figures = {almere.code: figure(1000), huizen.code: figure(500)}
    for_almere = local_figures(almere, figures, dataset.municipalities)["veilig-thuis-meldingen"]
    for_huizen = local_figures(huizen, figures, dataset.municipalities)["veilig-thuis-meldingen"]
    assert (for_almere.rang, for_almere.rang_per_1000) == (1, 2)
    assert (for_huizen.rang, for_huizen.rang_per_1000) == (2, 1)
    assert for_huizen.omschrijving == "meldingen bij Veilig Thuis"
    assert for_huizen.aantal_gemeenten == 2


def test_rank_tables_kept_for_the_next_municipality_give_the_same_figures(
    packaged_workspace: Workspace,
) -> None:
    """A batch keeps the tables ranks are worked out from; every municipality's figures
    are what they are when worked out on their own."""
    from brievenbus.letters.figures import RankTables

    dataset = packaged_workspace.dataset
    some = dataset.municipalities[:30]
    figures = {
        m.code: {
            "veilig-thuis-meldingen": Figure(
                waarde=(7 * n) % 11 * 100 or None, periode="2024", bron="CBS", opgehaald=TODAY
            )
        }
        for n, m in enumerate(some)
    }
    tables = RankTables()
    for municipality in some:
        kept = local_figures(municipality, figures, dataset.municipalities, tables)
        assert kept == local_figures(municipality, figures, dataset.municipalities)
    assert list(tables.by_indicator) == ["veilig-thuis-meldingen"]
