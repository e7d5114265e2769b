"""Check texts against the sources reserved for independent evaluation (../shared/reserved.md).

Reserved texts are known here only as truncated hashes of their nine-word shingles
(``../shared/hooks/reserved_shingles.txt``). A text that shares any shingle with them is a copy
(or a syndicated version) of a reserved source and must not be used.

Usage: ``python bench/corpora/reserved_check.py FILE...`` — prints each file with the number of
shared shingles and exits 1 when any file shares one.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path


def _find_shingles() -> Path:
    """``shared/hooks/reserved_shingles.txt`` beside the checkout or a folder above it."""
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "shared" / "hooks" / "reserved_shingles.txt"
        if candidate.exists():
            return candidate
    return Path("../shared/hooks/reserved_shingles.txt")


SHINGLES = _find_shingles()


def reserved_hashes(path: Path = SHINGLES) -> frozenset[str]:
    """The truncated shingle hashes of the reserved texts (empty when ``../shared`` is absent)."""
    return frozenset(path.read_text().split()) if path.exists() else frozenset()


def shared_shingles(text: str, known: frozenset[str]) -> int:
    """How many nine-word shingles of ``text`` belong to a reserved text."""
    words = re.findall(r"\w+", text.lower())
    return sum(
        hashlib.sha1(" ".join(words[i : i + 9]).encode()).hexdigest()[:12] in known
        for i in range(len(words) - 8)
    )


def main(argv: list[str]) -> int:
    known = reserved_hashes()
    if not known:
        print(f"no reserved shingles at {SHINGLES}", file=sys.stderr)
        return 2
    bad = 0
    for name in argv:
        count = shared_shingles(Path(name).read_text(encoding="utf-8"), known)
        print(f"{count:5d}  {name}")
        bad += count > 0
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
