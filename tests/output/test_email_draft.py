"""E-mail drafts: to the party or the griffie, the letter attached, the same bytes each run."""

from __future__ import annotations

import datetime
import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from brievenbus.inputs.models import Clerk, Club, Party, Signatory
from brievenbus.letters.workspace import Workspace
from brievenbus.output.email_draft import draft_email, recipient_for

CLUB = Club(
    id="c",
    naam="Soroptimistclub Het Gooi",
    email="gooi@example.org",
    ondertekenaars=[Signatory(naam="J. Jansen", rol="voorzitter"), Signatory(rol="secretaris")],
)
PARTY = Party(
    naam="VVD", zetels=3, fractievoorzitter="A. de Vries", aanhef="mevrouw", email="vvd@example.org"
)


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "vvd.docx"
    path.write_bytes(b"PK docx")
    return path


def draft(workspace: Workspace, letter: Path, party: Party | None) -> EmailMessage:
    huizen = workspace.dataset.find_municipality("Huizen")
    data = draft_email(
        docx_path=letter,
        pdf_path=None,
        subject="Het Verdrag van Istanbul",
        club=CLUB,
        municipality=huizen,
        party=party,
        date=datetime.date(2026, 3, 18),
    )
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_draft_to_the_party_leader(packaged_workspace: Workspace, letter: Path) -> None:
    message = draft(packaged_workspace, letter, PARTY)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "vvd@example.org"
    assert message["From"] == "Soroptimistclub Het Gooi <gooi@example.org>"
    assert message["Subject"] == "Het Verdrag van Istanbul – fractie van de VVD, gemeente Huizen"
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")  # SMTP line ends
    assert text.startswith("Geachte mevrouw De Vries,\n")
    assert "J. Jansen\nSoroptimistclub Het Gooi\n" in text
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == "vvd.docx"
    assert attachment.get_content() == b"PK docx"


def test_the_same_letter_gives_the_same_draft(packaged_workspace: Workspace, letter: Path) -> None:
    assert (
        draft(packaged_workspace, letter, PARTY).as_bytes()
        == draft(packaged_workspace, letter, PARTY).as_bytes()
    )


def test_recipient_party_else_griffie_else_none(packaged_workspace: Workspace) -> None:
    huizen = packaged_workspace.dataset.find_municipality("Huizen")
    with_clerk = huizen.model_copy(update={"griffie": Clerk(email="griffie@huizen.nl")})
    assert recipient_for(with_clerk, PARTY) == "vvd@example.org"
    assert recipient_for(with_clerk, Party(naam="D66", zetels=2)) == "griffie@huizen.nl"
    assert recipient_for(huizen.model_copy(update={"griffie": None}), None) is None


def test_without_an_address_the_user_fills_it_in(
    packaged_workspace: Workspace, letter: Path
) -> None:
    message = draft(packaged_workspace, letter, None)
    assert message["To"] is None
    body = message.get_body(("plain",))
    assert body is not None
    assert body.get_content().startswith("Geachte mevrouw, geachte heer,\r\n")
