"""The event registry: ACLED's event types and sub-event types, defined once.

Every stage reads event types from here: extraction (what a cue signals), records (what a
type cell names), maps and static maps (colour and marker shape), reports (order, colour).
An event type is one of ACLED's six; a sub-event type is one of ACLED's 25 or one of the
project's finer types (``acled=False``), each under one event type. To add a sub-event
type, add it to :data:`SUB_TYPES`; to draw a type differently, change its row in
:data:`TYPES`. Definitions follow ACLED's codebook.

``Other`` (:data:`OTHER_TYPE`) is the map layer for event types from foreign data that are
none of ACLED's six.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BATTLES",
    "EVENT_TYPES",
    "EXPLOSIONS",
    "OTHER_TYPE",
    "PROTESTS",
    "RIOTS",
    "STRATEGIC",
    "SUB_TYPES",
    "TYPES",
    "VIOLENCE",
    "VIOLENT_TYPES",
    "EventType",
    "SubEventType",
    "event_type",
    "parent_type",
    "sub_event_type",
]


@dataclass(frozen=True)
class EventType:
    """One of ACLED's six event types, and how maps and reports draw it."""

    name: str
    color: str
    #: Marker outline: circle, square, diamond, triangle, triangle-down or star.
    shape: str
    #: Whether it hurts people (casualty figures belong to it).
    violent: bool
    definition: str


@dataclass(frozen=True)
class SubEventType:
    """A sub-event type: ACLED's (``acled=True``) or a finer one of the project's."""

    name: str
    event_type: str
    acled: bool
    definition: str


BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

TYPES: tuple[EventType, ...] = (
    EventType(
        BATTLES,
        "#c0392b",
        "diamond",
        True,
        "A violent interaction between two organised armed groups at a particular time "
        "and location.",
    ),
    EventType(
        EXPLOSIONS,
        "#e67e22",
        "star",
        True,
        "One-sided violence in which the tool for engaging in conflict creates asymmetry "
        "by taking away the ability of the target to respond (shelling, air and drone "
        "strikes, explosives, grenades).",
    ),
    EventType(
        VIOLENCE,
        "#8e44ad",
        "triangle-down",
        True,
        "Violent events where an organised armed group inflicts violence upon unarmed "
        "non-combatants.",
    ),
    EventType(
        PROTESTS,
        "#2471a3",
        "circle",
        False,
        "A public demonstration in which the participants do not engage in violence.",
    ),
    EventType(
        RIOTS,
        "#b7950b",
        "triangle",
        True,
        "Violent events where demonstrators or mobs engage in disruptive acts, including "
        "but not limited to rock throwing, property destruction, and the like.",
    ),
    EventType(
        STRATEGIC,
        "#1e8449",
        "square",
        False,
        "Contextually important information regarding incidents and activities of groups "
        "that are not recorded as political violence, yet may trigger future events or "
        "contribute to political dynamics.",
    ),
)

#: The layer for event types from foreign data that are none of ACLED's six.
OTHER_TYPE = EventType("Other", "#5d6d7e", "circle", False, "Not one of ACLED's event types.")

#: ACLED's six event type names, in ACLED's order.
EVENT_TYPES: tuple[str, ...] = tuple(t.name for t in TYPES)

#: Event types that hurt people; casualty figures belong to them.
VIOLENT_TYPES = frozenset(t.name for t in TYPES if t.violent)


def _sub(name: str, event_type: str, definition: str, *, acled: bool = True) -> SubEventType:
    return SubEventType(name, event_type, acled, definition)


SUB_TYPES: tuple[SubEventType, ...] = (
    _sub("Armed clash", BATTLES, "Armed, organised groups engage in a battle; no territory "
         "changes hands."),
    _sub("Government regains territory", BATTLES, "Government forces win control of a "
         "location held by a non-state group."),
    _sub("Non-state actor overtakes territory", BATTLES, "A non-state group wins control of "
         "a location by force."),
    _sub("Chemical weapon", EXPLOSIONS, "Chemical weapons are used."),
    _sub("Air/drone strike", EXPLOSIONS, "Air or drone strikes."),
    _sub("Suicide bomb", EXPLOSIONS, "A suicide bombing or suicide vehicle attack."),
    _sub("Shelling/artillery/missile attack", EXPLOSIONS, "Long-range artillery, missiles, "
         "rockets, mortars or shells."),
    _sub("Remote explosive/landmine/IED", EXPLOSIONS, "Remotely or victim-detonated "
         "explosives: landmines, IEDs, car bombs."),
    _sub("Grenade", EXPLOSIONS, "A grenade or similar hand-thrown explosive."),
    _sub("Sexual violence", VIOLENCE, "Sexual violence against civilians."),
    _sub("Attack", VIOLENCE, "An armed group attacks unarmed civilians."),
    _sub("Abduction/forced disappearance", VIOLENCE, "An armed group abducts or makes "
         "civilians disappear."),
    _sub("Peaceful protest", PROTESTS, "Demonstrators gather without violence and without "
         "being met by force."),
    _sub("Protest with intervention", PROTESTS, "A peaceful protest that authorities "
         "disperse or suppress without serious injuries or lethal weapons."),
    _sub("Excessive force against protesters", PROTESTS, "Lethal or excessive force against "
         "peaceful protesters."),
    _sub("Violent demonstration", RIOTS, "Demonstrators engage in violence or destruction."),
    _sub("Mob violence", RIOTS, "A crowd or mob commits violence without a political "
         "demonstration (lynching, clashes between communities)."),
    _sub("Agreement", STRATEGIC, "Agreements between groups: ceasefires, peace deals, "
         "prisoner exchanges."),
    _sub("Arrests", STRATEGIC, "Authorities detain people, usually not during a "
         "demonstration."),
    _sub("Change to group/activity", STRATEGIC, "Changes in the activity or structure of "
         "groups: troop movements, curfews, states of emergency."),
    _sub("Disrupted weapons use", STRATEGIC, "Weapons seized or defused before use."),
    _sub("Headquarters or base established", STRATEGIC, "A group establishes a base or "
         "headquarters."),
    _sub("Looting/property destruction", STRATEGIC, "Looting or destruction of property "
         "outside another event."),
    _sub("Non-violent transfer of territory", STRATEGIC, "Territory changes hands without "
         "fighting."),
    _sub("Other", STRATEGIC, "Other important non-violent developments."),
    _sub("Evacuation", STRATEGIC, "Civilians are moved away from danger.", acled=False),
    _sub("Power outage", STRATEGIC, "Electricity is cut in an area.", acled=False),
    _sub("Troop deployment", STRATEGIC, "Forces are sent to or stationed at a place.",
         acled=False),
    _sub("Road blockade", PROTESTS, "Demonstrators or residents block a road or a border "
         "crossing.", acled=False),
)  # fmt: skip

_TYPES = {t.name: t for t in TYPES}
_SUBS = {s.name: s for s in SUB_TYPES}


def event_type(name: str) -> EventType:
    """The event type called ``name``; :data:`OTHER_TYPE` for a name outside ACLED's six."""
    return _TYPES.get(name, OTHER_TYPE)


def sub_event_type(name: str) -> SubEventType | None:
    """The sub-event type called ``name`` (exact name), or ``None``."""
    return _SUBS.get(name)


def parent_type(sub_event: str) -> str | None:
    """The event type a sub-event type belongs to, or ``None`` for an unknown name."""
    found = _SUBS.get(sub_event)
    return found.event_type if found else None


# -- (event type, sub-event type) pairs, as extraction names them ---------------------------

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
BLOCKADE = (PROTESTS, "Road blockade")
EVACUATION = (STRATEGIC, "Evacuation")
OUTAGE = (STRATEGIC, "Power outage")
BASE = (STRATEGIC, "Headquarters or base established")
AGREEMENT = (STRATEGIC, "Agreement")
CHANGE = (STRATEGIC, "Change to group/activity")
OTHER = (STRATEGIC, "Other")
