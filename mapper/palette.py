"""One colour per ACLED event type, shared by every map, chart and report."""

from __future__ import annotations

__all__ = ["EVENT_COLORS", "OTHER_COLOR", "event_color"]

EVENT_COLORS: dict[str, str] = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2471a3",
    "Riots": "#b7950b",
    "Strategic developments": "#1e8449",
}
OTHER_COLOR = "#5d6d7e"


def event_color(event_type: str) -> str:
    return EVENT_COLORS.get(event_type, OTHER_COLOR)
