"""Rebuild every git-ignored local copy of the evaluation corpora and check their hashes.

Usage::

    python bench/corpora/rebuild.py                        # rebuild what can be had, check all
    python bench/corpora/rebuild.py --check                # check the local copies only
    python bench/corpora/rebuild.py --only news --news-from DIR

Per corpus (``README.md`` beside this script):

* **news**: the texts of ``news/gold/*.gold.json`` are copied from a folder of ``<id>.txt``
  files (``--news-from``, by default ``/work/stash/news/text`` when it exists) into
  ``news/text/``, each only when its SHA-256 and length match the gold file's ``document``;
  texts already in ``news/text/`` are checked the same way. Every text is also checked against
  the sources reserved for independent evaluation (``reserved_check.py``), when their hashes
  are available.
* **acled**: ``acled/rebuild_acled.py`` rebuilds ``acled/cache/{dev,train}.jsonl`` from local
  snapshots of the public ACLED exports (``/work/.mirror/<owner>+<name>``, or
  ``--acled-source-dir``); the dev events are then checked against ``acled/dev_ids.txt``
  (event id and SHA-256 of the notes) and both files against ``acled/sources.json``.
* **geoparsing**: ``geoparsing/rebuild_geoparsing.py`` rebuilds ``geoparsing/cache/`` from a
  snapshot of the benchmarks' repository (or ``--geoparsing-xml-dir``); each document's text is
  then checked against ``geoparsing/split.json``.

A corpus whose source is absent (on CI, for instance) is not rebuilt: its local copy, if any,
is checked and what is missing is reported. The report gives, per corpus, the documents
present, missing and hash-mismatched. Exit status: 0 when every document that is present
matches its hash and every rebuild that could run succeeded; 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NEWS = HERE / "news"
ACLED = HERE / "acled"
GEOPARSING = HERE / "geoparsing"
MIRRORS = Path("/work/.mirror")
DEFAULT_STASH = Path("/work/stash/news/text")
GEOPARSING_REPOSITORY = "milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation"
CORPORA = ("news", "acled", "geoparsing")


@dataclass
class Report:
    """What one corpus has locally after the rebuild."""

    corpus: str
    present: int = 0
    missing: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed: bool = False

    @property
    def ok(self) -> bool:
        return not self.mismatched and not self.failed

    def lines(self) -> list[str]:
        status = "ok" if self.ok else "PROBLEM"
        out = [
            f"{self.corpus}: {self.present} present, {len(self.missing)} missing, "
            f"{len(self.mismatched)} hash-mismatched [{status}]"
        ]
        out += [f"  {note}" for note in self.notes]
        for label, names in (("missing", self.missing), ("mismatched", self.mismatched)):
            if names:
                shown = ", ".join(names[:10]) + (" ..." if len(names) > 10 else "")
                out.append(f"  {label}: {shown}")
        return out


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_matches(data: bytes, meta: dict[str, Any]) -> bool:
    """Whether ``data`` is the text a gold ``document`` describes (SHA-256 and length)."""
    if sha256_bytes(data) != meta.get("sha256"):
        return False
    try:
        return meta.get("chars") is None or len(data.decode("utf-8")) == meta["chars"]
    except UnicodeDecodeError:
        return False


# -- news ---------------------------------------------------------------------------------------


def rebuild_news(stash: Path | None, check_only: bool) -> Report:
    """Copy and check the news texts (see the module docstring)."""
    report = Report("news")
    text_dir = NEWS / "text"
    gold_paths = sorted((NEWS / "gold").glob("*.gold.json"))
    if not gold_paths:
        report.notes.append(f"no gold files in {NEWS / 'gold'}")
        report.failed = True
        return report
    use_stash = stash is not None and stash.is_dir() and not check_only
    if check_only:
        report.notes.append("checked the local copies only (--check)")
    elif stash is None:
        report.notes.append(
            f"no stash folder of texts ({DEFAULT_STASH} is absent; give --news-from DIR): "
            "only the local copies are checked"
        )
    elif not stash.is_dir():
        report.notes.append(f"{stash} is not a folder: only the local copies are checked")
        report.failed = True
    copied = 0
    texts: dict[str, bytes] = {}
    for path in gold_paths:
        meta = json.loads(path.read_text(encoding="utf-8"))["document"]
        doc_id = str(meta["id"])
        local = text_dir / f"{doc_id}.txt"
        if use_stash and stash is not None and (stash / f"{doc_id}.txt").is_file():
            data = (stash / f"{doc_id}.txt").read_bytes()
            if not text_matches(data, meta):
                report.mismatched.append(f"{doc_id} (stash)")
            elif not local.is_file() or local.read_bytes() != data:
                text_dir.mkdir(parents=True, exist_ok=True)
                _write_bytes(local, data)
                copied += 1
        if not local.is_file():
            report.missing.append(doc_id)
            continue
        data = local.read_bytes()
        if text_matches(data, meta):
            report.present += 1
            texts[doc_id] = data
        else:
            report.mismatched.append(doc_id)
    if use_stash:
        report.notes.append(f"{copied} texts copied from {stash}")
    report.notes.append(_reserved_note(texts, report))
    return report


def _write_bytes(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".part")
    temporary.write_bytes(data)
    temporary.replace(path)


def _reserved_note(texts: dict[str, bytes], report: Report) -> str:
    sys.path.insert(0, str(HERE))
    from reserved_check import SHINGLES, reserved_hashes, shared_shingles

    known = reserved_hashes()
    if not known:
        return f"reserved sources not checked: no shingle hashes at {SHINGLES}"
    sharing = sorted(
        doc_id for doc_id, data in texts.items() if shared_shingles(data.decode("utf-8"), known)
    )
    if sharing:
        report.failed = True
        return f"texts sharing text with a reserved source (must not be used): {sharing}"
    return f"no text shares a nine-word shingle with a reserved source ({len(texts)} checked)"


# -- ACLED --------------------------------------------------------------------------------------


def acled_repositories() -> list[str]:
    """The ``owner/name`` of every ACLED export that ``sources.json`` records."""
    sources = json.loads((ACLED / "sources.json").read_text(encoding="utf-8"))["sources"]
    return sorted({str(entry["repository"]).removeprefix("github:") for entry in sources.values()})


def rebuild_acled(source_dir: Path | None, check_only: bool) -> Report:
    """Rebuild the ACLED cache when its sources are at hand, then check it."""
    report = Report("acled")
    absent = [
        repo
        for repo in acled_repositories()
        if not (
            (source_dir / repo.replace("/", "+")).is_dir()
            if source_dir is not None
            else (MIRRORS / repo.replace("/", "+")).is_dir()
        )
    ]
    if check_only:
        report.notes.append("checked the local copy only (--check)")
    elif absent:
        where = source_dir if source_dir is not None else MIRRORS
        report.notes.append(
            f"not rebuilt: {len(absent)} source repositories are absent from {where} "
            f"({', '.join(absent[:3])}{' ...' if len(absent) > 3 else ''}); "
            "fetch their snapshots or give --acled-source-dir"
        )
    else:
        args = ["--source-dir", str(source_dir)] if source_dir is not None else []
        if not _run(ACLED / "rebuild_acled.py", args, report):
            return report
    _check_acled(report)
    return report


def _check_acled(report: Report) -> None:
    expected: dict[str, str] = {}
    for line in (ACLED / "dev_ids.txt").read_text(encoding="utf-8").splitlines():
        event_id, note_sha = line.split("\t")
        expected[event_id] = note_sha
    dev = ACLED / "cache" / "dev.jsonl"
    seen: dict[str, str] = {}
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            seen[event["event_id_cnty"]] = sha256_bytes(event["notes"].encode("utf-8"))
    for event_id, note_sha in sorted(expected.items()):
        if event_id not in seen:
            report.missing.append(event_id)
        elif seen[event_id] != note_sha:
            report.mismatched.append(event_id)
        else:
            report.present += 1
    extra = sorted(set(seen) - set(expected))
    if extra:
        report.mismatched += [f"{event_id} (not in dev_ids.txt)" for event_id in extra]
    recorded = json.loads((ACLED / "sources.json").read_text(encoding="utf-8"))
    for name, digest in recorded.get("output_sha256", {}).items():
        path = ACLED / "cache" / name
        if not path.is_file():
            report.notes.append(f"{name}: absent")
        elif sha256_bytes(path.read_bytes()) != digest:
            report.notes.append(f"{name}: differs from the SHA-256 in sources.json")
            report.failed = True
        else:
            report.notes.append(f"{name}: matches sources.json")
    report.notes.insert(0, "documents: the dev events of dev_ids.txt")


# -- geoparsing ---------------------------------------------------------------------------------


def rebuild_geoparsing(xml_dir: Path | None, check_only: bool) -> Report:
    """Rebuild the geoparsing benchmarks when their XML is at hand, then check them."""
    report = Report("geoparsing")
    stem = GEOPARSING_REPOSITORY.replace("/", "+")
    has_mirror = MIRRORS.is_dir() and any(MIRRORS.glob(f"{stem}*"))
    if check_only:
        report.notes.append("checked the local copy only (--check)")
    elif xml_dir is None and not has_mirror:
        report.notes.append(
            f"not rebuilt: no snapshot of {GEOPARSING_REPOSITORY} under {MIRRORS}; "
            "fetch it or give --geoparsing-xml-dir"
        )
    else:
        args = ["--xml-dir", str(xml_dir)] if xml_dir is not None else []
        if not _run(GEOPARSING / "rebuild_geoparsing.py", args, report):
            return report
    split = json.loads((GEOPARSING / "split.json").read_text(encoding="utf-8"))
    columns = split.pop("columns")
    counts: dict[str, int] = {}
    for corpus, rows in split.items():
        for row in rows:
            entry = dict(zip(columns, row, strict=True))
            if entry["split"] == "excluded":
                continue
            path = GEOPARSING / "cache" / corpus / "articles" / f"{entry['doc_id']}.txt"
            if not path.is_file():
                report.missing.append(entry["doc_id"])
            elif sha256_bytes(path.read_bytes()) != entry["text_sha256"]:
                report.mismatched.append(entry["doc_id"])
            else:
                report.present += 1
                counts[f"{corpus} {entry['split']}"] = (
                    counts.get(f"{corpus} {entry['split']}", 0) + 1
                )
    if counts:
        report.notes.append(
            "present: " + ", ".join(f"{key} {n}" for key, n in sorted(counts.items()))
        )
    return report


# -- running ------------------------------------------------------------------------------------


def _run(script: Path, args: Sequence[str], report: Report) -> bool:
    """Run a corpus's own rebuild script; its output goes into the report's notes."""
    result = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )
    # the scripts' summary lines (not their JSON dumps of counts), then any warnings
    summary = [line for line in result.stdout.splitlines() if line and line[0] not in " {}"]
    output = summary + result.stderr.strip().splitlines()
    report.notes += [f"{script.name}: {line}" for line in output[-12:]]
    if result.returncode != 0:
        report.notes.append(f"{script.name} failed with exit status {result.returncode}")
        report.failed = True
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=CORPORA,
        help="rebuild and check this corpus only (repeatable)",
    )
    parser.add_argument(
        "--check", action="store_true", help="check the local copies, rebuild nothing"
    )
    parser.add_argument(
        "--news-from",
        type=Path,
        help=f"folder of <id>.txt news texts (default: {DEFAULT_STASH} when present)",
    )
    parser.add_argument(
        "--acled-source-dir", type=Path, help="folder with <owner>+<name>/<path> ACLED exports"
    )
    parser.add_argument(
        "--geoparsing-xml-dir", type=Path, help="folder with lgl.xml, TR-News.xml, GWN.xml"
    )
    args = parser.parse_args(argv)
    stash = args.news_from or (DEFAULT_STASH if DEFAULT_STASH.is_dir() else None)
    steps: dict[str, Callable[[], Report]] = {
        "news": lambda: rebuild_news(stash, args.check),
        "acled": lambda: rebuild_acled(args.acled_source_dir, args.check),
        "geoparsing": lambda: rebuild_geoparsing(args.geoparsing_xml_dir, args.check),
    }
    reports = [steps[name]() for name in (args.only or CORPORA)]
    for report in reports:
        print("\n".join(report.lines()))
    ok = all(report.ok for report in reports)
    print("consistent" if ok else "NOT consistent: see the problems above")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
