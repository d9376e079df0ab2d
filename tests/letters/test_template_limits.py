"""Templates cannot eat the machine: growth, loops and time are bounded, with Dutch messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.letters.rendering import make_environment
from brievenbus.letters.template_limits import LimitError, render_limited


def render(source: str) -> str:
    """Render template text in the letters' environment, within the limits."""
    environment = make_environment((Path(__file__).parent,))
    return render_limited(environment.from_string(source), {})


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ 'a' * 10**10 }}", "de tekst wordt te lang"),
        ("{{ [1] * 10**9 }}", "de lijst wordt te lang"),
        ("{{ ('a' * 1000000) + ('a' * 1000000) }}", "de tekst wordt te lang"),
        (
            "{% set ns = namespace(s='a') %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            "de tekst wordt te lang",
        ),
        ("{{ 10 ** (10 ** 10) }}", "een getal wordt te groot"),
        ("{{ range(100000) | list }}", "range() met meer dan 10.000 getallen"),
        ("{{ 'a' | center(10**9) }}", "de tekst wordt te lang"),
        ("{{ 'x'.center(10**9) }}", "de tekst wordt te lang"),
        ("{{ ('a' * 100000) | replace('a', 'a' * 100000) }}", "de tekst wordt te lang"),
        ("{{ (['a' * 1000000] * 100000) | join }}", "de tekst wordt te lang"),
        ("{{ 'x'.join(['a' * 1000000] * 100) }}", "de tekst wordt te lang"),
        ("{{ '%999999999s' | format(1) }}", "een opmaak met een te grote breedte"),
        ("{{ '{:>999999999}'.format(1) }}", "een opmaak met een te grote breedte"),
        ("{{ [1] | batch(10**9, 'x') | list }}", "de lijst wordt te lang"),
        ("{{ [1] | slice(10**9) | list }}", "de lijst wordt te lang"),
        ("{{ ([[1] * 100000] * 100000) | sum(start=[]) }}", "de lijst wordt te lang"),
        (
            "{% set s = 'x' * 9999 %}{% for a in s %}{% for b in s %}x{% endfor %}{% endfor %}",
            "de tekst wordt te lang",
        ),
        (
            "{% macro m() %}{% for a in range(10000) %}{{ 'y' * 1000 }}{% endfor %}{% endmacro %}"
            "{{ m() }}",
            "de tekst wordt te lang",
        ),
    ],
)
def test_growth_is_refused_before_it_happens(source: str, message: str) -> None:
    """Each way to grow text, lists or numbers stops with a Dutch message, at once."""
    with pytest.raises(LimitError, match=message.replace("(", r"\(").replace(")", r"\)")):
        render(source)


def test_a_loop_that_calls_nothing_is_stopped_in_time() -> None:
    """Nested loops over long text end with the time-limit message."""
    loops = "{% for a in s %}{% for b in s %}{% for c in s %}{% endfor %}{% endfor %}{% endfor %}"
    with pytest.raises(LimitError, match="nog niet klaar"):
        render("{% set s = 'x' * 9999 %}" + loops)


def test_ordinary_template_arithmetic_still_works() -> None:
    """What letters do (numbering, joining, small sums) is untouched by the limits."""
    source = (
        "{{ range(3) | list | join(',') }} {{ 'ab' * 2 }} {{ 3 * 4 }} {{ 2 ** 10 }}"
        " {{ '%03d' % 7 }} {{ 'a' ~ 'b' }} {{ ([1] + [2]) | length }}"
    )
    assert render(source) == "0,1,2 abab 12 1024 007 ab 2"


def test_lists_cannot_be_changed_in_a_template() -> None:
    """A list cannot double itself in a loop: changing lists is not allowed at all."""
    with pytest.raises(Exception, match="unsafe"):
        render("{% set l = [1] %}{% for i in range(40) %}{{ l.extend(l) }}{% endfor %}")


def test_lipsum_is_not_offered() -> None:
    """Pages of Latin are no part of a letter: lipsum is not defined."""
    with pytest.raises(Exception, match="'lipsum' is undefined"):
        render("{{ lipsum(10**6) }}")


SHORT = 0.2  # seconds: the render time limit in the tests below (2 in a letter)
LOOPS = "{% for a in s %}{% for b in s %}{{ loop.index }}{% endfor %}{% endfor %}"


def test_a_runaway_outside_the_main_thread_is_stopped_by_the_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where no alarm can be set (another thread), look-ups watch the processor time."""
    import threading

    monkeypatch.setattr("brievenbus.letters.template_limits.RENDER_SECONDS", SHORT)
    errors: list[Exception] = []

    def run() -> None:
        try:
            render("{% set s = 'x' * 9999 %}" + LOOPS)
        except LimitError as error:
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert len(errors) == 1
    assert "nog niet klaar" in str(errors[0])


def test_a_time_out_that_a_filter_swallows_still_ends_the_render(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Code a template calls may catch every exception, the time-out too: the next
    look-up raises it again, so the render still ends."""
    import time

    from brievenbus.letters.template_limits import LimitedEnvironment

    monkeypatch.setattr("brievenbus.letters.template_limits.RENDER_SECONDS", SHORT)
    swallowed: list[Exception] = []

    def busy(value: object) -> object:
        start = time.process_time()
        try:
            while time.process_time() - start < 10 * SHORT:
                pass
        except Exception as error:  # what careless library code does
            swallowed.append(error)
        return value

    environment = LimitedEnvironment()
    environment.filters["bezig"] = busy
    template = environment.from_string(
        "{% for i in range(3) %}{{ i | bezig }}{{ loop.index }}{% endfor %}"
    )
    with pytest.raises(LimitError, match="nog niet klaar"):
        render_limited(template, {})
    assert len(swallowed) == 1
