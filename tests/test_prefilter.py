"""The literal prefilter never rules out a text a pattern matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mapper import languages
from mapper.incidents import dates
from mapper.incidents.prefilter import fold, literals, may_match


def test_literals_are_the_words_every_match_holds():
    pattern = re.compile(r"\b(?:yesterday|(?:\d+|two)\s+days\s+ago)\b", re.IGNORECASE)
    assert literals(pattern) == ("days", "yesterday")
    assert literals(re.compile(r"\d+[/.-]\d+")) is None  # nothing literal to require
    assert literals(re.compile(r"(?:a|bc)")) is None  # too short to be worth testing


def test_a_text_without_the_words_is_ruled_out_and_one_with_them_is_not():
    pattern = re.compile(r"\b(?:kemarin|hari\s+ini)\b", re.IGNORECASE)
    assert not may_match(pattern, fold("Bentrokan terjadi pada Kamis."))
    assert may_match(pattern, fold("Bentrokan terjadi HARI  ini."))


def test_letters_re_treats_as_equal_are_folded_alike():
    pattern = re.compile(r"\bkamis\b", re.IGNORECASE)
    assert pattern.search("KAMıS")  # re: dotless ı is i under IGNORECASE
    assert may_match(pattern, fold("KAMıS"))
    assert may_match(re.compile("ſtraße", re.IGNORECASE), fold("STRASSE ſtraße"))


#: Letters whose case folding is unusual, around the words of the date rules.
ALPHABET = "aeiıİIsSſKkßẞвᲀВдДтТ0123456789 .,-/\n" + "kamisharijanuaryвчерасегодняяноябр"
WORDS = ["kemarin", "hari ini", "yesterday", "2 days ago", "вчера", "14 сентября", "Kamis", "May 5"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(ALPHABET, max_size=12), st.sampled_from(WORDS)), max_size=6))
def test_no_date_rule_is_ruled_out_where_it_matches(parts):
    text = " ".join(parts)
    folded = fold(text)
    for code in ("id", "en", "ru"):
        for _kind, pattern in dates._rules(languages.pack_for(code).code):
            if pattern.search(text):
                assert may_match(pattern, folded), (pattern.pattern, text)
