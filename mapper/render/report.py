"""The briefing report: one self-contained, print-friendly HTML page (``mapper report``).

Title and period, summary figures (incidents and fatalities by event type, casualties by
claimant, places), the interactive map, a timeline of incidents per day by type, a table
with one row per incident, an appendix of places placed approximately or not at all (with
why) and of record rows not mapped, and the sources and data attributions.

The page is rendered with Jinja2 with autoescaping on: every string that came from an
article or a record is escaped. Only markup mapper generates itself — the map and the
timeline SVG — is inserted as is. Links are kept only when they are http(s).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mapper import __version__
from mapper.event_types import EVENT_TYPES, event_type
from mapper.model import Incident, Mention, PipelineResult
from mapper.render.interactive import MapParts
from mapper.safety import safe_url

if TYPE_CHECKING:
    from jinja2 import Template

__all__ = ["build_report"]

PLACES_LISTED = 15
WHY = {
    2: "known only by name: placed at the district that contains it",
    3: "known only by name: placed at the region that contains it",
}


def build_report(
    result: PipelineResult,
    *,
    title: str = "Incident report",
    map_parts: MapParts | None = None,
    fragment: bool = False,
) -> str:
    """The report as one HTML page, or with ``fragment`` as one ``<div>`` for another page.

    ``map_parts`` is the map to embed (:func:`mapper.render.interactive.map_parts`); without it the
    report has no map section.
    """
    from markupsafe import Markup

    from mapper.render.timeline import timeline_svg

    incidents = list(result.incidents)
    context = {
        "title": title,
        "period": _period(incidents),
        "result": result,
        "incidents": incidents,
        "by_type": _by_type(incidents),
        "by_claimant": _by_claimant(incidents),
        "by_place": _by_place(incidents),
        "rows": [_row(i) for i in _in_order(incidents)],
        "appendix": _appendix(result),
        "rejects": [_reject(r) for r in result.rejects],
        "documents": [_document(e.document) for e in result.extractions],
        "timeline": Markup(timeline_svg(incidents)),
        "map_fragment": Markup(map_parts.fragment()) if map_parts else "",
        "fragment": fragment,
        "version": __version__,
    }
    return _template().render(**context)


def _template() -> Template:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("mapper.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2")


def _in_order(incidents: Sequence[Incident]) -> list[Incident]:
    return sorted(incidents, key=lambda i: (i.date or "9999", i.id))


def _period(incidents: Sequence[Incident]) -> str:
    dates = sorted(i.date for i in incidents if i.date)
    if not dates:
        return "dates unknown"
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"


def _by_type(incidents: Sequence[Incident]) -> list[dict[str, Any]]:
    counts = Counter(i.event_type for i in incidents)
    deaths: Counter[str] = Counter()
    for incident in incidents:
        deaths[incident.event_type] += incident.fatalities or 0
    return [
        {"type": t, "count": counts[t], "fatalities": deaths[t], "color": event_type(t).color}
        for t in EVENT_TYPES
        if counts[t]
    ]


def _by_claimant(incidents: Sequence[Incident]) -> list[dict[str, Any]]:
    killed: Counter[str] = Counter()
    injured: Counter[str] = Counter()
    for incident in incidents:
        claims = incident.claims or ()
        if not claims and (incident.fatalities or incident.injuries):
            killed["not attributed"] += incident.fatalities or 0
            injured["not attributed"] += incident.injuries or 0
        for claim in claims:
            name = claim.claimant or "not attributed"
            killed[name] += claim.fatalities or 0
            injured[name] += claim.injuries or 0
    names = sorted(set(killed) | set(injured), key=lambda n: (-killed[n], -injured[n], n))
    return [{"claimant": n, "fatalities": killed[n], "injuries": injured[n]} for n in names]


def _by_place(incidents: Sequence[Incident]) -> list[dict[str, Any]]:
    counts = Counter(i.place.name for i in incidents if i.place is not None)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:PLACES_LISTED]
    return [{"place": name, "count": count} for name, count in top]


def _casualties(incident: Incident) -> str:
    parts = []
    if incident.fatalities is not None:
        parts.append(f"{incident.fatalities} killed")
    if incident.injuries is not None:
        parts.append(f"{incident.injuries} injured")
    claimants = sorted({c.claimant for c in incident.claims if c.claimant})
    text = ", ".join(parts) or "—"
    return f"{text} (according to {'; '.join(claimants)})" if claimants and parts else text


def _row(incident: Incident) -> dict[str, Any]:
    place = incident.place
    sources = [incident.source, *(source for source, _ in incident.also_reported_by)]
    return {
        "date": incident.date or "unknown",
        "place": f"{place.name} ({place.kind.replace('_', ' ')}, {place.country or '—'})"
        if place
        else "not placed",
        "location_text": incident.location_text
        if place and incident.location_text != place.name
        else None,
        "precision": incident.geo_precision,
        "type": incident.event_type,
        "sub_type": incident.sub_event_type,
        "color": event_type(incident.event_type).color,
        "casualties": _casualties(incident),
        "evidence": incident.evidence.text,
        "sources": _source_labels(sources),
    }


def _source_labels(sources: Sequence[Any]) -> list[dict[str, Any]]:
    """Each distinct source once, with a label of its own: a document that stands for
    several links (a records file citing two articles, say) is labelled by each link's
    site and page, ``records.csv: example.org/…/kok-tash``."""
    unique = list({(s.document, safe_url(s.url)): None for s in sources})
    repeated = Counter(document for document, _ in unique)
    out = []
    for document, url in unique:
        label = document
        if url and repeated[document] > 1:
            label = f"{document}: {_short_url(url)}"
        out.append({"document": label, "url": url})
    return out


def _short_url(url: str) -> str:
    """``https://example.org/news/2022/kok-tash`` → ``example.org/…/kok-tash``."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = [p for p in parts.path.split("/") if p]
    if len(path) > 1:
        return f"{parts.netloc}/…/{path[-1]}"
    return f"{parts.netloc}/{path[0]}" if path else parts.netloc


def _appendix(result: PipelineResult) -> list[dict[str, Any]]:
    rows = [_appendix_row(e.document.id, m) for e, m in result.approximate()]
    rows += [_appendix_row(e.document.id, m) for e, m in result.unresolved()]
    unique = {(r["document"], r["text"], r["placed_at"]): r for r in rows}
    return [unique[key] for key in sorted(unique)]


def _appendix_row(document: str, mention: Mention) -> dict[str, Any]:
    if mention.place is None:
        return {
            "document": document,
            "text": mention.text,
            "placed_at": "not placed",
            "why": "no gazetteer entry, and the text names no place that contains it",
        }
    placed = f"{mention.place.name} ({mention.place.kind.replace('_', ' ')})"
    return {
        "document": document,
        "text": mention.text,
        "placed_at": placed,
        "why": WHY.get(mention.precision, "approximate"),
    }


def _reject(reject: Any) -> dict[str, Any]:
    return {"file": reject.path, "row": reject.row, "reason": reject.reason}


def _document(document: Any) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "language": document.language,
        "url": safe_url(document.url),
    }
