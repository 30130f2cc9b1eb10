"""Decoding bytes to text and the line model every reader produces.

Each reader (plain text, DOCX, HTML) turns its document into a list of :class:`Line`
objects; the structure parser in :mod:`draftkit.ingest.letter` works on that list only.
A blank :class:`Line` (empty ``text``) separates blocks. Lines read from plain text are
*soft*: a paragraph hard-wrapped over several lines is joined back. Lines from DOCX and
HTML paragraphs are *hard*: they are never joined with the next line.
"""

from __future__ import annotations

import codecs
import html
import itertools
import re
import unicodedata
from dataclasses import dataclass

from draftkit.errors import IngestError

__all__ = [
    "Line",
    "blocks",
    "column_cells",
    "decode_bytes",
    "is_html_body",
    "lines_from_markdown",
    "lines_from_text",
    "looks_binary",
    "markdown_front",
    "normalise_space",
]

# Characters that make a "blank" line: spaces, tabs, no-break and other Unicode spaces,
# zero-width characters and form feeds (page breaks in PDF-to-text output).
_BLANKISH = re.compile(
    r"^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\u200c\u200d\u2060\f]*$"
    # a line break a template wrote out as its escape ("\\n" alone on a line)
    r"|^\s*(?:\\[nr])+\s*$"
)
_ZERO_WIDTH = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")


@dataclass(slots=True)
class Line:
    """One line of a document, with what its reader knew about it.

    Attributes:
        text: The line's text (no trailing whitespace; leading indentation removed).
        indent: Leading spaces (tabs count 4) in plain text; list level × 4 otherwise.
        hard: The line is a whole paragraph (DOCX/HTML): never join it with the next.
        style: The paragraph style name (DOCX) or element name (HTML), if any.
        marked: The text with inline markup (``**bold**``, ``*italic*``, links);
            None means "escape ``text``".
        lead: The text of a bold run that opens the line (a strong lead-in signal).
        bold: The whole line is bold.
        list_kind: ``bullet`` or ``number`` when the reader saw a real list item.
        list_level: Nesting level of a real list item (0 = top).
        raw: The line as it stood in the source (tabs and inner spacing kept), for
            column detection in signature blocks.
        link: The whole line is the text of a link (HTML): a menu or share item when
            it stands outside the letter.
        page: The page the line is on (PDF), counted from 1.
        heading: The heading level (1-6) of an HTML heading, else 0.
        rule: A horizontal rule (HTML ``<hr>``) stands just before the line.
        full: The line runs to the text's right edge, so that the next line's first word
            would not have fitted on it (PDF): the page broke the line, not the writer.
    """

    text: str
    indent: int = 0
    hard: bool = False
    style: str | None = None
    marked: str | None = None
    lead: str | None = None
    bold: bool = False
    list_kind: str | None = None
    list_level: int = 0
    raw: str = ""
    link: bool = False
    page: int | None = None
    heading: int = 0
    rule: bool = False
    full: bool = False

    @property
    def blank(self) -> bool:
        """True for a blank line (block separator)."""
        return not self.text


def normalise_space(text: str) -> str:
    """Collapse runs of ordinary whitespace to one space and strip the ends.

    No-break spaces inside text are kept (they are part of what was written); only
    leading and trailing ones are removed.
    """
    if text.isascii() and text.isprintable() and "  " not in text:
        return text.strip(" ")  # nothing to collapse or remove (the common case)
    text = _ZERO_WIDTH.sub("", text)
    return _SPACE_RUN.sub(" ", text).strip(" \u00a0")


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text in any encoding ingest reads.

    UTF-16 text (with a byte-order mark, or with the NUL pattern of ASCII in UTF-16)
    is text. Otherwise NUL bytes or many C0 control characters mean binary.
    """
    sample = data[:65536]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_guess(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def _utf16_guess(sample: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the NUL pattern of mostly-ASCII text."""
    if len(sample) < 8 or len(sample) % 2:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_MIXED = "draftkit-cp1252"


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (an error handler)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return _decode_cp1252(error.object[error.start : error.end]), error.end


codecs.register_error(_MIXED, _cp1252_bytes)


def _decode_cp1252(data: bytes) -> str:
    """Windows-1252, mapping its five undefined bytes as Latin-1 would."""
    return "".join(_cp1252_chunks(data))


def _cp1252_chunks(data: bytes) -> list[str]:
    out: list[str] = []
    start = 0
    for index, byte in enumerate(data):
        if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D):
            out.append(data[start:index].decode("cp1252"))
            out.append(chr(byte))
            start = index + 1
    out.append(data[start:].decode("cp1252"))
    return out


def decode_bytes(data: bytes, *, source: str | None = None) -> tuple[str, str]:
    """Decode document bytes, returning the text and the encoding used.

    UTF-8 (with or without BOM) first, UTF-16 when it has a BOM or the NUL pattern of
    UTF-16, and Windows-1252 as the fallback for bytes that are not UTF-8.

    Args:
        data: The raw bytes.
        source: The file name, for error messages.

    Returns:
        ``(text, encoding)``.

    Raises:
        IngestError: The bytes are binary, or UTF-16 that does not decode.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return _decode_cp1252(data[3:]), "cp1252"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(name), "utf-16"
            except UnicodeDecodeError as exc:
                raise IngestError(
                    f"UTF-16 text does not decode (byte {exc.start + 2})",
                    path=source,
                    hint="save the file again as UTF-8",
                ) from None
    guess = _utf16_guess(data[:65536])
    if guess:
        try:
            return data.decode(guess), "utf-16"
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise IngestError(
            "binary file, not text",
            path=source,
            hint="ingest reads .txt, .md, .html and .docx letters",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few stray Windows-1252 bytes (pasted text): keep the UTF-8.
    sequences = _UTF8_SEQUENCE.findall(data)
    in_sequences = sum(len(seq) for seq in sequences)
    stray = sum(1 for byte in data if byte >= 0x80) - in_sequences
    if len(sequences) > stray:
        return data.decode("utf-8", errors=_MIXED), "utf-8+cp1252"
    return _decode_cp1252(data), "cp1252"


def _indent_of(raw: str) -> int:
    width = 0
    for char in raw:
        if char == " " or char == "\u00a0":
            width += 1
        elif char == "\t":
            width += 4
        else:
            break
    return width


def lines_from_text(text: str) -> list[Line]:
    """Split plain text into soft lines.

    Line endings (CRLF, CR, LF, U+2028) are normalised, a form feed becomes a blank
    line, and a line made only of spaces or no-break spaces is blank. Text is
    NFC-normalised so composed and decomposed accents compare equal.
    """
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\f", "\n\f\n")
    out: list[Line] = []
    for raw in text.split("\n"):
        raw = raw.rstrip()
        if _BLANKISH.match(raw):
            out.append(Line("", raw=raw))
            continue
        stripped = _ZERO_WIDTH.sub("", raw).strip(" \t\u00a0\u3000")
        out.append(Line(stripped, indent=_indent_of(raw), raw=raw))
    return out


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Split lines into blocks at blank lines."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                out.append(current)
                current = []
        else:
            current.append(line)
    if current:
        out.append(current)
    return out


_MD_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*$")
"""An ATX heading; "###" alone is an empty heading (CommonMark), which shows nothing."""
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_ESCAPE_ANY = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_ESCAPE_FOREIGN = re.compile(r"\\([^\\*\[\]()_\w\s])")
_MD_LEAD = re.compile(r"^(?:(?:[-*+]|\d{1,2}[.)]|[a-z][.)])\s+)?\*\*(?P<lead>.+?)\*\*(?=\s|$)")


def column_cells(raw_lines: list[str]) -> list[list[str]] | None:
    """Lines set in two or more columns, split into cells (tabs or runs of 3+ spaces).

    Args:
        raw_lines: The lines as they stood in the source, inner spacing kept.

    Returns:
        One list of cells per line (a cell may be empty), or None when fewer than half of
        the lines hold a column gap. Without tabs, the columns start where enough lines
        put a run of three or more spaces, so two or three columns are found alike.
    """
    splits = [ln for ln in raw_lines if ln.strip() and re.search(r"\S(\t+| {3,})\S", ln)]
    content = [ln for ln in raw_lines if ln.strip()]
    if not content or len(splits) < max(1, len(content) // 2):
        return None
    if any("\t" in ln for ln in splits):
        return [[c.strip() for c in re.split(r"\t+", ln.strip())] for ln in raw_lines]
    positions: dict[int, int] = {}
    for ln in splits:
        for match in re.finditer(r"(?<=\S) {3,}(?=\S)", ln):
            positions[match.end()] = positions.get(match.end(), 0) + 1
    # every column start shared by enough lines (three columns as well as two)
    best = max(positions.values())
    columns: list[int] = []
    for position in sorted(positions):
        if positions[position] >= max(1, best // 3) and all(
            abs(position - other) > 2 for other in columns
        ):
            columns.append(position)
    out = []
    for ln in raw_lines:
        edges = [0, *columns, len(ln) + 1]
        out.append([ln[a:b].strip() for a, b in itertools.pairwise(edges)])
    return out


_MD_RULE_CELL = re.compile(r"^:?-{3,}:?$")


def _md_table_row(text: str) -> list[str] | None:
    """The cells of a Markdown pipe table's row ("| Ana Ruiz | lawyer, Pune |"), with
    inline markup and escapes resolved; [] for the rule under its header; None for any
    other line."""
    stripped = text.strip()
    if len(stripped) < 3 or not (stripped.startswith("|") and stripped.endswith("|")):
        return None
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", stripped[1:-1])]
    if all(_MD_RULE_CELL.match(c) for c in cells):
        return []
    out = []
    for cell in cells:
        cell = re.sub(r"(?<!\\)\*\*|(?<![\\*])\*(?!\*)", "", cell)
        cell = re.sub(r"\[([^\]]+)\]\([^)\s]+\)", r"\1", cell)
        out.append(_MD_ESCAPE_ANY.sub(r"\1", cell).replace("\t", " ").strip())
    return out


_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(?P<fence>---|\+\+\+)[ \t]*\r?\n"
    r"(?P<body>(?:.*\n){0,400}?)(?P=fence)[ \t]*\r?(?:\n|\Z)"
)
"""YAML front matter between "---" lines, or Hugo's TOML between "+++" lines."""
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(?P<value>.*?)[ \t]*$")


_FRONT_BLOCK = re.compile(
    r"^(?P<key>body|letter|content|text|message|template|email|email_body|letter_body)"
    r"[ \t]*:[ \t]*[|>][+-]?[ \t]*$",
    re.IGNORECASE,
)
"""A front matter field that holds the page's text as a block ("body: |" and the lines
indented under it): an action site keeps the letter to send there."""


def _front_matter(text: str) -> tuple[str, dict[str, str], int, tuple[int, list[str]] | None]:
    """A Markdown page's YAML front matter ("---" / "title: …" / "date: …" / "---"): the
    text after it, its simple ``key: value`` fields (quotes taken off; it is read as lines,
    not as YAML, so nothing in it is run or expanded), how many lines it took, and a block
    field's lines ("body: |" over the letter) with the file line they start on."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, {}, 0, None
    fields: dict[str, str] = {}
    block: tuple[int, list[str]] | None = None
    lines = match.group("body").splitlines()
    for number, line in enumerate(lines):
        if block is None and _FRONT_BLOCK.match(line.rstrip("\r")):
            held: list[str] = []
            for below in lines[number + 1 :]:
                below = below.rstrip("\r")
                if below.strip() and not below[:1].isspace():
                    break  # the next field
                held.append(below)
            indent = min((len(x) - len(x.lstrip()) for x in held if x.strip()), default=0)
            block = (number + 2, [x[indent:] for x in held])  # "---" is the file's line 1
            continue
        field = _FRONT_FIELD.match(line.rstrip("\r"))
        if field is None:
            continue
        value = field.group("value")
        if block is None and (quoted := _quoted_letter(field, lines, number)) is not None:
            # body: "Hello, \n\nMy name is …" over several lines: a letter held in a
            # quoted field, its line breaks written "\n"
            block = (number + 1, quoted)
            continue
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            if value[0] == '"':  # a double-quoted YAML string writes "\u00e0" for "à"
                value = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), value)
            value = value[1:-1]
        fields[field.group("key").lower()] = value
    taken = match.group(0).count("\n") + (0 if match.group(0).endswith("\n") else 1)
    return text[match.end() :], fields, taken, block


_QUOTED_LETTER_KEY = re.compile(
    r"(?i)^(?:body|letter|content|text|message|template|email|email_body|letter_body)$"
)


def _quoted_letter(field: re.Match[str], lines: list[str], number: int) -> list[str] | None:
    """The lines of a letter held in a double-quoted field that runs over several lines
    (``body: "Hello, \\n\\nMy name is …"``), decoded as YAML decodes the string; None for
    any other field."""
    value = field.group("value")
    if not (
        value.startswith('"')
        and _QUOTED_LETTER_KEY.match(field.group("key"))
        and not re.search(r'(?<!\\)"\s*$', value[1:])
    ):
        return None
    raw = [value]
    for below in lines[number + 1 : number + 400]:
        raw.append(below.rstrip("\r"))
        if re.search(r'(?<!\\)"\s*$', below):
            break
    else:
        return None
    import yaml  # (a dependency of draftkit; safe_load builds plain strings only)

    try:
        decoded = yaml.safe_load("v: " + "\n".join(raw))
    except yaml.YAMLError:
        return None
    text = decoded.get("v") if isinstance(decoded, dict) else None
    if not isinstance(text, str) or "\n" not in text or len(text) < 200:
        return None
    return [line.rstrip() for line in text.splitlines()]


_MD_LINK_DEFINITION = re.compile(r"(?m)^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+\S.*)?$")
"""A reference link's definition: " [1]: https://example.org "Title"" on its own line."""


def markdown_front(text: str) -> tuple[list[Line], str]:
    """A Markdown page's front matter as lines (its title as a heading, its date as the
    page's publication date, blank lines for the rest) and the page's body after it."""
    out: list[Line] = []
    text, front, taken, block = _front_matter(text)
    for key in ("title", "date"):
        if key == "date" and not re.search(r"\d{4}", str(front.get(key) or "")):
            continue  # "date: dummy content": a template's placeholder, no date
        if front.get(key):
            # a static site's page title and its publication date, above the letter
            # (the date is the page's, said so as a byline would: "Published 2026-03-02")
            stamp = re.match(r"(\d{4}-\d\d-\d\d)[T ]\d", str(front[key]))
            # a timestamp ("2019-03-21T16:31:09.940Z") keeps its day
            day = stamp.group(1) if stamp else front[key]
            value = front[key] if key == "title" else f"Published {day}"
            out.append(Line(value, hard=True, style="h1" if key == "title" else None, raw=value))
    # the front matter's other lines stay as blank lines: the lines after it keep their
    # numbers in the file (--explain)
    out += [Line("", raw="") for _ in range(max(taken - len(out), 1 if out else 0))]
    if block is not None:
        # the letter held in a block field ("body: |"): its lines where the file has them
        start, held = block
        # (Markdown, as the rest of the file: "\[YOUR NAME\]" is "[YOUR NAME]")
        for offset, line in enumerate(lines_from_markdown("\n".join(held))[: len(held)]):
            if start + offset < len(out):
                out[start + offset] = line
            else:
                # a quoted field's "\n" make more lines than the file has: the rest follow
                # (the lines after the front matter are numbered that much further on)
                out.append(line)
    return out, text


_TRAILING_BREAK = re.compile(r"(?i)<br\s*/?>\s*$")
_HTML_BLOCK = re.compile(r"(?i)<(?:p|br|div|h[1-6]|li|ul|ol|table|tr|blockquote)\b[^>]*>")


def is_html_body(text: str) -> bool:
    """A Markdown page whose body is HTML (a blog imported from WordPress writes its posts
    as "<p>…<br />" in the .md file): three block tags or more, on a quarter of its lines."""
    lines = [line for line in text.splitlines() if line.strip()]
    # (a "<br>" at a line's end is a Markdown author's hard break: "**Name**<br>" over
    # the title line, in a post that is Markdown all the same)
    tagged = sum(1 for line in lines if _HTML_BLOCK.search(_TRAILING_BREAK.sub("", line)))
    # (or paragraphs closed as HTML closes them, their text wrapped over many lines)
    closed = len(re.findall(r"(?i)</p\s*>", text))
    return tagged >= 3 and (tagged >= 0.25 * len(lines) or closed >= 3)


def lines_from_markdown(text: str) -> list[Line]:
    """Split Markdown into lines, keeping its inline markup as the schema's markup.

    ``#`` headings get the style ``h1``; a line ending in a hard break (a backslash or
    two spaces) is not joined with the next; Markdown escapes are resolved in ``text``
    and narrowed to the schema's escapes in ``marked``; a bold run opening a line is
    its lead-in.
    """
    out, text = markdown_front(text)
    # a blockquote's markers ("> " at the line's start, ">" alone between its paragraphs)
    # are Markdown's, not the text's: a post that quotes the letter it sent
    text = re.sub(r"(?m)^[ \t]{0,3}(?:>[ \t]?)+", "", text)
    # a static site's template tags ("{% raw %}") and HTML's character references
    # ("&#233;"), which Markdown renders, are no part of the text
    text = re.sub(r"\{%-?\s*(?:end)?raw\s*-?%\}", "", text)
    # an HTML comment ("<!-- wp:paragraph -->", a block editor's marks) shows nothing; its
    # lines stay as blank lines, so the lines after it keep their numbers in the file
    if "<!--" in text:
        text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group().count("\n"), text, flags=re.S)
    if "&" in text:
        text = html.unescape(text)
    # HTML a Markdown writer mixes in: "<br>" breaks the line (as two trailing spaces
    # would), "<p>" and "</p>" part paragraphs, inline tags ("<i>", "</span>") are markup
    text = re.sub(r"(?i)[ \t]*<br\s*/?>[ \t]*(?:\r?\n)?", "  \n", text)
    # (a tag at a line's start or end goes, one inside a line breaks it: the lines keep
    # their numbers in the file where they can)
    text = re.sub(
        r"(?im)^[ \t]*</?(?:p|div|blockquote)\b[^>\n]*>|</?(?:p|div|blockquote)\b[^>\n]*>[ \t]*$",
        "",
        text,
    )
    text = re.sub(r"(?i)[ \t]*</?(?:p|div|blockquote)\b[^>\n]*>[ \t]*", "\n", text)
    text = re.sub(
        r"(?i)</?(?:i|em|b|strong|u|span|small|font|sup|sub|center|cite)\b[^>\n]*>", "", text
    )
    # reference links ("[text][1]" and, below, " [1]: https://…"): the link inline, as the
    # schema writes it; the definition lines stay as blank lines (line numbers kept)
    targets = dict(_MD_LINK_DEFINITION.findall(text))
    if targets:
        text = _MD_LINK_DEFINITION.sub("", text)
        text = re.sub(
            r"\[([^\]\n]+)\]\[([^\]\n]*)\]",
            lambda m: (
                f"[{m.group(1)}]({targets[m.group(2) or m.group(1)]})"
                if (m.group(2) or m.group(1)) in targets
                else m.group(1)
            ),
            text,
        )
    for line in lines_from_text(text):
        if line.blank:
            out.append(line)
            continue
        raw = line.raw
        row = _md_table_row(line.text)
        if row is not None:
            # a pipe table's row: its cells parted by tabs, as a table row in plain text
            # (the rule under the header row says nothing)
            if any(row):
                joined = "\t".join(row)
                out.append(Line(joined.replace("\t", " "), hard=True, raw=joined))
            continue
        hard = raw.endswith(("\\", "  "))
        body = line.text[:-1].rstrip() if line.text.endswith("\\") else line.text
        style = None
        heading = _MD_HEADING.match(body)
        if heading:
            body = heading.group(2) or ""
            style = "h1" if body else None
            if len(body.split()) >= 20 and re.search(r"[a-z]{2}[.!?][*_”\"]*$", body.rstrip()):
                # "#### We at Flight Free UK are deeply concerned about your claims …": a
                # sentence set as a heading is the letter's paragraph (as in HTML)
                heading, style = None, None
        marked = _MD_ESCAPE_FOREIGN.sub(r"\1", body)
        bullet = re.match(r"^[*+-]\s+", body)
        head, rest = (body[: bullet.end()], body[bullet.end() :]) if bullet else ("", body)
        # emphasis marks go from the plain text: "**bold**", "*italic*", "_italic_" (an
        # underscore inside a word, "snake_case", stays)
        rest = re.sub(r"(?<![\w\\])_{1,2}(?=\S)|(?<=[^\s\\])_{1,2}(?!\w)", "", rest)
        plain = head + _MD_ESCAPE_ANY.sub(
            # "***bold italic***" first, then "**bold**" and "*italic*"
            r"\1",
            re.sub(r"(?<!\\)\*\*|(?<![\\*])\*(?!\*)", "", re.sub(r"(?<!\\)\*{3}", "", rest)),
        )
        # an image ("![XR mural](/img/banner.jpg)") shows a picture, not its alt text
        plain = _MD_IMAGE.sub("", plain)
        plain = re.sub(r"\[([^\]]+)\]\([^)\s]+\)", r"\1", plain)
        if not plain.strip():
            out.append(Line("", raw=""))
            continue
        lead = _MD_LEAD.match(body)
        out.append(
            Line(
                plain,
                indent=line.indent,
                hard=hard or bool(heading),
                style=style,
                marked=marked,
                lead=_MD_ESCAPE_ANY.sub(r"\1", lead.group("lead")) if lead else None,
                raw=raw,
            )
        )
    return out
