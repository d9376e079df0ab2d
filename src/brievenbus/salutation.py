"""How a letter names a party and addresses its leader, the way a careful Dutch writer does.

- A party takes the article Dutch uses for it: "het CDA", "de VVD", but "D66" and
  "GroenLinks" without one. The data can give it (``lidwoord: de``, ``het`` or
  ``geen``); otherwise the national parties below have their usual article and
  every other party (a local party) gets none.
- A named leader is greeted by surname only, the first word capitalised because
  no initials precede it: "Geachte mevrouw De Vries," for ``A. de Vries``; the
  address line keeps the name as written: "Mevrouw A. de Vries", "De heer J. Jansen". ``'t`` and
  ``d'`` stay small ("meneer 't Hart"), and the second part of a double surname
  keeps its small tussenvoegsel ("mevrouw Jansen-van der Berg").
- "heer" or "mevrouw" only when the data say so; without it the whole name is used
  ("Geachte A. de Vries,"), and without a name the party's leader by function.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brievenbus.inputs.models import Party

NEUTRAL_SALUTATION = "Geachte mevrouw, geachte heer,"
NO_ARTICLE = "geen"

# The usual article of the national parties, by their name as the Kiesraad lists it
# (compared without case and spaces). Parties not listed (D66, GroenLinks,
# GroenLinks-PvdA, Forum voor Democratie, JA21, BBB, Volt, DENK, 50PLUS, BIJ1 and
# local parties) are written without an article.
DEFAULT_ARTICLES = {
    "cda": "het",
    "christen-democratischappèl": "het",
    "christen-democratischappèl(cda)": "het",
    "vvd": "de",
    "volkspartijvoorvrijheidendemocratie": "de",
    "volkspartijvoorvrijheidendemocratie(vvd)": "de",
    "pvda": "de",
    "partijvandearbeid": "de",
    "partijvandearbeid(pvda)": "de",
    "sp": "de",
    "sp(socialistischepartij)": "de",
    "socialistischepartij": "de",
    "christenunie": "de",
    "sgp": "de",
    "staatkundiggereformeerdepartij": "de",
    "staatkundiggereformeerdepartij(sgp)": "de",
    "christenunie-sgp": "de",
    "sgp-christenunie": "de",
    "christenunie/sgp": "de",
    "sgp/christenunie": "de",
    "pvv": "de",
    "pvv(partijvoordevrijheid)": "de",
    "partijvoordevrijheid": "de",
    "partijvoordedieren": "de",
    "fnp": "de",
}

# Words that start a Dutch surname after the given names (tussenvoegsels).
TUSSENVOEGSELS = frozenset(
    {
        "d'",
        "de",
        "den",
        "der",
        "des",
        "het",
        "in",
        "la",
        "le",
        "op",
        "'s",
        "'t",
        "te",
        "ten",
        "ter",
        "uit",
        "van",
        "von",
        "zu",
        "el",
        "al",
        "du",
    }
)
_ADDRESS_FORMS = {"heer": "De heer", "mevrouw": "Mevrouw"}  # "De heer J. Jansen"
_KEEP_SMALL = ("'t", "'s", "d'")  # "meneer 't Hart", "mevrouw d'Ancona"


def party_article(name: str, article: str | None = None) -> str:
    """'de', 'het' or '' for a party: the data's choice, else the usual one, else none."""
    if article is not None:
        return "" if article == NO_ARTICLE else article
    return DEFAULT_ARTICLES.get("".join(name.casefold().split()), "")


def party_with_article(name: str, article: str | None = None) -> str:
    """'de VVD', 'het CDA', 'D66'."""
    chosen = party_article(name, article)
    return f"{chosen} {name}" if chosen else name


# Tussenvoegsels that can open a name without given names ("de Vries", "Van der Berg");
# others ("Al", "El", "La") are more often a first name there.
_OPENING = frozenset({"d'", "de", "den", "der", "het", "'s", "'t", "te", "ten", "ter", "van"})


def split_name(full_name: str) -> tuple[str, str]:
    """('A.', 'de Vries'): the given names or initials, and the surname as written."""
    words = [word for word in full_name.split(" ") if word]  # other white space stays in the name
    for index, word in enumerate(words):
        known = _OPENING if index == 0 else TUSSENVOEGSELS
        double = "-" in word and word.rsplit("-", 1)[1].casefold() in TUSSENVOEGSELS
        if index == len(words) - 1 or word.casefold() in known or double:
            return " ".join(words[:index]), " ".join(words[index:])
    return "", ""


def _capitalise(surname: str) -> str:
    """The surname's first letter capital, as when no initials precede it ('t stays small)."""
    if surname.casefold().startswith(_KEEP_SMALL) or not surname:
        return surname
    return surname[0].upper() + surname[1:]


def addressee(leader: str, form: str | None) -> str:
    """The name line of the address: 'Mevrouw A. de Vries', or 'A. de Vries' without a form."""
    given, surname = split_name(leader)
    name = f"{given} {surname}" if given else _capitalise(surname)
    if not form:
        return name
    return f"{_ADDRESS_FORMS.get(form, form.capitalize())} {name}"


def salutation_name(leader: str) -> str:
    """The surname for 'Geachte mevrouw …': 'De Vries' for 'A. de Vries'."""
    return _capitalise(split_name(leader)[1])


def salutation(party: Party | None) -> str:
    """The salutation line of a letter (or e-mail) to a party's leader."""
    if party is None:
        return NEUTRAL_SALUTATION
    if party.fractievoorzitter:
        if party.aanhef:
            return f"Geachte {party.aanhef} {salutation_name(party.fractievoorzitter)},"
        return f"Geachte {addressee(party.fractievoorzitter, None)},"
    return f"Geachte fractievoorzitter van {party_with_article(party.naam, party.lidwoord)},"
