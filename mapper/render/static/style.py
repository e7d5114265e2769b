"""The look every part of a static map shares: colours, page layout, marker shapes."""

from __future__ import annotations

__all__ = [
    "FOOTER_IN",
    "HEADER_IN",
    "INK",
    "LAND",
    "MARGIN_IN",
    "MARKERS",
    "MARKER_AREA",
    "MUTED",
    "PANEL_IN",
    "WATER",
]

# Colours: the sea, the land (one per country, unlike its neighbours'), text and lines, notes.
WATER = "#dfe8ef"
LAND = ("#f3efe4", "#e5ead6", "#efe3db", "#e6e3ee", "#f2ead0")
INK = "#2b2b2b"
MUTED = "#6f6f6f"
# Layout in inches: header, footer, outer margin, legend panel.
HEADER_IN, FOOTER_IN, MARGIN_IN, PANEL_IN = 0.85, 0.32, 0.25, 2.35
#: The interactive map's marker shapes as matplotlib markers.
MARKERS = {
    "circle": "o",
    "square": "s",
    "diamond": "D",
    "triangle": "^",
    "triangle-down": "v",
    "star": "*",
}
# Marker area factors, so that every shape looks about as large as a circle.
MARKER_AREA = {"o": 1.0, "s": 0.8, "D": 0.7, "^": 1.0, "v": 1.0, "*": 1.7}
