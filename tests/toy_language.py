"""A toy language pack in one module, to prove a language is added by one module: Dutch,
with just enough words for a short news report (a clash, a date, a count, a teaser)."""

from __future__ import annotations

from mapper.event_types import CLASH, PROTEST
from mapper.languages.pack import (
    CasualtyWords,
    DateWords,
    EventWords,
    FurnitureCues,
    IncidentPlaceWords,
    LanguagePack,
    NumberWords,
    PlaceNameWords,
    word_set,
    word_tuple,
)

PACK = LanguagePack(
    code="nl",
    name="Dutch",
    place_names=PlaceNameWords(
        common_words=word_set("de het een bij in op van en"),
        prefix_designators={"dorp": frozenset({"populated_place"})},
        unknown_name_designators=word_set("dorp"),
        containment_words=word_set("in"),
    ),
    dates=DateWords(
        months={1: "januari", 2: "februari", 9: "september"},
        month_names=word_tuple(
            "januari februari maart april mei juni juli augustus september oktober november "
            "december"
        ),
        weekdays={3: "donderdag"},
        day_offsets={"gisteravond": -1},
        year_context=r"(?:in)\s+",
    ),
    numbers=NumberWords(
        words={"een": 1, "twee": 2, "drie": 3, "vier": 4},
        vague_amounts={r"tientallen": 12},
        conjunctions=word_set("en"),
    ),
    casualties=CasualtyWords(
        killed=r"gedood|omgekomen|doden",
        injured=r"gewond|gewonden",
        according_to=r"\bvolgens\s+",
    ),
    events=EventWords(
        cues=((r"botsingen|gevechten", CLASH), (r"demonstratie|betoging", PROTEST)),
        negations=r"geen|niet|zonder",
        unrealised=r"zal|zullen|als",
        actors=(r"(?:Kirgizische|Tadzjiekse)\s+grenswachten",),
    ),
    incident_places=IncidentPlaceWords(locative=r"in|bij", origin=r"uit", destination=r"naar"),
    abbreviations=word_set("dhr mevr"),
    furniture=FurnitureCues(labels=(("teaser", "lees ook"),)),
    word_frequencies="nl",
    dateparser="nl",
)
