"""The register: the truth about what `brief` wrote in an output folder (DESIGN §10).

An embedded SQLite database (``.brief-register.db``, write-ahead log) beside
the letters. Two tables:

- ``written``: every version of every file the tool ever wrote there
  (letter, PDF, e-mail draft): its path, the sha256 of its bytes and what it
  was made from (a letter: the fingerprint of its inputs; a PDF or draft: the
  sha256 of the letter it holds). A version is committed here *before* the
  file is renamed into place, so after kill -9, a full disk or a crash any
  file whose hash is known is the tool's own; only bytes the register never
  saw were edited by hand.
- ``letters``: one row per letter file, the latest outcome: its subject
  (municipality code, party or '', letter kind), hashes, status and time.
  ``manifest.csv`` is an export of this table.

Campaign follow-up (DESIGN §12) belongs to a letter's subject, not to its
bytes: it can be added as its own table keyed by (municipality_code, party,
kind), which the ``letters_by_subject`` index already serves, and survives any
new batch because batches only touch ``letters`` and ``written``.
"""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path

from brievenbus.errors import OutputError
from brievenbus.fileio import display_path

REGISTER_NAME = ".brief-register.db"
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS written (
    path TEXT NOT NULL,               -- relative to the output folder, with '/'
    sha256 TEXT NOT NULL,             -- of the bytes the tool wrote (or meant to write)
    made_from TEXT NOT NULL DEFAULT '',  -- letter: input fingerprint, PDF or draft: letter sha256
    time TEXT NOT NULL,
    PRIMARY KEY (path, sha256)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS letters (
    path TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    party TEXT NOT NULL DEFAULT '',   -- '' for a letter to the whole council
    kind TEXT NOT NULL,
    municipality TEXT NOT NULL DEFAULT '',
    measures TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    pdf TEXT NOT NULL DEFAULT '',
    pdf_sha256 TEXT NOT NULL DEFAULT '',
    eml TEXT NOT NULL DEFAULT '',
    eml_sha256 TEXT NOT NULL DEFAULT '',
    time TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS letters_by_subject ON letters (municipality_code, party, kind);
"""

_REASONS = {
    sqlite3.SQLITE_FULL: "de schijf is vol",
    sqlite3.SQLITE_CORRUPT: "het register is beschadigd",
    sqlite3.SQLITE_NOTADB: "het register is beschadigd",
    sqlite3.SQLITE_BUSY: "bezet door een ander programma",
    sqlite3.SQLITE_READONLY: "alleen-lezen",
    sqlite3.SQLITE_CANTOPEN: "kan het bestand niet openen",
}


@dataclass(frozen=True)
class LetterRecord:
    """One row of ``letters``: a letter file's latest outcome."""

    path: str
    municipality_code: str
    party: str
    kind: str
    municipality: str = ""
    measures: str = ""
    sha256: str = ""
    fingerprint: str = ""
    status: str = ""
    reason: str = ""
    pdf: str = ""
    pdf_sha256: str = ""
    eml: str = ""
    eml_sha256: str = ""
    time: str = ""


_LETTER_COLUMNS = tuple(f.name for f in fields(LetterRecord))


def now() -> str:
    """The time stamp in the register and the manifest."""
    return datetime.datetime.now().isoformat(timespec="seconds")


def register_error(output_dir: Path, error: sqlite3.Error) -> OutputError:
    """A Dutch message for a register that cannot be read or written."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    reason = _REASONS.get(primary, str(error)) if primary is not None else str(error)
    if primary in {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}:
        hint = (
            f"hernoem {REGISTER_NAME} in die map (bewaar het); brief begint dan een nieuw "
            "register en houdt alle bestaande brieven voor met de hand bewerkt"
        )
    else:
        hint = "maak ruimte vrij of kies een andere map met --uitvoer MAP, en probeer het opnieuw"
    return OutputError.simple(
        f"kan het register van brief in {display_path(output_dir)} niet bijwerken ({reason})",
        hint,
    )


class Register:
    """One connection to an output folder's register; each process opens its own."""

    def __init__(self, output_dir: Path, connection: sqlite3.Connection) -> None:
        self.output_dir = output_dir
        self.connection = connection
        self.durable = False  # synchronous=NORMAL, as set in ``open``

    @classmethod
    def open(cls, output_dir: Path) -> Register:
        """Open (or create) the register; the folder must exist."""
        path = output_dir / REGISTER_NAME
        try:
            connection = sqlite3.connect(path, timeout=60, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            # WAL: every commit survives a killed process. Write-ahead commits are also
            # fsynced (FULL) before any file is renamed; outcome rows need not be (NORMAL).
            connection.execute("PRAGMA synchronous=NORMAL")
            with _transaction(connection):
                for statement in _SCHEMA.split(";"):
                    connection.execute(statement)
                connection.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,)
                )
        except sqlite3.Error as error:
            raise register_error(output_dir, error) from None
        return cls(output_dir, connection)

    def close(self) -> None:
        """Close the connection (the last one folds the log back into the database)."""
        self.connection.close()

    @contextmanager
    def transaction(self, durable: bool = False) -> Iterator[sqlite3.Connection]:
        """One atomic change, with ``durable`` on disk when it returns; errors in Dutch."""
        try:
            if durable != self.durable:
                self.connection.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
                self.durable = durable
            with _transaction(self.connection):
                yield self.connection
        except sqlite3.Error as error:
            raise register_error(self.output_dir, error) from None

    @property
    def migrated(self) -> bool:
        """Whether an old manifest.csv was already considered (done once, at creation)."""
        try:
            row = self.connection.execute(
                "SELECT value FROM meta WHERE key = 'manifest_read'"
            ).fetchone()
        except sqlite3.Error as error:
            raise register_error(self.output_dir, error) from None
        return row is not None

    def import_legacy(self, records: Iterable[LetterRecord]) -> None:
        """Letters an earlier version recorded (once): their hashes become the tool's own."""
        records = list(records)
        with self.transaction() as connection:
            connection.executemany(
                "INSERT OR IGNORE INTO written VALUES (?, ?, '', ?)",
                ((r.path, r.sha256, r.time or now()) for r in records),
            )
            marks = ", ".join("?" * len(_LETTER_COLUMNS))
            connection.executemany(
                f"INSERT OR IGNORE INTO letters ({', '.join(_LETTER_COLUMNS)}) VALUES ({marks})",
                (_row(record) for record in records),
            )
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('manifest_read', ?)", (now(),))

    def known_versions(self) -> dict[str, dict[str, str]]:
        """Every file the tool wrote: path → {sha256: what it was made from}."""
        known: dict[str, dict[str, str]] = {}
        try:
            rows = self.connection.execute("SELECT path, sha256, made_from FROM written")
            for path, sha256, made_from in rows:
                known.setdefault(path, {})[sha256] = made_from
        except sqlite3.Error as error:
            raise register_error(self.output_dir, error) from None
        return known

    def note_written(self, versions: Iterable[tuple[str, str, str]]) -> None:
        """Commit (path, sha256, made_from) of files about to be renamed into place."""
        versions = list(versions)
        if not versions:
            return
        stamp = now()
        with self.transaction(durable=True) as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO written VALUES (?, ?, ?, ?)",
                ((path, sha256, made_from, stamp) for path, sha256, made_from in versions),
            )

    def record_letters(self, records: Iterable[LetterRecord]) -> None:
        """The latest outcome per letter file, replacing older rows for the same files."""
        marks = ", ".join("?" * len(_LETTER_COLUMNS))
        with self.transaction() as connection:
            connection.executemany(
                f"INSERT OR REPLACE INTO letters ({', '.join(_LETTER_COLUMNS)}) VALUES ({marks})",
                (_row(record) for record in records),
            )

    def letters(self) -> list[LetterRecord]:
        """Every letter's latest outcome, by path."""
        try:
            rows = self.connection.execute(
                f"SELECT {', '.join(_LETTER_COLUMNS)} FROM letters ORDER BY path"
            ).fetchall()
        except sqlite3.Error as error:
            raise register_error(self.output_dir, error) from None
        return [LetterRecord(*row) for row in rows]


def _row(record: LetterRecord) -> tuple[str, ...]:
    """A record's values in column order (``astuple`` copies deeply: 50x slower)."""
    return tuple(getattr(record, name) for name in _LETTER_COLUMNS)


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
