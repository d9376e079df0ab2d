"""The right sender or no letter (DESIGN §11), tried as a user would.

From a subfolder of the workspace, outside any workspace, with a lost clubs
file, with a typo in the werkgebied, fresh from `brief init`: each test checks
the message, the exit code and the sender in the letter read back from Word.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import docx
import pytest

from tests.conftest import RunBrief, read_paragraphs
from tests.test_init_and_email import fill_in_club

EXAMPLE_NOTICE = (
    "Let op: met de voorbeeldgegevens, namens Soroptimistclub Bussum e.o. — maak uw eigen"
    " werkmap met brief init"
)
# What a secretary writes for each field `brief controleer` lists.
FILLED_IN = {
    "naam": "Soroptimistclub Het Gooi",
    "plaats": "Huizen",
    "ondertekenaars[0].naam": "J. Jansen",
    "secretariaat": "Voorbeeldstraat 1, 1271 AA Huizen",
    "email": "hetgooi@example.org",
    "werkgebied[0]": "Huizen",
}
LISTED = re.compile(r"^Nog in te vullen: data/clubs\.yaml:(\d+): clubs\[0\]\.(\S+): ", re.M)


def sender_of(path: Path) -> tuple[str, list[str]]:
    """The document's author (core properties) and its last paragraphs (the signature)."""
    author = docx.Document(str(path)).core_properties.author
    return author, [text for _, text in read_paragraphs(path)][-4:]


def flat(text: str) -> str:
    """Output with line wrapping undone."""
    return " ".join(text.split())


@pytest.fixture
def fresh(run_brief: RunBrief, workdir: Path) -> Path:
    """A workspace fresh from `brief init mijn-brieven`."""
    assert run_brief("init", "mijn-brieven").exit_code == 0
    return workdir / "mijn-brieven"


def fill_in_listed(clubs: Path, listing: str) -> list[str]:
    """Fill in exactly the fields `brief controleer` listed, at the lines it named."""
    lines = clubs.read_text(encoding="utf-8").split("\n")
    fields = []
    for number, field in LISTED.findall(listing):
        index = int(number) - 1
        value = FILLED_IN[field]
        lines[index] = re.sub(
            r"Soroptimistclub VUL IN|VUL IN|vulin@soroptimist\.nl", value, lines[index]
        )
        fields.append(field)
    clubs.write_text("\n".join(lines), encoding="utf-8")
    return fields


def test_fresh_workspace_goes_from_not_ready_to_in_order(
    run_brief: RunBrief, fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Right after init: 'Nog niet klaar' listing every field (exit 1); filling in exactly
    those fields gives 'Alles in orde' (exit 0) and a letter signed by the club."""
    monkeypatch.chdir(fresh)
    before = run_brief("controleer")
    assert before.exit_code == 1
    assert "Alles in orde" not in before.stdout
    assert "Nog niet klaar: 6 velden in data/clubs.yaml nog in te vullen" in flat(before.stderr)
    assert (
        "Nog in te vullen: data/clubs.yaml:17: clubs[0].email: nog het voorbeeldadres"
        " vulin@soroptimist.nl van brief init" in before.stderr
    )
    assert "→ vul in: de naam van uw club zoals onder de brief" in before.stderr
    # Warnings only about files in the workspace, each with what to do: nothing about facts.
    warnings = [line for line in before.stderr.splitlines() if line.startswith("Let op")]
    assert all(line.startswith("Let op: data/municipalities.yaml:") for line in warnings)
    assert "facts.yaml" not in before.stderr

    fields = fill_in_listed(fresh / "data" / "clubs.yaml", before.stderr)
    assert sorted(fields) == sorted(FILLED_IN)
    after = run_brief("controleer")
    assert after.exit_code == 0, after.stderr
    assert "Alles in orde: 342 gemeenten" in after.stdout
    assert "Nog" not in after.stderr

    result = run_brief("genereer", "Huizen", "--datum", "2026-04-28")
    assert result.exit_code == 0
    assert result.stdout == (
        "nieuw: brieven/huizen.docx  (verkiezingen, 6 maatregelen, namens Soroptimistclub"
        " Het Gooi)\n"
    )
    author, signature = sender_of(fresh / "brieven" / "huizen.docx")
    assert author == "Soroptimistclub Het Gooi"
    assert "J. Jansen, voorzitter\nSoroptimistclub Het Gooi" in signature


def test_unfilled_club_refuses_its_letters_naming_every_field(
    run_brief: RunBrief, fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With only the werkgebied filled in, genereer refuses and lists every field left; no letter."""
    monkeypatch.chdir(fresh)
    clubs = fresh / "data" / "clubs.yaml"
    clubs.write_text(
        clubs.read_text(encoding="utf-8").replace("werkgebied: [VUL IN]", "werkgebied: [Huizen]"),
        encoding="utf-8",
    )
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 1
    assert (
        "Fout: data/clubs.yaml: club 'mijn-club' is nog niet klaar om brieven te ondertekenen;"
        " er is geen brief gemaakt. Vul eerst deze velden in:" in result.stderr
    )
    for field in ("naam", "plaats", "ondertekenaars[0].naam", "secretariaat", "email"):
        assert f": clubs[0].{field}: nog " in result.stderr
    assert "werkgebied" not in result.stderr
    assert not (fresh / "brieven").exists()


def test_from_a_subfolder_the_workspace_signs(
    run_brief: RunBrief, fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the workspace's data/ folder, as git would: the club signs, the letter goes to brieven/."""
    monkeypatch.chdir(fresh)
    fill_in_club(fresh)
    monkeypatch.chdir(fresh / "data")
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 0, result.stderr
    assert "voorbeeldgegevens" not in result.stderr
    assert "namens Soroptimistclub Het Gooi)" in result.stdout
    assert not (fresh / "data" / "brieven").exists()
    author, _ = sender_of(fresh / "brieven" / "huizen.docx")
    assert author == "Soroptimistclub Het Gooi"


def test_outside_a_workspace_the_example_data_say_so(run_brief: RunBrief, workdir: Path) -> None:
    """Above any workspace: one line says the example data sign, and every line names the sender."""
    (workdir / "mijn-brieven").mkdir()
    result = run_brief("genereer", "Huizen", "--datum", "2026-04-28")
    assert result.exit_code == 0
    assert result.stderr.strip() == EXAMPLE_NOTICE
    assert result.stdout == (
        "nieuw: brieven/huizen.docx  (verkiezingen, 6 maatregelen, namens Soroptimistclub"
        " Bussum e.o.)\n"
    )
    author, signature = sender_of(workdir / "brieven" / "huizen.docx")
    assert author == "Soroptimistclub Bussum e.o."
    assert "Soroptimistclub Bussum e.o." in signature

    preview = run_brief("voorbeeld", "Huizen")
    assert preview.exit_code == 0
    assert preview.stderr.strip() == EXAMPLE_NOTICE


def lose_by_deleting(clubs: Path) -> None:
    clubs.unlink()


def lose_by_renaming(clubs: Path) -> None:
    clubs.rename(clubs.with_name("clubs-oud.yaml"))


def lose_by_broken_link(clubs: Path) -> None:
    clubs.unlink()
    clubs.symlink_to(clubs.with_name("weg.yaml"))


def lose_by_fifo(clubs: Path) -> None:
    clubs.unlink()
    os.mkfifo(clubs)


def lose_by_folder(clubs: Path) -> None:
    clubs.unlink()
    clubs.mkdir()


@pytest.mark.parametrize(
    ("lose", "message"),
    [
        (
            lose_by_deleting,
            "Fout: data/clubs.yaml ontbreekt in uw werkmap; er is geen brief gemaakt",
        ),
        (
            lose_by_renaming,
            "Fout: data/clubs.yaml ontbreekt in uw werkmap; er is geen brief gemaakt",
        ),
        (
            lose_by_broken_link,
            "Fout: data/clubs.yaml verwijst naar een bestand dat niet bestaat (een kapotte"
            " koppeling); er is geen brief gemaakt",
        ),
        (
            lose_by_fifo,
            "Fout: data/clubs.yaml is geen gewoon bestand (bv. een pijp of apparaat);"
            " er is geen brief gemaakt",
        ),
        (lose_by_folder, "Fout: data/clubs.yaml is een map, geen bestand"),
    ],
)
def test_lost_clubs_file_means_no_letter(
    run_brief: RunBrief,
    fresh: Path,
    monkeypatch: pytest.MonkeyPatch,
    lose: object,
    message: str,
) -> None:
    """Inside a workspace the clubs file never comes from the example data: error, no letter."""
    monkeypatch.chdir(fresh)
    assert callable(lose)
    lose(fresh / "data" / "clubs.yaml")
    for args in (["genereer", "Huizen"], ["controleer"], ["voorbeeld", "Huizen"]):
        result = run_brief(*args)
        assert result.exit_code == 1, args
        assert result.stderr.startswith(message), result.stderr
        assert "Bussum" not in result.stdout + result.stderr
    assert not (fresh / "brieven").exists()


def test_older_workspace_without_marker_still_works(
    run_brief: RunBrief, fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workspace made before the marker (data/ with brief's files) is still found, and
    a lost clubs file there is still an error, not the example clubs."""
    (fresh / ".brief-werkmap").unlink()
    monkeypatch.chdir(fresh / "templates")
    result = run_brief("controleer")
    assert result.exit_code == 1
    assert "Nog niet klaar" in result.stderr
    (fresh / "data" / "clubs.yaml").unlink()
    lost = run_brief("genereer", "Huizen")
    assert lost.exit_code == 1
    assert "data/clubs.yaml ontbreekt in uw werkmap" in lost.stderr


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("Blaricom", "werkgebied: gemeente 'Blaricom' bestaat niet\n  → bedoelt u Blaricum?"),
        ("Xyzdorp", "werkgebied: gemeente 'Xyzdorp' bestaat niet"),
        ("GM9999", "werkgebied: gemeente 'GM9999' bestaat niet"),
    ],
)
def test_typo_in_werkgebied_means_no_letter(
    run_brief: RunBrief, fresh: Path, monkeypatch: pytest.MonkeyPatch, entry: str, expected: str
) -> None:
    """A werkgebied entry that is no municipality stops controleer and genereer at its line."""
    monkeypatch.chdir(fresh)
    clubs = fresh / "data" / "clubs.yaml"
    fill_in_club(fresh)
    clubs.write_text(
        clubs.read_text(encoding="utf-8").replace("[Huizen]", f"[Huizen, {entry}]"),
        encoding="utf-8",
    )
    check = run_brief("controleer")
    assert check.exit_code == 1
    assert f"Fout: data/clubs.yaml:19: clubs[0].werkgebied[1]: {expected}" in check.stderr
    assert "Alles in orde" not in check.stdout
    result = run_brief("genereer", "Blaricum")
    assert result.exit_code == 1
    assert "clubs[0].werkgebied[1]" in result.stderr
    assert not (fresh / "brieven").exists()


def test_werkgebied_without_brackets_and_a_deleted_unie_block(
    run_brief: RunBrief, fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'werkgebied: Huizen, Blaricum' means both; without the Unie block the Unie still signs
    elsewhere, with a notice, and the club's own letters are made."""
    monkeypatch.chdir(fresh)
    clubs = fresh / "data" / "clubs.yaml"
    fill_in_club(fresh)
    text = clubs.read_text(encoding="utf-8").replace(
        "werkgebied: [Huizen]", "werkgebied: Huizen, Blaricum"
    )
    clubs.write_text(text[: text.index("  # Afzender voor gemeenten")], encoding="utf-8")

    own = run_brief("genereer", "Blaricum", "Huizen")
    assert own.exit_code == 0, own.stderr
    assert own.stdout.count("namens Soroptimistclub Het Gooi)") == 2
    assert sender_of(fresh / "brieven" / "blaricum.docx")[0] == "Soroptimistclub Het Gooi"
    assert "Let op: data/clubs.yaml:10: clubs: geen standaardafzender" in own.stderr

    other = run_brief("genereer", "Laren")
    assert other.exit_code == 0
    unie = "Unie van Soroptimistclubs in het Koninkrijk der Nederlanden en in Suriname"
    assert f"namens {unie})" in flat(other.stdout)
    assert sender_of(fresh / "brieven" / "laren.docx")[0] == unie


def test_notice_names_files_taken_from_the_package(
    run_brief: RunBrief, fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workspace without its own facts.yaml uses the packaged one and says which file."""
    monkeypatch.chdir(fresh)
    fill_in_club(fresh)
    (fresh / "data" / "facts.yaml").unlink()
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 0
    assert (
        "Let op: niet in uw werkmap, dus uit de meegeleverde gegevens: data/facts.yaml"
        in result.stderr
    )
    assert "voorbeeldgegevens" not in result.stderr


def test_dry_run_names_the_sender_of_each_letter(run_brief: RunBrief) -> None:
    """--proef lists each planned letter with who would sign it, and writes nothing."""
    result = run_brief("genereer", "Huizen", "Almere", "--proef")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "brieven/huizen.docx  (GM0406, namens Soroptimistclub Bussum e.o.)",
        "brieven/almere.docx  (GM0034, namens Soroptimistclub Almere)",
    ]
    assert result.stderr.startswith("Let op: met de voorbeeldgegevens, namens Soroptimistclub")
