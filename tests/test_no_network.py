"""The test suite cannot reach the network, and the pipeline runs without it."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from pytest_socket import SocketBlockedError, SocketConnectBlockedError

from mapper.cli import main


def test_outbound_connections_are_blocked():
    blocked = (SocketBlockedError, SocketConnectBlockedError)
    with (
        pytest.warns(UserWarning, match="tried to use socket"),
        pytest.raises(blocked),
        socket.create_connection(("192.0.2.1", 80), 1),
    ):
        pass


def test_extract_geocode_and_incidents_run_offline(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "BISHKEK, 27/01/2022 – Bentrokan di dekat desa Ak-Sai, distrik Batken, Kirgistan.\n",
        encoding="utf-8",
    )
    records = tmp_path / "r.csv"
    records.write_text("place,date,type\nak-sai,2022-01-27,clash\n", encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["extract", str(article), "--quiet"],
        ["geocode", "Batken"],
        ["incidents", str(records), "-o", str(tmp_path / "out.geojson")],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output


SAMPLES = Path(__file__).resolve().parents[1] / "mapper" / "samples"
#: Elements and the attributes through which a page would fetch something.
FETCHING = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
_CSS_FETCH = re.compile(r"""url\(\s*['"]?\s*(?:https?:)?//|@import""", re.IGNORECASE)


def online_sources(page: str) -> list[str]:
    """What in ``page`` would be fetched from a network: scripts, styles, images, fonts."""
    soup = BeautifulSoup(page, "html.parser")
    found = [
        f"<{tag.name} {attribute}={tag[attribute]}>"
        for tag in soup.find_all(list(FETCHING))
        for attribute in FETCHING[tag.name]
        if re.search(r"(?:https?:)?//", tag.get(attribute) or "")
    ]
    styles = [style.get_text() for style in soup.find_all("style")]
    styles += [tag["style"] for tag in soup.find_all(style=True)]
    found += [style[:80] for style in styles if _CSS_FETCH.search(style)]
    return found


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple]]:
    """Every attempt to resolve a name or to connect, recorded (and still blocked)."""
    seen: list[tuple[str, tuple]] = []

    def recording(name: str, real):
        def call(*args, **kwargs):
            seen.append((name, args[1:] if name == "connect" else args))
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(socket, "getaddrinfo", recording("getaddrinfo", socket.getaddrinfo))
    monkeypatch.setattr(
        socket, "create_connection", recording("create_connection", socket.create_connection)
    )
    monkeypatch.setattr(socket.socket, "connect", recording("connect", socket.socket.connect))
    return seen


@pytest.mark.parametrize("command", ["map", "report"])
def test_map_and_report_fetch_nothing(command: str, tmp_path, attempts) -> None:
    page = tmp_path / f"{command}.html"
    args = [command, str(SAMPLES / "records.csv"), str(SAMPLES / "articles"), "-o", str(page)]
    result = CliRunner().invoke(main, [*args, "--quiet"])
    assert result.exit_code == 0, result.output
    assert attempts == []
    html = page.read_text(encoding="utf-8")
    assert online_sources(html) == []
    assert "<script" in html and "<style" in html, "what it needs is inlined"


def test_online_sources_finds_what_a_page_would_fetch() -> None:
    page = (
        '<script src="https://cdn.example/x.js"></script><link href="//x/y.css" rel=stylesheet>'
        '<img src="http://x/i.png"><style>@font-face { src: url("https://x/f.woff2") }</style>'
        '<a href="https://example.org/source">a source is only a link</a>'
    )
    assert len(online_sources(page)) == 4


def test_attempts_are_recorded(attempts) -> None:
    blocked = (SocketBlockedError, SocketConnectBlockedError)
    with pytest.warns(UserWarning, match="tried to use socket"), pytest.raises(blocked):
        socket.create_connection(("192.0.2.1", 80), 1)
    assert attempts and attempts[0][0] == "create_connection"
