"""Plain text and metadata from an HTML page.

:func:`html_to_text` turns a saved news page into an :class:`HtmlText`: the
readable text (scripts, styles, the head and other non-text content dropped,
block elements on lines of their own, paragraphs separated by a blank line,
runs of spaces collapsed, entities decoded) together with the page's title,
publication date and canonical address when its markup gives them.

The markup is parsed with BeautifulSoup over Python's own ``html.parser``: unlike
libxml2, which stops building the tree past a fixed nesting depth and silently
drops the rest of the page, it keeps every element however deep, and the tree
is walked with an explicit stack so no depth can exhaust Python's recursion limit.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.dammit import EncodingDetector
from bs4.element import CData, NavigableString, PageElement, Tag

__all__ = ["HtmlText", "declared_encoding", "html_to_text", "looks_like_html"]

#: Elements whose content is never text a reader sees.
DROPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "title",
        "iframe", "object", "embed", "canvas", "audio", "video", "select", "datalist",
    }
)  # fmt: skip

#: Elements set apart from what follows by a blank line.
PARAGRAPHS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl",
        "table", "figure", "article", "section", "header", "footer", "aside", "nav",
        "main", "form", "fieldset", "address", "details", "hr",
    }
)  # fmt: skip

#: Elements that start and end a line.
LINES = frozenset(
    {
        "div", "li", "dt", "dd", "tr", "figcaption", "caption", "summary", "legend",
        "option", "body", "html", "center", "tbody", "thead", "tfoot",
    }
)  # fmt: skip

#: Table cells: kept on one line, set apart by a tab.
CELLS = frozenset({"td", "th"})

#: Meta tags that carry the publication date, best first, as (attribute, value).
DATE_META: tuple[tuple[str, str], ...] = (
    ("property", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "dc.date.issued"),
    ("name", "dc.date"),
    ("property", "og:published_time"),
)

_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class HtmlText:
    """The readable text of a page and what its markup says about it."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts like an HTML document (a doctype, ``<html>``, ``<head>``...)."""
    return _HTML_START.match(text[:2048].lstrip("\ufeff")) is not None


def declared_encoding(data: bytes) -> str | None:
    """The character encoding an HTML page declares in its start (BOM, meta charset), if any."""
    return EncodingDetector.find_declared_encoding(
        data[:4096], is_html=True, search_entire_document=False
    )


def html_to_text(markup: str) -> HtmlText:
    """Extract the readable text, title, publication date and canonical URL of ``markup``."""
    soup = _parse(markup)
    return HtmlText(
        text=_text(soup),
        title=_title(soup),
        published=_published(soup),
        url=_canonical_url(soup),
    )


def _parse(markup: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(markup, "html.parser")


class _TextSink:
    """Collects text runs and line breaks, collapsing spaces and blank lines."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending_breaks = 0
        self.at_line_start = True

    def text(self, run: str, *, keep_spaces: bool = False) -> None:
        if not keep_spaces:
            run = _SPACES.sub(" ", run)
            if self.at_line_start or (self.parts and self.parts[-1].endswith((" ", "\t"))):
                run = run.lstrip(" ")
        if not run:
            return
        if self.pending_breaks and self.parts:
            self.parts.append("\n" * self.pending_breaks)
        self.pending_breaks = 0
        self.parts.append(run)
        self.at_line_start = run.endswith("\n")

    def line_break(self, count: int) -> None:
        """Ask for ``count`` newlines before the next text (1: new line, 2: blank line)."""
        if self.parts:
            self.parts[-1] = self.parts[-1].rstrip(" ")
        self.pending_breaks = max(self.pending_breaks, count)
        self.at_line_start = True

    def hard_break(self) -> None:
        """A ``<br>``: always a new line, even right after another one."""
        if self.parts:
            self.parts[-1] = self.parts[-1].rstrip(" ")
            self.parts.append("\n" * max(self.pending_breaks, 1))
        self.pending_breaks = 0
        self.at_line_start = True

    def result(self) -> str:
        text = "".join(self.parts)
        text = re.sub(r"[ \t]+\n", "\n", text)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def _text(soup: BeautifulSoup) -> str:
    sink = _TextSink()
    pre_depth = 0
    for event, node in _walk(soup):
        if isinstance(node, NavigableString):
            if type(node) is NavigableString or isinstance(node, CData):
                sink.text(str(node), keep_spaces=pre_depth > 0)
            continue
        name = node.name if isinstance(node, Tag) else ""
        if event == "start":
            pre_depth += name == "pre"
        else:
            pre_depth -= name == "pre"
        if name == "br":
            if event == "start":
                sink.hard_break()
        elif name in PARAGRAPHS:
            sink.line_break(2)
        elif name in LINES:
            sink.line_break(1)
        elif name in CELLS and event == "end":
            sink.text("\t", keep_spaces=True)
    return sink.result()


def _walk(root: Tag) -> Iterator[tuple[str, PageElement]]:
    """Yield ("start", tag), its content, ("end", tag) and each string, without recursion."""
    stack: list[tuple[str, PageElement]] = [("start", root)]
    while stack:
        event, node = stack.pop()
        if not isinstance(node, Tag):
            yield "text", node
            continue
        if node.name in DROPPED:
            continue
        yield event, node
        if event == "start":
            stack.append(("end", node))
            stack.extend(("start", child) for child in reversed(node.contents))


def _title(soup: BeautifulSoup) -> str | None:
    title = soup.find("title")
    candidates = [
        title.get_text() if isinstance(title, Tag) else None,
        _meta(soup, "property", "og:title"),
        _first_heading(soup),
    ]
    for candidate in candidates:
        cleaned = _SPACES.sub(" ", candidate or "").strip()
        if cleaned:
            return cleaned
    return None


def _first_heading(soup: BeautifulSoup) -> str | None:
    heading = soup.find("h1")
    return heading.get_text(" ") if isinstance(heading, Tag) else None


def _published(soup: BeautifulSoup) -> str | None:
    candidates: list[str | None] = [_meta(soup, "property", "article:published_time")]
    candidates += _json_ld_dates(soup)
    candidates += [_meta(soup, attribute, value) for attribute, value in DATE_META[1:]]
    candidates += [_time_datetime(soup)]
    for candidate in candidates:
        day = _iso_date(candidate)
        if day is not None:
            return day
    return None


def _meta(soup: BeautifulSoup, attribute: str, value: str) -> str | None:
    wanted = value.lower()
    for meta in soup.find_all("meta"):
        found = meta.get(attribute)
        if isinstance(found, str) and found.strip().lower() == wanted:
            content = meta.get("content")
            if isinstance(content, str) and content.strip():
                return content.strip()
    return None


def _json_ld_dates(soup: BeautifulSoup) -> list[str | None]:
    dates: list[str | None] = []
    for script in soup.find_all("script", attrs={"type": re.compile("ld\\+json", re.I)}):
        try:
            data = json.loads(script.get_text())
        except (ValueError, RecursionError):
            continue
        dates.extend(_find_key(data, "datePublished"))
    return dates


def _find_key(data: object, key: str) -> Iterator[str]:
    """Yield every string value of ``key`` in nested JSON, breadth first, without recursion."""
    queue = deque([data])
    while queue:
        item = queue.popleft()
        if isinstance(item, dict):
            value = item.get(key)
            if isinstance(value, str):
                yield value
            queue.extend(item.values())
        elif isinstance(item, list):
            queue.extend(item)


def _time_datetime(soup: BeautifulSoup) -> str | None:
    for time in soup.find_all("time"):
        value = time.get("datetime")
        if isinstance(value, str) and value.strip():
            return value
    return None


def _iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from the start of an ISO 8601 date or timestamp, else None."""
    match = _ISO_DATE.match(value or "")
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def _canonical_url(soup: BeautifulSoup) -> str | None:
    candidates = [_meta(soup, "property", "og:url")]
    for link in soup.find_all("link"):
        rel: Any = link.get("rel") or []
        rels = rel.split() if isinstance(rel, str) else rel
        if "canonical" in (r.lower() for r in rels):
            href = link.get("href")
            candidates.insert(0, href if isinstance(href, str) else None)
            break
    for candidate in candidates:
        url = (candidate or "").strip()
        parts = urlsplit(url)
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            return url
    return None
