"""Reading documents: files, folders, stdin, decoding, errors, furniture lookups, the seeds."""

from __future__ import annotations

import dataclasses
import io
import sys
from pathlib import Path

import pytest
from source_articles import SEEDS, SKIP_REASON

from mapper.errors import InputError, MapperError, UsageError
from mapper.model import Document
from mapper.model import FurnitureSpan as Span
from mapper.read.documents import document_from_text, iter_documents, read_document

ARTICLE = (
    "Warga Dua Desa Mengungsi dari Perbatasan\r\n"
    "\r\n"
    "Ratusan warga di dekat Isfara mengungsi setelah baku tembak pada Senin malam.\r\n"
    "Baca juga: Harga Gandum di Pasar Osh Naik\r\n"
    "Petugas mengatakan jalan menuju Batken ditutup sementara.\r\n"
    "Foto: Arsip Redaksi\r\n"
)

HTML_ARTICLE = """<!DOCTYPE html>
<html><head>
<title>Clashes near Vorukh</title>
<link rel="canonical" href="https://news.example/2022/clashes">
<meta property="article:published_time" content="2022-01-27T21:00:00+05:00">
<script>var ad = "Moscow";</script>
</head><body>
<h1>Clashes near Vorukh</h1>
<p>Residents of villages near the enclave left their homes overnight, officials said.</p>
<p>Photo: Example Agency</p>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


# --- reading one file ----------------------------------------------------------------------


def test_text_file_is_kept_exactly(tmp_path: Path) -> None:
    path = write(tmp_path / "isfara.txt", ARTICLE)
    document = read_document(path)
    assert document.id == "isfara"
    assert document.path == str(path)
    assert document.text == ARTICLE
    assert document.language == "id"
    assert document.title == "Warga Dua Desa Mengungsi dari Perbatasan"
    assert document.url is None and document.published is None
    kinds = [(span.kind, ARTICLE[span.start : span.end]) for span in document.furniture]
    assert kinds == [
        ("teaser", "Baca juga: Harga Gandum di Pasar Osh Naik"),
        ("photo_credit", "Foto: Arsip Redaksi"),
    ]


def test_leading_bom_is_removed_and_nothing_else(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert read_document(path).text == ARTICLE


def test_html_file(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "vorukh.html", HTML_ARTICLE))
    assert document.id == "vorukh"
    assert document.language == "en"
    assert document.title == "Clashes near Vorukh"
    assert document.url == "https://news.example/2022/clashes"
    assert document.published == "2022-01-27"
    assert "Moscow" not in document.text
    assert document.text.startswith("Clashes near Vorukh\n\nResidents")
    (credit,) = document.furniture
    assert document.text[credit.start : credit.end] == "Photo: Example Agency"


def test_htm_suffix_and_upper_case_suffix(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "a.htm", HTML_ARTICLE)).title == "Clashes near Vorukh"
    assert read_document(write(tmp_path / "b.HTML", HTML_ARTICLE)).url is not None


def test_other_suffix_is_text_unless_it_looks_like_html(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "page.md", HTML_ARTICLE)).url is not None
    plain = read_document(write(tmp_path / "notes.md", ARTICLE))
    assert plain.text == ARTICLE


def test_txt_file_is_text_even_if_it_holds_markup(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "saved.txt", HTML_ARTICLE))
    assert document.text == HTML_ARTICLE
    assert document.url is None


def test_html_in_a_declared_legacy_encoding(tmp_path: Path) -> None:
    markup = (
        '<html><head><meta charset="windows-1251"><title>Граница</title></head>'
        "<body><p>Жители покинули сёла после перестрелки на границе у Исфары.</p></body></html>"
    )
    document = read_document(write(tmp_path / "ru.html", markup.encode("windows-1251")))
    assert document.title == "Граница"
    assert document.language == "ru"
    assert "Исфары" in document.text


# --- unusable input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Warga mengungsi.".encode("utf-16"), "UTF-16"),
        (b"Warga mengungsi\nke kota \xff\xfe lain.\n", "not UTF-8"),
    ],
)
def test_unusable_files_raise_input_error_naming_the_file(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = write(tmp_path / "bad.txt", content)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)
    assert caught.value.path == str(path)


def test_undecodable_file_reports_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "latin1.txt", "Baris satu\nBaris dua\nKota Köln\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.line == 3
    assert f"{path}:3:" in str(caught.value)
    assert "save it as UTF-8" in str(caught.value)
    assert isinstance(caught.value.__cause__, UnicodeDecodeError)


def test_html_without_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "empty.html", "<html><head><script>x()</script></head><body></body></html>"
    )
    with pytest.raises(InputError, match="no readable text"):
        read_document(path)


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="no such file") as caught:
        list(iter_documents([missing]))
    assert str(missing) in str(caught.value)


def test_input_error_is_a_value_error_and_a_mapper_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as caught:
        read_document(tmp_path / "nope.txt")
    assert isinstance(caught.value, MapperError)
    assert caught.value.exit_code == 1


def test_folder_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "readme.md", "not an article")
    with pytest.raises(InputError, match=r"no \.txt"):
        list(iter_documents([tmp_path]))


# --- many inputs -----------------------------------------------------------------------------


def test_folder_order_is_by_path_and_recursive(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    for relative in ["b.txt", "a.html", "sub/c.txt", "sub/a.htm", "a/z.txt", "c.txt"]:
        content = HTML_ARTICLE if relative.endswith(("html", "htm")) else ARTICLE
        write(folder / relative, content)
    write(folder / "notes.md", ARTICLE)
    write(folder / ".hidden.txt", ARTICLE)
    write(folder / ".cache" / "x.txt", ARTICLE)
    paths = [Path(document.path or "") for document in iter_documents([folder])]
    assert [path.relative_to(folder).as_posix() for path in paths] == [
        "a/z.txt",
        "a.html",
        "b.txt",
        "c.txt",
        "sub/a.htm",
        "sub/c.txt",
    ]


def test_inputs_keep_their_order(tmp_path: Path) -> None:
    first = write(tmp_path / "z_first.txt", ARTICLE)
    folder = tmp_path / "folder"
    write(folder / "m.txt", ARTICLE)
    last = write(tmp_path / "a_last.html", HTML_ARTICLE)
    ids = [document.id for document in iter_documents([str(first), folder, last])]
    assert ids == ["z_first", "m", "a_last"]


def test_iter_documents_is_lazy(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    documents = iter_documents([good, tmp_path / "missing.txt"])
    assert next(documents).id == "good"
    with pytest.raises(InputError):
        next(documents)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    (document,) = iter_documents(["-"])
    assert document.id == "stdin"
    assert document.path is None
    assert document.text == ARTICLE
    assert document.language == "id"


def test_stdin_html_without_a_byte_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(HTML_ARTICLE))
    (document,) = iter_documents(["-"])
    assert document.url == "https://news.example/2022/clashes"


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    with pytest.raises(InputError, match=r"^-: "):
        list(iter_documents(["-"]))


# --- building from text ----------------------------------------------------------------------


def test_document_from_text_with_given_language_and_date() -> None:
    document = document_from_text(
        "Editor: Jane\nTroops arrived.", doc_id="x", language="en", published="2022-01-05"
    )
    assert document.language == "en"
    assert document.published == "2022-01-05"
    assert document.path is None
    assert [span.kind for span in document.furniture] == ["byline"]


def test_document_from_html_text() -> None:
    document = document_from_text(HTML_ARTICLE, doc_id="page", html=True, published="2023-03-03")
    assert document.published == "2023-03-03"
    assert document.title == "Clashes near Vorukh"


def test_language_is_detected_from_body_not_furniture() -> None:
    text = (
        "Editor: Jane Doe\nPhoto: Example Agency\nRead more: Something else entirely\n"
        "Warga dua desa mengungsi setelah baku tembak di perbatasan pada Senin malam.\n"
    )
    assert document_from_text(text, doc_id="x").language == "id"


def test_bad_language_code() -> None:
    with pytest.raises(UsageError):
        document_from_text("text", doc_id="x", language="Indonesian")


def test_document_is_frozen() -> None:
    document = document_from_text("Troops arrived in the city.", doc_id="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.text = "changed"  # type: ignore[misc]


def test_in_furniture() -> None:
    document = Document(
        id="x",
        path=None,
        text="0123456789" * 3,
        language="en",
        furniture=(Span(5, 10, "byline"), Span(20, 25, "share")),
    )
    assert document.in_furniture(5, 10)
    assert document.in_furniture(7, 8)
    assert document.in_furniture(0, 6)
    assert document.in_furniture(9, 21)
    assert document.in_furniture(24, 30)
    assert not document.in_furniture(0, 5)
    assert not document.in_furniture(10, 20)
    assert not document.in_furniture(25, 30)
    assert document.in_furniture(7, 7)
    assert not document.in_furniture(10, 10)
    assert not Document(id="y", path=None, text="abc", language="en").in_furniture(0, 3)


# --- the real seed articles -------------------------------------------------------------------


def test_seeds_read_as_indonesian_and_unchanged() -> None:
    if not SEEDS.is_dir():
        pytest.skip(SKIP_REASON)
    documents = list(iter_documents([SEEDS]))
    paths = sorted(SEEDS.glob("*.txt"))
    assert [document.id for document in documents] == [path.stem for path in paths]
    for document, path in zip(documents, paths, strict=True):
        assert document.language == "id", path.name
        assert document.text == path.read_bytes().decode("utf-8")
        assert document.furniture, path.name
