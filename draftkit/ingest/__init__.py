"""Read past letters (.txt, .md, .docx, .html, .pdf) back into :class:`~draftkit.schema.Letter`.

>>> from draftkit.ingest import ingest_text
>>> result = ingest_text("Dear Minister,\\n\\nWe write about X.\\n\\nSincerely,\\n\\nJane Doe\\n")
>>> result.kind, result.letter.salutation if result.letter else None
('letter', 'Dear Minister,')

Three entry points: :func:`ingest_text` for a string, :func:`ingest_bytes` for a
file's bytes (format from the name or the magic bytes), :func:`ingest_file` for a
path (with size limits). Each returns an :class:`IngestResult`; documents that are not
letters come back with their kind, a reason and ``letter=None``.
"""

from __future__ import annotations

import re
import stat
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from draftkit.empty import empty_dict, empty_list
from draftkit.errors import IngestError
from draftkit.ingest.classify import classify
from draftkit.ingest.dates import parse_date_line
from draftkit.ingest.docx import MAX_DOCUMENT_XML
from draftkit.ingest.explain import LineReading, explain_lines
from draftkit.ingest.headless import (
    LETTER_INTRODUCED,
    MEMO_HEADER,
    TO_ADDRESSED,
    introduces_letter,
)
from draftkit.ingest.letter import Parsed, parse_lines
from draftkit.ingest.text import (
    Line,
    decode_bytes,
    is_html_body,
    lines_from_markdown,
    lines_from_text,
    markdown_front,
)
from draftkit.ingest.writable import writable_lines
from draftkit.provenance import Provenance
from draftkit.schema import DocumentKind, Letter, Paragraph, Table, TableEntry

__all__ = [
    "MAX_DOCX_XML_BYTES",
    "MAX_FILE_BYTES",
    "IngestResult",
    "LineReading",
    "ingest_bytes",
    "ingest_file",
    "ingest_lines",
    "ingest_text",
]

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Files larger than this are refused before reading."""

MAX_DOCX_XML_BYTES = MAX_DOCUMENT_XML
"""A .docx whose ``word/document.xml`` would unpack larger than this is refused."""

_TEXT_EXT = {".txt", ".text", ".md", ".markdown", ".eml", ""}
_HTML_EXT = {".html", ".htm", ".xhtml"}
_DOCX_EXT = {".docx", ".docm", ".dotx"}


class IngestResult(BaseModel):
    """What ingest made of one document.

    Attributes:
        path: The file read, if any.
        kind: What the document is (``letter``, ``press-release`` ...).
        letter: The letter; None when the document is not a letter.
        reason: Why it was classified so.
        found: Counts and values found (addressees, cc, asks, signatories, date ...).
        skipped: Lines dropped as page noise, summarised with the reason.
        warnings: Things a person should check (missing parts, count mismatches).
        provenance: For a .docx that draftkit rendered, what it records about how it
            was made (variant, clause ids and versions, spec hash); None otherwise.
        explanation: Each line of the document and what it was read as, and why
            (``draftkit ingest --explain``).
        reading: The reading of the page that was kept and the others weighed, each
            with its score and reasons.
    """

    model_config = ConfigDict(arbitrary_types_allowed=False)

    path: Path | None = None
    kind: DocumentKind
    letter: Letter | None = None
    reason: str
    found: dict[str, int | str] = Field(default_factory=empty_dict)
    skipped: list[str] = Field(default_factory=empty_list)
    warnings: list[str] = Field(default_factory=empty_list)
    provenance: Provenance | None = None
    explanation: list[LineReading] = Field(default_factory=list, exclude=True)
    reading: list[str] = Field(default_factory=list, exclude=True)


def _summarise(skipped: list[tuple[str, str]]) -> list[str]:
    by_reason: dict[str, list[str]] = {}
    for text, reason in skipped:
        by_reason.setdefault(reason, []).append(text)
    out: list[str] = []
    for reason, texts in by_reason.items():
        counts = Counter(texts)
        shown = ", ".join(f"'{_clip(t)}'" for t in list(counts)[:3])
        more = len(texts) - min(3, len(counts))
        out.append(
            f"{reason}: {shown}"
            + (f" (+{more} more)" if more > 0 else "")
            + f" [{len(texts)} line{'s' if len(texts) != 1 else ''}]"
        )
    return out


def _clip(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _document_date(lines: list[str]) -> str | None:
    """The first date stated on a line of its own or in a byline segment ("By X · date")."""
    for line in lines:
        for segment in re.split(r"\s+[·|•]\s+", line):
            found = parse_date_line(segment)
            if found is not None:
                return found.date.isoformat()
    return None


def _outside(parsed: Parsed) -> str:
    """The page's text above the letter's head and after its end."""
    reading = parsed.reading
    if reading is None or reading.chosen is None:
        return ""
    lines = reading.lines
    above = [ln.text for ln in lines[: reading.start]]
    below = [ln.text for ln in lines[reading.end :]]
    return "\n".join(t for t in (*above, *below) if t)


def ingest_lines(
    lines: list[Line],
    *,
    source: str | Path | None = None,
    dropped: list[tuple[str, str]] | None = None,
    explain: bool = False,
) -> IngestResult:
    """Parse lines from any reader into an :class:`IngestResult`.

    Characters a letter cannot hold (control characters, noncharacters) are replaced by
    U+FFFD, visibly, with a warning giving the count.

    Args:
        lines: Lines from :func:`~draftkit.ingest.text.lines_from_text` or a reader.
        source: Where they came from (kept in the result's ``path``).
        dropped: What the reader itself left out, as ``(text, reason)`` pairs.
        explain: Fill :attr:`IngestResult.explanation` (each line and its part).

    Raises:
        IngestError: The text cannot be held in a letter (a field over the size limits).
    """
    lines, replaced = writable_lines(lines)
    try:
        result = _ingest_lines(lines, source=source, dropped=dropped, explain=explain)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise IngestError(
            f"the document cannot be held as a letter: {_part_named(first['loc'])} "
            f"{_limit_named(str(first['msg']))}",
            path=str(source) if source is not None else None,
            hint="split the document, or convert the part you need to plain text",
        ) from None
    if replaced:
        result = _warned(
            result,
            f"{replaced} character{'s' if replaced > 1 else ''} that a letter cannot hold "
            "(control characters or noncharacters) replaced by U+FFFD",
        )
    return result


def _warned(result: IngestResult, note: str) -> IngestResult:
    """``result`` with one more warning."""
    return result.model_copy(update={"warnings": [*result.warnings, note]})


def _titled_letter(preamble: list[str]) -> bool:
    """The last line above the greeting is a short title that names a letter ("Letter to
    National Parliaments", "Open letter to the Commission")."""
    above = [t.strip() for t in preamble if t.strip()]
    return bool(
        above
        and len(above[-1].split()) <= 14
        and not re.search(r"[.!?:,;]$", above[-1])
        and _LETTER_TITLE.search(above[-1])
    )


_LETTER_TITLE = re.compile(
    r"(?i)^(?:(?:an?|the|our|my)\s+)?(?:(?:open|joint|public|draft|sample|model)\s+)?"
    r"(?:letter|lettre|carta)\s+(?:to|à|au|aux|a|al|para|ao|aos)\b"
)


def _paragraphs(letter: Letter) -> int:
    """The letter's paragraphs: its body, its asks and what follows them."""
    return len(letter.body) + len(letter.asks) + len(letter.closing)


def _ingest_lines(
    lines: list[Line],
    *,
    source: str | Path | None = None,
    dropped: list[tuple[str, str]] | None = None,
    explain: bool = False,
) -> IngestResult:
    """Parse lines from any reader into an :class:`IngestResult`.

    Args:
        lines: Lines from :func:`~draftkit.ingest.text.lines_from_text` or a reader.
        source: Where they came from (kept in the result's ``path``).
        dropped: What the reader itself left out, as ``(text, reason)`` pairs.
        explain: Fill :attr:`IngestResult.explanation` (each line and its part).
    """
    parsed = parse_lines(lines)
    reading = parsed.reading
    text = "\n".join(parsed.text_lines)
    preamble = parsed.text_lines[: parsed.salutation_index or 0]
    greeting = parsed.letter is not None and reading is not None and reading.complete
    if (
        not greeting
        and parsed.letter is not None
        and reading is not None
        and reading.chosen is not None
        and (
            LETTER_INTRODUCED in reading.chosen.reasons
            or (not parsed.headless and introduces_letter(preamble))
            # "Letter to National Parliaments" / "Dear Members of National Parliaments,":
            # the greeting right under the page's title that names it a letter
            or (not parsed.headless and _titled_letter(preamble))
        )
        and _paragraphs(parsed.letter) >= 3
    ):
        # "… signed on to the following open letter:" or "Below is the letter I sent to my
        # representatives." over the letter's paragraphs: the page says it reproduces the
        # letter, though the letter has no close or signers
        greeting = True
    if (
        greeting
        and parsed.headless
        and parsed.close_index is None
        and parsed.letter is not None
        and not parsed.letter.signatories
        and not (
            reading is not None
            and reading.chosen is not None
            and (
                (
                    (
                        "right under a heading that names a letter" in reading.chosen.reasons
                        or LETTER_INTRODUCED in reading.chosen.reasons
                    )
                    and _paragraphs(parsed.letter) >= 3
                )
                # a memo to named readers ("To: / From: / Re:") is sent, not published
                or (MEMO_HEADER in reading.chosen.reasons and parsed.letter.addressees)
                # "Para: Exmo. Senhor Primeiro-Ministro, …" over paragraphs that speak to
                # them: addressed on its "To" line, whatever its ending
                or (
                    TO_ADDRESSED in reading.chosen.reasons
                    and "speaks to 'you'" in reading.chosen.reasons
                    and parsed.letter.addressees
                    and _paragraphs(parsed.letter) >= 3
                )
            )
        )
    ):
        # no greeting, no close and nobody signs: a page about a letter (or a call addressed
        # to no one), not a letter — unless the letter stands, whole, under its own title
        greeting = False
    kind, reason = classify(
        text,
        salutation=greeting,
        close=parsed.close_index is not None,
        addressees=len(parsed.letter.addressees) if parsed.letter else 0,
        preamble="\n".join(preamble),
        outside=_outside(parsed),
        whole=bool(
            parsed.letter is not None
            and parsed.close_index is not None
            and parsed.letter.signatories
        ),
    )
    if parsed.letter is not None and not greeting:
        reason = reason.replace(
            "no salutation and no complimentary close",
            "a greeting deep inside the text, but no whole letter around it "
            "(no close, signers or address)",
        )
    if (
        parsed.letter is not None
        and kind == "letter"
        and not parsed.headless
        and parsed.letter.salutation is None
    ):
        # "Exmo. Sr. …," lines over the letter, the last read first as its greeting: all
        # addressees, and no greeting of its own
        reason = re.sub(r"^letter: has a salutation(?:, | and )", "letter: no salutation; ", reason)
    if parsed.letter is not None and parsed.headless and kind == "letter":
        reason = "letter: no salutation, but " + "; ".join(
            (reading.chosen.reasons if reading and reading.chosen else [])[1:4]
        )
    found = dict(parsed.found)
    if parsed.letter is None or kind != "letter":
        found = {"kind": kind}
        dated = _document_date(parsed.text_lines[:80])
        if dated is not None:
            found["date"] = dated
    reading_lines: list[str] = []
    if reading is not None:
        chosen = reading.chosen
        for number, candidate in enumerate(
            [c for c in (chosen, *reading.alternatives) if c is not None][:6]
        ):
            label = "kept" if number == 0 and chosen is not None else "weighed"
            reading_lines.append(
                f"{label} (score {candidate.score:g}): {candidate.describe(reading.lines)} — "
                + "; ".join(candidate.reasons)
            )
        reading_lines += reading.notes
    return IngestResult(
        explanation=explain_lines(parsed) if explain else [],
        reading=reading_lines,
        path=Path(source) if source is not None else None,
        kind=kind,
        letter=parsed.letter if kind == "letter" else None,
        reason=reason,
        found=found,
        skipped=_summarise([*(dropped or []), *parsed.skipped]),
        warnings=parsed.warnings,
    )


def ingest_text(text: str, *, source: str | None = None, explain: bool = False) -> IngestResult:
    """Read a letter from plain text.

    Args:
        text: The document's text (page noise may be included; it is stripped).
        source: A name for the text (a file name), kept in the result.
        explain: Fill :attr:`IngestResult.explanation` (each line and its part).

    Returns:
        The result: the letter, or the kind of document and why it is not a letter.
    """
    return ingest_lines(lines_from_text(text), source=source, explain=explain)


def _sniff(data: bytes, filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if data[:5] == b"%PDF-" or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return "docx"
    if suffix in _DOCX_EXT:
        return "docx"
    if suffix in _HTML_EXT:
        return "html"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower():
        return "html"
    if suffix in _TEXT_EXT or suffix:
        return "text"
    return "text"


def ingest_bytes(data: bytes, *, filename: str, explain: bool = False) -> IngestResult:
    """Read a letter from a file's bytes; the format comes from the name or magic bytes.

    ``.txt``/``.md`` (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252
    fallback), ``.docx`` (python-docx), ``.html``/``.htm`` (an HTML parser) and
    ``.pdf`` (its text layer, through PDFium).

    Args:
        data: The file's bytes.
        filename: Its name (for the format and for messages).
        explain: Fill :attr:`IngestResult.explanation` (each line and its part).

    Raises:
        IngestError: Empty, binary, not a zip, corrupt or oversized documents.
    """
    if not data.strip():
        raise IngestError("empty file", path=filename, hint="nothing to ingest")
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(
            f"file is {len(data):,} bytes; ingest reads at most {MAX_FILE_BYTES:,}",
            path=filename,
            hint="split the document or convert it to plain text",
        )
    fmt = _sniff(data, filename)
    if fmt == "docx":
        from draftkit.ingest.docx import docx_lines, docx_tables

        result = ingest_lines(docx_lines(data, source=filename), source=filename, explain=explain)
        if result.letter is not None:
            result = _with_tables(result, docx_tables(data, source=filename))
        return _with_provenance(result, data, filename)
    if fmt == "pdf":
        from draftkit.ingest.pdf import read_pdf

        lines, dropped = read_pdf(data, source=filename)
        return ingest_lines(lines, source=filename, dropped=dropped, explain=explain)
    text, encoding = decode_bytes(data, source=filename)
    if fmt == "html":
        from draftkit.ingest.html import read_html

        text, hidden = _visible_references(text)
        lines, dropped = read_html(text)
        result = _noted(
            ingest_lines(lines, source=filename, dropped=dropped, explain=explain), encoding
        )
        if hidden:
            result = _warned(
                result,
                f"{hidden} character reference{'s' if hidden > 1 else ''} to control "
                "characters or noncharacters (such as &#27;) replaced by U+FFFD",
            )
        return result
    if not text.strip():
        raise IngestError("empty file (only whitespace)", path=filename, hint="nothing to ingest")
    if Path(filename).suffix.lower() in (".md", ".markdown"):
        front, body = markdown_front(text)
        if is_html_body(body):
            # the post is HTML inside a Markdown file: read it as the page it renders to
            from draftkit.ingest.html import read_html

            body, _hidden = _visible_references(body)
            lines, dropped = read_html(body)
            return _noted(
                ingest_lines([*front, *lines], source=filename, dropped=dropped, explain=explain),
                encoding,
            )
        return _noted(
            ingest_lines(lines_from_markdown(text), source=filename, explain=explain), encoding
        )
    return _noted(ingest_lines(lines_from_text(text), source=filename, explain=explain), encoding)


_CHAR_REFERENCE = re.compile(r"&#(?:[xX](?P<hex>[0-9A-Fa-f]{1,8})|(?P<dec>\d{1,10}));?")


def _table_lines(table: Table) -> list[str]:
    """The paragraphs the .docx reader makes of a table: caption, then a line per row."""
    rows = [table.header, *table.rows] if table.header else table.rows
    return [*([table.caption] if table.caption else []), *("; ".join(row) for row in rows)]


def _with_tables(result: IngestResult, tables: list[Table]) -> IngestResult:
    """Put the tables of a draftkit .docx back in the body or closing, where they stood.

    The reader sets each table as its caption and one line per row; the same lines in the
    letter's body (or closing) are replaced by the table itself.
    """
    letter = result.letter
    if letter is None or not tables:
        return result
    parts: dict[str, list[Paragraph]] = {"body": list(letter.body), "closing": list(letter.closing)}
    placed = 0
    for table in tables:
        want = _table_lines(table)
        for paragraphs in parts.values():
            texts = [p if isinstance(p, str) else None for p in paragraphs]
            at = next(
                (i for i in range(len(texts) - len(want) + 1) if texts[i : i + len(want)] == want),
                None,
            )
            if at is not None:
                paragraphs[at : at + len(want)] = [TableEntry(table=table)]
                placed += 1
                break
    if not placed:
        return result
    letter = letter.model_copy(update={"body": parts["body"], "closing": parts["closing"]})
    return result.model_copy(update={"letter": letter})


def _visible_references(text: str) -> tuple[str, int]:
    """HTML character references to characters a letter cannot hold, as U+FFFD.

    A page's parser drops ``&#27;`` or ``&#xFFFF;`` without a trace; they are replaced
    here (and counted for a warning) so that nothing vanishes silently. References in
    0x80-0x9F are Windows-1252 punctuation by the HTML rules and are left alone.
    """
    count = 0

    def visible(match: re.Match[str]) -> str:
        nonlocal count
        number = int(match.group("hex"), 16) if match.group("hex") else int(match.group("dec"))
        if number in (9, 10, 13) or 0x80 <= number <= 0x9F:
            return match.group(0)
        if (
            number < 0x20
            or number == 0x7F
            or 0xD800 <= number <= 0xDFFF
            or 0xFDD0 <= number <= 0xFDEF
            or (number & 0xFFFE) == 0xFFFE
            or number > 0x10FFFF
        ):
            count += 1
            return "&#xFFFD;"
        return match.group(0)

    if "&#" not in text:
        return text, 0
    return _CHAR_REFERENCE.sub(visible, text), count


def _noted(result: IngestResult, encoding: str) -> IngestResult:
    """Say when the text was not UTF-8 and was read as Windows-1252 (never silently)."""
    if encoding not in ("cp1252", "utf-8+cp1252"):
        return result
    note = (
        "the file is not UTF-8: read as Windows-1252"
        if encoding == "cp1252"
        else "the file is UTF-8 with some bytes that are not: those were read as Windows-1252"
    )
    note += "; check accented letters, quotes and dashes (or save it as UTF-8)"
    return result.model_copy(update={"warnings": [note, *result.warnings]})


def _with_provenance(result: IngestResult, data: bytes, filename: str) -> IngestResult:
    """Attach what a draftkit-rendered .docx records about itself (nothing for others)."""
    from draftkit.provenance import read_provenance

    try:
        provenance = read_provenance(data)
    except IngestError as exc:
        # the body was readable; a damaged properties part costs only the provenance
        return result.model_copy(update={"warnings": [*result.warnings, str(exc)]})
    if not provenance.present:
        return result
    found = {**result.found, "provenance": provenance.summary()}
    update: dict[str, object] = {"provenance": provenance, "found": found}
    letter = result.letter
    if letter is not None and letter.audience is None and provenance.variant:
        update["letter"] = letter.model_copy(update={"audience": provenance.variant})
    return result.model_copy(update=update)


def ingest_file(path: str | Path, *, explain: bool = False) -> IngestResult:
    """Read a letter from a file, refusing files over :data:`MAX_FILE_BYTES`.

    Args:
        path: The file.
        explain: Fill :attr:`IngestResult.explanation` (each line and its part).

    Raises:
        IngestError: Missing, unreadable, empty, binary, corrupt or too large.
    """
    target = Path(path)
    try:
        status = target.stat()
    except FileNotFoundError:
        raise IngestError("file not found", path=target, hint="check the path") from None
    except OSError as exc:
        raise IngestError(f"cannot read file ({exc.strerror})", path=target) from None
    size = status.st_size
    if target.is_dir():
        raise IngestError("is a folder, not a file", path=target, hint="pass the files inside")
    if not stat.S_ISREG(status.st_mode):
        # a named pipe would wait for a writer for ever, a device never ends
        raise IngestError(
            "is a pipe or device, not a file",
            path=target,
            hint="save the letter to a file and ingest that",
        )
    if size > MAX_FILE_BYTES:
        raise IngestError(
            f"file is {size:,} bytes; ingest reads at most {MAX_FILE_BYTES:,}",
            path=target,
            hint="split the document or convert it to plain text",
        )
    try:
        with target.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise IngestError(f"cannot read file ({exc.strerror})", path=target) from None
    result = ingest_bytes(data, filename=str(target), explain=explain)
    return result.model_copy(update={"path": target})


_PARTS = {
    "body": "paragraph {n} of the body",
    "closing": "closing paragraph {n}",
    "asks": "ask {n}",
    "signatories": "signatory {n}",
    "addressees": "addressee {n}",
    "cc": "cc entry {n}",
}


def _part_named(loc: tuple[int | str, ...]) -> str:
    """ "paragraph 1 of the body" for a validation error at ``("body", 0, "text")``."""
    head = str(loc[0]) if loc else "the letter"
    if len(loc) > 1 and isinstance(loc[1], int) and head in _PARTS:
        return _PARTS[head].format(n=loc[1] + 1)
    return f"its {head.replace('_', ' ')}"


def _limit_named(message: str) -> str:
    """Pydantic's "String should have at most 1000000 characters" in a user's words."""
    most = re.search(r"at most (\d+) (characters|items)", message)
    if most:
        return f"holds more than {int(most.group(1)):,} {most.group(2)}"
    return message[:1].lower() + message[1:]
