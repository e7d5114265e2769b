"""Language detection: short texts in each language, Malay folded into Indonesian, "und"."""

from __future__ import annotations

import time

import pytest
from source_articles import SEEDS, SKIP_REASON

from mapper.read.language import LANGUAGES, SAMPLE_CHARS, UNDETERMINED, detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warga desa mengungsi setelah baku tembak di perbatasan.", "id"),
        ("Polisi menangkap dua orang di Bishkek kemarin.", "id"),
        ("BENTROKAN KEMBALI PECAH DI PERBATASAN", "id"),
        ("Residents fled their villages after shooting on the border.", "en"),
        ("The border crossing was closed on Tuesday.", "en"),
        ("Жители покинули сёла после перестрелки на границе.", "ru"),
        ("Пограничный пункт закрыли во вторник.", "ru"),
        ("Шекарада қақтығыс болды, тұрғындар көшірілді.", "kk"),
    ],
)
def test_short_texts(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_malay_is_reported_as_indonesian() -> None:
    assert detect_language("Tentera kerajaan tiba di bandar itu pada waktu pagi.") == "id"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t",
        "12345 67 89",
        "!!! ??? ...",
        "Osh",
        "asdkjh qweoiu zxcmnb",
        "https://a.b/c?d=1",
    ],
)
def test_hopeless_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == UNDETERMINED


def test_is_deterministic() -> None:
    text = "Pasukan penjaga perbatasan dikerahkan ke desa-desa di selatan."
    assert len({detect_language(text) for _ in range(20)}) == 1


def test_only_a_bounded_sample_is_read() -> None:
    russian = "Жители покинули сёла после перестрелки на границе. " * 60
    english = "Residents fled their villages after shooting on the border. " * 200_000
    assert len(russian) > SAMPLE_CHARS
    started = time.perf_counter()
    assert detect_language(russian + english) == "ru"
    assert time.perf_counter() - started < 2.0


def test_leading_whitespace_does_not_eat_the_sample() -> None:
    assert detect_language("\n" * 50 + "Warga desa mengungsi setelah baku tembak.") == "id"


def test_answers_come_from_the_language_set() -> None:
    assert {"id", "en", "ru"} <= set(LANGUAGES)
    assert "ms" in LANGUAGES  # scored, then folded into "id"


def test_seeds_are_indonesian() -> None:
    if not SEEDS.is_dir():
        pytest.skip(SKIP_REASON)
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds
    for path in seeds:
        assert detect_language(path.read_text(encoding="utf-8")) == "id", path.name


def test_the_restricted_model_is_cached_and_reads_alike(tmp_path, monkeypatch):
    from mapper.read import language

    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    wanted = language._wanted_languages()
    fresh = language._from_py3langid(wanted)
    path = language._cached_model_path(wanted)
    assert path is not None and path.parent == tmp_path
    language._save_cached(fresh, path)
    cached = language._load_cached(path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    sample = "Bentrokan terjadi di perbatasan Kirgistan dan Tajikistan pada Kamis."
    assert cached.rank(sample) == fresh.rank(sample)
    assert cached.nb_classes == fresh.nb_classes
    assert cached.tk_nextmove == fresh.tk_nextmove and cached.tk_output == fresh.tk_output


def test_a_damaged_cached_model_is_rebuilt(tmp_path, monkeypatch):
    from mapper.read import language

    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    path = language._cached_model_path(language._wanted_languages())
    assert path is not None
    path.write_bytes(b"not a model")
    language._identifier.cache_clear()
    try:
        assert language.detect_language("Clashes broke out on the border on Thursday.") == "en"
    finally:
        language._identifier.cache_clear()
    assert path.stat().st_size > 1_000_000
