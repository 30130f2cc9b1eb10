"""Write findings into a copy of a .docx as Word review comments.

Each finding is anchored on the paragraph it is about. Findings name places in the
letter model (``asks[2].lead``), not in the document, so the paragraph is found by its
text: the finding's *anchor* (the paragraph as a reader sees it) is compared with every
paragraph of the document, tables included, after folding case, quotes, dashes and
spaces: an identical paragraph first, then one containing the anchor, then one the anchor
contains, then the most similar one. A finding whose paragraph cannot be found is put on
the first paragraph, saying so.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftkit.check.model import Finding
from draftkit.check.places import fold
from draftkit.errors import IngestError
from draftkit.ooxml import open_document, read_package_file
from draftkit.outputs import claim_output, refuse_input_as_output, write_bytes_atomic

__all__ = [
    "AUTHOR",
    "AnnotateResult",
    "annotate_docx",
    "comment_text",
    "find_paragraph",
    "paragraph_texts",
]

AUTHOR = "draftkit check"
"""The comment author shown in Word's review pane."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FUZZY = 0.6


@dataclass
class AnnotateResult:
    """What :func:`annotate_docx` wrote.

    Attributes:
        path: The annotated copy.
        placed: Findings anchored on their own paragraph.
        unplaced: Findings put on the first paragraph because theirs was not found.
    """

    path: Path
    placed: int = 0
    unplaced: list[Finding] = field(default_factory=list)


def comment_text(finding: Finding) -> str:
    """The text of a finding's comment: severity, rule, place, message and fix."""
    place = f" {finding.where}:" if finding.where else ""
    text = f"{finding.severity.upper()} [{finding.rule}]{place} {finding.message}"
    if finding.hint:
        text += f". Fix: {finding.hint}"
    return text


def _key(text: str) -> str:
    return fold(text).replace("\u2026", "").strip()


def find_paragraph(anchor: str | None, texts: Sequence[str]) -> int | None:
    """The index of the paragraph in ``texts`` that ``anchor`` best identifies.

    Args:
        anchor: The paragraph text a finding belongs to.
        texts: The document's paragraph texts, in order.

    Returns:
        The index, or None when no paragraph is similar enough.
    """
    if not anchor or not anchor.strip():
        return None
    want = _key(anchor)
    keys = [_key(t) for t in texts]
    for index, key in enumerate(keys):
        if key == want:
            return index
    for index, key in enumerate(keys):
        if key and want in key:
            return index
    for index, key in enumerate(keys):
        if len(key) >= 20 and key in want:
            return index
    best: tuple[int | None, float] = (None, _FUZZY)
    # deferred for start-up time: only an anchor found nowhere as written needs it
    import difflib

    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(want)
    for index, key in enumerate(keys):
        if not key:
            continue
        matcher.set_seq1(key)
        if matcher.real_quick_ratio() < best[1] or matcher.quick_ratio() < best[1]:
            continue
        score = matcher.ratio()
        if score > best[1]:
            best = (index, score)
    return best[0]


def _paragraphs(document: Any) -> list[tuple[Any, list[Any]]]:
    """Every paragraph with text (tables included) and the runs a comment can span."""
    # deferred: python-docx loads only when a .docx is annotated or read (start-up time)
    from docx.text.hyperlink import Hyperlink
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    out: list[tuple[Any, list[Any]]] = []
    for element in document.element.body.iter(f"{_W}p"):
        paragraph = Paragraph(element, document)
        runs = [r for r in paragraph.runs if r.text]
        if not runs:
            for item in paragraph.iter_inner_content():
                if isinstance(item, Run) and item.text:
                    runs.append(item)
                elif isinstance(item, Hyperlink):
                    runs += [r for r in item.runs if r.text]
        if runs:
            out.append((paragraph, runs))
    return out


def _open(source: str | Path | bytes) -> Any:
    name = str(source) if isinstance(source, str | Path) else "<docx bytes>"
    if isinstance(source, str | Path):
        data = read_package_file(source, error=IngestError)
    else:
        data = source
    return open_document(data, source=name, error=IngestError)


def paragraph_texts(source: str | Path | bytes) -> list[str]:
    """The text of every paragraph of a .docx that has text, tables included, in order.

    Unlike ingest, the text is exactly as typed (double spaces kept).

    Raises:
        IngestError: ``source`` is not a readable .docx.
    """
    return [p.text for p, _ in _paragraphs(_open(source))]


def annotate_docx(
    source: str | Path | bytes,
    findings: Sequence[Finding],
    output: str | Path,
    *,
    force: bool = False,
    author: str = AUTHOR,
    initials: str = "dk",
) -> AnnotateResult:
    """Write a copy of a .docx with each finding as a comment on its paragraph.

    The original is never modified; the copy is written atomically, and an existing file
    is replaced only with ``force``.

    Args:
        source: The .docx (path or bytes).
        findings: The findings to add.
        output: Where to write the annotated copy.
        force: Replace ``output`` if it exists.
        author: The comments' author.
        initials: The author's initials.

    Returns:
        The path written and how many findings found their paragraph.

    Raises:
        OutputExistsError: ``output`` exists and ``force`` is false.
        IngestError: ``source`` is not a readable .docx or has no text to comment on.
    """
    target = Path(output)
    if isinstance(source, str | Path):
        refuse_input_as_output(target, {"the document being annotated": source})
    claim_output(target, force=force)
    name = str(source) if isinstance(source, str | Path) else "<docx bytes>"
    document = _open(source)
    paragraphs = _paragraphs(document)
    if not paragraphs:
        raise IngestError("the document has no text to comment on", path=name)
    texts = [p.text for p, _ in paragraphs]
    result = AnnotateResult(path=target)
    for finding in findings:
        index = find_paragraph(finding.anchor, texts)
        if index is None and finding.excerpt:
            index = find_paragraph(finding.excerpt.strip("…"), texts)
        text = comment_text(finding)
        if index is None and not finding.anchor and not finding.excerpt:
            index = 0  # about the whole letter: the first paragraph is its place
        if index is None:
            index = 0
            result.unplaced.append(finding)
            text += " (its paragraph was not found in this document)"
        else:
            result.placed += 1
        _, runs = paragraphs[index]
        try:
            document.add_comment(runs, text=text, author=author, initials=initials)
        except (ValueError, KeyError, IndexError) as exc:
            raise IngestError(
                f"cannot add a comment to this document ({type(exc).__name__}: {exc})",
                path=name,
                hint="open and re-save it in Word, then check it again",
            ) from None
    _ensure_comment_styles(document)
    buffer = io.BytesIO()
    document.save(buffer)
    write_bytes_atomic(target, buffer.getvalue(), force=force)
    return result


_COMMENT_STYLES = (
    # (type, id, Word's name, size in half-points): the styles comments are written in
    ("paragraph", "CommentText", "annotation text", 20),
    ("character", "CommentReference", "annotation reference", 16),
)


def _ensure_comment_styles(document: Any) -> None:
    """Define the comment styles python-docx's comments use, when the document lacks them.

    A comment paragraph is in ``CommentText`` and its mark in ``CommentReference``;
    a style a document uses must be one its ``styles.xml`` defines.
    """
    # deferred: lxml loads only when a .docx is annotated (start-up time)
    from lxml import etree

    styles = document.styles.element
    known = {el.get(f"{_W}styleId") for el in styles.findall(f"{_W}style")}
    normal = next(
        (
            el.get(f"{_W}styleId")
            for el in styles.findall(f"{_W}style")
            if el.get(f"{_W}type") == "paragraph" and el.get(f"{_W}default") in ("1", "true")
        ),
        None,
    )
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for kind, style_id, name, size in _COMMENT_STYLES:
        if style_id in known:
            continue
        based = f'<w:basedOn w:val="{normal}"/>' if kind == "paragraph" and normal else ""
        xml = (
            f'<w:style xmlns:w="{namespace}" w:type="{kind}" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/>{based}<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>'
        )
        styles.append(etree.fromstring(xml))
