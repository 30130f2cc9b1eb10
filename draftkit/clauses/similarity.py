"""Recognising the same language twice: exact and near-duplicate paragraphs.

Texts are normalised (case, curly quotes, dashes, whitespace, inline markup, Jinja
placeholders) and compared three ways; the best of the three is the similarity:

* Jaccard overlap of word 5-gram shingles (robust to a few edited words in a long text);
* sentence matching: the share of sentences on *both* sides that have a close partner
  (word-sequence ratio ≥ 0.75) on the other side, so "one sentence changed" in a
  paragraph of several sentences still matches;
* the word-sequence ratio of the whole texts, when it is at least 0.8 (for short texts:
  formulaic closings are alike at 0.6 without being the same language).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["NEAR_DUPLICATE", "Fingerprint", "fingerprint", "normalise", "similarity"]

NEAR_DUPLICATE = 0.6
"""Similarity at or above which two texts are treated as the same language."""

_SENTENCE_MATCH = 0.75
_WHOLE_TEXT_MATCH = 0.8
_SHINGLE = 5

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2022": " ",
    }
)
_JINJA = re.compile(r"{{-?\s*([A-Za-z_][A-Za-z0-9_]*)[^}]*-?}}")
_MARKUP = re.compile(r"\*\*|(?<!\w)\*|\*(?!\w)|\[([^\]]*)\]\([^)]*\)")
_WORD = re.compile(r"[\w']+")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]\"'%][.!?])\s+(?=[\"'(\[]?[A-Z0-9\u00C0-\u024F])")


def normalise(text: str) -> str:
    """Lower-cased text with unified quotes and dashes, markup removed, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _JINJA.sub(lambda m: f" var_{m.group(1)} ", text)
    text = _MARKUP.sub(lambda m: m.group(1) or "", text)
    return " ".join(text.lower().split())


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip("'") for w in _WORD.findall(text) if w.strip("'"))


def _sentences(text: str) -> list[tuple[str, ...]]:
    raw = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    parts = _SENTENCE_END.split(" ".join(raw.split()))
    out = [_words(normalise(p)) for p in parts]
    return [s for s in out if s]


@dataclass(frozen=True)
class Fingerprint:
    """A text prepared for comparison.

    Attributes:
        exact: The normalised text (equal for exact duplicates).
        words: Its words.
        shingles: Its word 5-grams (or the whole text when shorter).
        sentences: The words of each sentence.
    """

    exact: str
    words: tuple[str, ...]
    shingles: frozenset[tuple[str, ...]]
    sentences: list[tuple[str, ...]] = field(hash=False)


def fingerprint(text: str) -> Fingerprint:
    """Prepare ``text`` for :func:`similarity`."""
    exact = normalise(text)
    words = _words(exact)
    n = min(_SHINGLE, len(words)) or 1
    shingles = frozenset(words[i : i + n] for i in range(max(len(words) - n + 1, 1)))
    return Fingerprint(exact=exact, words=words, shingles=shingles, sentences=_sentences(text))


def _ratio(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > 3 * len(b) or len(b) > 3 * len(a):
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _sentence_share(a: list[tuple[str, ...]], b: list[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    set_b = set(b)

    def matched(
        s: tuple[str, ...], others: list[tuple[str, ...]], exact: set[tuple[str, ...]]
    ) -> bool:
        return s in exact or any(_ratio(s, o) >= _SENTENCE_MATCH for o in others)

    hits_a = sum(matched(s, b, set_b) for s in a)
    set_a = set(a)
    hits_b = sum(matched(s, a, set_a) for s in b)
    return min(hits_a / len(a), hits_b / len(b))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """How alike two texts are, from 0 (unrelated) to 1 (the same after normalising)."""
    if a.exact == b.exact:
        return 1.0
    if not a.words or not b.words:
        return 0.0
    union = len(a.shingles | b.shingles)
    jaccard = len(a.shingles & b.shingles) / union if union else 0.0
    best = max(jaccard, _sentence_share(a.sentences, b.sentences))
    if best < NEAR_DUPLICATE and max(len(a.words), len(b.words)) <= 400:
        # Word-sequence likeness of whole texts is evidence only when strong: short
        # formulaic closings ("Thank you for your ...") are alike without being the same.
        ratio = _ratio(a.words, b.words)
        if ratio >= _WHOLE_TEXT_MATCH:
            best = max(best, ratio)
    return best
