"""Pictures of pages in headless Chromium: a map's PNG has the asked-for size and shows
the map, every network request is blocked, the page is waited for, a PDF has its page;
and without Playwright or Chromium, a one-line message says what to install."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from mapper.cli import main
from mapper.deps import MissingDependencyError
from mapper.errors import MapperError, UsageError
from mapper.records.rows import read_records
from mapper.render.browser import (
    INSTALL_CHROMIUM,
    INSTALL_PLAYWRIGHT,
    print_pdf,
    screenshot,
    snapshot,
)

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "mapper" / "samples" / "records.csv"
ARTIFACTS = REPO / "output" / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")

BROWSER_MARKS = (
    pytest.mark.browser,
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="the playwright package is not installed (pip install 'mapper[browser]')",
    ),
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"
    ),
)


def browser_test(function):
    """A test that opens headless Chromium: skipped when Playwright or Chromium is missing."""
    for mark in BROWSER_MARKS:
        function = mark(function)
    return function


def _picture(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("RGB")


def _page(tmp_path: Path, body: str, script: str = "") -> Path:
    path = tmp_path / "page.html"
    path.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><style>html,body{margin:0;"
        f"height:100%;background:#fff}}</style></head><body>{body}<script>{script}</script>"
        "</body></html>",
        encoding="utf-8",
    )
    return path


def _share(image: Image.Image, colour: tuple[int, int, int]) -> float:
    counts = {c: n for n, c in image.getcolors(maxcolors=10_000_000)}
    return counts.get(colour, 0) / (image.width * image.height)


@pytest.fixture(scope="module")
def map_page(tmp_path_factory) -> Path:
    from mapper.render.interactive import render_map, save_map

    incidents = read_records(SAMPLE).incidents
    return save_map(render_map(incidents), tmp_path_factory.mktemp("map") / "map.html")


@browser_test
def test_a_map_screenshot_has_the_size_asked_for_and_is_not_blank(map_page, tmp_path):
    capture = snapshot(map_page, tmp_path / "map.png", width=900, height=600, scale=1.5)
    image = _picture(capture.path)
    assert image.size == (1350, 900) == (capture.width, capture.height)
    assert len(image.getcolors(maxcolors=10_000_000)) > 500
    assert _share(image, (255, 255, 255)) < 0.5
    assert capture.blocked == ()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot(map_page, ARTIFACTS / "snapshot-sample.png")


@browser_test
def test_every_request_off_the_machine_is_blocked(tmp_path):
    page = _page(
        tmp_path,
        "<img src='http://example.org/tile.png'><img src='data:image/gif;base64,"
        "R0lGODlhAQABAAAAACw='>",
        "fetch('https://example.org/data.json').catch(() => {});",
    )
    capture = snapshot(page, tmp_path / "page.png", width=200, height=100)
    assert "http://example.org/tile.png" in capture.blocked
    assert "https://example.org/data.json" in capture.blocked
    assert not any(url.startswith(("file:", "data:")) for url in capture.blocked)
    assert "blocked 2 network requests" in capture.message()


@browser_test
def test_a_page_that_says_when_it_is_ready_is_waited_for(tmp_path):
    page = _page(
        tmp_path,
        "<div id='late' style='height:100%'></div>",
        "window.mapperReady = false; setTimeout(() => {"
        " document.getElementById('late').style.background = '#ff0000';"
        " window.mapperReady = true; }, 700);",
    )
    image = _picture(screenshot(page, tmp_path / "page.png", width=200, height=100))
    assert _share(image, (255, 0, 0)) > 0.95


@browser_test
def test_a_ready_promise_is_waited_for(tmp_path):
    page = _page(
        tmp_path,
        "<div id='late' style='height:100%'></div>",
        "window.mapperReady = new Promise(resolve => setTimeout(() => {"
        " document.getElementById('late').style.background = '#0000ff'; resolve(); }, 700));",
    )
    image = _picture(screenshot(page, tmp_path / "page.png", width=200, height=100))
    assert _share(image, (0, 0, 255)) > 0.95


@browser_test
def test_it_works_where_an_event_loop_runs_as_in_a_notebook(tmp_path):
    import asyncio

    page = _page(tmp_path, "<div style='height:100%;background:#00ff00'></div>")

    async def in_a_notebook() -> Path:
        return screenshot(page, tmp_path / "page.png", width=200, height=100)

    image = _picture(asyncio.run(in_a_notebook()))
    assert _share(image, (0, 255, 0)) > 0.95


@browser_test
def test_a_map_pdf_is_one_page_of_the_window_size(map_page, tmp_path):
    from pypdf import PdfReader

    capture = snapshot(map_page, tmp_path / "map.pdf", width=1280, height=800)
    reader = PdfReader(capture.path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (960, 600)  # CSS px → pt


@browser_test
def test_a_long_page_prints_on_as_many_sheets_as_it_takes(tmp_path):
    from pypdf import PdfReader

    page = _page(tmp_path, "".join(f"<p>Row {n} of the report.</p>" for n in range(300)))
    reader = PdfReader(print_pdf(page, tmp_path / "report.pdf"))
    assert len(reader.pages) > 2
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(595, abs=2)  # A4 in pt
    assert float(box.height) == pytest.approx(842, abs=2)
    assert "Row 299 of the report." in reader.pages[-1].extract_text()


@browser_test
def test_the_command_writes_a_png(map_page, tmp_path):
    target = tmp_path / "map.png"
    args = ["snapshot", str(map_page), "-o", str(target), "--width", "640", "--height", "400"]
    result = CliRunner().invoke(main, [*args, "--scale", "2"])
    assert result.exit_code == 0, result.output
    assert "1280×800 px" in result.output
    assert _picture(target).size == (1280, 800)


# -- without the browser ---------------------------------------------------------------------


def test_without_playwright_the_command_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    page = _page(tmp_path, "<p>hello</p>")
    result = CliRunner().invoke(main, ["snapshot", str(page), "-o", str(tmp_path / "p.png")])
    assert result.exit_code == 1
    assert INSTALL_PLAYWRIGHT in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert not (tmp_path / "p.png").exists()


def test_without_playwright_the_library_raises_a_mapper_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'mapper\[browser\]'") as err:
        screenshot(_page(tmp_path, "<p>hello</p>"), tmp_path / "p.png")
    assert isinstance(err.value, MapperError)
    assert isinstance(err.value, ImportError)
    assert err.value.exit_code == 1


@pytest.mark.skipif(
    importlib.util.find_spec("playwright") is None, reason="the playwright package is missing"
)
def test_without_chromium_the_message_says_what_to_install(tmp_path):
    with pytest.raises(MissingDependencyError, match=INSTALL_CHROMIUM):
        screenshot(_page(tmp_path, "<p>hi</p>"), tmp_path / "p.png", chromium=tmp_path / "none")


def test_an_unknown_paper_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="paper size"):
        print_pdf(_page(tmp_path, "<p>hi</p>"), tmp_path / "p.pdf", paper="A11")


def test_an_unknown_ending_exits_2(tmp_path):
    page = _page(tmp_path, "<p>hello</p>")
    result = CliRunner().invoke(main, ["snapshot", str(page), "-o", str(tmp_path / "p.jpg")])
    assert result.exit_code == 2
    assert ".png or .pdf" in result.output


def test_a_missing_page_exits_2(tmp_path):
    missing = str(tmp_path / "nothing.html")
    result = CliRunner().invoke(main, ["snapshot", missing, "-o", str(tmp_path / "p.png")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
