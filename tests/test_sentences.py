"""Sentence splitting: offsets, lines as paragraphs, abbreviations in three languages."""

from __future__ import annotations

from mapper.read.sentences import split_sentences


def texts(text: str, language: str = "und") -> list[str]:
    return [sentence.text for sentence in split_sentences(text, language)]


def test_offsets_point_into_the_text():
    text = "Judul berita\n\nKalimat pertama. Kalimat kedua!\r\nBaris baru? Ya.\n"
    for sentence in split_sentences(text, "id"):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_each_line_is_a_paragraph():
    found = split_sentences("Satu. Dua.\n\nTiga tanpa titik\nEmpat.", "id")
    assert [(s.text, s.paragraph) for s in found] == [
        ("Satu.", 0),
        ("Dua.", 0),
        ("Tiga tanpa titik", 2),
        ("Empat.", 3),
    ]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert texts("Menurut Dr. Ahmad dan Prof. Sari, dll. semuanya aman.", "id") == [
        "Menurut Dr. Ahmad dan Prof. Sari, dll. semuanya aman."
    ]
    assert texts("U.S. officials met Gen. Smith on Jan. 5. Talks ended.", "en") == [
        "U.S. officials met Gen. Smith on Jan. 5.",
        "Talks ended.",
    ]
    assert texts("Пострадавших доставили в г. Исфара, т.е. в больницу. Всё.", "ru") == [
        "Пострадавших доставили в г. Исфара, т.е. в больницу.",
        "Всё.",
    ]
    assert texts("Reporter A. Surya wrote it.", "en") == ["Reporter A. Surya wrote it."]


def test_a_full_stop_after_a_word_ends_a_sentence_even_before_lowercase():
    assert texts("Ketegangan terjadi selama krisis. di kota itu.", "id") == [
        "Ketegangan terjadi selama krisis.",
        "di kota itu.",
    ]


def test_quoted_questions_keep_their_attribution():
    assert texts('"Ke mana mereka pergi?" kata warga. Lalu hening.', "id") == [
        '"Ke mana mereka pergi?" kata warga.',
        "Lalu hening.",
    ]


def test_splitting_is_deterministic():
    text = "A. B. C? D! «Цитата.» Конец."
    assert split_sentences(text, "ru") == split_sentences(text, "ru")
