"""Casualties: number words in three languages, vague amounts, figures per claimant."""

from __future__ import annotations

import pytest

from mapper import languages
from mapper.incidents.casualties import (
    casualty_claim,
    find_casualties,
    find_claimant,
    number_value,
)
from mapper.model import CasualtyClaim


@pytest.mark.parametrize(
    ("language", "phrase", "value"),
    [
        ("id", "satu", 1),
        ("id", "seorang", 1),
        ("id", "tiga", 3),
        ("id", "sepuluh", 10),
        ("id", "sebelas", 11),
        ("id", "dua belas", 12),
        ("id", "dua puluh lima", 25),
        ("id", "seratus dua puluh", 120),
        ("id", "tiga ribu lima ratus", 3500),
        ("id", "164", 164),
        ("id", "1.400", 1400),
        ("en", "one", 1),
        ("en", "eleven", 11),
        ("en", "twenty", 20),
        ("en", "twenty-five", 25),
        ("en", "two hundred fifty", 250),
        ("en", "1,400", 1400),
        ("en", "a dozen", 12),
        ("ru", "один", 1),
        ("ru", "одного", 1),
        ("ru", "двух", 2),
        ("ru", "двое", 2),
        ("ru", "троих", 3),
        ("ru", "пятеро", 5),
        ("ru", "пятерых", 5),
        ("ru", "десять", 10),
        ("ru", "тринадцати", 13),
        ("ru", "двадцати пяти", 25),
        ("ru", "две тысячи", 2000),
        ("ru", "10 000", 10000),
    ],
)
def test_numbers(language, phrase, value):
    assert number_value(phrase, language) == value


@pytest.mark.parametrize(
    ("language", "phrase", "value"),
    [
        ("id", "beberapa", 3),
        ("id", "belasan", 11),
        ("id", "puluhan", 12),
        ("id", "ratusan", 100),
        ("id", "ribuan", 1000),
        ("id", "puluhan ribu", 10000),
        ("en", "several", 3),
        ("en", "a few", 3),
        ("en", "several dozen", 12),
        ("en", "dozens", 12),
        ("en", "hundreds", 100),
        ("en", "thousands", 1000),
        ("en", "tens of thousands", 10000),
        ("ru", "несколько", 3),
        ("ru", "нескольких", 3),
        ("ru", "несколько десятков", 12),
        ("ru", "десятки", 12),
        ("ru", "сотни", 100),
        ("ru", "тысячи", 1000),
        ("ru", "десятки тысяч", 10000),
    ],
)
def test_vague_amounts_follow_the_table(language, phrase, value):
    assert number_value(phrase, language) == value


def test_vague_amount_table_is_low_and_fixed():
    english, indonesian = languages.PACKS["en"].numbers, languages.PACKS["id"].numbers
    assert english.vague_amounts["several"] == indonesian.vague_amounts["beberapa"] == 3
    assert english.vague_amounts["dozens"] == indonesian.vague_amounts["puluhan"] == 12


@pytest.mark.parametrize(
    ("language", "sentence", "killed", "injured"),
    [
        ("id", "Sedikitnya 7 orang tewas dan 20 lainnya luka-luka di pasar itu.", 7, 20),
        ("id", "Ledakan itu menewaskan sekitar tiga puluh orang.", 30, None),
        ("id", "Polisi menyebut empat petugas dan dua warga sipil mengalami luka ringan.", None, 6),
        ("id", "Serangan itu melukai sembilan penjaga dan satu sopir truk.", None, 10),
        ("id", "Puluhan orang terluka dalam kericuhan.", None, 12),
        ("en", "Three soldiers were killed and 14 were wounded, the army said.", 3, 14),
        ("en", "The blast killed at least five people.", 5, None),
        ("en", "Nine guards and three drivers had been injured by Sunday.", None, 12),
        ("en", "The death toll rose to 41 on Monday.", 41, None),
        ("en", "Dozens were hurt.", None, 12),
        ("ru", "В результате обстрела погибли четыре человека, ещё семеро ранены.", 4, 7),
        ("ru", "Сообщается о гибели трёх военнослужащих.", 3, None),
        ("ru", "Около 30 человек получили ранения.", None, 30),
        ("ru", "Число погибших за сутки выросло примерно до 12 человек.", 12, None),
    ],
)
def test_killed_and_injured(language, sentence, killed, injured):
    figures = find_casualties(sentence, language)
    assert (figures.fatalities, figures.injuries) == (killed, injured)


def test_dates_times_and_measures_are_not_casualties():
    sentence = "Pada 12/3/2022 pukul 10:30, sejauh 30 km dari kota, 4 orang tewas."
    figures = find_casualties(sentence, "id", skip=[(5, 14)])
    assert figures.fatalities == 4
    assert (
        find_casualties("Kerusuhan terburuk dalam 30 tahun, tanpa korban.", "id").fatalities is None
    )


@pytest.mark.parametrize(
    ("language", "sentence", "claimant"),
    [
        ("id", "Menurut dinas darurat setempat, dua orang tewas.", "dinas darurat setempat"),
        ("id", "Dua warga tewas, kata juru bicara kepolisian.", "juru bicara kepolisian"),
        ("id", "Kementerian Kesehatan mengatakan 40 orang terluka.", "Kementerian Kesehatan"),
        (
            "id",
            "Pejabat resmi dari Uzbekistan menyebut lima orang terluka.",
            "Pejabat resmi dari Uzbekistan",
        ),
        ("id", "Stasiun radio swasta Radio Azattyk melaporkan 3 orang tewas.", "Radio Azattyk"),
        ("en", "Four people died, according to the regional governor.", "regional governor"),
        ("en", "Two guards were killed, Tajik officials said on Monday.", "Tajik officials"),
        ("en", "The interior ministry said 12 officers were wounded.", "interior ministry"),
        ("ru", "По данным минздрава, погибли двое.", "минздрава"),
        ("ru", "Пять человек ранены, сообщила областная прокуратура.", "областная прокуратура"),
        (
            "ru",
            "Власти Узбекистана в среду, 5 мая, сообщили о гибели двух человек.",
            "Власти Узбекистана",
        ),
    ],
)
def test_claimants(language, sentence, claimant):
    assert find_claimant(sentence, language) == claimant


def test_claim_keeps_claimant_and_figures():
    claim = casualty_claim("Pemerintah Uzbekistan menyatakan 5 orang tewas dan 9 terluka.", "id")
    assert claim == CasualtyClaim("Uzbek government", 5, 9)  # its canonical name
    assert casualty_claim("Ribuan orang ditahan.", "id") is None
    assert casualty_claim("The clashes left people injured.", "en") is None
