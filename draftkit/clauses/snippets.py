"""Snippets of a search hit: the sentence holding the best match, matched words in brackets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from draftkit.clauses.stems import stem_words
from draftkit.clauses.terms import _Compiled

__all__ = ["snippet_of"]


_OPEN, _CLOSE = "\x02", "\x03"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_MARKED = re.compile(f"{_OPEN}(.*?){_CLOSE}", re.S)
_SNIPPET_WORDS = 40


def snippet_of(texts: Sequence[str]) -> str:
    """The sentence holding the best match, its matched words in ``[brackets]``.

    Args:
        texts: Texts in order of preference (lead, then text), matched words wrapped in
            ``\\x02`` … ``\\x03``.

    Returns:
        The sentence with the most different matched words (the first of equals),
        shortened around its matches when long; the first sentence when nothing is
        marked.
    """
    best: tuple[int, int] | None = None
    chosen = ""
    first = ""
    for text in texts:
        if _OPEN not in text and first:
            continue  # nothing to find here, and a first sentence is known
        for sentence in _SENTENCE_END.split(" ".join(text.split()).replace(" / ", "\n")):
            if not sentence.strip():
                continue
            first = first or sentence
            if _OPEN not in sentence:
                continue
            marks = _MARKED.findall(sentence)
            if not marks:
                continue
            rank = (len({m.lower() for m in marks}), len(marks))
            if best is None or rank > best:
                best, chosen = rank, sentence
    return _shorten(chosen or first).replace(_OPEN, "[").replace(_CLOSE, "]")


def _shorten(sentence: str) -> str:
    words = sentence.split(" ")
    if len(words) <= _SNIPPET_WORDS:
        return sentence
    marked = [i for i, w in enumerate(words) if _OPEN in w]
    start = max(0, (marked[0] if marked else 0) - _SNIPPET_WORDS // 4)
    start = min(start, len(words) - _SNIPPET_WORDS)
    end = start + _SNIPPET_WORDS
    # a mark cut in half would leave an unclosed bracket
    while (
        end < len(words)
        and any(_OPEN in w for w in words[start:end])
        and (" ".join(words[start:end]).count(_OPEN) != " ".join(words[start:end]).count(_CLOSE))
    ):
        end += 1
    text = " ".join(words[start:end])
    return ("… " if start else "") + text + (" …" if end < len(words) else "")


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_JINJA = re.compile(r"{{.*?}}|{%.*?%}", re.S)


class _Marker:
    """Marks the words of texts that match a query's terms (with ``\\x02`` … ``\\x03``).

    Words are compared as the index compares them (split and stemmed alike); a phrase
    is marked as one run; Jinja variables (``{{ country }}``) are left alone. The words
    of all the texts of one search are stemmed together, and one pattern marks them.
    """

    def __init__(self, terms: Sequence[_Compiled], texts: Iterable[str]) -> None:
        self.terms = terms
        self.runs = any(t.phrases for t in terms)
        self.pattern: re.Pattern[str] | None = None
        if not terms or self.runs:
            return
        singles = frozenset().union(*(t.stems for t in terms))
        prefixes = tuple(p for t in terms for p in t.prefixes)
        # a word's stem differs from the word only in its last letters, so only words
        # starting like a stem need stemming
        starts = {stem[: max(3, len(stem) - 2)] for stem in (*singles, *prefixes)}
        if not starts:
            return
        alternatives = "|".join(map(re.escape, sorted(starts, key=len, reverse=True)))
        candidate = re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)
        words: set[str] = set()
        for text in texts:
            words.update(w.lower() for w in candidate.findall(text))
        stems = stem_words(words)
        hits = [w for w, stem in stems.items() if stem in singles or stem.startswith(prefixes)]
        if hits:
            alternatives = "|".join(map(re.escape, sorted(hits, key=len, reverse=True)))
            self.pattern = re.compile(rf"(?<![^\W_])({alternatives})(?![^\W_])", re.IGNORECASE)

    def __call__(self, text: str) -> str:
        if not text or not self.terms:
            return text
        if self.runs:
            return _mark_runs(text, self.terms)
        if self.pattern is None or not self.pattern.search(text):
            return text
        marked = f"{_OPEN}\\1{_CLOSE}"
        if "{" not in text:
            return self.pattern.sub(marked, text)
        parts = _JINJA.split(text)
        variables = _JINJA.findall(text)
        out = [self.pattern.sub(marked, parts[0])]
        for variable, part in zip(variables, parts[1:], strict=True):
            out += [variable, self.pattern.sub(marked, part)]
        return "".join(out)

    def snippet(self, texts: Sequence[str]) -> tuple[str, bool]:
        """:func:`snippet_of` the texts, marking only the sentence it picks.

        Returns:
            The snippet, and whether it holds a match.
        """
        if self.runs or not self.terms:
            marked = [self(text) for text in texts]
            return snippet_of(marked), any(_OPEN in text for text in marked)
        best: tuple[int, int] | None = None
        chosen = first = ""
        for text in texts:
            if first and (self.pattern is None or not self.pattern.search(text)):
                continue
            for sentence in _SENTENCE_END.split(" ".join(text.split()).replace(" / ", "\n")):
                if not sentence.strip():
                    continue
                first = first or sentence
                if self.pattern is None:
                    break
                plain = _JINJA.sub(" ", sentence) if "{" in sentence else sentence
                found = [w.lower() for w in self.pattern.findall(plain)]
                if found and (best is None or (len(set(found)), len(found)) > best):
                    best, chosen = (len(set(found)), len(found)), sentence
        sentence = self(chosen) if chosen else first
        return _shorten(sentence).replace(_OPEN, "[").replace(_CLOSE, "]"), bool(chosen)


def _mark_runs(text: str, terms: Sequence[_Compiled]) -> str:
    """:class:`_Marker` for queries with phrases: walk the words of the text in order."""
    tokens = list(_TOKEN.finditer(text))
    skip = [(m.start(), m.end()) for m in _JINJA.finditer(text)]
    stems = stem_words(m.group().lower() for m in tokens)
    seq = [stems.get(m.group().lower(), "") for m in tokens]
    singles = frozenset().union(*(t.stems for t in terms))
    prefixes = tuple(p for t in terms for p in t.prefixes)
    phrases = sorted((p for t in terms for p in t.phrases), key=lambda p: len(p[0]), reverse=True)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(seq):
        if skip and any(a <= tokens[i].start() < b for a, b in skip):
            i += 1
            continue
        length = 0
        for run, last_prefix in phrases:
            n = len(run)
            window = seq[i : i + n]
            if (
                len(window) == n
                and window[:-1] == list(run[:-1])
                and (window[-1].startswith(run[-1]) if last_prefix else window[-1] == run[-1])
            ):
                length = n
                break
        if not length and seq[i] and (seq[i] in singles or seq[i].startswith(prefixes)):
            length = 1
        if length:
            spans.append((tokens[i].start(), tokens[i + length - 1].end()))
            i += length
        else:
            i += 1
    out: list[str] = []
    last = 0
    for start, end in spans:
        out += [text[last:start], _OPEN, text[start:end], _CLOSE]
        last = end
    out.append(text[last:])
    return "".join(out)
