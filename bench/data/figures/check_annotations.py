#!/usr/bin/env python3
"""Validate the hand-annotated gold set of key figures (stdlib only).

Usage:
    python3 check_annotations.py [annotations.jsonl] [--root REPO_ROOT]

Checks, for every line of annotations.jsonl:
  * the line is a JSON object with "doc", "figures" and "near_misses";
  * each doc appears only once and exists under the repository root
    (doc paths are relative to the root, e.g. "seeds/000_....txt");
  * the doc decodes as UTF-8 (errors="strict");
  * every entry has a non-empty "text" and an integer "occurrence" >= 1, and
    the text occurs at least `occurrence` times in the file (occurrences are
    counted left to right, non-overlapping, over the WHOLE file including the
    headline, ignoring word boundaries: str.find advancing past each match);
  * every figure has a valid "kind"; every near-miss has a non-empty "why";
  * no two figures overlap, no figure overlaps a near-miss, and no two
    near-misses overlap;
  * figures (and near-misses) are listed in file order;
  * for BBC articles, nothing is annotated on the first line (the headline).

Exits 0 and prints a summary when everything passes, 1 otherwise.
"""
import argparse
import collections
import json
import os
import sys

KINDS = ("count", "money", "percent", "date", "time", "duration", "number")
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
BBC_DIR = "bench/data/bbc-sample/articles/"


def find_occurrence(text, needle, occurrence):
    """Start offset of the `occurrence`-th non-overlapping match, or None."""
    pos, n = 0, 0
    while True:
        i = text.find(needle, pos)
        if i < 0:
            return None
        n += 1
        if n == occurrence:
            return i
        pos = i + len(needle)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("annotations", nargs="?",
                    default=os.path.join(HERE, "annotations.jsonl"))
    ap.add_argument("--root", default=DEFAULT_ROOT,
                    help="repository root that doc paths are relative to")
    args = ap.parse_args(argv)

    errors = []
    kind_counts = collections.Counter()
    n_docs = n_near = 0
    seen_docs = set()

    def err(lineno, doc, msg):
        errors.append(f"line {lineno} [{doc}]: {msg}")

    with open(args.annotations, encoding="utf-8", errors="strict") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                err(lineno, "?", f"invalid JSON: {e}")
                continue
            doc = rec.get("doc") if isinstance(rec, dict) else None
            if not isinstance(doc, str) or not doc:
                err(lineno, "?", "missing or invalid 'doc'")
                continue
            extra = set(rec) - {"doc", "figures", "near_misses"}
            if extra:
                err(lineno, doc, f"unexpected keys {sorted(extra)}")
            if doc in seen_docs:
                err(lineno, doc, "doc listed more than once")
            seen_docs.add(doc)
            path = os.path.join(args.root, doc)
            if not os.path.isfile(path):
                err(lineno, doc, f"document not found at {path}")
                continue
            try:
                with open(path, encoding="utf-8", errors="strict") as df:
                    text = df.read()
            except UnicodeDecodeError as e:
                err(lineno, doc, f"not valid UTF-8: {e}")
                continue
            n_docs += 1
            headline_end = text.find("\n") if doc.startswith(BBC_DIR) else -1

            spans = []  # (start, end, label, is_figure)
            for field in ("figures", "near_misses"):
                items = rec.get(field)
                if not isinstance(items, list):
                    err(lineno, doc, f"'{field}' must be a list")
                    continue
                last_start = -1
                for j, item in enumerate(items):
                    where = f"{field}[{j}]"
                    if not isinstance(item, dict):
                        err(lineno, doc, f"{where} is not an object")
                        continue
                    t, occ = item.get("text"), item.get("occurrence")
                    if not isinstance(t, str) or not t:
                        err(lineno, doc, f"{where}: missing/empty text")
                        continue
                    if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
                        err(lineno, doc, f"{where} {t!r}: occurrence must be an int >= 1")
                        continue
                    if field == "figures":
                        if item.get("kind") not in KINDS:
                            err(lineno, doc, f"{where} {t!r}: invalid kind {item.get('kind')!r}")
                        else:
                            kind_counts[item["kind"]] += 1
                        extra = set(item) - {"text", "occurrence", "kind"}
                    else:
                        why = item.get("why")
                        if not isinstance(why, str) or not why.strip():
                            err(lineno, doc, f"{where} {t!r}: near-miss needs a 'why'")
                        n_near += 1
                        extra = set(item) - {"text", "occurrence", "why"}
                    if extra:
                        err(lineno, doc, f"{where} {t!r}: unexpected keys {sorted(extra)}")
                    start = find_occurrence(text, t, occ)
                    if start is None:
                        err(lineno, doc, f"{where} {t!r}: occurs {text.count(t)} time(s), "
                                         f"occurrence {occ} requested")
                        continue
                    if start < headline_end:
                        err(lineno, doc, f"{where} {t!r}#{occ}: lies in the headline line")
                    if start < last_start:
                        err(lineno, doc, f"{where} {t!r}#{occ}: not in file order")
                    last_start = start
                    spans.append((start, start + len(t), f"{t!r}#{occ}", field == "figures"))

            spans.sort()
            for i, a in enumerate(spans):
                for b in spans[i + 1:]:
                    if b[0] >= a[1]:
                        break
                    if a[3] and b[3]:
                        what = "figures overlap"
                    elif a[3] or b[3]:
                        what = "figure overlaps near-miss"
                    else:
                        what = "near-misses overlap"
                    err(lineno, doc, f"{what}: {a[2]} and {b[2]}")

    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        return 1
    total = sum(kind_counts.values())
    print(f"OK: {n_docs} documents, {total} figures, {n_near} near-misses")
    for k in KINDS:
        print(f"  {k:9s} {kind_counts[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
