"""CBS's open-data service, played by the local stand-in: one table read page by page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from brievenbus.cbs.odata import BASE_URL_VARIABLE, DEFAULT_BASE_URL, base_url, fetch_table
from brievenbus.cbs.regions import RegionMatcher
from brievenbus.errors import NetworkError
from brievenbus.letters.workspace import Workspace
from tests.cbs_standin import StandIn


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    server = StandIn().start()
    yield server
    server.stop()


@pytest.fixture
def matcher(packaged_workspace: Workspace) -> RegionMatcher:
    return RegionMatcher(packaged_workspace.dataset.municipalities)


def test_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BASE_URL_VARIABLE, raising=False)
    assert base_url() == DEFAULT_BASE_URL
    monkeypatch.setenv(BASE_URL_VARIABLE, " http://127.0.0.1:9/odata ")
    assert base_url() == "http://127.0.0.1:9/odata"


def test_a_table_page_by_page(stand_in: StandIn, matcher: RegionMatcher) -> None:
    extract = fetch_table("84847NED", matcher, base_url=stand_in.url)
    assert extract.origin == "CBS open data, tabel 84847NED"
    assert (extract.period.label, extract.period.key) == ("2024", "2024JJ00")
    assert [p.label for p in extract.periods_seen] == ["2023", "2024", "2025 1e halfjaar"]
    assert list(extract.columns.values()) == ["veilig-thuis-meldingen", "veilig-thuis-adviezen"]
    assert extract.regions_skipped == {"provincie": 2, "land": 1, "landsdeel": 1}
    groningen = {c.indicator: c.value for c in extract.cells if c.code == "GM0014"}
    assert groningen == {"veilig-thuis-meldingen": 2400, "veilig-thuis-adviezen": 2000}
    assert any(c.value is None and c.text == "null" for c in extract.cells)  # secret stays unknown
    assert len([r for r in stand_in.requests if "/TypedDataSet" in r]) == 3


def test_progress_is_reported_per_list(stand_in: StandIn, matcher: RegionMatcher) -> None:
    seen: list[str] = []
    fetch_table("84847NED", matcher, base_url=stand_in.url, progress=seen.append)
    assert seen[0] == "CBS-tabel 84847NED: onderwerpen ophalen"
    assert "CBS-tabel 84847NED: cijfers ophalen (pagina 2, 5 regels)" in seen


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("84847", "'84847' is geen CBS-tabelnummer"),
        ("99999NED", "CBS kent tabel 99999NED niet (HTTP 404)"),
    ],
)
def test_wrong_table_numbers(
    stand_in: StandIn, matcher: RegionMatcher, table: str, message: str
) -> None:
    with pytest.raises(NetworkError) as caught:
        fetch_table(table, matcher, base_url=stand_in.url)
    assert caught.value.problems[0].message == message


def test_an_answer_that_is_not_json(stand_in: StandIn, matcher: RegionMatcher) -> None:
    stand_in.body = b"<html>onderhoud</html>"
    with pytest.raises(NetworkError) as caught:
        fetch_table("84847NED", matcher, base_url=stand_in.url)
    problem = caught.value.problems[0]
    assert (
        problem.message
        == "onverwacht antwoord van CBS voor tabel 84847NED: het antwoord is geen JSON"
    )
    assert problem.hint.startswith("uw cijfers zijn niet veranderd; ")
