"""Events: what a sentence says happened (an ACLED event type) and who took part.

:data:`CUES` holds, per language, the words that signal an event, each with its
ACLED event type and sub-event type; every table is compiled once into a single
regular expression (:func:`find_cues`). Project additions to ACLED's sub-event
types are ``Evacuation``, ``Power outage``, ``Troop deployment`` and ``Road
blockade``, all under Strategic developments.

A cue is left out when it is denied (:data:`NEGATIONS`: "tidak ada laporan
penangkapan", "fell without fighting") or not (yet) real (:data:`UNREALISED`:
"berencana menggelar latihan", "if the fighting spills over", "seolah-olah
kerusuhan"); a decision to deploy troops or an agreement counts even when it is
about the future ("aliansi akan mengirim pasukan").

A cue is *secondary* — it tells about an event rather than reporting one — when it

* names a circumstance (:data:`SECONDARY_MARKERS`: "164 orang tewas selama
  bentrokan", "pemadaman, setelah kabel rusak dalam bentrokan", "в ходе боёв",
  "in Thursday's shooting"), possibly with a determiner or one lowercase word
  between;
* points back (:data:`ANAPHORA`: "bentrokan itu", "these clashes", "эти
  столкновения", a sentence opening "Ini …", "It …", "Это …");
* names participants or weapons (:data:`PARTICIPANTS`: "pengunjuk rasa",
  "protesters"; :data:`MEANS`: "mortir", "artillery").

:func:`choose_cue` picks one cue per sentence:

1. a sentence that counts casualties is about its violent cue, if it has one
   ("Two people were killed in Thursday's shooting …, as villages spent a night
   without electricity" is a clash);
2. otherwise main cues before secondary ones;
3. then by :data:`PRIORITY`: Battles, then Explosions/Remote violence, Riots,
   Violence against civilians, Protests, Strategic developments — so a clash with
   mortars is an armed clash, and shelling alone is shelling;
4. then the earliest in the sentence.

Who acts refines the type: a clash in a sentence that also speaks of riots or
protests is a riot (ACLED: battles are between organised armed groups);
peacekeepers or paratroopers taking control is a troop deployment; an armed group
(the Taliban, militants) seizing a place is a transfer of territory, not mob
violence.

:func:`find_actors` lists the actors a sentence names, as written, in order of
first appearance and without repeats: forces with a nationality
(``penjaga perbatasan Kirgistan``, ``Tajik border guards``, ``таджикские военные``),
protesters and police, and organisations (``CSTO``, ``Taliban``, ``ОДКБ``,
``Dinas Perbatasan Tajikistan``) from :data:`ACTOR_PATTERNS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

__all__ = [
    "ACTOR_PATTERNS",
    "ANAPHORA",
    "CUES",
    "MEANS",
    "NEGATIONS",
    "PARTICIPANTS",
    "PRIORITY",
    "SECONDARY_MARKERS",
    "UNREALISED",
    "VIOLENT_TYPES",
    "EventCue",
    "choose_cue",
    "find_actors",
    "find_cues",
]

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

CLASH = (BATTLES, "Armed clash")
AIR = (EXPLOSIONS, "Air/drone strike")
SHELLING = (EXPLOSIONS, "Shelling/artillery/missile attack")
EXPLOSIVE = (EXPLOSIONS, "Remote explosive/landmine/IED")
MOB = (RIOTS, "Mob violence")
VIOLENT_DEMO = (RIOTS, "Violent demonstration")
ABDUCTION = (VIOLENCE, "Abduction/forced disappearance")
ATTACK = (VIOLENCE, "Attack")
INTERVENTION = (PROTESTS, "Protest with intervention")
PROTEST = (PROTESTS, "Peaceful protest")
TRANSFER = (STRATEGIC, "Non-violent transfer of territory")
DEPLOYMENT = (STRATEGIC, "Troop deployment")
ARRESTS = (STRATEGIC, "Arrests")
LOOTING = (STRATEGIC, "Looting/property destruction")
BLOCKADE = (STRATEGIC, "Road blockade")
EVACUATION = (STRATEGIC, "Evacuation")
OUTAGE = (STRATEGIC, "Power outage")
BASE = (STRATEGIC, "Headquarters or base established")
AGREEMENT = (STRATEGIC, "Agreement")
CHANGE = (STRATEGIC, "Change to group/activity")
OTHER = (STRATEGIC, "Other")

#: (event type, sub-event type), the most telling first.
PRIORITY: tuple[tuple[str, str], ...] = (
    CLASH,
    AIR,
    SHELLING,
    EXPLOSIVE,
    MOB,
    VIOLENT_DEMO,
    ABDUCTION,
    ATTACK,
    INTERVENTION,
    PROTEST,
    TRANSFER,
    DEPLOYMENT,
    ARRESTS,
    EVACUATION,
    LOOTING,
    BLOCKADE,
    OUTAGE,
    BASE,
    AGREEMENT,
    CHANGE,
    OTHER,
)

#: Event types that hurt people; casualty figures belong to them.
VIOLENT_TYPES = frozenset({BATTLES, EXPLOSIONS, VIOLENCE, RIOTS})

_W = r"[\w-]+\s+"  # one word and the space after it

#: Event cues per language: (regular expression, (event type, sub-event type)).
CUES: dict[str, tuple[tuple[str, tuple[str, str]], ...]] = {
    "id": (
        (
            r"bentrok(?:an)?|baku\s+tembak|pertempuran|bertempur|kontak\s+senjata"
            r"|tembak-menembak|saling\s+tembak|perang\s+perbatasan",
            CLASH,
        ),
        (r"serangan\s+(?:udara|drone|pesawat\s+tak\s+berawak)|pengeboman\s+udara", AIR),
        (
            r"(?:serangan|tembakan|gempuran)\s+(?:artileri|mortir|roket)|mortir|peluncur\s+granat"
            r"|artileri|menembakkan\s+(?:[\w-]+\s+){0,3}?(?:roket|artileri|mortir|granat)"
            r"|menembaki|menggempur",
            SHELLING,
        ),
        (r"ranjau|bom\s+rakitan|ledakan\s+bom|bom\s+meledak", EXPLOSIVE),
        (r"menyerbu|diserbu|menyita", MOB),
        (r"kerusuhan|rusuh|ricuh|kericuhan|amuk\s+massa|perusuh", VIOLENT_DEMO),
        (r"diculik|penculikan|menculik", ABDUCTION),
        (r"menyerang\s+warga(?:\s+sipil)?|menembak\s+mati|pembantaian", ATTACK),
        (
            r"membubarkan\s+(?:massa|demonstran|pengunjuk\s+rasa|aksi)|gas\s+air\s+mata",
            INTERVENTION,
        ),
        (
            r"unjuk\s+rasa|berunjuk\s+rasa|pengunjuk\s+rasa|demonstrasi|demonstran|demo|protes"
            r"|memprotes|aksi\s+massa|turun\s+ke\s+jalan",
            PROTEST,
        ),
        (
            r"jatuh(?=\s+(?:ke\s+tangan|pada\s))|merebut"
            r"|(?:mengambil|diambil)\s+alih\s+(?:kendali|kontrol|kota|wilayah|ibu\s+kota)"
            r"|(?:pasukan|pejuang|gerilyawan)\s+(?:[\w-]+\s+)?memasuki",
            TRANSFER,
        ),
        (
            r"mengerahkan\s+(?:[\w-]+\s+){0,3}?(?:pasukan|tentara|prajurit|pejuang\w*|personel"
            r"|kendaraan\s+lapis\s+baja)|dikerahkan|pengerahan|kontingen|ditempatkan"
            r"|(?:mengirim|mengirimkan|dikirim)\s+(?:[\w-]+\s+){0,3}?(?:pasukan|tentara|prajurit)"
            r"|pasukan\s+(?:[\w-]+\s+){0,6}?(?:dikerahkan|dikirim|ditempatkan|tiba|menjaga|berjaga)",
            DEPLOYMENT,
        ),
        (r"ditahan|ditangkap|penangkapan|menangkap|penahanan", ARRESTS),
        (r"dibakar|membakar|dijarah|menjarah|penjarahan|dirusak|melalap|dilalap", LOOTING),
        (r"(?:memblokade|memblokir|menutup)\s+jalan|blokade", BLOCKADE),
        (
            r"dievakuasi|evakuasi|mengevakuasi|pengungsi|mengungsi|mengungsikan"
            r"|meninggalkan\s+rumah",
            EVACUATION,
        ),
        (
            r"pemadaman(?:\s+listrik)?|listrik\s+padam|padamnya\s+listrik|listrik\s+mati"
            r"|mati\s+listrik|tanpa\s+listrik|aliran\s+listrik\s+(?:[\w-]+\s+){0,6}?terputus",
            OUTAGE,
        ),
        (r"mendirikan\s+(?:markas|pangkalan)|membuka\s+pangkalan", BASE),
        (r"menyepakati|bersepakat|sepakat|kesepakatan|menandatangani\s+perjanjian", AGREEMENT),
        (r"latihan\s+(?:militer|gabungan|perang)", OTHER),
    ),
    "en": (
        (
            r"clash(?:es|ed)?|fighting|fought|firefights?|gunfights?|shoot-?outs?|gunfire"
            r"|exchanged\s+(?:gun)?fire|exchange\s+of\s+fire|shooting|battles?|skirmish(?:es)?"
            r"|hostilities",
            CLASH,
        ),
        (r"air\s*strikes?|drone\s+(?:strikes?|attacks?)|air\s+raids?|bombing\s+raids?", AIR),
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
            r"attacked\s+civilians|opened\s+fire\s+on\s+(?:civilians|protesters|residents)"
            r"|massacred?",
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
            r"|brought\s+(?:[\w-]+\s+){0,6}?to\s+safety",
            EVACUATION,
        ),
        (
            r"blackouts?|power\s+outages?|outages?|power\s+cuts?|without\s+(?:electricity|power)"
            r"|power\s+(?:[\w-]+\s+){0,4}?(?:was|were)\s+cut",
            OUTAGE,
        ),
        (r"(?:established|set\s+up)\s+(?:a\s+)?(?:military\s+)?(?:base|headquarters)", BASE),
        (r"agreed|agreement|truce|signed\s+(?:a|an)\s+(?:deal|accord)", AGREEMENT),
        (
            r"(?:military\s+|joint\s+)?exercises?|drills?|war\s+games"
            r"|(?:aircraft|planes|helicopters)\s+(?:[\w-]+\s+){0,2}?landed",
            OTHER,
        ),
    ),
    "ru": (
        (
            r"столкновени\w*|перестрелк\w*|бо(?:й|я|ю|ем|е|и|ёв|ев|ям|ями|ях)"
            r"|боев(?:ые|ых)\s+действи\w*|стрельб\w*|сражени\w*",
            CLASH,
        ),
        (r"авиаудар\w*|(?:удар|атак)\w*\s+беспилотник\w*|бомбардировк\w*", AIR),
        (
            r"обстрел\w*|обстрелял\w*|миномёт\w*|миномет\w*|артиллери\w*|артобстрел\w*"
            r"|ракетн\w*\s+удар\w*|гранатомёт\w*|гранатомет\w*|снаряд\w*",
            SHELLING,
        ),
        (r"подрыв\w*|взрывн\w*\s+устройств\w*|фугас\w*|СВУ", EXPLOSIVE),
        (r"штурм\w*|захват\w*|захвачен\w*", MOB),
        (r"беспорядк\w*|погром\w*|бесчинств\w*|снесли", VIOLENT_DEMO),
        (r"похищ\w*|похитил\w*", ABDUCTION),
        (r"напал\w*\s+на\s+мирн\w*|расстрел\w*", ATTACK),
        (r"разогнал\w*|разгон\w*|слезоточив\w*", INTERVENTION),
        (
            r"протест\w*|митинг\w*|демонстрац\w*|демонстрант\w*|протестующ\w*|митингующ\w*"
            r"|вышли\s+на\s+(?:[\w-]+\s+)?(?:улиц|площад)\w*"
            r"|собрал\w*\s+на\s+(?:[\w-]+\s+)?(?:площад|улиц)\w*|пикет\w*|шестви\w*",
            PROTEST,
        ),
        (r"(?:взял\w*|перешл\w*|перешёл|перешел)\s+под\s+контроль|вошли\s+в", TRANSFER),
        (
            r"ввод\w*\s+войск\w*|вв[её]л\w*\s+войск\w*|контингент\w*|миротвор\w*"
            r"|переброс\w*|перебросил\w*|направ\w*\s+для\s+охран\w*|для\s+охраны"
            r"|развернут\w*|развёрнут\w*",
            DEPLOYMENT,
        ),
        (r"задержан\w*|задержал\w*|арест\w*", ARRESTS),
        (r"сожж[её]н\w*|сожжены|подожгл\w*|поджог\w*|разграбл\w*|мародер\w*|мародёр\w*", LOOTING),
        (r"перекрыл\w*\s+(?:[\w-]+\s+)?(?:дорог|трасс|улиц)\w*|блокад\w*|блокирова\w*", BLOCKADE),
        (r"эвакуац\w*|эвакуирова\w*|вывезли|вывезен\w*|покинули\s+(?:свои\s+)?дома", EVACUATION),
        (
            r"отключени\w*\s+(?:электроэнергии|электричества|света)"
            r"|без\s+(?:света|электричества|электроэнергии)|обесточен\w*|блэкаут\w*",
            OUTAGE,
        ),
        (r"(?:создал\w*|открыл\w*|разместил\w*)\s+(?:[\w-]+\s+)?баз\w*", BASE),
        (r"договорил\w*|соглашени\w*|договор[её]нност\w*|подписал\w*|перемири\w*", AGREEMENT),
        (r"учени[яйе]\w*|манёвр\w*|маневр\w*|боев\w*\s+стрельб\w*", OTHER),
    ),
}

#: Words after which a cue names a circumstance, not the event reported.
SECONDARY_MARKERS: dict[str, str] = {
    "id": r"dalam|selama|akibat|saat|ketika|usai|setelah|pasca|gegara|karena|sejak|terkait"
    r"|menyusul|di\s+tengah|dari",
    "en": r"in|during|after|amid|following|since|before|from|with|fled|earlier",
    "ru": r"в\s+ходе|во\s+время|в\s+результате|после|из-за|на\s+фоне|при|участник\w*"
    r"|с\s+начала|для|ранее|бежали\s+от",
}

#: Words that point back to an event already told ("bentrokan itu", "these clashes").
ANAPHORA: dict[str, tuple[str, str]] = {
    "id": (r"", r"(?:\s+pada\s+\w+(?:\s+\([\d/.]+\))?)?\s+(?:ini|itu|tersebut)\b"),
    "en": (r"(?:this|these|that|those|such)\s+$|^\s*the\s+$", r""),
    "ru": (r"(?:этот|эти|это|этих|этой|эту|этого|тех|того|такие)\s+$", r""),
}
#: A sentence opening with a demonstrative ("Ini merupakan …", "It was …") looks back.
_DEMONSTRATIVE_OPENING = re.compile(r"^\s*(?:ini|itu|this|it|that|это|эта|этот)\s", re.IGNORECASE)

#: Words before a cue that deny it ("tidak ada laporan penangkapan", "without fighting").
NEGATIONS: dict[str, str] = {
    "id": r"tidak\s+ada|tak\s+ada|belum\s+ada|tanpa|tidak|bukan",
    "en": r"no|not|never|without",
    "ru": r"без|нет|не|ни",
}

#: Words before a cue that make it a plan, a condition or a likeness ("berencana menggelar
#: latihan", "if the fighting spills over", "seolah-olah kerusuhan"); decisions to deploy
#: and agreements still count.
UNREALISED: dict[str, str] = {
    "id": r"berencana|rencana|dijadwalkan|akan|jika|apabila|kalau|seolah-olah|seakan-akan",
    "en": r"plans?|planned|will|would|scheduled|if|unless|as\s+if",
    "ru": r"планиру\w*|пройдут|будут|намерен\w*|собира\w*|состоятся|если|как\s+будто|словно",
}

#: Weapons: they tell how an event was fought, not that one happened.
MEANS = re.compile(
    r"mortir|peluncur\s+granat|artileri|mortars?|artillery|grenade\s+launchers?"
    r"|миномёт\w*|миномет\w*|артиллери\w*|гранатомёт\w*|гранатомет\w*|снаряд\w*",
    re.IGNORECASE,
)

#: Forces sent abroad or to guard: their taking control is a deployment.
_DEPLOYED_FORCES = re.compile(
    r"десантник\w*|миротвор\w*|ОДКБ|CSTO|peacekeep\w*|paratroop\w*|penjaga\s+perdamaian"
    r"|terjun\s+payung",
    re.IGNORECASE,
)
#: Armed groups: their seizing a town is a transfer of territory, not mob violence.
_ARMED_GROUPS = re.compile(
    r"taliban\w*|талиб\w*|талибан\w*|militants|insurgents|боевик\w*|pejuang|gerilyawan",
    re.IGNORECASE,
)
_DETERMINERS = r"the|a|an|this|that|these|those|last|recent|[\w-]+'s|para|этих|тех"
#: Nouns for the people in a protest: they set the scene but report no event alone.
PARTICIPANTS = re.compile(
    r"pengunjuk\s+rasa|demonstran|perusuh|protesters|demonstrators|rioters"
    r"|протестующ\w*|демонстрант\w*|митингующ\w*",
    re.IGNORECASE,
)

_W_ID_NATION = (
    r"(?:Kirgistan|Kirgizstan|Kyrgyzstan|Tajikistan|Tadjikistan|Kazakhstan|Kazakstan|Uzbekistan"
    r"|Rusia|Afganistan|Afghanistan|(?-i:AS)|Amerika\s+Serikat|Taliban|CSTO|Tiongkok|China"
    r"|kirgiz|tajik|kazakh|uzbek)"
)
_W_ID_FORCE = (
    r"(?:pasukan\s+penjaga\s+(?:perbatasan|perdamaian)|penjaga\s+perbatasan|dinas\s+perbatasan"
    r"|layanan\s+perbatasan|aparat\s+(?:perbatasan|keamanan)|pasukan\s+keamanan|pasukan|tentara"
    r"|prajurit|militer|angkatan\s+bersenjata|polisi|otoritas|pemerintah|pejabat"
    r"|pengunjuk\s+rasa|demonstran|perusuh|pejuang|gerilyawan|milisi|kontingen)"
)
_W_EN_NATION = (
    r"(?:Kyrgyz|Kyrgyzstani|Tajik|Tajikistani|Kazakh|Kazakhstani|Uzbek|Russian(?:-led)?|Afghan"
    r"|Turkmen|Chinese|(?-i:US)|U\.S\.|American|Taliban|CSTO)"
)
_W_EN_FORCE = (
    r"(?:border\s+(?:guards?|troops|service|forces|police|officials)|armed\s+forces"
    r"|security\s+forces|special\s+forces|forces|troops|soldiers|servicemen|army|military|police"
    r"|paratroopers|peacekeepers|peacekeeping\s+(?:force|troops|contingent)|authorities"
    r"|officials|government|protesters|demonstrators|rioters|residents|fighters|militants"
    r"|(?:emergencies|interior|defen[cs]e)\s+ministry)"
)
_W_RU_NATION = (
    r"(?:кыргызск|киргизск|таджикск|казахск|казахстанск|российск|узбекск|афганск|американск)\w*"
)
_W_RU_FORCE = (
    r"(?:пограничник\w*|погранслужб\w*|пограничн\w*\s+служб\w*|военнослужащ\w*|военн\w*"
    r"|сил(?:ы|ам|ами|ах)?|войск\w*|арми[яиюей]|десантник\w*|миротворц\w*|полици\w*"
    r"|силовик\w*|власт(?:и|ей|ям|ями|ях)|сторон[аыуе]|протестующ\w*|демонстрант\w*"
    r"|митингующ\w*|боевик\w*)"
)
_W_RU_COUNTRY = (
    r"(?:Кыргызстана|Киргизии|Таджикистана|Казахстана|Узбекистана|России|Афганистана|США|ОДКБ)"
)

#: Actor patterns per language, matched case-insensitively, the most specific first.
ACTOR_PATTERNS: dict[str, tuple[str, ...]] = {
    "id": (
        rf"{_W_ID_FORCE}\s+(?:dari\s+)?{_W_ID_NATION}",
        r"(?:pasukan|kontingen)\s+penjaga\s+perdamaian|pengunjuk\s+rasa|demonstran|perusuh"
        r"|polisi",
        r"Organisasi\s+Perjanjian\s+Keamanan\s+Kolektif|Taliban|CSTO|NATO|ISIS(?:-K)?",
    ),
    "en": (
        rf"(?:Kyrgyzstan|Tajikistan|Kazakhstan|Uzbekistan|Russia|Afghanistan)'s\s+{_W_EN_FORCE}",
        rf"{_W_EN_NATION}\s+(?:[\w-]+\s+)?{_W_EN_FORCE}",
        r"protesters|demonstrators|rioters|police|peacekeepers|paratroopers|militants",
        r"Collective\s+Security\s+Treaty\s+Organi[sz]ation|Islamic\s+State|Taliban|CSTO|NATO"
        r"|ISIS(?:-K)?",
    ),
    "ru": (
        rf"{_W_RU_NATION}\s+{_W_RU_FORCE}",
        rf"{_W_RU_FORCE}\s+{_W_RU_COUNTRY}",
        r"протестующ\w*|демонстрант\w*|митингующ\w*|миротворц\w*|десантник\w*|полици\w*"
        r"|боевик\w*",
        r"Организаци\w*\s+Договора\s+о\s+коллективной\s+безопасности|Талибан\w*|ОДКБ|НАТО|ИГИЛ",
    ),
}

#: Capitalised names of organisations (matched with case), per language.
_ORGANISATIONS: dict[str, str] = {
    "id": r"\b(?:Dinas|Kementerian|Angkatan|Badan|Komite|Dewan)(?:\s+[A-Z][\w-]*)+",
    "en": r"\b(?:[A-Z][\w'-]*\s+){1,3}(?:Ministry|Service|Committee|Council|Guard)\b",
    "ru": r"\b(?:Министерств\w*|Госкомитет\w*|Пограничн\w+\s+служб\w*)(?:\s+[А-ЯЁ][\w-]*)+",
}


@dataclass(frozen=True)
class EventCue:
    """A word that signals an event, where it is, and what event it signals.

    ``secondary``: the cue does not report an event of its own — it names a
    circumstance ("dalam bentrokan"), points back ("bentrokan itu"), or names
    participants ("pengunjuk rasa") or weapons ("mortir").
    """

    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    secondary: bool = False

    @property
    def kind(self) -> tuple[str, str]:
        return (self.event_type, self.sub_event_type)


def find_cues(text: str, language: str) -> list[EventCue]:
    """The event cues in ``text``, in order; denied ones ("tanpa pertempuran") left out."""
    language = language if language in CUES else "en"
    pattern, kinds = _cue_pattern(language)
    negation = _preceded_pattern(NEGATIONS[language])
    unrealised = _preceded_pattern(UNREALISED[language])
    cues = []
    for match in pattern.finditer(text):
        kind = kinds[int((match.lastgroup or "c0")[1:])]
        before = text[: match.start()]
        if negation.search(before):
            continue
        if kind not in (DEPLOYMENT, AGREEMENT) and unrealised.search(before):
            continue
        cues.append(_cue(text, match, kind, language))
    return cues


def _cue(text: str, match: re.Match[str], kind: tuple[str, str], language: str) -> EventCue:
    before, after = text[: match.start()], text[match.end() :]
    before_anaphora, after_anaphora = _anaphora_patterns(language)
    looks_back = bool(
        _secondary_pattern(language).search(before)
        or before_anaphora.search(before)
        or after_anaphora.match(after)
        or _DEMONSTRATIVE_OPENING.match(text)
    )
    participant = bool(PARTICIPANTS.fullmatch(match.group()) or MEANS.fullmatch(match.group()))
    return EventCue(
        match.start(), match.end(), match.group(), *kind, secondary=looks_back or participant
    )


def choose_cue(
    cues: list[EventCue], text: str = "", *, casualties: bool = False
) -> EventCue | None:
    """The cue that says what ``text`` reports (see the module notes), or ``None``."""
    if not cues:
        return None
    violent = [cue for cue in cues if cue.event_type in VIOLENT_TYPES]
    pool = violent if casualties and violent else cues
    best = min(pool, key=lambda cue: (cue.secondary, PRIORITY.index(cue.kind), cue.start))
    return _refined(best, cues, text)


def _refined(cue: EventCue, cues: list[EventCue], text: str) -> EventCue:
    """Types that depend on who acts: see :data:`_DEPLOYED_FORCES`, :data:`_ARMED_GROUPS`."""
    kind = cue.kind
    if kind == CLASH and any(other.event_type in (RIOTS, PROTESTS) for other in cues):
        kind = VIOLENT_DEMO
    elif kind == TRANSFER and _DEPLOYED_FORCES.search(text):
        kind = DEPLOYMENT
    elif kind == MOB and _ARMED_GROUPS.search(text):
        kind = TRANSFER
    return replace(cue, event_type=kind[0], sub_event_type=kind[1])


def find_actors(text: str, language: str) -> tuple[str, ...]:
    """The actors ``text`` names, as written, in order of first appearance, no repeats."""
    language = language if language in ACTOR_PATTERNS else "en"
    spans = [
        (m.start(), m.end())
        for pattern in _actor_patterns(language)
        for m in pattern.finditer(text)
    ]
    actors: dict[str, str] = {}
    for start, end in _leftmost_longest(spans):
        name = " ".join(text[start:end].strip('«»"“” ').split())
        actors.setdefault(name.casefold(), name)
    return tuple(actors.values())


# -- compiled tables -----------------------------------------------------------------------


@cache
def _cue_pattern(language: str) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """One regular expression for a language's cue table; group ``cN`` is row N."""
    rows = CUES[language]
    alternatives = "|".join(f"(?P<c{i}>{pattern})" for i, (pattern, _kind) in enumerate(rows))
    compiled = re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)
    return compiled, tuple(kind for _pattern, kind in rows)


@cache
def _secondary_pattern(language: str) -> re.Pattern[str]:
    markers = SECONDARY_MARKERS[language]
    lowercase_word = r"[a-zа-яё][\w-]*"
    return re.compile(
        rf"(?<![^\W\d_])(?:{markers})\s+(?:(?:{_DETERMINERS})\s+){{0,2}}"
        rf"(?-i:{lowercase_word}\s+)?[\"“«„]?$",
        re.IGNORECASE,
    )


@cache
def _preceded_pattern(words: str) -> re.Pattern[str]:
    """One of ``words``, then at most two words, then the end of the text."""
    return re.compile(rf"(?<![^\W\d_])(?:{words})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)


@cache
def _anaphora_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    before, after = ANAPHORA[language]
    return (
        re.compile(before or r"(?!)", re.IGNORECASE),
        re.compile(after or r"(?!)", re.IGNORECASE),
    )


@cache
def _actor_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    bounded = [
        re.compile(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", re.IGNORECASE)
        for pattern in ACTOR_PATTERNS[language]
    ]
    return (*bounded, re.compile(_ORGANISATIONS[language]))


def _leftmost_longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end))
    return chosen
