"""English: the language pack.

English is also the fallback: text in a language without a pack of its own is read with
these tables, and site templates in English are recognised in every language.
"""

from __future__ import annotations

from mapper.event_types import (
    ABDUCTION,
    AGREEMENT,
    AIR,
    ARRESTS,
    ATTACK,
    BASE,
    BLOCKADE,
    CHANGE,
    CLASH,
    DEPLOYMENT,
    EVACUATION,
    EXPLOSIVE,
    INTERVENTION,
    LOOTING,
    MOB,
    OTHER,
    OUTAGE,
    PROTEST,
    SHELLING,
    TRANSFER,
    VIOLENT_DEMO,
)
from mapper.languages.pack import (
    CasualtyWords,
    ColumnNames,
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

__all__ = ["PACK"]


PLACE_NAMES = PlaceNameWords(
    common_words=word_set(
        "the this that these those but and or of in on at by for with from to as is was were "
        "may march june july august monday tuesday wednesday thursday friday saturday sunday "
        "january february april september october november december president minister prime "
        "police reading mobile nice split bath independence liberty victory unity freedom "
        "central north south east west new old great little upper lower fort mount lake river "
        "city town village district region province state republic kingdom union federation "
        "border government officials official army troops forces news report reports posted "
        "after before during while since until however meanwhile according photo source "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    ),
    demonyms=word_set(
        "tajik tajiks tadjik kyrgyz kirgiz kirgis kyrgyzs kazakh kazakhs kazak uzbek uzbeks "
        "turkmen afghan afghans russian russians american americans chinese soviet belarusian "
        "armenian iranian pakistani indian ukrainian european asian pashtun hazara"
    ),
    organisation_before=word_set("radio air bank university"),
    organisation_after=word_set(
        "airways airlines air news times post wire tv today media plus daily telegraph group "
        "bank university cooperation organisation organization council institute agency press "
        "herald gazette journal tribune online express international inform info"
    ),
    place_abbreviations=word_set("usa uae"),
    name_particles=word_set("of and on upon"),
    prefix_designators={
        "village": frozenset({"populated_place"}),
        "town": frozenset({"populated_place"}),
        "city": frozenset({"populated_place"}),
        "province": frozenset({"admin1"}),
    },
    suffix_designators={
        "region": frozenset({"admin1"}),
        "oblast": frozenset({"admin1"}),
        "province": frozenset({"admin1"}),
        "district": frozenset({"admin2"}),
        "raion": frozenset({"admin2"}),
        "rayon": frozenset({"admin2"}),
        "cosmodrome": frozenset({"landmark"}),
        "village": frozenset({"populated_place"}),
    },
    unknown_name_designators=word_set("village"),
    containment_words=word_set("in of near"),
)

DATES = DateWords(
    months={
        1: "january|jan",
        2: "february|feb",
        3: "march|mar",
        4: "april|apr",
        5: "may",
        6: "june|jun",
        7: "july|jul",
        8: "august|aug",
        9: "september|sept|sep",
        10: "october|oct",
        11: "november|nov",
        12: "december|dec",
    },
    month_names=word_tuple(
        "January February March April May June July August September October November December"
    ),
    weekdays={
        0: "monday",
        1: "tuesday",
        2: "wednesday",
        3: "thursday",
        4: "friday",
        5: "saturday",
        6: "sunday",
    },
    day_offsets={"last night": -1, "this morning": 0, "tonight": 0, "this evening": 0},
    week_offsets={"last week": -1, "this week": 0},
    year_offsets={"last year": -1, "this year": 0},
    anaphora={
        "the same day": 0,
        "that same day": 0,
        "that day": 0,
        "that evening": 0,
        "a day earlier": -1,
        "the day before": -1,
        "the previous day": -1,
        "a day later": 1,
        "the next day": 1,
        "the following day": 1,
    },
    relative=r"the\s+day\s+before\s+yesterday|yesterday|today"
    r"|(?:\d+|two|three|four|five)\s+days\s+ago",
    relative_days={"the day before yesterday": -2, "yesterday": -1, "today": 0},
    days_ago=r"([0-9]+) days ago",
    small_numbers={"two": "2", "three": "3", "four": "4", "five": "5"},
    strict_weekday=(r"(?:last\s+)?", r"(?:'s)?"),
    strict_words=r"last",
    year_context=r"(?:in|since|until|of)\s+",
    month_before_day=True,
    deadline=r"until|till|through|to|extended\s+to",
)

_UNITS = word_tuple(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen"""
)
_TENS = word_tuple("twenty thirty forty fifty sixty seventy eighty ninety")

NUMBERS = NumberWords(
    words={
        **{word: n for n, word in enumerate(_UNITS, 1)},
        **{word: 10 * n for n, word in enumerate(_TENS, 2)},
    },
    multipliers={"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000},
    vague_amounts={
        r"tens\s+of\s+thousands": 10_000,
        r"hundreds\s+of\s+thousands": 100_000,
        r"(?:several|a\s+few)\s+dozen": 12,
        r"(?:several|a\s+few)\s+hundred": 100,
        r"(?:several|a\s+few)\s+thousand": 1000,
        r"several": 3,
        r"a\s+few": 3,
        r"a\s+number\s+of": 3,
        r"dozens": 12,
        r"scores": 12,
        r"tens": 12,
        r"hundreds": 100,
        r"thousands": 1000,
    },
    conjunctions=word_set("and"),
    measures=word_set(
        "km kilometer kilometre kilometres kilometers percent years year hours hour minutes "
        "dollars billion"
    ),
)

CASUALTIES = CasualtyWords(
    killed=r"killing|killed|dead|died|deaths?|death\s+toll|lives",
    injured=r"injuring|wounding|injured|wounded|hurt|injuries",
    victims_follow=r"killing|injuring|wounding|death\s+toll",
    toll_reaches=r"to|reached|at",
    according_to=r"\baccording\s+to\s+",
    said_before_claimant=r"\b(?:said|reported|told)\s+(?=the\s)",
    said_after_claimant=r"\s(?:said|says|reported|reports|has\s+reported|announced|claimed"
    r"|stated|told)\b",
    phrase_stops=word_set(
        "on in at since that had have has was were is are also later earlier late"
    ),
    pronouns=word_set("he she they it we"),
    prepositions=word_set("of from"),
    claimant_glossary=(
        (r"the|both|its|their|of|from|in", ""),
        (r"tajik(?:istan(?:'s|i)?)?", "@Tajik"),
        (r"kyrgyz(?:stan(?:'s|i)?)?|kirghiz", "@Kyrgyz"),
        (r"kazakh(?:stan(?:'s|i)?)?", "@Kazakh"),
        (r"russian|russia's|russia", "@Russian"),
        (r"uzbek(?:istan(?:'s|i)?)?", "@Uzbek"),
        (r"afghan(?:istan(?:'s)?)?", "@Afghan"),
        (r"chinese|china's|china", "@Chinese"),
        (r"local", "@local"),
        (r"officials?", "officials"),
        (r"authorities", "authorities"),
        (r"governments?", "government"),
        (r"border\s+service", "border service"),
        (r"border\s+(?:guards|troops)", "border guards"),
        (r"(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)", "defence ministry"),
        (
            r"(?:interior\s+ministry|ministry\s+of\s+(?:the\s+)?interior"
            r"|ministry\s+of\s+internal\s+affairs)",
            "interior ministry",
        ),
        (r"(?:health\s+ministry|ministry\s+of\s+health)", "health ministry"),
        (r"(?:foreign\s+ministry|ministry\s+of\s+foreign\s+affairs)", "foreign ministry"),
        (r"state\s+(?:tv(?:\s+channel)?|television(?:\s+channel)?|broadcaster)", "state TV"),
        (r"police", "police"),
        (r"military", "military"),
        (r"army", "army"),
        (r"spokes(?:person|man|woman)", "spokesperson"),
        (r"sources?", "sources"),
        (r"media", "media"),
        (r"side", "side"),
    ),
)

_NATION = (
    r"(?:Kyrgyz|Kyrgyzstani|Tajik|Tajikistani|Kazakh|Kazakhstani|Uzbek|Russian(?:-led)?|Afghan"
    r"|Turkmen|Chinese|(?-i:US)|U\.S\.|American|Taliban|CSTO)"
)
_FORCE = (
    r"(?:border\s+(?:guards?|troops|service|forces|police|officials)|armed\s+forces"
    r"|security\s+forces|special\s+forces|forces|troops|soldiers|servicemen|army|military|police"
    r"|paratroopers|peacekeepers|peacekeeping\s+(?:force|troops|contingent)|authorities"
    r"|officials|government|protesters|demonstrators|rioters|residents|fighters|militants"
    r"|(?:emergencies|interior|defen[cs]e)\s+ministry)"
)

EVENTS = EventWords(
    cues=(
        (
            r"clash(?:es|ed)?|fighting|fought|firefights?|gunfights?|shoot-?outs?|gunfire"
            r"|exchanged\s+(?:gun)?fire|exchange\s+of\s+fire|shooting|battles?|skirmish(?:es)?"
            r"|hostilities",
            CLASH,
        ),
        (
            r"air\s*strikes?|drone\s+(?:strikes?|attacks?)|air\s+raids?|bombing\s+raids?"
            r"|barrel\s+bombs?|(?:warplanes|jets|helicopters)\s+(?:struck|bombed|hit)",
            AIR,
        ),
        (
            r"shell(?:ing|ed|s)?|artillery|mortars?"
            r"|(?:fired|firing)\s+(?:[\w-]+\s+){0,2}?(?:rockets?|mortar\w*|artillery|shells)"
            r"|rocket\s+(?:attacks?|fire)|missile\s+(?:attacks?|strikes?)|grenade\s+launchers?",
            SHELLING,
        ),
        (
            r"landmines?|roadside\s+bombs?|IEDs?|explosive\s+devices?|car\s+bombs?"
            r"|(?:bomb|mine)\s+(?:blasts?|explosions?)",
            EXPLOSIVE,
        ),
        (r"stormed|storming|seized|ransacked|mob", MOB),
        (r"riots?|rioting|rioters|unrest|violent\s+protests?|vandali[sz]ed", VIOLENT_DEMO),
        (r"abduct(?:ed|ion|ions)|kidnapp?(?:ed|ing)", ABDUCTION),
        (
            r"attack(?:s|ed|ing)?|ambush(?:es|ed)?|raid(?:s|ed)?|assault(?:s|ed)?"
            r"|opened\s+fire(?:\s+on)?|shot(?:\s+dead)?|gunned\s+down|massacred?|lynch(?:ed|ing)"
            r"|beat(?:en)?\s+(?:to\s+death|up)|stabbed|hacked\s+to\s+death|beheaded"
            r"|assassinat(?:ed|ion)|executed",
            ATTACK,
        ),
        (
            r"dispersed|tear\s+gas|broke\s+up\s+(?:the\s+)?(?:protest|rally|demonstration)",
            INTERVENTION,
        ),
        (
            r"protest(?:s|ed|ing|ers)?|demonstrat(?:ion|ions|ors|ed|ing)|rall(?:y|ies|ied)"
            r"|took\s+to\s+the\s+streets|sit-ins?|marched"
            r"|(?:people|residents|protesters|crowds?|hundreds|thousands)\s+(?:[\w-]+\s+){0,2}?gathered",
            PROTEST,
        ),
        (
            r"fell(?=\s+(?:to|on|without|into)\s)|took\s+control|taken\s+control"
            r"|(?:fighters|forces|troops|militants)\s+entered",
            TRANSFER,
        ),
        (
            r"deploy(?:ed|ment|ments|ing|s)?|redeployed|stationed|contingents?|reinforcements"
            r"|peacekeepers?|peacekeeping\s+(?:force|troops|contingent|mission)"
            r"|(?:sent|send|sending|sends)\s+(?:[\w-]+\s+){0,3}?(?:troops|soldiers|forces|units"
            r"|peacekeepers|paratroopers)|troops\s+(?:[\w-]+\s+){0,3}?arrived"
            r"|(?:began|started)\s+guarding|took\s+over\s+security|guarding",
            DEPLOYMENT,
        ),
        (r"detain(?:ed|s|ing)?|detentions?|arrest(?:ed|s|ing)?", ARRESTS),
        (
            r"looted|looting|set\s+on\s+fire|set\s+fire\s+to|set\s+ablaze|burned\s+down|torched",
            LOOTING,
        ),
        (
            r"blockades?|roadblocks?|road\s+blocks?"
            r"|(?:blocked|blocking)\s+(?:a\s+|the\s+)?(?:roads?|highways?|streets?)",
            BLOCKADE,
        ),
        (
            r"evacuat(?:ed|ion|ions|ing|e|es)|evacuees|fled\s+their\s+homes|displaced"
            r"|(?:were|had\s+been|have\s+been)\s+moved\s+to"
            r"|(?:moved|taken|brought|rushed|fled)\s+(?:[\w-]+\s+){0,3}?to\s+safety",
            EVACUATION,
        ),
        (
            r"blackouts?|power\s+outages?|outages?|power\s+cuts?|without\s+(?:electricity|power)"
            r"|power\s+(?:[\w-]+\s+){0,4}?(?:was|were)\s+cut",
            OUTAGE,
        ),
        (r"(?:established|set\s+up)\s+(?:a\s+)?(?:military\s+)?(?:base|headquarters)", BASE),
        (
            r"state\s+of\s+emergency|curfews?|martial\s+law|emergency\s+rule"
            r"|counter-?terror(?:ism|ist)?\s+operation|mobili[sz](?:ed|ation)",
            CHANGE,
        ),
        (r"agreed|agreement|truce|signed\s+(?:a|an)\s+(?:deal|accord)", AGREEMENT),
        (
            r"(?:military\s+|joint\s+)?exercises?|drills?|war\s+games",
            OTHER,
        ),
    ),
    secondary_markers=r"in|during|after|amid|following|since|before|from|with|fled|earlier"
    r"|by|over|charg(?:e|es|ed)\s+(?:with|of)|counts?\s+of|accused\s+of|suspected\s+of"
    r"|involvement\s+in|organi[sz]ation\s+of|preparations?\s+for|responsibility\s+for",
    generic=r"in\s+recent\s+(?:years|months|decades)|over\s+the\s+(?:years|past\s+decades?)"
    r"|sporadic(?:ally)?|regularly|frequently|often|repeatedly|routinely|periodically"
    r"|(?:two|three|four|five|several|many|multiple)\s+times|most\s+(?:attacks|clashes)"
    r"|a\s+(?:series|string|wave)\s+of|have\s+(?:experienced|seen|suffered)|history\s+of"
    r"|longstanding|years\s+of|decades\s+of|tend\s+to|usually"
    r"|(?:in|over|during)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:\d+|two|three|several)\s+(?:years|decades)",
    anaphora=(r"(?:this|these|that|those|such)\s+$|^\s*the\s+$", r""),
    negations=r"no|not|never|without",
    unrealised=r"plans?|planned|will|would|scheduled|if|unless|as\s+if|ordered|threatened"
    r"|threats?|vowed|urged|called\s+for|calls?\s+for|warned",
    demonstrative_opening=r"this|it|that",
    means=r"mortars?|artillery|grenade\s+launchers?",
    participants=r"protesters|demonstrators|rioters",
    determiners=r"the|a|an|this|that|these|those|last|recent|[\w-]+'s",
    actors=(
        rf"(?:Kyrgyzstan|Tajikistan|Kazakhstan|Uzbekistan|Russia|Afghanistan)'s\s+{_FORCE}",
        rf"{_NATION}\s+(?:[\w-]+\s+)?{_FORCE}",
        r"protesters|demonstrators|rioters|police|peacekeepers|paratroopers|militants",
        r"Collective\s+Security\s+Treaty\s+Organi[sz]ation|Islamic\s+State|Taliban|CSTO|NATO"
        r"|ISIS(?:-K)?",
    ),
    organisations=r"\b(?:[A-Z][\w'-]*\s+){1,3}(?:Ministry|Service|Committee|Council|Guard)\b",
    territory=r"towns?|villages?|city|cities|districts?|provinces?|regions?|territory|areas?|positions?|outposts?|bases?|control",
    parties=(
        (
            r"(?:riot\s+)?police(?:men|women|\s+officers?)?|army|military|troops|soldiers?"
            r"|servicem[ae]n|border\s+(?:guards?|service|troops|forces|police|officers)"
            r"|security\s+(?:forces|services|officials|personnel|agents)|special\s+forces"
            r"|national\s+guard|government\s+forces|armed\s+forces|junta(?:\s+troops)?"
            r"|law\s+enforcement(?:\s+officers)?|gendarmes?|officers|guards|marines|navy"
            r"|air\s+force|militiamen",
            "state",
        ),
        (
            r"rebels?|insurgents?|militants?|jihadists?|terrorists?|Taliban|al[- ]Shabaa?b"
            r"|Boko\s+Haram|Islamic\s+State|ISIS(?:-K)?|(?-i:IS)|guerrillas?|separatists?"
            r"|extremists?|fighters|resistance\s+forces",
            "rebel",
        ),
        (
            r"militias?|militiamen|vigilantes|gunmen|armed\s+(?:men|groups?|assailants|bandits)"
            r"|bandits|assailants|attackers|herders|unidentified\s+(?:men|assailants)",
            "militia",
        ),
        (
            r"peacekeepers?|peacekeeping\s+(?:force|troops)|CSTO|coalition\s+forces"
            r"|paratroopers?",
            "external",
        ),
        (r"rioters|mobs?|looters|youths|gangs?", "rioters"),
        (r"protesters|demonstrators|activists|strikers|marchers|crowds?", "protesters"),
        (
            r"residents?|villagers?|locals|inhabitants|farmers|herders|pastoralists"
            r"|ethnic\s+[A-Z]\w+|communities|clans?|tribes(?:men)?|shepherds",
            "residents",
        ),
        (
            r"civilians?|women|children|students|journalists?|reporters?|worshippers"
            r"|passengers|pedestrians|families|people|traders|miners|workers",
            "civilians",
        ),
    ),
    classifier="event_classifier",
    passive=r"was|were|been|being|got",
    agent=r"by",
)

INCIDENT_PLACES = IncidentPlaceWords(
    locative=r"in|into|to|across|throughout|inside|near|at",
    destination=r"to|into|towards",
    origin=r"from",
    agent=r"by|led\s+by|according\s+to|(?:said|told\s+reporters)\s+in",
    speaker=r"said|says|called|urged|warned|praised|accused|denied|blamed|promised"
    r"|has\s+promised",
    nationwide=r"nationwide|across\s+the\s+country",
    list_link=r"and",
)

FURNITURE = FurnitureCues(
    labels=(
        ("teaser", "also read"),
        ("teaser", "read also"),
        ("teaser", "must read"),
        ("teaser", "don't miss"),
        ("byline", "by"),
        ("byline", "posted by"),
        ("byline", "authors?"),
        ("byline", "writer"),
        ("byline", "editor"),
        ("byline", "reporter"),
        ("byline", "source"),
        ("subscription", "subscribe"),
        ("subscription", "newsletter"),
        ("copyright", "copyright"),
        ("photo_credit", "photos?"),
        ("photo_credit", "photo credit"),
        ("photo_credit", "photograph"),
        ("photo_credit", "image"),
        ("photo_credit", "image credit"),
        ("photo_credit", "picture"),
        ("photo_credit", "credit"),
        ("photo_credit", "illustration"),
        ("photo_credit", "(?:cover|file|top|header|featured) (?:photo|image)"),
        ("photo_credit", "click to (?:expand|enlarge)(?: image)?"),
        ("related", "read more"),
        ("related", "related"),
        ("related", "related (?:articles|stories|news|coverage|posts)"),
        ("related", "see also"),
        ("related", "more on this(?: story)?"),
        ("related", "more from"),
        ("related", "more stories"),
        ("related", "recommended"),
        ("related", "latest news"),
        ("related", "top stories"),
        ("share", "share"),
        ("share", "share this(?: article| story| post)?"),
        ("share", "comments?"),
        ("share", "print"),
    ),
    phrases=(
        ("byline", r"(?-i:By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]*){0,3})(?=[^\S\r\n]*(?:\r|\n|\Z))"),
        ("byline", r"posted by"),
        ("byline", r"written by"),
        ("byline", r"(?:additional )?(?:reporting|writing|editing) by"),
        ("subscription", r"subscribe (?:to|for|now|today|here)"),
        ("subscription", r"sign up (?:for|to)"),
        ("subscription", r"get (?:the latest|our) (?:news|newsletter|headlines|updates)"),
        ("subscription", r"join (?:us|our \w+) (?:on|in) (?:telegram|whatsapp|facebook|twitter|x)"),
        ("subscription", r"enjoy(?:ing|ed) this article\?"),
        ("subscription", r"click here to subscribe"),
        ("copyright", r"copyright(?=[^\S\r\n]*(?:©|\(c\)|\d{4}))"),
        ("copyright", r"[^\r\n]{0,150}?all rights? reserved"),
        ("share", r"follow us on"),
        ("share", r"discussion about this (?:post|article|story)"),
        ("share", r"share (?:this|on) (?:article|story|post|facebook|twitter|whatsapp|telegram)"),
        ("share", r"click to share"),
        ("share", r"leave a (?:comment|reply)"),
    ),
    inline_credits=("photo", "credit", "image", "picture", "illustration"),
)

#: ACLED's own column names come first in each role: they are what most files use.
# fmt: off
COLUMNS = ColumnNames(
    roles={
        "id": ("event_id_cnty", "event_id", "incident_id", "record_id", "id", "uid"),
        "lat": ("latitude", "lat", "y"),
        "lon": ("longitude", "lon", "lng", "long", "x"),
        "place": (
            "location",
            "place",
            "place_name",
            "village",
            "city",
            "town",
            "settlement",
            "site",
            "name",
        ),
        "date": ("event_date", "date", "date_of_event"),
        "type": ("event_type", "type", "incident_type", "category"),
        "sub_type": ("sub_event_type", "subtype"),
        "fatalities": ("fatalities", "killed", "deaths", "dead"),
        "injuries": ("injuries", "injured", "wounded"),
        "description": ("notes", "description", "desc", "summary", "details"),
        "url": ("url", "urls", "link", "links", "source_url", "href"),
        "source": ("source", "outlet", "source_name"),
        "actor1": ("actor1", "side_a"),
        "actor2": ("actor2", "side_b"),
        "country": ("country", "country_code"),
        "admin1": ("admin1", "province", "oblast", "region"),
        "admin2": ("admin2", "district", "rayon"),
        "geo_precision": ("geo_precision",),
        "time_precision": ("time_precision",),
    },
    qualifiers=word_set("eng english"),
    type_words={
        "Air/drone strike": "air strike|airstrike|drone",
        "Shelling/artillery/missile attack": "shelling|shelled|artillery|mortar|rocket|missile",
        "Grenade": "grenade",
        "Remote explosive/landmine/IED": r"explosion|blast|bomb|landmine|ied(?!\w)",
        "Armed clash": "clash|fighting|firefight|gunfight|skirmish|exchange of fire|battle"
        "|shootout",
        "Violent demonstration": "riot|unrest",
        "Mob violence": "mob violence|lynching",
        "Peaceful protest": "protest|demonstration|rally|picket|sit-in",
        "Abduction/forced disappearance": "abduction|abducted|kidnap|hostage",
        "Attack": "attack on civilians|killing|murder",
        "Looting/property destruction": "looting|arson",
        "Arrests": "arrest|detention|detained",
        "Agreement": "ceasefire|cease-fire|truce|agreement",
        "Change to group/activity": "troop movement|deployment|reinforcement|curfew"
        "|state of emergency",
    },
)
# fmt: on

PACK = LanguagePack(
    code="en",
    name="English",
    place_names=PLACE_NAMES,
    dates=DATES,
    numbers=NUMBERS,
    casualties=CASUALTIES,
    events=EVENTS,
    incident_places=INCIDENT_PLACES,
    abbreviations=word_set(
        """mr mrs ms dr prof gen col lt sgt capt maj cpl st no vs etc e.g i.e approx jan feb
        mar apr jun jul aug sep sept oct nov dec gov sen rep inc ltd co corp jr sr u.s u.k
        u.n a.m p.m km mt ft"""
    ),
    furniture=FURNITURE,
    columns=COLUMNS,
    word_frequencies="en",
    dateparser="en",
)
