"""Static maps, looked at: PNG pixels, SVG text, PDF pages, no overlapping labels, exclaves
in their own country's colour, byte-identical files, and ``mapper static``'s errors."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from mapper.cli import main
from mapper.errors import InputError, UsageError
from mapper.records.formats import incidents_to_geodataframe
from mapper.records.rows import read_records
from mapper.render.static import ATTRIBUTION, LAND, render_static, save_static

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "mapper" / "samples" / "records.csv"
ARTIFACTS = REPO / "output" / "test-artifacts"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def sample() -> list:
    return read_records(SAMPLE).incidents


@pytest.fixture(scope="module")
def figure(sample):
    return render_static(sample, title="Sample incidents", width_in=8, height_in=5.5, dpi=100)


def _picture(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("RGB")


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 6) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def test_png_has_the_size_asked_for_and_shows_a_map(figure, tmp_path):
    path = save_static(figure, tmp_path / "map.png")
    image = _picture(path)
    assert image.size == (800, 550)
    colours = image.getcolors(maxcolors=1_000_000)
    assert len(colours) > 200
    white = dict((c, n) for n, c in colours).get((255, 255, 255), 0)
    assert white < 0.5 * 800 * 550  # mostly map, not page
    pixels = image.load()
    land = [_rgb(c) for c in LAND]
    land_pixels = sum(
        1
        for x in range(0, 800, 4)
        for y in range(0, 550, 4)
        if any(_near(pixels[x, y], c, 2) for c in land)
    )
    assert land_pixels > 0.2 * (800 // 4) * (550 // 4)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    save_static(figure, ARTIFACTS / "static-sample.png")


def test_every_event_type_is_drawn_in_its_colour(figure, tmp_path):
    from mapper.render.features import EVENT_STYLES

    image = _picture(save_static(figure, tmp_path / "map.png"))
    present = {colour for _, colour in image.getcolors(maxcolors=1_000_000)}
    for event_type in ("Battles", "Protests", "Riots", "Strategic developments"):
        colour = _rgb(EVENT_STYLES[event_type].color)
        assert any(_near(p, colour, 3) for p in present), event_type


def test_svg_parses_and_names_the_legend_entries(figure, tmp_path):
    path = save_static(figure, tmp_path / "map.svg")
    root = ET.parse(path).getroot()
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
    for entry in (
        "Event type",
        "Battles (2)",
        "Explosions/Remote violence (3)",
        "Protests (3)",
        "Riots (2)",
        "Strategic developments (1)",
        "Fatalities",
        "Location",
        "the place itself",
        "Sample incidents",
        "11 incidents, 2022-01-02 to 2022-09-19",
        ATTRIBUTION,
        "N",
        "Almaty",
    ):
        assert entry in texts, entry
    assert root.find(f"{SVG}title").text == "Sample incidents"


def test_pdf_has_a_page_with_the_legend(figure, tmp_path):
    from pypdf import PdfReader

    reader = PdfReader(save_static(figure, tmp_path / "map.pdf"))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Battles (2)" in text
    assert "Natural Earth" in text
    assert "CreationDate" not in str(reader.metadata or {})


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_two_renders_give_the_same_bytes(sample, tmp_path, suffix):
    first = save_static(render_static(sample), tmp_path / f"a{suffix}").read_bytes()
    second = save_static(render_static(sample), tmp_path / f"b{suffix}").read_bytes()
    assert first == second


@pytest.mark.slow
def test_two_runs_of_the_command_give_the_same_bytes(tmp_path):
    outputs = []
    for seed, name in (("1", "a.svg"), ("2", "b.pdf"), ("3", "c.svg"), ("4", "d.pdf")):
        target = tmp_path / name
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "mapper.cli", "static", str(SAMPLE), "-o", str(target)]
        subprocess.run(command, check=True, env=env, capture_output=True)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[2]
    assert outputs[1] == outputs[3]


def _label_boxes(figure) -> list:
    from matplotlib.text import Annotation

    renderer = figure.canvas.get_renderer()
    boxes = []
    for axes in [figure.axes[0], *figure.axes[0].child_axes]:
        for artist in axes.texts:
            if artist.get_text() == "N":
                continue
            if isinstance(artist, Annotation) and artist.get_gid() != "halo":
                boxes.append((artist.get_text(), artist.get_window_extent(renderer)))
    return boxes


def test_labels_do_not_overlap_and_crowded_places_get_an_inset(figure):
    boxes = _label_boxes(figure)
    names = [name for name, _ in boxes]
    assert {"Almaty", "Aktobe", "Zhanaozen", "Taldykorgan"} <= set(names)
    assert figure.axes[0].child_axes, "the Batken valley is crowded: an inset shows it"
    inset_names = {a.get_text() for a in figure.axes[0].child_axes[0].texts}
    assert {"Batken", "Isfara", "Kök-Tash", "Ak-Say"} <= inset_names
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1 :]:
            assert not box_a.overlaps(box_b), (a, b)


def test_an_exclave_shows_in_its_own_countrys_colour(tmp_path):
    # Vorukh is Tajik land inside Kyrgyzstan. Three incidents around it fix where each
    # place lands on the picture; the colour at Vorukh must be Tajik, not Kyrgyz.
    places = {"Batken": (40.0627, 70.8194), "Isfara": (40.1265, 70.6253), "Ak": (39.95, 70.45)}
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"event_type": "Protests", "location": name},
        }
        for name, (lat, lon) in places.items()
    ]
    fig = render_static({"type": "FeatureCollection", "features": features}, dpi=100)
    image = _picture(save_static(fig, tmp_path / "vorukh.png"))
    to_pixel = _affine(fig, places)
    vorukh = image.getpixel(to_pixel(39.851, 70.574))
    kyrgyz = image.getpixel(to_pixel(39.95, 70.85))
    tajik = image.getpixel(to_pixel(40.2, 70.5))
    land = [_rgb(c) for c in LAND]
    assert any(_near(vorukh, c, 2) for c in land)
    assert _near(vorukh, tajik, 2)
    assert not _near(vorukh, kyrgyz, 2)


def _affine(fig, places: dict[str, tuple[float, float]]):
    """Picture pixel of (lat, lon), fitted on the three drawn markers (flat at this scale)."""
    import numpy

    axes = fig.axes[0]
    offsets = numpy.concatenate([c.get_offsets() for c in axes.collections if len(c.get_sizes())])
    pixels = numpy.asarray(axes.transData.transform(numpy.asarray(offsets)))
    lonlat = numpy.array([[lon, lat, 1.0] for lat, lon in places.values()])
    solution = numpy.linalg.solve(lonlat, pixels)
    height = fig.bbox.height

    def to_pixel(lat: float, lon: float) -> tuple[int, int]:
        x, y = numpy.array([lon, lat, 1.0]) @ solution
        return round(float(x)), round(float(height - y))

    return to_pixel


def test_a_geodataframe_and_geojson_draw_too(sample):
    fig = render_static(incidents_to_geodataframe(sample), width_in=6, height_in=4, dpi=80)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    with Image.open(buffer) as image:
        assert image.size == (480, 320)


def test_nothing_to_draw_is_a_clear_error():
    with pytest.raises(InputError, match="no incident has a place"):
        render_static([])


def test_a_bad_size_is_a_usage_error(sample):
    with pytest.raises(UsageError, match="inches"):
        render_static(sample, width_in=1)
    with pytest.raises(UsageError, match="dpi"):
        render_static(sample, dpi=5)


def test_save_refuses_an_unknown_format(figure, tmp_path):
    with pytest.raises(UsageError, match=r"\.png, \.svg or \.pdf"):
        save_static(figure, tmp_path / "map.gif")
    assert not (tmp_path / "map.gif").exists()


def test_the_command_writes_a_png(tmp_path):
    target = tmp_path / "map.png"
    args = ["static", str(SAMPLE), "-o", str(target), "--width", "6", "--height", "4"]
    result = CliRunner().invoke(main, [*args, "--dpi", "50", "--title", "Briefing"])
    assert result.exit_code == 0, result.output
    assert ": 11 incidents; read 1 record file (11 rows: 11 mapped)" in result.output
    assert _picture(target).size == (300, 200)


def test_the_command_exits_2_on_an_unknown_ending(tmp_path):
    result = CliRunner().invoke(main, ["static", str(SAMPLE), "-o", str(tmp_path / "map.jpg")])
    assert result.exit_code == 2
    assert ".png, .svg or .pdf" in result.output
    assert "Traceback" not in result.output


def test_the_command_exits_1_when_nothing_has_a_place(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("id,date,place,lat,lon,event_type\n", encoding="utf-8")
    target = tmp_path / "map.png"
    result = CliRunner().invoke(main, ["static", str(empty), "-o", str(target)])
    assert result.exit_code == 1
    assert "nothing to draw" in result.output
    assert "Traceback" not in result.output
    assert not target.exists()
