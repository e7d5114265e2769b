"""HTML to text: dropped content, line breaks, entities, metadata, deep and large pages."""

from __future__ import annotations

import json

import pytest

from mapper.read.html_text import declared_encoding, html_to_text, looks_like_html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>  Shooting   near the border | Example News </title>
  <meta property="og:title" content="Shooting near the border">
  <style>body { font-family: serif; }</style>
  <script>window.tracker = "script text";</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/asia">Asia</a></nav>
  <article>
    <h1>Shooting near the <em>border</em></h1>
    <p>Residents of two&nbsp;villages   near Isfara
       left their homes, officials said &amp; police agreed&hellip;</p>
    <p>Line one<br>line two<br><br>line four</p>
    <!-- an editor's comment -->
    <noscript>Please enable JavaScript</noscript>
    <template><p>template text</p></template>
    <svg viewBox="0 0 10 10"><text>svg text</text></svg>
    <ul><li>first point</li><li>second <b>bold</b> point</li></ul>
    <table><tr><th>Village</th><th>Evacuated</th></tr><tr><td>Ak-Sai</td><td>120</td></tr></table>
    <pre>  kept   as
  written</pre>
    <p>Tom &amp; Jerry &lt;3 &#1041;&#x44E; &quot;quoted&quot;</p>
  </article>
  <script type="text/javascript">console.log("more script text")</script>
</body>
</html>
"""


def test_text_of_a_page() -> None:
    assert html_to_text(PAGE).text == (
        "Home Asia\n"
        "\n"
        "Shooting near the border\n"
        "\n"
        "Residents of two villages near Isfara left their homes, officials said & police agreed…\n"
        "\n"
        "Line one\n"
        "line two\n"
        "\n"
        "line four\n"
        "\n"
        "first point\n"
        "second bold point\n"
        "\n"
        "Village\tEvacuated\n"
        "Ak-Sai\t120\n"
        "\n"
        "  kept   as\n"
        "  written\n"
        "\n"
        'Tom & Jerry <3 Бю "quoted"'
    )


@pytest.mark.parametrize(
    "hidden",
    ["script text", "more script text", "font-family", "editor's comment", "JavaScript",
     "template text", "svg text", "Example News"],
)  # fmt: skip
def test_non_text_content_is_dropped(hidden: str) -> None:
    assert hidden not in html_to_text(PAGE).text


def test_title_prefers_the_title_element() -> None:
    assert html_to_text(PAGE).title == "Shooting near the border | Example News"


def test_title_falls_back_to_og_title_then_h1() -> None:
    og = '<html><head><meta property="og:title" content="OG headline"></head><h1>H</h1></html>'
    assert html_to_text(og).title == "OG headline"
    assert html_to_text("<html><body><h1>First <i>heading</i></h1><h1>Second</h1>").title == (
        "First heading"
    )
    assert html_to_text("<p>no title at all</p>").title is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta property="article:published_time" content="2022-01-27T18:30:00+06:00">',
            "2022-01-27",
        ),
        ('<meta name="date" content="2021-09-16">', "2021-09-16"),
        ('<meta itemprop="datePublished" content="2020-02-29T00:00:00Z">', "2020-02-29"),
        ('<meta name="date" content="27 January 2022">', None),
        ('<meta name="date" content="2022-13-45">', None),
        ("", None),
    ],
)
def test_published_from_meta(head: str, expected: str | None) -> None:
    assert (
        html_to_text(f"<html><head>{head}</head><body><p>x</p></body></html>").published == expected
    )


def test_published_from_json_ld() -> None:
    data = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
            {"@type": "NewsArticle", "datePublished": "2022-01-09T08:00:00+05:00"}]}  # fmt: skip
    markup = f'<script type="application/ld+json">{json.dumps(data)}</script><p>Body</p>'
    page = html_to_text(markup)
    assert page.published == "2022-01-09"
    assert "NewsArticle" not in page.text


def test_published_from_time_element() -> None:
    markup = '<p>Posted <time datetime="2021-08-15T10:00">Sunday</time></p>'
    assert html_to_text(markup).published == "2021-08-15"


def test_article_published_time_wins_over_other_dates() -> None:
    markup = (
        '<head><meta name="date" content="2020-01-01">'
        '<meta property="article:published_time" content="2022-01-05"></head>'
        '<time datetime="2019-01-01">x</time>'
    )
    assert html_to_text(markup).published == "2022-01-05"


def test_broken_or_deep_json_ld_is_ignored() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    markup = (
        '<script type="application/ld+json">{not json</script>'
        f'<script type="application/ld+json">{deep}</script><p>Body</p>'
    )
    assert html_to_text(markup).published is None


def test_canonical_url() -> None:
    markup = (
        '<head><link rel="canonical" href="https://news.example/a/1">'
        '<meta property="og:url" content="https://news.example/og"></head>'
    )
    assert html_to_text(markup).url == "https://news.example/a/1"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<link rel="canonical" href="javascript:alert(1)">', None),
        ('<link rel="canonical" href="/relative/path">', None),
        ('<link rel="canonical" href="ftp://news.example/x">', None),
        ('<meta property="og:url" content="http://news.example/og">', "http://news.example/og"),
        (
            '<link rel="canonical" href="data:text/html,x">'
            '<meta property="og:url" content="https://news.example/og">',
            "https://news.example/og",
        ),
    ],
)
def test_only_http_urls_are_kept(head: str, expected: str | None) -> None:
    assert html_to_text(f"<html><head>{head}</head><body>x</body></html>").url == expected


def test_deeply_nested_page_keeps_all_its_text() -> None:
    depth = 5000
    markup = "<html><body>" + "<div>" * depth + "deep &amp; inner" + "</div>" * depth
    markup += "<p>after the nest</p></body></html>"
    assert html_to_text(markup).text == "deep & inner\n\nafter the nest"


def test_deep_unclosed_inline_elements() -> None:
    markup = "<p>" + "<span><b>" * 10_000 + "still here"
    assert html_to_text(markup).text == "still here"


def test_large_page() -> None:
    paragraph = "<p>Paragraph about <b>Osh</b> &amp; <a href='/x'>Batken</a>.</p>\n"
    page = html_to_text("<html><body>" + paragraph * 10_000 + "</body></html>")
    assert page.text.count("Paragraph about Osh & Batken.") == 10_000


@pytest.mark.parametrize("markup", ["", "   ", "<html></html>", "<script>x</script>"])
def test_empty_pages(markup: str) -> None:
    assert html_to_text(markup).text == ""


def test_markup_that_looks_like_a_url_or_xml_raises_no_warning() -> None:
    assert html_to_text("https://news.example/a").text == "https://news.example/a"
    assert html_to_text('<?xml version="1.0"?><html><p>x</p></html>').text == "x"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html>", True),
        ("\ufeff  <html lang='id'>", True),
        ("<!-- saved page -->\n<HEAD><title>x</title>", True),
        ("Plain text that mentions <b>tags</b>.", False),
        ("", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_declared_encoding() -> None:
    assert declared_encoding(b'<html><head><meta charset="windows-1251">') == "windows-1251"
    assert declared_encoding(b"<p>no declaration</p>") is None
