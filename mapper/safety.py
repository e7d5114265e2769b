"""Small guards for text that came from articles or records on its way into outputs."""

from __future__ import annotations

import re

__all__ = ["safe_file_stem", "safe_url"]

_UNSAFE_STEM = re.compile(r"[^\w.-]+")


_HTTP_LINK = re.compile(r"https?://[^\s/?#@]+(?:[/?#]\S*)?$", re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an ``http`` or ``https`` link with a host (no spaces), else ``None``."""
    if not url:
        return None
    text = url.strip()
    return text if _HTTP_LINK.match(text) else None


#: The longest stem, in UTF-8 bytes: room for a suffix within a file system's 255.
MAX_STEM_BYTES = 120


def safe_file_stem(name: str, fallback: str = "document") -> str:
    """A file name stem made from input text that cannot leave its folder.

    Letters, digits, ``_``, ``.`` and ``-`` are kept, any other run becomes ``_``
    (path separators, line breaks, spaces); at most :data:`MAX_STEM_BYTES` bytes.
    """
    stem = _UNSAFE_STEM.sub("_", name).strip("._")
    stem = stem.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip("._")
    return stem or fallback
