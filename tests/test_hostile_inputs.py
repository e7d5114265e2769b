"""Malformed and hostile inputs, end to end through the command line.

Each case writes its inputs into a fresh folder, runs one command and expects an exit
code and a fragment of the message: the input is processed (0), or the command stops
with a clear error naming the file, row or line and the reason (1; 2 for a misused
command line), never with a traceback. For record files the rows are accounted for:
rows in = rows mapped + rows in the rejects file, as the summary line says.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main

ARTICLE = (
    "BISHKEK, 27/01/2022 – Bentrokan bersenjata pecah di dekat desa Ak-Sai, distrik Batken, "
    "Kirgistan. Sebelas tentara terluka.\n"
)
ENGLISH = "Fighting broke out near Ak-Sai in Batken, Kyrgyzstan, on 27 January 2022.\n"
HEADER = "id,lat,lon,place,date,type,fatalities,notes\n"
GOOD_ROW = "ok-1,39.874,70.522,ak-sai,2022-01-27,Battles,1,fine\n"
SUMMARY = re.compile(r"\((\d+) rows?: (\d+) mapped(?:, (\d+) rejected)?")
BIG_LINE_BYTES = 50 * 1024 * 1024
#: A letter without a name in Python's Unicode database (a Tangut ideograph).
TANGUT = "\U00017000"

Content = bytes | Callable[[], bytes]


@dataclass(frozen=True)
class Case:
    """One hostile input: the files, the command, and what must come of it.

    ``command`` names inputs by their file names (it runs in the case's folder); ``rows``:
    the data rows of a record file, checked against the summary, the output and the
    rejects file; ``reasons``: fragments of the rejects file; ``written``: fragments of
    the output file; ``absent``: text that must appear nowhere in the output;
    ``seconds``: the time the command must finish in; ``check``: more to check, given the
    output and the case's folder.
    """

    name: str
    files: dict[str, Content]
    command: str
    code: int
    message: str
    rows: int | None = None
    reasons: tuple[str, ...] = ()
    written: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    stdin: bytes | None = None
    #: A bound far above the normal run time (on a loaded 2-core machine): it catches work
    #: that grows with the square of the input, which takes many minutes, not slow machines.
    seconds: float | None = None
    check: Callable[[str, Path], None] | None = None
    marks: tuple[pytest.MarkDecorator, ...] = field(default=())


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


def records(*rows: str) -> bytes:
    return utf8(HEADER + GOOD_ROW + "".join(rows))


def geojson(*features: object) -> bytes:
    good = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [70.522, 39.874]},
        "properties": {"id": "ok-1", "event_date": "2022-01-27", "event_type": "Battles"},
    }
    return utf8(json.dumps({"type": "FeatureCollection", "features": [good, *features]}))


def feature(number: int, geometry: object) -> dict[str, object]:
    properties = {"id": f"g-{number}", "event_date": "2022-01-27"}
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def noise(size: int, seed: int = 7) -> bytes:
    """Deterministic bytes that hold NULs, as a binary file does."""
    state, out = seed, bytearray()
    while len(out) < size:
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        out += state.to_bytes(8, "little")
    return bytes(out[:size]) + b"\x00"


def html_page(body: str) -> bytes:
    return utf8(f"<!doctype html><html><head><title>Page</title></head><body>{body}</body></html>")


def scripted_page() -> bytes:
    return html_page(
        "<style>p { color: red } /* Bishkek */</style>"
        "<script>var city = 'Osh'; document.write('<p>Almaty</p>');</script>"
        f"<p>{ENGLISH}</p><noscript>Khujand</noscript><template>Tashkent</template>"
        '<script type=\'application/ld+json\'>{"@context": "Dushanbe"}</script>'
    )


def deep_page(depth: int = 100_000, closed: bool = True) -> Callable[[], bytes]:
    def build() -> bytes:
        body = "<div>" * depth + f"<p>{ENGLISH}</p>" + ("</div>" * depth if closed else "")
        return html_page(body)

    return build


def long_line() -> bytes:
    """50 MB on one line: an article, a run of 50 MB with no space and no line break
    (an attachment pasted into a page), and the article again."""
    head = ARTICLE.strip().encode("utf-8")
    run = b"A" * (BIG_LINE_BYTES - 2 * len(head) - 2)
    return head + b" " + run + b" " + head


def check_long_line(output: str, folder: Path) -> None:
    text = (folder / "big.txt").read_text(encoding="utf-8")
    record = json.loads(output)
    starts = [m["start"] for m in record["mentions"]]
    assert min(starts) < 100 and max(starts) > BIG_LINE_BYTES - 200, "both articles are read"
    for mention in record["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    assert record["incidents"], "the article's clash is found"


def news_line() -> bytes:
    """1 MB of news on one line: sentences with places, dates and casualties (a splitter
    that rescans the line at each full stop takes minutes on it)."""
    sentences, size = [], 0
    while size < 1024 * 1024:
        n = len(sentences)
        sentence = (
            f"{ENGLISH.strip()} Police said {n % 97} people were hurt in Osh on "
            f"{n % 28 + 1} March 2021. "
        )
        sentences.append(sentence)
        size += len(sentence)
    return utf8("".join(sentences))


def nested_json() -> bytes:
    return b'{"type": "FeatureCollection", "features": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}"


def gazetteer_file(body: str) -> dict[str, Content]:
    return {"places.csv": utf8(body)}


GEONAMES_ROW = "\t".join(["1", "Ak-Say", "Ak-Say", "", "39.87", "70.52", "P", "PPL"] + [""] * 11)

INCIDENTS = "incidents r.csv -o o.geojson"
GEOCODE = "geocode A --gazetteer places.csv"

CASES = [
    # -- articles ----------------------------------------------------------------------
    Case("empty article", {"a.txt": b""}, "extract a.txt", 1, "a.txt: is empty"),
    Case("blank article", {"a.txt": b" \n\t\n"}, "extract a.txt", 1, "a.txt: is empty"),
    Case("binary article", {"a.txt": noise(4096)}, "extract a.txt", 1, "a.txt: looks like a"),
    Case("binary named .html", {"a.html": b"\x89PNG\r\n\x1a\n\x00"}, "extract a.html", 1, "binary"),
    Case("utf-16 article", {"a.txt": ENGLISH.encode("utf-16")}, "extract a.txt", 1, "is UTF-16"),
    Case("latin-1 article", {"a.txt": "Café near Batken.\n".encode("latin-1")}, "extract a.txt",
         1, "a.txt:1: is not UTF-8 text (byte 0xe9"),
    Case("cp1251 article", {"a.txt": b"Intro.\n" + "Обстрел у села.\n".encode("cp1251")},
         "extract a.txt", 1, "a.txt:2: is not UTF-8"),
    Case("letters without a Unicode name", {"a.txt": utf8(f"Near Batken, {TANGUT}Б said.\n")},
         "extract a.txt --quiet", 0, '"text": "Batken"'),
    Case("the same, in Russian", {"a.txt": utf8(f"Бой у Кок-Таша. Погибли {TANGUT} двое.\n")},
         "extract a.txt --quiet", 0, '"fatalities": 2'),
    Case("binary on stdin", {}, "extract -", 1, "-: looks like a binary", stdin=noise(512)),
    Case("empty stdin", {}, "extract -", 1, "-: is empty", stdin=b""),
    Case("missing article", {}, "extract nope.txt", 1, "nope.txt: no such file"),
    Case("folder without articles", {"d/x.csv": b"a"}, "extract d", 1, "holds no .txt"),
    Case("html without text", {"a.html": html_page("<script>x()</script>")}, "extract a.html",
         1, "a.html: has no readable text"),
    Case("html with scripts and styles", {"a.html": scripted_page()}, "extract a.html --quiet",
         0, '"text": "Batken"', absent=("Bishkek", "Osh", "Almaty", "Khujand", "Tashkent",
                                         "Dushanbe")),
    Case("html nested 100,000 deep", {"a.html": deep_page()}, "extract a.html --quiet",
         0, '"text": "Batken"'),
    Case("html never closed", {"a.html": deep_page(closed=False)}, "extract a.html --quiet",
         0, '"text": "Batken"'),
    Case("50 MB on one line", {"big.txt": long_line}, "extract big.txt --quiet", 0,
         '"text": "Ak-Sai"', seconds=30, check=check_long_line, marks=(pytest.mark.slow,)),
    Case("1 MB of news on one line", {"news.txt": news_line}, "extract news.txt --quiet", 0,
         '"text": "Osh"', seconds=120, marks=(pytest.mark.slow,)),
    Case("no article given", {}, "extract", 2, "Missing argument"),
    Case("bad --published", {"a.txt": utf8(ENGLISH)}, "extract a.txt --published 27/01/22",
         2, "YYYY-MM-DD"),
    # -- record files ------------------------------------------------------------------
    Case("empty csv", {"r.csv": b""}, INCIDENTS, 1, "r.csv: is empty"),
    Case("binary csv", {"r.csv": noise(2048)}, INCIDENTS, 1, "r.csv: looks like a binary file"),
    Case("header only", {"r.csv": utf8(HEADER)}, INCIDENTS, 1, "no data rows", rows=0),
    Case("csv with a byte order mark",
         {"r.csv": b"\xef\xbb\xbf" + records("bom-2,40.06,70.82,batken,2022-01-28,Riots,,\n")},
         INCIDENTS, 0, "2 mapped", rows=2, written=('"ok-1"', '"bom-2"')),
    Case("semicolons and decimal commas",
         {"r.csv": utf8("id;lat;lon\r\ns-1;39,874;70,522\r\ns-2;40,06;70,82\r\n")},
         INCIDENTS, 0, "2 mapped", rows=2, written=('"s-1"', '"s-2"')),
    Case("bad quoting",
         {"r.csv": records('q-2,40.06,70.82,batken,2022-01-28,Riots,,"unclosed\n',
                           'q-3,40.06,70.82,batken,2022-01-28,Riots,,"a, b",extra field\n',
                           'q-4,40.06,70.82,batken,2022-01-28,Riots,,"open to the end\n')},
         INCIDENTS, 0, "4 rows", rows=4, reasons=("has 9 fields where the header has 8",)),
    Case("line breaks inside quotes",
         {"r.csv": records('ml-2,40.06,70.82,"Ak-\nSai",2022-01-28,Riots,,5" rockets\n')},
         INCIDENTS, 0, "2 mapped", rows=2, written=("Ak-\\nSai", '5\\" rockets')),
    Case("cp1251 csv",
         {"r.csv": "id,lat,lon,место,тип\nc-1,39.874,70.522,Ак-Сай,обстрел\n".encode("cp1251")},
         "incidents r.csv -o o.csv", 0, "1 mapped", rows=1, written=("Ак-Сай",)),
    Case("latin-1 csv", {"r.csv": "id,lat,lon,notes\nl-1,39.874,70.522,Café\n".encode("latin-1")},
         "incidents r.csv -o o.csv", 0, "1 mapped", rows=1, written=("Café",)),
    Case("no location columns", {"r.csv": utf8("id,when,what\n1,2022-01-01,x\n")}, INCIDENTS,
         1, "r.csv: found no coordinate columns"),
    Case("latitude without longitude", {"r.csv": utf8("id,lat,lng_x\n1,40,70\n")}, INCIDENTS,
         1, "no longitude column"),
    Case("misnamed columns, wrong option", {"r.csv": utf8("id,lattitude,longitud\n1,40,70\n")},
         INCIDENTS + " --lat-col latitude", 2, "--lat-col 'latitude' names no column"),
    Case("misnamed columns, right options", {"r.csv": utf8("id,lattitude,longitud\nm,40,70.5\n")},
         INCIDENTS + " --lat-col lattitude --lon-col longitud", 0, "1 mapped", rows=1),
    Case("bad coordinates",
         {"r.csv": records("c-2,north,70.5,,,,,\n", "c-3,70.522,39.874,ak-sai,,,,\n",
                           "c-4,95,200,,,,,\n", "c-5,40,,,,,,\n", "c-6,1e999,70,,,,,\n",
                           "c-7," + "9" * 400 + ",70,,,,,\n")},
         INCIDENTS, 0, "2 mapped, 5 rejected", rows=7, written=("were swapped",),
         reasons=("latitude 'north' is not a number", "latitude 95 is outside -90..90",
                  "the longitude is empty", "latitude '1e999' is not a number",
                  "the coordinates are not finite")),
    Case("impossible dates",
         {"r.csv": records("d-2,40,70.5,,31/02/2022,,,\n", "d-3,40,70.5,,2022-13-01,,,\n",
                           "d-4,40,70.5,,0000-01-27,,,\n", "d-5,40,70.5,,yesterday,,,\n",
                           "d-6,40,70.5,,0000,,,\n")},
         INCIDENTS, 0, "1 mapped, 5 rejected", rows=6,
         reasons=("February 2022 has 28 days", "there is no month 13", "there is no year 0",
                  "is not a date mapper reads")),
    Case("impossible counts",
         {"r.csv": records("n-2,40,70.5,,,," + "9" * 400 + ",\n", "n-3,40,70.5,,,,-4,\n")},
         INCIDENTS, 0, "3 mapped", rows=3, written=("too large to be a count", "is negative")),
    Case("duplicate ids",
         {"r.csv": records("ok-1,40,70.5,,,,,\n", "x,40,70.5,,,,,\n", "x,40,70.5,,,,,\n")},
         INCIDENTS, 0, "2 mapped, 2 rejected", rows=4,
         reasons=("duplicate id 'ok-1' (first used on row 1)",
                  "duplicate id 'x' (first used on row 3)")),
    Case("a 200 kB cell", {"r.csv": records("big,40,70.5,,,,," + "x" * 200_000 + "\n")},
         "incidents r.csv -o o.csv", 0, "2 mapped", rows=2),
    Case("no row can be mapped", {"r.csv": utf8("place,date\nqwxzqwxz,2022-01-01\nxyzzy-plugh,\n")},
         INCIDENTS, 1, "no row could be mapped", rows=2, reasons=("not found in the gazetteer",)),
    Case("geojson with null and invalid geometries",
         {"r.geojson": geojson(
             feature(2, None),
             feature(3, {"type": "LineString", "coordinates": [[70, 40], [71, 41]]}),
             feature(4, {"type": "Point", "coordinates": ["70", "40"]}),
             feature(5, {"type": "Point", "coordinates": [70]}),
             feature(6, {"type": "Point", "coordinates": [200, 95]}),
             feature(7, "POINT (70 40)"),
             {"type": "Feature", "properties": {"id": "g-8"}},
             "not a feature",
             feature(10, {"type": "Point", "coordinates": [70.82, 40.06]}),
         )},
         "incidents r.geojson -o o.geojson", 0, "2 mapped, 8 rejected", rows=10,
         reasons=("has no geometry (null)", "geometry is a LineString, not a Point",
                  'geometry has invalid coordinates ["70", "40"]', "latitude 95 is outside",
                  "is not a GeoJSON object", "is not a GeoJSON Feature but")),
    Case("geojson that is not json", {"r.geojson": b'{"type": "FeatureCollection",\n [}'},
         "incidents r.geojson -o o.geojson", 1, "r.geojson: is not valid JSON"),
    Case("geojson nested 100,000 deep", {"r.geojson": nested_json},
         "incidents r.geojson -o o.geojson", 1, "r.geojson: is not GeoJSON: its arrays"),
    Case("geojson with a 5,000-digit number",
         {"r.geojson": b'{"type": "FeatureCollection", "features": [' + b"9" * 5000 + b"]}"},
         "incidents r.geojson -o o.geojson", 1, "holds a number too long"),
    Case("json that is not geojson", {"r.json": b'{"rows": []}'}, "incidents r.json -o o.geojson",
         1, "is not a GeoJSON FeatureCollection"),
    Case("spreadsheet", {"r.xlsx": b"PK\x03\x04"}, "incidents r.xlsx -o o.geojson", 2,
         "save the sheet as CSV"),
    Case("unknown output format", {"r.csv": records()}, "incidents r.csv -o o.txt", 2,
         "cannot tell the output format"),
    Case("no output named", {"r.csv": records()}, "incidents r.csv", 2, "Missing option"),
    # -- user gazetteers ---------------------------------------------------------------
    Case("gazetteer: bad number", gazetteer_file("name,lat,lon\nA,40,70\nB,abc,70\n"), GEOCODE,
         1, "places.csv:3: lat/lon must be decimal"),
    Case("gazetteer: out of range", gazetteer_file("name,lat,lon\nA,140,70\n"), GEOCODE,
         1, "places.csv:2: coordinate out of range"),
    Case("gazetteer: short row", gazetteer_file("name,lat,lon\nA,40\n"), GEOCODE,
         1, "places.csv:2: wrong number of fields"),
    Case("gazetteer: unclosed quote", gazetteer_file('name,lat,lon\nA,40,70\n"B,41,71\nC,1,2\n'),
         GEOCODE, 1, "places.csv:3: malformed CSV"),
    Case("gazetteer: broken header", gazetteer_file('"name,lat,lon\nA,40,70\n'), GEOCODE,
         1, "places.csv:1: malformed CSV header"),
    Case("gazetteer: missing columns", gazetteer_file("name,latitude\nA,40\n"), GEOCODE,
         1, "places.csv:1: missing column(s) lat, lon"),
    Case("gazetteer: unknown kind", gazetteer_file("name,lat,lon,kind\nA,40,70,castle\n"),
         "gazetteer info --gazetteer places.csv", 1, "places.csv:2: unknown kind 'castle'"),
    Case("gazetteer: cp1251", {"places.csv": "name,lat,lon\nБаткен,40,70\n".encode("cp1251")},
         GEOCODE, 1, "places.csv:2: not UTF-8"),
    Case("gazetteer: empty", {"places.csv": b""}, GEOCODE,
         1, "places.csv: the gazetteer file is empty"),
    Case("gazetteer: binary", {"places.csv": b"name,lat,lon\n\x00\x01"}, GEOCODE,
         1, "places.csv: looks like a binary file"),
    Case("gazetteer: broken geonames row", {"KG.txt": utf8(GEONAMES_ROW + "\n2\tB\t\t\n")},
         "geocode A --gazetteer KG.txt", 1, "KG.txt:2: a GeoNames dump row has 19"),
    # -- maps and reports --------------------------------------------------------------
    Case("map: bad rows beside good", {"r.csv": records("b-2,north,70.5,,,,,\n")},
         "map r.csv -o m.html", 0, "1 mapped, 1 rejected"),
    Case("map: nothing to map", {"r.csv": utf8(HEADER)}, "map r.csv -o m.html", 1,
         "nothing to draw"),
    Case("map: binary article", {"a.txt": noise(100)}, "map a.txt -o m.html", 1,
         "a.txt: looks like a binary"),
    Case("map: not an html output", {"r.csv": records()}, "map r.csv -o m.png", 2,
         "end the -o/--output name with .html"),
    Case("map: bad tiles", {"r.csv": records()}, "map r.csv -o m.html --tiles file:///{z}/{x}",
         2, "tiles must be"),
    Case("report: bad rows beside good", {"r.csv": records("b-2,40,70,,31/02/2022,,,\n")},
         "report r.csv -o r.html", 0, "wrote r.html ("),
    Case("report: binary records", {"r.csv": noise(100)}, "report r.csv -o r.html", 1,
         "r.csv: looks like a binary file"),
]  # fmt: skip


@pytest.mark.parametrize(
    "case", [pytest.param(case, id=case.name, marks=case.marks) for case in CASES]
)
def test_hostile_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, content in case.files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content() if callable(content) else content)
    started = time.monotonic()
    result = CliRunner().invoke(main, case.command.split(), input=case.stdin)
    seconds = time.monotonic() - started
    output = result.output
    assert result.exit_code == case.code, output[-2000:]
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in output
    assert case.message in output, output[-2000:]
    for text in case.absent:
        assert text not in output
    if case.seconds is not None:
        assert seconds < case.seconds, f"{seconds:.1f} s"
    if case.rows is not None:
        check_accounting(case, output, tmp_path)
    if case.check is not None:
        case.check(output, tmp_path)


def check_accounting(case: Case, output: str, folder: Path) -> None:
    """Rows in = rows mapped + rows in the rejects file, and the output holds the mapped."""
    found = SUMMARY.search(output)
    assert found, output
    rows, mapped, rejected = (int(n or 0) for n in found.groups())
    assert rows == case.rows == mapped + rejected
    rejects = read_rejects(folder)
    assert len(rejects) == rejected
    reasons = " | ".join(row["reason"] for row in rejects)
    for reason in case.reasons:
        assert reason in reasons, reasons
    written = written_output(case, folder)
    assert count_incidents(written, case) == mapped
    for text in case.written:
        assert text in written, text


def read_rejects(folder: Path) -> list[dict[str, str]]:
    paths = list(folder.glob("*.rejects.csv"))
    if not paths:
        return []
    (path,) = paths
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def written_output(case: Case, folder: Path) -> str:
    args = case.command.split()
    output = folder / args[args.index("-o") + 1]
    return output.read_text(encoding="utf-8") if output.exists() else ""


def count_incidents(written: str, case: Case) -> int:
    if not written:
        return 0
    if written.startswith("{"):
        return len(json.loads(written)["features"])
    limit = csv.field_size_limit(len(written))
    try:
        return len(list(csv.DictReader(io.StringIO(written))))
    finally:
        csv.field_size_limit(limit)


def test_the_entry_point_prints_no_traceback(tmp_path: Path) -> None:
    """The installed `mapper` command, not only the in-process runner, fails cleanly."""
    (tmp_path / "g.geojson").write_bytes(nested_json())
    command = [sys.executable, "-m", "mapper.cli", "incidents", "g.geojson", "-o", "o.geojson"]
    done = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("Error: g.geojson: is not GeoJSON")
    assert "Traceback" not in done.stderr + done.stdout


# -- names taken from inputs ---------------------------------------------------------------

#: Article file names a hostile source may use, in reading order, and the file each
#: document's text is kept in.
NAMES = [
    ("evil.txt", "evil.txt"),
    ("EVIL.txt", "EVIL-2.txt"),
    ("..txt", "document.txt"),
    ("...txt", "document-2.txt"),
    ("new\nline.txt", "new_line.txt"),
    ("a b;c|d.txt", "a_b_c_d.txt"),
    ("x" * 250 + ".txt", "x" * 120 + ".txt"),
    ("Баткен" * 20 + ".txt", "Баткен" * 10 + ".txt"),
    ("other/evil.txt", "evil-3.txt"),
]


def test_kept_texts_stay_in_their_folder(tmp_path: Path) -> None:
    """--keep-text writes one file per document, named safely, inside its folder only."""
    articles = tmp_path / "in"
    for name, _ in NAMES:
        (articles / name).parent.mkdir(parents=True, exist_ok=True)
        (articles / name).write_text(ENGLISH, encoding="utf-8")
    kept = tmp_path / "kept"
    kept.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    (kept / "evil.txt").symlink_to(outside)
    inputs = [str(articles / name) for name, _ in NAMES] + ["-"]
    result = CliRunner().invoke(
        main, ["extract", *inputs, "--keep-text", str(kept), "--quiet"], input=ENGLISH
    )
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in kept.iterdir())
    assert written == sorted([kept_name for _, kept_name in NAMES] + ["stdin.txt"])
    assert all(len(name.encode("utf-8")) < 255 for name in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "kept", "outside.txt"]
    assert outside.read_text(encoding="utf-8") == "keep me", "a link is replaced, not followed"
    for path in kept.iterdir():
        assert not path.is_symlink() and path.read_text(encoding="utf-8") == ENGLISH
    ids = [json.loads(line)["document"]["id"] for line in result.stdout.splitlines()]
    assert ids[:3] == ["evil", "EVIL", "."], "the ids stay the file names"
