"""Incident records in (CSV, GeoJSON, GeoPackage, ACLED) and incidents files out."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main
from mapper.errors import InputError, OutputError, UsageError
from mapper.model import EVENT_TYPES, Reject
from mapper.records.columns import (
    detect_columns,
    event_type,
    normalize_header,
    parse_date,
    synonyms,
)
from mapper.records.formats import (
    OUTPUT_COLUMNS,
    decode,
    incidents_to_geodataframe,
    write_incidents,
    write_rejects,
)
from mapper.records.rows import read_records
from mapper.tools.records import convert

FIXTURES = Path(__file__).parent / "fixtures" / "records"
SAMPLE = resources.files("mapper") / "samples" / "records.csv"
ALL_FIXTURES = sorted(
    p.name for p in FIXTURES.iterdir() if p.suffix in {".csv", ".geojson"} and p.stem != "misnamed"
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "records.csv"
    path.write_bytes(SAMPLE.read_bytes())
    return path


def by_id(result):
    return {incident.id: incident for incident in result.incidents}


def reasons(result) -> dict[int, str]:
    return {reject.row: reject.reason for reject in result.rejects}


# -- whole files -----------------------------------------------------------------------------


def test_mixed_file_maps_every_row_with_no_options():
    result = read_records(FIXTURES / "mixed.csv")
    assert result.rejects == []
    found = by_id(result)
    assert list(found) == ["b-1", "b-2", "b-3", "b-4", "b-5"]
    assert {i.place.country for i in result.incidents} == {"KG", "TJ"}
    assert found["b-2"].place.name == "Kök-Tash" and found["b-2"].geo_precision == 1
    assert found["b-5"].place.name == "Ak-Say" and found["b-5"].place.country == "KG"
    dostuk = found["b-3"]
    assert (dostuk.place.name, dostuk.geo_precision) == ("Batken District", 2)
    assert dostuk.location_text == "dostuk"
    b1 = found["b-1"]
    assert (
        b1.evidence.text
        == "Border units exchanged fire near the canal.\nПерестрелка пограничников у канала."
    )
    assert (b1.evidence.start, b1.evidence.end) == (0, len(b1.evidence.text))
    assert b1.source.url == "https://example.org/a/1"
    assert [s.url for s, _ in b1.also_reported_by] == [
        "https://example.net/b/1",
        "https://example.com/ru/1",
    ]
    assert (b1.fatalities, b1.injuries, b1.date) == (1, 3, "2022-09-14")
    assert found["b-4"].place.lat == pytest.approx(40.1265)  # "40,1265": decimal comma


def test_sample_file_maps_every_row(sample: Path):
    result = read_records(sample)
    assert result.rejects == []
    assert 8 <= len(result.incidents) <= 12
    found = by_id(result)
    assert found["kgtj-003"].place.name == "Ak-Say"
    assert found["kgtj-006"].geo_precision == 2
    assert {i.place.country for i in result.incidents} >= {"KG", "TJ", "KZ"}
    assert all(i.source.url and i.source.url.startswith("https://example.") for i in found.values())


def test_place_only_file_geocodes_with_file_context():
    result = read_records(FIXTURES / "places_only.csv")
    places = {i.id: i for i in result.incidents}
    assert places["places_only#1"].place.id == "geonames:10370337"  # Ak-Say, not Aksay (RU)
    assert places["places_only#2"].place.name == "Kök-Tash"
    for row in (3, 4):  # dostuk, orto-boz: known without coordinates
        incident = places[f"places_only#{row}"]
        assert incident.place.name == "Batken District" and incident.geo_precision == 2
        assert "without coordinates" in incident.remarks[0]
    assert places["places_only#5"].place.kind == "populated_place"  # batken: the town
    assert places["places_only#6"].place.kind == "admin1"  # Batken Region
    assert places["places_only#6"].geo_precision == 3
    assert places["places_only#7"].place.name == "Ak-Say"  # "ak-sai, batken"
    assert reasons(result) == {
        8: "place 'qwxzqwxz' not found in the gazetteer; give the row coordinates, or add "
        "the place with --gazetteer"
    }


def test_country_option_restricts_lookups(tmp_path: Path):
    path = tmp_path / "one.csv"
    path.write_text("place,date\nak-sai,2022-09-14\n", encoding="utf-8")
    assert read_records(path).incidents[0].place.country != "KG"  # no context: ambiguous
    assert read_records(path, country="KG").incidents[0].place.name == "Ak-Say"
    with pytest.raises(UsageError, match="ISO 3166-1"):
        read_records(path, country="Kyrgyzstan")


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_every_row_is_accounted_for(name: str):
    path = FIXTURES / name
    result = read_records(path)
    if path.suffix == ".csv":
        text = decode(path.read_bytes())
        expected = sum(1 for line in io.StringIO(text, newline="") if line.strip()) - 1
    else:
        expected = len(json.loads(path.read_text(encoding="utf-8"))["features"])
    assert result.rows == len(result.incidents) + len(result.rejects) == expected
    numbers = [reject.row for reject in result.rejects]
    assert len(set(numbers)) == len(numbers) and all(1 <= n <= expected for n in numbers)


# -- CSV dialects and encodings --------------------------------------------------------------


def test_bom_semicolon_and_decimal_commas():
    result = read_records(FIXTURES / "bom_semicolon.csv")
    assert result.rejects == []
    almaty = by_id(result)["s-1"]
    assert (almaty.place.lat, almaty.place.lon) == pytest.approx((43.2525, 76.9115))
    assert by_id(result)["s-2"].place.name == "Aktobe"


def test_bad_quoting_loses_no_line():
    result = read_records(FIXTURES / "bad_quoting.csv")
    assert set(by_id(result)) == {"q-1", "q-2", "q-3", "q-5"}
    (reject,) = result.rejects
    assert (reject.row, reject.line) == (4, 5)
    assert "has 8 fields where the header has 7" in reject.reason
    assert by_id(result)["q-5"].evidence.text == 'quoted "inner" quotes'


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_any_delimiter_is_sniffed(tmp_path: Path, delimiter: str):
    rows = [["id", "place", "lat", "lon"], ["d-1", "almaty", "43.25", "76.91"]]
    path = tmp_path / "d.csv"
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding="utf-8")
    assert [i.id for i in read_records(path).incidents] == ["d-1"]


def test_excel_sep_line(tmp_path: Path):
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\nid;lat;lon\nx-1;43,25;76,91\n", encoding="utf-8")
    result = read_records(path)
    assert result.incidents[0].place.lat == pytest.approx(43.25)


def test_cp1251_file_reads_as_cyrillic():
    result = read_records(FIXTURES / "cp1251.csv")
    assert result.rejects == []
    found = by_id(result)
    assert found["c-1"].evidence.text == "Перестрелка на границе у села"
    assert found["c-1"].event_type == "Battles"  # "столкновение"
    assert found["c-2"].sub_event_type == "Shelling/artillery/missile attack"  # "обстрел"
    assert found["c-2"].date == "2022-09-16"


def test_latin1_file_reads_as_latin1():
    result = read_records(FIXTURES / "latin1.csv")
    found = by_id(result)
    assert found["l-1"].evidence.text.startswith("Manifestants rassemblés près de la mairie à")
    assert found["l-1"].event_type == "Strategic developments"
    assert "émeute" in found["l-1"].remarks[0]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Ак-Сай, столкновение".encode(), "Ак-Сай, столкновение"),
        (b"\xef\xbb\xbfid,place", "id,place"),
        ("id,описание".encode("utf-16"), "id,описание"),
        ("Обстрел села Достук".encode("cp1251"), "Обстрел села Достук"),
        ("Café près de Zürich, São Paulo".encode("latin-1"), "Café près de Zürich, São Paulo"),
        ("Affrontements à la frontière".encode("latin-1"), "Affrontements à la frontière"),
    ],
)
def test_decode(data: bytes, text: str):
    assert decode(data) == text


def test_binary_file_is_an_input_error(tmp_path: Path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(InputError, match="binary"):
        read_records(path)


# -- columns ---------------------------------------------------------------------------------


def test_synonyms_are_unambiguous():
    keys = [normalize_header(name) for names in synonyms().values() for name in names]
    assert len(keys) == len(set(keys))


def test_columns_found_in_several_languages():
    columns = detect_columns(
        ["No", "Дата", "Населенный пункт", "широта", "долгота", "Тип", "Погибшие", "Раненые",
         "Описание (рус)", "description_en", "Ссылка", "link 2", "sumber"]
    )  # fmt: skip
    assert (columns.date, columns.place, columns.lat, columns.lon) == (
        "Дата",
        "Населенный пункт",
        "широта",
        "долгота",
    )
    assert (columns.type, columns.fatalities, columns.injuries) == ("Тип", "Погибшие", "Раненые")
    assert columns.description == ("Описание (рус)", "description_en")
    assert columns.url == ("Ссылка", "link 2", "sumber")
    indonesian = detect_columns(["tanggal", "lokasi", "lintang", "bujur", "jenis", "tewas", "luka"])
    assert (indonesian.lat, indonesian.lon, indonesian.place) == ("lintang", "bujur", "lokasi")


def test_column_names_with_units_and_ids():
    columns = detect_columns(["location_id", "Latitude (WGS84)", "Longitude, deg", "url3"])
    assert (columns.lat, columns.lon, columns.place) == ("Latitude (WGS84)", "Longitude, deg", None)
    assert columns.url == ("url3",)


def test_missing_location_columns_name_the_columns():
    with pytest.raises(InputError) as caught:
        read_records(FIXTURES / "misnamed.csv")
    message = str(caught.value)
    assert "misnamed.csv" in message and "'lattitude'" in message and "--lat-col" in message


def test_overrides_fix_misnamed_columns():
    result = read_records(
        FIXTURES / "misnamed.csv",
        lat_col="Lattitude",
        lon_col="longitud",
        place_col="settlement_name",
        date_col="when",
        type_col="what",
    )
    assert result.rejects == []
    first = result.incidents[0]
    assert (first.date, first.event_type, first.place.name) == ("2022-09-14", "Battles", "Ak-Say")


def test_override_naming_no_column_is_a_usage_error():
    with pytest.raises(UsageError) as caught:
        read_records(FIXTURES / "mixed.csv", lat_col="breite")
    message = str(caught.value)
    assert "--lat-col 'breite' names no column" in message and "'Lokasi'" in message


def test_latitude_without_longitude_is_an_input_error(tmp_path: Path):
    path = tmp_path / "half.csv"
    path.write_text("id,lat,place\n1,40,batken\n", encoding="utf-8")
    with pytest.raises(InputError, match="no longitude column"):
        read_records(path)


# -- cells -----------------------------------------------------------------------------------


def test_bad_coordinates_dates_and_duplicates():
    result = read_records(FIXTURES / "bad_rows.csv")
    assert reasons(result) == {
        1: "latitude 'abc' is not a number (write decimal degrees: 39.87)",
        3: "longitude 200 is outside -180..180",
        4: "date '31/02/2022' is impossible: February 2022 has 28 days",
        6: "duplicate id 'r-5' (first used on row 5); give each record its own id",
        8: "latitude 95.1 is outside -90..90",
        9: "the longitude is empty; give both coordinates or neither",
        10: "date '2022-13-01' is impossible: there is no month 13",
        11: "has no coordinates and no place name; fill in one of them",
    }
    assert all(r.line == r.row + 1 for r in result.rejects)
    assert result.rejects[0].raw == {
        "id": "r-1",
        "date": "2022-09-14",
        "place": "",
        "lat": "abc",
        "lon": "70.5",
        "type": "clash",
    }
    found = by_id(result)
    swapped = found["r-2"]  # both in range, but Ak-Say matches only when swapped
    assert (swapped.place.lat, swapped.place.lon) == (39.8744, 70.5221)
    assert "swapped" in swapped.remarks[0]
    far = found["r-6"]  # "almaty" at Ak-Say's coordinates
    assert (far.place.lat, far.place.lon) == (39.8744, 70.5221)
    assert "651 km from 'almaty'" in far.remarks[0] and "kept the coordinates" in far.remarks[0]
    out_of_range = found["r-11"]  # latitude 106.8 is a longitude
    assert (out_of_range.place.lat, out_of_range.place.lon) == (-6.2088, 106.8456)
    assert out_of_range.place.country == "ID"
    assert "swapped" in out_of_range.remarks[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-09-16", ("2022-09-16", "day", None)),
        ("2022-09-16 00:00:00", ("2022-09-16", "day", None)),
        ("2022-09", ("2022-09", "month", None)),
        ("2022", ("2022", "year", None)),
        ("16/09/2022", ("2022-09-16", "day", None)),
        ("16.09.2022", ("2022-09-16", "day", None)),
        ("05/01/2022", ("2022-01-05", "day", None)),
        ("27 January 2022", ("2022-01-27", "day", None)),
        ("27-Jan-2022", ("2022-01-27", "day", None)),
        ("January 27, 2022", ("2022-01-27", "day", None)),
        ("16 сентября 2022", ("2022-09-16", "day", None)),
        ("16 Agustus 2022", ("2022-08-16", "day", None)),
        ("September 2022", ("2022-09", "month", None)),
        ("", (None, None, None)),
    ],
)
def test_parse_date(text: str, expected: tuple):
    assert parse_date(text) == expected


def test_month_first_date_only_when_day_first_is_impossible():
    iso, precision, remark = parse_date("09/16/2022")
    assert (iso, precision) == ("2022-09-16", "day") and "month/day/year" in remark


@pytest.mark.parametrize("text", ["31/02/2022", "29.02.2023", "2022-02-30", "31 April 2022"])
def test_impossible_dates_raise(text: str):
    with pytest.raises(ValueError, match="impossible"):
        parse_date(text)


def test_unreadable_date_raises():
    with pytest.raises(ValueError, match="not a date mapper reads"):
        parse_date("last Tuesday")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Battles", ("Battles", "")),
        ("riots", ("Riots", "")),
        ("Armed clash", ("Battles", "Armed clash")),
        ("clash", ("Battles", "Armed clash")),
        ("clashes at the border", ("Battles", "Armed clash")),
        ("shelling", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("drone strike", ("Explosions/Remote violence", "Air/drone strike")),
        ("protest", ("Protests", "Peaceful protest")),
        ("riot", ("Riots", "Violent demonstration")),
        ("обстрел", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("митинг", ("Protests", "Peaceful protest")),
        ("bentrok", ("Battles", "Armed clash")),
        ("kerusuhan", ("Riots", "Violent demonstration")),
        ("ceasefire", ("Strategic developments", "Agreement")),
    ],
)
def test_event_type_mapping(cell: str, expected: tuple[str, str]):
    kind, sub, remark = event_type(cell)
    assert (kind, sub, remark) == (*expected, None)


@pytest.mark.parametrize("cell", ["", "something else", "democracy"])
def test_unknown_event_types_are_strategic_developments_with_a_remark(cell: str):
    kind, sub, remark = event_type(cell)
    assert (kind, sub) == ("Strategic developments", "Other")
    assert remark and "Strategic developments" in remark


def test_event_type_keeps_an_acled_sub_event_column():
    assert event_type("", "Peaceful protest") == ("Protests", "Peaceful protest", None)
    assert event_type("Battles", "Armed clash") == ("Battles", "Armed clash", None)
    assert all(kind in EVENT_TYPES for kind, _, _ in map(event_type, ["x", "clash", "riot"]))


def test_bad_counts_are_left_empty_with_a_remark(tmp_path: Path):
    path = tmp_path / "counts.csv"
    path.write_text(
        "id,lat,lon,killed,injured\nk-1,40,70,at least 3,2-3\nk-2,40,70,n/a,-1\n",
        encoding="utf-8",
    )
    found = by_id(read_records(path))
    assert (found["k-1"].fatalities, found["k-1"].injuries) == (3, None)
    assert "not a whole number" in found["k-1"].remarks[-1]
    assert (found["k-2"].fatalities, found["k-2"].injuries) == (None, None)
    assert "negative" in found["k-2"].remarks[-1]


# -- GeoJSON, GeoPackage, ACLED --------------------------------------------------------------


def test_geojson_null_and_invalid_geometries():
    result = read_records(FIXTURES / "points.geojson")
    found = by_id(result)
    assert found["g-1"].place.name == "Ak-Say" and found["g-1"].fatalities == 1
    assert found["g-2"].place.name == "Kök-Tash"  # null geometry: placed by name
    assert "has no geometry" in found["g-2"].remarks[0]
    assert found["g-4"].place.name == "Batken District"  # invalid coordinates, then by name
    assert "invalid coordinates" in found["g-4"].remarks[0]
    assert found["g-6"].place.name == "Isfara"  # a polygon: placed by name
    assert (found["g-7"].place.lat, found["g-7"].place.lon) == (39.8744, 70.5221)
    assert reasons(result) == {
        3: "has no geometry (null), and the row names no place to look up instead",
        5: "geometry: latitude 95 is outside -90..90, and the row names no place to look up "
        "instead",
        8: "geometry is a Polygon, not a Point, and the row names no place to look up instead",
    }
    assert json.loads(result.rejects[0].raw["geometry"]) is None


def test_not_a_feature_collection(tmp_path: Path):
    path = tmp_path / "x.geojson"
    path.write_text('{"type": "Point", "coordinates": [1, 2]}', encoding="utf-8")
    with pytest.raises(InputError, match="FeatureCollection"):
        read_records(path)


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".csv"])
def test_round_trip(tmp_path: Path, sample: Path, suffix: str):
    original = read_records(sample).incidents
    path = write_incidents(original, tmp_path / f"incidents{suffix}")
    again = read_records(path)
    assert again.rejects == []
    assert [i.id for i in again.incidents] == [i.id for i in original]
    for before, after in zip(original, again.incidents, strict=True):
        assert (after.date, after.date_precision) == (before.date, before.date_precision)
        assert (after.event_type, after.sub_event_type) == (
            before.event_type,
            before.sub_event_type,
        )
        assert (after.place.lat, after.place.lon) == pytest.approx(
            (before.place.lat, before.place.lon)
        )
        assert after.place.country == before.place.country
        assert after.geo_precision == before.geo_precision
        assert (after.fatalities, after.injuries) == (before.fatalities, before.injuries)
        assert after.evidence.text == before.evidence.text
        assert after.source.url == before.source.url
        assert len(after.also_reported_by) == len(before.also_reported_by)


def test_acled_export():
    result = read_records(FIXTURES / "acled.csv")
    assert result.rejects == []
    found = by_id(result)
    first = found["KGZ1001"]
    assert (first.date, first.date_precision) == ("2022-01-27", "day")
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")
    assert first.actors == (
        "Military Forces of Kyrgyzstan (2021-)",
        "Military Forces of Tajikistan (1994-)",
    )
    assert (first.place.country, first.place.admin1, first.place.name) == (
        "KG",
        "Batken",
        "Kök-Tash",
    )
    assert first.fatalities == 2 and first.evidence.text.startswith("On 27 January 2022")
    assert first.claims[0].claimant == "24.kg; AKIpress"
    assert found["KGZ1003"].date_precision == "week"  # time_precision 2
    assert found["KAZ2001"].place.country == "KZ"


def test_geodataframe_layer(sample: Path):
    frame = incidents_to_geodataframe(read_records(sample).incidents)
    assert frame.crs.to_epsg() == 4326
    assert list(frame.columns) == [*OUTPUT_COLUMNS, "geometry"]
    assert frame.geometry.geom_type.unique().tolist() == ["Point"]
    assert frame["latitude"].tolist() == pytest.approx(frame.geometry.y.tolist())
    assert set(frame["time_precision"]) == {1}


# -- writing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_output_is_byte_identical_on_two_runs(tmp_path: Path, sample: Path, suffix: str):
    first = convert([sample], tmp_path / f"a{suffix}")
    second = convert([sample], tmp_path / f"b{suffix}")
    assert first.mapped == second.mapped == 11
    assert (tmp_path / f"a{suffix}").read_bytes() == (tmp_path / f"b{suffix}").read_bytes()


def test_csv_output_has_acled_columns(tmp_path: Path, sample: Path):
    convert([sample], tmp_path / "out.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(OUTPUT_COLUMNS)
    assert rows[0]["event_id_cnty"] == "kgtj-001"
    assert (rows[0]["year"], rows[0]["time_precision"], rows[0]["geo_precision"]) == (
        "2022",
        "1",
        "1",
    )
    assert rows[2]["fatalities"] == ""  # unknown stays empty, not 0
    assert rows[0]["source_url"].split("; ") == [
        "https://example.org/news/2022-01-27-kok-tash",
        "https://example.net/ru/kok-tash-27-01",
    ]


def test_failed_csv_write_keeps_the_previous_file(tmp_path: Path, sample: Path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("previous\n", encoding="utf-8")
    incidents = read_records(sample).incidents

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="No space left"):
        write_incidents(incidents, target)
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg"])
def test_failed_layer_write_keeps_the_previous_file(
    tmp_path: Path, sample: Path, monkeypatch, suffix: str
):
    import pyogrio

    target = tmp_path / f"out{suffix}"
    target.write_bytes(b"previous")
    incidents = read_records(sample).incidents
    real = pyogrio.write_dataframe

    def half_then_fail(frame, path, **kwargs):
        real(frame.head(2), path, **kwargs)
        raise RuntimeError("disk went away")

    monkeypatch.setattr(pyogrio, "write_dataframe", half_then_fail)
    with pytest.raises(OutputError, match="disk went away"):
        write_incidents(incidents, target)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_write_rejects(tmp_path: Path):
    reject = Reject(
        "in.csv", 3, "latitude 'abc' is not a number", {"id": "x", "место": "Ак-Сай"}, 4
    )
    path = write_rejects([reject], tmp_path / "rejects.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0] == ["file", "row", "line", "reason", "raw"]
    assert rows[1][:4] == ["in.csv", "3", "4", "latitude 'abc' is not a number"]
    assert json.loads(rows[1][4]) == {"id": "x", "место": "Ак-Сай"}


def test_unknown_output_format(tmp_path: Path, sample: Path):
    with pytest.raises(UsageError, match=r"\.geojson, \.gpkg or \.csv"):
        convert([sample], tmp_path / "out.kml")


def test_duplicate_ids_across_files_are_rejected(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        shutil.copy(FIXTURES / "acled.csv", folder / "acled.csv")
    summary = convert([first / "acled.csv", second / "acled.csv"], tmp_path / "out.csv")
    assert (summary.rows, summary.mapped, summary.rejected) == (10, 5, 5)
    rejects = list(csv.DictReader(io.StringIO(summary.rejects_path.read_text(encoding="utf-8"))))
    assert "already used in" in rejects[0]["reason"] and rejects[0]["row"] == "1"


# -- the command line ------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_cli_maps_and_counts(tmp_path: Path):
    output = tmp_path / "out.geojson"
    result = run(
        "incidents", str(FIXTURES / "mixed.csv"), str(FIXTURES / "bad_rows.csv"), "-o", str(output)
    )
    assert result.exit_code == 0, result.output
    rejects = tmp_path / "out.rejects.csv"
    assert result.stderr.startswith(f"wrote {output} (")
    assert result.stderr.strip().endswith(
        f": 9 incidents; read 2 record files (17 rows: 9 mapped, 8 rejected, see {rejects})"
    )
    assert len(json.loads(output.read_text(encoding="utf-8"))["features"]) == 9
    assert len(list(csv.DictReader(io.StringIO(rejects.read_text(encoding="utf-8"))))) == 8


def test_cli_without_rejects_writes_no_rejects_file(tmp_path: Path):
    result = run("incidents", str(FIXTURES / "acled.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0
    assert result.stderr.strip().endswith(": 5 incidents; read 1 record file (5 rows: 5 mapped)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_cli_explicit_rejects_and_overrides(tmp_path: Path):
    result = run(
        "incidents", str(FIXTURES / "misnamed.csv"), "-o", str(tmp_path / "out.gpkg"),
        "--rejects", str(tmp_path / "why.csv"), "--lat-col", "lattitude",
        "--lon-col", "longitud", "--date-col", "when", "--type-col", "what",
        "--place-col", "settlement_name",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().endswith(": 2 incidents; read 1 record file (2 rows: 2 mapped)")
    assert (tmp_path / "why.csv").read_text(encoding="utf-8") == "file,row,line,reason,raw\n"


def test_cli_exits_1_when_no_row_maps(tmp_path: Path):
    path = tmp_path / "none.csv"
    path.write_text("place,date\nqwxzqwxz,2022-01-01\n", encoding="utf-8")
    output = tmp_path / "out.geojson"
    result = run("incidents", str(path), "-o", str(output))
    assert result.exit_code == 1
    assert "wrote nothing: 0 incidents; read 1 record file (1 row: 0 mapped, 1 rejected" in (
        result.stderr
    )
    assert "no row could be mapped" in result.stderr
    assert not output.exists() and (tmp_path / "out.rejects.csv").exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["incidents", "article.txt", "-o", "out.geojson"], 1, "the articles hold no incident"),
        (["incidents", ".", "-o", "out.geojson"], 1, "the articles hold no incident"),
        (["incidents", "sheet.xlsx", "-o", "out.geojson"], 2, "save the sheet as CSV"),
        (["incidents", "missing.csv", "-o", "out.geojson"], 1, "no such file"),
        (["incidents", "MIXED", "-o", "out.geojson", "--lat-col", "nope"], 2, "names no column"),
        (["incidents", "MISNAMED", "-o", "out.geojson"], 1, "--lat-col"),
        (["incidents", "MIXED"], 2, "Missing option"),
    ],
)
def test_cli_usage_and_input_errors(tmp_path: Path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK")
    names = {"MIXED": FIXTURES / "mixed.csv", "MISNAMED": FIXTURES / "misnamed.csv"}
    result = run(*[str(names.get(a, a)) for a in args])
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_geopackage_in_another_crs_is_read_in_wgs84(tmp_path: Path):
    import geopandas
    import pyogrio
    from shapely.geometry import Point

    frame = geopandas.GeoDataFrame(
        {"id": ["p-1"], "event_date": ["2022-01-05"], "event_type": ["Riots"]},
        geometry=[Point(76.9115, 43.2525)],
        crs="EPSG:4326",
    ).to_crs(3857)
    path = tmp_path / "projected.gpkg"
    pyogrio.write_dataframe(frame, path, layer="events")
    (incident,) = read_records(path).incidents
    assert (incident.place.lat, incident.place.lon) == pytest.approx((43.2525, 76.9115))
    assert incident.place.country == "KZ"


def test_an_incident_without_a_place_has_an_empty_geometry(tmp_path: Path, sample: Path):
    from dataclasses import replace

    incidents = read_records(sample).incidents[:2]
    incidents[1] = replace(incidents[1], place=None)
    frame = incidents_to_geodataframe(incidents)
    assert frame.geometry.isna().tolist() == [False, True]
    path = write_incidents(incidents, tmp_path / "out.geojson")
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert features[1]["geometry"] is None


def test_atomic_writes_get_ordinary_permissions(tmp_path):
    import os

    from mapper.outputs import write_atomic

    path = write_atomic(tmp_path / "out.txt", "x")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_articles_and_records_merge_into_one_file(tmp_path: Path):
    article = tmp_path / "clash.txt"
    article.write_text(
        "BISHKEK, 27/01/2022 – Bentrokan bersenjata pecah di dekat desa Ak-Sai, distrik Batken, "
        "Kirgistan, pada Kamis (27/1/2022). Sebelas tentara dan dua warga sipil terluka.\n",
        encoding="utf-8",
    )
    records = tmp_path / "records.csv"
    records.write_text(
        "id,place,country,date,type,sub_event_type,notes\n"
        "r1,ak-sai,KG,2022-01-27,Battles,Armed clash,Clash near Ak-Sai\n"
        "r2,almaty,KZ,2022-01-05,Riots,Mob violence,Riots in Almaty\n",
        encoding="utf-8",
    )
    output = tmp_path / "all.geojson"
    result = run("incidents", str(records), str(article), "-o", str(output))
    assert result.exit_code == 0, result.output
    assert "read 1 record file (2 rows: 2 mapped) and 1 article" in result.stderr
    import json

    features = json.loads(output.read_text(encoding="utf-8"))["features"]
    clashes = [f for f in features if f["properties"]["sub_event_type"] == "Armed clash"]
    assert len(clashes) == 1, "the article's clash and the record's clash are one incident"
    assert clashes[0]["properties"]["event_id_cnty"] == "r1", "the record keeps its id"
    assert len(features) == 2
