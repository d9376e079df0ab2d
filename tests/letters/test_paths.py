"""Letter file names: readable, unique per party, and safe on every operating system."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.letters.paths import MAX_SLUG_LENGTH, letter_path, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Bergen (NH)", "bergen-nh"),
        ("'s-Gravenhage", "s-gravenhage"),
        ("Súdwest-Fryslân", "sudwest-fryslan"),
        ("GROENLINKS / Partij van de Arbeid (PvdA)", "groenlinks-partij-van-de-arbeid-pvda"),
        ("50PLUS", "50plus"),
        ("???", "naamloos"),
        ("CON", "con-"),  # Windows refuses con.docx
        ("Lpt1", "lpt1-"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_long_names_are_cut_without_a_trailing_dash() -> None:
    slug = slugify("Lokale Partij " * 20)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert not slug.endswith("-")


def test_letter_paths() -> None:
    assert letter_path("Huizen") == Path("huizen.docx")
    assert letter_path("Huizen", "VVD") == Path("huizen/vvd.docx")
    assert letter_path("Hilversum", via_clerk=True) == Path("hilversum/gemeenteraad.docx")
