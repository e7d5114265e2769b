"""Progress of a long run, as people expect it on a terminal and nowhere else.

The pipeline reports to a :class:`Progress`: stages with a total ("articles", "record
files"), steps, and notes. :func:`progress_for` picks the reporter for a command:

* :class:`Bar` — when stderr is a terminal: a tqdm bar with the total, the rate and the
  time left, one per stage;
* :class:`Quiet` — otherwise, or with ``--quiet``: nothing while the run goes; the command
  prints its one summary line at the end (``wrote …``), unless quiet.

Library callers pass ``progress=None`` and get :class:`Quiet`.
"""

from __future__ import annotations

import sys
from typing import Any, Protocol, TextIO

__all__ = ["Bar", "Progress", "Quiet", "progress_for"]


class Progress(Protocol):
    """What a long run reports: stages with a total, steps, and notes worth reading."""

    def stage(self, name: str, total: int | None) -> None:
        """A new stage of ``total`` steps (``None``: unknown) begins."""

    def step(self, done: int = 1) -> None:
        """``done`` more steps of the current stage are finished."""

    def note(self, message: str) -> None:
        """A line a person should read (not a step)."""

    def close(self) -> None:
        """The run is over: clear what is on screen."""


class Quiet:
    """Reports nothing."""

    def stage(self, name: str, total: int | None) -> None:
        pass

    def step(self, done: int = 1) -> None:
        pass

    def note(self, message: str) -> None:
        pass

    def close(self) -> None:
        pass


class Bar:
    """A tqdm bar on ``stream`` per stage: total, rate and time left."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.bar: Any = None

    def stage(self, name: str, total: int | None) -> None:
        from tqdm import tqdm

        self._finish()
        self.bar = tqdm(
            total=total,
            desc=name,
            unit=" " + name.split()[-1].rstrip("s"),
            file=self.stream,
            leave=False,
            dynamic_ncols=True,
            mininterval=0.2,
        )

    def step(self, done: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(done)

    def note(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream)

    def close(self) -> None:
        self._finish()

    def _finish(self) -> None:
        if self.bar is not None:
            self.bar.refresh()
            self.bar.close()
            self.bar = None


def progress_for(quiet: bool, stream: TextIO | None = None) -> Progress:
    """A bar when ``stream`` (stderr) is a terminal and not ``quiet``; else nothing."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not _is_terminal(stream):
        return Quiet()
    return Bar(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
