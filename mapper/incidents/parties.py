"""Who takes part in an event: the parties a sentence names, by ACLED's actor kind.

ACLED codes an event by who did what to whom. :func:`find_parties` lists the parties a
sentence names (:class:`Party`: where, and which kind — state forces, rebels, militias,
external forces, rioters, protesters, residents (villagers, communities: who may fight as
a mob) or civilians (who are fought: ACLED's "inter" codes) from the
language pack's ``events.parties`` table. :func:`roles` splits them around an event cue
into those who act and those acted on: in an active sentence the parties before the cue
act ("gunmen killed three villagers"); in a passive one ("three villagers were killed by
gunmen", "warga ditembak oleh OTK") the parties before the cue are acted on, and the doer
follows the agent word ("by", "oleh", "со стороны").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mapper import languages

__all__ = ["ARMED", "CROWDS", "KINDS", "Party", "Roles", "find_parties", "roles"]

#: ACLED's actor kinds, as the packs name them.
KINDS = (
    "state", "rebel", "militia", "external", "rioters", "protesters", "residents", "civilians",
)  # fmt: skip
#: Organised armed groups: a fight between two of them is a battle.
ARMED = frozenset({"state", "rebel", "militia", "external"})
#: Crowds: demonstrators and rioters.
CROWDS = frozenset({"rioters", "protesters"})


@dataclass(frozen=True)
class Party:
    """A party named in a sentence: its offsets, as written, and its kind."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class Roles:
    """The kinds of the parties that act in an event and of those acted on."""

    acting: frozenset[str]
    acted_on: frozenset[str]

    @property
    def everyone(self) -> frozenset[str]:
        return self.acting | self.acted_on


def find_parties(text: str, language: str) -> list[Party]:
    """The parties ``text`` names, in order; where two patterns overlap the longer wins."""
    code = languages.pack_for(language).code
    found: list[Party] = []
    for pattern, kind in _patterns(code, languages.generation()):
        found += [Party(m.start(), m.end(), m.group(), kind) for m in pattern.finditer(text)]
    chosen: list[Party] = []
    for party in sorted(found, key=lambda p: (p.start, -(p.end - p.start))):
        if not chosen or party.start >= chosen[-1].end:
            chosen.append(party)
    return chosen


def roles(parties: list[Party], cue_start: int, cue_end: int, text: str, language: str) -> Roles:
    """Who acts and who is acted on, around the cue at ``text[cue_start:cue_end]``."""
    words = languages.pack_for(language).events
    before = [p for p in parties if p.end <= cue_start]
    after = [p for p in parties if p.start >= cue_end]
    if not _passive(text, cue_start, cue_end, words.passive, words.passive_prefixes):
        return Roles(frozenset(p.kind for p in before), frozenset(p.kind for p in after))
    agent = _agent(words.agent)
    doers = [p for p in after if agent.search(text[cue_end : p.start])]
    others = [p for p in after if p not in doers]
    return Roles(frozenset(p.kind for p in doers), frozenset(p.kind for p in [*before, *others]))


def _passive(text: str, start: int, end: int, auxiliaries: str, prefixes: tuple[str, ...]) -> bool:
    word = text[start:end].lower()
    if prefixes and word.startswith(prefixes) and len(word) > 4:
        return True
    window = text[max(0, start - 40) : start]
    return bool(re.search(rf"(?<!\w)(?:{auxiliaries})\s+(?:\w+\s+)?$", window, re.IGNORECASE))


@cache
def _agent(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{pattern})\s+(?:\w+\s+){{0,3}}$", re.IGNORECASE)


@cache
def _patterns(language: str, generation: int) -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = languages.pack_for(language).events.parties
    return tuple(
        (re.compile(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", re.IGNORECASE), kind)
        for pattern, kind in rows
    )
