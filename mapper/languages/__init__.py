"""Language packs: everything a language needs, one module per language.

:data:`PACKS` is the table of the languages mapper reads, by ISO 639-1 code, the way geopy
lists its geocoders: ``id`` (Indonesian), ``en`` (English), ``ru`` (Russian). Each pack is
a :class:`~mapper.languages.pack.LanguagePack` (word lists and patterns for dates,
numbers, casualties, events, place names, sentences, site furniture and record columns).
:mod:`mapper.languages.international` holds what is the same in every language.

The stages ask for tables in one of two ways:

* :func:`pack_for` — the pack of a document's language; a language without a pack is
  read with the English one (:data:`FALLBACK`);
* :func:`everywhere` — every pack and the international tables, for what holds in text of
  any language (demonyms, weapons, organisation acronyms).

Adding a language is one new module with a ``PACK`` and a line in :data:`PACKS` (or a call
to :func:`register` from outside the package). Tables combined from several packs are
cached by :func:`generation`, which every registration advances.
"""

from __future__ import annotations

from mapper.languages import en, id, international, ru
from mapper.languages.pack import LanguagePack, Morphology

__all__ = [
    "FALLBACK",
    "INTERNATIONAL",
    "PACKS",
    "LanguagePack",
    "codes",
    "everywhere",
    "generation",
    "has_pack",
    "morphology_for",
    "pack_for",
    "register",
    "unregister",
]

#: The language packs, by code. Tables that several packs share are combined in this order.
PACKS: dict[str, LanguagePack] = {"id": id.PACK, "en": en.PACK, "ru": ru.PACK}

#: The tables that hold in every language.
INTERNATIONAL: LanguagePack = international.PACK

#: The pack used for text in a language without a pack of its own.
FALLBACK = "en"

_generation = 0


def pack_for(code: str) -> LanguagePack:
    """The pack of the language ``code``, or the :data:`FALLBACK` pack."""
    return PACKS.get(code) or PACKS[FALLBACK]


def has_pack(code: str) -> bool:
    """Whether the language ``code`` has a pack of its own."""
    return code in PACKS


def codes() -> tuple[str, ...]:
    """The codes of the languages with a pack, in registration order."""
    return tuple(PACKS)


def everywhere() -> tuple[LanguagePack, ...]:
    """Every pack, then the international tables."""
    return (*PACKS.values(), INTERNATIONAL)


def morphology_for(word: str) -> Morphology | None:
    """The analyser of the first pack whose morphology reads ``word`` (by its script), if any."""
    for pack in everywhere():
        if pack.morphology is not None and pack.morphology.applies(word):
            return pack.morphology
    return None


def generation() -> int:
    """A number that changes whenever a pack is registered or removed (a cache key)."""
    return _generation


def register(pack: LanguagePack, *, replace: bool = False) -> None:
    """Add ``pack`` to :data:`PACKS` (``replace`` to override a pack of the same code)."""
    global _generation
    if not pack.code or pack.code == INTERNATIONAL.code:
        raise ValueError(f"a language pack needs an ISO 639-1 code, got {pack.code!r}")
    if pack.code in PACKS and not replace:
        raise ValueError(f"a pack for {pack.code!r} is registered already; pass replace=True")
    PACKS[pack.code] = pack
    _generation += 1


def unregister(code: str) -> None:
    """Remove the pack of ``code`` (the fallback pack cannot be removed)."""
    global _generation
    if code == FALLBACK:
        raise ValueError(f"the fallback pack {FALLBACK!r} cannot be removed")
    if PACKS.pop(code, None) is not None:
        _generation += 1
