"""Claims a council member can check (issue 18): each as strong as its source, right for the date.

The default letters for Huizen, Almere, Schiermonnikoog and Voorne aan Zee,
dated 1 December 2026 and 1 November 2029, read back from the .docx.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from brievenbus.letters.checking import check_workspace
from brievenbus.letters.workspace import Workspace

WORKSPACE = Workspace.open()
TOWNS = ("Huizen", "Almere", "Schiermonnikoog", "Voorne aan Zee")
DATES = (datetime.date(2026, 12, 1), datetime.date(2029, 11, 1))


def letter_text(town: str, kind: str, on: datetime.date, measures: tuple[str, ...] = ()) -> str:
    """The body of a default letter, one paragraph a line."""
    plan = WORKSPACE.plan(WORKSPACE.dataset.find_municipality(town), kind, on, measures)
    return "\n".join(p.text for p in WORKSPACE.compose(plan).body)


def shelter_sentence(text: str) -> str:
    """The paragraph with the Council of Europe recommendation, or ''."""
    return next((line for line in text.splitlines() if "beveelt aan" in line), "")


def test_articles_as_in_the_treaty_text() -> None:
    """Gender-sensitive policy is Art. 6; the coordination point hangs on Art. 7(3) and 18(2); education on 14(2)."""
    measures = WORKSPACE.dataset.measures
    assert measures["gendersensitief-beleid"].artikelen == [6]
    assert "art. 6 (Genderbewust beleid)" in measures["gendersensitief-beleid"].bron
    assert measures["coordinatiepunt"].artikelen == [7, 18]
    assert "art. 7 lid 3" in measures["coordinatiepunt"].bron
    assert "art. 18 lid 2" in measures["coordinatiepunt"].bron
    assert "art. 14 lid 2" in measures["onderwijs"].bron
    assert "op alle niveaus" not in measures["onderwijs"].tekst
    assert "centrumgemeente" in measures["opvang-hulplijnen"].tekst


def test_no_measure_is_filed_under_prosecution() -> None:
    """Prosecution is for police and justice: the mayor's barring order sits under protection."""
    assert [m.id for m in WORKSPACE.dataset.measures.values() if m.pijler == "vervolging"] == []
    assert WORKSPACE.dataset.measures["tijdelijk-huisverbod"].pijler == "bescherming"


def test_no_measure_title_repeats_its_pillar_heading() -> None:
    """A coalition letter never shows 'Coördinatie en beleid' above a measure of that title."""
    text = letter_text("Almere", "coalitie", DATES[0])
    assert "Coördinatie en beleid: " not in text
    assert "Gemeentelijk coördinatiepunt. " in text


@pytest.mark.parametrize("town", TOWNS)
@pytest.mark.parametrize("on", DATES)
@pytest.mark.parametrize("kind", ["verkiezingen", "coalitie"])
def test_default_letters_make_no_claims_stronger_than_their_sources(
    town: str, on: datetime.date, kind: str
) -> None:
    """No municipal duty from the treaty, no unsupported judgement, no exact club count, no false precision."""
    text = letter_text(town, kind, on)
    assert "moeten treffen" not in text
    assert "De kennis is er" not in text
    assert "Wat ontbreekt, is de urgentie" not in text
    assert "telt ongeveer 100 clubs" in text
    assert "aangesloten bij Soroptimist." not in text
    assert "in de gemeenteraad van " in text or "de gemeenteraad van " in text
    assert not re.search(r"gemeenteraad (?!van )[A-Z']", text)
    sentence = shelter_sentence(text)
    assert "centrumgemeente" in sentence
    assert not re.search(r"\d,\d", sentence)  # whole places only
    assert "vervolging en beleid, met doelen" not in text  # no prosecution asked of a council


@pytest.mark.parametrize(
    ("town", "share"),
    [
        (
            "Huizen",
            "(41.283) komt het aandeel van Huizen in die aanbeveling op ongeveer 4 gezinsplaatsen.",
        ),
        (
            "Almere",
            "(232.650) komt het aandeel van Almere in die aanbeveling op ongeveer 23 gezinsplaatsen.",
        ),
        (
            "Schiermonnikoog",
            "(971) komt het aandeel van Schiermonnikoog in die aanbeveling op minder dan één gezinsplaats.",
        ),
    ],
)
def test_shelter_share_is_rounded_to_whole_places(town: str, share: str) -> None:
    """A pro-rata share of a recommendation, in whole family places, 'minder dan één' below 10,000."""
    sentence = shelter_sentence(letter_text(town, "verkiezingen", DATES[0]))
    assert sentence.startswith(
        "De Raad van Europa beveelt aan dat er per 10.000 inwoners één gezinsplaats in de opvang is."
        " De opvang is regionaal georganiseerd, onder regie van een centrumgemeente."
    )
    assert sentence.endswith(share)


def test_shelter_sentence_only_beside_a_shelter_measure() -> None:
    """Without a measure citing Art. 23 the letter says nothing about shelter places."""
    text = letter_text("Huizen", "verkiezingen", DATES[0], ("onderwijs", "coordinatiepunt"))
    assert shelter_sentence(text) == ""
    assert "gezinsplaats" not in text


def test_doubtful_inhabitants_are_left_out_with_a_warning() -> None:
    """Voorne aan Zee's 75,000 is marked doubtful: no number in the letter, a warning when made."""
    plan = WORKSPACE.plan(WORKSPACE.dataset.find_municipality("Voorne aan Zee"), None, DATES[0])
    composition = WORKSPACE.compose(plan)
    text = "\n".join(p.text for p in composition.body)
    assert "75.000" not in text
    assert "gezinsplaatsen" not in text
    assert (
        "Ook Voorne aan Zee heeft naar rato van het aantal inwoners een aandeel in die aanbeveling."
        in text
    )
    assert any("inwonertal van Voorne aan Zee" in w for w in composition.warnings)


def test_controleer_reports_the_doubtful_figure_at_its_line(workspace: Path) -> None:
    """`controleer` warns with file:line until someone confirms the figure (in the workspace:
    controleer only warns about files the user has)."""
    report = check_workspace(today=DATES[0])
    (warning,) = [w for w in report.warnings if "Voorne aan Zee" in w.message]
    path = Path(str(warning.path))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "controleren:" in lines[warning.line - 1]  # type: ignore[operator]
    assert "nog niet bevestigd" in warning.message
    assert "CBS StatLine 37230ned" in warning.hint


@pytest.mark.parametrize(
    ("on", "opening"),
    [
        (DATES[0], "Met het oog op de gemeenteraadsverkiezingen van maart 2030 vragen wij"),
        (DATES[1], "Met de gemeenteraadsverkiezingen van maart 2030 in zicht vragen wij"),
    ],
)
@pytest.mark.parametrize("town", TOWNS)
def test_election_letter_names_the_election_for_its_date(
    town: str, on: datetime.date, opening: str
) -> None:
    """Years ahead the letter looks towards March 2030; in the months before, it is 'in zicht'."""
    assert opening in letter_text(town, "verkiezingen", on)


@pytest.mark.parametrize(
    ("on", "opening"),
    [
        (
            datetime.date(2026, 4, 30),
            "Met het oog op de beoogde herindelingsverkiezingen van november 2026",
        ),
        (
            datetime.date(2026, 5, 1),
            "Met de beoogde herindelingsverkiezingen van november 2026 in zicht",
        ),
        (datetime.date(2026, 12, 1), "Met het oog op de gemeenteraadsverkiezingen van maart 2030"),
    ],
)
def test_hilversum_letter_names_its_own_election_while_it_is_to_come(
    on: datetime.date, opening: str
) -> None:
    """Hilversum's herindelingsverkiezing (beoogd, November 2026) comes first, then March 2030."""
    assert opening in letter_text("Hilversum", "verkiezingen", on)


@pytest.mark.parametrize("town", TOWNS)
@pytest.mark.parametrize("on", DATES)
def test_late_coalition_letter_speaks_to_a_formed_college(town: str, on: datetime.date) -> None:
    """Months after the election the letter no longer speaks of negotiations or a new college."""
    text = letter_text(town, "coalitie", on)
    assert "onderhandel" not in text
    assert "nieuwe college" not in text
    assert "Betreft: Het Verdrag van Istanbul in het gemeentelijk beleid" in text
    assert "een duidelijke plaats geeft in het beleid van de gemeente en in de begroting" in text


def test_coalition_letter_during_the_talks_keeps_the_seed_wording() -> None:
    """Dated 28 April 2026 (the Almere seed) the letter addresses the negotiators."""
    text = letter_text("Almere", "coalitie", datetime.date(2026, 4, 28))
    assert "Geachte college-onderhandelaars," in text
    assert "uitdrukkelijk mee te nemen in uw onderhandelingen" in text
    assert "een duidelijke plaats geeft in uw coalitieakkoord" in text


def test_late_coalition_letter_warns_when_made() -> None:
    """A coalition letter dated 1 December 2026 warns that the college is probably formed."""
    plan = WORKSPACE.plan(WORKSPACE.dataset.find_municipality("Almere"), "coalitie", DATES[0])
    warnings = WORKSPACE.compose(plan).warnings
    assert any("het college is dan waarschijnlijk al gevormd" in w for w in warnings)
    early = WORKSPACE.plan(plan.municipality, "coalitie", datetime.date(2026, 4, 28))
    assert not any("gevormd" in w for w in WORKSPACE.compose(early).warnings)


def test_controleer_warns_about_late_coalition_letters(local_data: Path) -> None:
    """A municipality set to the coalition kind gets the date warning in `controleer`, at its line."""
    path = local_data / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  naam: Almere\n", "  naam: Almere\n  context: coalitie\n"), "utf-8"
    )
    report = check_workspace(local_data, today=DATES[0])
    (warning,) = [w for w in report.warnings if "coalitiebrief" in w.message]
    assert (
        "De coalitiebrief aan Almere is gedateerd 1 december 2026, 8 maanden na" in warning.message
    )
    assert path.read_text(encoding="utf-8").splitlines()[warning.line - 1] == "- code: GM0034"  # type: ignore[operator]
    early = check_workspace(local_data, today=datetime.date(2026, 5, 1))
    assert not [w for w in early.warnings if "coalitiebrief" in w.message]
