"""How far two annotators of the same letters agree, and how ingest does where they agree.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/annotator_agreement.py FIRST_DIR SECOND_DIR [FIRST SECOND ...]

Each pair is a folder of annotated documents (``NAME.ext`` beside ``NAME.expected.json``,
as ``benchmarks/ingest_accuracy.py`` reads them) and a folder holding a second,
independent annotation of the same documents (``NAME.expected.json`` only). Several first
folders may share one second folder: ``blind-120,blind-121 reannot-A``.

It prints:

- the share of fields on which the two annotations agree, with the first as the
  reference, field by field, by the rules ``ingest_accuracy.py`` scores ingest with;
- ingest against each annotation;
- ingest on the fields both annotators agree on, and the misses there (with ``-v``),
  which are reading errors rather than questions of judgement.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ingest_accuracy


class _Record(ingest_accuracy.Score):
    """A score that also keeps each field's outcomes, to pair them across scorings."""

    def __init__(self) -> None:
        super().__init__()
        self.outcomes: dict[tuple[str, str], list[tuple[bool, str]]] = collections.defaultdict(list)

    def check(self, doc: str, field: str, ok: bool, detail: str = "") -> None:
        super().check(doc, field, ok, detail)
        self.outcomes[(doc, field)].append((ok, detail))


def as_ingested(annotation: dict[str, Any]) -> dict[str, Any]:
    """An annotation in the shape of ingest's JSON, so the scorer can compare two
    annotations as it compares ingest with one."""
    count = annotation.get("signatories_count") or 0
    signers: list[dict[str, str]] = [{"name": ""} for _ in range(count)]
    if count:
        signers[0] = {"name": annotation.get("first_signatory") or ""}
        if count > 1:
            signers[-1] = {"name": annotation.get("last_signatory") or ""}
    return {
        "kind": annotation.get("kind"),
        "date": annotation.get("date"),
        "addressees": annotation.get("addressees") or [],
        "cc": annotation.get("cc") or [],
        "subject": annotation.get("subject"),
        "salutation": annotation.get("salutation"),
        "asks": [None] * (annotation.get("asks_count") or 0),
        "complimentary_close": annotation.get("complimentary_close"),
        "signatories": signers,
    }


def _read(parser: argparse.ArgumentParser, path: Path) -> dict[str, Any]:
    """One annotation, or one line naming the file and what is wrong with it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        parser.error(f"{path}: cannot be read ({exc.__class__.__name__}) — check the file")
    except json.JSONDecodeError as exc:
        parser.error(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}) — fix the annotation")
    if not isinstance(data, dict):
        parser.error(f"{path}: an annotation is a JSON object — fix the annotation")
    return data


def _share(score: ingest_accuracy.Score) -> str:
    right, total = score.total
    return f"{100 * right / total:.1f}% ({right}/{total})" if total else "-"


def main(argv: list[str] | None = None) -> None:
    """Score the pairs of folders named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", help="FIRST[,FIRST…] SECOND pairs")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = parser.parse_args(argv)
    if len(args.folders) % 2:
        parser.error("folders come in pairs: the first annotation's, then the second's")
    for folder in (f for group in args.folders for f in group.split(",")):
        if not Path(folder).is_dir():
            parser.error(f"{folder}: not a folder — name a folder of annotated documents")
    between, against_first, against_second = _Record(), _Record(), _Record()
    agreed = [0, 0]
    misses: list[str] = []
    splits: list[str] = []
    pairs = zip(args.folders[0::2], args.folders[1::2], strict=True)
    for firsts, second in pairs:
        for first in firsts.split(","):
            for doc, path, annotation_path in ingest_accuracy.annotated(Path(first)):
                other_path = Path(second) / annotation_path.name
                if not other_path.exists():
                    continue
                want, other = _read(parser, annotation_path), _read(parser, other_path)
                got, error = ingest_accuracy.ingest_json(path)
                pair, first_scored = _Record(), _Record()
                ingest_accuracy.score_document(pair, doc, want, as_ingested(other), None)
                ingest_accuracy.score_document(first_scored, doc, want, got, error)
                ingest_accuracy.score_document(between, doc, want, as_ingested(other), None)
                ingest_accuracy.score_document(against_first, doc, want, got, error)
                ingest_accuracy.score_document(against_second, doc, other, got, error)
                for key, outcomes in pair.outcomes.items():
                    if not all(ok for ok, _ in outcomes):
                        splits.append(f"{doc} {key[1]}")
                        continue
                    for ok, detail in first_scored.outcomes.get(key, []):
                        agreed[0] += ok
                        agreed[1] += 1
                        if not ok:
                            misses.append(f"{doc} {key[1]}: {detail}")
    print(f"annotators agree (the first as reference): {_share(between)}")
    for field, (right, total) in sorted(between.fields.items()):
        print(f"  {field:22} {right}/{total}")
    print(f"ingest against the first annotation:  {_share(against_first)}")
    print(f"ingest against the second annotation: {_share(against_second)}")
    if agreed[1]:
        share = 100 * agreed[0] / agreed[1]
        print(f"ingest where both agree: {share:.1f}% ({agreed[0]}/{agreed[1]})")
    if args.verbose:
        print("fields the annotators split on:")
        print("\n".join(f"  {line}" for line in splits))
        print("ingest's misses where both agree:")
        print("\n".join(f"  {line[:240]}" for line in misses))


if __name__ == "__main__":
    main()
