"""The data model: what data/*.yaml may contain, validated with pydantic.

Field names are Dutch because users write them in YAML (DESIGN §3). Every model
forbids unknown keys, so a typo is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from brievenbus.salutation import addressee, party_with_article

Pillar = Literal["preventie", "bescherming", "vervolging", "beleid"]

# Order and wording of the four pillars in letters (VERDRAG.md §0).
PILLARS: dict[str, tuple[str, str]] = {
    "preventie": ("Preventie en bewustwording", "geweld voorkomen voordat het gebeurt"),
    "bescherming": ("Bescherming en opvang", "steun, veiligheid en opvang voor slachtoffers"),
    "vervolging": (
        "Vervolging",
        "een strafrechtelijke aanpak van plegers, door politie en justitie",
    ),
    "beleid": ("Coördinatie en beleid", "een samenhangende aanpak, met cijfers en toezicht"),
}

LETTER_KINDS = ("verkiezingen", "coalitie")

_TRUE = {"ja", "j", "true", "yes", "y", "waar", "1", "on"}
_FALSE = {"nee", "n", "false", "no", "onwaar", "0", "off"}


def _parse_yes_no(value: object) -> object:
    """Accept ja/nee next to true/false; the loader hands us plain strings."""
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError("moet ja of nee zijn")
    return value


def _split_names(value: object) -> object:
    """'Huizen, Blaricum' without brackets means the list [Huizen, Blaricum]."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
YesNo = Annotated[
    bool,
    BeforeValidator(_parse_yes_no),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nee"]}]}),
]
MunicipalityCode = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^GM\d{4}$")]
Slug = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Article = Annotated[int, Field(ge=1, le=81)]
# Exactly one address, nothing else: no name, no second address after a comma, no
# group syntax (':' and ';'), no angle brackets. The draft builds the header itself.
EMAIL_PATTERN = r"^[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(\.[\w-]+)+$"
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=EMAIL_PATTERN)]
# A name goes into a letter's address block and an e-mail header: one line only.
SINGLE_LINE_PATTERN = r"^[^\r\n]+$"
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, pattern=SINGLE_LINE_PATTERN)
]

# Upper bounds that no real figure reaches: a typo with a few digits too many is
# reported instead of printed.
# Local figures have their own bound (MAX_FIGURE, below).
MAX_INHABITANTS = 10_000_000  # the whole country has 18 million; Amsterdam under one
MAX_SEATS = 100  # the largest council has 45 seats


class Strict(BaseModel):
    """Base for every data model: unknown keys are errors, models are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- municipalities


class Population(Strict):
    """Inhabitants on a reference date, with the source of the figure."""

    aantal: Annotated[
        int, Field(ge=0, le=MAX_INHABITANTS, description="het aantal inwoners, bv. 41283")
    ]
    peildatum: datetime.date = Field(description="de datum van het aantal, bv. 2026-01-01")
    bron: Text = Field(description="waar het aantal vandaan komt, bv. CBS 37230ned")
    # A doubtful figure: why it must be checked. `brief controleer` warns and the
    # letter leaves the number out until someone confirms it and removes this.
    controleren: Text | None = None


class Party(Strict):
    """A party (fractie) in the council, with its leader when known."""

    naam: Name = Field(description="de naam van de fractie, bv. VVD")
    zetels: Annotated[
        int, Field(ge=0, le=MAX_SEATS, description="het aantal zetels van de fractie")
    ]
    fractievoorzitter: Name | None = None
    # Only what the data says: no guessing "heer" or "mevrouw" from a first name.
    aanhef: Literal["heer", "mevrouw"] | None = None
    # "de VVD", "het CDA"; without it the usual article of a national party, else none.
    lidwoord: Literal["de", "het", "geen"] | None = None
    email: Email | None = None

    @property
    def met_lidwoord(self) -> str:
        """The party name as a sentence needs it: 'de VVD', 'het CDA', 'D66'."""
        return party_with_article(self.naam, self.lidwoord)

    @property
    def geadresseerde(self) -> str | None:
        """The leader's name line in the address ('Mevrouw A. de Vries'), when known."""
        return addressee(self.fractievoorzitter, self.aanhef) if self.fractievoorzitter else None


class Council(Strict):
    """The municipal council after the last election."""

    verkiezing: datetime.date | None = None
    zetels: Annotated[int, Field(ge=1, le=MAX_SEATS)] | None = None
    bron: Text | None = None
    fracties: list[Party] = []
    opmerking: Text | None = None


# "2030-03" when only the month is known, "2030-03-20" when the day is fixed.
ELECTION_DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"
ElectionDate = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=ELECTION_DATE_PATTERN)
]


class Election(Strict):
    """A coming council election: which kind, when (month or day) and the source."""

    soort: Literal["gemeenteraadsverkiezingen", "herindelingsverkiezingen"] = (
        "gemeenteraadsverkiezingen"
    )
    datum: ElectionDate = Field(
        description="de datum van de verkiezing: 2030-03 als alleen de maand bekend is,"
        " anders 2030-03-20"
    )
    bron: Text = Field(description="waar de datum vandaan komt")


class Merger(Strict):
    """A municipal reorganisation (herindeling): others join this municipality on a date."""

    datum: datetime.date = Field(description="de datum van de herindeling, bv. 2027-01-01")
    # beoogd: proposed (a bill); besloten: the law is passed. Only a decided merger
    # changes the letters after its date.
    status: Literal["beoogd", "besloten"] = Field(
        description="beoogd (een wetsvoorstel) of besloten (de wet is aangenomen)"
    )
    voegt_toe: Annotated[
        list[MunicipalityCode],
        Field(min_length=1, description="de codes van de gemeenten die erbij komen"),
    ]
    naam: Text | None = None  # the new name, when it changes
    verkiezing: Election | None = None  # the herindelingsverkiezing
    raad: Council | None = None  # the council from the merger date on
    bron: Text = Field(description="waar de herindeling vandaan komt, bv. de wet of het voorstel")


class Clerk(Strict):
    """The council's clerk's office (griffie), through which letters can go."""

    adres: Text | None = None
    email: Email | None = None


class Municipality(Strict):
    """One municipality (gemeente) with its council and optional overrides."""

    code: MunicipalityCode = Field(description="de CBS-code van de gemeente, bv. GM0406")
    naam: Name = Field(description="de officiële naam van de gemeente, bv. Huizen")
    naam_gangbaar: Name | None = None
    provincie: Text = Field(description="de provincie van de gemeente, bv. Noord-Holland")
    inwoners: Population = Field(
        description="het aantal inwoners met peildatum en bron: {aantal: …, peildatum: …, bron: …}"
    )
    raad: Council = Council()
    griffie: Clerk | None = None
    club: Slug | None = None
    context: Slug | None = None
    maatregelen: list[Slug] | None = None
    opmerking: Text | None = None
    herindeling: Merger | None = None

    @property
    def common_name(self) -> str:
        """The name people use (Den Haag), falling back to the official one."""
        return self.naam_gangbaar or self.naam


class MunicipalitiesFile(Strict):
    """data/municipalities.yaml."""

    volgende_verkiezing: Election | None = None  # the next regular council elections
    gemeenten: list[Municipality] = Field(description="de lijst van gemeenten")


# ---------------------------------------------------------------------- measures


class Measure(Strict):
    """A concrete municipal measure that carries out Convention articles."""

    id: Slug = Field(
        description="de korte naam waarmee u de maatregel kiest (brief genereer -m ID), bv. "
        "opvang-hulplijnen"
    )
    titel: Text = Field(description="de titel van de maatregel in de brief")
    pijler: Pillar = Field(description="de pijler: preventie, bescherming, vervolging of beleid")
    artikelen: Annotated[
        list[Article],
        Field(min_length=1, description="de artikelen van het verdrag, bv. [23, 24]"),
    ]
    tekst: Text = Field(description="wat de gemeente moet doen, zoals het in de brief komt")
    toelichting: Text | None = None
    bron: Text = Field(
        description="waar de verplichting vandaan komt, bv. Verdrag van Istanbul, art. 23"
    )
    contexten: Annotated[
        list[Slug],
        Field(min_length=1, description="de briefsoorten met deze maatregel, bv. [verkiezingen]"),
    ]
    standaard: YesNo = False

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Order in letters: by pillar, then by first article."""
        return (list(PILLARS).index(self.pijler), min(self.artikelen), self.id)


class MeasuresFile(Strict):
    """data/measures.yaml."""

    maatregelen: list[Measure] = Field(description="de catalogus van maatregelen")


# ------------------------------------------------------------------------- clubs


class Signatory(Strict):
    """Someone who signs on behalf of the club; the name may still be unknown."""

    naam: Name | None = Field(
        None, description="de naam van wie ondertekent, bv. A. de Vries (leeg als u hem niet weet)"
    )
    rol: Name | None = Field(None, description="de rol van wie ondertekent, bv. voorzitter")


class Club(Strict):
    """A Soroptimist club that sends letters."""

    id: Slug = Field(
        description="een korte naam voor uw club, met kleine letters en streepjes, bv. "
        "het-gooi; brief gebruikt hem om de club aan te wijzen (brief genereer --club ID)"
    )
    naam: Name = Field(description="de naam van uw club zoals onder de brief")
    plaats: Name | None = Field(None, description="de plaats boven de brief, bij de datum")
    ondertekenaars: list[Signatory] = Field(
        [],
        description="wie de brief ondertekent: naam en rol, bv."
        " {naam: A. de Vries, rol: voorzitter}",
    )
    secretariaat: Text | None = Field(
        None, description="het postadres van uw club, onder aan de brief"
    )
    email: Email | None = Field(
        None, description="het e-mailadres van uw club, onder aan de brief en als afzender"
    )
    websites: list[Text] = []
    werkgebied: Annotated[list[Text], BeforeValidator(_split_names)] = Field(
        [], description="de gemeenten die uw club aanschrijft (naam of CBS-code), bv. [Huizen]"
    )
    ondertekend: YesNo = False
    standaard: YesNo = False
    huisstijl: Text | None = None  # own house style .docx, relative to clubs.yaml
    logo: Text | None = None  # PNG or JPEG for the letterhead, relative to clubs.yaml


class ClubsFile(Strict):
    """data/clubs.yaml."""

    clubs: list[Club] = Field(description="de clubs die brieven versturen")


# ------------------------------------------------------------------------- facts


class Fact(Strict):
    """A national fact quoted in letters, with its source and year."""

    id: Slug = Field(
        description="een korte naam voor het feit, bv. feiten.ratificatie in een sjabloon"
    )
    tekst: Text = Field(description="de zin zoals hij in de brief komt")
    bron: Text = Field(description="wie het feit publiceerde, zoals in de brief")
    titel: Text | None = None  # the publication, when known
    jaar: Annotated[int, Field(ge=1900, le=2100, description="het jaar van de bron")]
    link: Text | None = None
    contexten: list[Slug] = []
    tijdloos: YesNo = False  # a historical fact (a date) that does not go out of date
    # The date by which the maintainers look again at this fact (the project's tests
    # guard the packaged ones); after it, `brief controleer` asks the user to check it.
    herzien_voor: datetime.date | None = Field(
        None, description="de datum waarvoor dit feit opnieuw moet worden nagekeken"
    )


class FactsFile(Strict):
    """data/facts.yaml."""

    feiten: list[Fact] = Field(description="de landelijke feiten")


# ----------------------------------------------------------------------- figures


# No local count comes near this: a bigger number is a mistake, not a figure.
MAX_FIGURE = 100_000_000


class Figure(Strict):
    """One local figure: a value for a period, with its source. No value = unknown or secret."""

    waarde: Annotated[float, Field(ge=0, le=MAX_FIGURE, allow_inf_nan=False)] | None = None
    periode: Text = Field(description="de periode van het cijfer, bv. 2024")
    bron: Text = Field(description="de bron van het cijfer, bv. CBS StatLine 84847NED")
    opgehaald: datetime.date = Field(description="de datum waarop het cijfer is opgehaald")

    @property
    def year(self) -> int | None:
        """The (last) year the period is about: '2024', '2024 1e halfjaar' → 2024."""
        years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", self.periode)]
        return max(years) if years else None


class FiguresFile(Strict):
    """data/cijfers.yaml: figures per municipality code, per indicator."""

    cijfers: dict[MunicipalityCode, dict[Slug, Figure]] = {}
