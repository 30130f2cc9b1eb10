"""The body's units: its paragraphs and list items, from the lines of the page.

Hard-wrapped lines are joined (a word broken at a line's end is put back together, a
compound's hyphen kept); list items are found by their markers (or by Word and HTML list
structure); :func:`words` counts a line's words as the ingest rules count them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from draftkit.ingest.text import Line
from draftkit.markup import escape
from draftkit.sentences import split_marker

__all__ = ["Unit", "units_of"]


@dataclass(slots=True)
class Unit:
    """A paragraph or list item in the body of a letter."""

    text: str
    marked: str | None = None
    kind: str = "para"  # para | item
    marker_kind: str | None = None  # bullet | number | letter
    indent: int = 0
    lead: str | None = None
    style: str | None = None
    soft_lines: list[str] = field(default_factory=list)

    def markup(self) -> str:
        return self.marked if self.marked is not None else escape(self.text)


_ENDS_SENTENCE = re.compile(r"[.!?:;”\"’)]$")


def _soften_wrapped_runs(lines: list[Line]) -> list[Line]:
    """Paragraph-per-line documents (PDF turned into Word): wrapped runs may be joined.

    A run of three or more plain paragraphs without blank lines, most of which stop
    mid-sentence, is a hard-wrapped paragraph, so its lines become joinable.
    """
    out = list(lines)
    start = 0
    while start < len(out):
        end = start
        while end < len(out) and not out[end].blank:
            end += 1
        run = out[start:end]
        plain = all(ln.hard and not ln.list_kind and not ln.style for ln in run)
        if plain and len(run) >= 3:
            open_ended = sum(1 for ln in run[:-1] if not _ENDS_SENTENCE.search(ln.text))
            if open_ended >= 0.6 * (len(run) - 1):
                for index in range(start, end):
                    ln = out[index]
                    out[index] = Line(
                        ln.text, indent=ln.indent, marked=ln.marked, lead=ln.lead, raw=ln.text
                    )
        start = end + 1
    return out


def _next_letter(above: str, marker: str) -> bool:
    """``marker`` ("b)") comes next after the lettered item ``above`` ("a)Uphold …"): the
    list goes on, though the item above ends with no stop."""
    found = split_marker(above)
    if found is None or found[0] != "letter":
        return False
    letter, mark = found[1].strip("()."), marker.strip("().")
    return len(letter) == 1 and len(mark) == 1 and ord(mark) == ord(letter) + 1


def units_of(lines: list[Line]) -> list[Unit]:
    """Group body lines into paragraphs and list items, joining hard-wrapped lines."""
    lines = _soften_wrapped_runs(lines)
    units: list[Unit] = []
    widths = [len(ln.raw or ln.text) for ln in lines if not ln.blank and not ln.hard]
    width = max(widths) if widths else 0
    wrapped = 0 < width <= 100
    current: Unit | None = None
    previous: Line | None = None
    for ln in lines:
        if ln.blank:
            current = None
            previous = None
            continue
        marker = None if ln.list_kind else split_marker(ln.text)
        if (
            marker
            and (
                marker[0] == "letter"
                or marker[1] == "o"
                # "… solche Risiken zu ermitteln" / "– unabhängig davon, ob …": a dash
                # opening the rest of a sentence, no bullet
                or (
                    marker[1] in ("–", "—")
                    and marker[2][:1].islower()
                    and previous is not None
                    and re.search(r"\w$", previous.text) is not None  # not after "…, " or ":"
                )
            )
            and previous is not None
            and not previous.hard
            and not re.search(r"[.!?:;”\"’)]$", previous.text)
            and not re.search(r"[;,]\s*(?:and|or)$", previous.text)
            and not _next_letter(previous.text, marker[1])
        ):
            # "... see\na. b.", "… solicitamos a Vossa Excelência que\no Governo:": a
            # wrapped line, not a lettered item or a bullet "o"
            marker = None
        if ln.list_kind or marker:
            text = ln.text if ln.list_kind else marker[2] if marker else ln.text
            kind = ln.list_kind or (marker[0] if marker else "bullet")
            indent = ln.list_level * 4 if ln.list_kind else ln.indent
            marked = ln.marked
            if marker and marked is not None:
                stripped = split_marker(marked)
                escaped = escape(marker[1]) + " "
                if stripped:
                    marked = stripped[2]
                elif marked.startswith(escaped):
                    marked = marked[len(escaped) :].lstrip()
            current = Unit(text, marked, "item", kind, indent, ln.lead, ln.style, [ln.text])
            units.append(current)
            previous = ln
            continue
        join = (
            current is not None
            and previous is not None
            and not previous.hard
            and not ln.style
            and _joins(previous, ln, wrapped, width, current)
        )
        if join and current is not None:
            glue = " "
            broken = _BROKEN_WORD.search(current.text)
            if broken and ln.text[:1].islower():
                # "protec-\ntion": a word hyphenated at the line end (PDF text)
                glue = _rejoin(broken.group(1), ln.text, words(lines))
            if current.marked is not None or ln.marked is not None:
                addition = ln.marked if ln.marked is not None else escape(ln.text)
                head = current.markup()
                if glue != " " and head.endswith("-"):
                    head = head[:-1] + glue.rstrip()
                    current.marked = f"{head}{addition}"
                else:
                    current.marked = f"{head} {addition}"
            if glue != " ":
                current.text = f"{current.text[:-1]}{glue.rstrip()}{ln.text}"
            else:
                current.text = f"{current.text} {ln.text}"
            current.soft_lines.append(ln.text)
            previous = ln
            continue
        current = Unit(ln.text, ln.marked, "para", None, ln.indent, ln.lead, ln.style, [ln.text])
        units.append(current)
        previous = ln
    return units


_BROKEN_WORD = re.compile(r"(?<![A-Za-z0-9_])([A-Za-z]{2,})-$")

_COMPOUND_HEADS = frozenset(
    [
        "well", "long", "short", "high", "low", "self", "cross", "full", "half", "far",
        "wide", "world", "all", "ill", "non", "anti", "co", "pre", "post", "multi", "inter",
        "counter", "ex", "cease", "follow", "state", "government", "decision", "law",
        "rights", "first", "second", "third", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten"
    ]
)  # fmt: skip
"""First words that usually start a hyphenated compound ("well-known", "long-term")."""


def words(lines: list[Line]) -> frozenset[str]:
    """Every word and hyphenated compound of the lines, lower-cased (cached per list)."""
    key = id(lines)
    cached = _WORDS.get(key)
    if cached is not None and cached[0] is lines:
        return cached[1]
    found = frozenset(
        w.lower()
        for ln in lines
        # a fragment broken at the line end ("protec-") is not a word of the document
        for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", _BROKEN_WORD.sub("", ln.text))
    )
    _WORDS.clear()
    _WORDS[key] = (lines, found)
    return found


_WORDS: dict[int, tuple[list[Line], frozenset[str]]] = {}


def _rejoin(fragment: str, following: str, seen: frozenset[str]) -> str:
    """What joins a word broken at a line-end hyphen: "-" (a compound) or "" (a break).

    The document decides: a compound written elsewhere with its hyphen keeps it, a word
    written elsewhere whole loses it; otherwise a first part that is a word of its own
    ("long-" + "term", or a usual first word of a compound such as "well-") keeps the
    hyphen and a fragment ("protec-" + "tion") loses it.
    """
    match = re.match(r"[A-Za-z]+", following)
    rest = match.group(0).lower() if match else ""
    head = fragment.lower()
    if f"{head}-{rest}" in seen:
        return "-"
    if f"{head}{rest}" in seen:
        return ""
    return "-" if head in seen or head in _COMPOUND_HEADS else ""


def _joins(previous: Line, line: Line, wrapped: bool, width: int, current: Unit) -> bool:
    prev = previous.text
    if current.kind == "item" and line.indent < current.indent and split_marker(line.text):
        return False
    if current.kind == "item" and line.indent < current.indent and re.search(r"[.!?:;]$", prev):
        return False  # back at the margin after a finished item: a new paragraph
    ends = bool(re.search(r"[.!?:;”\"’)]$", prev))
    if re.search(r";\s*(?:and|or)$", prev) and line.text[:1].isupper():
        return False  # "...; and" closing an item of an unmarked list, one per line
    if not ends:
        return True
    if not wrapped:
        return False
    return len(previous.raw or prev) >= 0.75 * width


def _with_bullets(units: list[Unit]) -> list[str]:
    """Paragraph texts; list items that are not asks stay with the paragraph above."""
    parts: list[list[str]] = []  # joined once at the end: a long list stays linear
    for unit in units:
        if unit.kind == "item" and parts:
            marker = "•" if unit.marker_kind == "bullet" else "-"
            parts[-1].append(f"{marker} {unit.markup()}")
        else:
            parts.append([unit.markup()])
    return ["\n".join(part) for part in parts]
