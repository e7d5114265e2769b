"""`mapper extract` prints the contract's JSON lines, byte-stable, with offsets that hold."""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.cli import main
from mapper.pipeline import extract_document, to_json_line

ARTICLE = (
    "BISHKEK, 27/01/2022 – Bentrokan pecah di dekat desa Ak-Sai, distrik Batken di Kirgistan. "
    "Warga desa Orto-Boz dievakuasi ke kota Batken, kata pejabat di Bishkek.\n"
)
RUSSIAN = "В Бишкеке заявили, что в Баткенской области у села Кок-Таш стреляли.\n"
MENTION_KEYS = ["start", "end", "text", "place", "confidence", "candidates"]
PLACE_KEYS = ["id", "name", "kind", "country", "admin1", "lat", "lon", "precision"]


def test_jsonl_follows_the_contract(tmp_path):
    path = tmp_path / "clash_id.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    record = json.loads(line)
    assert list(record) == ["document", "mentions", "incidents"]
    assert list(record["document"]) == ["id", "path", "language", "published", "title"]
    assert record["document"]["id"] == "clash_id" and record["document"]["language"] == "id"
    for mention in record["mentions"]:
        assert list(mention)[:6] == MENTION_KEYS
        assert ARTICLE[mention["start"] : mention["end"]] == mention["text"]
        if mention["place"] is not None:
            assert list(mention["place"]) == PLACE_KEYS
    by_text = {m["text"]: m["place"] for m in record["mentions"]}
    assert by_text["Ak-Sai"]["country"] == "KG"
    assert by_text["Orto-Boz"]["id"] == "curated:batken-district"
    assert by_text["Orto-Boz"]["precision"] == 2


def test_russian_inflected_forms():
    extraction = extract_document(RUSSIAN, doc_id="ru")
    by_text = {m.text: m.place for m in extraction.mentions}
    assert by_text["Бишкеке"].name == "Bishkek"
    assert by_text["Баткенской области"].id == "ne_admin1:KG-B"
    assert by_text["Кок-Таш"].id == "curated:kok-tash-batken-district"


def test_stdin_and_input_order(tmp_path):
    (tmp_path / "b.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-", "--quiet"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["document"]["id"] for line in result.output.splitlines()]
    assert ids == ["a", "b", "stdin"]


def test_the_summary_goes_to_stderr_only(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    assert all(line.startswith("{") for line in result.stdout.splitlines())
    assert result.stderr == "read 1 document\n"
    quiet = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--quiet"])
    assert quiet.stderr == "" and quiet.stdout == result.stdout


def test_byte_identical_output(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE + RUSSIAN, encoding="utf-8")
    runs = [
        CliRunner().invoke(main, ["extract", str(tmp_path), "--quiet"]).stdout_bytes
        for _ in range(2)
    ]
    assert runs[0] == runs[1]


def test_bad_published_date_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--published", "27/01/22"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_missing_file_is_an_input_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "nope.txt" in result.output
    assert "Traceback" not in result.output


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "Batken",
                    "Ak-Sai",
                    "в Бишкеке",
                    "Kirgistan",
                    " ",
                    ", ",
                    "\n",
                    "é\u0301",
                    "🙂",
                    "Kok-Tash",
                    "desa ",
                    "Sogdiy",
                ]
            ),
            st.text(max_size=8),
        ),
        max_size=25,
    )
)
def test_offsets_hold_for_any_unicode_text(parts):
    text = "".join(parts)
    extraction = extract_document(text, doc_id="random")
    for mention in extraction.mentions:
        assert text[mention.start : mention.end] == mention.text
    assert to_json_line(extraction) == to_json_line(extract_document(text, doc_id="random"))


def test_unknown_village_stands_at_the_district_the_text_names():
    text = "Warga desa Jangyryk di distrik Batken dievakuasi, kata pejabat Kirgistan."
    by_text = {m.text: m for m in extract_document(text, doc_id="v").mentions}
    village = by_text["Jangyryk"]
    assert village.place.id == "curated:batken-district"
    assert village.precision == 2
    assert by_text["Batken"].place.kind == "admin2", "'distrik Batken' is the district"


def test_unknown_village_falls_back_to_the_documents_region():
    text = "В селе Бужум Баткенской области отключили свет."
    village = next(m for m in extract_document(text, doc_id="v").mentions if m.text == "Бужум")
    assert (village.place.id, village.precision) == ("ne_admin1:KG-B", 3)


def test_designators_choose_the_kind():
    text = "Fighting spread across Osh Region while Osh itself stayed calm."
    by_text = {m.text: m.place for m in extract_document(text, doc_id="k").mentions}
    assert by_text["Osh Region"].kind == "admin1"
    assert by_text["Osh"].kind == "populated_place"


def test_organisations_demonyms_and_people_are_not_places():
    text = (
        "Radio Free Europe reported that Kyrgyz and Tajik guards met. Kassym-Jomart Tokayev "
        'spoke to "NATO Rusia" envoys. Kazakhstan Airways resumed flights to Almaty.'
    )
    found = {m.text for m in extract_document(text, doc_id="o").mentions}
    assert found == {"Almaty"}
