"""Did-you-mean: one rule for every name a user can mistype."""

from __future__ import annotations

from brievenbus.suggestions import close_matches, did_you_mean, search_key


def test_search_key_ignores_case_accents_and_punctuation() -> None:
    assert search_key("Súdwest-Fryslân") == search_key("sudwest fryslan") == "sudwestfryslan"
    assert search_key("'s-Hertogenbosch") == "shertogenbosch"


def test_close_matches_best_first_and_not_too_far() -> None:
    options = ["opvang-hulplijnen", "onderwijs", "opvang"]
    assert close_matches("opvnag", options, count=2) == ["opvang"]
    assert close_matches("onderwys", options) == ["onderwijs"]
    assert close_matches("fiets", options) == []


def test_did_you_mean_or_the_fallback() -> None:
    assert (
        did_you_mean("coalite", ["verkiezingen", "coalitie"], "kies iets")
        == "bedoelt u 'coalitie'?"
    )
    assert did_you_mean("brandbrief", ["verkiezingen", "coalitie"], "kies iets") == "kies iets"
