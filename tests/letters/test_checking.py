"""`brief controleer` in Python: every problem of a workspace at once, nothing written."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from brievenbus.inputs.locations import packaged_dir
from brievenbus.letters.checking import check_workspace

TODAY = datetime.date(2026, 5, 1)


def files(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*")}


def test_a_good_workspace_renders_one_letter_per_municipality(small_data: Path) -> None:
    before = files(small_data)
    report = check_workspace(small_data, today=TODAY)
    assert report.ok
    assert report.problems == []
    # Every kind for each of the three municipalities, and every per-party letter.
    assert report.letters_rendered == 82
    assert report.rehearsal is not None
    assert report.rehearsal.describe() in {
        "coalitie 3 + 38 per fractie, verkiezingen 3 + 38 per fractie",
        "verkiezingen 3 + 38 per fractie, coalitie 3 + 38 per fractie",
    }
    assert report.dataset is not None
    assert files(small_data) == before


def test_data_errors_stop_before_rendering(small_data: Path) -> None:
    clubs = small_data / "clubs.yaml"
    clubs.write_text(
        clubs.read_text(encoding="utf-8").replace("ondertekend: ja", "ondertekend: soms"),
        encoding="utf-8",
    )
    report = check_workspace(small_data, today=TODAY)
    assert not report.ok
    assert [p.message for p in report.problems] == ["clubs[0].ondertekend: moet ja of nee zijn"]
    assert (report.dataset, report.letters_rendered) == (None, 0)


def test_a_template_mistake_is_reported_once_with_its_line(
    small_data: Path, tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(packaged_dir("templates"), templates)
    letter = templates / "verkiezingen.md.j2"
    letter.write_text(
        letter.read_text(encoding="utf-8") + "\n{{ gemeente.burgemeester }}\n", encoding="utf-8"
    )
    report = check_workspace(small_data, templates, today=TODAY)
    assert len(report.problems) == 1  # three letters, one mistake
    problem = report.problems[0]
    assert problem.message == "fout in het sjabloon: 'burgemeester' bestaat niet (in gemeente)"
    assert problem.line == len(letter.read_text(encoding="utf-8").splitlines())


def test_a_style_the_house_style_lacks_names_the_template_line(
    small_data: Path, tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(packaged_dir("templates"), templates)
    letter = templates / "coalitie.md.j2"
    letter.write_text(
        "{.citaat}\nEen citaat.\n\n" + letter.read_text(encoding="utf-8"), encoding="utf-8"
    )
    report = check_workspace(small_data, templates, today=TODAY)
    messages = [(p.line, p.message) for p in report.problems]
    assert (1, "alinea-stijl 'citaat' staat niet in huisstijl huisstijl.docx") in messages


def test_old_facts_are_warnings_not_errors(small_data: Path) -> None:
    report = check_workspace(small_data, today=datetime.date(2040, 1, 1))
    assert report.ok
    old = [w for w in report.warnings if "worden nagekeken" in w.message]
    assert old  # past their review date (herzien_voor)
    assert all(w.path is not None and w.path.name == "facts.yaml" and w.line for w in old)
