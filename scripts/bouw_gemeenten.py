"""Build data/municipalities.yaml from the source CSVs in data/bronnen/.

Run after new election results or population figures arrive:

    python scripts/bouw_gemeenten.py

The CSVs and their provenance are described in data/bronnen/BRONNEN.md. The
output is written in one go (temporary file + rename) and is deterministic, so
`git diff` shows exactly what changed. Names of party leaders are never in the
sources and are left out: fill them in by hand (see README).
"""

from __future__ import annotations

import csv
import datetime
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT_DIR = Path(__file__).resolve().parent.parent
SOURCES_DIR = ROOT_DIR / "data" / "bronnen"
OUTPUT_PATH = ROOT_DIR / "data" / "municipalities.yaml"

ELECTION_DATE = "2026-03-18"
SEATS_SOURCE = (
    "Kiesraad, uitslag gemeenteraadsverkiezingen 18 maart 2026 (GR2026.csv), via MinBZK/napp-poc"
)
# The common-name source drops the apostrophe of 's-Hertogenbosch (BRONNEN.md §1).
COMMON_NAME_FIXES = {"GM0796": "'s-Hertogenbosch"}
# Why two councils have no 2026 results (BRONNEN.md §1, checked 2026-11-23).
# The source calls the merger "beoogd": the bill still needed both chambers.
MERGER_SOURCE = (
    "Rijksoverheid, nieuwsberichten 26-09-2025 en 21-11-2025 (wetsvoorstel herindeling"
    " Hilversum en Wijdemeren)"
)
MERGER_REMARK = (
    "Geen gemeenteraadsverkiezing op 18 maart 2026: Wijdemeren wordt volgens het wetsvoorstel"
    " per 1 januari 2027 bij Hilversum gevoegd (beoogd; de wet moest nog door beide Kamers),"
    " met herindelingsverkiezingen in november 2026 (Rijksoverheid, 21-11-2025). De uitslag"
    " daarvan staat nog niet in de bron."
)
NO_RESULTS_REMARKS = {"GM0402": MERGER_REMARK, "GM1696": MERGER_REMARK}
# Mergers, on the municipality that continues (BRONNEN.md §1 and §3). Set the
# status to "besloten" only when a source says the law is passed.
MERGERS: dict[str, dict[str, Any]] = {
    "GM0402": {
        "datum": datetime.date(2027, 1, 1),
        "status": "beoogd",
        "voegt_toe": ["GM1696"],
        "verkiezing": {
            "soort": "herindelingsverkiezingen",
            "datum": "2026-11",
            "bron": MERGER_SOURCE + "; de dag staat niet in de bron",
        },
        "raad": {
            "zetels": 39,
            "bron": MERGER_SOURCE,
            "opmerking": "De uitslag van de herindelingsverkiezingen staat nog niet in de bron.",
        },
        "bron": MERGER_SOURCE,
    }
}
# The next regular council elections (BRONNEN.md §3): every four years, the day not yet fixed.
NEXT_ELECTION = {
    "soort": "gemeenteraadsverkiezingen",
    "datum": "2030-03",
    "bron": (
        "vierjaarlijkse cyclus 2018-2022-2026-2030 (nieuwegein.nl; Kamerstuk 33 889 nr. 3), dag"
        " nog niet vastgesteld"
    ),
}
# Inhabitants the sources disagree on (BRONNEN.md §1, "Twijfels"): the letter leaves
# them out and `brief controleer` warns until someone checks them in CBS StatLine.
DOUBTFUL_INHABITANTS = {
    "GM1992": ("napp-poc geeft precies 75000 (verdacht rond), Gijs6/gemeentle 73993"),
}

HEADER = """\
# Alle Nederlandse gemeenten met inwoners en de zetelverdeling van de
# gemeenteraad na de verkiezingen van 18 maart 2026.
#
# `volgende_verkiezing`: de volgende reguliere gemeenteraadsverkiezingen
# (maand, of dag zodra die vaststaat); de verkiezingsbrief noemt ze.
# `herindeling`: een samenvoeging, "beoogd" tot de wet is aangenomen
# ("besloten"); pas daarna gaan brieven vanaf de datum naar de nieuwe gemeente.
# `inwoners.controleren`: een twijfelachtig getal; de brief laat het weg en
# `brief controleer` waarschuwt tot iemand het nakijkt.
#
# Gemaakt door scripts/bouw_gemeenten.py uit data/bronnen/*.csv; waar elk
# getal vandaan komt staat in data/bronnen/BRONNEN.md.
#
# Zelf aanvullen mag: per fractie `fractievoorzitter` en `email`, per gemeente
# `griffie`, `club`, `context` en `maatregelen`. Vul nooit een naam in die u
# niet zeker weet: een lege naam geeft een neutrale aanhef.
"""


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a UTF-8 CSV (BOM allowed) into a list of rows."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def build_municipalities() -> list[dict[str, Any]]:
    """Combine both CSVs into the YAML structure of municipalities.yaml."""
    municipalities = read_csv(SOURCES_DIR / "gemeenten_2026.csv")
    seats_by_code: dict[str, list[dict[str, Any]]] = {}
    for row in read_csv(SOURCES_DIR / "gemeenteraad_2026_zetels.csv"):
        party = {"naam": row["lijstnaam"], "zetels": int(row["zetels"])}
        seats_by_code.setdefault(row["gemeentecode"], []).append(party)

    result = []
    for row in municipalities:
        code = row["gemeentecode"]
        entry: dict[str, Any] = {"code": code, "naam": row["gemeentenaam"]}
        common_name = COMMON_NAME_FIXES.get(code, row["naam_gangbaar"])
        if common_name != row["gemeentenaam"]:
            entry["naam_gangbaar"] = common_name
        entry["provincie"] = row["provincienaam"]
        entry["inwoners"] = {
            "aantal": int(row["inwoners"]),
            "peildatum": datetime.date.fromisoformat(row["inwoners_peildatum"]),
            "bron": row["inwoners_bron"],
        }
        if code in DOUBTFUL_INHABITANTS:
            entry["inwoners"]["controleren"] = DOUBTFUL_INHABITANTS[code]
        parties = sorted(seats_by_code.get(code, []), key=lambda p: (-p["zetels"], p["naam"]))
        if parties:
            entry["raad"] = {
                "verkiezing": datetime.date.fromisoformat(ELECTION_DATE),
                "zetels": sum(p["zetels"] for p in parties),
                "bron": SEATS_SOURCE,
                "fracties": parties,
            }
        else:
            entry["raad"] = {"opmerking": NO_RESULTS_REMARKS.get(code, "geen uitslag in de bron")}
        if row["opmerking"] and parties:
            entry["opmerking"] = row["opmerking"]
        if code in MERGERS:
            entry["herindeling"] = MERGERS[code]
        result.append(entry)
    return result


def main() -> None:
    """Write data/municipalities.yaml atomically."""
    body = yaml.safe_dump(
        {"volgende_verkiezing": NEXT_ELECTION, "gemeenten": build_municipalities()},
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=200,
    )
    fd, tmp = tempfile.mkstemp(dir=OUTPUT_PATH.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as file:
        file.write(HEADER + "\n" + body)
    os.replace(tmp, OUTPUT_PATH)
    print(f"{OUTPUT_PATH.relative_to(ROOT_DIR)} geschreven")


if __name__ == "__main__":
    main()
