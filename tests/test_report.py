"""The HTML report: figures, one row per incident, an appendix that accounts for every place,
escaped text, and byte-identical builds."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mapper.pipeline import run_pipeline
from mapper.render.report import build_report

SAMPLES = Path(__file__).resolve().parents[1] / "mapper" / "samples"
XSS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    "${window.__xss=1}",
    '" onmouseover="window.__xss=1',
    "</script><script>window.__xss=1</script>",
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.rows = 0
        self.links: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        if tag == "tr" and ("class", "incident") in attrs:
            self.rows += 1
        if tag == "a":
            self.links += [value for name, value in attrs if name == "href"]
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


@pytest.fixture(scope="module")
def samples():
    return run_pipeline([SAMPLES / "articles", SAMPLES / "records.csv"])


def test_report_has_one_row_per_incident_and_the_sections(samples):
    html = build_report(samples, title="Demo")
    tags = _Tags()
    tags.feed(html)
    assert tags.rows == len(samples.incidents) > 10
    for section in (
        'id="by-type"',
        'id="by-claimant"',
        'id="by-place"',
        'id="timeline"',
        'id="incidents"',
        'id="appendix"',
        'id="sources"',
        "GeoNames (CC BY 4.0",
    ):
        assert section in html  # fmt: skip
    assert "<svg" in html


def test_appendix_explains_approximate_places(samples):
    html = build_report(samples)
    assert "Orto-Boz" in html
    assert "known only by name: placed at the district that contains it" in html


def test_each_source_of_an_incident_has_a_label_of_its_own(samples):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(build_report(samples), "html.parser")
    rows = soup.select("#incidents tr.incident")
    checked = 0
    for row in rows:
        links = row.find_all("td")[-1].find_all("a")
        labels = [a.get_text() for a in links]
        assert len(labels) == len(set(labels)), labels
        checked += len(labels) > 1
    assert checked >= 3
    assert "records.csv: example.org/…/2022-01-27-kok-tash" in str(soup)
    assert "align-items: flex-start" in str(soup.style)  # short tables are not stretched


def test_report_is_byte_identical(samples):
    assert build_report(samples, title="Demo") == build_report(samples, title="Demo")


def test_text_from_articles_and_records_is_escaped(tmp_path):
    article = tmp_path / "xss.txt"
    body = " ".join(XSS)
    article.write_text(
        f"BISHKEK, 27/01/2022 – Bentrokan pecah di dekat desa Ak-Sai, distrik Batken. {body}\n"
        f"Sebelas tentara terluka dalam bentrokan di Ak-Sai. {body}\n",
        encoding="utf-8",
    )
    records = tmp_path / "records.csv"
    records.write_text(
        "place,date,type,notes,url\n"
        f'ak-sai,2022-01-27,clash,"{body.replace(chr(34), chr(34) * 2)}",javascript:alert(1)\n',
        encoding="utf-8",
    )
    result = run_pipeline([article, records])
    html = build_report(result, title="<script>window.__xss=1</script>")
    tags = _Tags()
    tags.feed(html)
    assert not any("__xss" in script for script in tags.scripts)
    assert tags.handlers == []
    assert all(link.startswith(("http://", "https://")) for link in tags.links)
    assert "&lt;script&gt;" in html


# -- the XSS battery through the report, its map and its fragment --------------------------


def _hostile_result():
    """Every text a report shows — incidents, popups, document titles, unplaced mentions,
    rejected rows — carrying one of the payloads of the map battery."""
    from test_render import JS_LINK, PAYLOADS, xss_incidents

    from mapper.model import Extraction, Mention, PipelineResult, Reject
    from mapper.read.documents import Document

    extractions = tuple(
        Extraction(
            Document(id=p, path=None, text=p, language="en", title=p, url=JS_LINK),
            (Mention(0, len(p), p, None),),
            (),
        )
        for p in PAYLOADS
    )
    rejects = tuple(Reject(p, n, p, {p: p}, n) for n, p in enumerate(PAYLOADS, start=1))
    incidents = tuple(xss_incidents())
    return PipelineResult(incidents, extractions, rejects, 1, len(incidents) + len(rejects))


def _check_inert(html: str) -> None:
    """No payload runs: no handler attribute, no script but mapper's, no javascript: link,
    and data blocks are JSON; the payloads' text is still there, escaped."""
    from bs4 import BeautifulSoup
    from test_render import PAYLOADS

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], tag.name
    scripts = soup.find_all("script")
    assert html.count("<script") == len(scripts), "no script element is hidden in text"
    for script in scripts:
        if script.get("type") == "application/json":
            json.loads(script.string)
        else:
            assert "__xss" not in (script.string or ""), (script.string or "")[:200]
    assert not soup.find_all(["img", "iframe", "object", "embed"])
    assert not [s for s in soup.find_all("svg") if "__xss" in str(s)]
    links = [a.get("href", "") for a in soup.find_all("a")]
    assert all(link.startswith(("http://", "https://", "#")) for link in links), links
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert PAYLOADS[8] in html, "template syntax stays text"


@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_the_xss_battery_stays_text_in_reports(fragment: bool) -> None:
    from test_render import PAYLOADS

    from mapper.render.interactive import map_parts, render_map

    result = _hostile_result()
    parts = map_parts(render_map(list(result.incidents), title=PAYLOADS[6]))
    html = build_report(result, title=PAYLOADS[6], map_parts=parts, fragment=fragment)
    _check_inert(html)
    if fragment:
        assert "<html" not in html and "<title" not in html
    else:
        assert "<title>&lt;/script&gt;&lt;script&gt;" in html
