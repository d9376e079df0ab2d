"""Which letters a command means: municipalities by name or group, a party by any usual name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from brievenbus.errors import DataError
from brievenbus.inputs.dataset import Dataset
from brievenbus.inputs.models import Municipality, Party
from brievenbus.letters.paths import slugify
from brievenbus.suggestions import search_key


class AmbiguousPartyError(DataError):
    """A --fractie that fits several parties of one council."""


_ABBREVIATION = re.compile(r"\(([^()]+)\)\s*$")  # 'Partij van de Arbeid (PvdA)' → 'PvdA'


def select_municipalities(
    dataset: Dataset,
    names: Sequence[str] = (),
    everything: bool = False,
    club_id: str | None = None,
    province: str | None = None,
) -> list[Municipality]:
    """Named municipalities, or all of them filtered by club and province."""
    if club_id is not None and club_id not in dataset.clubs:
        raise DataError.simple(
            f"club '{club_id}' bestaat niet", f"bekende clubs: {', '.join(dataset.clubs)}"
        )
    provinces = {search_key(m.provincie): m.provincie for m in dataset.municipalities}
    if province is not None and search_key(province) not in provinces:
        raise DataError.simple(
            f"provincie '{province}' bestaat niet",
            f"kies uit: {', '.join(sorted(provinces.values()))}",
        )
    if names:
        selected = [dataset.find_municipality(name) for name in names]
    elif everything or club_id or province:
        selected = list(dataset.municipalities)
    else:
        raise DataError.simple(
            "geen gemeente genoemd",
            "noem een gemeente (brief genereer Huizen) of kies een groep:"
            " --alle, --club of --provincie",
        )
    if club_id is not None:
        selected = [m for m in selected if dataset.club_for(m).id == club_id]
    if province is not None:
        selected = [m for m in selected if search_key(m.provincie) == search_key(province)]
    return list({m.code: m for m in selected}.values())


def party_names(party: Party) -> set[str]:
    """Every name a user may use for a party: full, file name, and either side of a
    parenthesis ('Partij van de Arbeid (PvdA)', 'SP (Socialistische Partij)'); as search keys."""
    names = {search_key(party.naam), search_key(slugify(party.naam))}
    if match := _ABBREVIATION.search(party.naam):
        names.add(search_key(match.group(1)))
        names.add(search_key(party.naam[: match.start()]))
    return names


def find_party(municipality: Municipality, query: str) -> Party:
    """A party of this council by any case of its name, its abbreviation or a unique part."""
    parties = municipality.raad.fracties
    key = search_key(query)
    exact = [p for p in parties if key in party_names(p)]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [p for p in parties if key and key in search_key(p.naam)]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise AmbiguousPartyError.simple(
            f"'{query}' past bij meer dan één fractie in {municipality.naam}: "
            + ", ".join(p.naam for p in partial),
            "geef meer van de naam",
        )
    raise DataError.simple(
        f"{municipality.naam} heeft geen fractie '{query}'",
        f"fracties: {', '.join(p.naam for p in parties) or 'onbekend'}",
    )


def select_parties(
    municipalities: Sequence[Municipality], query: str, named: bool
) -> dict[str, Party]:
    """For --fractie: the party meant in each municipality, by municipality code.

    A municipality the user named must have the party; in a group (--alle,
    --club, --provincie) municipalities without it are left out, unless none has it.
    """
    chosen: dict[str, Party] = {}
    missing: DataError | None = None
    for municipality in municipalities:
        try:
            chosen[municipality.code] = find_party(municipality, query)
        except AmbiguousPartyError:
            raise
        except DataError as error:
            if named:
                raise
            missing = missing or error
    if not chosen and missing is not None:
        raise missing
    return chosen
