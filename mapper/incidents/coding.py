"""Coding an event the way ACLED's codebook does: by who did what to whom.

A sentence's chosen cue (:mod:`mapper.incidents.cues`) says *what* happened — fighting,
an attack, a protest, shelling, an arrest. The parties it names
(:mod:`mapper.incidents.parties`) say *who* did it to *whom*, and together they decide the
event type, following ACLED's definitions (:mod:`mapper.event_types`):

1. **Fighting** (a clash, an exchange of fire) between organised armed groups — state
   forces, rebels, militias, external forces — is a *Battle* (armed clash). Fighting in
   which demonstrators or rioters take part is a *Riot* (violent demonstration), and
   fighting between residents, villagers or communities with no armed group is
   *mob violence*.
2. **An attack** (a killing, a shooting, an assault) by an armed group on civilians is
   *Violence against civilians* (attack); on soldiers, police or guards it is a *Battle*;
   by a mob or residents it is *mob violence*; by state forces on demonstrators it is
   *excessive force against protesters*.
3. **A protest** met by force — dispersal, tear gas, arrests — is a *protest with
   intervention*; met by lethal force (people killed), *excessive force against
   protesters*; one whose demonstrators fight, storm or burn is a *violent
   demonstration*.
4. **Looting, burning or storming** by demonstrators is a *violent demonstration*, by a
   mob *mob violence*; armed groups seizing a town or an area take it over (*non-violent
   transfer of territory*), seizing buildings or goods is *looting/property destruction*;
   external forces taking control are *deployed*.
5. **Arrests** of demonstrators, or made at a protest the sentence reports, belong to the
   protest (*with intervention*); arrests "during the protests" of a period are arrests.
6. **Shelling, air strikes, explosives** stay *Explosions/Remote violence*, and so does
   an attack made with artillery, mortars or rockets ("artillery fired on the village");
   declarations (a state of emergency, a curfew), deployments, agreements, evacuations
   stay *Strategic developments*.

:func:`code_event` returns the (event type, sub-event type) of a sentence, and why
(a short reason kept for tests and for studying errors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mapper import languages
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
    OUTAGE,
    PROTEST,
    PROTESTS,
    SHELLING,
    STRATEGIC,
    TRANSFER,
    VIOLENT_DEMO,
    sub_event_type,
)
from mapper.incidents.classifier import Prediction, bundled
from mapper.incidents.cues import EventCue, choose_cue, find_cues, names_participants
from mapper.incidents.parties import ARMED, CROWDS, Party, Roles, find_parties, roles
from mapper.model import CasualtyClaim

__all__ = [
    "CLASSIFIER_ALONE",
    "CLASSIFIER_TRUSTED",
    "EXCESSIVE_FORCE",
    "Coded",
    "blend",
    "code_event",
    "code_sentence",
]

#: The classifier's event type replaces the rules' when it is at least this sure: on ACLED's
#: event descriptions (dev split) it is right 0.90 of the time at 0.7 and 0.85 at 0.5, and
#: when the two disagree it is right more often than the rules.
CLASSIFIER_TRUSTED = 0.6
#: A sentence the rules see no event in is an event when the classifier is at least this
#: sure (at 0.9, 51% of ACLED's event sentences pass and about 4% of non-event sentences).
CLASSIFIER_ALONE = 0.9

EXCESSIVE_FORCE = (PROTESTS, "Excessive force against protesters")
#: Cue kinds that are acts of violence by people on the spot (not remote).
_FIGHTING = frozenset({CLASH})
_ATTACKS = frozenset({ATTACK, ABDUCTION})
_CROWD_VIOLENCE = frozenset({MOB, VIOLENT_DEMO, LOOTING})
#: Cue kinds of remote violence: the target cannot respond at the moment.
_REMOTE = frozenset({AIR, SHELLING, EXPLOSIVE})


@dataclass(frozen=True)
class Coded:
    """An event type and sub-event type, and the rule that gave them."""

    kind: tuple[str, str]
    rule: str


def code_event(
    cue: EventCue,
    cues: list[EventCue],
    parties: list[Party],
    text: str,
    language: str,
    *,
    killed: bool = False,
) -> Coded:
    """The event type of the sentence ``text`` whose chosen cue is ``cue`` (see the module
    notes). ``killed``: the sentence counts people killed."""
    who = roles(parties, cue.start, cue.end, text, language)
    kinds = {other.kind for other in cues}
    everyone = who.everyone | {p.kind for p in parties}
    if cue.kind in _FIGHTING:
        return _fighting(everyone, kinds)
    remote = [other.kind for other in cues if other.kind in _REMOTE]
    if cue.kind == ATTACK and remote:
        return Coded(remote[0], "an attack by remote means")
    if cue.kind in _ATTACKS:
        return _attack(cue, who, everyone, kinds, killed)
    if cue.event_type == PROTESTS:
        return _protest(cue, kinds, everyone, killed)
    if cue.kind in _CROWD_VIOLENCE:
        return _crowd(cue, everyone, kinds, text, language)
    if cue.kind == ARRESTS and any(_protest_here(other) for other in cues):
        return Coded(INTERVENTION, "arrests at a protest")
    if cue.kind == TRANSFER and "external" in everyone:
        return Coded(DEPLOYMENT, "external forces taking control deploy")
    return Coded(cue.kind, "cue")


def _protest_here(cue: EventCue) -> bool:
    """A protest the sentence reports, or its demonstrators ("protesters were detained");
    not a circumstance ("during the protests of the past week")."""
    return cue.kind == PROTEST and (not cue.secondary or names_participants(cue.text))


def code_sentence(text: str, language: str, claim: CasualtyClaim | None = None) -> EventCue | None:
    """The event ``text`` reports, as its cue with the event type coded, or ``None``.

    The cues of the language pack are found and one chosen (:mod:`mapper.incidents.cues`);
    the parties decide its type (:func:`code_event`); where the language has an event
    classifier, :func:`blend` weighs its reading in, and a sentence with no cue and no
    casualty count (``claim``) is an event when the classifier is sure of it
    (:data:`CLASSIFIER_ALONE`; never for strategic developments, where non-events drift).
    """
    cues = find_cues(text, language)
    cue = choose_cue(cues, text, casualties=claim is not None)
    if cue is not None and cue.secondary:
        return cue  # it tells more about an event told elsewhere, whose type it takes
    prediction = _prediction(text, language)
    if cue is None:
        if claim is not None or prediction is None:
            return None
        sure = prediction.event_type_probability >= CLASSIFIER_ALONE
        if not sure or prediction.event_type == STRATEGIC:
            return None
        return EventCue(0, 0, "", prediction.event_type, prediction.sub_event_type)
    killed = claim is not None and bool(claim.fatalities)
    coded = code_event(cue, cues, find_parties(text, language), text, language, killed=killed)
    if prediction is not None:
        coded = blend(coded, prediction)
    return replace(cue, event_type=coded.kind[0], sub_event_type=coded.kind[1])


def _prediction(text: str, language: str) -> Prediction | None:
    """The event classifier's reading of ``text``, for a language that has one."""
    model = languages.pack_for(language).events.classifier
    return bundled(model).classify([text])[0] if model is not None else None


#: Cues that name a strategic development and nothing else: the classifier, which reads
#: arrests of activists as protests and deployments as battles, does not overrule them.
_UNAMBIGUOUS = frozenset(
    {ARRESTS, AGREEMENT, BLOCKADE, EVACUATION, OUTAGE, DEPLOYMENT, CHANGE, BASE}
)


#: Codebook rules that restate ACLED's definitions: the classifier does not overrule them.
_DEFINITIONS = frozenset({"fighting with demonstrators or rioters", "arrests at a protest"})


def blend(rules: Coded, prediction: Prediction) -> Coded:
    """The rules' coding, or the classifier's where the rules could not tell and it is sure.

    The rules can tell when a codebook rule restates one of ACLED's definitions
    (:data:`_DEFINITIONS`), or when the cue names a development that is nothing else (an
    arrest, an agreement, a deployment, an evacuation: :data:`_UNAMBIGUOUS`). Otherwise the
    classifier's type replaces the rules' when it is at least :data:`CLASSIFIER_TRUSTED`
    sure of it, or :data:`CLASSIFIER_ALONE` sure where the parties decided the type.

    When both name the same event type, a sub-type only the rules know (the project's
    finer ones, such as Evacuation) is kept; otherwise the classifier's is taken.
    """
    if rules.kind in _UNAMBIGUOUS or rules.rule in _DEFINITIONS:
        return rules
    needed = CLASSIFIER_TRUSTED if rules.rule == "cue" else CLASSIFIER_ALONE
    if prediction.event_type_probability < needed:
        return rules
    if prediction.event_type == rules.kind[0]:
        sub = sub_event_type(rules.kind[1])
        if sub is not None and not sub.acled:
            return rules
    return Coded(
        (prediction.event_type, prediction.sub_event_type),
        f"classifier ({prediction.event_type_probability:.2f})",
    )


def _fighting(everyone: set[str] | frozenset[str], kinds: set[tuple[str, str]]) -> Coded:
    crowd = everyone & CROWDS or kinds & {PROTEST, VIOLENT_DEMO, MOB, INTERVENTION}
    if crowd and not everyone & {"rebel", "militia", "external"}:
        return Coded(VIOLENT_DEMO, "fighting with demonstrators or rioters")
    if "residents" in everyone and not everyone & ARMED:
        return Coded(MOB, "fighting between residents, no armed group")
    return Coded(CLASH, "fighting between armed groups")


def _attack(
    cue: EventCue,
    who: Roles,
    everyone: set[str] | frozenset[str],
    kinds: set[tuple[str, str]],
    killed: bool,
) -> Coded:
    if who.acting & CROWDS or ("residents" in who.acting and not everyone & ARMED):
        return Coded(MOB, "an attack by a crowd or residents")
    if "state" in who.acting and "protesters" in who.acted_on:
        return Coded(EXCESSIVE_FORCE, "state forces attack demonstrators")
    if who.acted_on & ARMED and not who.acted_on & {"civilians", "residents"}:
        return Coded(CLASH, "an attack on armed forces")
    return Coded(cue.kind, "an attack on civilians")


def _protest(
    cue: EventCue, kinds: set[tuple[str, str]], everyone: set[str] | frozenset[str], killed: bool
) -> Coded:
    if kinds & {VIOLENT_DEMO, MOB} or (CLASH in kinds and everyone & CROWDS):
        return Coded(VIOLENT_DEMO, "demonstrators turn violent")
    if killed and "state" in everyone:
        return Coded(EXCESSIVE_FORCE, "lethal force against demonstrators")
    if cue.kind == INTERVENTION or kinds & {INTERVENTION, ARRESTS}:
        return Coded(INTERVENTION, "a protest met by force or arrests")
    return Coded(cue.kind, "cue")


def _crowd(
    cue: EventCue,
    everyone: set[str] | frozenset[str],
    kinds: set[tuple[str, str]],
    text: str,
    language: str,
) -> Coded:
    if "protesters" in everyone or PROTEST in kinds:
        return Coded(VIOLENT_DEMO, "demonstrators storm, burn or loot")
    if everyone & {"rioters", "residents"} and not everyone & {"rebel", "militia", "external"}:
        return Coded(MOB, "a mob storms, burns or loots")
    if cue.kind == MOB and "external" in everyone:
        return Coded(DEPLOYMENT, "external forces take control")
    if cue.kind == MOB and everyone & {"rebel", "militia"}:
        if _names_territory(text[cue.end :], language):
            return Coded(TRANSFER, "armed groups seize territory")
        return Coded(LOOTING, "armed groups seize property")
    return Coded(cue.kind, "cue")


def _names_territory(after: str, language: str) -> bool:
    """Whether the few words after a cue name territory ("seized the town")."""
    words = languages.pack_for(language).events.territory
    return re.match(rf"\W*(?:[\w-]+\W+){{0,3}}?(?:{words})\b", after, re.IGNORECASE) is not None
