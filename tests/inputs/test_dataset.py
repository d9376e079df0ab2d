"""The dataset: look-ups a user relies on (names, codes, clubs) and cross-file checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.inputs.dataset import Dataset, load_dataset
from brievenbus.inputs.locations import packaged_dir


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(packaged_dir("data"))


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("GM0406", "GM0406"),
        ("gm0406", "GM0406"),
        (" Huizen ", "GM0406"),
        ("huizen", "GM0406"),
        ("Den Haag", "GM0518"),
        ("'s-Gravenhage", "GM0518"),
        ("sudwest fryslan", "GM1900"),
        ("Bergen op Zoom", "GM0748"),
    ],
)
def test_find_municipality_by_code_or_any_usual_name(
    dataset: Dataset, query: str, code: str
) -> None:
    assert dataset.find_municipality(query).code == code


def test_ambiguous_name_lists_both(dataset: Dataset) -> None:
    with pytest.raises(DataError) as caught:
        dataset.find_municipality("Bergen")
    problem = caught.value.problems[0]
    assert (
        problem.message
        == "'Bergen' past bij meer dan één gemeente: Bergen (NH) (GM0373), Bergen (L) (GM0893)"
    )
    assert problem.hint == "geef de volledige naam of de code, bv. brief genereer GM0373"


def test_unknown_name_suggests_close_ones(dataset: Dataset) -> None:
    with pytest.raises(DataError) as caught:
        dataset.find_municipality("Huzen")
    assert caught.value.problems[0].message == "gemeente 'Huzen' bestaat niet"
    assert caught.value.problems[0].hint.startswith("bedoelt u Huizen")


def test_club_by_area_else_the_default_sender(dataset: Dataset) -> None:
    assert dataset.club_for(dataset.find_municipality("Huizen")).id == "bussum-eo"
    assert dataset.club_for(dataset.find_municipality("Almere")).id == "almere"
    assert dataset.club_for(dataset.find_municipality("Groningen")).id == "unie"


def test_paths_say_where_each_file_came_from(dataset: Dataset) -> None:
    assert dataset.paths["clubs"] == packaged_dir("data") / "clubs.yaml"
    assert set(dataset.paths) == {"municipalities", "measures", "clubs", "facts"}


def test_all_problems_of_all_files_at_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(packaged_dir("data"), data, ignore=shutil.ignore_patterns("bronnen"))
    clubs = (data / "clubs.yaml").read_text(encoding="utf-8")
    (data / "clubs.yaml").write_text(
        clubs.replace("werkgebied: [Almere]", "werkgebied: [Almere]\n    logo: weg.png").replace(
            "standaard: ja", "standaard: nee"
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    messages = [p.message for p in caught.value.problems]
    assert messages == ["clubs[1].logo: bestand 'weg.png' niet gevonden"]


def test_without_a_default_sender_the_unie_signs_with_a_notice(tmp_path: Path) -> None:
    """A club that deleted the Unie block (or its standaard: ja) still gets its letters."""
    data = tmp_path / "data"
    shutil.copytree(packaged_dir("data"), data, ignore=shutil.ignore_patterns("bronnen"))
    clubs = (data / "clubs.yaml").read_text(encoding="utf-8")
    (data / "clubs.yaml").write_text(clubs.replace("standaard: ja", "standaard: nee"), "utf-8")
    dataset = load_dataset(data)
    sender = dataset.club_for(dataset.find_municipality("Groningen"))
    assert sender.naam.startswith("Unie van Soroptimistclubs")
    assert sender.id == "unie-ingebouwd"  # the file's own 'unie' club is not the default
    assert [n.message.split(";")[0] for n in dataset.notices] == [
        "clubs: geen standaardafzender (standaard: ja)"
    ]


def test_unknown_kind_is_checked_against_the_templates(tmp_path: Path) -> None:
    """Measures may only name letter kinds that have a template."""
    with pytest.raises(DataError) as caught:
        load_dataset(packaged_dir("data"), kinds=("verkiezingen",))
    problem = caught.value.problems[0]
    assert problem.message.endswith("onbekende briefsoort 'coalitie'")
    assert problem.path is not None
    assert problem.path.name == "measures.yaml"
