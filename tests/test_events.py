"""Event cues per language, the choice between them, and the actors a sentence names."""

from __future__ import annotations

import pytest

from mapper import languages
from mapper.incidents.coding import code_sentence
from mapper.incidents.cues import PRIORITY, choose_cue, find_actors, find_cues
from mapper.model import EVENT_TYPES, CasualtyClaim

S = "Strategic developments"


def kind(sentence: str, language: str, *, casualties: bool = False) -> tuple[str, str] | None:
    claim = CasualtyClaim(None, 1, None) if casualties else None
    cue = code_sentence(sentence, language, claim)
    return cue.kind if cue else None


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("id", "Bentrokan pecah di perbatasan.", ("Battles", "Armed clash")),
        ("id", "Baku tembak berlangsung dua jam.", ("Battles", "Armed clash")),
        (
            "id",
            "Pasukan menembakkan mortir ke arah desa.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "id",
            "Serangan artileri menghantam pos jaga.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        ("id", "Warga dievakuasi ke kota.", (S, "Evacuation")),
        ("id", "Pemerintah memulai evakuasi warga.", (S, "Evacuation")),
        ("id", "Pemadaman listrik melanda tiga kota.", (S, "Power outage")),
        ("id", "Kerusuhan meluas ke pusat kota.", ("Riots", "Violent demonstration")),
        ("id", "Dua puluh orang ditahan polisi.", (S, "Arrests")),
        ("id", "Tiga aktivis ditangkap di rumahnya.", (S, "Arrests")),
        ("id", "Ribuan orang berunjuk rasa di alun-alun.", ("Protests", "Peaceful protest")),
        ("id", "Demonstrasi digelar di depan kantor gubernur.", ("Protests", "Peaceful protest")),
        ("id", "Mahasiswa memprotes kenaikan harga.", ("Protests", "Peaceful protest")),
        ("id", "Pasukan tambahan telah dikerahkan ke perbatasan.", (S, "Troop deployment")),
        ("id", "Rusia mengirim pasukan ke wilayah itu.", (S, "Troop deployment")),
        ("id", "Dua orang tewas ditembak.", ("Violence against civilians", "Attack")),
        ("en", "Clashes erupted near the border.", ("Battles", "Armed clash")),
        ("en", "Heavy fighting was reported overnight.", ("Battles", "Armed clash")),
        (
            "en",
            "Shelling hit the northern suburbs.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        ("en", "Hundreds of families were evacuated.", (S, "Evacuation")),
        ("en", "Police detained 40 people.", (S, "Arrests")),
        ("en", "Two activists were arrested.", (S, "Arrests")),
        ("en", "A protest was held outside parliament.", ("Protests", "Peaceful protest")),
        ("en", "Riots broke out in the capital.", ("Riots", "Violent demonstration")),
        ("en", "A blackout left the city dark.", (S, "Power outage")),
        ("en", "A power outage hit three districts.", (S, "Power outage")),
        ("en", "More troops were deployed to the frontier.", (S, "Troop deployment")),
        ("en", "The deployment began at dawn.", (S, "Troop deployment")),
        ("en", "Villagers kept up their blockade of the road.", ("Protests", "Road blockade")),
        ("ru", "Столкновение произошло у села.", ("Battles", "Armed clash")),
        ("ru", "Перестрелка длилась час.", ("Battles", "Armed clash")),
        ("ru", "Бой шёл всю ночь.", ("Battles", "Armed clash")),
        (
            "ru",
            "Начался обстрел окраин.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        ("ru", "Объявлена эвакуация жителей.", (S, "Evacuation")),
        ("ru", "Жители были эвакуированы.", (S, "Evacuation")),
        ("ru", "Задержаны двадцать человек.", (S, "Arrests")),
        ("ru", "На площади прошёл митинг.", ("Protests", "Peaceful protest")),
        ("ru", "Протест продолжался весь день.", ("Protests", "Peaceful protest")),
        ("ru", "В городе начались беспорядки.", ("Riots", "Violent demonstration")),
        ("ru", "Произошло отключение электроэнергии.", (S, "Power outage")),
        ("ru", "Начался ввод войск в регион.", (S, "Troop deployment")),
        ("ru", "Контингент прибыл на аэродром.", (S, "Troop deployment")),
    ],
)
def test_cues(language, sentence, expected):
    assert kind(sentence, language) == expected


def test_every_cue_names_an_acled_event_type():
    for rows in (pack.events.cues for pack in languages.PACKS.values()):
        for _pattern, (event_type, sub_event_type) in rows:
            assert event_type in EVENT_TYPES
            assert (event_type, sub_event_type) in PRIORITY


def test_a_clash_with_mortars_is_a_clash_and_shelling_alone_is_shelling():
    both = "Pertempuran sengit dengan mortir dan peluncur granat terjadi di pos itu."
    assert kind(both, "id") == ("Battles", "Armed clash")
    alone = "Artillery shelling hit the village of Chorkuh."
    assert kind(alone, "en")[0] == "Explosions/Remote violence"


def test_circumstances_do_not_make_the_event():
    outage = "Desa itu terkena pemadaman setelah kabel rusak dalam bentrokan."
    assert kind(outage, "id") == (S, "Power outage")
    cue = choose_cue(find_cues("164 orang tewas selama bentrokan.", "id"))
    assert cue.kind == ("Battles", "Armed clash") and cue.secondary
    assert choose_cue(find_cues("Two people died in the clashes.", "en")).secondary
    assert choose_cue(find_cues("Трое погибли в ходе боёв.", "ru")).secondary


def test_pointing_back_is_secondary():
    assert choose_cue(find_cues("Bentrokan itu melukai dua warga.", "id")).secondary
    assert choose_cue(find_cues("These clashes left two dead.", "en")).secondary
    assert choose_cue(find_cues("Эти столкновения унесли жизни двоих.", "ru")).secondary


def test_casualties_pick_the_violent_cue():
    sentence = "Two were killed in the shooting, as villages spent a night without electricity."
    assert kind(sentence, "en", casualties=True) == ("Battles", "Armed clash")


def test_denied_planned_and_imagined_events_are_not_cues():
    assert kind("Tidak ada laporan penangkapan.", "id") is None
    assert kind("The town fell without fighting.", "en")[1] == "Non-violent transfer of territory"
    assert kind("Moskow berencana menggelar latihan militer.", "id") is None
    assert kind("Suasananya seolah-olah kerusuhan terjadi di sini.", "id") is None
    assert kind("Aliansi akan mengirim pasukan ke negara itu.", "id") == (S, "Troop deployment")


def test_who_acts_refines_the_type():
    assert kind("Clashes between protesters and police lasted hours.", "en") == (
        "Riots",
        "Violent demonstration",
    )
    assert kind("Десантники взяли под контроль аэропорт.", "ru") == (S, "Troop deployment")
    assert kind("Талибы захватили город.", "ru") == (S, "Non-violent transfer of territory")
    assert kind("Протестующие захватили здание.", "ru") == ("Riots", "Violent demonstration")


def test_cue_offsets_point_into_the_sentence():
    sentence = "Pada malam hari, baku tembak kembali pecah."
    (cue,) = find_cues(sentence, "id")
    assert sentence[cue.start : cue.end] == cue.text == "baku tembak"


@pytest.mark.parametrize(
    ("language", "sentence", "actors"),
    [
        (
            "id",
            "Penjaga perbatasan Kirgistan dan pasukan Tajikistan saling tembak.",
            ("Penjaga perbatasan Kirgistan", "pasukan Tajikistan"),
        ),
        ("id", "Pasukan CSTO tiba, dan CSTO menyatakan misi dimulai.", ("Pasukan CSTO", "CSTO")),
        ("id", "Pejuang Taliban memasuki kota.", ("Pejuang Taliban",)),
        (
            "en",
            "Tajik border guards fired at the Kyrgyz border service post.",
            ("Tajik border guards", "Kyrgyz border service"),
        ),
        (
            "en",
            "Kyrgyzstan's border service said the Taliban had moved.",
            ("Kyrgyzstan's border service", "Taliban"),
        ),
        (
            "ru",
            "Таджикские военные обстреляли позиции пограничников Кыргызстана.",
            ("Таджикские военные", "пограничников Кыргызстана"),
        ),
        ("ru", "ОДКБ направила миротворцев.", ("ОДКБ", "миротворцев")),
    ],
)
def test_actors_as_written_in_order_without_repeats(language, sentence, actors):
    assert find_actors(sentence, language) == actors
