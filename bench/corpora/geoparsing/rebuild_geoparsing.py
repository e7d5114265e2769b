"""Rebuild the public English geoparsing benchmarks (LGL, TR-News, GeoWebNews) locally.

The corpora come from github:milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation
(``data/Corpora/lgl.xml``, ``data/Corpora/TR-News.xml``, ``data/GWN.xml``). Their text is
third-party material and never enters the repository: this script reads the XML from a local
snapshot of that repository (found under ``/work/.mirror/``, or a folder given with
``--xml-dir``), checks each file against the SHA-256 recorded in ``sources.json`` and writes
the git-ignored ``cache/<name>/``:

* ``articles/<doc_id>.txt`` and ``gold/<doc_id>.json``, in the format of
  ``../shared/tools/convert_benchmarks.py`` (the same conversion, reimplemented here as
  functions, with one fix: see below);
* ``split.json`` beside this script (committed: ids, hashes and the split, no text):
  the first 70% of each corpus's documents in document order are ``dev``, the last 30%
  (``ceil(0.3 * n)`` documents) are ``test``. The test split is reserved for independent
  evaluation (``../shared/reserved.md``): never tune on it. A dev document that shares a
  nine-word shingle with a reserved text (``../reserved_check.py``; a syndicated copy or shared
  boilerplate) is marked ``excluded``: its text is not written and it is never scored.

Offset fix: a few gold offsets do not point at their toponym (TR-News: 117 toponyms shifted by
1 to 10 characters or with a wrong end; GeoWebNews: 2 with negative offsets in one article).
A toponym whose ``text[start:end]`` differs from its annotated string is moved to the nearest
occurrence of that string (within :data:`REPAIR_WINDOW` characters, or the only occurrence in
the text when the offset is negative); when there is none, or several equally near, it is
dropped. Counts are printed and recorded in ``sources.json``.

Usage::

    python bench/corpora/geoparsing/rebuild_geoparsing.py            # rebuild and verify
    python bench/corpora/geoparsing/rebuild_geoparsing.py --update   # (re)write the manifests
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"
SOURCES = HERE / "sources.json"
SPLIT = HERE / "split.json"
MIRRORS = Path("/work/.mirror")

REPOSITORY = "milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation"
#: corpus name -> path of its XML in the repository
CORPORA: dict[str, str] = {
    "lgl": "data/Corpora/lgl.xml",
    "trnews": "data/Corpora/TR-News.xml",
    "gwn": "data/GWN.xml",
}
DEV_SHARE_TENTHS = 7  # first 70% dev, last 30% test
REPAIR_WINDOW = 50

#: GeoWebNews toponym types kept as toponyms (as in ../shared/tools/convert_benchmarks.py):
#: literal and associative uses; demonyms, languages, homonyms and non-toponyms are left out.
GWN_LITERAL = frozenset(
    {
        "Literal",
        "Literal_Modifier",
        "Mixed",
        "Embedded_Literal",
        "Coercion",
        "Non_Literal_Modifier",
        "Metonymic",
        "Embedded_Non_Lit",
    }
)


@dataclass
class Converted:
    """One corpus converted: documents in order, and what had to be repaired."""

    name: str
    documents: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)
    repaired: int = 0
    dropped: list[str] = field(default_factory=list)

    @property
    def toponyms(self) -> int:
        return sum(len(gold["toponyms"]) for *_, gold in self.documents)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_mirror() -> Path | None:
    """The git directory of the local snapshot of :data:`REPOSITORY`, if any."""
    stem = REPOSITORY.replace("/", "+")
    for candidate in sorted(MIRRORS.glob(f"{stem}*/**/.git")) + sorted(MIRRORS.glob(f"{stem}*")):
        if (candidate / "HEAD").exists() and (candidate / "objects").exists():
            return candidate
    return None


def read_xml(name: str, sources: dict[str, Any], xml_dir: Path | None) -> bytes:
    """The XML bytes of one corpus, from ``xml_dir`` or the mirror, checked against its hash."""
    entry = sources["corpora"][name]
    if xml_dir is not None:
        data = (xml_dir / Path(entry["path"]).name).read_bytes()
        origin = str(xml_dir / Path(entry["path"]).name)
    else:
        git_dir = find_mirror()
        if git_dir is None:
            raise SystemExit(f"no snapshot of {REPOSITORY} under {MIRRORS}; use --xml-dir")
        spec = f"{sources['commit']}:{entry['path']}"
        data = subprocess.run(
            ["git", "--git-dir", str(git_dir), "show", spec], check=True, capture_output=True
        ).stdout
        origin = f"{git_dir} {spec}"
    if entry.get("sha256") and sha256(data) != entry["sha256"]:
        raise SystemExit(f"{name}: {origin} does not match the SHA-256 in {SOURCES.name}")
    return data


def repair(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """Offsets of ``phrase`` at or nearest to ``start`` (see the module docstring), or None."""
    if start >= 0 and text[start:end] == phrase:
        return start, end
    found = []
    at = text.find(phrase)
    while at != -1:
        found.append(at)
        at = text.find(phrase, at + 1)
    if start < 0:
        return (found[0], found[0] + len(phrase)) if len(found) == 1 else None
    near = sorted((abs(at - start), at) for at in found if abs(at - start) <= REPAIR_WINDOW)
    if not near or (len(near) > 1 and near[0][0] == near[1][0]):
        return None
    return near[0][1], near[0][1] + len(phrase)


def gaztag_place(toponym: ET.Element, j: int) -> tuple[str, dict[str, Any]]:
    """LGL / TR-News: the place key and record of one toponym."""
    tag = toponym.find("gaztag")
    if tag is not None and tag.findtext("lat"):
        fcode = tag.findtext("fcode") or ""
        kind = (
            "country_area"
            if fcode.startswith("PCL")
            else "admin1"
            if fcode == "ADM1"
            else "populated place"
        )
        country = tag.find("country")
        geonameid = tag.get("geonameid") or ""
        return "gn" + geonameid, {
            "name": tag.findtext("name"),
            "feature_kind": kind,
            "lat": float(tag.findtext("lat") or ""),
            "lon": float(tag.findtext("lon") or ""),
            "geonameid": int(geonameid),
            "country": None,
            "country_name": country.text if country is not None else None,
        }
    place = {"name": toponym.findtext("phrase"), "feature_kind": "unknown", "lat": None}
    return f"unsourced{j}", {**place, "lon": None}


def gwn_place(toponym: ET.Element, j: int) -> tuple[str, dict[str, Any]]:
    """GeoWebNews: the place key and record of one toponym."""
    lat = toponym.findtext("latitude")
    geonames = toponym.findtext("geonamesID")
    key = f"gn{geonames}" if geonames else f"p{j}"
    lon = toponym.findtext("longitude")
    return key, {
        "name": toponym.findtext("normalisedName") or toponym.findtext("extractedName"),
        "feature_kind": "populated place",
        "lat": float(lat) if lat else None,
        "lon": float(lon) if lat and lon else None,
    }


def convert(name: str, data: bytes) -> Converted:
    """All documents of one corpus: (doc_id, source id, text, gold), in document order."""
    out = Converted(name)
    root = ET.fromstring(data)
    for i, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        doc_id = f"{name}_{i:04d}"
        toponyms: list[dict[str, Any]] = []
        places: dict[str, dict[str, Any]] = {}
        for j, toponym in enumerate(article.iter("toponym")):
            gwn = toponym.find("gaztag") is None and toponym.find("phrase") is None
            if gwn and toponym.findtext("type") not in GWN_LITERAL:
                continue
            phrase = toponym.findtext("extractedName" if gwn else "phrase") or ""
            given = (int(toponym.findtext("start") or -1), int(toponym.findtext("end") or -1))
            span = repair(text, *given, phrase)
            if span is None:
                out.dropped.append(f"{doc_id} t{j} {phrase!r}")
                continue
            out.repaired += span != given
            key, place = gwn_place(toponym, j) if gwn else gaztag_place(toponym, j)
            places[key] = place
            start, end = span
            toponyms.append(
                {
                    "id": f"t{j}",
                    "surface": text[start:end],
                    "start": start,
                    "end": end,
                    "place": key,
                }
            )
        gold = {
            "doc_id": doc_id,
            "article_file": f"articles/{doc_id}.txt",
            "language": "en",
            "toponyms": toponyms,
            "places": places,
            "incidents": [],
        }
        source_id = article.get("docid") or article.get("file") or str(i)
        out.documents.append((doc_id, source_id, text, gold))
    return out


def split_of(count: int) -> int:
    """How many documents (the first ones) are ``dev``: all but the last ``ceil(30%)``."""
    return count - -(-count * (10 - DEV_SHARE_TENTHS) // 10)


def reserved_overlap(corpus: Converted) -> set[str] | None:
    """Dev documents sharing a nine-word shingle with a reserved text (``../reserved_check.py``).

    ``None`` when the reserved hashes are not available. (Test documents are the reserved
    texts themselves, so they are not checked.)
    """
    if str(HERE.parent) not in sys.path:
        sys.path.insert(0, str(HERE.parent))
    from reserved_check import reserved_hashes, shared_shingles

    known = reserved_hashes()
    if not known:
        return None
    dev = corpus.documents[: split_of(len(corpus.documents))]
    return {doc_id for doc_id, _, text, _ in dev if shared_shingles(text, known)}


def write_cache(corpus: Converted, excluded: set[str]) -> None:
    """Texts and gold of every document but the ``excluded`` ones."""
    folder = CACHE / corpus.name
    for sub in ("articles", "gold"):
        shutil.rmtree(folder / sub, ignore_errors=True)
        (folder / sub).mkdir(parents=True)
    for doc_id, _, text, gold in corpus.documents:
        if doc_id in excluded:
            continue
        (folder / "articles" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (folder / "gold" / f"{doc_id}.json").write_text(
            json.dumps(gold, ensure_ascii=False), encoding="utf-8"
        )


SPLIT_COLUMNS = ["doc_id", "source_id", "split", "text_sha256", "toponyms"]


def split_manifest(corpus: Converted, excluded: set[str]) -> list[list[Any]]:
    """One row per document, in document order (columns: :data:`SPLIT_COLUMNS`).

    The split is ``dev``, ``test``, or ``excluded`` (a dev document that shares text with a
    reserved source: left out of every score).
    """
    dev = split_of(len(corpus.documents))
    return [
        [
            doc_id,
            source_id,
            "excluded" if doc_id in excluded else "dev" if i < dev else "test",
            sha256(text.encode()),
            len(gold["toponyms"]),
        ]
        for i, (doc_id, source_id, text, gold) in enumerate(corpus.documents)
    ]


def write_split(split: dict[str, list[list[Any]]]) -> None:
    """``split.json``: the columns, then each corpus with one document per line."""
    lines = ["{", f' "columns": {json.dumps(SPLIT_COLUMNS)},']
    for n, (name, rows) in enumerate(split.items()):
        lines.append(f' "{name}": [')
        lines += [f"  {json.dumps(row, ensure_ascii=False)}," for row in rows]
        lines[-1] = lines[-1].rstrip(",")
        lines.append(" ]," if n < len(split) - 1 else " ]")
    SPLIT.write_text("\n".join([*lines, "}"]) + "\n")


def initial_sources() -> dict[str, Any]:
    """A fresh ``sources.json`` for the mirror's HEAD (used by ``--update``)."""
    git_dir = find_mirror()
    if git_dir is None:
        raise SystemExit(f"no snapshot of {REPOSITORY} under {MIRRORS}")
    commit = subprocess.run(
        ["git", "--git-dir", str(git_dir), "rev-parse", "HEAD"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "repository": f"github:{REPOSITORY}",
        "commit": commit,
        "corpora": {name: {"path": path, "sha256": None} for name, path in CORPORA.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--xml-dir", type=Path, help="read lgl.xml, TR-News.xml, GWN.xml here")
    parser.add_argument(
        "--update", action="store_true", help="(re)write sources.json and split.json"
    )
    args = parser.parse_args(argv)

    sources = initial_sources() if args.update else json.loads(SOURCES.read_text())
    split: dict[str, Any] = {} if args.update else json.loads(SPLIT.read_text())
    problems = 0
    for name in CORPORA:
        data = read_xml(name, sources, args.xml_dir)
        corpus = convert(name, data)
        excluded = reserved_overlap(corpus)
        if excluded is None:
            if args.update:
                raise SystemExit("reserved shingles not found: cannot write the split")
            print("reserved shingles not found: using the recorded exclusions", file=sys.stderr)
            excluded = {row[0] for row in split.get(name, []) if row[2] == "excluded"}
        write_cache(corpus, excluded)
        manifest = split_manifest(corpus, excluded)
        dev = split_of(len(corpus.documents))
        facts = {
            "path": CORPORA[name],
            "sha256": sha256(data),
            "bytes": len(data),
            "documents": len(corpus.documents),
            "toponyms": corpus.toponyms,
            "dev_documents": dev - len(excluded),
            "dev_excluded": sorted(excluded),
            "test_documents": len(corpus.documents) - dev,
            "offsets_repaired": corpus.repaired,
            "toponyms_dropped": corpus.dropped,
        }
        if args.update:
            sources["corpora"][name] = facts
            split[name] = manifest
        elif sources["corpora"][name] != facts or split.get(name) != manifest:
            print(f"{name}: conversion differs from {SOURCES.name} / {SPLIT.name}", file=sys.stderr)
            problems += 1
        print(
            f"{name}: {len(corpus.documents)} documents ({dev - len(excluded)} dev, "
            f"{len(excluded)} dev excluded as sharing text with a reserved source, "
            f"{len(corpus.documents) - dev} test), {corpus.toponyms} toponyms, "
            f"{corpus.repaired} offsets repaired, {len(corpus.dropped)} dropped "
            f"-> {CACHE / name}"
        )
    if args.update:
        sources["split_rule"] = (
            "document order; the first n - ceil(0.3 n) documents are dev, the rest test "
            "(reserved for independent evaluation: never tune on it); dev documents sharing a "
            "nine-word shingle with a reserved text (bench/corpora/reserved_check.py) are "
            "excluded"
        )
        SOURCES.write_text(json.dumps(sources, indent=2, ensure_ascii=False) + "\n")
        write_split(split)
        print(f"wrote {SOURCES} and {SPLIT}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
