"""Labels on a static map: place names beside their markers, then country and region
names, each only where it overlaps nothing drawn before it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mapper.render.static.style import INK
from mapper.render.static.view import pixel_box

if TYPE_CHECKING:
    import geopandas
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase

    from mapper.render.static.borders import Shapes
    from mapper.render.static.view import Mark, View

__all__ = ["Labels"]

MAX_LABELS = 80


# (dx, dy, ha, va) around a marker, in order of preference; dx, dy in marker radii + a gap.
_SPOTS = (
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (0.75, 0.75, "left", "bottom"),
    (-0.75, 0.75, "right", "bottom"),
    (0.75, -0.75, "left", "top"),
    (-0.75, -0.75, "right", "top"),
)


class Labels:
    """Greedy label placement, in pixels, most important place first.

    Each label takes the first of eight spots around its marker that overlaps no marker,
    no label placed before it and no map furniture, or is left out. This was chosen over
    adjustText, which nudges labels iteratively: it may leave overlaps and moves labels
    away from their markers, while a briefing map wants a guarantee of no overlap and a
    label beside its place, and greedy placement gives both in a few lines.
    """

    def __init__(
        self,
        ax: Axes,
        renderer: RendererBase,
        marks: Sequence[Mark],
        per_point: float,
        obstacles: list[tuple[float, float, float, float]],
    ):
        import numpy

        self.ax = ax
        self.renderer = renderer
        self.scale = ax.figure.dpi / 72
        xy = ax.transData.transform([m.drawn_at(per_point) for m in marks])
        radius = numpy.array([m.diameter / 2 * self.scale for m in marks])
        self.markers = numpy.column_stack([xy - radius[:, None], xy + radius[:, None]])
        self.taken = list(obstacles)
        inner = ax.bbox
        self.frame = (inner.x0 + 3, inner.y0 + 3, inner.x1 - 3, inner.y1 - 3)

    def place_places(self, marks: Sequence[Mark]) -> None:
        """Label the places of ``marks``, most fatalities and incidents first."""
        for label, (x, y), radius in _places(marks)[:MAX_LABELS]:
            self._place_beside(label, (x, y), radius)

    def place_areas(self, shapes: Shapes, view: View) -> None:
        """Name the countries, then the regions, where the names fit."""
        for label, (x, y) in _area_labels(shapes.countries, view, _country_names()):
            self._place_at(label.upper(), (x, y), size=8, color="#8a8478", weight="bold")
        for label, (x, y) in _area_labels(shapes.regions, view):
            self._place_at(label, (x, y), size=6.5, color="#8f8f8f", style="italic")

    def _text(self, label: str, xy: tuple[float, float], **style: Any) -> Any:
        return self.ax.annotate(
            label,
            xy=xy,
            xytext=(0, 0),
            textcoords="offset points",
            annotation_clip=False,
            **style,
        )

    def _keep(self, text: Any, box: tuple[float, float, float, float], pad: float) -> None:
        """Keep ``text``, with a white halo drawn beneath it as a separate artist (a path
        effect on the text itself would turn it into outlines in SVG and PDF)."""
        from matplotlib import patheffects

        halo = self._text(
            text.get_text(),
            text.xy,
            ha=text.get_ha(),
            va=text.get_va(),
            fontproperties=text.get_fontproperties(),
            color="white",
            zorder=text.get_zorder() - 0.1,
            path_effects=[patheffects.Stroke(linewidth=2.5, foreground="white")],
            gid="halo",
        )
        halo.xyann = text.xyann
        self.taken.append(_pad(box, pad))

    def _place_beside(self, label: str, xy: tuple[float, float], radius_pt: float) -> None:
        text = self._text(label, xy, fontsize=8, color=INK, zorder=6)
        extent = text.get_window_extent(self.renderer)
        width, height = extent.width, extent.height
        cx, cy = self.ax.transData.transform(xy)
        gap = radius_pt + 2.5
        for dx, dy, ha, va in _SPOTS:
            ox, oy = dx * gap * self.scale, dy * gap * self.scale
            box = _aligned(cx + ox, cy + oy, width, height, ha, va)
            if self._free(box):
                text.set(ha=ha, va=va)
                text.xyann = (ox / self.scale, oy / self.scale)
                self._keep(text, box, 2)
                return
        text.remove()

    def _place_at(self, label: str, xy: tuple[float, float], **style: Any) -> None:
        text = self._text(label, xy, ha="center", va="center", zorder=4, **style)
        box = pixel_box(text.get_window_extent(self.renderer))
        if self._free(box):
            self._keep(text, box, 3)
        else:
            text.remove()

    def _free(self, box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        fx0, fy0, fx1, fy1 = self.frame
        if x0 < fx0 or y0 < fy0 or x1 > fx1 or y1 > fy1:
            return False
        if any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in self.taken):
            return False
        m = self.markers
        hits = (m[:, 0] < x1) & (m[:, 2] > x0) & (m[:, 1] < y1) & (m[:, 3] > y0)
        return not bool(hits.any())


def _aligned(
    x: float, y: float, width: float, height: float, ha: str, va: str
) -> tuple[float, float, float, float]:
    x0 = {"left": x, "right": x - width, "center": x - width / 2}[ha]
    y0 = {"bottom": y, "top": y - height, "center": y - height / 2}[va]
    return (x0, y0, x0 + width, y0 + height)


def _pad(box: tuple[float, float, float, float], pad: float) -> tuple[float, float, float, float]:
    return (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)


def _places(marks: Sequence[Mark]) -> list[tuple[str, tuple[float, float], float]]:
    """(label, xy, marker radius in points) per place, most fatalities and incidents first."""
    groups: dict[tuple[str, float, float], list[Mark]] = {}
    for mark in marks:
        if mark.label:
            groups.setdefault((mark.label, round(mark.x, -1), round(mark.y, -1)), []).append(mark)

    def rank(item: tuple[tuple[str, float, float], list[Mark]]) -> tuple[int, int, str]:
        (label, _, _), members = item
        return (-sum(m.point.fatalities or 0 for m in members), -len(members), label)

    return [
        (label, (members[0].x, members[0].y), max(m.reach for m in members))
        for (label, _, _), members in sorted(groups.items(), key=rank)
    ]


def _area_labels(
    frame: geopandas.GeoDataFrame, view: View, names: dict[str, str] | None = None
) -> list[tuple[str, tuple[float, float]]]:
    """A label point inside the visible part of each area, largest area first."""
    import shapely

    window = shapely.box(view.x0, view.y0, view.x1, view.y1)
    visible = shapely.intersection(frame.geometry.values, window)
    key = "country" if names is not None else "name"
    found = []
    for value, shape in zip(frame[key], visible, strict=True):
        if shape.is_empty or shape.area < 0.01 * window.area:
            continue
        point = shapely.point_on_surface(shape)
        label = names.get(value, value) if names is not None else str(value)
        found.append((shape.area, label, (point.x, point.y)))
    found.sort(key=lambda f: (-f[0], f[1]))
    return [(label, xy) for _, label, xy in found]


def _country_names() -> dict[str, str]:
    from mapper.render.features.borders import country_names

    return country_names()
