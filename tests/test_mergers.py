"""Municipal reorganisations as the sources say them: "beoogd" until decided, then the new municipality.

The data record the Hilversum/Wijdemeren merger on 1 January 2027 as
proposed (beoogd); these tests move the letter date across that day, with
the merger proposed and with it decided.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from brievenbus.letters.workspace import Workspace
from tests.conftest import RunBrief, read_paragraphs

BEFORE = datetime.date(2026, 12, 31)
AFTER = datetime.date(2027, 1, 1)


@pytest.fixture
def decided(local_data: Path) -> Path:
    """A data folder in which the merger law has passed (status: besloten)."""
    path = local_data / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("status: beoogd") == 1
    path.write_text(text.replace("status: beoogd", "status: besloten"), encoding="utf-8")
    return local_data


def shelter_line(workspace: Workspace, name: str, on: datetime.date) -> tuple[str, str, list[str]]:
    """Municipality addressed, shelter sentence and warnings of a default election letter."""
    plan = workspace.plan(workspace.dataset.find_municipality(name), "verkiezingen", on)
    composition = workspace.compose(plan)
    sentence = next(p.text for p in composition.body if "beveelt aan" in p.text)
    return plan.municipality.naam, sentence, composition.warnings


def test_the_data_call_the_merger_proposed() -> None:
    """The packaged data say 'beoogd', as the government's news item does, with its source."""
    hilversum = Workspace.open().dataset.find_municipality("Hilversum")
    assert hilversum.herindeling is not None
    assert hilversum.herindeling.status == "beoogd"
    assert hilversum.herindeling.voegt_toe == ["GM1696"]
    assert "Rijksoverheid" in hilversum.herindeling.bron
    assert "beoogd" in (hilversum.raad.opmerking or "")


@pytest.mark.parametrize("name", ["Hilversum", "Wijdemeren"])
def test_decided_merger_changes_the_letter_on_its_date(decided: Path, name: str) -> None:
    """Up to 31 December 2026 each municipality on its own; from 1 January 2027 the new Hilversum."""
    workspace = Workspace.open(decided)
    own = workspace.dataset.find_municipality(name)
    addressed, sentence, _ = shelter_line(workspace, name, BEFORE)
    assert addressed == name
    assert f"({own.inwoners.aantal:,})".replace(",", ".") in sentence
    addressed, sentence, warnings = shelter_line(workspace, name, AFTER)
    assert addressed == "Hilversum"
    assert "(119.273) komt het aandeel van Hilversum" in sentence  # 94.601 + 24.672
    assert not any("herindeling" in w for w in warnings)
    plan = workspace.plan(own, "verkiezingen", AFTER)
    assert plan.municipality.raad.zetels == 39


def test_coalition_letter_counts_from_the_herindelingsverkiezing(decided: Path) -> None:
    """After the merger, a coalition letter is late six months after the November 2026 election."""
    workspace = Workspace.open(decided)
    hilversum = workspace.dataset.find_municipality("Hilversum")
    for on, late in ((datetime.date(2027, 5, 30), False), (datetime.date(2027, 6, 1), True)):
        plan = workspace.plan(hilversum, "coalitie", on)
        warnings = workspace.compose(plan).warnings
        assert any("herindelingsverkiezingen van november 2026" in w for w in warnings) is late


def test_proposed_merger_keeps_the_old_municipality_and_warns() -> None:
    """While the data say 'beoogd', a letter after the date goes to the old municipality, with a warning."""
    workspace = Workspace.open()
    addressed, sentence, warnings = shelter_line(workspace, "Wijdemeren", AFTER)
    assert addressed == "Wijdemeren"
    assert "(24.672)" in sentence
    assert any("staat in de gegevens nog als beoogd" in w for w in warnings)
    assert not shelter_line(workspace, "Wijdemeren", BEFORE)[2]


def test_controleer_warns_about_a_proposed_merger_after_its_date(workspace: Path) -> None:
    """From 1 January 2027 `controleer` names both municipalities at their lines in the data
    (in the workspace: controleer only warns about files the user has)."""
    from brievenbus.letters.checking import check_workspace

    assert not [w for w in check_workspace(today=BEFORE).warnings if "herindeling" in w.message]
    warnings = [w for w in check_workspace(today=AFTER).warnings if "herindeling" in w.message]
    assert [w.message.split(": ", 1)[1][:70] for w in warnings] == [
        "De herindeling van Hilversum en Wijdemeren per 1 januari 2027 staat in"
    ] * 2
    assert {w.line for w in warnings} == {
        number
        for number, line in enumerate(
            Path(str(warnings[0].path)).read_text(encoding="utf-8").splitlines(), 1
        )
        if line in ("- code: GM0402", "- code: GM1696")
    }


def test_batch_after_the_date_writes_one_letter_for_both(
    decided: Path, run_brief: RunBrief, workdir: Path
) -> None:
    """`genereer Hilversum Wijdemeren` after the merger makes one letter, to the new Hilversum."""
    result = run_brief("genereer", "Hilversum", "Wijdemeren", "--datum", "2027-01-01")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (workdir / "brieven").glob("*.docx")) == ["hilversum.docx"]
    text = [t for _, t in read_paragraphs(workdir / "brieven" / "hilversum.docx")]
    assert text[0] == "Aan de fractievoorzitters van de gemeenteraad van Hilversum"
    result = run_brief("genereer", "Hilversum", "Wijdemeren", "--datum", "2026-12-31")
    assert result.exit_code == 0, result.stderr
    assert (workdir / "brieven" / "wijdemeren.docx").exists()


def test_merger_with_an_unknown_municipality_is_an_error(
    local_data: Path, run_brief: RunBrief
) -> None:
    """A merger adding a code that is not in the file: file, line, Dutch message, exit 1."""
    path = local_data / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("voegt_toe: [GM1696]", "voegt_toe: [GM9999]"), "utf-8")
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 1
    line = next(
        number
        for number, content in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "GM9999" in content
    )
    assert f"data/municipalities.yaml:{line}: gemeenten[" in result.stderr
    assert (
        "herindeling.voegt_toe[0]: onbekende gemeentecode 'GM9999' bij de herindeling"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
