"""Incidents: what the seeds and short articles yield, and how reports are merged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from source_articles import seed_text

from gazetteer import Place, haversine_km
from mapper.errors import UsageError
from mapper.incidents.extract import extract_incidents, merge_incidents
from mapper.model import EVENT_TYPES, CasualtyClaim, Document, Evidence, Incident, Mention, Source
from mapper.read.documents import document_from_text

DEVSET = Path(__file__).parent / "devset"
VILLAGES = ("Orto-Boz", "Zhany-Bak", "Tash-Tumshuk", "Kok-Terek")


# -- helpers -------------------------------------------------------------------------------


def mentions_in(text: str, table: list[tuple[str, str, Place, int]]) -> list[Mention]:
    """Mentions for every whole-word ``context`` in ``text``: its ``surface`` part → place.

    ``table`` rows are (context, surface, place, precision); the first row matching a
    stretch of text wins, so list longer contexts first.
    """
    found: list[Mention] = []
    for context, surface, place, precision in table:
        for match in re.finditer(rf"(?<!\w){re.escape(context)}(?!\w)", text):
            start = match.start() + context.index(surface)
            found.append(Mention(start, start + len(surface), surface, place, precision))
    chosen: list[Mention] = []
    for mention in sorted(found, key=lambda m: m.start):
        if not chosen or mention.start >= chosen[-1].end:
            chosen.append(mention)
    return chosen


def extract(text: str, table, *, language: str, published: str | None = None, doc_id="doc"):
    document = document_from_text(text, doc_id=doc_id, language=language)
    return extract_incidents(document, mentions_in(text, table), published=published)


def assert_well_formed(document: Document, incidents: list[Incident]) -> None:
    assert [i.id for i in incidents] == [f"{document.id}#{n}" for n in range(1, len(incidents) + 1)]
    for incident in incidents:
        assert incident.event_type in EVENT_TYPES
        evidence = incident.evidence
        assert document.text[evidence.start : evidence.end] == evidence.text
        assert not document.in_furniture(evidence.start, evidence.end)
        assert incident.source == Source(document.id, document.url)
        assert len(set(incident.actors)) == len(incident.actors)


def kinds(incidents: list[Incident]) -> list[tuple[str, str]]:
    return [(i.event_type, i.sub_event_type) for i in incidents]


@pytest.fixture(scope="module")
def places(gazetteer) -> dict[str, Place]:
    countries = {
        name: gazetteer.best(name, kinds=["country"])
        for name in (
            "Kyrgyzstan",
            "Tajikistan",
            "Kazakhstan",
            "Uzbekistan",
            "Russia",
            "Afghanistan",
            "Armenia",
            "Georgia",
            "China",
            "Ukraine",
        )
    }
    return {
        **countries,
        "Batken": gazetteer.best("Batken"),
        "Batken Region": gazetteer.best("wilayah Batken"),
        "Batken District": gazetteer.lookup("Batken District")[0].place,
        "Ak-Sai": gazetteer.best("Ak-Sai", near="Batken"),
        "Kok-Tash": gazetteer.best("Kok-Tash", near="Batken"),
        "Sughd": gazetteer.best("Sogdiy"),
        "Isfara": gazetteer.best("Isfara"),
        "Osh": gazetteer.best("Osh"),
        "Bishkek": gazetteer.best("Bishkek"),
        "Almaty": gazetteer.best("Almaty"),
        "Baikonur Cosmodrome": gazetteer.best("Kosmodrom Baikonur"),
        "Moscow": gazetteer.best("Moscow"),
        "Dushanbe": gazetteer.best("Dushanbe"),
        "Herat": gazetteer.best("Herat"),
        "Central Asia": gazetteer.best("Asia Tengah"),
        **{village: gazetteer.unlocated(village)[0].container for village in VILLAGES},
    }


def seed_incidents(prefix: str, table) -> tuple[Document, list[Incident]]:
    text = seed_text(prefix)
    document = document_from_text(text, doc_id=prefix)
    incidents = extract_incidents(document, mentions_in(text, table))
    assert_well_formed(document, incidents)
    return document, incidents


# -- seeds ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_000(places):
    p = places
    return seed_incidents(
        "000",
        [
            ("Asia Tengah", "Asia Tengah", p["Central Asia"], 1),
            ("Tajikistan", "Tajikistan", p["Tajikistan"], 1),
            ("Kirgistan", "Kirgistan", p["Kyrgyzstan"], 1),
            ("Kazakstan", "Kazakstan", p["Kazakhstan"], 1),
            ("Kazakhstan", "Kazakhstan", p["Kazakhstan"], 1),
            ("Uzbekistan", "Uzbekistan", p["Uzbekistan"], 1),
            ("distrik Batken", "Batken", p["Batken District"], 1),
            ("wilayah Batken", "Batken", p["Batken Region"], 1),
            ("di Batken", "Batken", p["Batken Region"], 1),
            ("Sogdiy", "Sogdiy", p["Sughd"], 1),
            ("Ak-Sai", "Ak-Sai", p["Ak-Sai"], 1),
            ("Kok-Tash", "Kok-Tash", p["Kok-Tash"], 1),
            *[(village, village, p[village], 2) for village in VILLAGES],
        ],
    )


def test_seed_000_armed_clash_at_batken_with_thirteen_injured(seed_000, places):
    _document, incidents = seed_000
    (clash,) = [
        i for i in incidents if (i.event_type, i.sub_event_type) == ("Battles", "Armed clash")
    ]
    assert (clash.date, clash.date_precision) == ("2022-01-27", "day")
    assert "Batken" in clash.place.name
    assert clash.injuries == 13 and clash.fatalities is None
    assert any(claim.claimant and "Tajik" in claim.claimant for claim in clash.claims)


def test_seed_000_evacuation_of_batken_district_villages(seed_000, places):
    _document, incidents = seed_000
    (evacuation,) = [i for i in incidents if i.sub_event_type == "Evacuation"]
    assert evacuation.event_type == "Strategic developments"
    assert evacuation.place == places["Batken District"]
    assert evacuation.date == "2022-01-27"


def test_seed_000_power_outages_in_each_listed_village_and_across_countries(seed_000, places):
    """ACLED codes an event at each place a sentence lists: the two villages the gazetteer
    knows get one each; the four it lacks share one at their district, flagged by its
    precision; the blackout that spread to three countries is one per country."""
    _document, incidents = seed_000
    outages = [i for i in incidents if i.sub_event_type == "Power outage"]
    local = {i.place.id: i for i in outages if i.place.kind != "country"}
    assert {places["Ak-Sai"].id, places["Kok-Tash"].id} <= set(local)
    district = local[places["Batken District"].id]
    assert district.geo_precision == 2
    assert district.location_text in VILLAGES
    wide = [i for i in outages if i.place.kind == "country"]
    assert {i.place.country for i in wide} >= {"KZ", "UZ"}
    assert all("Uzbekistan" in i.evidence.text and i.geo_precision == 3 for i in wide)


@pytest.fixture(scope="module")
def seed_004(places):
    p = places
    return seed_incidents(
        "004",
        [
            ("ALMATY", "ALMATY", p["Almaty"], 1),
            ("Almaty", "Almaty", p["Almaty"], 1),
            ("Kazakhstan", "Kazakhstan", p["Kazakhstan"], 1),
            ("Rusia", "Rusia", p["Russia"], 1),
            ("China", "China", p["China"], 1),
            ("Kosmodrom Baikonur", "Baikonur", p["Baikonur Cosmodrome"], 1),
            ("Moskow", "Moskow", p["Moscow"], 1),
            ("Ukraina", "Ukraina", p["Ukraine"], 1),
        ],
    )


def test_seed_004_almaty_unrest_with_164_killed_per_state_tv(seed_004):
    _document, incidents = seed_004
    (unrest,) = [i for i in incidents if i.fatalities == 164]
    assert unrest.event_type in ("Riots", "Protests")
    assert unrest.location_text.lower() == "almaty"
    assert any(claim.claimant == "Khabar 24" for claim in unrest.claims)


def test_seed_004_thousands_detained(seed_004):
    _document, incidents = seed_004
    (arrests,) = [i for i in incidents if i.sub_event_type == "Arrests"]
    assert arrests.event_type == "Strategic developments"
    assert arrests.fatalities is None
    assert arrests.date == "2022-01-09"


def test_seed_004_csto_deployment_guarding_facilities(seed_004):
    _document, incidents = seed_004
    deployments = [i for i in incidents if i.sub_event_type == "Troop deployment"]
    guarding = [i for i in deployments if "CSTO" in i.actors]
    assert guarding
    assert all(i.date in ("2022-01-08", "2022-01-09", "2022-01-10") for i in guarding)


@pytest.fixture(scope="module")
def seed_002(places):
    p = places
    return seed_incidents(
        "002",
        [
            ("Rusia", "Rusia", p["Russia"], 1),
            ("Kazakhstan", "Kazakhstan", p["Kazakhstan"], 1),
            ("Georgia", "Georgia", p["Georgia"], 1),
            ("Armenia", "Armenia", p["Armenia"], 1),
            ("Almaty", "Almaty", p["Almaty"], 1),
            ("Asia Tengah", "Asia Tengah", p["Central Asia"], 1),
        ],
    )


def test_seed_002_csto_decision(seed_002):
    _document, incidents = seed_002
    decisions = [
        i
        for i in incidents
        if i.sub_event_type in ("Agreement", "Troop deployment") and "CSTO" in i.actors
    ]
    assert decisions
    assert all(i.event_type == "Strategic developments" for i in decisions)
    assert "2022-01-06" in {i.date for i in decisions}


def test_seed_002_seizure_of_aircraft_at_almaty_airport(seed_002):
    _document, incidents = seed_002

    def told(incident: Incident) -> list[str]:
        return [incident.evidence.text] + [e.text for _s, e in incident.also_reported_by]

    (seizure,) = [i for i in incidents if any("pesawat" in text for text in told(i))]
    # demonstrators storming buildings and seizing aircraft: ACLED's violent demonstration
    assert (seizure.event_type, seizure.sub_event_type) == ("Riots", "Violent demonstration")
    assert seizure.location_text == "Almaty"


def test_seed_003_taliban_deployment_to_the_tajik_border(places):
    p = places
    _document, incidents = seed_incidents(
        "003",
        [
            ("Rusia", "Rusia", p["Russia"], 1),
            ("Afghanistan", "Afghanistan", p["Afghanistan"], 1),
            ("Tajikistan", "Tajikistan", p["Tajikistan"], 1),
            ("Herat", "Herat", p["Herat"], 1),
            ("Moskow", "Moskow", p["Moscow"], 1),
            ("Dushanbe", "Dushanbe", p["Dushanbe"], 1),
            ("Uzbekistan", "Uzbekistan", p["Uzbekistan"], 1),
            ("Kirgistan", "Kirgistan", p["Kyrgyzstan"], 1),
            ("Armenia", "Armenia", p["Armenia"], 1),
        ],
    )
    deployments = [i for i in incidents if i.sub_event_type == "Troop deployment"]
    assert any(re.search(r"perbatasan\s+Tajikistan", i.evidence.text) for i in deployments)
    assert all(i.event_type == "Strategic developments" for i in deployments)


def test_seed_teasers_yield_no_incidents(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        document = document_from_text(path.read_text("utf-8"), doc_id=path.stem)
        assert_well_formed(document, extract_incidents(document, []))


# -- short articles ------------------------------------------------------------------------


def test_a_teaser_is_read_as_furniture_not_news(places):
    text = (
        "Festival Musim Semi Dibuka\n\n"
        "Warga Osh merayakan festival musim semi pada Senin (21/3/2022).\n\n"
        "Baca Juga: Bentrokan di Osh, Lima Orang Tewas dan Puluhan Ditahan\n"
    )
    table = [("Osh", "Osh", places["Osh"], 1)]
    assert extract(text, table, language="id") == []


def test_the_headline_yields_nothing_the_body_does(places):
    text = "Bentrokan di Osh, Lima Tewas\n\nWarga Osh merayakan festival pada Senin.\n"
    assert extract(text, [("Osh", "Osh", places["Osh"], 1)], language="id") == []


def test_a_casualty_sentence_adds_to_the_clash_before_it(places):
    text = (
        "Pertemuan Gagal\n\n"
        "Baku tembak pecah di dekat desa Ak-Sai pada Senin (10/10/2022).\n\n"
        "Pejabat Kirgistan menyebut tiga prajurit dan satu warga terluka.\n"
    )
    table = [
        ("Ak-Sai", "Ak-Sai", places["Ak-Sai"], 1),
        ("Kirgistan", "Kirgistan", places["Kyrgyzstan"], 1),
    ]
    (clash,) = extract(text, table, language="id")
    assert (clash.event_type, clash.date, clash.location_text) == (
        "Battles",
        "2022-10-10",
        "Ak-Sai",
    )
    assert clash.injuries == 4
    assert clash.claims == (CasualtyClaim("Kyrgyz officials", None, 4),)
    assert len(clash.also_reported_by) == 1


def test_a_lede_waits_for_the_event_it_introduces(places):
    text = (
        "Border flare-up\n\n"
        "At least 12 people were killed in fighting on the border, officials said.\n\n"
        "On Monday, troops exchanged fire near the village of Kok-Tash.\n"
    )
    table = [("Kok-Tash", "Kok-Tash", places["Kok-Tash"], 1)]
    (clash,) = extract(text, table, language="en", published="2022-10-11")
    assert (clash.sub_event_type, clash.location_text, clash.date) == (
        "Armed clash",
        "Kok-Tash",
        "2022-10-10",
    )
    assert clash.fatalities == 12


def test_claims_are_kept_per_claimant_and_the_lowest_figures_win(places):
    text = (
        "Two accounts\n\n"
        "Kyrgyz officials said five soldiers were killed in clashes near Kok-Tash on Monday.\n\n"
        "Tajik officials said three people were killed and ten injured in the clashes.\n"
    )
    table = [("Kok-Tash", "Kok-Tash", places["Kok-Tash"], 1)]
    (clash,) = extract(text, table, language="en", published="2022-10-11")
    assert clash.claims == (
        CasualtyClaim("Kyrgyz officials", 5, None),
        CasualtyClaim("Tajik officials", 3, 10),
    )
    assert (clash.fatalities, clash.injuries) == (3, 10)


def test_countries_that_fight_are_not_the_place(places):
    text = (
        "Tensions\n\n"
        "Clashes between Kyrgyzstan and Tajikistan resumed on Monday.\n\n"
        "Residents of Batken said the night was loud.\n"
    )
    table = [
        ("Kyrgyzstan", "Kyrgyzstan", places["Kyrgyzstan"], 1),
        ("Tajikistan", "Tajikistan", places["Tajikistan"], 1),
        ("Batken", "Batken", places["Batken"], 1),
    ]
    (clash,) = extract(text, table, language="en", published="2022-10-11")
    assert clash.place == places["Batken"]


def test_a_country_named_as_the_location_is_the_place(places):
    text = (
        "Outage\n\nA blackout spread to Uzbekistan and Kazakhstan on Monday.\n\nBatken is calm.\n"
    )
    table = [
        ("Uzbekistan", "Uzbekistan", places["Uzbekistan"], 1),
        ("Kazakhstan", "Kazakhstan", places["Kazakhstan"], 1),
        ("Batken", "Batken", places["Batken"], 1),
    ]
    outages = extract(text, table, language="en", published="2022-10-11")
    placed = sorted((i.location_text, i.geo_precision) for i in outages)
    assert placed == [("Kazakhstan", 3), ("Uzbekistan", 3)]


def test_an_evacuation_is_placed_where_people_left(places):
    table = [
        ("Ak-Sai", "Ak-Sai", places["Ak-Sai"], 1),
        ("kota Batken", "Batken", places["Batken"], 1),
        ("Kok-Tash", "Kok-Tash", places["Kok-Tash"], 1),
        ("Osh", "Osh", places["Osh"], 1),
    ]
    text = "Pengungsian\n\nWarga desa Ak-Sai dievakuasi ke kota Batken pada Senin (10/10/2022).\n"
    (indonesian,) = extract(text, table, language="id")
    assert indonesian.location_text == "Ak-Sai"
    text = "Evacuation\n\nOn Monday, families were evacuated to Osh from Kok-Tash.\n"
    (english,) = extract(text, table, language="en", published="2022-10-11")
    assert english.location_text == "Kok-Tash"


def test_dateline_speakers_and_agents_are_not_places(places):
    table = [
        ("BISHKEK", "BISHKEK", places["Bishkek"], 1),
        ("Moscow", "Moscow", places["Moscow"], 1),
        ("Isfara", "Isfara", places["Isfara"], 1),
    ]
    text = "Shelling\n\nBISHKEK, Oct 10 (Wire) - Moscow said shelling hit Isfara on Monday.\n"
    (shelling,) = extract(text, table, language="en", published="2022-10-11")
    assert shelling.location_text == "Isfara"


def test_a_list_of_villages_gives_one_incident_per_village_and_one_for_the_unknown(places):
    """ACLED codes an event at each listed place; the villages the gazetteer lacks share one
    at their district, with precision 2."""
    text = "Outage\n\nVillages Ak-Sai, Kok-Tash, Orto-Boz and Zhany-Bak were left without power.\n"
    table = [
        ("Ak-Sai", "Ak-Sai", places["Ak-Sai"], 1),
        ("Kok-Tash", "Kok-Tash", places["Kok-Tash"], 1),
        *[(village, village, places[village], 2) for village in VILLAGES],
    ]
    outages = extract(text, table, language="en", published="2022-10-11")
    assert {i.sub_event_type for i in outages} == {"Power outage"}
    by_place = {i.place.id: i for i in outages}
    assert len(by_place) == len(outages) == 3
    assert by_place[places["Ak-Sai"].id].geo_precision == 1
    assert by_place[places["Kok-Tash"].id].geo_precision == 1
    district = by_place[places["Batken District"].id]
    assert (district.location_text, district.geo_precision) == ("Orto-Boz", 2)


def test_deaths_with_no_other_cue_are_an_attack(places):
    text = (
        "Penembakan\n\nDua warga tewas ditembak orang tak dikenal di Osh pada Senin (3/10/2022).\n"
    )
    (attack,) = extract(text, [("Osh", "Osh", places["Osh"], 1)], language="id")
    assert (attack.event_type, attack.sub_event_type) == ("Violence against civilians", "Attack")
    assert (attack.fatalities, attack.date, attack.location_text) == (2, "2022-10-03", "Osh")


def test_a_nationwide_tally_is_placed_at_the_country(places):
    text = (
        "Tally\n\nKazakhstan observed a day of mourning.\n\n"
        "Police detained 3,000 people nationwide on Monday, officials in Almaty said.\n"
    )
    table = [
        ("Kazakhstan", "Kazakhstan", places["Kazakhstan"], 1),
        ("Almaty", "Almaty", places["Almaty"], 1),
    ]
    (arrests,) = extract(text, table, language="en", published="2022-10-11")
    assert arrests.place == places["Kazakhstan"] and arrests.geo_precision == 3


def test_history_yields_nothing(places):
    text = "Sejarah\n\nBentrokan antar-etnis di Osh pada 2010 menewaskan ratusan orang.\n"
    table = [("Osh", "Osh", places["Osh"], 1)]
    assert extract(text, table, language="id", published="2022-10-11") == []


def test_dates_from_the_sentence_the_paragraph_or_the_publication_date(places):
    text = (
        "Kronik\n\n"
        "Pada Senin (3/10/2022) pagi suasana tenang. Sore harinya bentrokan pecah di Osh.\n\n"
        "Polisi menangkap 20 orang di Osh.\n\n"
        "Pada hari yang sama, protes digelar di Bishkek.\n"
    )
    table = [("Osh", "Osh", places["Osh"], 1), ("Bishkek", "Bishkek", places["Bishkek"], 1)]
    incidents = extract(text, table, language="id", published="2022-10-05")
    dated = {i.sub_event_type: (i.date, i.date_precision) for i in incidents}
    assert dated == {
        "Armed clash": ("2022-10-03", "day"),
        "Arrests": ("2022-10-05", "day"),
        "Peaceful protest": ("2022-10-03", "day"),
    }


def test_published_argument_overrides_and_must_be_a_date(places):
    text = "Hari Ini\n\nBentrokan pecah di Osh kemarin.\n"
    table = [("Osh", "Osh", places["Osh"], 1)]
    (clash,) = extract(text, table, language="id", published="2022-10-05")
    assert clash.date == "2022-10-04"
    with pytest.raises(UsageError):
        extract(text, table, language="id", published="5 Oktober")


def test_output_is_deterministic(places):
    text = seed_text("000")
    document = document_from_text(text, doc_id="000")
    first = [i.to_dict() for i in extract_incidents(document, [])]
    again = [i.to_dict() for i in extract_incidents(document, [])]
    assert json.dumps(first, sort_keys=False) == json.dumps(again, sort_keys=False)


# -- merging -------------------------------------------------------------------------------


def point(name: str, lat: float, lon: float = 70.0, kind: str = "populated_place") -> Place:
    return Place(
        id=f"test:{name}",
        name=name,
        kind=kind,
        country="KG",
        admin1=None,
        lat=lat,
        lon=lon,
        source="test",
    )


HERE = point("Here", 40.0)
NEAR = point("Near", 40.08)  # about 9 km north
FAR = point("Far", 40.15)  # about 17 km north


def report(
    document: str,
    *,
    date="2022-01-27",
    kind=("Battles", "Armed clash"),
    place=HERE,
    fatalities=None,
    injuries=None,
    claimant=None,
    precision=1,
) -> Incident:
    claims = (CasualtyClaim(claimant, fatalities, injuries),) if fatalities or injuries else ()
    return Incident(
        id=f"{document}#1",
        date=date,
        date_precision="day",
        event_type=kind[0],
        sub_event_type=kind[1],
        place=place,
        location_text=place.name if place else None,
        geo_precision=precision,
        fatalities=fatalities,
        injuries=injuries,
        actors=(document,),
        evidence=Evidence(0, 5, f"{document} text"),
        source=Source(document),
        claims=claims,
    )


def test_distances_used_by_the_merge_tests():
    assert haversine_km(*HERE.point, *NEAR.point) < 10 < haversine_km(*HERE.point, *FAR.point)


def test_one_event_in_two_documents_is_one_incident():
    first, second = (
        report("a", fatalities=3, claimant="A"),
        report("b", date="2022-01-28", place=NEAR, fatalities=2),
    )
    (merged,) = merge_incidents([first, second])
    assert merged.id == "a#1"
    assert merged.also_reported_by == ((Source("b"), second.evidence),)
    assert merged.fatalities == 2
    assert merged.actors == ("a", "b")
    assert merged.date == "2022-01-27"
    assert [c.claimant for c in merged.claims] == ["A", None]


@pytest.mark.parametrize(
    "other",
    [
        report("b", date="2022-01-29"),
        report("b", place=FAR),
        report("b", kind=("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        report("b", date=None),
        report("b", place=None),
    ],
)
def test_different_events_stay_apart(other):
    assert len(merge_incidents([report("a"), other])) == 2


def test_strategic_developments_merge_only_with_the_same_sub_event_type():
    evacuation = report("a", kind=("Strategic developments", "Evacuation"))
    outage = report("b", kind=("Strategic developments", "Power outage"))
    assert len(merge_incidents([evacuation, outage])) == 2
    again = report("c", kind=("Strategic developments", "Evacuation"))
    assert len(merge_incidents([evacuation, outage, again])) == 2


def test_the_merged_incident_takes_the_most_specific_place():
    country = point("Kyrgyzstan", 40.0, kind="country")
    broad = report("a", place=country, precision=3)
    (merged,) = merge_incidents([broad, report("b", place=HERE)])
    assert merged.place == HERE and merged.geo_precision == 1


def test_merging_is_deterministic_and_keeps_the_order_of_first_reports():
    reports = [
        report("a"),
        report("x", place=FAR),
        report("b", place=NEAR),
        report("y", place=FAR, date="2022-01-28"),
    ]
    merged = merge_incidents(reports)
    assert [i.id for i in merged] == ["a#1", "x#1"]
    assert merged == merge_incidents(reports)
    chain = [report("a"), report("b", date="2022-01-28"), report("c", date="2022-01-29")]
    assert [i.id for i in merge_incidents(chain)] == ["a#1", "c#1"]


# -- the development set -------------------------------------------------------------------


def _gold_mentions(gold: dict, gazetteer) -> list[Mention]:
    mentions = []
    for m in gold["mentions"]:
        lat, lon = m["lat"], m["lon"]
        if lat is None:
            found = gazetteer.best(m["name"], kinds=[m["kind"]]) or gazetteer.best(m["name"])
            lat, lon = (found.lat, found.lon) if found else (0.0, 0.0)
        place = Place(
            id=f"gold:{m['kind']}:{m['name']}",
            name=m["name"],
            kind=m["kind"],
            country=m["country"],
            admin1=None,
            lat=lat,
            lon=lon,
            source="gold",
        )
        mentions.append(Mention(m["start"], m["end"], m["text"], place, m["precision"] or 1))
    return mentions


def test_devset_incidents_are_found(gazetteer):
    """A floor under the self-written set's figures, scored as ``mapper eval`` scores (same
    date within a day, place within 100 km), with the gold mentions given: a regression
    floor, not a measure (the real-text figures are in ``bench/``)."""
    from mapper.evaluate import score_incidents

    totals = None
    for path in sorted(DEVSET.glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text("utf-8")
        meta = gold["document"]
        document = document_from_text(text, doc_id=meta["id"], language=meta["language"])
        incidents = extract_incidents(
            document, _gold_mentions(gold, gazetteer), published=meta["published"]
        )
        assert_well_formed(document, incidents)
        scores = score_incidents(incidents, gold["incidents"])
        if totals is None:
            totals = scores
        else:
            totals.add(scores)
    assert totals is not None
    figures = totals.figures()
    assert figures["incident_recall"] >= RECALL_FLOOR
    assert figures["incident_precision"] >= PRECISION_FLOOR
    assert figures["event_type_accuracy"] >= 0.9


#: The figures of the last change that moved them, less a little room.
RECALL_FLOOR, PRECISION_FLOOR = 0.85, 0.6


def test_join_keeps_records_apart_and_attaches_reports():
    from dataclasses import replace

    from gazetteer import Gazetteer
    from mapper.incidents.extract import join_incidents
    from mapper.model import Evidence, Incident, Source

    place = Gazetteer.bundled().best("Ak-Sai", country="KG")

    def incident(ident: str, document: str) -> Incident:
        return Incident(
            id=ident,
            date="2022-01-27",
            date_precision="day",
            event_type="Battles",
            sub_event_type="Armed clash",
            place=place,
            location_text="Ak-Sai",
            geo_precision=1,
            fatalities=None,
            injuries=None,
            actors=(),
            evidence=Evidence(0, 5, "clash"),
            source=Source(document),
        )

    records = [incident("r1", "records.csv"), incident("r2", "records.csv")]
    reports = [incident("a#1", "a"), replace(incident("b#1", "b"), injuries=13)]
    joined = join_incidents(records, reports)
    assert [i.id for i in joined] == ["r1", "r2"], "records are never merged together"
    assert {s.document for s, _ in joined[0].also_reported_by} == {"a", "b"}
    assert joined[0].injuries == 13 and joined[1].also_reported_by == ()


def test_a_subheading_is_not_read_for_incidents(places):
    """A short line with no closing punctuation that more text follows restates the body."""
    text = (
        "Border news\n\n"
        "Two soldiers killed in Isfara clash\n\n"
        "Kyrgyz and Tajik border guards exchanged fire near Ak-Sai on Monday, officials said.\n"
    )
    table = [
        ("Isfara", "Isfara", places["Isfara"], 1),
        ("Ak-Sai", "Ak-Sai", places["Ak-Sai"], 1),
    ]
    (clash,) = extract(text, table, language="en", published="2022-10-11")
    assert clash.location_text == "Ak-Sai"


@pytest.mark.parametrize(
    ("language", "opening"),
    [
        ("id", "Osh (Kabar.example) -- "),
        ("id", "KABAR.CO.ID, OSH -- "),
        ("id", "KABAR.CO, Osh - "),
        ("en", "Oct 10 (Steppe Wire) - "),
        ("en", "Kabar.example - "),
    ],
)
def test_a_dateline_place_is_not_the_event_place(places, language, opening):
    sentence = {
        "id": "Penjaga perbatasan Kirgistan dan Tajikistan baku tembak di Isfara pada Senin.",
        "en": "Kyrgyz and Tajik border guards exchanged fire in Isfara on Monday.",
    }[language]
    text = f"Bentrok\n\n{opening}{sentence}\n"
    table = [
        ("Osh", "Osh", places["Osh"], 1),
        ("OSH", "OSH", places["Osh"], 1),
        ("Isfara", "Isfara", places["Isfara"], 1),
    ]
    (clash,) = extract(text, table, language=language, published="2022-10-11")
    assert clash.location_text == "Isfara"
    assert not any("Kabar" in actor or "Steppe" in actor for actor in clash.actors)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "A curfew was imposed in Osh on Monday and will last until 25 October."),
        ("id", "Jam malam diberlakukan di Osh pada Senin (10/10/2022) hingga 25 Oktober."),
        ("ru", "В понедельник, 10 октября, в Оше ввели комендантский час до 25 октября."),
    ],
)
def test_a_deadline_is_not_the_day_of_the_event(places, language, sentence):
    name = "Оше" if language == "ru" else "Osh"
    text = f"Curfew\n\n{sentence}\n"
    (curfew,) = extract(
        text, [(name, name, places["Osh"], 1)], language=language, published="2022-10-11"
    )
    assert curfew.date == "2022-10-10"


def test_a_region_wider_than_a_country_is_not_the_event_place(places, gazetteer):
    central_asia = gazetteer.best("Central Asia")
    assert central_asia is not None and central_asia.kind == "region"
    text = (
        "Border\n\nFighting broke out near Ak-Sai on Monday.\n\n"
        "Fresh clashes on the border in Central Asia left two soldiers injured on Monday.\n"
    )
    table = [
        ("Ak-Sai", "Ak-Sai", places["Ak-Sai"], 1),
        ("Central Asia", "Central Asia", central_asia, 1),
    ]
    incidents = extract(text, table, language="en", published="2022-10-11")
    assert incidents and all(i.place.kind != "region" for i in incidents)
