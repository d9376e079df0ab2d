"""Parties with the article Dutch uses, and party leaders addressed the way a careful writer does."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.inputs.models import Party
from brievenbus.salutation import addressee, party_with_article, salutation, split_name
from tests.conftest import RunBrief, read_paragraphs


@pytest.mark.parametrize(
    ("name", "article", "shown"),
    [
        ("VVD", None, "de VVD"),
        ("CDA", None, "het CDA"),
        ("D66", None, "D66"),
        (
            "GROENLINKS / Partij van de Arbeid (PvdA)",
            None,
            "GROENLINKS / Partij van de Arbeid (PvdA)",
        ),
        ("SP (Socialistische Partij)", None, "de SP (Socialistische Partij)"),
        (
            "Staatkundig Gereformeerde Partij (SGP)",
            None,
            "de Staatkundig Gereformeerde Partij (SGP)",
        ),
        ("ChristenUnie", None, "de ChristenUnie"),
        ("PVV (Partij voor de Vrijheid)", None, "de PVV (Partij voor de Vrijheid)"),
        ("JA21", None, "JA21"),
        ("Leefbaar Huizen", None, "Leefbaar Huizen"),
        ("Leefbaar Huizen", "het", "het Leefbaar Huizen"),
        ("VVD", "geen", "VVD"),
    ],
)
def test_party_articles(name: str, article: str | None, shown: str) -> None:
    """National parties have their usual article, local ones none, and the data can choose."""
    assert party_with_article(name, article) == shown


@pytest.mark.parametrize(
    ("leader", "form", "address", "greeting"),
    [
        ("A. de Vries", "mevrouw", "Mevrouw A. de Vries", "Geachte mevrouw De Vries,"),
        ("J. Jansen", "heer", "De heer J. Jansen", "Geachte heer Jansen,"),
        ("de Vries", "mevrouw", "Mevrouw De Vries", "Geachte mevrouw De Vries,"),
        ("A.B. van der Berg", "heer", "De heer A.B. van der Berg", "Geachte heer Van der Berg,"),
        ("J. van 't Hek", "heer", "De heer J. van 't Hek", "Geachte heer Van 't Hek,"),
        ("K. 't Hart", "mevrouw", "Mevrouw K. 't Hart", "Geachte mevrouw 't Hart,"),
        (
            "M. Jansen-van der Berg",
            "mevrouw",
            "Mevrouw M. Jansen-van der Berg",
            "Geachte mevrouw Jansen-van der Berg,",
        ),
        (
            "Anna de Jager-van den Bos",
            "mevrouw",
            "Mevrouw Anna de Jager-van den Bos",
            "Geachte mevrouw De Jager-van den Bos,",
        ),
        (
            "Jan-Peter Balkenende",
            "heer",
            "De heer Jan-Peter Balkenende",
            "Geachte heer Balkenende,",
        ),
        ("A. de Vries", None, "A. de Vries", "Geachte A. de Vries,"),
        ("de Vries", None, "De Vries", "Geachte De Vries,"),
    ],
)
def test_named_leaders(leader: str, form: str | None, address: str, greeting: str) -> None:
    """Initials dropped in the salutation, tussenvoegsel capitalised only when nothing precedes it."""
    party = Party.model_validate(
        {"naam": "VVD", "zetels": "5", "fractievoorzitter": leader, "aanhef": form}
    )
    assert addressee(leader, form) == address
    assert party.geadresseerde == address
    assert salutation(party) == greeting


def test_split_name_keeps_what_is_written() -> None:
    """The surname keeps its own spelling; given names and initials are everything before it."""
    assert split_name("mr. A. de Vries") == ("mr. A.", "de Vries")
    assert split_name("Mounir el Hamdaoui") == ("Mounir", "el Hamdaoui")
    assert split_name("Jansen") == ("", "Jansen")


def test_no_party_no_name() -> None:
    """A letter to the whole council has the neutral salutation."""
    assert salutation(None) == "Geachte mevrouw, geachte heer,"


HUIZEN_PARTIES = {
    "VVD": "{naam: VVD, zetels: 5}",
    "CDA": "{naam: CDA, zetels: 3}",
    "D66": "{naam: D66, zetels: 3}",
    "Leefbaar Huizen": "{naam: Leefbaar Huizen, zetels: 3}",
}
LEADERS = {
    "VVD": "{naam: VVD, zetels: 5, fractievoorzitter: A. de Vries, aanhef: mevrouw}",
    "CDA": "{naam: CDA, zetels: 3, fractievoorzitter: J. van 't Hek, aanhef: heer}",
    "D66": "{naam: D66, zetels: 3, fractievoorzitter: Kim Jansen}",
    "Leefbaar Huizen": (
        "{naam: Leefbaar Huizen, zetels: 3, fractievoorzitter: K. 't Hart, aanhef: mevrouw}"
    ),
}

GOLDEN_UNNAMED = {
    "vvd": (
        "Aan de fractievoorzitter van de VVD\nin de gemeenteraad van Huizen",
        "Geachte fractievoorzitter van de VVD,",
    ),
    "cda": (
        "Aan de fractievoorzitter van het CDA\nin de gemeenteraad van Huizen",
        "Geachte fractievoorzitter van het CDA,",
    ),
    "d66": (
        "Aan de fractievoorzitter van D66\nin de gemeenteraad van Huizen",
        "Geachte fractievoorzitter van D66,",
    ),
    "leefbaar-huizen": (
        "Aan de fractievoorzitter van Leefbaar Huizen\nin de gemeenteraad van Huizen",
        "Geachte fractievoorzitter van Leefbaar Huizen,",
    ),
}
GOLDEN_NAMED = {
    "vvd": (
        "Mevrouw A. de Vries\nFractievoorzitter van de VVD\nGemeenteraad van Huizen",
        "Geachte mevrouw De Vries,",
    ),
    "cda": (
        "De heer J. van 't Hek\nFractievoorzitter van het CDA\nGemeenteraad van Huizen",
        "Geachte heer Van 't Hek,",
    ),
    "d66": (
        "Kim Jansen\nFractievoorzitter van D66\nGemeenteraad van Huizen",
        "Geachte Kim Jansen,",
    ),
    "leefbaar-huizen": (
        "Mevrouw K. 't Hart\nFractievoorzitter van Leefbaar Huizen\nGemeenteraad van Huizen",
        "Geachte mevrouw 't Hart,",
    ),
}


@pytest.mark.parametrize("context", ["verkiezingen", "coalitie"])
@pytest.mark.parametrize("named", [False, True], ids=["zonder-naam", "met-naam"])
def test_golden_addresses_and_salutations(
    run_brief: RunBrief, local_data: Path, workdir: Path, context: str, named: bool
) -> None:
    """VVD, CDA, D66 and a local party: address block and salutation, with and without a leader."""
    path = local_data / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("naam: Huizen")
    huizen = text[start:]
    if named:
        for party, line in HUIZEN_PARTIES.items():
            huizen = huizen.replace(line, LEADERS[party], 1)
    path.write_text(text[:start] + huizen, encoding="utf-8")

    result = run_brief("genereer", "Huizen", "--per-fractie", "--context", context)

    assert result.exit_code == 0
    golden = GOLDEN_NAMED if named else GOLDEN_UNNAMED
    for slug, (address, greeting) in golden.items():
        letter = read_paragraphs(workdir / "brieven" / "huizen" / f"{slug}.docx")
        assert letter[0] == ("Adres", address)
        assert letter[2][0] == "Onderwerp"
        assert letter[3] == ("Normal", greeting)
