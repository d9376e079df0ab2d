"""`brief controleer`'s dry run: every letter it could be asked to write, rendered in memory.

Every letter kind for every municipality, and every per-party letter (or the
letter through the griffie where the parties are unknown), on all cores.
Nothing is written. A template mistake fails every letter the same way, so
each problem is reported once.
"""

from __future__ import annotations

import datetime
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from brievenbus.errors import BriefError, Problem
from brievenbus.inputs.models import Party
from brievenbus.letters.rendering import TEMPLATE_SUFFIX, reads_any, render_template
from brievenbus.letters.variables import PARTY_VARIABLES
from brievenbus.letters.workspace import Workspace
from brievenbus.ooxml.house_style import SLOTS

PARALLEL_FROM = 40  # municipalities; below this, starting worker processes costs more
CHUNK = 8  # municipalities a worker takes at a time
PER_PARTY = "per fractie"


@dataclass
class Rehearsal:
    """How many letters of each kind were rendered, and what went wrong."""

    counts: Counter[tuple[str, bool]] = field(default_factory=Counter)  # (kind, per party)
    problems: list[Problem] = field(default_factory=list)

    @property
    def total(self) -> int:
        """All letters rendered."""
        return sum(self.counts.values())

    def describe(self) -> str:
        """'verkiezingen 342 + 2659 per fractie, coalitie 342 + 2659 per fractie'."""
        kinds = dict.fromkeys(kind for kind, _ in self.counts)
        return ", ".join(
            f"{kind} {self.counts[kind, False]} + {self.counts[kind, True]} {PER_PARTY}"
            for kind in kinds
        )


def rehearse(
    workspace: Workspace,
    date: datetime.date,
    workers: int | None = None,
    meanwhile: Callable[[], object] = lambda: None,
) -> Rehearsal:
    """Render every letter in memory; collect each distinct problem once.

    ``meanwhile`` runs in this process while the workers render (other checks).
    """
    codes = [m.code for m in workspace.dataset.municipalities]
    _given_up.reset()
    rehearsal = Rehearsal()
    seen: set[str] = set()
    workers = workers or os.cpu_count() or 1
    for counts, problems in _results(workspace, codes, date, workers, meanwhile):
        rehearsal.counts.update(counts)
        for problem in problems:
            if str(problem) not in seen:
                seen.add(str(problem))
                rehearsal.problems.append(problem)
    return rehearsal


Result = tuple[Counter[tuple[str, bool]], list[Problem]]


@dataclass
class _GivenUp:
    """Kinds not tried again in this process after failing twice the same way.

    A template mistake fails every letter alike, and a runaway template costs
    its render time limit each time: without this, once per municipality.
    """

    seen: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)

    def note(self, kind: str, problems: Sequence[Problem]) -> None:
        """Remember a failure; the second identical one gives the kind up."""
        for problem in problems:
            if str(problem) in self.seen:
                self.kinds.add(kind)
            self.seen.add(str(problem))

    def reset(self) -> None:
        """A new rehearsal starts with every kind."""
        self.seen.clear()
        self.kinds.clear()


_given_up = _GivenUp()  # per process; workers inherit the parent's (fork)


def rehearse_municipality(workspace: Workspace, code: str, date: datetime.date) -> Result:
    """Every letter to one municipality: each kind, to the council and to each party."""
    municipality = workspace.dataset.municipality_by_code[code]
    counts: Counter[tuple[str, bool]] = Counter()
    problems: list[Problem] = []
    parties: list[Party | None] = [*municipality.raad.fracties] or [None]
    folders = workspace.template_folders
    for kind in workspace.kinds:
        if kind in _given_up.kinds:
            continue
        names = [f"_{slot}{TEMPLATE_SUFFIX}" for slot in SLOTS] + [kind + TEMPLATE_SUFFIX]
        # What does not read the party renders the same for every party: once is enough.
        per_party = [n for n in names if reads_any(folders, n, PARTY_VARIABLES)]
        try:
            plan = workspace.plan(municipality, kind, date, require_ready=False)
            for name in names:
                render_template(name, workspace.template_variables(plan), folders)
            counts[kind, False] += 1
            for party in parties:
                letter = replace(plan, party=party, via_clerk=party is None)
                variables = workspace.template_variables(letter)
                for name in per_party:
                    render_template(name, variables, folders)
                counts[kind, True] += 1
        except BriefError as error:
            _given_up.note(kind, error.problems)
            problems.extend(error.problems)
    return counts, problems


# One workspace per worker process, set by the pool's initializer (inherited with fork).
_worker_workspace: Workspace | None = None


def _init_worker(workspace: Workspace) -> None:
    global _worker_workspace  # noqa: PLW0603 (the per-process state is the point)
    _worker_workspace = workspace


def _rehearse_in_worker(job: tuple[str, datetime.date]) -> Result:
    assert _worker_workspace is not None, "the pool's initializer sets the workspace"
    return rehearse_municipality(_worker_workspace, *job)


def _results(
    workspace: Workspace,
    codes: Sequence[str],
    date: datetime.date,
    workers: int,
    meanwhile: Callable[[], object],
) -> Iterator[Result]:
    if workers < 2 or len(codes) < PARALLEL_FROM:
        meanwhile()
        for code in codes:
            yield rehearse_municipality(workspace, code, date)
        return
    from concurrent.futures import ProcessPoolExecutor

    # The first municipality here: it compiles the templates once, and the
    # workers inherit that (fork) instead of each doing it.
    yield rehearse_municipality(workspace, codes[0], date)
    jobs = [(code, date) for code in codes[1:]]
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(workspace,)) as pool:
        # Small chunks, so that neither worker is left with a long tail at the end.
        results = pool.map(_rehearse_in_worker, jobs, chunksize=CHUNK)
        meanwhile()
        yield from results
