"""`brief init`: a workspace a club secretary can edit, with a short Dutch guide."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from brievenbus.errors import OutputError, os_reason
from brievenbus.fileio import TEMP_PREFIX, folder_mode
from brievenbus.inputs.locations import MARKER, packaged_dir
from brievenbus.inputs.readiness import EXAMPLE_EMAIL, PLACEHOLDER

CLUBS_TEMPLATE = f"""\
# Uw club. Vul de regels met {PLACEHOLDER} in, ook het e-mailadres, en zet bij
# `werkgebied` de gemeenten die u aanschrijft (naam of CBS-code), bv.
# [Huizen, Blaricum]. Weet u de naam van een ondertekenaar niet, laat dan de
# naam leeg en de rol staan ({{naam: , rol: voorzitter}}): de brief verzint nooit iets.
# `brief controleer` zegt wat er nog in te vullen is.
#
#   ondertekend: ja  → u zet zelf een handtekening
#   ondertekend: nee → de brief zegt dat hij digitaal is aangemaakt

clubs:
  - id: mijn-club
    naam: Soroptimistclub {PLACEHOLDER}
    plaats: {PLACEHOLDER}
    ondertekenaars:
      - {{naam: {PLACEHOLDER}, rol: voorzitter}}
    secretariaat: {PLACEHOLDER}
    email: {EXAMPLE_EMAIL}
    websites: [www.soroptimist.nl]
    werkgebied: [{PLACEHOLDER}]
    ondertekend: nee
    # logo: logo.png                 # een logo naast dit bestand (PNG of JPEG)

  # Afzender voor gemeenten buiten uw werkgebied (precies één club met standaard: ja).
  # Laat dit blok staan; haalt u het weg, dan tekent de Unie toch (brief meldt dat).
  - id: unie
    naam: Unie van Soroptimistclubs in het Koninkrijk der Nederlanden en in Suriname
    websites: [www.soroptimist.nl]
    ondertekend: nee
    standaard: ja
"""

MARKER_TEXT = """\
Deze map is een werkmap van brief (pleitbrieven voor Soroptimistclubs).
brief herkent de werkmap aan dit bestand, ook als u een opdracht geeft in een
map eronder (bv. data/). Laat het staan.
"""

README_TEXT = f"""\
# Uw werkmap voor `brief`

Hier staan uw eigen gegevens en sjablonen. `brief` gebruikt ze automatisch
als u de opdrachten in deze map geeft, of in een map eronder (zoals `data/`):
`brief` herkent de werkmap aan het bestand `{MARKER}`. Laat dat staan. Buiten
een werkmap gebruikt `brief` de voorbeeldgegevens en zegt dat bij elke brief.
Binnen de werkmap komen de clubgegevens altijd uit `data/clubs.yaml`: is dat
bestand weg, dan maakt `brief` geen brief.

## Eén keer invullen

1. Open `data/clubs.yaml` in een teksteditor (Kladblok, TextEdit of VS Code) en
   vervang elke `{PLACEHOLDER}` en het voorbeeldadres `{EXAMPLE_EMAIL}` door de
   gegevens van uw club. Zet bij `werkgebied` de gemeente(n) die u aanschrijft,
   bijvoorbeeld `[Huizen, Blaricum]`. Gebruik rechte aanhalingstekens (`"`);
   zet in TextEdit "Slimme aanhalingstekens" uit (Wijzig → Vervangingen).
2. Weet u de namen van fractievoorzitters? Zet ze in `data/municipalities.yaml`
   bij de fractie: `fractievoorzitter: A. de Vries` (en `aanhef: mevrouw` of
   `aanhef: heer` als u dat zeker weet). Een lokale partij krijgt geen lidwoord;
   wilt u "de" of "het" ervoor, zet dan `lidwoord: de` of `lidwoord: het`.
3. Controleer alles:

       brief controleer

   Staat er een fout, dan ziet u het bestand, de regel en wat u kunt doen.
   Zolang er nog iets in te vullen is, zegt `brief controleer` "Nog niet klaar"
   en noemt elk veld; daarna "Alles in orde".

## Een brief maken

    brief voorbeeld Huizen               (eerst bekijken in de terminal)
    brief genereer Huizen                (verkiezingsbrief in brieven/)
    brief genereer Huizen --context coalitie
    brief genereer Huizen --fractie PvdA  (alleen de brief aan die fractie)
    brief genereer Huizen --per-fractie --eml

Open de brief in Word, lees hem na en pas gerust iets aan: `brief` overschrijft
een brief die u heeft bewerkt niet. Met `--eml` staat naast elke brief een
e-mailconcept (`.eml`) met de brief als bijlage; open het, controleer de
ontvanger en verstuur het zelf.

## Meer

- `data/measures.yaml`: de maatregelen; `brief maatregelen` toont ze.
- `templates/`: de tekst van de brieven (`verkiezingen.md.j2`, `coalitie.md.j2`)
  en de huisstijl (`huisstijl.docx`, te openen in Word).
- `brief --help` en `brief genereer --help` tonen alle opties.
"""


def create_workspace(folder: Path) -> list[Path]:
    """Write data/, templates/, LEESMIJ.md and the workspace marker into folder; refuse if a
    workspace is there.

    All or nothing: everything is written into a temporary folder beside them
    first and moved into place at the end, so a full disk never leaves a
    cut-off file that ``controleer`` would then read.
    """
    targets = [folder / "data", folder / "templates", folder / "LEESMIJ.md", folder / MARKER]
    existing = [t for t in targets if t.exists() or t.is_symlink()]
    if existing:
        raise OutputError.simple(
            f"{_named(folder)} is al een werkmap ({existing[0]} bestaat); er is niets overschreven",
            "kies een andere map: brief init NIEUWE_MAP",
        )
    staging: Path | None = None
    made_folder = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder, prefix=TEMP_PREFIX + "init-"))
        os.chmod(staging, folder_mode())  # mkdtemp makes 0700 whatever the umask
        written = _write_files(staging)
        for target in targets:
            os.replace(staging / target.name, target)
    except OSError as error:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if made_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise OutputError.simple(
            f"kan de werkmap niet maken in {_named(folder)} ({os_reason(error)}); "
            "er is niets achtergelaten",
            "kies een map waar u mag schrijven, of maak ruimte vrij",
        ) from None
    staging.rmdir()  # empty now
    return [folder / path.relative_to(staging) for path in written]


def _write_files(staging: Path) -> list[Path]:
    """The workspace's files, written into the staging folder."""
    written = []
    data_dir = staging / "data"
    data_dir.mkdir()
    for name in ("municipalities.yaml", "measures.yaml", "facts.yaml"):
        (data_dir / name).write_bytes((packaged_dir("data") / name).read_bytes())
        written.append(data_dir / name)
    (data_dir / "clubs.yaml").write_bytes(CLUBS_TEMPLATE.encode("utf-8"))
    written.append(data_dir / "clubs.yaml")
    templates_dir = staging / "templates"
    templates_dir.mkdir()
    for path in sorted(packaged_dir("templates").iterdir()):
        if path.suffix in {".j2", ".docx"}:
            (templates_dir / path.name).write_bytes(path.read_bytes())
            written.append(templates_dir / path.name)
    (staging / "LEESMIJ.md").write_bytes(README_TEXT.encode("utf-8"))
    written.append(staging / "LEESMIJ.md")
    (staging / MARKER).write_bytes(MARKER_TEXT.encode("utf-8"))
    written.append(staging / MARKER)
    return written


def _named(folder: Path) -> str:
    """The folder as the user wrote it ('../mijn-brieven'), or 'deze map'."""
    return "deze map" if folder == Path() else str(folder)
