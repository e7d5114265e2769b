"""A geopy geocoder backed by the offline gazetteer.

:class:`OfflineGeocoder` has the shape of every geopy geocoder — ``geocode(query,
exactly_one=True)`` returns a :class:`geopy.location.Location` (``.raw`` holds the place
object and its source row) or ``None`` — so it can stand in for, or be chained with,
geopy's online services. An online fallback is opt-in: pass any geopy geocoder as
``fallback``; it is called only when the gazetteer finds nothing, through geopy's
:class:`~geopy.extra.rate_limiter.RateLimiter`, and its answers are cached per query.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer.index import Gazetteer
from gazetteer.place import Candidate

__all__ = ["OfflineGeocoder"]


# geopy ships no type information, so Geocoder is Any to mypy; subclassing it is the point.
class OfflineGeocoder(Geocoder):  # type: ignore[misc]
    """Geocode with the bundled gazetteer (and user layers); no network unless asked."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        fallback: Geocoder | None = None,
        min_delay_seconds: float = 1.0,
    ):
        super().__init__()
        self.gazetteer = gazetteer or Gazetteer.bundled()
        self._fallback: Callable[..., Any] | None = None
        self._cache: dict[tuple[str, bool], Any] = {}
        if fallback is not None:
            from geopy.extra.rate_limiter import RateLimiter

            self._fallback = RateLimiter(fallback.geocode, min_delay_seconds=min_delay_seconds)

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | None = None,
        near: str | None = None,
        limit: int | None = None,
        timeout: Any = None,
    ) -> Location | list[Location] | None:
        """Like every geopy geocoder: one :class:`Location`, a list, or ``None``."""
        found = self.gazetteer.lookup(
            query, country=country_codes, near=near, limit=1 if exactly_one else (limit or 5)
        )
        if found:
            locations = [_location(candidate) for candidate in found]
            return locations[0] if exactly_one else locations
        return self._online(query, exactly_one)

    def _online(self, query: str, exactly_one: bool) -> Any:
        """The fallback's answer, asked once per query; ``None`` without a fallback."""
        if self._fallback is None:
            return None
        key = (query, exactly_one)
        if key not in self._cache:
            self._cache[key] = self._fallback(query, exactly_one=exactly_one)
        return self._cache[key]


def _location(candidate: Candidate) -> Location:
    place = candidate.place
    address = ", ".join(part for part in (place.name, place.admin1, place.country) if part)
    raw = {**candidate.to_dict(), "row": place.raw}
    return Location(address, (place.lat, place.lon), raw)
