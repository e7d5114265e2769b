"""Small guards for text that came from articles or records on its way into outputs."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["safe_file_stem", "safe_url"]

_UNSAFE_STEM = re.compile(r"[^\w.-]+")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) link with a host, else ``None``."""
    if not url:
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def safe_file_stem(name: str, fallback: str = "document") -> str:
    """A file name stem made from input text that cannot leave its folder."""
    stem = _UNSAFE_STEM.sub("_", name).strip("._")[:120]
    return stem or fallback
