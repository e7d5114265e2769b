"""User gazetteer files load whole or not at all, with errors naming file and line."""

from __future__ import annotations

import pytest

from gazetteer.errors import GazetteerError, GazetteerFileError
from gazetteer.userlayer import load_layer

HEADER = "name,alternate_names,lat,lon,kind,country,admin1,source\n"


def write(tmp_path, text: str, name: str = "places.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_csv_layer_loads_names_and_alternates(tmp_path, gazetteer):
    path = write(
        tmp_path,
        HEADER + "Jangy-Bak,Zhany-Bak;Жаңы-Бак,39.95,70.50,populated_place,KG,Batken,field notes\n",
    )
    layer = load_layer(path)
    merged = gazetteer.with_layers(layer)
    for name in ("Zhany-Bak", "Jany-Bak", "Жаңы-Бак"):
        place = merged.lookup(name)[0].place
        assert (place.source, place.country) == ("places.csv", "KG")
    assert place.raw["source"] == "field notes"


def test_csv_with_bom_and_minimal_columns(tmp_path):
    path = write(tmp_path, "\ufeffname,lat,lon\nDacha,39.9,70.5\n")
    assert len(load_layer(path).places) == 1


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("Ok,,39.9,70.5,,KG,,\nBad,,abc,70.5,,KG,,\n", 3, "decimal degrees"),
        ("Ok,,39.9,70.5,,KG,,\nBad,,95,70.5,,KG,,\n", 3, "out of range"),
        ("Bad,,39.9,70.5,village,KG,,\n", 2, "unknown kind"),
        ("Bad,,39.9,70.5,,Kyrgyzstan,,\n", 2, "ISO alpha-2"),
        (",,39.9,70.5,,KG,,\n", 2, "empty name"),
        ("Bad,39.9\n", 2, "number of fields"),
    ],
)
def test_malformed_rows_name_file_and_line(tmp_path, body, line, fragment):
    path = write(tmp_path, HEADER + body)
    with pytest.raises(GazetteerFileError) as caught:
        load_layer(path)
    error = caught.value
    assert (error.path, error.line) == (str(path), line)
    assert fragment in str(error) and f"{path}:{line}:" in str(error)
    assert isinstance(error, GazetteerError) and isinstance(error, ValueError)


def test_missing_columns(tmp_path):
    with pytest.raises(GazetteerFileError, match="missing column"):
        load_layer(write(tmp_path, "title,x,y\nA,1,2\n"))


@pytest.mark.parametrize(
    ("content", "fragment"), [(b"", "empty"), (b"\xff\xfe\x00\x01garbage", "UTF-8")]
)
def test_empty_and_binary_files(tmp_path, content, fragment):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(GazetteerFileError, match=fragment):
        load_layer(path)


def test_geonames_dump(tmp_path, gazetteer):
    row = "\t".join(
        [
            "99000001",
            "Jangy-Bak",
            "Jangy-Bak",
            "Zhany-Bak,Жаңы-Бак",
            "39.95",
            "70.5",
            "P",
            "PPL",
            "KG",
            "",
            "09",
            "",
            "",
            "",
            "850",
            "",
            "1400",
            "Asia/Bishkek",
            "2024-01-01",
        ]
    )
    layer = load_layer(write(tmp_path, row + "\n", name="KG.txt"))
    place = gazetteer.with_layers(layer).lookup("Zhany-Bak")[0].place
    assert (place.id, place.kind, place.population) == ("geonames:99000001", "populated_place", 850)


def test_broken_geonames_row_names_its_line(tmp_path):
    good = "\t".join(
        ["1", "A", "A", "", "1", "1", "P", "PPL", "KG", *[""] * 5, "0", "", "", "", ""]
    )
    path = write(tmp_path, good + "\n" + good + "\n" + "2\tB\n", name="KG.txt")
    with pytest.raises(GazetteerFileError, match=r"KG.txt:3:"):
        load_layer(path)
