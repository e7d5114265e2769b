"""Articles with their metadata in one file (JSON Lines, CSV): each keeps its own date."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main
from mapper.errors import InputError
from mapper.pipeline import extract_paths, split_inputs
from mapper.read.documents import iter_documents
from mapper.read.tables import is_article_table

CLASH = "Border guards clashed near Ak-Sai in Kyrgyzstan's Batken region on Thursday."
PROTEST = "Hundreds of people protested in Almaty on Monday against fuel prices."


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_each_article_of_a_jsonl_file_keeps_its_own_date_and_address(tmp_path: Path) -> None:
    table = write_jsonl(
        tmp_path / "batch.jsonl",
        [
            {"id": "a", "text": CLASH, "published": "2022-01-28T09:00:00Z", "url": "https://a/1"},
            {"id": "b", "text": PROTEST, "published": "2022-01-05", "title": "Fuel protest"},
        ],
    )
    extractions = list(extract_paths([table]))
    assert [e.document.id for e in extractions] == ["a", "b"]
    assert [e.document.published for e in extractions] == ["2022-01-28", "2022-01-05"]
    assert extractions[0].document.url == "https://a/1"
    assert extractions[1].document.title == "Fuel protest"
    assert extractions[0].incidents[0].date == "2022-01-27"  # the Thursday before the 28th
    assert extractions[1].incidents[0].date == "2022-01-03"  # the Monday before the 5th
    assert extractions[0].incidents[0].source.url == "https://a/1"


def test_a_csv_with_a_text_column_is_a_table_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "published", "Text", "language"])
        writer.writerow(["c1", "2022-01-28", CLASH, "en"])
    records = tmp_path / "records.csv"
    records.write_text("id,lat,lon,date,event_type\nr1,40,70,2022-01-01,Battles\n", "utf-8")
    assert is_article_table(path) and not is_article_table(records)
    assert split_inputs([path, records]) == ([records], [str(path)])
    (document,) = iter_documents([path])
    assert (document.id, document.language, document.published) == ("c1", "en", "2022-01-28")


def test_html_articles_in_a_table(tmp_path: Path) -> None:
    page = f"<html><head><title>Clash</title></head><body><p>{CLASH}</p></body></html>"
    table = write_jsonl(tmp_path / "pages.ndjson", [{"html": page, "published": "2022-01-28"}])
    (document,) = iter_documents([table])
    assert document.id == "pages#1" and document.title == "Clash"
    assert CLASH in document.text and "<p>" not in document.text


def test_a_folder_reads_its_tables_too(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "b.jsonl", [{"id": "t1", "text": CLASH}, {"id": "t2", "text": PROTEST}])
    (tmp_path / "a.txt").write_text(PROTEST, encoding="utf-8")
    assert [d.id for d in iter_documents([tmp_path])] == ["a", "t1", "t2"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "x", "text": "fine"}\n{not json}\n', "batch.jsonl:2: is not a JSON object"),
        ('["a list"]\n', "batch.jsonl:1: is not a JSON object"),
        ('{"id": "x", "title": "no text"}\n', "batch.jsonl:1: has no text or html"),
        ("\n\n", "batch.jsonl: holds no article"),
    ],
)
def test_bad_lines_name_the_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(iter_documents([path]))


def test_extract_reads_a_table_from_the_command_line(tmp_path: Path) -> None:
    table = write_jsonl(
        tmp_path / "t.jsonl", [{"id": "one", "text": CLASH, "published": "2022-01-28"}]
    )
    result = CliRunner().invoke(main, ["extract", str(table), "--quiet"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["document"]["id"] == "one" and record["document"]["published"] == "2022-01-28"
