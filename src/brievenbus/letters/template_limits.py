"""Limits on what a letter template may cost: size of text and lists, loops, time.

A template is code a user can edit (or receive from someone else). Jinja's
sandbox keeps it away from Python's internals; this module keeps it from
eating the machine: ``{{ 'a' * 10**10 }}`` asks for 10 GB and nested
``range`` loops never end. Operators that can grow text or lists are checked
*before* they run, the few growing filters are replaced by checked ones, and a
render stops after ``RENDER_SECONDS``. Every refusal is a ``LimitError`` with
a Dutch message; the renderer adds the template's file and line.
"""

from __future__ import annotations

import hashlib
import re
import signal
import sys
import threading
import time
import types
from collections.abc import Callable, Iterable
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.filters import (
    do_batch,
    do_center,
    do_format,
    do_indent,
    do_replace,
    sync_do_join,
    sync_do_slice,
    sync_do_sum,
)
from jinja2.nodes import Concat, EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

# A letter is about 10,000 characters; a hundred times that is not a letter.
MAX_TEXT = 1_000_000
# Lists in letters hold measures, parties and facts: a few dozen items.
MAX_ITEMS = 100_000
# range() in a template: enough for any numbering, not for a loop that never ends.
MAX_RANGE = 10_000
# Whole numbers beyond this many bits (about 3,000 digits) only come from a mistake,
# and Python refuses to print numbers over 4,300 digits anyway.
MAX_INT_BITS = 10_000
# Processor time (not wall time: a busy machine must not fail good letters) for one
# render. A letter takes a few milliseconds; the first in a process up to a few
# tenths (templates compiled). Two seconds is a runaway.
RENDER_SECONDS = 2.0
# Python frames a render may add: a letter with its partials needs under a hundred;
# an include or macro that calls itself stops here instead of at Python's 1,000.
MAX_RENDER_FRAMES = 300
_PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})  # width args
_DICT_ATTRIBUTES = frozenset(dir(dict))
_METHODS = (types.MethodType, types.BuiltinMethodType)  # what Jinja wraps: str.format
_WIDE_FORMAT = re.compile(r"(%[^a-zA-Z%]*(\*|\d{7,}))|(\{[^}]*(\d{7,}))")


class LimitError(jinja2.TemplateRuntimeError):
    """A template asked for more than a letter can need; the message is Dutch."""


class _Deadline:
    """The end of the current render; one render at a time per process.

    With the alarm (SIGPROF after RENDER_SECONDS of processor time) the alarm
    raises, and marks the deadline as passed: should library code swallow that
    exception, the next check raises it again, without asking the clock.
    Without the alarm (another thread, another platform, someone else's timer)
    every check compares the processor time with ``at``.
    """

    at: float | None = None  # processor time; None: no clock to watch (the alarm does)
    passed = False  # set by the alarm

    @classmethod
    def check(cls) -> None:
        if cls.passed or (cls.at is not None and time.process_time() > cls.at):
            cls.at, cls.passed = None, False
            raise _timeout_error()


def _timeout_error() -> LimitError:
    seconds = f"{RENDER_SECONDS:g}".replace(".", ",")
    return LimitError(
        f"het sjabloon is na {seconds} seconden rekenen nog niet klaar (een lus die niet stopt?)"
    )


def _check_text(size: int) -> None:
    if size > MAX_TEXT:
        raise LimitError(f"de tekst wordt te lang (meer dan {MAX_TEXT:_} tekens)".replace("_", "."))


def _check_items(size: int) -> None:
    if size > MAX_ITEMS:
        raise LimitError(f"de lijst wordt te lang (meer dan {MAX_ITEMS:_} items)".replace("_", "."))


def _check_sequence(value: Any, size: int) -> None:
    if isinstance(value, str):
        _check_text(size)
    elif isinstance(value, list | tuple):
        _check_items(size)


def _check_format(text: Any) -> None:
    if isinstance(text, str) and _WIDE_FORMAT.search(text):
        raise LimitError("een opmaak met een te grote breedte")


def _check_binop(operator_name: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before it runs."""
    if operator_name == "*":
        for sequence, count in ((left, right), (right, left)):
            if isinstance(count, int) and isinstance(sequence, str | list | tuple):
                _check_sequence(sequence, len(sequence) * count)
        both_ints = isinstance(left, int) and isinstance(right, int)
        if both_ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise LimitError("een getal wordt te groot")
    elif operator_name == "+":
        if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            _check_sequence(left, len(left) + len(right))
    elif operator_name == "**":
        both_ints = isinstance(left, int) and isinstance(right, int)
        if both_ints and right > 0 and right * max(left.bit_length(), 1) > MAX_INT_BITS:
            raise LimitError("een getal wordt te groot")
    elif operator_name == "%":
        _check_format(left)


def safe_range(*args: int) -> range:
    """range() with at most MAX_RANGE numbers."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise LimitError(f"range() met meer dan {MAX_RANGE:_} getallen".replace("_", "."))
    return numbers


# ------------------------------------------------------------- checked filters


def _center(value: str, width: int = 80) -> str:
    _check_text(width)
    return do_center(value, width)


def _indent(value: str, width: int | str = 4, *args: Any, **kwargs: Any) -> str:
    extra = width if isinstance(width, int) else len(width)
    _check_text(len(value) + (value.count("\n") + 1) * extra)
    return do_indent(value, width, *args, **kwargs)


@jinja2.pass_eval_context
def _replace(
    eval_ctx: EvalContext, value: str, old: str, new: str, count: int | None = None
) -> str:
    text = str(value)
    times = text.count(str(old)) if count is None else min(count, text.count(str(old)))
    _check_text(len(text) + times * max(len(str(new)) - len(str(old)), 0))
    return do_replace(eval_ctx, value, old, new, count)


@jinja2.pass_eval_context
def _join(
    eval_ctx: EvalContext, value: Iterable[Any], d: str = "", attribute: str | int | None = None
) -> str:
    items = list(value)
    _check_items(len(items))
    if attribute is None:
        _check_text(sum(len(str(item)) for item in items) + len(d) * len(items))
    return sync_do_join(eval_ctx, items, d, attribute)


def _format(value: str, *args: Any, **kwargs: Any) -> str:
    _check_format(value)
    return do_format(value, *args, **kwargs)


def _batch(value: Iterable[Any], linecount: int, fill_with: Any = None) -> Iterable[list[Any]]:
    _check_items(linecount)  # the last batch is filled up to linecount items
    return do_batch(value, linecount, fill_with)


def _slice(value: Iterable[Any], slices: int, fill_with: Any = None) -> Iterable[list[Any]]:
    _check_items(slices)
    return sync_do_slice(list(value), slices, fill_with)


@jinja2.pass_environment
def _sum(
    environment: jinja2.Environment,
    iterable: Iterable[Any],
    attribute: str | int | None = None,
    start: Any = 0,
) -> Any:
    items = list(iterable)
    _check_items(len(items))
    sized = [x for x in (start, *items) if isinstance(x, str | list | tuple)]
    if attribute is None and sized:  # summing lists concatenates them
        _check_sequence(sized[0], sum(len(x) for x in sized))
    return sync_do_sum(environment, items, attribute, start)


CHECKED_FILTERS: dict[str, Callable[..., Any]] = {
    "center": _center,
    "indent": _indent,
    "replace": _replace,
    "join": _join,
    "format": _format,
    "batch": _batch,
    "slice": _slice,
    "sum": _sum,
}


# ----------------------------------------------------------------- environment


class _LimitedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with the ``~`` operator's result checked too."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:  # noqa: N802 (Jinja's name)
        self.write("environment.checked_text(")
        super().visit_Concat(node, frame)
        self.write(")")


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox (lists and dicts cannot be changed: no doubling a list in a loop),
    with bounded operators, filters, range and calls."""

    intercepted_binops = frozenset({"*", "+", "**", "%"})
    code_generator_class = _LimitedCodeGenerator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = safe_range
        self.globals.pop("lipsum", None)  # pages of Latin are no part of a letter
        self.filters.update(CHECKED_FILTERS)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Check the size of the result first."""
        _Deadline.check()
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """A text method gets no width or count above the text limit, no over-wide format."""
        _Deadline.check()
        target = getattr(__obj, "__wrapped__", __obj)
        if isinstance(getattr(target, "__self__", None), str):
            if target.__name__ in _PADDING_METHODS:
                for argument in (*args, *kwargs.values()):
                    if isinstance(argument, int) and not isinstance(argument, bool):
                        _check_text(abs(argument))
            elif target.__name__ in {"format", "format_map"}:
                _check_format(target.__self__)
            elif target.__name__ in {"replace", "join"}:
                _replace_or_join_size(target.__self__, target.__name__, args)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja's sandboxed look-up (the attribute, else the item), watching the clock
        (loops do many look-ups). Written out here: a letter makes dozens of them."""
        _Deadline.check()
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:  # a dict has no attribute of this name: Jinja gives the item
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            return super().getattr(obj, attribute)
        if isinstance(value, _METHODS) and (wrapped := self.wrap_str_format(value)) is not None:
            return wrapped
        if self.is_safe_attribute(obj, attribute, value):
            return value
        return self.unsafe_undefined(obj, attribute)

    @staticmethod
    def checked_text(text: str) -> str:
        """The result of ``~``, refused when it grows too long."""
        _check_text(len(text))
        return text

    @staticmethod
    def concat(pieces: Iterable[str]) -> str:
        """Join a template's (or macro's) output, refusing it past MAX_TEXT characters
        and watching the clock (a loop that only prints is stopped here too)."""
        total = 0
        kept: list[str] = []
        rest = iter(pieces)
        while batch := list(islice(rest, 1024)):  # the template runs in C's hands here
            kept += batch
            total += sum(map(len, batch))
            if total > MAX_TEXT:
                _check_text(total)
            _Deadline.check()
        return "".join(kept)


@cache
def code_generator_fingerprint() -> str:
    """Jinja's version and this module's source: compiled templates depend on both."""
    digest = hashlib.sha256(jinja2.__version__.encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def _replace_or_join_size(text: str, name: str, args: tuple[Any, ...]) -> None:
    if name == "replace" and len(args) >= 2:
        times = text.count(str(args[0]))
        _check_text(len(text) + times * max(len(str(args[1])) - len(str(args[0])), 0))
    elif name == "join" and args:
        items = list(args[0]) if isinstance(args[0], list | tuple) else []
        _check_items(len(items))
        _check_text(sum(len(str(item)) for item in items) + len(text) * len(items))


def render_limited(template: jinja2.Template, context: Any) -> str:
    """Render with a bounded recursion depth (RecursionError beyond it)."""
    depth = 0
    frame = sys._getframe()
    while frame.f_back is not None:
        frame, depth = frame.f_back, depth + 1
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(min(previous, depth + MAX_RENDER_FRAMES))
    try:
        return _render_in_time(template, context)
    finally:
        sys.setrecursionlimit(previous)


def _render_in_time(template: jinja2.Template, context: Any) -> str:
    """Render, stopping after RENDER_SECONDS (also inside a loop that calls nothing)."""
    alarm = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_PROF)[0] == 0  # nobody else's timer is running
    )
    _Deadline.passed = False
    if not alarm:
        _Deadline.at = time.process_time() + RENDER_SECONDS
        try:
            return template.render(context)
        finally:
            _Deadline.at = None
    previous = signal.signal(signal.SIGPROF, _on_alarm)
    signal.setitimer(signal.ITIMER_PROF, RENDER_SECONDS)
    try:
        return template.render(context)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        _Deadline.passed = False


def _on_alarm(signum: int, frame: object) -> None:
    _Deadline.passed = True
    raise _timeout_error()
