"""The codebook rules of :mod:`mapper.incidents.coding`, one fixture sentence per rule in
each language, and the source-article sentences the rules were first wrong about."""

from __future__ import annotations

import pytest
from source_articles import seed_text

from mapper.incidents.casualties import casualty_claim
from mapper.incidents.claimants import canonical_claimant
from mapper.incidents.coding import code_sentence
from mapper.model import CasualtyClaim
from mapper.pipeline import Extractor
from mapper.read.documents import document_from_text

B = ("Battles", "Armed clash")
VD = ("Riots", "Violent demonstration")
MOB = ("Riots", "Mob violence")
ATT = ("Violence against civilians", "Attack")
ABD = ("Violence against civilians", "Abduction/forced disappearance")
EXC = ("Protests", "Excessive force against protesters")
INT = ("Protests", "Protest with intervention")
PP = ("Protests", "Peaceful protest")
TR = ("Strategic developments", "Non-violent transfer of territory")
LOOT = ("Strategic developments", "Looting/property destruction")
ARR = ("Strategic developments", "Arrests")
SH = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
AIR = ("Explosions/Remote violence", "Air/drone strike")
DEP = ("Strategic developments", "Troop deployment")

CASES = [
    (
        "fighting between armed groups",
        "en",
        "Kyrgyz and Tajik border guards exchanged fire near the village on Monday.",
        B,
    ),
    (
        "fighting between armed groups",
        "id",
        "Penjaga perbatasan Kirgistan dan Tajikistan terlibat baku tembak di dekat desa itu.",
        B,
    ),
    (
        "fighting between armed groups",
        "ru",
        "Пограничники Кыргызстана и Таджикистана вступили в перестрелку у села.",
        B,
    ),
    (
        "fighting with demonstrators",
        "en",
        "Protesters clashed with police outside the regional administration.",
        VD,
    ),
    (
        "fighting with demonstrators",
        "id",
        "Pengunjuk rasa bentrok dengan polisi di depan kantor gubernur.",
        VD,
    ),
    (
        "fighting with demonstrators",
        "ru",
        "Протестующие столкнулись с полицией у здания акимата.",
        VD,
    ),
    (
        "fighting between residents",
        "en",
        "Residents of the two villages clashed over the water canal, throwing stones.",
        MOB,
    ),
    (
        "fighting between residents",
        "id",
        "Warga dua desa bentrok karena sengketa saluran air.",
        MOB,
    ),
    ("fighting between residents", "ru", "Жители двух сел подрались из-за водного канала.", MOB),
    (
        "armed group attacks civilians",
        "en",
        "Gunmen attacked a village and killed four farmers.",
        ATT,
    ),
    (
        "armed group attacks civilians",
        "id",
        "Orang bersenjata menyerang desa dan membunuh empat petani.",
        ATT,
    ),
    (
        "armed group attacks civilians",
        "ru",
        "Боевики напали на село и убили четырёх фермеров.",
        ATT,
    ),
    ("attack on armed forces", "en", "Militants attacked an army checkpoint on the highway.", B),
    ("attack on armed forces", "id", "Militan menyerang pos pemeriksaan tentara di jalan raya.", B),
    ("attack on armed forces", "ru", "Боевики напали на армейский блокпост на трассе.", B),
    (
        "state forces attack demonstrators",
        "en",
        "Police opened fire on protesters in the square, killing three.",
        EXC,
    ),
    (
        "state forces attack demonstrators",
        "id",
        "Polisi menembaki pengunjuk rasa di alun-alun dan menewaskan tiga orang.",
        EXC,
    ),
    (
        "state forces attack demonstrators",
        "ru",
        "Полиция открыла огонь по протестующим на площади, убив троих.",
        EXC,
    ),
    ("arrests at a protest", "en", "Police detained dozens of protesters outside parliament.", INT),
    (
        "arrests at a protest",
        "id",
        "Polisi menangkap puluhan pengunjuk rasa di depan gedung parlemen.",
        INT,
    ),
    (
        "arrests at a protest",
        "ru",
        "Полиция задержала десятки протестующих у здания парламента.",
        INT,
    ),
    ("a protest", "en", "Hundreds of people rallied in the city centre against fuel prices.", PP),
    (
        "a protest",
        "id",
        "Ratusan warga berunjuk rasa di pusat kota menentang kenaikan harga bahan bakar.",
        PP,
    ),
    ("a protest", "ru", "Сотни человек вышли на митинг в центре города против цен на топливо.", PP),
    ("demonstrators storm", "en", "Protesters stormed the mayor's office and set it on fire.", VD),
    ("demonstrators storm", "id", "Pengunjuk rasa menyerbu kantor wali kota dan membakarnya.", VD),
    ("demonstrators storm", "ru", "Протестующие штурмовали здание мэрии и подожгли его.", VD),
    (
        "armed groups seize territory",
        "en",
        "Militants seized the town after government troops withdrew.",
        TR,
    ),
    (
        "armed groups seize territory",
        "id",
        "Militan merebut kota itu setelah pasukan pemerintah mundur.",
        TR,
    ),
    (
        "armed groups seize territory",
        "ru",
        "Боевики захватили город после отхода правительственных войск.",
        TR,
    ),
    (
        "armed groups seize property",
        "en",
        "Militants seized the police station's weapons depot.",
        LOOT,
    ),
    ("armed groups seize property", "id", "Militan merebut gudang senjata milik polisi.", LOOT),
    ("armed groups seize property", "ru", "Боевики захватили склад оружия полиции.", LOOT),
    ("arrests", "en", "Security services arrested two opposition leaders at their homes.", ARR),
    ("arrests", "id", "Aparat keamanan menangkap dua pemimpin oposisi di rumah mereka.", ARR),
    ("arrests", "ru", "Силовики задержали двух лидеров оппозиции у них дома.", ARR),
    ("shelling", "en", "Artillery shelled the outskirts of the town overnight.", SH),
    ("shelling", "id", "Artileri menembaki pinggiran kota sepanjang malam.", SH),
    ("shelling", "ru", "Артиллерия обстреляла окраины города ночью.", SH),
    ("deployment", "en", "Russia sent paratroopers to guard the airport.", DEP),
    ("deployment", "id", "Rusia mengirim pasukan terjun payung untuk menjaga bandara.", DEP),
    ("deployment", "ru", "Россия направила десантников для охраны аэропорта.", DEP),
]


@pytest.mark.parametrize(
    ("rule", "language", "sentence", "expected"),
    CASES,
    ids=[f"{language}-{rule}" for rule, language, _s, _e in CASES],
)
def test_codebook_rule(rule, language, sentence, expected):
    coded = code_sentence(sentence, language, casualty_claim(sentence, language))
    assert coded is not None, rule
    assert (coded.event_type, coded.sub_event_type) == expected, rule


@pytest.mark.parametrize(
    ("language", "remark", "report"),
    [
        (
            "id",
            "Revolusi dan protes telah menjatuhkan dua pemerintahan Kirgistan dalam 20 tahun.",
            "Protes menjatuhkan pemerintahan Kirgistan pada Senin.",
        ),
        (
            "en",
            "Protests have toppled two governments of Kyrgyzstan in the past 20 years.",
            "Protests toppled the government of Kyrgyzstan on Monday.",
        ),
        (
            "ru",
            "За последние 20 лет протесты в Кыргызстане свергли два правительства.",
            "В понедельник протесты в Кыргызстане свергли правительство.",
        ),
    ],
)
def test_a_remark_over_decades_is_no_incident(language, remark, report):
    assert _extract(f"Title\n\n{remark}\n", "remark", "2022-01-10") == ()
    assert len(_extract(f"Title\n\n{report}\n", "report", "2022-01-10")) == 1


def test_arrests_during_a_week_of_protests_are_arrests_not_a_protest():
    sentence = "Ribuan orang ditahan selama protes massal sepekan terakhir."
    coded = code_sentence(sentence, "id")
    assert coded is not None
    assert (coded.event_type, coded.sub_event_type) == ARR


def _extract(text: str, doc_id: str, published: str):
    document = document_from_text(text, doc_id=doc_id, published=published)
    return Extractor().extract(document).incidents


def test_seed_terrorists_seizing_buildings_is_not_a_transfer_of_territory():
    incidents = _extract(seed_text("002"), "002", "2022-01-06")
    told = [i for i in incidents if "merebut" in i.evidence.text]
    assert all(i.sub_event_type != TR[1] for i in incidents)
    assert all(i.event_type in ("Riots", "Strategic developments") for i in told)


def test_seed_historical_remark_is_no_incident():
    incidents = _extract(seed_text("001"), "001", "2022-01-10")
    assert not any("menggulingkan" in i.evidence.text for i in incidents)


def test_the_dateline_agency_is_not_an_actor():
    text = (
        "Toll nears 100\n\n"
        "BISHKEK, Sept 19 (Steppe Wire Service) — Around 100 people have been killed in "
        "last week's fighting between Kyrgyz and Tajik troops near Batken.\n"
    )
    (incident,) = _extract(text, "wire", "2022-09-19")
    assert not any("Steppe" in actor for actor in incident.actors)


@pytest.mark.parametrize(
    ("language", "written", "canonical"),
    [
        ("en", "Tajik officials", "Tajik officials"),
        ("en", "officials of Tajikistan", "Tajik officials"),
        ("id", "pejabat Tajikistan", "Tajik officials"),
        ("ru", "Таджикские официальные лица", "Tajik officials"),
        ("ru", "таджикских официальных лиц", "Tajik officials"),
        ("ru", "государственного телеканала", "state TV"),
        ("id", "televisi pemerintah", "state TV"),
        ("ru", "пограничной службы Кыргызстана", "Kyrgyz border service"),
        ("en", "Khabar 24", "Khabar 24"),
        ("ru", "Генпрокуратуры", "Генпрокуратура"),
    ],
)
def test_claimants_have_one_name_across_languages_and_cases(language, written, canonical):
    assert canonical_claimant(written, language) == canonical


def test_one_claim_told_in_two_languages_is_kept_once():
    english = (
        "Border clash\n\nKyrgyz and Tajik border guards exchanged fire near Kok-Tash on "
        "January 27, 2022. Tajik officials said eleven soldiers were wounded.\n"
    )
    russian = (
        "Перестрелка на границе\n\n27 января 2022 года пограничники Кыргызстана и "
        "Таджикистана вступили в перестрелку у села Кок-Таш. Таджикские официальные лица "
        "сообщили, что ранены одиннадцать военнослужащих.\n"
    )
    from mapper.incidents.merge import merge_incidents

    incidents = _extract(english, "en", "2022-01-27") + _extract(russian, "ru", "2022-01-27")
    (clash,) = [i for i in merge_incidents(incidents) if i.event_type == "Battles"]
    assert clash.claims == (CasualtyClaim("Tajik officials", None, 11),)
