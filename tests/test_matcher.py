"""The name matcher: names in running text, from the shipped index and from user layers."""

from __future__ import annotations

import ast
from pathlib import Path

from mapper.geoparse.gazetteers import load_gazetteer
from mapper.geoparse.matcher import PLACES, Matcher
from mapper.pipeline import Extractor
from mapper.read.documents import document_from_text
from mapper.read.tokens import tokenize

REPO = Path(__file__).resolve().parents[1]


def spelled(matcher: Matcher, text: str) -> set[str]:
    tokens = tokenize(text)
    return {
        text[tokens[hit.first].start : tokens[hit.last].end] for hit in matcher.hits(tokens, text)
    }


def test_names_of_one_or_more_words_are_found_where_their_words_stand():
    found = spelled(Matcher.bundled(), "Clashes in the Batken Region, near Isfara.")
    assert {"Batken", "Batken Region", "Isfara"} <= found
    assert "Region, near" not in found  # a comma is a hard break


def test_inflected_russian_names_are_found_by_their_lemmas():
    found = spelled(Matcher.bundled(), "Перестрелка в Баткенской области и в Бишкеке.")
    assert {"Баткенской области", "Бишкеке"} <= found


def test_hits_carry_the_lookup_keys_and_what_they_name():
    text = "Ak-Sai"
    hits = {(h.first, h.last): h for h in Matcher.bundled().hits(tokenize(text), text)}
    assert "aksai" in hits[0, 1].keys and hits[0, 1].kinds & PLACES
    assert "sai" in hits[1, 1].keys  # each word on its own too


def test_names_of_a_user_layer_are_found_in_text_and_resolve_to_it(tmp_path):
    layer = tmp_path / "mine.csv"
    layer.write_text("name,lat,lon,country\nZhyldyz-Kelbet,39.95,70.61,KG\n", encoding="utf-8")
    text = "Shots were fired near Zhyldyz-Kelbet on Monday."
    assert "Zhyldyz-Kelbet" not in spelled(Matcher.bundled(), text)
    extractor = Extractor(load_gazetteer([layer]))
    assert "Zhyldyz-Kelbet" in spelled(extractor.matcher, text)
    (mention,) = extractor.mentions(document_from_text(text, doc_id="d"))
    assert mention.text == "Zhyldyz-Kelbet" and mention.place is not None
    assert mention.place.source == "mine.csv"


def test_a_matcher_without_extra_names_is_the_bundled_one():
    matcher = Matcher.bundled()
    assert matcher.with_names([]) is matcher


def test_no_module_pickles_or_marshals():
    """Caches hold data formats only: nothing unpickles what a cache folder holds."""
    banned = {"pickle", "marshal", "shelve", "dill", "cloudpickle"}
    found = []
    for path in [*(REPO / "mapper").rglob("*.py"), *(REPO / "gazetteer").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            found += [f"{path.name}:{node.lineno}" for n in names if n.split(".")[0] in banned]
    assert found == []
