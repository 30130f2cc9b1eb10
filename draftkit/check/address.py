"""Rules about the people a letter is addressed to: salutation, honorifics, cc.

The forms of address come from the forms-of-address table (:mod:`draftkit.protocol`).
An addressee's office is its ``office`` key; for an ingested letter, which has none, the
office is inferred only when a title line *is* an office's title ("71st U.S. Secretary
of State" -> ``us-secretary-of-state``), never guessed from a loose match.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from draftkit.check.model import Finding
from draftkit.check.places import address_anchor, excerpt, fold, words
from draftkit.check.registry import CheckContext, Rule, rule
from draftkit.errors import ProtocolError
from draftkit.names import surname_of
from draftkit.protocol import (
    AddressForms,
    address_forms,
    combined_salutation,
    get_office,
    offices,
    salutation_texts,
)
from draftkit.schema import Addressee

__all__ = ["infer_office", "person_key"]

Status = Literal["current", "acting", "former"]

_BASE_TITLE_WORDS = {
    "dear", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "madam", "madame",
    "sir", "sirs", "honorable", "honourable", "hon", "excellency", "excellencies", "your",
    "his", "her", "members", "member", "of", "the", "and", "committee", "colleagues",
    "friends", "all", "to", "whom", "it", "may", "concern", "chair", "chairman",
    "chairwoman", "chairperson", "ranking", "senators", "representatives", "ambassadors",
    "congressman", "congresswoman", "secretaries", "ministers", "commissioners",
    "presidents", "general", "acting", "former", "vice", "deputy", "under", "assistant",
    "high", "special", "envoy", "director", "leader", "majority", "minority",
}  # fmt: skip

_EXCELLENCY_SALUTATIONS = frozenset({"excellency", "your excellency", "dear excellency"})
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)\s+", re.IGNORECASE)
_COUNTRY_PREFIX = re.compile(r"^(?:u\.s\.|us|united states)\s+", re.IGNORECASE)


@functools.cache
def _title_words() -> frozenset[str]:
    found = set(_BASE_TITLE_WORDS)
    # for start-up time, the word pattern runs once over the table's ~800 texts, one a
    # line (a word never spans a line break), not once per text
    texts = (re.sub(r"\{[^}]*\}", " ", t) if "{" in t else t for t in salutation_texts())
    found.update(w.lower() for w in words("\n".join(texts)))
    found |= {w + "s" for w in found if not w.endswith("s")}
    return frozenset(found)


@functools.cache
def _office_titles() -> dict[str, frozenset[str]]:
    """Office titles and labels (lower case) -> the office keys that use them.

    Only the office's own title counts (the first title line, or the formal office
    lines), not the lines naming the organization under it ("United Nations").
    """
    keys: dict[str, set[str]] = {}
    for row in offices():
        lines = [*row.title_lines[:1], *(row.office_lines or [])]
        for line in lines:
            for alternative in [line] if isinstance(line, str) else line:
                if "{" not in alternative:
                    keys.setdefault(_title_key(alternative), set()).add(row.key)
        keys.setdefault(_title_key(row.label), set()).add(row.key)
    return {title: frozenset(found) for title, found in keys.items()}


def _title_key(text: str) -> str:
    """A title for lookup: folded, without a leading "the"."""
    key = fold(text).strip(" ,")
    return key[4:] if key.startswith("the ") else key


@functools.cache
def _us_offices() -> frozenset[str]:
    return frozenset(row.key for row in offices() if row.country == "US")


def infer_office(person: Addressee) -> tuple[str, Status] | None:
    """The office a person holds, from ``office`` or from a title line that names one.

    A title line counts only when, without an ordinal ("71st"), a "U.S." prefix and an
    "Acting" prefix, it is exactly an office's title or label of two words or more (a
    bare "President" could be many offices). A title several offices share ("Secretary
    of State") counts only when a "U.S." prefix picks the American one.

    Returns:
        ``(office key, status)`` or None.
    """
    if person.office:
        return person.office, person.status
    titles = _office_titles()
    for line in person.title_lines:
        text = _ORDINAL.sub("", _title_key(line))
        status: Status = person.status
        if text.startswith("acting "):
            text = text[len("acting ") :]
            status = "acting"
        elif text.endswith(" (acting)"):
            text = text[: -len(" (acting)")]
            status = "acting"
        bare = _COUNTRY_PREFIX.sub("", text)
        for candidate in (text, bare):
            found = titles.get(candidate, frozenset())
            if len(candidate.split()) < 2 or not found:
                continue
            if len(found) > 1 and bare != text:
                found = found & _us_offices()
            if len(found) == 1:
                return next(iter(found)), status
    return None


def _forms(
    person: Addressee, office: str, status: Status, language: str = "en"
) -> list[AddressForms]:
    """The person's forms for the given gender, or for every gender when unknown, in the
    letter's language (none when the office has no forms in it)."""
    if not person.name:
        return []
    genders: Sequence[Literal["female", "male"] | None] = (
        [person.gender] if person.gender else [None, "male", "female"]
    )
    out: list[AddressForms] = []
    for gender in genders:
        try:
            out.append(
                address_forms(
                    office,
                    person.name,
                    gender=gender,
                    status=status,
                    surname=person.params.get("surname"),
                    params=person.params,
                    language=language,
                )
            )
        except ProtocolError:
            return []
    return out


def _skeleton(text: str) -> str:
    """A salutation for comparing: folded, without punctuation."""
    return " ".join(re.sub(r"[.,:;!]", " ", fold(text)).split())


def _name_words(person: Addressee) -> set[str]:
    """Words that may stand in a salutation for this person: name, surname, titles."""
    found: set[str] = {w.lower() for line in person.title_lines for w in words(line)}
    if person.honorific:
        found.update(w.lower() for w in words(person.honorific))
    if person.name:
        found.update(w.lower() for w in words(person.name))
        with contextlib.suppress(ProtocolError):
            found.update(w.lower() for w in words(surname_of(person.name)))
    if person.params.get("surname"):
        found.update(w.lower() for w in words(person.params["surname"]))
    return found


def _surname(person: Addressee) -> str | None:
    if person.params.get("surname"):
        return person.params["surname"]
    if not person.name:
        return None
    try:
        return surname_of(person.name)
    except ProtocolError:
        return None


def _label(office: str) -> str:
    return next((row.label for row in offices() if row.key == office), office)


# --------------------------------------------------------------------------- salutation


def _language_title_words(language: str) -> set[str]:
    """The words of the salutations of the forms of address in ``language`` ("Estimada",
    "Señora", "Ministra" ...), which a salutation may use besides names."""
    if language == "en":
        return set()
    # deferred: the languages file is read only for a letter in another language
    from draftkit.protocol.languages import language_offices

    out: set[str] = set()
    for entry in language_offices(language):
        for field in ("salutation_formal", "salutation_common"):
            for text in getattr(entry.row, field).texts():
                out |= {w.lower() for w in words(text)}
    return out


@rule(
    "salutation-name",
    "error",
    "The salutation greets the addressee by name, not someone else.",
    "greet the person the letter is addressed to (or fix the address block)",
)
def salutation_name(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    letter = ctx.letter
    people = [a for a in letter.addressees if a.name]
    if not letter.salutation or not people:
        return
    sal = letter.salutation
    if "members of" in fold(sal):
        return
    known: set[str] = set()
    for person in people:
        known |= _name_words(person)
    titles = _title_words() | _language_title_words(letter.language)
    strangers = [w for w in words(sal) if w[:1].isupper() and w.lower() not in titles | known]
    if strangers:
        names = ", ".join(a.name or "" for a in people)
        yield self.finding(
            f"the salutation greets {' '.join(strangers)!r}, but the letter is addressed "
            f"to {names}",
            where="salutation",
            excerpt=sal,
            anchor=sal,
            details={"greeted": strangers, "addressees": [a.name for a in people]},
        )


@rule(
    "salutation-form",
    "warning",
    "The salutation is a form of address the recipient's office takes.",
    "use the office's salutation (draftkit address OFFICE --name NAME shows it)",
)
def salutation_form(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    letter = ctx.letter
    people = [a for a in letter.addressees if a.name]
    sal = letter.salutation
    if not sal or not people or len(people) != len(letter.addressees):
        return
    if letter.language != "en":
        return  # the English forms; a letter in another language uses its own table's
    if "members of" in fold(sal):
        return
    titles = _title_words()
    known: set[str] = set()
    for person in people:
        known |= _name_words(person)
    if any(w[:1].isupper() and w.lower() not in titles | known for w in words(sal)):
        return  # a wrong name: salutation-name reports it
    inferred = [infer_office(p) for p in people]
    if any(found is None for found in inferred):
        return
    per_person = [
        _forms(p, office, status)
        for p, (office, status) in zip(people, [f for f in inferred if f], strict=True)
    ]
    if any(not forms for forms in per_person):
        return
    accepted: set[str] = set()
    for forms in per_person:
        for form in forms:
            accepted.update(_skeleton(text) for text in form.accepted_salutations)
            bare = _skeleton(form.salutation_common.replace(form.surname, ""))
            if len(bare.split()) >= 2:  # "Dear Minister" for "Dear Minister Marchetti"
                accepted.add(bare)
            if form.excellency:
                accepted.update(_EXCELLENCY_SALUTATIONS)
    style = letter.options.salutation_style
    if len(people) > 1:
        firsts = [forms[0] for forms in per_person]
        group = letter.variables.get("salutation_group")
        combined = {
            _skeleton(combined_salutation(firsts, style=each, group=str(group) if group else None))
            for each in ("common", "formal")
        }
        accepted = set(combined)
        accepted.add("excellencies")
        mentioned = {w.lower() for w in words(sal)}
        missing = [
            p.name or "" for p in people if (_surname(p) or "").lower() not in " ".join(mentioned)
        ]
        if _skeleton(sal) in accepted or not missing:
            return
        yield self.finding(
            f"the salutation does not greet {', '.join(missing)}",
            where="salutation",
            excerpt=sal,
            anchor=sal,
            hint="greet every addressee, or write 'Dear Members of the ...' for a body",
        )
        return
    if _skeleton(sal) in accepted:
        return
    office, _status = inferred[0] or ("", "current")
    best = per_person[0][0]
    expected = best.salutation_formal if style == "formal" else best.salutation_common
    alternatives = sorted(
        {f.salutation_common for f in per_person[0]} | {f.salutation_formal for f in per_person[0]}
    )
    source = "office" if people[0].office else "title"
    yield self.finding(
        f"{sal.rstrip(',:;')!r} is not a form of address for the "
        f"{_label(office)} ({source} of {people[0].name}); expected {expected!r}",
        where="salutation",
        excerpt=sal,
        anchor=sal,
        hint=f"write {' or '.join(repr(a) for a in alternatives)}",
        details={"office": office, "expected": alternatives},
    )


# --------------------------------------------------------------------------- honorifics

_HONORIFIC_CANON = {
    "the right honourable": "The Right Honourable",
    "the right honorable": "The Right Honourable",
    "the right hon": "The Right Honourable",
    "the rt hon": "The Right Honourable",
    "rt hon": "The Right Honourable",
    "the honorable": "The Honorable",
    "the honourable": "The Honorable",
    "the hon": "The Honorable",
    "hon": "The Honorable",
    "honorable": "The Honorable",
    "he": "Excellency",
    "his excellency": "Excellency",
    "her excellency": "Excellency",
    "mr": "Mr.",
    "mrs": "Mrs.",
    "ms": "Ms.",
    "miss": "Miss",
    "mx": "Mx.",
    "dr": "Dr.",
    "prof": "Professor",
    "professor": "Professor",
    "his majesty": "Majesty",
    "her majesty": "Majesty",
}
_FORMAL = {"The Honorable", "The Right Honourable", "Excellency", "Majesty"}
_PLAIN = {"Mr.", "Mrs.", "Ms.", "Miss", "Mx.", None}
_ACADEMIC = {"Dr.", "Professor"}


def _canon(honorific: str | None) -> str | None:
    if not honorific:
        return None
    key = " ".join(re.sub(r"\.", " ", fold(honorific)).split()).replace("h e", "he")
    if key in _HONORIFIC_CANON:
        return _HONORIFIC_CANON[key]
    for known in sorted(_HONORIFIC_CANON, key=len, reverse=True):  # "H.E. Mr." -> H.E.
        if key.startswith(known + " "):
            return _HONORIFIC_CANON[known]
    return honorific.strip()


@rule(
    "address-honorific",
    "warning",
    "The honorific in an address block is one the person's office takes.",
    "use the office's honorific (draftkit address --office KEY --name NAME shows it)",
)
def address_honorific(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    letter = ctx.letter
    groups = (("addressees", letter.addressees), ("cc", letter.cc))
    for field, people in groups:
        for index, person in enumerate(people):
            given = _canon(person.honorific)
            if given is None or not person.name:
                continue
            found = infer_office(person)
            if found is None:
                continue
            forms = _forms(person, *found, letter.language)
            if not forms:
                continue
            expected = {_canon(h) for f in forms for h in f.accepted_honorifics}
            if given in expected:
                continue
            if given in _ACADEMIC | _PLAIN and (
                expected <= _PLAIN
                or None in expected
                or not get_office(found[0]).sourced("honorific")
            ):
                # "Dr." for a Mr./Ms. office, a courtesy title where none is used, or a
                # plain title where the table's honorific is only a house convention
                continue
            shown = sorted(str(e) for e in expected if e is not None)
            if None in expected:
                shown.append("no honorific")
            first = forms[0]
            formal = address_forms(
                found[0],
                person.name,
                gender=person.gender,
                status=found[1],
                style="formal",
                surname=person.params.get("surname"),
                params=person.params,
                language=letter.language,
            )
            blocks = [" / ".join(first.block_lines()[:2])]
            if formal.block_lines() != first.block_lines():
                blocks = [f"common: {blocks[0]}", "formal: " + " / ".join(formal.block_lines()[:2])]
            block = "; ".join(blocks)
            yield self.finding(
                f"{person.honorific!r} before the name of the {_label(found[0])}; "
                f"the forms-of-address table has {' or '.join(repr(s) for s in shown)}",
                where=f"{field}[{index}]",
                excerpt=address_anchor(person),
                anchor=address_anchor(person),
                hint=f"write the block as the table does ({block} ...)",
                details={"office": found[0], "expected": shown, "block": first.block_lines()},
            )


_TEXT_HONORIFIC = (
    r"The\s+Hon(?:ou?rable|\.)|Hon\.|His\s+Excellency|Her\s+Excellency|H\.\s?E\.|"
    r"Mrs\.?|Mr\.?|Ms\.?|Miss|Mx\.|Dr\.?|Prof\.|Professor"
)


@dataclass(frozen=True)
class _Mention:
    where: str
    honorific: str
    text: str
    anchor: str
    address: bool


def _mentions(ctx: CheckContext, person: Addressee) -> list[_Mention]:
    letter = ctx.letter
    assert person.name
    surname = _surname(person) or person.name
    given = words(person.name)[0] if words(person.name) else ""
    names = sorted({person.name, f"{given} {surname}", surname}, key=len, reverse=True)
    pattern = re.compile(rf"\b({_TEXT_HONORIFIC})\s+(?:{'|'.join(re.escape(n) for n in names)})\b")
    found: list[_Mention] = []
    texts: list[tuple[str, str, bool]] = []
    if letter.heading:
        texts.append(("heading", letter.heading, True))
    if letter.subject:
        texts.append(("subject", letter.subject, True))
    texts += [(p.where, p.text, False) for p in ctx.prose if p.section != "subject"]
    for where, text, address in texts:
        for match in pattern.finditer(text):
            canon = _canon(match.group(1))
            if canon:
                found.append(_Mention(where, canon, match.group(0), text, address))
    return found


def _clash(a: _Mention, b: _Mention) -> bool:
    if a.honorific == b.honorific:
        return False
    same_class = (a.honorific in _FORMAL) == (b.honorific in _FORMAL)
    return same_class or (a.address and b.address)


@rule(
    "honorific-consistency",
    "warning",
    "A person is given the same honorific everywhere (address, cc, heading, text).",
    "use one honorific for the person throughout the letter",
)
def honorific_consistency(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    letter = ctx.letter
    people: list[tuple[str, Addressee]] = [
        (f"addressees[{i}]", a) for i, a in enumerate(letter.addressees) if a.name
    ] + [(f"cc[{i}]", a) for i, a in enumerate(letter.cc) if a.name]
    groups: dict[tuple[str, str], list[tuple[str, Addressee]]] = {}
    for where, person in people:
        key = person_key(person)
        if key is not None:
            groups.setdefault(key, []).append((where, person))
    for entries in groups.values():
        person = entries[0][1]
        assert person.name
        mentions: list[_Mention] = []
        for where, entry in entries:
            canon = _canon(entry.honorific)
            if canon:
                text = address_anchor(entry)
                mentions.append(_Mention(where, canon, text, text, True))
        mentions += _mentions(ctx, person)
        seen: list[_Mention] = []
        reported: set[str] = set()
        for mention in mentions:
            other = next((s for s in seen if _clash(s, mention)), None)
            seen.append(mention)
            if other is None or mention.honorific in reported:
                continue
            reported.add(mention.honorific)
            at = mention.anchor.find(mention.text)
            yield self.finding(
                f"{person.name} is {other.text!r} in {other.where} but {mention.text!r} "
                f"in {mention.where}",
                where=mention.where,
                excerpt=excerpt(mention.anchor, max(at, 0), max(at, 0) + len(mention.text)),
                anchor=mention.anchor,
            )


# --------------------------------------------------------------------------- cc


def person_key(person: Addressee) -> tuple[str, str] | None:
    """``(first given name, surname)`` in lower case, for telling people apart."""
    if not person.name:
        return None
    parts = list(words(person.name))
    titles = {"mr", "mrs", "ms", "dr", "prof", "professor", "the", "honorable", "hon", "he"}
    while parts and parts[0].lower() in titles:
        parts.pop(0)
    if not parts:
        return None
    surname = (_surname(person) or parts[-1]).lower()
    return parts[0].lower(), surname


@rule(
    "recipient-in-cc",
    "warning",
    "Nobody is both an addressee and copied, and nobody is copied twice.",
    "remove the duplicate cc entry",
)
def recipient_in_cc(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    letter = ctx.letter
    addressed = {person_key(a): i for i, a in enumerate(letter.addressees) if person_key(a)}
    copied: dict[tuple[str, str], int] = {}
    for index, person in enumerate(letter.cc):
        key = person_key(person)
        if key is None:
            continue
        if key in addressed:
            yield self.finding(
                f"{person.name} is an addressee (addressees[{addressed[key]}]) and also copied",
                where=f"cc[{index}]",
                excerpt=address_anchor(person),
                anchor=address_anchor(person),
            )
        elif key in copied:
            yield self.finding(
                f"{person.name} is copied twice (also cc[{copied[key]}])",
                where=f"cc[{index}]",
                excerpt=address_anchor(person),
                anchor=address_anchor(person),
            )
        else:
            copied[key] = index
