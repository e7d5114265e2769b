"""Pictures of pages: a local HTML file as a PNG screenshot or a PDF, in headless Chromium.

The browser is Debian's Chromium (``/usr/bin/chromium``) driven by Playwright's Python
package; Playwright's own browser downloads are never used. Each call starts Chromium
with a fresh, temporary profile and blocks every request that is not for a ``file:`` or
``data:`` URL, so rendering makes no network request (the blocked URLs are reported).

A page is photographed once it has settled: the load event has fired; when the page
defines ``window.mapperReady`` (a flag or a promise), it is true or resolved; a mapper
map (:mod:`mapper.render.interactive`) has marked itself ready (``data-mapper-ready``); its fonts
are loaded; and a short pause has let Leaflet finish drawing.

:func:`screenshot` and :func:`print_pdf` write their file atomically and return its path;
:func:`snapshot` (``mapper snapshot``) picks one by the output's ending and reports the
blocked requests too. Without Playwright or Chromium
they raise :class:`~mapper.deps.MissingDependencyError` saying what to install.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mapper.deps import MissingDependencyError, require
from mapper.errors import InputError, OutputError, UsageError
from mapper.outputs import write_atomic

__all__ = [
    "CHROMIUM",
    "INSTALL_CHROMIUM",
    "INSTALL_PLAYWRIGHT",
    "Capture",
    "check_browser",
    "print_pdf",
    "screenshot",
    "snapshot",
]

CHROMIUM = Path("/usr/bin/chromium")
INSTALL_PLAYWRIGHT = "pip install 'mapper[browser]'"
INSTALL_CHROMIUM = "apt-get install chromium"
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
LOCAL_SCHEMES = ("file:", "data:")
PAPERS = ("A0", "A1", "A2", "A3", "A4", "A5", "A6", "Letter", "Legal", "Tabloid", "Ledger")
LOAD_TIMEOUT_MS = 60_000
SETTLE_MS = 400

# Polled until true: a ``window.mapperReady`` flag is true or its promise has resolved;
# else, on a mapper map, the map has marked itself ready.
_READY = """() => {
  const ready = window.mapperReady;
  if (ready && typeof ready.then === 'function') {
    if (!ready.mapperWatched) {
      ready.mapperWatched = true;
      ready.then(() => { ready.mapperDone = true; });
    }
    return ready.mapperDone === true;
  }
  if (ready !== undefined && ready !== null) { return Boolean(ready); }
  return typeof window.MapperMap === 'undefined'
    || document.querySelector('[data-mapper-ready]') !== null;
}"""


@dataclass(frozen=True)
class Capture:
    """A picture written: where, its size in pixels (PNG) or CSS pixels (PDF), and every
    request that was blocked."""

    path: Path
    width: int
    height: int
    blocked: tuple[str, ...] = ()

    def message(self) -> str:
        """``wrote PATH (W×H px)``, and how many network requests were blocked."""
        text = f"wrote {self.path} ({self.width}×{self.height} px)"
        if self.blocked:
            count = len(self.blocked)
            text += (
                f"; blocked {count} network request{'s' if count != 1 else ''} "
                f"(first: {self.blocked[0]}); the page is shown without them"
            )
        return text


def check_browser(chromium: str | Path = CHROMIUM) -> None:
    """Raise :class:`~mapper.deps.MissingDependencyError` unless Playwright and Chromium are
    there: a run that needs them says so before it does any work."""
    require("playwright.sync_api", "Printing pages", INSTALL_PLAYWRIGHT)
    _chromium(chromium)


def screenshot(
    html_path: str | Path,
    png_path: str | Path,
    *,
    width: int = 1280,
    height: int = 800,
    scale: float = 1.0,
    chromium: str | Path = CHROMIUM,
) -> Path:
    """A PNG of the first ``width``×``height`` CSS pixels of the page, ``scale`` times as
    many device pixels each way; returns its path."""
    return _off_loop(_screenshot, html_path, png_path, width, height, scale, chromium).path


def print_pdf(
    html_path: str | Path,
    pdf_path: str | Path,
    *,
    paper: str | None = "A4",
    width: int = 1280,
    height: int = 800,
    chromium: str | Path = CHROMIUM,
) -> Path:
    """The page printed to PDF; returns its path.

    ``paper`` (``"A4"``, ``"Letter"``, ...): on pages of that size, as the page's print
    style lays it out, as many pages as it takes (a report). ``None``: one page the size
    of a ``width``×``height`` window, as the screen shows it (a map).
    """
    return _off_loop(_print, html_path, pdf_path, paper, width, height, chromium).path


def snapshot(
    html_path: str | Path,
    output: str | Path,
    *,
    width: int = 1280,
    height: int = 800,
    scale: float = 1.0,
    chromium: str | Path = CHROMIUM,
) -> Capture:
    """``mapper snapshot``: a PNG of the window, or a one-page PDF of it, by ``output``'s
    ending; with what was written and what was blocked."""
    suffix = Path(output).suffix.lower()
    if suffix == ".png":
        return _off_loop(_screenshot, html_path, output, width, height, scale, chromium)
    if suffix == ".pdf":
        return _off_loop(_print, html_path, output, None, width, height, chromium)
    raise UsageError(
        f"cannot tell the picture format from {str(output)!r}; end the name with .png or .pdf"
    )


def _off_loop(function: Callable[..., Capture], *args: Any) -> Capture:
    """``function(*args)``, in a worker thread when this thread runs an asyncio loop (as a
    notebook does): Playwright's synchronous API refuses to start inside one."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def _screenshot(
    html_path: str | Path,
    png_path: str | Path,
    width: int,
    height: int,
    scale: float,
    chromium: str | Path,
) -> Capture:
    _check_viewport(width, height, scale)
    with _page(html_path, width, height, scale, chromium) as (page, blocked):
        data = page.screenshot(type="png", animations="disabled")
    target = write_atomic(png_path, data)
    return Capture(target, round(width * scale), round(height * scale), tuple(blocked))


def _print(
    html_path: str | Path,
    pdf_path: str | Path,
    paper: str | None,
    width: int,
    height: int,
    chromium: str | Path,
) -> Capture:
    _check_viewport(width, height, 1.0)
    if paper is not None and paper.casefold() not in {p.casefold() for p in PAPERS}:
        raise UsageError(f"unknown paper size {paper!r}; choose one of {', '.join(PAPERS)}")
    with _page(html_path, width, height, 1.0, chromium) as (page, blocked):
        if paper is None:
            page.emulate_media(media="screen")
            layout: dict[str, Any] = {
                "width": f"{width}px",
                "height": f"{height}px",
                "page_ranges": "1",
            }
            layout["margin"] = {"top": "0", "right": "0", "bottom": "0", "left": "0"}
        else:
            page.emulate_media(media="print")
            layout = {"format": paper}
        data = page.pdf(print_background=True, **layout)
    target = write_atomic(pdf_path, data)
    return Capture(target, width, height, tuple(blocked))


def _check_viewport(width: int, height: int, scale: float) -> None:
    if not (100 <= width <= 10_000 and 100 <= height <= 10_000):
        raise UsageError(f"the window is 100 to 10000 pixels each way, not {width}×{height}")
    if not 0.5 <= scale <= 4:
        raise UsageError(f"scale must be between 0.5 and 4, not {scale}")


@contextmanager
def _page(
    html_path: str | Path, width: int, height: int, scale: float, chromium: str | Path
) -> Iterator[tuple[Any, list[str]]]:
    """The settled page in a fresh browser, and the list its blocked requests go to."""
    source = Path(html_path)
    if not source.is_file():
        raise InputError("no such file", path=source)
    api = require("playwright.sync_api", "Taking pictures of pages", INSTALL_PLAYWRIGHT)
    executable = _chromium(chromium)
    blocked: list[str] = []
    with (
        tempfile.TemporaryDirectory(prefix="mapper-chromium-") as profile,
        api.sync_playwright() as playwright,
    ):
        context = _launch(api, playwright, profile, executable, width, height, scale)
        try:
            context.route("**/*", lambda route: _local_only(route, blocked))
            page = context.pages[0] if context.pages else context.new_page()
            _open(api, page, source)
            yield page, blocked
        finally:
            context.close()


def _chromium(chromium: str | Path) -> Path:
    executable = Path(chromium)
    if not executable.is_file():
        raise MissingDependencyError(
            f"Taking pictures of pages needs Chromium at {executable}, which is missing: "
            f"{INSTALL_CHROMIUM}"
        )
    return executable


def _launch(
    api: Any,
    playwright: Any,
    profile: str,
    executable: Path,
    width: int,
    height: int,
    scale: float,
) -> Any:
    try:
        return playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(executable),
            args=list(ARGS),
            headless=True,
            viewport={"width": width, "height": height},
            device_scale_factor=scale,
            service_workers="block",
        )
    except api.Error as err:
        raise OutputError(f"cannot start Chromium at {executable} ({_first_line(err)})") from err


def _local_only(route: Any, blocked: list[str]) -> None:
    url = route.request.url
    if url.startswith(LOCAL_SCHEMES):
        route.continue_()
    else:
        blocked.append(url)
        route.abort("blockedbyclient")


def _open(api: Any, page: Any, source: Path) -> None:
    """Load the page and wait until it has settled (see the module's docstring)."""
    try:
        page.goto(source.resolve().as_uri(), wait_until="load", timeout=LOAD_TIMEOUT_MS)
        page.wait_for_function(_READY, timeout=LOAD_TIMEOUT_MS)
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_timeout(SETTLE_MS)
    except api.TimeoutError as err:
        seconds = LOAD_TIMEOUT_MS // 1000
        raise InputError(
            f"the page did not finish drawing within {seconds} s", path=source
        ) from err
    except api.Error as err:
        raise InputError(f"the page failed to load ({_first_line(err)})", path=source) from err


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
