"""Joining reports of one event: :func:`merge_incidents` within and across articles,
:func:`join_incidents` of article incidents to the records a user already has."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from gazetteer import Place
from mapper.event_types import STRATEGIC
from mapper.incidents.dates import DateValue
from mapper.incidents.places import NOT_SPECIFIC, SPECIFICITY, distance_km
from mapper.model import Incident

__all__ = [
    "MERGE_DISTANCE_KM",
    "join_incidents",
    "lowest",
    "merge_incidents",
    "merge_within_document",
    "union_actors",
]

#: Places closer than this are one place when reports are joined.
MERGE_DISTANCE_KM = 10.0


def merge_incidents(incidents: Sequence[Incident]) -> list[Incident]:
    """Join reports of one event into one incident; works within and across documents.

    Two incidents are one event when all of these hold:

    * the same event type and sub-event type (ACLED's duplicate rule: an evacuation
      and a power outage in one village are two events, as are a riot and the mob
      violence that follows it);
    * both dates known and at most one day apart, a week, month or year counting as
      the days it spans;
    * both places known and at most :data:`MERGE_DISTANCE_KM` apart.

    Incidents are taken in order; each joins the first group whose first incident it
    matches, so the result is deterministic and keeps the order of first reports. A
    group keeps its first incident's id, type, evidence and source; the others go to
    ``also_reported_by``. It takes the earliest day, the most specific place, every
    actor and claim, and the lowest fatality and injury figures.
    """
    groups = _Groups()
    for incident in incidents:
        group = groups.find(incident)
        if group is None:
            groups.add(incident)
        else:
            group.append(incident)
    return [_combine(group) for group in groups.all]


def merge_within_document(incidents: Sequence[Incident]) -> list[Incident]:
    """Join the reports of one event that one article tells in several sentences.

    Within an article the rule is wider than :func:`merge_incidents`: the same event type
    (sub-types of violence may differ: "gunmen stormed the village" and "killed the village
    head" are one attack; strategic developments of different sub-types, an evacuation and
    a power cut, stay apart), dates at most a day apart, and one place within the other (a
    village and its region, a town and its country) or the two at most
    :data:`MERGE_DISTANCE_KM` apart. Places one sentence lists apart stay apart.
    """
    groups: list[list[Incident]] = []
    for incident in incidents:
        group = next((g for g in groups if _joins(g, incident)), None)
        if group is None:
            groups.append([incident])
        else:
            group.append(incident)
    return [_combine(group) for group in groups]


def _joins(group: Sequence[Incident], incident: Incident) -> bool:
    """Whether ``incident`` is the group's event, and no member is a place its own
    sentence lists apart from it."""
    return _same_story_event(group[0], incident) and not any(
        _listed_apart(member, incident) for member in group
    )


def _listed_apart(first: Incident, other: Incident) -> bool:
    return (
        first.evidence == other.evidence
        and first.place is not None
        and other.place is not None
        and first.place.id != other.place.id
    )


def _same_story_event(first: Incident, other: Incident) -> bool:
    if first.event_type != other.event_type or not _dates_close(first, other):
        return False
    if first.event_type == STRATEGIC and first.sub_event_type != other.sub_event_type:
        return False
    if first.place is None or other.place is None:
        return False
    if _listed_apart(first, other):
        return False
    return (
        _contains(first.place, other.place)
        or _contains(other.place, first.place)
        or (distance_km(first.place, other.place) <= MERGE_DISTANCE_KM)
    )


def _contains(area: Place, place: Place) -> bool:
    """Whether ``area`` (a country or first-level region) holds ``place``.

    A district is not taken for a container: it is often where the gazetteer places a
    village it lacks, so a district incident may be a village of its own."""
    if area.id == place.id:
        return True
    if area.kind == "country":
        return area.country is not None and area.country == place.country
    if area.kind == "admin1":
        return place.admin1_id == area.id
    return False


def join_incidents(records: Sequence[Incident], extracted: Sequence[Incident]) -> list[Incident]:
    """Join incidents extracted from articles to the records a user already has.

    Each record stays one incident (records are distinct rows with their own ids). The
    extracted incidents are first merged among themselves (:func:`merge_incidents`); each
    then joins the first record that is the same event by the same rule, as another
    report of it, or stands as an incident of its own.
    """
    groups = _Groups()
    for record in records:
        groups.add(record)
    alone: list[Incident] = []
    for report in merge_incidents(extracted):
        group = groups.find(report)
        if group is None:
            alone.append(report)
        else:
            group.append(report)
    return [_combine(group) for group in groups.all] + alone


class _Groups:
    """Groups of reports of one event, in the order they were made.

    Only groups whose first incident has a date and a place can take more, and only
    incidents of their event type and sub-type: those are kept apart per type, so a long
    text is not compared incident by incident with every group.
    """

    def __init__(self) -> None:
        self.all: list[list[Incident]] = []
        self._open: dict[tuple[str, str], list[list[Incident]]] = {}

    def find(self, incident: Incident) -> list[Incident] | None:
        """The first group ``incident`` is the same event as, or ``None``."""
        if incident.date is None or incident.place is None:
            return None
        candidates = self._open.get((incident.event_type, incident.sub_event_type), ())
        return next((g for g in candidates if _same_event(g[0], incident)), None)

    def add(self, incident: Incident) -> None:
        """Start a group with ``incident``."""
        group = [incident]
        self.all.append(group)
        if incident.date is not None and incident.place is not None:
            self._open.setdefault((incident.event_type, incident.sub_event_type), []).append(group)


def _same_event(first: Incident, other: Incident) -> bool:
    """The merge rule; but places one sentence lists apart stay apart (ACLED codes each)."""
    listed_apart = (
        first.evidence == other.evidence
        and first.source == other.source
        and first.place is not None
        and other.place is not None
        and first.place.id != other.place.id
    )
    return (
        not listed_apart
        and (first.event_type, first.sub_event_type) == (other.event_type, other.sub_event_type)
        and _dates_close(first, other)
        and first.place is not None
        and other.place is not None
        and distance_km(first.place, other.place) <= MERGE_DISTANCE_KM
    )


def _dates_close(first: Incident, other: Incident) -> bool:
    """Whether the two dates (as periods: a day, week, month, year) are a day apart or less."""
    if first.date is None or other.date is None:
        return False
    one = DateValue(first.date, first.date_precision or "day")
    two = DateValue(other.date, other.date_precision or "day")
    gap = max(one.first, two.first) - min(one.last, two.last)
    return gap.days <= 1


def _combine(group: list[Incident]) -> Incident:
    primary = group[0]
    if len(group) == 1:
        return primary
    claims = tuple(dict.fromkeys(claim for incident in group for claim in incident.claims))
    placed = min(group, key=_place_rank)
    days = [i.date for i in group if i.date is not None and i.date_precision == "day"]
    also = list(primary.also_reported_by)
    for incident in group[1:]:
        also += [(incident.source, incident.evidence), *incident.also_reported_by]
    return replace(
        primary,
        date=min(days) if days else primary.date,
        date_precision="day" if days else primary.date_precision,
        place=placed.place,
        location_text=placed.location_text,
        geo_precision=placed.geo_precision,
        fatalities=lowest([i.fatalities for i in group] + [c.fatalities for c in claims]),
        injuries=lowest([i.injuries for i in group] + [c.injuries for c in claims]),
        actors=union_actors([incident.actors for incident in group]),
        claims=claims,
        also_reported_by=tuple(dict.fromkeys(also)),
    )


def _place_rank(incident: Incident) -> tuple[int, int]:
    if incident.place is None:
        return (NOT_SPECIFIC + 1, incident.geo_precision)
    return (SPECIFICITY.get(incident.place.kind, NOT_SPECIFIC), incident.geo_precision)


def lowest(values: Sequence[int | None]) -> int | None:
    """The lowest known value, or ``None`` when none is known."""
    known = [value for value in values if value is not None]
    return min(known) if known else None


def union_actors(groups: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """Every actor of ``groups`` once (case aside), in order of first mention."""
    seen: dict[str, str] = {}
    for group in groups:
        for actor in group:
            seen.setdefault(actor.casefold(), actor)
    return tuple(seen.values())
