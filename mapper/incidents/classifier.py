"""The event-type classifier: pure numpy, from a safe ``.npz`` + ``.json`` model.

A supervised classifier is part of how English sentences are coded: ACLED's own coded
events teach it which words go with which event type. The model shipped in
``mapper/incidents/models/`` is written by ``bench/train_event_classifier.py`` from public
ACLED exports (not those covering 2020): a linear classifier over ACLED's sub-event types,
trained with scikit-learn on hashed, tf-idf weighted character n-grams. This
module rebuilds those features exactly as scikit-learn's ``HashingVectorizer`` +
``TfidfTransformer`` do (same preprocessing, same n-grams, same signed 32-bit MurmurHash3
of the UTF-8 bytes, same bucket), without scikit-learn and without pickle:

* ``<name>.json``: format tag, labels (sub-event types with their event types), the
  feature blocks' hyper-parameters, the softmax temperature and the training provenance;
* ``<name>.npz``: numeric arrays only (loaded with ``allow_pickle=False``), per feature block
  ``idf_<i>`` (float32, one per hash bucket) and the coefficients, stored as 16-bit (or 8-bit)
  integers with one float32 scale per class (``coef_q``, ``coef_scale``), plus ``intercept``.

No text is stored: a hash bucket has no name. Loading cannot run code.

Usage::

    model = bundled("event_classifier")                   # the model shipped with mapper
    model = EventClassifier.load("path/event_classifier") # reads .json and .npz
    proba = model.predict_proba(["Police fired tear gas at protesters in Dhaka."])
    types = model.event_type_proba([...])                  # summed over sub-event types
    best = model.classify([...])                           # [Prediction(...), ...]
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "FORMAT",
    "EventClassifier",
    "FeatureBlock",
    "Prediction",
    "bundled",
    "hashed_counts",
    "murmurhash3_32",
    "preprocess",
]

#: Format tag written into the model's JSON; a reader refuses any other.
FORMAT = "mapper-event-classifier/1"

_DIGIT = re.compile(r"\d")
#: scikit-learn's default ``token_pattern``
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_C1 = np.uint32(0xCC9E2D51)
_C2 = np.uint32(0x1B873593)
_INT32_MIN = -(2**31)
#: documents per internal batch (bounds the memory of one gather of coefficients)
_BATCH = 2048

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def preprocess(text: str) -> str:
    """The text as the vectorizer sees it: lowercased, each decimal digit made ``0``.

    Digits carry dates and counts, not the kind of event; mapping them to ``0`` keeps the
    shape of a number ("00 killed") without tying the model to the years it was trained on.
    A lone surrogate (not encodable as UTF-8) becomes ``?``.
    """
    text = text.encode("utf-8", "replace").decode("utf-8")
    return _DIGIT.sub("0", text.lower())


def _rotl(x: npt.NDArray[np.uint32], r: int) -> npt.NDArray[np.uint32]:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def murmurhash3_32(
    buffer: npt.NDArray[np.uint8], starts: IntArray, lengths: IntArray, seed: int = 0
) -> npt.NDArray[np.int32]:
    """Signed MurmurHash3 (x86, 32 bit) of each byte range ``buffer[start:start + length]``.

    Vectorised over the ranges (one pass per distinct length); equal to
    ``sklearn.utils.murmurhash3_32(bytes, seed)`` for each range.
    """
    out = np.empty(len(starts), dtype=np.uint32)
    for length in np.unique(lengths).tolist():
        sel = np.flatnonzero(lengths == length)
        rows = buffer[starts[sel, None] + np.arange(length)].astype(np.uint32)
        h = np.full(len(sel), seed, dtype=np.uint32)
        nblocks = length // 4
        for b in range(nblocks):
            c = rows[:, 4 * b : 4 * b + 4]
            k = c[:, 0] | (c[:, 1] << np.uint32(8)) | (c[:, 2] << np.uint32(16))
            k |= c[:, 3] << np.uint32(24)
            k = _rotl(k * _C1, 15) * _C2
            h = _rotl(h ^ k, 13) * np.uint32(5) + np.uint32(0xE6546B64)
        tail = length & 3
        if tail:
            base = 4 * nblocks
            k = rows[:, base].copy()
            if tail >= 2:
                k ^= rows[:, base + 1] << np.uint32(8)
            if tail >= 3:
                k ^= rows[:, base + 2] << np.uint32(16)
            h ^= _rotl(k * _C1, 15) * _C2
        h ^= np.uint32(length & 0xFFFFFFFF)
        h ^= h >> np.uint32(16)
        h *= np.uint32(0x85EBCA6B)
        h ^= h >> np.uint32(13)
        h *= np.uint32(0xC2B2AE35)
        h ^= h >> np.uint32(16)
        out[sel] = h
    return out.view(np.int32)


def _bucket(hashes: npt.NDArray[np.int32], n_features: int) -> IntArray:
    """scikit-learn's bucket of a signed hash: ``abs(h) % n_features`` (with its INT_MIN rule)."""
    h = hashes.astype(np.int64)
    index = np.abs(h) % n_features
    index[h == _INT32_MIN] = (2147483647 - (n_features - 1)) % n_features
    return index


def _utf8_offsets(text: str) -> IntArray:
    """Byte offset in ``text.encode('utf-8')`` of each character boundary (len + 1 values)."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    widths = 1 + (points >= 0x80).astype(np.int64) + (points >= 0x800) + (points >= 0x10000)
    offsets = np.zeros(len(points) + 1, dtype=np.int64)
    np.cumsum(widths, out=offsets[1:])
    return offsets


def _char_wb_spans(
    docs: Sequence[str], min_n: int, max_n: int
) -> tuple[npt.NDArray[np.uint8], IntArray, IntArray, IntArray]:
    """Byte spans of scikit-learn's ``char_wb`` n-grams: (buffer, starts, lengths, doc ids).

    Each whitespace-separated word is padded with one space on each side; a padded word of
    ``m`` characters gives its ``m - n + 1`` n-grams for each ``n`` below ``m`` and, once
    ``n >= m``, itself once (then no longer n-grams).
    """
    pieces: list[str] = []
    word_lengths: list[int] = []
    word_docs: list[int] = []
    for i, doc in enumerate(docs):
        words = doc.split()
        if not words:
            continue
        pieces.append(" " + "  ".join(words) + " ")
        word_lengths.extend(len(w) + 2 for w in words)
        word_docs.extend([i] * len(words))
    joined = "".join(pieces)
    buffer = np.frombuffer(joined.encode("utf-8"), dtype=np.uint8)
    offsets = _utf8_offsets(joined)
    m = np.asarray(word_lengths, dtype=np.int64)
    wdoc = np.asarray(word_docs, dtype=np.int64)
    wstart = np.zeros(len(m), dtype=np.int64)
    if len(m):
        np.cumsum(m[:-1], out=wstart[1:])
    starts: list[IntArray] = []
    ends: list[IntArray] = []
    doc_ids: list[IntArray] = []
    for n in range(min_n, max_n + 1):
        active = np.ones(len(m), dtype=bool) if n == min_n else m >= n
        am, astart = m[active], wstart[active]
        count = np.maximum(am - n + 1, 1)
        total = int(count.sum())
        if not total:
            continue
        first = np.cumsum(count) - count
        within = np.arange(total, dtype=np.int64) - np.repeat(first, count)
        char_start = np.repeat(astart, count) + within
        char_end = char_start + np.repeat(np.minimum(am, n), count)
        starts.append(offsets[char_start])
        ends.append(offsets[char_end])
        doc_ids.append(np.repeat(wdoc[active], count))
    if not starts:
        empty = np.zeros(0, dtype=np.int64)
        return buffer, empty, empty, empty
    start = np.concatenate(starts)
    return buffer, start, np.concatenate(ends) - start, np.concatenate(doc_ids)


def _word_spans(
    docs: Sequence[str], min_n: int, max_n: int
) -> tuple[npt.NDArray[np.uint8], IntArray, IntArray, IntArray]:
    """Byte spans of scikit-learn's ``word`` n-grams (default token pattern, joined by a space)."""
    features: list[bytes] = []
    doc_ids: list[int] = []
    for i, doc in enumerate(docs):
        tokens = _TOKEN.findall(doc)
        grams: list[str] = list(tokens) if min_n == 1 else []
        for n in range(max(min_n, 2), min(max_n, len(tokens)) + 1):
            grams.extend(" ".join(tokens[j : j + n]) for j in range(len(tokens) - n + 1))
        features.extend(g.encode("utf-8") for g in grams)
        doc_ids.extend([i] * len(grams))
    lengths = np.fromiter((len(f) for f in features), dtype=np.int64, count=len(features))
    start = np.zeros(len(features), dtype=np.int64)
    if len(features):
        np.cumsum(lengths[:-1], out=start[1:])
    buffer = np.frombuffer(b"".join(features), dtype=np.uint8)
    return buffer, start, lengths, np.asarray(doc_ids, dtype=np.int64)


def hashed_counts(
    docs: Sequence[str], analyzer: str, ngram_range: tuple[int, int], n_features: int
) -> tuple[IntArray, IntArray, FloatArray]:
    """The nonzero entries of scikit-learn's ``HashingVectorizer`` count matrix.

    Same settings as ``HashingVectorizer(analyzer=analyzer, ngram_range=ngram_range,
    n_features=n_features, preprocessor=preprocess, alternate_sign=False, norm=None)``.
    Returns ``(rows, columns, counts)`` sorted by row, then column; ``docs`` are raw texts.
    """
    texts = [preprocess(d) for d in docs]
    if analyzer == "char_wb":
        buffer, start, length, doc = _char_wb_spans(texts, *ngram_range)
    elif analyzer == "word":
        buffer, start, length, doc = _word_spans(texts, *ngram_range)
    else:
        raise ValueError(f"unknown analyzer {analyzer!r}")
    column = _bucket(murmurhash3_32(buffer, start, length), n_features)
    keys, counts = np.unique(doc * n_features + column, return_counts=True)
    return keys // n_features, keys % n_features, counts.astype(np.float64)


@dataclass(frozen=True)
class FeatureBlock:
    """One hashed n-gram feature block and its tf-idf weighting (L2-normalised per text)."""

    analyzer: str  # "char_wb" or "word"
    ngram_range: tuple[int, int]
    n_features: int
    sublinear_tf: bool
    idf: npt.NDArray[np.float32] | None

    def transform(self, docs: Sequence[str]) -> tuple[IntArray, IntArray, FloatArray]:
        """``(rows, columns, values)`` of the tf-idf matrix, as scikit-learn computes it."""
        rows, cols, vals = hashed_counts(docs, self.analyzer, self.ngram_range, self.n_features)
        if self.sublinear_tf:
            vals = np.log(vals) + 1.0
        if self.idf is not None:
            vals = vals * self.idf[cols].astype(np.float64)
        norms = np.sqrt(np.bincount(rows, weights=vals * vals, minlength=len(docs)))
        vals = vals / norms[rows]
        return rows, cols, vals


@dataclass(frozen=True)
class Prediction:
    """The most probable sub-event type of a text, its event type and their probabilities."""

    event_type: str
    event_type_probability: float
    sub_event_type: str
    sub_event_type_probability: float


class EventClassifier:
    """A linear sub-event-type classifier loaded from ``<path>.json`` and ``<path>.npz``."""

    def __init__(
        self,
        labels: Sequence[tuple[str, str]],
        blocks: Sequence[FeatureBlock],
        weights: npt.NDArray[np.float32],
        intercept: npt.NDArray[np.float64],
        temperature: float,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.labels: tuple[tuple[str, str], ...] = tuple((e, s) for e, s in labels)
        self.blocks = tuple(blocks)
        self.weights = weights  # (sum of n_features, n_labels)
        self.intercept = intercept
        self.temperature = float(temperature)
        self.meta: dict[str, Any] = dict(meta or {})
        self.event_types: tuple[str, ...] = tuple(dict.fromkeys(e for e, _ in self.labels))
        self._type_of_label = np.array([self.event_types.index(e) for e, _ in self.labels])
        expected = sum(b.n_features for b in self.blocks)
        if weights.shape != (expected, len(self.labels)) or intercept.shape != (len(labels),):
            raise ValueError("model arrays do not match its labels and feature blocks")

    @classmethod
    def load(cls, path: str | Path) -> EventClassifier:
        """Read ``<path>.json`` and ``<path>.npz`` (a suffix on ``path`` is ignored)."""
        base = Path(path)
        if base.suffix in (".json", ".npz"):
            base = base.with_suffix("")
        return cls.from_bytes(
            base.with_suffix(".json").read_text(encoding="utf-8"),
            base.with_suffix(".npz").read_bytes(),
        )

    @classmethod
    def from_bytes(cls, meta_text: str, arrays_data: bytes) -> EventClassifier:
        """A model from the text of its ``.json`` and the bytes of its ``.npz``."""
        meta = json.loads(meta_text)
        if meta.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model")
        with np.load(io.BytesIO(arrays_data), allow_pickle=False) as arrays:
            data = {key: arrays[key] for key in arrays.files}
        blocks = [
            FeatureBlock(
                analyzer=str(spec["analyzer"]),
                ngram_range=(int(spec["ngram_range"][0]), int(spec["ngram_range"][1])),
                n_features=int(spec["n_features"]),
                sublinear_tf=bool(spec["sublinear_tf"]),
                idf=data[f"idf_{i}"].astype(np.float32) if spec["use_idf"] else None,
            )
            for i, spec in enumerate(meta["blocks"])
        ]
        if data["coef_q"].dtype not in (np.int8, np.int16):
            raise ValueError("coefficients must be stored as int8 or int16")
        weights = (data["coef_q"].astype(np.float32) * data["coef_scale"][None, :]).astype(
            np.float32
        )
        labels = [(str(e), str(s)) for e, s in meta["labels"]]
        return cls(
            labels,
            blocks,
            weights,
            data["intercept"].astype(np.float64),
            float(meta["temperature"]),
            meta,
        )

    def decision_function(self, texts: Sequence[str]) -> FloatArray:
        """Linear scores, one row per text and one column per label (as scikit-learn's)."""
        out = np.empty((len(texts), len(self.labels)), dtype=np.float64)
        for lo in range(0, len(texts), _BATCH):
            batch = texts[lo : lo + _BATCH]
            scores = np.zeros((len(batch), len(self.labels)), dtype=np.float64)
            offset = 0
            for block in self.blocks:
                rows, cols, vals = block.transform(batch)  # sorted by row
                if len(rows):
                    contrib = self.weights[cols + offset] * vals[:, None]  # float64
                    starts = np.searchsorted(rows, np.arange(len(batch)))
                    filled = np.flatnonzero(np.diff(np.append(starts, len(rows))) > 0)
                    scores[filled] += np.add.reduceat(contrib, starts[filled], axis=0)
                offset += block.n_features
            out[lo : lo + len(batch)] = scores + self.intercept
        return out

    def predict_proba(self, texts: Sequence[str]) -> FloatArray:
        """Probability of each label (sub-event type), one row per text: a tempered softmax."""
        z = self.decision_function(texts) / self.temperature
        z -= z.max(axis=1, keepdims=True)
        e: FloatArray = np.exp(z)
        e /= e.sum(axis=1, keepdims=True)
        return e

    def event_type_proba(self, texts: Sequence[str]) -> FloatArray:
        """Probability of each event type (:attr:`event_types`): sums over its sub-event types."""
        proba = self.predict_proba(texts)
        out = np.zeros((len(texts), len(self.event_types)), dtype=np.float64)
        for j, t in enumerate(self._type_of_label):
            out[:, t] += proba[:, j]
        return out

    def classify(self, texts: Sequence[str]) -> list[Prediction]:
        """The best event type (by summed probability) and its best sub-event type, per text."""
        proba = self.predict_proba(texts)
        result = []
        for row in proba:
            sums = np.bincount(self._type_of_label, weights=row, minlength=len(self.event_types))
            t = int(np.argmax(sums))
            inside = np.where(self._type_of_label == t, row, -1.0)
            j = int(np.argmax(inside))
            result.append(
                Prediction(self.event_types[t], float(sums[t]), self.labels[j][1], float(row[j]))
            )
        return result


@cache
def bundled(name: str) -> EventClassifier:
    """The model ``name`` shipped in ``mapper/incidents/models/`` (loaded once)."""
    folder = resources.files("mapper.incidents") / "models"
    meta = (folder / f"{name}.json").read_text(encoding="utf-8")
    return EventClassifier.from_bytes(meta, (folder / f"{name}.npz").read_bytes())
