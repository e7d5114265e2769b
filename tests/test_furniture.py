"""Site furniture spans: each kind, exact offsets, no false positives, the real seeds."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from source_articles import SEEDS, SKIP_REASON

from mapper import languages
from mapper.errors import UsageError
from mapper.model import FurnitureSpan as Span
from mapper.read.furniture import KINDS, find_furniture

INDONESIAN_PAGE = """\
Warga Dua Desa Mengungsi Setelah Baku Tembak di Perbatasan
Penulis: Sari Wulandari
Editor: Budi Hartono

Ratusan warga di sebuah desa dekat Isfara mengungsi ke rumah kerabat pada Senin malam.
Baca juga: Harga Gandum di Pasar Osh Naik Dua Kali Lipat
Jalan menuju kota Batken ditutup (Foto: Dok. Kementerian) dan dijaga aparat.
Baca Juga:
Banjir Bandang Rendam Ratusan Rumah di Pamir
Foto: Arsip Kantor Berita
Dapatkan update berita pilihan setiap hari. Gabung di kanal Telegram kami.
Berita Terkait
Gempa Guncang Wilayah Fergana
Pameran Karpet Dibuka di Samarkand

Bagikan:
Pewarta : Andi Pratama
© 2024 Contoh Media. Hak cipta dilindungi undang-undang.
"""

ENGLISH_PAGE = """\
Border guards exchange fire near a disputed enclave
By Jane Doe

Residents of villages near Vorukh left their homes overnight, local officials said.
Read more: Floods cut off mountain road to Khorog
Photo: Example Agency
Subscribe to our newsletter for daily updates from the region.
Share this article
Copyright 2024 Example News. All rights reserved.
Reporting by John Roe; Editing by Mary Major
"""

RUSSIAN_PAGE = """\
Пограничники сообщили о перестрелке на участке границы
Автор: Иван Петров

Жители нескольких сёл у Исфары были временно эвакуированы, сообщили местные власти.
Читайте также: Цены на муку выросли на рынках Худжанда
Фото: Пресс-служба пограничной службы
Подписывайтесь на наш канал в Telegram, чтобы не пропустить главное.
Поделиться
© 2024 Пример Медиа. Все права защищены.
"""

# Body sentences that start with or contain cue words but are not furniture.
BODY_LINES = """\
Foto-foto yang beredar di media sosial menunjukkan asap di atas desa dekat Batken.
Oleh karena itu, pasukan tambahan dikirim ke perbatasan.
Sumber itu mengatakan bentrokan dimulai sejak pagi di dekat Isfara.
Editor surat kabar lokal di Osh ditahan selama dua hari.
Berlangganan air bersih menjadi masalah di kota Khujand.
Bagikan bantuan kepada warga yang mengungsi adalah prioritas pemerintah.
Komentar presiden tentang bentrokan itu disiarkan televisi nasional.
Ikuti perkembangan terbaru, kata juru bicara kepolisian di Bishkek.
Warga membaca juga berita dari kantor berita lokal.
By Tuesday, troops had withdrawn from the border near Vorukh.
Share prices of the mining company fell after the clashes near Kan.
Related talks between the two governments will continue in Moscow.
Photographs published by residents show burned houses in Kok-Tash.
Copyright law in Kazakhstan was amended last year.
Credit ratings of both countries were not affected.
Фотографии с места событий опубликовали жители Исфары.
Комментарии к закону о границе были опубликованы в Душанбе.
По темам переговоров стороны не договорились.
Подробнее о событиях рассказал губернатор Баткенской области.
Источники в Бишкеке сообщили о новых столкновениях.
"""


def texts(text: str, spans: tuple[Span, ...]) -> list[tuple[str, str]]:
    return [(span.kind, text[span.start : span.end]) for span in spans]


def test_indonesian_page_has_every_kind_at_exact_offsets() -> None:
    found = texts(INDONESIAN_PAGE, find_furniture(INDONESIAN_PAGE, "id"))
    assert found == [
        ("byline", "Penulis: Sari Wulandari"),
        ("byline", "Editor: Budi Hartono"),
        ("teaser", "Baca juga: Harga Gandum di Pasar Osh Naik Dua Kali Lipat"),
        ("photo_credit", "(Foto: Dok. Kementerian)"),
        ("teaser", "Baca Juga:\nBanjir Bandang Rendam Ratusan Rumah di Pamir"),
        ("photo_credit", "Foto: Arsip Kantor Berita"),
        (
            "subscription",
            "Dapatkan update berita pilihan setiap hari. Gabung di kanal Telegram kami.",
        ),
        (
            "related",
            "Berita Terkait\nGempa Guncang Wilayah Fergana\nPameran Karpet Dibuka di Samarkand",
        ),
        ("share", "Bagikan:"),
        ("byline", "Pewarta : Andi Pratama"),
        ("copyright", "© 2024 Contoh Media. Hak cipta dilindungi undang-undang."),
    ]


def test_english_page() -> None:
    found = texts(ENGLISH_PAGE, find_furniture(ENGLISH_PAGE, "en"))
    assert found == [
        ("byline", "By Jane Doe"),
        ("related", "Read more: Floods cut off mountain road to Khorog"),
        ("photo_credit", "Photo: Example Agency"),
        ("subscription", "Subscribe to our newsletter for daily updates from the region."),
        ("share", "Share this article"),
        ("copyright", "Copyright 2024 Example News. All rights reserved."),
        ("byline", "Reporting by John Roe; Editing by Mary Major"),
    ]


def test_russian_page() -> None:
    found = texts(RUSSIAN_PAGE, find_furniture(RUSSIAN_PAGE, "ru"))
    assert found == [
        ("byline", "Автор: Иван Петров"),
        ("related", "Читайте также: Цены на муку выросли на рынках Худжанда"),
        ("photo_credit", "Фото: Пресс-служба пограничной службы"),
        ("subscription", "Подписывайтесь на наш канал в Telegram, чтобы не пропустить главное."),
        ("share", "Поделиться"),
        ("copyright", "© 2024 Пример Медиа. Все права защищены."),
    ]


@pytest.mark.parametrize("language", ["id", "en", "ru", "und", "kk"])
def test_body_sentences_are_not_furniture(language: str) -> None:
    assert find_furniture(BODY_LINES, language) == ()


@pytest.mark.parametrize("page", [INDONESIAN_PAGE, ENGLISH_PAGE, RUSSIAN_PAGE])
def test_the_body_paragraph_of_each_page_is_left_alone(page: str) -> None:
    body_start = page.index("\n\n") + 2
    body_end = page.index("\n", body_start)
    assert all(
        span.end <= body_start or span.start >= body_end for span in find_furniture(page, "und")
    )


def test_unknown_language_uses_every_cue_list() -> None:
    mixed = "Baca juga: Satu\nRead more: Two\nЧитайте также: Три\n"
    assert [span.kind for span in find_furniture(mixed, "und")] == ["teaser", "related", "related"]
    assert [span.kind for span in find_furniture(mixed, "en")] == ["related"]


def test_windows_line_endings_keep_offsets_exact() -> None:
    text = "Kota itu tenang.\r\nEditor: Budi\r\nBaca juga:\r\nJudul Berita Lain\r\nAkhir.\r\n"
    found = texts(text, find_furniture(text, "id"))
    assert found == [("byline", "Editor: Budi"), ("teaser", "Baca juga:\r\nJudul Berita Lain")]


def test_bullets_and_blank_line_before_teaser_headline() -> None:
    text = "  • Baca juga:\n\nJudul Berita Lain di Osh\nParagraf berikutnya.\n"
    (span,) = find_furniture(text, "id")
    assert text[span.start : span.end] == "• Baca juga:\n\nJudul Berita Lain di Osh"


def test_bare_teaser_does_not_swallow_a_body_paragraph() -> None:
    text = "Baca juga:\nPasukan tiba di kota Osh pada Selasa pagi, kata polisi.\n"
    (span,) = find_furniture(text, "id")
    assert text[span.start : span.end] == "Baca juga:"


def test_bare_teaser_does_not_swallow_other_furniture() -> None:
    text = "Baca juga:\nEditor: Budi\n"
    assert texts(text, find_furniture(text, "id")) == [
        ("teaser", "Baca juga:"),
        ("byline", "Editor: Budi"),
    ]


def test_overlong_cue_line_is_body_text() -> None:
    text = "Sumber: " + "kata pejabat di Batken " * 20 + "\n"
    assert find_furniture(text, "id") == ()


def test_agency_credit_line() -> None:
    text = "Judul\n(ANTARA/Reuters)\n(Kirgistan)\nIsi berita.\n"
    assert texts(text, find_furniture(text, "id")) == [("photo_credit", "(ANTARA/Reuters)")]


def test_spans_are_ordered_and_disjoint() -> None:
    spans = find_furniture(INDONESIAN_PAGE + ENGLISH_PAGE + RUSSIAN_PAGE, "und")
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_large_text_is_scanned_quickly() -> None:
    text = (BODY_LINES + INDONESIAN_PAGE) * 400
    spans = find_furniture(text, "id")
    assert len(spans) == 11 * 400


def test_cue_lists_are_well_formed() -> None:
    for cue_list in (pack.furniture for pack in languages.everywhere()):
        for kind, pattern in (*cue_list.labels, *cue_list.phrases):
            assert kind in KINDS
            re.compile(pattern)


def test_span_checks_its_fields() -> None:
    with pytest.raises(UsageError):
        Span(5, 2, "teaser")
    with pytest.raises(UsageError):
        Span(0, 2, "advert")


# --- the real seed articles -------------------------------------------------------------


def seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(SKIP_REASON)
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def seed_spans(prefix: str) -> list[tuple[str, str]]:
    text = seed(prefix)
    return texts(text, find_furniture(text, "id"))


def test_seed_000_ends_with_a_photo_credit() -> None:
    text = seed("000")
    spans = find_furniture(text, "id")
    assert [span.kind for span in spans] == ["photo_credit"]
    assert text[spans[-1].start :].startswith("Foto:")
    assert spans[-1].end == len(text.rstrip())


def test_seed_001_credit_subscription_and_byline() -> None:
    kinds = [kind for kind, _ in seed_spans("001")]
    assert kinds == ["photo_credit", "subscription", "byline"]


def test_seed_002_teasers_take_the_headline_below() -> None:
    found = seed_spans("002")
    assert [kind for kind, _ in found] == ["teaser", "teaser"]
    for _, span_text in found:
        label, headline = span_text.split("\n")
        assert label == "Baca Juga:"
        assert headline and not headline.endswith(".")


def test_seed_003_teasers_byline_credit_and_footer() -> None:
    text = seed("003")
    found = seed_spans("003")
    teasers = [span_text for kind, span_text in found if kind == "teaser"]
    assert len(teasers) == len(re.findall(r"(?m)^Baca juga:", text)) > 0
    assert all(line.startswith("Baca juga: ") and "\n" not in line for line in teasers)
    kinds = [kind for kind, _ in found]
    assert kinds[:2] == ["byline", "photo_credit"]
    assert {"related", "share"} <= set(kinds)
    assert kinds[-1] == "copyright"


def test_seed_004_byline_and_comments_prompt() -> None:
    found = seed_spans("004")
    assert [kind for kind, _ in found] == ["byline", "byline", "share"]
    assert found[0][1].startswith("Pewarta")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_spans_stay_short(prefix: str) -> None:
    for _, span_text in seed_spans(prefix):
        assert all(len(line) <= 250 for line in span_text.splitlines())
