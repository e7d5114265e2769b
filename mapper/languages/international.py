"""What holds in text of every language: wire agencies, organisations and their acronyms,
name particles and surname endings in Latin transliteration, and site furniture that is
the same everywhere (copyright signs, agency photo credits).

Its tables are combined with every language's (see :func:`mapper.languages.everywhere`);
it is never a document's language.
"""

from __future__ import annotations

from mapper.languages.pack import (
    ColumnNames,
    FurnitureCues,
    IncidentPlaceWords,
    LanguagePack,
    NumberWords,
    PlaceNameWords,
    word_set,
    word_tuple,
)

__all__ = ["PACK"]

PLACE_NAMES = PlaceNameWords(
    common_words=word_set("photo foto фото copyright reuters afp ap tass ria interfax"),
    non_place_names=word_set(
        "taliban talibans hamas hezbollah isis isil daesh al-qaeda alqaeda kremlin allah"
    ),
    acronyms=word_set(
        "nato csto odkb osce obse un eu sco cis sng cia fsb gknb tv rfe rferl bbc cnn afp ap "
        "tass ria"
    ),
    organisation_before=word_set("televisión"),
    surname_endings=word_tuple("ov ev yev ova eva yeva bayev uly kyzy ovich evich"),
    name_particles=word_set("de del la le al el ad an as ash i na pod nad"),
)

NUMBERS = NumberWords(measures=word_set("%"))

INCIDENT_PLACES = IncidentPlaceWords(list_link=",")

FURNITURE = FurnitureCues(
    phrases=(
        ("copyright", r"[^\r\n]{0,120}?©"),
        ("copyright", r"\(c\) \d{4}"),
        (
            "photo_credit",
            r"\((?:(?-i:[A-Z][A-Za-z.]*(?:/[A-Z][A-Za-z.]*)+)|reuters|afp|ap|antara|epa"
            r"|getty images|tass|xinhua|anadolu|shutterstock|istock)\)(?=[^\S\r\n]*(?:\r|\n|\Z))",
        ),
    ),
)

#: Language codes that qualify a description or link column ("description_ru").
COLUMNS = ColumnNames(
    qualifiers=word_set("en ru rus russian ky kg kir tg tj uz id kk kz"),
)

PACK = LanguagePack(
    code="*",
    name="every language",
    place_names=PLACE_NAMES,
    numbers=NUMBERS,
    incident_places=INCIDENT_PLACES,
    furniture=FURNITURE,
    columns=COLUMNS,
)
