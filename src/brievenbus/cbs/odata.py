"""CBS's open-data service (OData v3, JSON): one table's municipalities, latest complete year.

Plain HTTP through ``urllib`` from the standard library, no client package:
four kinds of GET request and ``odata.nextLink`` paging are all we need, and
our own code decides timeouts, size limits and Dutch messages. The base
address comes from ``BRIEF_CBS_URL`` (tests point it at a local stand-in).

Topic columns are found by their titles in ``DataProperties``, regions by
their code key (``GM0034  ``, padded as CBS does), periods by key
(``2024JJ00``); a null value is a secret or unknown figure and stays unknown.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from brievenbus.cbs.regions import RegionMatcher
from brievenbus.cbs.table import (
    DEFAULT_COLUMNS,
    TABLE_ID,
    Extract,
    Period,
    TopicColumn,
    choose_period,
    match_columns,
    parse_period,
)
from brievenbus.errors import NetworkError, Problem, os_reason

DEFAULT_BASE_URL = "https://opendata.cbs.nl/ODataFeed/odata"
BASE_URL_VARIABLE = "BRIEF_CBS_URL"
TIMEOUT_SECONDS = 30.0  # per request
TOTAL_SECONDS = 300.0  # for the whole download
MAX_PAGES = 1_000  # per list; a table of all municipalities needs a few
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_KEPT = "uw cijfers zijn niet veranderd"

Progress = Callable[[str], None]


def base_url() -> str:
    """The service's address: BRIEF_CBS_URL, or CBS's public service."""
    return os.environ.get(BASE_URL_VARIABLE, "").strip() or DEFAULT_BASE_URL


def fetch_table(
    table: str,
    matcher: RegionMatcher,
    columns: Mapping[str, str] | None = None,
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = TIMEOUT_SECONDS,
    progress: Progress | None = None,
) -> Extract:
    """The municipalities' figures for the latest complete year of one table."""
    if not TABLE_ID.fullmatch(table):
        raise NetworkError.simple(
            f"'{table}' is geen CBS-tabelnummer",
            "een tabelnummer ziet eruit als 84847NED (zie CBS StatLine)",
        )
    client = _Client(base_url.rstrip("/") + "/" + table, table, timeout, progress)
    properties = client.get_all("DataProperties", "onderwerpen")
    geo_key = _dimension(client, properties, "GeoDimension", "regio's")
    time_key = _dimension(client, properties, "TimeDimension", "perioden")
    topics = _topics(client, properties)
    mapping = match_columns(topics, columns or DEFAULT_COLUMNS)
    if not mapping:
        titles = ", ".join(t.heading for t in topics[:12]) or "geen"
        wanted = " of ".join(f"'{c}'" for c in columns or DEFAULT_COLUMNS)
        raise NetworkError.simple(
            f"tabel {table} heeft geen onderwerpen {wanted} (onderwerpen: {titles})",
            "kies onderwerpen met --kolom 'Titel=indicator', of een andere tabel",
        )
    headings = {t.key: t.heading for t in topics}

    periods = _periods(client, time_key)
    chosen = choose_period(periods)
    titles_by_code = {
        _text(client, item, "Key").strip(): str(item.get("Title") or "").strip()
        for item in client.get_all(geo_key, "regio's")
    }
    rows = client.get_all(
        "TypedDataSet",
        "cijfers",
        {
            "$filter": f"{time_key} eq '{chosen.key}'",
            "$select": ",".join([geo_key, time_key, *(str(k) for k in mapping)]),
        },
    )
    extract = Extract(
        origin=f"CBS open data, tabel {table}",
        period=chosen,
        periods_seen=sorted(set(periods), key=lambda p: p.order()),
        columns={headings[k]: indicator for k, indicator in mapping.items()},
        container="de tabel",
    )
    for row in rows:
        if str(row.get(time_key) or "").strip() != chosen.key:
            continue  # the service filters; a stand-in or proxy might not
        key = _text(client, row, geo_key)
        values = []
        for topic_key, indicator in mapping.items():
            raw = row.get(str(topic_key))
            values.append(
                (headings[topic_key], indicator, "null" if raw is None else str(raw), *_value(raw))
            )
        region = matcher.match_code(key, titles_by_code.get(key.strip(), ""))
        extract.add_row(key.strip(), region, values)
    return extract


def _periods(client: _Client, time_key: str) -> list[Period]:
    """Every period of the table; a provisional year is marked as such."""
    periods = [
        parse_period(
            _text(client, item, "Key"),
            provisional="voorlopig" in str(item.get("Status") or "").lower(),
        )
        for item in client.get_all(time_key, "perioden")
    ]
    if not periods:
        raise client.unexpected("de tabel heeft geen perioden")
    return periods


def _dimension(client: _Client, properties: list[dict[str, Any]], kind: str, what: str) -> str:
    for item in properties:
        if item.get("Type") == kind:
            return _text(client, item, "Key")
    raise client.unexpected(f"de tabel heeft geen {what}")


def _topics(client: _Client, properties: list[dict[str, Any]]) -> list[TopicColumn]:
    """Every topic with its group titles, e.g. ('Meldingen', 'Totaal meldingen (aantal)')."""
    by_id = {item.get("ID"): item for item in properties if item.get("ID") is not None}
    topics = []
    for item in properties:
        if item.get("Type") != "Topic":
            continue
        title = _text(client, item, "Title").strip()
        unit = str(item.get("Unit") or "").strip()
        titles = [f"{title} ({unit})" if unit else title]
        parent = by_id.get(item.get("ParentID"))
        for _ in range(20):  # groups nest a few levels at most
            if parent is None:
                break
            titles.insert(0, str(parent.get("Title") or "").strip())
            parent = by_id.get(parent.get("ParentID"))
        topics.append(TopicColumn(_text(client, item, "Key"), tuple(t for t in titles if t)))
    return topics


def _text(client: _Client, item: dict[str, Any], name: str) -> str:
    value = item.get(name)
    if not isinstance(value, str) or not value.strip():
        raise client.unexpected(f"veld '{name}' ontbreekt")
    return value


def _value(raw: object) -> tuple[Decimal | None, bool]:
    """A value from the typed data set: number, or null (secret or unknown)."""
    if raw is None:
        return None, True
    if isinstance(raw, bool) or not isinstance(raw, int | Decimal):
        return None, False
    return Decimal(raw), True


class _Client:
    """GET JSON from one table of the service, page after page."""

    def __init__(self, table_url: str, table: str, timeout: float, progress: Progress | None):
        self.table_url = table_url
        self.table = table
        self.timeout = timeout
        self.progress = progress
        self.origin = _origin(table_url)
        self.deadline = time.monotonic() + max(TOTAL_SECONDS, timeout)

    def get_all(
        self, entity: str, what: str, params: Mapping[str, str] | None = None
    ) -> list[dict[str, Any]]:
        """Every item of one entity set, following odata.nextLink."""
        query = urllib.parse.urlencode(
            {"$format": "json", **(params or {})}, quote_via=urllib.parse.quote, safe="$,'"
        )
        url: str | None = f"{self.table_url}/{entity}?{query}"
        items: list[dict[str, Any]] = []
        for page in range(1, MAX_PAGES + 1):
            if url is None:
                return items
            if self.progress:
                self.progress(
                    f"CBS-tabel {self.table}: {what} ophalen"
                    + (f" (pagina {page}, {len(items)} regels)" if page > 1 else "")
                )
            if time.monotonic() > self.deadline:
                raise self._unreachable(TimeoutError(), total=True)
            body = self._get(url)
            values = body.get("value")
            if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
                raise self.unexpected("geen lijst 'value' in het antwoord")
            items.extend(values)
            link = body.get("odata.nextLink")
            if link is not None and (not isinstance(link, str) or _origin(link) != self.origin):
                raise self.unexpected("de link naar de volgende pagina wijst naar een ander adres")
            url = link
        raise self.unexpected(f"meer dan {MAX_PAGES} pagina's")

    def _get(self, url: str) -> dict[str, Any]:
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": "brievenbus (brief)"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read(MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as error:
            raise self._http_error(error.code) from None
        except urllib.error.URLError as error:
            raise self._unreachable(error.reason) from None
        except (TimeoutError, OSError, ValueError, http.client.HTTPException) as error:
            raise self._unreachable(error) from None
        if len(raw) > MAX_RESPONSE_BYTES:
            raise self.unexpected("het antwoord is te groot")
        try:
            body = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal, parse_constant=Decimal)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise self.unexpected("het antwoord is geen JSON") from None
        if not isinstance(body, dict):
            raise self.unexpected("het antwoord is geen JSON-object")
        return body

    def unexpected(self, what: str) -> NetworkError:
        """The service answered, but not as an OData v3 table does."""
        return NetworkError(
            Problem(
                None,
                None,
                f"onverwacht antwoord van CBS voor tabel {self.table}: {what}",
                f"{_KEPT}; controleer het tabelnummer, of lees een CSV-export uit StatLine in"
                " (brief importeer cbs BESTAND.csv)",
            )
        )

    def _http_error(self, code: int) -> NetworkError:
        if code == 404:
            return NetworkError.simple(
                f"CBS kent tabel {self.table} niet (HTTP 404)",
                f"{_KEPT}; controleer het tabelnummer, bv. 84847NED",
            )
        return NetworkError.simple(
            f"CBS antwoordde met een fout (HTTP {code}) voor tabel {self.table}",
            f"{_KEPT}; probeer het later nog eens, of lees een CSV-export uit StatLine in"
            " (brief importeer cbs BESTAND.csv)",
        )

    def _unreachable(self, reason: object, total: bool = False) -> NetworkError:
        if total:
            why = f"het ophalen duurde langer dan {TOTAL_SECONDS / 60:g} minuten"
        elif isinstance(reason, TimeoutError):
            seconds = f"{self.timeout:g}".replace(".", ",")
            why = f"geen antwoord binnen {seconds} seconden"
        elif isinstance(reason, ConnectionRefusedError):
            why = "de verbinding werd geweigerd"
        elif isinstance(reason, socket.gaierror):
            why = "het adres is niet gevonden; is er internet?"
        elif isinstance(reason, ssl.SSLError):
            why = "geen veilige verbinding mogelijk"
        elif isinstance(reason, OSError):
            why = os_reason(reason)
        else:
            why = str(reason)
        return NetworkError.simple(
            f"kan CBS niet bereiken op {self.origin} ({why})",
            f"{_KEPT}; controleer de internetverbinding en probeer het opnieuw,"
            " of lees een CSV-export uit StatLine in (brief importeer cbs BESTAND.csv)",
        )


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
