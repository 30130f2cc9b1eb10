"""Compare an ingested document with a hand-made ``*.expected.json`` annotation.

Shared by the golden tests (corpus and fixtures); :func:`mismatches` lists every field
of the annotation that the schema covers and that ingest got wrong.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from draftkit.ingest import IngestResult, ingest_file
from draftkit.markup import plain

DOC_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")


def documents(folder: Path) -> list[Path]:
    """Every document in ``folder`` that has an ``.expected.json`` next to it."""
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in DOC_SUFFIXES and expected_path(path).exists():
            out.append(path)
    return out


def expected_path(path: Path) -> Path:
    return path.with_name(path.stem + ".expected.json")


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return re.sub(
            r"\s+", " ", plain(value) if "\\" in value or "**" in value else value
        ).strip()
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def _nws(value: str | None) -> str | None:
    if value is None:
        return None
    return re.sub(r"[\s\u00a0]+", " ", value).strip()


def _person(data: dict[str, Any]) -> dict[str, Any]:
    keys = ("honorific", "name", "title_lines", "address_lines", "organization")
    return {
        k: _norm(data.get(k) or ([] if k.endswith("lines") else None)) for k in keys if k in data
    }


def mismatches(result: IngestResult, expected: dict[str, Any]) -> list[str]:
    """Fields of ``expected`` that ``result`` does not match (empty when all match)."""
    bad: list[str] = []

    def check(name: str, got: Any, want: Any) -> None:
        if got != want:
            bad.append(f"{name}: got {got!r}, expected {want!r}")

    check("kind", result.kind, expected.get("kind", "letter"))
    letter = result.letter
    if expected.get("kind", "letter") != "letter":
        check("letter", letter, None)
        if "date" in expected:
            check("date", result.found.get("date"), expected["date"])
        return bad
    if letter is None:
        bad.append(f"no letter ({result.reason})")
        return bad
    for key in ("heading", "subject", "salutation", "asks_intro", "complimentary_close", "place"):
        if key in expected:
            check(key, _nws(getattr(letter, key)), _nws(expected[key]))
    for key in ("date", "published"):
        if key in expected:
            value = getattr(letter, key)
            check(key, value.isoformat() if value else None, expected[key])
    for key in ("addressees", "cc"):
        if key in expected:
            got = [_person(p.model_dump()) for p in getattr(letter, key)]
            want = [_person(p) for p in expected[key]]
            got = [{k: g.get(k) for k in w} for g, w in zip(got, want, strict=False)] + got[
                len(want) :
            ]
            check(key, got, want)
    if "body_paragraphs" in expected:
        check("body_paragraphs", len(letter.body), expected["body_paragraphs"])
    asks = letter.resolved_asks()
    if "asks_count" in expected:
        check("asks_count", len(asks), expected["asks_count"])
    if "asks_leads" in expected:
        check(
            "asks_leads",
            [_nws(plain(a.lead or "")) for a in asks],
            [_nws(x) for x in expected["asks_leads"]],
        )
    if "ask_bullets" in expected:
        got_bullets = {str(i + 1): len(a.items) for i, a in enumerate(asks) if a.items}
        check("ask_bullets", got_bullets, dict(expected["ask_bullets"]))
    if "closing" in expected:
        want = expected["closing"]
        got = _nws(" ".join(plain(p) for p in letter.texts("closing"))) or None
        check("closing", got, _nws(want) if want else None)
    if "signatories_count" in expected:
        check("signatories_count", len(letter.signatories), expected["signatories_count"])
    if "signatory_kind" in expected:
        kinds = {s.kind for s in letter.signatories}
        want_kind = {"individuals": "individual", "organizations": "organization"}.get(
            expected["signatory_kind"], expected["signatory_kind"]
        )
        if expected["signatory_kind"] in ("individuals", "organizations"):
            check("signatory_kind", kinds, {want_kind})
    listed = expected.get("signatories") or []
    by_name = {_nws(s.name): s for s in letter.signatories}
    if "signatories" in expected:
        check(
            "signatory names",
            [_nws(s.name) for s in letter.signatories],
            [_nws(s["name"]) for s in listed],
        )
    indices = expected.get("signatories_sample_indices")
    for n, sample in enumerate(expected.get("signatories_sample") or []):
        if indices is not None:
            position = indices[n]
            got_name = (
                _nws(letter.signatories[position].name)
                if position < len(letter.signatories)
                else None
            )
            check(f"signatories[{position}].name", got_name, _nws(sample["name"]))
        elif by_name.get(_nws(sample["name"])) is None:
            bad.append(f"signatory {sample['name']!r} not found")
    for sample in [*listed, *(expected.get("signatories_sample") or [])]:
        got_s = by_name.get(_nws(sample["name"]))
        if got_s is None:
            continue
        if "title_lines" in sample:
            check(
                f"{sample['name']}.title_lines",
                [_nws(t) for t in got_s.title_lines],
                [_nws(t) for t in sample["title_lines"]],
            )
        if "organization" in sample:
            check(
                f"{sample['name']}.organization",
                _nws(got_s.organization),
                _nws(sample["organization"]),
            )
    if "enclosures" in expected:
        check(
            "enclosures",
            [_nws(e) for e in letter.enclosures],
            [_nws(e) for e in expected["enclosures"] or []],
        )
    if expected.get("first_body_sentence"):
        first = _nws(plain(letter.body[0])) if letter.body else ""
        if not (first or "").startswith(_nws(expected["first_body_sentence"]) or ""):
            bad.append(f"first_body_sentence: got {first!r}")
    if "claimed_signatories" in expected:
        check(
            "claimed_signatories",
            result.found.get("claimed_signatories"),
            expected["claimed_signatories"],
        )
    if expected.get("addressee_from_salutation"):
        check(
            "addressee_from_salutation",
            result.found.get("addressee_from_salutation"),
            expected["addressee_from_salutation"],
        )
    if "body_bullets" in expected:
        bullets = sum(p.count("\n") for p in letter.texts("body"))
        check("body_bullets", bullets, expected["body_bullets"])
    if expected.get("letterhead"):
        check("letterhead", _nws(letter.sender.organization), _nws(expected["letterhead"][0]))
    if "affiliations_note" in expected:
        check("signatory_note", _nws(letter.signatory_note), _nws(expected["affiliations_note"]))
    return bad


def load_expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(expected_path(path).read_text(encoding="utf-8"))
    return data


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def boilerplate_leaks(result: IngestResult, expected: dict[str, Any]) -> list[str]:
    """Boilerplate or hidden text that became, or leaked into, a parsed field."""
    if result.letter is None:
        return []
    fields = [_nws(s) or "" for s in _strings(result.letter.model_dump(mode="json"))]
    bad = []
    for line in [*expected.get("boilerplate", []), *expected.get("hidden_text", [])]:
        probe = _nws(line) or ""
        if not probe:
            continue
        if any(f == probe or (len(probe) > 25 and probe in f) for f in fields):
            bad.append(f"boilerplate leaked: {line!r}")
    return bad


def run(path: Path) -> list[str]:
    """Ingest ``path`` and list every mismatch with its annotation."""
    from draftkit.errors import IngestError

    expected = load_expected(path)
    if expected.get("kind") == "error":
        try:
            result = ingest_file(path)
        except IngestError as exc:
            message = str(exc).lower()
            bad = [
                f"error lacks {w!r}: {exc}"
                for w in expected.get("error_contains", [])
                if w.lower() not in message
            ]
            if path.name not in str(exc):
                bad.append(f"error does not name the file: {exc}")
            return bad
        return [f"expected an IngestError, got kind {result.kind}"]
    result = ingest_file(path)
    return mismatches(result, expected) + boilerplate_leaks(result, expected)
