"""``bench/corpora/rebuild.py`` copies texts only when they match their hashes, and says what
is missing when a source is absent (as on CI)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "corpora" / "rebuild.py"


@pytest.fixture
def rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The script as a module, pointed at a corpus folder made here."""
    spec = importlib.util.spec_from_file_location("corpora_rebuild", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "corpora_rebuild", module)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "NEWS", tmp_path / "news")
    monkeypatch.setattr(module, "ACLED", tmp_path / "acled")
    monkeypatch.setattr(module, "MIRRORS", tmp_path / "no-mirrors")
    monkeypatch.setattr(module, "DEFAULT_STASH", tmp_path / "no-stash")
    return module


TEXTS = {
    "news_en_001": "Clashes near Batken.\nTwo guards were killed on Friday.\n",
    "news_en_002": "Protest in Bishkek.\nHundreds gathered.\n",
    "news_en_003": "Curfew in Osh.\n",
}


def write_gold(folder: Path) -> None:
    (folder / "gold").mkdir(parents=True)
    for doc_id, text in TEXTS.items():
        document = {
            "id": doc_id,
            "language": "en",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "chars": len(text),
        }
        gold = {"document": document, "mentions": [], "incidents": []}
        (folder / "gold" / f"{doc_id}.gold.json").write_text(json.dumps(gold), "utf-8")


def test_news_texts_are_copied_only_when_their_hash_matches(
    rebuild: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_gold(tmp_path / "news")
    stash = tmp_path / "stash"
    stash.mkdir()
    (stash / "news_en_001.txt").write_text(TEXTS["news_en_001"], "utf-8")
    (stash / "news_en_002.txt").write_text(TEXTS["news_en_002"] + "edited", "utf-8")
    report = rebuild.rebuild_news(stash, check_only=False)
    assert report.present == 1
    assert report.missing == ["news_en_002", "news_en_003"]
    assert report.mismatched == ["news_en_002 (stash)"]
    assert not report.ok
    assert (tmp_path / "news" / "text" / "news_en_001.txt").read_text("utf-8") == TEXTS[
        "news_en_001"
    ]
    assert not (tmp_path / "news" / "text" / "news_en_002.txt").exists()
    assert rebuild.main(["--only", "news", "--news-from", str(stash)]) == 1
    assert "NOT consistent" in capsys.readouterr().out


def test_without_sources_the_local_copies_are_checked_and_the_rest_reported(
    rebuild: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_gold(tmp_path / "news")
    (tmp_path / "news" / "text").mkdir()
    (tmp_path / "news" / "text" / "news_en_003.txt").write_text(TEXTS["news_en_003"], "utf-8")
    acled = tmp_path / "acled"
    acled.mkdir()
    (acled / "dev_ids.txt").write_text("KEN1\tabc\nKEN2\tdef\n", "utf-8")
    sources = {"sources": {"a/b:x.csv": {"repository": "github:a/b"}}, "output_sha256": {}}
    (acled / "sources.json").write_text(json.dumps(sources), "utf-8")

    assert rebuild.main(["--only", "news", "--only", "acled"]) == 0
    out = capsys.readouterr().out
    assert "news: 1 present, 2 missing, 0 hash-mismatched [ok]" in out
    assert "no stash folder of texts" in out
    assert "acled: 0 present, 2 missing, 0 hash-mismatched [ok]" in out
    assert "not rebuilt: 1 source repositories are absent" in out
    assert out.rstrip().endswith("consistent")

    # a local copy that was changed afterwards is caught
    (tmp_path / "news" / "text" / "news_en_003.txt").write_text("Curfew in Osh!\n", "utf-8")
    assert rebuild.main(["--only", "news", "--check"]) == 1
    assert "news_en_003" in capsys.readouterr().out
