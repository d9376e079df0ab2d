"""`--eml`: an e-mail draft beside each letter, with the letter attached. Nothing is sent.

The draft is an RFC 5322 message with ``X-Unsent: 1``, so Outlook opens it as
a new message to edit and send, and Thunderbird can too (File → Open, then
"Edit as New"). The recipient is the party leader when the data has an address,
else the council's clerk (griffie); otherwise the user fills it in.
"""

from __future__ import annotations

import datetime
import email.policy
import hashlib
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from brievenbus.inputs.models import Club, Municipality, Party
from brievenbus.salutation import salutation

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def draft_email(
    *,
    docx_path: Path,
    pdf_path: Path | None,
    subject: str,
    club: Club,
    municipality: Municipality,
    party: Party | None,
    date: datetime.date,
) -> bytes:
    """The .eml bytes; the same letter always gives the same draft."""
    message = EmailMessage(policy=email.policy.SMTP)
    message["X-Unsent"] = "1"
    to_party = f"fractie van {party.met_lidwoord}, " if party else ""
    message["Subject"] = f"{subject} – {to_party}gemeente {municipality.naam}"
    if club.email:
        message["From"] = f"{club.naam} <{club.email}>"
    recipient = recipient_for(municipality, party)
    if recipient:
        message["To"] = recipient
    noon = datetime.datetime.combine(date, datetime.time(12, 0), tzinfo=datetime.UTC)
    message["Date"] = format_datetime(noon)
    message.set_content(_cover_text(club, municipality, party), charset="utf-8")
    docx = docx_path.read_bytes()
    message.add_attachment(docx, *DOCX_TYPE, filename=docx_path.name)
    if pdf_path is not None and pdf_path.exists():
        message.add_attachment(pdf_path.read_bytes(), "application", "pdf", filename=pdf_path.name)
    # A fixed boundary keeps the draft byte-identical for an unchanged letter.
    message.set_boundary("brief-" + hashlib.sha256(docx).hexdigest()[:24])
    return message.as_bytes()


def recipient_for(municipality: Municipality, party: Party | None) -> str | None:
    """The party's address when known, else the griffie's, else none."""
    griffie = municipality.griffie.email if municipality.griffie else None
    return (party.email if party else None) or griffie


def _cover_text(club: Club, municipality: Municipality, party: Party | None) -> str:
    greeting = salutation(party)
    to_whom = "u" if party else f"de fracties in de gemeenteraad van {municipality.naam}"
    signers = [s.naam for s in club.ondertekenaars if s.naam]
    return (
        f"{greeting}\n\n"
        f"In de bijlage vindt u een brief van {club.naam} aan {to_whom} over het Verdrag van "
        "Istanbul: wat de gemeente kan doen om geweld tegen vrouwen en huiselijk geweld te "
        "voorkomen en te bestrijden.\n\n"
        "Wij horen graag uw reactie.\n\n"
        "Met vriendelijke groet,\n\n"
        + ("\n".join(signers) + "\n" if signers else "")
        + f"{club.naam}\n"
    )
