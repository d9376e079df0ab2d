"""A secretary's first hour: `brief init`, filling in the club, letters with e-mail drafts."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest

from tests.conftest import RunBrief, read_paragraphs


def fill_in_club(workspace: Path) -> None:
    """What LEESMIJ.md asks: replace every VUL IN in data/clubs.yaml."""
    clubs = workspace / "data" / "clubs.yaml"
    text = clubs.read_text(encoding="utf-8")
    for old, new in {
        "naam: Soroptimistclub VUL IN": "naam: Soroptimistclub Het Gooi",
        "plaats: VUL IN": "plaats: Huizen",
        "{naam: VUL IN, rol: voorzitter}": "{naam: J. Jansen, rol: voorzitter}",
        "secretariaat: VUL IN": "secretariaat: Voorbeeldstraat 1, 1271 AA Huizen",
        "email: vulin@soroptimist.nl": "email: hetgooi@example.org",
        "werkgebied: [VUL IN]": "werkgebied: [Huizen]",
    }.items():
        assert old in text
        text = text.replace(old, new)
    clubs.write_text(text, encoding="utf-8")


def test_init_creates_an_editable_workspace(run_brief: RunBrief, workdir: Path) -> None:
    """`brief init MAP` writes data/, templates/ and a Dutch LEESMIJ.md, and says what to do next."""
    result = run_brief("init", "werkmap")
    assert result.exit_code == 0
    assert "Werkmap gemaakt (17 bestanden) in werkmap." in result.stdout
    assert "Volgende stap: vul data/clubs.yaml in" in result.stdout
    folder = workdir / "werkmap"
    assert sorted(p.name for p in (folder / "data").iterdir()) == [
        "clubs.yaml",
        "facts.yaml",
        "measures.yaml",
        "municipalities.yaml",
    ]
    assert (folder / "templates" / "huisstijl.docx").exists()
    assert (folder / "templates" / "verkiezingen.md.j2").exists()
    guide = (folder / "LEESMIJ.md").read_text(encoding="utf-8")
    assert "brief controleer" in guide
    assert "VUL IN" in guide


def test_init_refuses_an_existing_workspace(run_brief: RunBrief, workdir: Path) -> None:
    """A second `brief init` in the same folder changes nothing and says so."""
    assert run_brief("init").exit_code == 0
    clubs = workdir / "data" / "clubs.yaml"
    clubs.write_text("# mijn eigen werk\n", encoding="utf-8")
    result = run_brief("init")
    assert result.exit_code == 1
    assert "Fout: deze map is al een werkmap (data bestaat)" in result.stderr
    assert "er is niets overschreven" in result.stderr
    assert clubs.read_text(encoding="utf-8") == "# mijn eigen werk\n"


def test_init_names_the_folder_as_given(
    run_brief: RunBrief, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`brief init` says 'deze map'; `brief init ../mijn-brieven` names ../mijn-brieven, also in errors."""
    assert "Werkmap gemaakt (17 bestanden) in deze map." in run_brief("init").stdout
    inside = workdir / "mijn-brieven"
    inside.mkdir()
    monkeypatch.chdir(inside)
    assert "in ../mijn-brieven." in run_brief("init", "../mijn-brieven").stdout
    again = run_brief("init", "../mijn-brieven")
    assert again.exit_code == 1
    assert "Fout: ../mijn-brieven is al een werkmap (../mijn-brieven/data bestaat)" in again.stderr


def test_first_hour_init_fill_in_generate_with_email(run_brief: RunBrief, workdir: Path) -> None:
    """init → fill in the club → genereer --per-fractie --eml: letters signed by the club, drafts beside them."""
    assert run_brief("init").exit_code == 0
    fill_in_club(workdir)
    municipalities = workdir / "data" / "municipalities.yaml"
    text = municipalities.read_text(encoding="utf-8")
    start = text.index("naam: Huizen")
    text = text[:start] + text[start:].replace(
        "{naam: VVD, zetels: 5}", "{naam: VVD, zetels: 5, email: vvd@example.org}", 1
    )
    municipalities.write_text(text, encoding="utf-8")
    assert run_brief("controleer").exit_code == 0

    result = run_brief("genereer", "Huizen", "--per-fractie", "--eml", "--datum", "2026-04-28")
    assert result.exit_code == 0, result.stderr
    assert (
        "E-mailconcepten: 11 naast de brieven (.eml, niet verstuurd); bij 10 staat nog geen ontvanger"
        in " ".join(result.stdout.split())
    )
    letter = [t for _, t in read_paragraphs(workdir / "brieven" / "huizen" / "vvd.docx")]
    assert "J. Jansen, voorzitter\nSoroptimistclub Het Gooi" in letter

    raw = (workdir / "brieven" / "huizen" / "vvd.eml").read_bytes()
    draft = email.message_from_bytes(raw, policy=email.policy.default)
    assert draft["X-Unsent"] == "1"
    assert draft["To"] == "vvd@example.org"
    assert draft["From"] == "Soroptimistclub Het Gooi <hetgooi@example.org>"
    assert (
        draft["Subject"]
        == "Het Verdrag van Istanbul – opname in uw partijprogramma – fractie van de VVD, gemeente Huizen"
    )
    body = draft.get_body(("plain",))
    assert body is not None
    assert body.get_content().startswith("Geachte fractievoorzitter van de VVD,")
    attachments = list(draft.iter_attachments())
    assert [a.get_filename() for a in attachments] == ["vvd.docx"]
    assert (
        attachments[0].get_content() == (workdir / "brieven" / "huizen" / "vvd.docx").read_bytes()
    )
    manifest = (workdir / "brieven" / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "huizen/vvd.docx;;huizen/vvd.eml;" in manifest

    again = run_brief("genereer", "Huizen", "--per-fractie", "--eml", "--datum", "2026-04-28")
    assert again.exit_code == 0
    assert (workdir / "brieven" / "huizen" / "vvd.eml").read_bytes() == raw


def test_draft_quotes_a_club_name_that_looks_like_an_address(tmp_path: Path) -> None:
    """A club name with '<…@…>' and a comma stays the name: the draft has exactly one
    sender (the club's address) and one recipient."""
    import datetime

    from brievenbus.inputs.models import Club, Municipality
    from brievenbus.output.email_draft import draft_email

    letter = tmp_path / "huizen.docx"
    letter.write_bytes(b"PK")
    club = Club(id="gooi", naam='Club <antwoord@kwaad.example>, "x"', email="gooi@example.org")
    municipality = Municipality.model_validate(
        {
            "code": "GM0406",
            "naam": "Huizen",
            "provincie": "Noord-Holland",
            "inwoners": {"aantal": 41283, "peildatum": "2026-01-01", "bron": "CBS"},
            "griffie": {"email": "griffie@huizen.example"},
        }
    )
    data = draft_email(
        docx_path=letter,
        pdf_path=None,
        subject="Het Verdrag van Istanbul",
        club=club,
        municipality=municipality,
        party=None,
        date=datetime.date(2026, 3, 1),
    )
    message = email.message_from_bytes(data, policy=email.policy.default)
    (sender,) = message["From"].addresses
    assert sender.addr_spec == "gooi@example.org"
    assert sender.display_name == 'Club <antwoord@kwaad.example>, "x"'
    assert [a.addr_spec for a in message["To"].addresses] == ["griffie@huizen.example"]
