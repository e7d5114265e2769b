"""An article as incident extraction reads it: its sentences, dates and places.

:class:`Article` is built once per document (:func:`mapper.incidents.extract.extract_incidents`)
and read by every sentence: which paragraph an offset is in, which mentions lie in a span.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from mapper.incidents.dates import DateMention, Reference
from mapper.model import Document, Mention
from mapper.read.sentences import Sentence

__all__ = ["Article"]


@dataclass(frozen=True)
class Article:
    """What every sentence of one document is read against."""

    document: Document
    language: str
    sentences: tuple[Sentence, ...]
    found_dates: tuple[tuple[DateMention, ...], ...]
    mentions: tuple[Mention, ...]
    reference: Reference | None
    focus: Mention | None
    focus_country: Mention | None
    headings: tuple[tuple[int, int], ...]
    present: dt.date | None

    def in_heading(self, offset: int) -> bool:
        """Whether ``offset`` lies in the headline or a subheading (which the body restates)."""
        return any(start <= offset < end for start, end in self.headings)

    @cached_property
    def starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def paragraph_at(self, offset: int) -> int:
        """The paragraph of the sentence that holds ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        return self.sentences[max(index, 0)].paragraph if self.sentences else 0

    @cached_property
    def mentions_by_start(self) -> tuple[list[int], list[int]]:
        """The mentions' starts in ascending order, and the index of each mention."""
        order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        return [self.mentions[i].start for i in order], order

    def mentions_within(self, start: int, end: int) -> list[Mention]:
        """The mentions that lie within ``start:end``, in their order."""
        starts, order = self.mentions_by_start
        chosen = sorted(order[bisect_left(starts, start) : bisect_right(starts, end)])
        return [self.mentions[i] for i in chosen if self.mentions[i].end <= end]

    @cached_property
    def mentions_by_paragraph(self) -> dict[int, list[Mention]]:
        """The mentions of each paragraph (the paragraph of their start), in their order."""
        found: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            found.setdefault(self.paragraph_at(mention.start), []).append(mention)
        return found
