"""Word frequencies are read from wordfreq's small lists, which answer thresholds alike."""

from __future__ import annotations

import pytest
import wordfreq

from mapper.geoparse.lexicon import ZIPF_FLOOR, is_frequent


@pytest.mark.parametrize("code", ["en", "ru", "id"])
def test_the_small_list_is_the_best_list_above_the_floor(code):
    small = wordfreq.get_frequency_dict(code, "small")
    best = wordfreq.get_frequency_dict(code, "best")
    assert all(best[word] == frequency for word, frequency in small.items())
    floor = 10 ** (ZIPF_FLOOR - 9)  # the Zipf scale is log10 of frequency per billion
    assert all(frequency <= floor for word, frequency in best.items() if word not in small)


def test_thresholds_are_answered_as_by_the_best_list():
    words = ["the", "city", "batken", "kemarin", "город", "и", "osh", "zhanaozen", "ak-sai"]
    for code in ("en", "ru", "id"):
        for word in words:
            for threshold in (3.5, 4.0):
                expected = wordfreq.zipf_frequency(word, code) >= threshold
                assert is_frequent(word, code, threshold) is expected, (word, code)


def test_a_threshold_at_or_below_the_floor_is_refused():
    with pytest.raises(ValueError, match=r"above 3\.0"):
        is_frequent("the", "en", 3.0)


@pytest.mark.parametrize("code", ["en", "ru", "id"])
def test_plain_words_read_from_the_list_file_have_wordfreqs_figures(code):
    from mapper.geoparse.lexicon import _PLAIN_WORD, zipf

    words = [w for w in wordfreq.iter_wordlist(code, "small") if _PLAIN_WORD.fullmatch(w)]
    words += ["zzzqqq", "батрахомиомахия", "ё", "kyrgyzstan"]
    assert len(words) > 10_000
    for word in words:
        assert zipf(word, code) == wordfreq.zipf_frequency(word, code, wordlist="small"), word
