"""Dates: written, relative and back-referring forms in Indonesian, English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from mapper.incidents.dates import (
    DateValue,
    Reference,
    find_dates,
    guess_publication,
    is_background,
    resolve_anaphora,
)

THURSDAY = Reference(dt.date(2022, 1, 27))  # a Thursday


def dates(
    text: str, language: str, reference: Reference | None = THURSDAY
) -> list[tuple[str, str]]:
    return [
        (m.value.date, m.value.precision) for m in find_dates(text, language, reference) if m.value
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("id", "27/01/22", "2022-01-27"),
        ("id", "pada Kamis (6/1/2022) pagi", "2022-01-06"),
        ("id", "pada Minggu (09/01/2022)", "2022-01-09"),
        ("id", "Pada tanggal 7 Januari, parlemen bersidang", "2022-01-07"),
        ("id", "sejak pertengahan tahun, tepatnya pada 15 Agustus", "2021-08-15"),
        ("id", "tanggal 3 Agt 2021", "2021-08-03"),
        ("ru", "ещё 14 сентября", "2021-09-14"),
        ("ru", "В четверг, 27 января, в селе", "2022-01-27"),
        ("ru", "к 2022-01-20 числу", "2022-01-20"),
        ("en", "on January 27 officials said", "2022-01-27"),
        ("en", "on Jan. 6, 2022", "2022-01-06"),
        ("en", "on 5th January", "2022-01-05"),
    ],
)
def test_written_dates(language, text, expected):
    assert dates(text, language) == [(expected, "day")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("id", "situasi hari ini", "2022-01-27"),
        ("id", "terjadi kemarin sore", "2022-01-26"),
        ("id", "bentrok tadi malam", "2022-01-26"),
        ("id", "pada Senin lalu", "2022-01-24"),
        ("id", "pada Kamis", "2022-01-27"),
        ("id", "dua hari yang lalu", "2022-01-25"),
        ("ru", "вчера вечером", "2022-01-26"),
        ("ru", "сегодня утром", "2022-01-27"),
        ("ru", "в среду", "2022-01-26"),
        ("ru", "в прошлый четверг", "2022-01-20"),
        ("en", "yesterday", "2022-01-26"),
        ("en", "on Thursday", "2022-01-27"),
        ("en", "in Tuesday's attack", "2022-01-25"),
        ("en", "last Thursday", "2022-01-20"),
        ("en", "last night", "2022-01-26"),
    ],
)
def test_relative_dates_count_from_the_reference_day(language, text, expected):
    assert dates(text, language) == [(expected, "day")]


def test_a_weekday_is_never_after_the_reference_day():
    for offset in range(7):
        reference = Reference(dt.date(2022, 1, 27) + dt.timedelta(days=offset))
        for name in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"):
            (value,) = [m.value for m in find_dates(f"pada {name}", "id", reference)]
            assert reference.day - dt.timedelta(days=6) <= value.first <= reference.day


def test_capitalised_minggu_is_sunday_and_lowercase_minggu_lalu_is_last_week():
    assert dates("pada Minggu", "id") == [("2022-01-23", "day")]
    assert dates("minggu lalu", "id") == [("2022-01-17", "week")]


def test_weeks_months_and_years():
    assert dates("last week's unrest", "en") == [("2022-01-17", "week")]
    assert dates("на этой неделе", "ru") == [("2022-01-24", "week")]
    assert dates("pada Maret 2021", "id") == [("2021-03", "month")]
    assert dates("в январе 2022 года", "ru") == [("2022-01", "month")]
    assert dates("the 2008 war, fought in 2008", "en") == [("2008", "year")]
    assert dates("bentrokan tahun lalu", "id") == [("2021", "year")]
    assert dates("в 2010 году", "ru") == [("2010", "year")]


def test_a_day_and_month_without_a_year_is_not_long_after_publication():
    published = Reference(dt.date(2021, 8, 6))
    assert dates("до 10 августа", "ru", published) == [("2021-08-10", "day")]
    assert dates("с 25 декабря", "ru", published) == [("2020-12-25", "day")]


def test_a_guessed_reference_day_takes_the_nearest_year():
    guessed = Reference(dt.date(2021, 8, 14), published=False)
    assert dates("pada 15 Agustus", "id", guessed) == [("2021-08-15", "day")]
    published = Reference(dt.date(2021, 8, 14))
    assert dates("pada 15 Oktober", "id", published) == [("2020-10-15", "day")]


def test_without_a_reference_only_full_dates_are_found():
    assert dates("kemarin, Kamis (6/1/2022) dan 7 Januari", "id", None) == [("2022-01-06", "day")]


def test_results_do_not_depend_on_today():
    old = Reference(dt.date(2001, 3, 14))
    assert dates("kemarin", "id", old) == [("2001-03-13", "day")]
    assert dates("yesterday", "en", old) == [("2001-03-13", "day")]
    assert dates("вчера", "ru", old) == [("2001-03-13", "day")]
    assert dates("on 15 January", "en", old) == [("2001-01-15", "day")]


def test_a_weekday_before_the_full_date_restates_it():
    found = find_dates("pada Kamis (6/1/2022) malam", "id", THURSDAY)
    assert [m.text for m in found] == ["6/1/2022"]
    found = find_dates("Sehari sebelumnya, Rabu (29/9/2021), pasukan tiba", "id", THURSDAY)
    assert [m.text for m in found] == ["29/9/2021"]


def test_back_references_count_from_the_date_before_them():
    found = find_dates("в пятницу, 28 января, сообщили, что накануне", "ru", THURSDAY)
    resolved = resolve_anaphora(found, None, THURSDAY)
    assert [m.value.date for m in resolved] == ["2022-01-28", "2022-01-27"]
    same = find_dates("Pada hari yang sama, warga pergi", "id", THURSDAY)
    previous = DateValue("2022-01-20", "day")
    assert [m.value.date for m in resolve_anaphora(same, previous, THURSDAY)] == ["2022-01-20"]
    assert [m.value.date for m in resolve_anaphora(same, None, THURSDAY)] == ["2022-01-27"]


def test_a_back_reference_never_passes_the_publication_date():
    later = find_dates("the next day", "en", THURSDAY)
    assert resolve_anaphora(later, DateValue("2022-01-27", "day"), THURSDAY) == []


def test_numbers_that_are_not_dates():
    assert dates("pada pukul 23:00, sejauh 1.400 km, 10.000 warga", "id") == []
    assert dates("31/02/2022", "id") == []


def test_offsets_point_into_the_text():
    text = "Bentrokan pecah pada Kamis (27/1/2022) malam."
    for mention in find_dates(text, "id", THURSDAY):
        assert text[mention.start : mention.end] == mention.text


def test_guess_publication_prefers_a_dateline():
    text = "Judul berita\n\n(Untuk pembaca)\n27/01/22\n\nIsi berita pada 3/1/2022 dan 5/2/2022."
    assert guess_publication(text, "id") == dt.date(2022, 1, 27)
    body = "\n".join(["Baris."] * 12 + ["Pada 3/1/2022 dan 5/2/2022 terjadi sesuatu."])
    assert guess_publication(body, "id") == dt.date(2022, 2, 5)
    assert guess_publication("Tanpa tanggal sama sekali.", "id") is None


def test_background_is_a_year_well_before_the_reference_day():
    """A past event the text dates to its month is an incident of that month (ACLED's time
    precision 3); one dated only by its year is history."""
    today = dt.date(2022, 1, 27)
    assert is_background(DateValue("2010", "year"), today)
    assert not is_background(DateValue("2021-03", "month"), today)
    assert not is_background(DateValue("2022-01", "month"), today)
    assert not is_background(DateValue("2020-01-01", "day"), today)


# -- the forms read without dateparser read as dateparser reads them ----------------------

#: Reference days around leap days, year ends and month ends.
BASES = [
    dt.date(2019, 1, 5),
    dt.date(2020, 2, 28),
    dt.date(2020, 2, 29),
    dt.date(2020, 3, 1),
    dt.date(2021, 2, 28),
    dt.date(2021, 12, 31),
    dt.date(2022, 1, 1),
    dt.date(2022, 6, 15),
]


@pytest.mark.parametrize("language", ["id", "en", "ru"])
def test_a_day_and_month_take_the_year_dateparser_gives(language):
    from mapper.incidents.dates import _dateparser, latest_day
    from mapper.languages import pack_for

    names = pack_for(language).dates.month_names
    for base in BASES:
        for month in range(1, 13):
            for day in (1, 15, 28, 29, 30, 31):
                if (month, day) in ((2, 30), (2, 31)) or (day == 31 and month in (4, 6, 9, 11)):
                    continue
                expected = _dateparser(f"{day} {names[month - 1]}", language, base)
                assert latest_day(day, month, base) == expected, (day, month, base)


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("en", ["the day before yesterday", "Yesterday", "today", "2 days ago", "31 days ago"]),
        ("id", ["kemarin lusa", "Kemarin", "hari ini", "2 hari lalu", "12 hari lalu"]),
        ("ru", ["позавчера", "Вчера", "сегодня", "2 дня назад", "5 дней назад", "21 день назад"]),
    ],
)
def test_relative_phrases_read_from_the_pack_as_dateparser_reads_them(language, phrases):
    from mapper.incidents.dates import _dateparser, _relative_days

    for base in BASES:
        for phrase in phrases:
            days = _relative_days(phrase, language)
            assert days is not None, phrase
            assert base + dt.timedelta(days=days) == _dateparser(phrase, language, base), phrase


def test_relative_phrases_the_pack_does_not_read_go_to_dateparser():
    from mapper.incidents.dates import _relative_days

    assert _relative_days("99999 days ago", "en") is None
    assert _relative_days("tomorrow", "en") is None
