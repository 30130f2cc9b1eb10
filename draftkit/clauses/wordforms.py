"""Related word forms that the index's stemmer does not join on its own.

The index stems words with the Porter stemmer, so "detained", "detains" and "detaining"
all match "detain". Porter does not join derived words whose spelling changes
("detain" / "detention" / "detainee") nor British and American spellings
("organisation" / "organization", "defence" / "defense"). :func:`related_forms` proposes
those forms for a query word; the search keeps only the ones the library contains.
"""

from __future__ import annotations

__all__ = ["SUFFIX_FAMILIES", "related_forms"]

SUFFIX_FAMILIES: tuple[tuple[str, ...], ...] = (
    # derivations Porter leaves apart
    ("tain", "tention", "tainee", "tainment"),  # detain, detention, detainee
    ("ceive", "ception"),  # receive, reception
    ("duce", "duction"),  # reduce, reduction
    ("sume", "sumption"),  # presume, presumption
    ("scribe", "scription"),  # prescribe, prescription
    ("pel", "pulsion"),  # expel, expulsion
    ("mit", "mission"),  # admit, admission
    ("ose", "osition"),  # impose, imposition
    ("end", "ension"),  # suspend, suspension
    ("ify", "ification"),  # notify, notification
    ("olve", "olution"),  # resolve, resolution
    # British and American spellings
    ("ise", "ize"),
    ("ised", "ized"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("isations", "izations"),
    ("yse", "yze"),
    ("our", "or"),
    ("ours", "ors"),
    ("ence", "ense"),
    ("ences", "enses"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("elled", "eled"),
    ("elling", "eling"),
    ("ogue", "og"),
    ("amme", "am"),
)
"""Groups of word endings that make related words; each ending is swapped for the others."""

# false friends the rules above would join
_UNRELATED = frozenset(
    {
        "commit",
        "commission",
        "attain",
        "attention",
        "contain",
        "contention",
        "intend",
        "intension",
        "pretend",
        "pretension",
        "pose",
        "position",
        "compose",
        "composition",
        "hour",
        "four",
        "your",
        "our",
        "tour",
        "pour",
        "sour",
        "hence",
        "fence",
        "sense",
        "dense",
        "tense",
    }
)

_MIN_STEM = 2  # letters left before the ending


def related_forms(word: str) -> list[str]:
    """Forms related to ``word`` by a swapped ending (see :data:`SUFFIX_FAMILIES`).

    Args:
        word: A lower-case word.

    Returns:
        Candidate words, most specific ending first, without ``word`` itself; they need
        not exist (the caller keeps those the library contains).
    """
    if word in _UNRELATED:
        return []
    found: list[str] = []
    for family in SUFFIX_FAMILIES:
        for ending in sorted(family, key=len, reverse=True):
            if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
                stem = word[: -len(ending)]
                for other in family:
                    candidate = stem + other
                    if other != ending and candidate not in _UNRELATED:
                        found.append(candidate)
                break
    if not found and word.endswith("s") and len(word) > 4:
        return related_forms(word[:-1])  # detainees -> detainee -> detain, detention
    return list(dict.fromkeys(f for f in found if f != word))
