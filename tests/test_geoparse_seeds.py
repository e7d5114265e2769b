"""Per seed article: the places it must find, where they resolve, and what it must not report."""

from __future__ import annotations

import itertools

import pytest
from source_articles import seed_text

from gazetteer import haversine_km
from mapper.pipeline import extract_document


def places(prefix: str):
    extraction = extract_document(seed_text(prefix), doc_id=prefix)
    article = [m for m in extraction.mentions if m.is_article_place]
    return extraction, article


def resolved(mentions, text: str):
    found = [m for m in mentions if m.text == text]
    assert found, f"{text!r} not found"
    assert all(m.place is not None for m in found)
    return found[0]


def near(mention, lat: float, lon: float, km: float = 5.0) -> bool:
    return haversine_km(mention.place.lat, mention.place.lon, lat, lon) <= km


def test_seed_000_border_clash_places():
    _, article = places("000")
    assert resolved(article, "Kirgistan").place.id == "geonames:1527747"
    assert resolved(article, "Tajikistan").place.country == "TJ"
    assert resolved(article, "Kazakstan").place.country == "KZ"
    assert resolved(article, "Uzbekistan").place.country == "UZ"
    batken = resolved(article, "Batken")
    assert batken.place.country == "KG" and batken.place.admin1 == "Batken"
    sogdiy = resolved(article, "Sogdiy")
    assert (sogdiy.place.kind, sogdiy.place.name) == ("admin1", "Sughd")
    ak_sai = resolved(article, "Ak-Sai")
    assert near(ak_sai, 39.87, 70.52, km=3) and ak_sai.precision == 1
    kok_tash = resolved(article, "Kok-Tash")
    assert kok_tash.place.id == "curated:kok-tash-batken-district"


@pytest.mark.parametrize("village", ["Orto-Boz", "Zhany-Bak", "Tash-Tumshuk", "Kok-Terek"])
def test_seed_000_unsourced_villages_stand_at_batken_district(village):
    _, article = places("000")
    mention = resolved(article, village)
    assert mention.place.id == "curated:batken-district"
    assert mention.precision >= 2
    assert mention.text == village


def test_seed_000_nato_rusia_is_not_a_place():
    extraction, _ = places("000")
    assert not [m for m in extraction.mentions if m.text == "Rusia"]


def test_seed_003_afghanistan_russia_tajikistan():
    extraction, article = places("003")
    herat = resolved(article, "Herat")
    assert herat.place.country == "AF"
    assert resolved(article, "Moskow").place.name == "Moscow"
    assert resolved(article, "Dushanbe").place.country == "TJ"
    kabul = [m for m in extraction.mentions if m.text == "Kabul"]
    assert kabul and kabul[0].place.country == "AF"
    assert all(m.furniture == "teaser" for m in kabul), "Kabul is named only in a teaser"
    assert "Kabul" not in {m.text for m in article}
    assert not [m for m in extraction.mentions if m.text in ("Taliban", "STR")]


def test_seed_004_almaty_and_the_cosmodrome():
    _, article = places("004")
    almaty = resolved(article, "Almaty")
    assert almaty.place.kind == "populated_place" and near(almaty, 43.25, 76.91, km=15)
    cosmodrome = resolved(article, "Kosmodrom Baikonur")
    assert cosmodrome.place.id == "curated:baikonur-cosmodrome"


def test_seed_002_almaty_and_countries():
    _, article = places("002")
    assert resolved(article, "Almaty").place.country == "KZ"
    assert {"Kazakhstan", "Rusia"} <= {m.text for m in article}


def test_seed_001_capitals_and_no_person_names():
    _, article = places("001")
    assert resolved(article, "Bishkek").place.country == "KG"
    assert resolved(article, "Nur-Sultan").place.name == "Astana"
    assert not [m for m in article if m.text in ("Kassym", "Orang", "Asia")]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_offsets_and_determinism(prefix):
    text = seed_text(prefix)
    first = extract_document(text, doc_id=prefix)
    for mention in first.mentions:
        assert text[mention.start : mention.end] == mention.text
    starts = [(m.start, m.end) for m in first.mentions]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(starts)), "no overlaps"
    again = extract_document(text, doc_id=prefix)
    assert again.to_dict() == first.to_dict()
