"""What makes a paragraph of the body an ask, and the ask it makes.

An ask is an instruction or a sentence of obligation (:func:`imperative`, the request
words), introduced by a sentence that asks for something (not one that lists concerns or
reasons); a paragraph opening with a bold lead-in, a bold heading followed by its
explanation, or a paragraph carrying its own numbered label ("Recommendation 1.").
"""

from __future__ import annotations

import itertools
import re

from draftkit.ingest.text import normalise_space
from draftkit.ingest.units import Unit, _with_bullets
from draftkit.markup import escape
from draftkit.schema import Ask
from draftkit.sentences import first_sentence

_ASK_INTRO = re.compile(
    r"\b(?:urge|urges|urging|ask|asks|asking|request|requests|requesting|call (?:on|upon)|"
    r"calls? for|calling (?:on|upon|for)|seeking|demanding|recommending|"
    r"recommend|recommends|recommendations?|encourage|implore|appeal|invite|press|"
    r"grateful if|would be (?:very |most |deeply )?grateful|we respectfully|"
    r"following (?:[a-z]+ )?(?:steps|actions|measures|"
    r"commitments|recommendations|requests|priorities|suggestions|proposals|changes|amendments)|"
    r"should|must|seek|demand|"
    r"exhort|petition|we hope (?:you|that)|priorit|"
    r"following\s+(?:[\w-]+\s+){0,3}questions|questions\s+(?:to|for)\s+you|"
    # "Our questions are as follows:", "These questions are:": questions put to the reader
    r"(?:our|these|my|the)\s+questions\s+(?:are|is)|questions\s+(?:below|as\s+follows))\b"
    r"|\b(?:prions|prie|demandons|demande|exhortons|invitons|appelons|recommandons|sollicitons|"
    # "nous vous proposons :", "le proponemos": a proposal put to the reader ("proponemos la
    # siguiente agenda:" proposes topics, not asks)
    r"vous\s+(?:proposons|sugg[ée]rons)|les?\s+(?:proponemos|sugerimos)|"
    r"lhes?\s+(?:propomos|sugerimos)|(?:propomos|sugerimos)-lhes?|"
    r"engageons|solicitamos|pedimos|instamos|exhortamos|recomendamos|rogamos|llamamos|"
    r"invitamos|urgimos|exigimos|apelamos|recomendamos|requeremos|requerem|reivindicamos|"
    r"conclamamos|pleiteamos|demandamos|"
    # "vimos respeitosamente solicitar a Vossa Excelência que:", "venimos a pedirle que:"
    r"solicitar|solicitarle|pedir|pedirle|requerer|instar|exortar|exigir|rogar|"
    r"fordern|auffordern|bitten|ersuchen|appellieren|empfehlen|verlangen|"
    r"chiediamo|sollecitiamo|esortiamo|raccomandiamo|invitiamo)\b"
    # "consideramos indispensável que a empresa:", "il est essentiel que le gouvernement :"
    r"|\b(?:indispens[áa]vel|imprescind[íi]vel|indispensable|imprescindible|essencial|"
    r"esencial|essentiel|n[ée]cess[áa]rio|necesario|n[ée]cessaire|urgente?)\s+que\b"
    r"|\bto:\s*$",
    re.IGNORECASE,
)
_ASK_VERB_LIST = """
    abolish accelerate accept act address adopt advance affirm allocate allow amend appoint
    approve assert assess assign assure authorise authorize avoid ban begin bring build call
    cancel cease champion clarify close commission commit comply condemn conduct consider
    consult continue convene cooperate create curb cut decline declassify decriminalise
    decriminalize defend deliver demand deploy designate desist develop direct disclose
    discontinue dismantle drop educate eliminate embrace empower enable encourage end
    endorse enforce engage enhance ensure enact establish evaluate examine expand expedite
    extend facilitate fund grant guarantee halt help hold honour honor implement improve
    include increase inform initiate insist instruct integrate intervene introduce
    investigate invite issue join keep launch lead lift limit maintain make mandate meet
    monitor move negotiate oppose order pass pause pay permit persuade place pledge postpone
    press prevent prioritise prioritize proceed produce prohibit promote protect provide
    prosecute publish pursue push put raise ratify reaffirm recognise recognize reconsider
    redouble reduce refer refrain reform refuse reinstate reject release remove renew reopen
    repeal replace report request require rescind reserve respect respond restore resume
    return reverse review revise revoke safeguard sanction scale seek share shorten sign
    speak stand step stop strengthen submit support suspend take terminate track train
    uphold urge use vote waive withdraw work explain confirm indicate specify describe outline
    answer implore advocate suggest propose recommend reallocate redirect divest invest
    restrict regulate audit ask appeal petition
"""
_ASK_VERBS_ROMANCE = """
    annuler abroger adopter assurer cesser consulter créer éduquer établir financer fournir
    garantir inclure investir libérer mettre permettre protéger publier reconnaître
    renforcer respecter retirer réviser soutenir suspendre attaquer
    adoptar aprobar asegurar cesar consultar crear derogar establecer financiar fortalecer
    garantizar implementar incluir liberar permitir proteger publicar reconocer respetar
    retirar revisar suspender apoyar
    adotar aprovar assegurar criar estabelecer libertar reconhecer respeitar revogar rever
    apoiar
"""
"""The same asks written as infinitives in French, Spanish and Portuguese lists
("Annuler les lois …", "Garantizar el acceso …", "Revogar a portaria …")."""

_ASK_VERBS = frozenset(_ASK_VERB_LIST.split()) | frozenset(_ASK_VERBS_ROMANCE.split())
"""Verbs that open an ask written as an instruction ("Release …", "Ensure …")."""


def imperative(text: str) -> bool:
    """True when ``text`` opens with a verb of request ("Ensure that …", "Release all …")."""
    words = re.split(r"[\s,;:]+", text.strip(), maxsplit=2)
    if len(words) > 1 and words[0].lower() in ("please", "kindly"):
        words = words[1:]  # "Please provide …"
    first = re.sub(r"(?i)^(?:s['’]|se\s)", "", words[0].lower().strip("“\"'("))  # "S’assurer"
    return first in _ASK_VERBS


_NOT_ASK_START = {
    "we",
    "i",
    "our",
    "my",
    "thank",
    "thanks",
    "the",
    "this",
    "these",
    "those",
    "that",
    "it",
    "its",
    "in",
    "as",
    "please",
    "if",
    "sincerely",
    "again",
    "once",
    "should",
    "there",
    "they",
    "their",
    "he",
    "she",
    "his",
    "her",
    "you",
    "your",
    "on",
    "at",
    "for",
    "with",
    "while",
    "although",
    "though",
    "since",
    "because",
    "when",
    "yours",
    "respectfully",
    "accept",
    "and",
    "but",
    "so",
    "moreover",
    "furthermore",
    "however",
    "finally",
    "lastly",
    "feel",
    "kindly",
    "sincerely,",
    "a",
    "an",
    "all",
    "many",
    "some",
    "such",
    "given",
    "despite",
    # a closing paragraph in Spanish, Portuguese, French or German ("Quedamos a su
    # disposición …", "Ficamos à disposição …", "Nous restons …", "Wir stehen …")
    "quedamos",
    "quedo",
    "agradecemos",
    "agradeciendo",
    "agradezco",
    "reiteramos",
    "ficamos",
    "colocamo-nos",
    "aguardamos",
    "nous",
    "restant",
    "wir",
}


def _ask_from(unit: Unit) -> Ask:
    text = unit.markup()
    whole = re.fullmatch(r"\*\*((?:(?!\*\*).)+)\*\*", text.strip())
    if whole:
        # an ask set wholly in bold is a lead-in with no explanation after it
        return Ask(lead=whole.group(1).strip())
    if (unit.style or "").lower() == "ask" and not unit.lead:
        return Ask(body=text)
    if unit.lead:
        lead = escape(normalise_space(unit.lead))
        body = text
        match = re.match(r"^\*\*(.+?)\*\*\s*", body)
        if match:
            lead = match.group(1).strip()
            body = body[match.end() :]
        elif body.startswith(lead):
            body = body[len(lead) :]
        return Ask(lead=lead.strip(), body=body.strip() or None)
    lead, rest = first_sentence(text)
    return Ask(lead=lead, body=rest)


_REQUEST_WORDS = re.compile(
    r"(?i)\b(?:should|must|shall|needs?\s+to|ought\s+to|we\s+(?:urge|ask|call|request|"
    r"recommend)|(?:is|are)\s+(?:urged|asked|called\s+upon|requested)|please|"
    r"debe(?:n|r[ií]a)?|doit|doivent|devrait)\b"
)


def _requests(text: str) -> bool:
    """An item that asks: an instruction ("Release …") or a sentence of obligation
    ("The government should …"), not a statement of fact."""
    return (
        imperative(text)
        or _REQUEST_WORDS.search(text) is not None
        or _WE_ASK.match(text.strip()) is not None
    )


def _ask_like(unit: Unit) -> bool:
    if unit.lead:
        return True
    word = re.split(r"[\s,;:]+", unit.text.strip(), maxsplit=1)[0].lower().strip("“\"'(")
    labelled = re.match(r"^([A-Za-z]+):\s", unit.text.strip())
    if labelled and labelled.group(1).lower() not in _ASK_LABELS:
        return False  # "Objection: …", "Background: …" label a point, not a request
    if _WE_ASK.match(unit.text.strip()):
        return True  # "1. We ask the Committee not to advance the bill …"
    # "[PROPOSITION 1 — …]": a template's blank for the ask, in brackets
    return bool(word) and word not in _NOT_ASK_START and unit.text.lstrip("[")[:1].isupper()


_WE_ASK = re.compile(
    r"(?i)^(?:we|i)\s+(?:(?:also|further|therefore|respectfully|strongly|urgently|"
    r"hereby)\s+)*(?:ask|urge|request|call\s+(?:on|upon|for)|recommend|demand|encourage|"
    r"invite|implore|appeal\s+to)\b"
)


_ASK_LABELS = frozenset(
    {"recommendation", "request", "ask", "action", "demand", "proposal", "recomendación"}
)


_WHOLE_BOLD = re.compile(r"\*\*((?:(?!\*\*).)+)\*\*")


def _bold_heading(unit: Unit) -> str | None:
    """The text of a short paragraph set wholly in bold (a heading), else None."""
    if unit.kind != "para" or unit.style:
        return None
    match = _WHOLE_BOLD.fullmatch(unit.markup().strip())
    if match is None or len(match.group(1).split()) > 20:
        return None
    return match.group(1).strip()


_SECTION_WORDS = frozenset(
    {
        "background", "introduction", "context", "summary", "overview", "conclusion",
        "conclusions", "recommendations", "recommendation", "concerns", "our", "the",
        "about", "key", "next", "annex",
    }
)  # fmt: skip


def _ask_heading(heading: str | None) -> bool:
    """A bold heading that reads as an ask ("Reopen the broadcaster."), not a section title."""
    if not heading:
        return False
    words = heading.split()
    if words[0].lower().strip("“\"'(") in _SECTION_WORDS or heading.endswith("?"):
        return False
    # an instruction ("Drop the charges"), a sentence, or words of obligation; a title
    # such as "What we have" or "Open data and community" is a section's
    return (
        heading.endswith(".")
        or imperative(heading)
        or re.search(r"(?i)\b(?:should|must|urge|need to|call on|ensure)\b", heading) is not None
    )


def _merge_bold_headings(units: list[Unit]) -> list[Unit]:
    """Asks written as a bold heading paragraph, then the paragraph explaining it.

    When at least two bold headings are each followed by a plain paragraph, each pair
    becomes one paragraph whose bold lead-in is the heading (as "**Lead.** Body").
    """
    pairs = [
        index
        for index in range(len(units) - 1)
        if _ask_heading(_bold_heading(units[index]))
        and units[index + 1].kind == "para"
        and not units[index + 1].style
        and _bold_heading(units[index + 1]) is None
    ]
    if len(pairs) < 2:
        return units
    out: list[Unit] = []
    skip: set[int] = set()
    for index, unit in enumerate(units):
        if index in skip:
            continue
        heading = _bold_heading(unit) if index in pairs else None
        if heading is None:
            out.append(unit)
            continue
        body = units[index + 1]
        lead = heading
        merged = Unit(
            f"{lead} {body.text}",
            f"**{lead}** {body.markup()}",
            "para",
            None,
            unit.indent,
            lead,
            None,
            [*unit.soft_lines, *body.soft_lines],
        )
        out.append(merged)
        skip.add(index + 1)
    return out


_LABELLED_ASK = re.compile(
    r"(?i)^(?:recommendation|demand|request|ask|proposal|action|recomendaci[oó]n|demanda|"
    r"petici[oó]n|propuesta|recommandation|demande|proposition)\s*(?:no\.?\s*|#\s*)?"
    r"(?P<number>\d{1,2})\s*[.:)–-]\s+\S"
)


def _labelled_asks(
    units: list[Unit],
) -> tuple[list[str], str | None, list[Ask], list[str], str] | None:
    """Asks that carry their own numbered label: "Recommendation 1. …", "Demand #2: …".

    At least two, numbered from 1 up, each a paragraph; the paragraphs between one and
    the next (its explanation, a card's heading) go with the ask before them, and the
    last ask takes as many as the others' explanations hold. The labels are kept as
    written, so the asks are not numbered again.
    """
    marked = [
        i
        for i, u in enumerate(units)
        if u.kind == "para" and not u.style and _LABELLED_ASK.match(u.text.strip())
    ]
    numbers = [int(_LABELLED_ASK.match(units[i].text.strip()).group("number")) for i in marked]  # type: ignore[union-attr]
    if len(marked) < 2 or numbers != list(range(1, len(marked) + 1)):
        marked = _ordinal_asks(units)
        if not marked:
            return None
    gaps = [b - a - 1 for a, b in itertools.pairwise(marked)]
    last_takes = max(0, min(gaps) - 1) if gaps and len(set(gaps)) == 1 else 0
    ends = [*marked[1:], min(len(units), marked[-1] + 1 + last_takes)]
    asks: list[Ask] = []
    for index, end in zip(marked, ends, strict=True):
        explained = [units[j].markup() for j in range(index + 1, end)]
        asks.append(Ask(body="\n\n".join([units[index].markup(), *explained])))
    head = _with_bullets(units[: marked[0]])
    closing = _with_bullets(units[ends[-1] :])
    return head, None, asks, closing, "labelled"


_ORDINALS = (
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"),
    ("firstly", "secondly", "thirdly", "fourthly", "fifthly", "sixthly"),
    ("premièrement", "deuxièmement", "troisièmement", "quatrièmement", "cinquièmement"),
    ("en premier lieu", "en deuxième lieu", "en troisième lieu", "en quatrième lieu"),
    ("en primer lugar", "en segundo lugar", "en tercer lugar", "en cuarto lugar"),
    ("primero", "segundo", "tercero", "cuarto", "quinto"),
    ("em primeiro lugar", "em segundo lugar", "em terceiro lugar", "em quarto lugar"),
    ("erstens", "zweitens", "drittens", "viertens", "fünftens"),
)
"""Words that count a letter's paragraphs in turn: "First, we ask …", "Second, …"."""


def _ordinal_asks(units: list[Unit]) -> list[int]:
    """Paragraphs counted in turn ("First, we ask …" / "Second, we ask …"), two or more,
    the first of them asking: each is an ask, its count kept as written; [] otherwise."""
    for words in _ORDINALS:
        marked: list[int] = []
        for index, unit in enumerate(units):
            if len(marked) == len(words):
                break
            text = unit.text.strip().lower()
            expected = words[len(marked)]
            if (
                unit.kind == "para"
                and not unit.style
                and text.startswith(expected)
                and text[len(expected) : len(expected) + 1] in (",", " ", ":", ";")
            ):
                marked.append(index)
        if (
            len(marked) >= 2
            and all(b - a <= 3 for a, b in itertools.pairwise(marked))
            and (_requests(units[marked[0]].text) or _ASK_INTRO.search(units[marked[0]].text))
        ):
            return marked
    return []


def _concerns_intro(text: str) -> bool:
    if re.search(
        r"(?i)\b(?:the\s+following|several|many|two|three)\s+(?:[\w-]+\s+)?"
        r"(?:reasons|grounds|considerations|arguments)\b",
        text,
    ):
        return True  # "We make this request for the following reasons.": a list of why
    if re.search(
        r"(?i)\b(?:arguments|motifs|raisons|pr[ée]occupations|inqui[ée]tudes|argumentos|"
        r"motivos|razones|preocupaciones|raz[õo]es|preocupa[çc][õo]es)\s+"
        r"(?:sont|son|s[ãa]o|are)\s+(?:les|los|las|os|as|the)?\s*"
        r"(?:suivant(?:e?s)?|siguientes|seguintes|following)\s*:$",
        text.strip(),
    ):
        return True  # "Nos arguments sont les suivants :": a list of why, not of asks
    return bool(
        re.search(
            r"(?i)\b(?:concerns?|issues|violations|abuses|problems|findings|examples|"
            r"include|including|documented|deserve attention|following facts|such as)\b[^.]*:$",
            text.strip(),
        )
        # "… respond to these findings, and we would be grateful for answers to the
        # following questions:": the list asks
        and not re.search(
            r"(?i)\b(?:urge|ask|request|call on|recommend|grateful|questions)\b", text
        )
    )
