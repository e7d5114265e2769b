"""Progress: a bar with total, rate and time left on a terminal; nothing elsewhere."""

from __future__ import annotations

import io
import warnings

from click.testing import CliRunner

from mapper.cli import main
from mapper.pipeline import run_pipeline
from mapper.progress import Bar, Quiet, progress_for
from mapper.tools.demo import samples


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_bar_on_a_terminal_and_nothing_elsewhere() -> None:
    assert isinstance(progress_for(False, Terminal()), Bar)
    assert isinstance(progress_for(False, io.StringIO()), Quiet)
    assert isinstance(progress_for(True, Terminal()), Quiet)


def test_the_bar_counts_the_articles_with_rate_and_time_left() -> None:
    screen = Terminal()
    run_pipeline([samples() / "articles"], progress=progress_for(False, screen))
    shown = screen.getvalue()
    assert "articles:" in shown and "9/9" in shown
    assert "article/s" in shown and "<" in shown  # the rate, and the time elapsed < left


def test_the_bar_counts_record_files_then_articles() -> None:
    screen = Terminal()
    run_pipeline(
        [samples() / "records.csv", samples() / "articles"], progress=progress_for(False, screen)
    )
    shown = screen.getvalue()
    assert shown.index("record files:") < shown.index("articles:")


def test_quiet_silences_warnings_too(tmp_path, monkeypatch) -> None:
    def warn_and_stop(*args: object, **kwargs: object) -> None:
        warnings.warn("a glyph is missing", UserWarning, stacklevel=1)
        raise SystemExit(0)

    monkeypatch.setattr("mapper.tools.maps.make_map", warn_and_stop)
    command = ["map", "x.csv", "-o", str(tmp_path / "m.html")]
    with warnings.catch_warnings(record=True) as loud:
        warnings.simplefilter("always")
        CliRunner().invoke(main, command)
    with warnings.catch_warnings(record=True) as quiet:
        warnings.simplefilter("always")
        result = CliRunner().invoke(main, [*command, "--quiet"])
    assert [str(w.message) for w in loud] == ["a glyph is missing"]
    assert quiet == [] and result.stderr == ""
