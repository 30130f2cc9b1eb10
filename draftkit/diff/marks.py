"""The redline's in-band marks: private-use characters around the changed words of a merged
text, and on a paragraph inserted, deleted, moved or restyled whole.

:class:`~draftkit.diff.docx.RedlineRenderer` writes them into the texts it gives the Word
renderer; :class:`~draftkit.diff.tracking.TrackedChanges` turns them into
WordprocessingML after the renderer has written a letter's paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from draftkit.diff.words import Piece
from draftkit.markup import Span

__all__ = ["RESERVED", "View"]


View = Literal["merged", "from", "to"]

# in-band marks: runs of changed words, paragraph marks, formatting changes
_INS_S, _INS_E = "\ue000", "\ue001"
_DEL_S, _DEL_E = "\ue002", "\ue003"
_MF_S, _MF_E = "\ue004", "\ue005"  # + the move's number
_MT_S, _MT_E = "\ue006", "\ue007"  # + the move's number
_FMT_S, _FMT_E = "\ue008", "\ue009"  # + the index of the old run properties
_P_INS, _P_DEL, _P_MF, _P_MT = "\ue010", "\ue011", "\ue012", "\ue013"  # (+ move number)
_P_CHG = "\ue014"  # + the index of the old paragraph properties
_NUMBERED = {_MF_S, _MT_S, _FMT_S, _P_MF, _P_MT, _P_CHG}
_BASE = 0xF0000
RESERVED = re.compile("[\ue000-\ue01f\U000f0000-\U000ffffd]")
"""Private-use characters the redline uses as marks; a letter holding one is refused."""

_MODES = {
    _INS_S: "ins",
    _DEL_S: "del",
    _MF_S: "moveFrom",
    _MT_S: "moveTo",
}
_ENDS = {_INS_E, _DEL_E, _MF_E, _MT_E}
_PARA = {_P_INS: "ins", _P_DEL: "del", _P_MF: "moveFrom", _P_MT: "moveTo"}
_DELETED = {"del", "moveFrom"}


def _number(value: int) -> str:
    return chr(_BASE + value)


class _Tracked(str):
    """A paragraph text whose spans carry the marks (given to the renderer's ``_spans``)."""

    spans: tuple[Span, ...]

    def __new__(cls, spans: Sequence[Span]) -> _Tracked:
        value = super().__new__(cls, "".join(span.text for span in spans))
        value.spans = tuple(spans)
        return value


def _marks(piece: Piece, view: View, move: int) -> tuple[str, str] | None:
    """The marks around a piece in a view (None: the piece is not shown there)."""
    if piece.op == "equal":
        if view == "from":
            return _MF_S + _number(move), _MF_E
        if view == "to":
            return _MT_S + _number(move), _MT_E
        return "", ""
    if piece.op == "delete":
        return None if view == "to" else (_DEL_S, _DEL_E)
    return None if view == "from" else (_INS_S, _INS_E)
