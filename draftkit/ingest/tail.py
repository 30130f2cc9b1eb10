"""The letter's tail: where the signature block ends and the page takes over again.

After the close the signers run while their lines keep the shape of signers; page
furniture, a heading, footnotes, a second letter or its reply, a press contact or an
attachment ends them. Letters without a close end after their last sentence, or where an
annex follows the thanks and the signatures.
"""

from __future__ import annotations

import re

from draftkit.ingest import names
from draftkit.ingest.anchors import (
    close_strength,
    is_closing_line,
    match_salutation,
)
from draftkit.ingest.dates import parse_date_line
from draftkit.ingest.head_lines import CC_LINE, is_person_line, name_part
from draftkit.ingest.noise import (
    _NETWORK_ALONE,
    is_footer_start,
)
from draftkit.ingest.organisations import has_org_word, is_organisation
from draftkit.ingest.page import (
    _blocks_between,
    _name_list,
    _named_with_office,
    _Page,
    _signer_like,
    _words,
    is_prose,
    listed_names,
)
from draftkit.ingest.signer_labels import (
    AND_MORE,
    BRACKETED_BLANK,
    CONTACT_LINE,
    ENCLOSURE_LABEL,
    INITIATED_BY,
    PLACE_LABEL,
    POSTSCRIPT,
    SIGNER_COUNT,
    heads_a_list,
    is_bracketed_aside,
    is_editor_note,
    is_name_placeholder,
    is_signatory_label,
    is_signatory_note,
    labelled_signers,
)
from draftkit.sentences import split_marker

_NOT_A_CUT = {
    "decoration",
    "signature placeholder",
    "page number",
    "running page header",
    "call to sign",
}
"""Noise that may sit inside a signature block without ending the letter."""


def _before_aside(page: _Page, start: int, stop: int) -> list[int]:
    """The lines of ``[start, stop)`` but a note in brackets, a postscript or the date
    under the signers on the last line."""
    lines = page.between(start, stop)
    if lines and (
        re.match(r"^[(\[]", page.text(lines[-1]))
        or POSTSCRIPT.match(page.text(lines[-1]))
        or parse_date_line(page.text(lines[-1]))
        or INITIATED_BY.match(page.text(lines[-1]))
    ):
        return lines[:-1]
    return lines


def _trailing_signers(page: _Page, start: int, stop: int) -> int:
    """How many signer-like lines end the stretch ``[start, stop)`` (a note in brackets
    or a postscript after them aside)."""
    count = signed = missed = 0
    for index in reversed(_before_aside(page, start, stop)):
        text = page.text(index)
        if is_closing_line(text):
            break
        if (is_prose(text) and not listed_names(text)) or not _signer_like(text):
            # an item of a long bulleted list of signers whose description reads as a
            # sentence ("- Olga Alcaraz Profesora. Grupo de …") does not end the list
            listed = page.lines[index].list_kind is not None or split_marker(text) is not None
            # (a numbered list goes on by its numbers: five items under it are enough)
            numbered = page.lines[index].list_kind == "number" or (
                (split_marker(text) or ("",))[0] == "number"
            )
            if listed and signed >= (5 if numbered else 10) and missed < max(1, signed // 20):
                missed += 1
                count += 1
                continue
            break
        count += 1
        signed = count
    return signed


def _signed_midway(page: _Page, start: int, stop: int) -> int | None:
    """Where a letter without a close ends when an annex follows its signatures.

    A paragraph of thanks, then a short block whose first line names people (two signers
    side by side in columns included), then more of the document: the letter ends after
    that block. Returns the first line after it, or None.
    """
    blocks = _blocks_between(page, start, stop)
    for k in range(1, len(blocks) - 1):
        block, before = blocks[k], blocks[k - 1]
        if len(block) > 6 or not re.search(r"(?i)\bthank", " ".join(page.text(i) for i in before)):
            continue
        if not is_prose(" ".join(page.text(i) for i in before)):
            continue
        cells = [c.strip() for c in (page.lines[block[0]].raw or "").split("\t") if c.strip()]
        cells = cells or [page.text(block[0])]
        if not all(is_person_line(c) or names.is_person_name(name_part(c)) for c in cells):
            continue
        after = [i for b in blocks[k + 1 :] for i in b]
        if len(after) >= 5:
            return after[0]
    return None


def _closing_line_before(page: _Page, start: int, stop: int) -> int | None:
    """A closing sentence ("I look forward to your reply,") just above the signers."""
    signers = _trailing_signers(page, start, stop)
    content = _before_aside(page, start, stop)  # the lines the signers were counted in
    if not signers or len(content) <= signers:
        return None
    candidate = content[-signers - 1]
    return candidate if is_closing_line(page.text(candidate)) else None


def _footnotes_start(page: _Page, index: int, limit: int) -> bool:
    """A web page's footnotes: "1." (or "[1]") alone, its note ending with a back link "↩"."""
    if not re.fullmatch(r"\[?\d{1,3}[.)\]]?", page.text(index).strip()):
        return False
    ahead = [i for i in range(index + 1, min(limit, index + 8)) if not page.lines[i].blank][:3]
    return any("↩" in page.text(i) for i in ahead)


def _tail_cut(
    page: _Page, frm: int, limit: int, heading_texts: set[str], *, headings: bool = True
) -> tuple[int, str]:
    """The first line after the letter, and why it ends there.

    A heading ends the letter only after its close: without one, headings may be the
    letter's own sections, and the signature list's end is found by its shape instead.
    """
    lines = page.lines
    for index in range(frm + 1, limit):
        ln = lines[index]
        if ln.blank:
            continue
        reason = page.noise.get(index)
        if (
            ln.text.strip() == "--"
            and 1 <= len(below := page.between(index + 1, limit)) <= 4
            and _signer_like(page.text(below[0]))
        ):
            continue  # "Bien respectueusement," / "--" / "Regards Citoyens": an e-mail's
            # signature delimiter over the sender's few lines at the end
        if is_footer_start(ln.text):
            return index, "page furniture begins"
        if _footnotes_start(page, index, limit):
            return index, "the footnotes begin"
        if reason is not None and reason not in _NOT_A_CUT:
            return index, f"page furniture ({reason})"
        if reason is not None:
            continue
        if (
            (ln.heading or (ln.style or "") in ("h1", "h2"))
            and (headings or _under_signers(page, index))
            and not is_signatory_label(ln.text)
            and not _ADDRESS_LABEL.match(ln.text)
            and not (
                _heads_signers(page, index)
                and (
                    index <= frm + 3
                    or any(_signer_like(page.text(i)) for i in page.before(index, 1))
                )
            )
        ):
            return index, "a heading after the letter"
        above = page.before(index, 1) if ln.rule else []
        if ln.rule and not is_signatory_label(ln.text) and above and above[0] > frm:
            # (a rule over the letter's own first line, where a page sets one under its
            # head, does not end it)
            return index, "a rule after the letter"
        if (
            ln.text.strip().lower() in heading_texts
            and index > frm + 1
            # the author's byline over the letter is the name that signs it
            and not names.is_person_name(ln.text.strip())
        ):
            return index, "the page's title repeated after the letter"
    return limit, "end of the page"


def _under_signers(page: _Page, index: int) -> bool:
    """A heading right under a list of signers (a note at most between): whatever the
    letter's own sections were, the list has ended it and the heading opens the page's
    next part ("… Xavier Torras, biologist" / "Signatures still being collected." /
    "### Declaration of Rebellion")."""
    above = page.before(index, 4)
    return (
        len(above) == 4
        and sum(_signer_like(page.text(i)) and not is_prose(page.text(i)) for i in above) >= 3
    )


_ADDRESS_LABEL = re.compile(r"(?i)^(?:addressed to|address(?:ees?)?|recipients?|to)\s*:?$")
"""A heading over an address block placed after the signatures ("Addressed to:")."""


_TAIL_PART = re.compile(
    rf"(?i)^{ENCLOSURE_LABEL}\s*[:.]?"
    rf"|{POSTSCRIPT.pattern}"
)


_NOTES_HEADING = re.compile(
    r"(?i)^(?:end\s?notes|foot\s?notes|notes|references|sources|notas|références|fuentes|"
    r"anmerkungen)\s*:?$"
)


_FOOTNOTE = re.compile(
    r"^(?:\[\d{1,3}\]|\{\d{1,3}\}|\(\d{1,3}\)|\d{1,3}[.)]?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+)\s+"
    r"(?=.*(?:\b(?:19|20)\d\d\b|\bibid\b|\bpp?\.\s*\d|https?://|www\.|\bop\.\s?cit))",
    re.IGNORECASE,
)
"""A note at the foot of a letter: a marker, then a citation (a year, "Ibid.", "p. 4", a URL)."""


_DEFINITION = re.compile(r"^[A-Z0-9][\w .&/’'()-]{0,28}:\s+\S")


_FORM_FIELD = re.compile(
    r"(?i)^(?:(?:your\s+)?(?:e-?mail(?:\s+address)?|first\s+name|last\s+name|surname|"
    r"full\s+name|(?:post|zip)\s?code|phone(?:\s+number)?|location|country|city|"
    r"profession|occupation|job\s+title|"
    # the same form in other languages: "Statusgruppe", "Absenden", "Prénom", "Courriel",
    # "Apellidos", "Correo electrónico", "Sobrenome" (a bare "Name" or "Nom" may head a
    # table of signers)
    r"statusgruppe|absenden|prénom|prenom|courriel|apellidos?|"
    r"correo\s+electr[óo]nico|sobrenome|"
    r"organi[sz]ation(?:\s+name)?|title\s+and\s+(?:organi[sz]ation|congregation|affiliation)|"
    r"(?:title|affiliation)(?:\s+\(optional\))?)\s*\*?:?|"
    r"(?:become\s+a\s+signatory|add\s+(?:your|my)\s+name|(?:brief\s+)?mitzeichnen|"
    r"jetzt\s+(?:unterzeichnen|unterschreiben|mitzeichnen)|signer\s+la\s+lettre|"
    r"firmar\s+la\s+carta|assinar\s+a\s+carta|"
    r"sign\s+(?:the|this|our)\s+(?:open\s+)?(?:letter|petition)(?:\s+now)?|"
    r"please\s+enter\b.*|i\s+agree\s+to\b.*|you\s+(?:may|can)\s+unsubscribe\b.*)[.!]?)$"
)
"""A sign-up form's field labels and prompts under a sign-on letter: not signers."""


_MAIL_ACTION = re.compile(
    r"(?i)^(?:reply(?: all)?|forward|responder(?: a todos)?|encaminhar|reenviar|"
    r"r[ée]pondre(?: à tous)?|transf[ée]rer|antworten|allen antworten|weiterleiten|"
    r"rispondi(?: a tutti)?|inoltra)$"
)
"""A mail client's buttons under the message ("Reply", "Forward", "Encaminhar")."""

_EPIGRAPH = re.compile(
    r"^[“\"«][^”\"»]{15,400}[”\"»]\s*(?:\([^()]{2,60}\)|[—–-]\s*[A-Z][^.]{1,60})$"
)
"""A quotation and its source on a line of its own, under the letter: a motto, not a
signer ("“The fear of the LORD is the beginning of wisdom …” (Proverbs 9:10)")."""

_DELIVERY_NOTE = re.compile(
    r"(?i)^(?:this|the|our) (?:letter|statement|submission|memorandum|petition)"
    r"(?: and (?:the |its |an? |our )?(?:\w+ ){0,2}\w+)? (?:was|were|has been|have been"
    r"|is being|will be) (?:also )?(?:sent|delivered|submitted|transmitted|hand-delivered"
    r"|e-?mailed|posted|faxed|presented)\b"
    r"|^(?:cette|la|notre) lettre a été (?:envoyée|transmise|remise|adressée|déposée)\b"
    r"|^(?:esta|la|nuestra) carta (?:fue|ha sido) (?:enviada|entregada|remitida|presentada)\b"
)
"""A page's note on how the letter went out ("This letter was sent by email and registered
post."): the page's words about the letter, not a signer, and the list ends there."""


def _beside_mail_action(page: _Page, index: int) -> bool:
    """The next or the previous line is a mail client's button too: the buttons come in a
    row ("Reply" / "Forward"), where one such word alone may be a signer ("FORWARD", a
    women's health organisation)."""
    for step in (-1, 1):
        at = index + step
        while 0 <= at < len(page.lines) and page.lines[at].blank:
            at += step
        if 0 <= at < len(page.lines) and _MAIL_ACTION.match(page.text(at).strip()):
            return True
    return False


_COUNTER = re.compile(
    r"(?i)^(?:[\d][\d,.\s]*|(?:people|supporters|persons|signers|signatories)\s+(?:have\s+)?"
    r"signed\b.*|goal\s*:?\s*[\d][\d,.]*|(?:personnes|personas)\s+(?:ont|han)\s+sign\w*.*)$"
)
"""A sign-on page's live counter: "3,482" / "people have signed" / "Goal: 5,000"."""


def _heads_signers(page: _Page, index: int) -> bool:
    """A heading that labels the group of signers under it ("Associations", "National").

    The lines under it, past a heading of a smaller group ("State and Local" over
    "Alabama" over the names), are signers: names, not prose and not links ("Important
    Documents" over links is no such label).
    """
    under = [i for i in page.after(index, 4) if not page.lines[i].heading][:3]
    return (
        _words(page.text(index)) <= 8
        and sum(
            _signer_like(page.text(i)) and not is_prose(page.text(i)) and not page.lines[i].link
            for i in under
        )
        >= min(3, len(under))
        >= 2
    )


_PAGER = re.compile(r"^[«‹←]\s*\S.*\S\s*$|^\S.*\S\s*[»›→]$")
"""A blog's link to its previous or next post: "« Earlier post title", "Next title »"."""


_DOCUMENT_TITLE = re.compile(
    r"(?i)^(?:(?:joint|open|press|public)\s+)?(?:statement|interview|report|article|video|"
    r"letter|press\s+release|op-?ed|study|podcast|briefing|submission|declaration|"
    r"d[ée]claration|communiqu[ée]|comunicado|informe|entrevista|rapport)\b"
)
"""The title of a document the page links to ("Statement by 121 Economists - Dec 2025")."""


_BRACKET_NOTE = re.compile(r"^(\[\d{1,3}\])\s*\S")
"""A line that opens with a note's number in brackets ("[2] FFII ICT sector analysis")."""


def _cited_above(page: _Page, index: int, marker: str) -> bool:
    """The letter above ``index`` cites ``marker`` ("[1]") inside a line: the line that
    opens with it is that note, not a signer."""
    return any(
        marker in (text := page.lines[i].text) and not text.lstrip().startswith(marker)
        for i in range(index)
    )


def _labelled_above(page: _Page, index: int) -> bool:
    """A signatory label ("Original signatories (21)") heads the run of short lines that
    ``index`` ends, nothing but names or links between them (each line's answer is kept
    on the page, so a list of hundreds is walked once)."""
    known = page.labelled
    path: list[int] = []
    found = False
    at = index
    while True:
        above = page.before(at, 1)
        if not above:
            break
        line = above[0]
        if line in known:
            found = known[line]
            break
        text = page.text(line)
        if is_signatory_label(text):
            found = True
            break
        if _words(text) > 8 or is_prose(text):
            break
        path.append(line)
        at = line
    for line in (index, *path):
        known[line] = found
    return found


def _entry_kind(page: _Page, index: int) -> str:
    """What a line after the close is: signer, label, note, contact, or not a signer."""
    ln = page.lines[index]
    text = ln.text.strip()
    if _FORM_FIELD.match(text):
        return "form"
    if is_name_placeholder(text):
        return "signer"  # "[write your name]": the template's signer
    if _PAGER.match(text) and _words(text) >= 3:
        return "link"  # "« Earlier post title" / "Next post title »": the page's pagination
    if (
        _DOCUMENT_TITLE.match(text)
        and (below := page.after(index, 1))
        and re.fullmatch(r"(?:https?://|www\.)\S+", page.text(below[0]).strip())
    ):
        # "Statement by 121 Economists - Dec 2025" over its bare link: the page's list of
        # related reading, not a signer
        return "link"
    if text[:5].lower() == "dear " and match_salutation(ln) is not None:
        return "heading"  # "Dear Chancellor …," under the signers: the next letter opens
    if _MAIL_ACTION.match(text) and _beside_mail_action(page, index):
        return "link"  # "Reply" / "Forward" under a mail client's copy of the letter
    listed = labelled_signers(text) if ":" in text else None
    if listed is not None and "," in listed:
        return "signer"  # "Firmantes: Centro …, Asociación …": the signers under their label
    if is_editor_note(text) or is_signatory_note(text) or is_bracketed_aside(text):
        return "note"
    if INITIATED_BY.match(text):
        return "note"  # "Initiated by the Committee for …": who started the letter
    if _DELIVERY_NOTE.match(text):
        return "prose"
    if text[:1] in '“"«' and _EPIGRAPH.match(text):
        return "other"  # "“The fear of the LORD is …” (Proverbs 9:10)": the page's motto
    if SIGNER_COUNT.match(text) or _COUNTER.match(text) or AND_MORE.match(text):
        return "label"  # "332 total signers as of 26 January", "[54 INITIAL SIGNERS …]"
    if ln.style == "footnote":
        return "footnote"  # a PDF's footnote, by its smaller type at the foot of a page
    dated = parse_date_line(text)
    if dated is not None and dated.published:
        return "other"  # "Last updated March 3, 2025. To add your network, …": the page's
    if dated is not None and dated.place is None and not names.is_person_name(text):
        return "date"  # "2 September 2025" under the signers: no footnote numbered 2
    if _NOTES_HEADING.match(text) or (_FOOTNOTE.match(text) and "\t" not in (ln.raw or "")):
        return "footnote"  # a table row ("1<tab>Name<tab>1995/1996<tab>Country") is no note
    marker = _BRACKET_NOTE.match(text)
    if marker is not None and _cited_above(page, index, marker.group(1)):
        return "footnote"  # "[1] Case C-440/05" under the signers, "… shipping[1]." above
    if (text.endswith(":") and re.fullmatch(r"[^:]{1,60}:", text)) or is_signatory_label(text):
        return "label"
    if parse_date_line(text) and not names.is_person_name(text):
        return "date"  # "Letter written March 3rd, 2022." after the signers
    if ":" in text and PLACE_LABEL.match(text) and _words(text) <= 6:
        return "date"  # "Place: Pune" over "Date: 08/01/2025": where the letter was signed
    if "\t" in (ln.raw or text):
        # a table row: a signer when one of its cells is a name (others may describe it,
        # a column of links or e-mail addresses among them)
        cells = [c.strip() for c in (ln.raw or text).split("\t") if c.strip()]
        named = [c for c in cells if not re.fullmatch(r"\(?\d{1,4}[.)]?", c)]
        if named and any(_words(c) <= 12 and _signer_like(c) for c in named):
            return "signer"
    if CONTACT_LINE.search(text) and _words(text) <= 14:
        return "contact"
    if (
        ln.link
        and _words(text) <= 6
        and names.is_person_name(text)
        and _labelled_above(page, index)
    ):
        return "signer"  # "Original signatories (21)" over names linked to their pages
    if ln.link and _words(text) <= 6:
        above = page.before(index, 1)
        if (
            above
            and close_strength(page.lines[above[0]]) == 2
            and _signer_like(text)
            and (has_org_word(text) or names.is_person_name(text))
        ):
            return "signer"  # "Sincerely," over the group's name linked to its own page
        return "link"
    if ln.heading or (ln.style or "") in ("h1", "h2"):
        if _heads_signers(page, index):
            return "label"  # "Associations" over the names it groups
        return "heading"
    definition = _DEFINITION.match(text)
    if (
        definition
        and not re.match(r"(?i)^(?:signed|sgd)", text)
        and not names.SIGNATURE_MARK.match(text)
        and not is_signatory_label(text.split(":", 1)[0] + ":")
    ):
        return "definition"  # "Tags: …", "IAB: Internet Architecture Board"
    if _name_list(text):
        return "signer"
    slashed = re.match(r"^(?P<name>[^/–|]{3,60}?)\s+[/–|]\s", text)
    if slashed and names.is_person_name(slashed.group("name").strip()):
        return "signer"  # "Ana Ruiz / Former member of parliament for …", however long
    if is_prose(text) and not _named_with_office(text):
        # ("Ana Julia, Governadora do Estado do Pará.": a signer and her office, full stop
        # or not, is no sentence)
        return "prose"
    bare = _unbulleted(text)
    if _SHARE_BUTTON.match(bare):
        return "link"  # "Tweet", "• Diáspora": the page's share buttons under the signer
    if _NOT_A_NAME.match(bare):
        # "Take action!", "• original french letter", "Appendix A.": a call, a link's
        # words or the next part's heading, none a signer's line
        return "heading" if _ANNEX_HEAD.match(bare) else "other"
    return "signer" if _signer_like(text) else "other"


def _unbulleted(text: str) -> str:
    """The line without the bullet a page's list put before it ("• Diáspora")."""
    return re.sub(r"^[•·▪◦*–-]\s+", "", text)


_NOT_A_NAME = re.compile(
    r"^(?:.*!\W*"  # an exclamation: names do not exclaim ("Turn Around, H&M!")
    # a line in lower case that no name particle starts ("van", "de", "d'", "al-")
    r"|(?!(?:van|von|de|der|den|da|di|du|del|della|dos|das|do|la|le|d['’]|al-|el-|bin|ibn|"
    r"ben|af|zu|y|e|und|and|et|c/o)\b)[a-zà-ÿ][a-zà-ÿ]+\s+[a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)*"
    r"|(?i:appendix|annex|annexe|anexo|attachment|enclosure|exhibit)\s+(?:[A-Z0-9IVX]{1,4}\b|\d)"
    r"[^\n]{0,80}"
    r")$"
)
"""A line after the close that cannot be a signer's by its shape."""
_SHARE_BUTTON = re.compile(
    rf"{_NETWORK_ALONE.pattern}|^(?:tweet|share|like|pin\s+it|print|e-?mail|x|reddit|"
    r"di[áa]spora\*?|quitter|gnu\s+social|pinterest|tumblr)$",
    re.IGNORECASE,
)
"""A share button or a social network's name alone on its line: the networks the page
footer's list (noise) names, and the buttons and networks it does not."""
_ANNEX_HEAD = re.compile(r"(?i)^(?:appendix|annex|annexe|anexo|attachment|enclosure|exhibit)\b")


_AFTERWORD = re.compile(
    r"(?i)^(?:author|editor|translator|publisher)[’']?s?[’']?\s+note\s*[:.–—-]|"
    # the post's own byline under the letter: "Posted June 20, 2016", "Written by Jordan
    # Kohl who lives in San Diego …"
    r"^(?:posted|published)\s+(?:on\s+)?(?=\S*\s*\S*\s*\d)|^written\s+by\s+\S|"
    r"^(?:update|postscript|nota del editor|nota de la redacci[oó]n|note de la r[ée]daction)"
    r"\s*(?:\([^)]{1,30}\))?\s*[:.–—-]\s+\S"
)
"""A note the page adds after the letter: "Author's note: …", "Update (May 3): …"."""


def _runs_to_width(lengths: list[int]) -> bool:
    """The lines of a wrapped paragraph: each but the last runs to most of the widest's
    length (a short name over a long note is two entries, not one paragraph)."""
    widest = max(lengths, default=0)
    return all(length >= 0.6 * widest for length in lengths[:-1])


def _notes_in_block(kinds: list[str]) -> int | None:
    """Where a run of two or more endnotes starts under signers in one block, when fewer
    signers than notes follow them (a page copied without blank lines), else None."""
    for j in range(1, len(kinds) - 1):
        if kinds[j] == kinds[j + 1] == "footnote" and "signer" in kinds[:j]:
            rest = kinds[j:]
            if rest.count("signer") < rest.count("footnote"):
                return j
            return None
    return None


def _copied_person(text: str) -> bool:
    """A cc entry: a person's name (with an honorific or an office after a comma)."""
    return (
        not is_prose(text)
        and _words(text) <= 20
        and (names.split_honorific(text)[0] is not None or names.is_person_name(name_part(text)))
    )


def _over_notes(
    page: _Page, blocks: list[list[int]], k: int, kinds: list[str], why: str
) -> int | None:
    """The block where signers resume after the notes that block ``k`` opens, the notes
    set aside as page noise for ``why``; None when block ``k`` opens no notes so followed."""
    resume = _signers_after_notes(page, blocks, k) if kinds[0] == "footnote" else None
    if resume is not None:
        for notes in blocks[k:resume]:
            for i in notes:
                page.noise[i] = why
    return resume


def _introduces_signers(page: _Page, blocks: list[list[int]], k: int) -> bool:
    """Block ``k`` is a paragraph about the letter's signatories, and a list of five or
    more signers follows it (a region's or group's name may head the list)."""
    joined = " ".join(page.text(i) for i in blocks[k])
    if not re.search(
        r"(?i)\b(?:signator(?:y|ies)|signers|signed\s+by|undersigned|signataires|firmantes)\b",
        joined,
    ):
        return False
    under = [i for b in blocks[k + 1 : k + 4] for i in b][:10]
    listed = [i for i in under if _signer_like(page.text(i)) and not is_prose(page.text(i))]
    return len(listed) >= 5 and len(listed) >= len(under) - 2


def _signers_after_notes(page: _Page, blocks: list[list[int]], k: int) -> int | None:
    """The block where a signer list goes on after endnotes set in its middle.

    "[SUBSEQUENT SIGNERS]" (or "More signatories:") over five or more signers, within
    the next blocks after the notes: the list resumes there.
    """
    for j in range(k + 1, min(len(blocks), k + 60)):
        first = page.text(blocks[j][0])
        # "INDIVIDUALS  Affiliations for identification only": a kind of signer, its note
        label = re.split(
            r"\s{2,}|\t|\s+(?=(?:affiliations?|titles?|institutions?)\b)",
            first,
            maxsplit=1,
            flags=re.IGNORECASE,
        )[0]
        if not (
            _words(first) <= 8
            and (
                re.search(r"(?i)\b(?:signers|signatories|signatures|signed by)\b", first)
                or (is_signatory_label(label) and label != first and is_signatory_note(first))
                or (is_signatory_label(first) and _words(first) <= 3)
            )
        ):
            continue
        under = [i for b in blocks[j:] for i in b][1:8]
        if sum(_signer_like(page.text(i)) and not is_prose(page.text(i)) for i in under) >= 5:
            return j
    return None


_LISTED_BELOW = re.compile(
    r"(?i)\b(?:listed|named|signed)\s+below\b|\(\s*(?:see\s+)?(?:the\s+)?(?:list\s+)?below\s*\)|"
    r"\bsee\s+(?:the\s+)?(?:full\s+)?list\s+below\b"
)


def _signers_listed_below(
    page: _Page, frm: int, cut: int, limit: int, heading_texts: set[str]
) -> tuple[int, int, int, str] | None:
    """A signature block that only says its signers are listed further down.

    Returns (the line saying so, the label over the list, the list's end, why it ends
    there), when the block opens with that line and a signatory label ("Organizations",
    "Signatories:") over at least three signers follows further down (notes between).
    """
    content = page.between(frm, cut)
    if not content or not _LISTED_BELOW.search(page.text(content[0])):
        return None
    for index in range(content[0] + 1, limit):
        if page.lines[index].blank or not is_signatory_label(page.text(index)):
            continue
        if sum(_signer_like(page.text(j)) for j in page.after(index, 6)) < 3:
            continue
        end, why = _tail_cut(page, index, limit, heading_texts)
        list_end, list_why = _signature_end(page, index, end)
        if list_end < end:
            end, why = list_end, list_why
        return content[0], index, end, why
    return None


def _attachment_page(page: _Page, index: int) -> bool:
    """A PDF page after the signatures that opens with a web address: a printout attached
    to the letter (a map, a web page), not more signers."""
    line = page.lines[index]
    if line.page is None:
        return False
    before = next((i for i in range(index - 1, -1, -1) if not page.lines[i].blank), None)
    if before is None or page.lines[before].page in (None, line.page):
        return False
    return re.search(r"https?://|www\.", page.text(index)) is not None


def _heads_a_list(page: _Page, block: list[int], below: list[list[int]]) -> bool:
    """A group's label over its listed signers (``heads_a_list``), the list mostly signers."""
    if len(block) != 1 or not below or not heads_a_list(page.lines, block[0]):
        return False
    items = below[0]
    return sum(_entry_kind(page, i) == "signer" for i in items) >= 0.8 * len(items)


_SECTION_RULE = re.compile(r"[-–—=*~]{3,}")
"""A rule across the page ("-----", "***"); a row of underscores is a line to sign on."""


_PRESS_CONTACT = re.compile(
    r"(?i)^(?:for\s+)?(?:media|press)\s+(?:contact|enquir|inquir)|^for more information|"
    # "Contact information:" over addresses to write to, after the signer
    r"^contact\s+(?:information|info|details|addresses)\s*:|"
    # "Kontakt für Rückfragen: …", "Pressekontakt:", "Contact presse :", "Contacto:"
    r"^(?:presse)?kontakt(?:\s+für\s+rückfragen)?\s*:|^rückfragen(?:\s+an)?\s*:|"
    r"^contact\s+(?:presse|m[ée]dias?)\s*:|^contacto(?:\s+de\s+prensa)?\s*:|"
    r"^contato(?:\s+(?:para\s+)?(?:a\s+)?imprensa)?\s*:"
)
"""A line that opens the press contact's details, not a list of signers."""


_GROUP_DESCRIBED = re.compile(
    r"(?i)^(?:an?\s+(?:collective|coalition|group|network|alliance)\s+of|"
    r"representatives\s+of|members\s+of)\b[^,]*,|"
    # "A group of ethnic minority local residents who concern about the future of HK"
    r"^an?\s+(?:collective|coalition|group|network|alliance)\s+of\s[^,]*\b(?:who|that)\s"
)
"""The first line of a description of who signs, listing kinds of people ("A collective of
human rights organizations, victims' advocates, …", "Representatives of the opposition,
independent journalists, writers …", "A group of local residents who …"); "Members of the
Riverside Union" alone signs."""
_TARGET_DETAILS = re.compile(r"(?i)^(?:target|addressee|recipient)['’]?s?\s+contact\s+details\b")
"""An urgent action's "TARGET'S CONTACT DETAILS" heading over the official written to."""


_BLANK_FIELD = re.compile(rf"^{BRACKETED_BLANK}[\"”'’,.]*$")
"""A template's blank on its own line ("[YOUR ADDRESS]", "<Email>"), a stray quote after it."""


def _after_template_blanks(page: _Page, block: list[int]) -> int | None:
    """The first line after a template's signature blanks ("[YOUR NAME]" and the blanks
    under it) when the block runs on past them into other text; None otherwise."""
    if not block or not is_name_placeholder(page.text(block[0])):
        return None
    at = 1
    while at < len(block) and _BLANK_FIELD.match(page.text(block[at]).strip()):
        at += 1
    if at >= len(block) or len(block) - at < 2:
        return None  # the blanks end the block, or one line after them (a title)
    return block[at]


def _signature_end(page: _Page, frm: int, limit: int) -> tuple[int, str]:
    """Where the signature block that starts at ``frm`` ends.

    Signers come in blocks of one shape; the list ends at the first block (after some
    signers) where most lines are not signers: term definitions ("ABC: …"), prose, link
    rows, headings, or a list of another kind than the signers'.
    """
    seen = 0
    signer_list: str | None = None
    label_at: int | None = None  # a label with nothing under it yet ("My answers:")
    dated_after = False  # the letter's date came under the signers
    date_at = -1

    def kind_of_list_of(lines: list[int]) -> str:
        return page.lines[lines[0]].list_kind or (
            "marker" if split_marker(page.text(lines[0])) else "plain"
        )

    blocks = _blocks_between(page, frm, limit)
    copies = False  # in a cc list (its entries may stand in blocks of their own)
    bare_copies = False  # right under a "cc:" label that has nothing after it
    k = -1
    while k + 1 < len(blocks):
        k += 1
        block = blocks[k]
        if _TAIL_PART.match(page.text(block[0])) or CC_LINE.match(page.text(block[0])):
            label = CC_LINE.match(page.text(block[0]))
            copies = label is not None
            # "cc:" alone on its line: the block under it is its list, whatever it names
            bare_copies = label is not None and len(block) == 1 and not label.group("rest")
            dated_after = False  # what follows is the copies' or enclosures' list
            continue  # a cc list, enclosures or a postscript after the signers
        if copies and (
            all(_copied_person(page.text(i)) for i in block)
            or (
                bare_copies
                and all(_words(page.text(i)) <= 20 and not is_prose(page.text(i)) for i in block)
            )
        ):
            # "Dr. Martin Makary, Commissioner, …" under "cc: Dr. Mehmet Oz, …"; "The
            # Chairperson of Council" / "The Secretary, Staff Union" under "cc:" alone
            bare_copies = False
            continue
        copies = bare_copies = False
        kinds = [_entry_kind(page, i) for i in block]
        joined = " ".join(page.text(i) for i in block)
        if (
            len(block) >= 2
            and not any(page.lines[i].hard for i in block)
            and kinds[0] != "footnote"  # endnotes whose last line ends a sentence
            and is_prose(joined)
            and len(joined) >= 60 * len(block)
            # a wrapped paragraph's lines but the last run to its width: a short name over
            # a long note ("Nathan Walker" / "Author's note: I sent …") is two entries
            and _runs_to_width([len(page.text(i)) for i in block])
            and not _name_list(joined)
            and not any("\t" in (page.lines[i].raw or page.text(i)) for i in block)
            and re.search(r"[a-zà-ÿ]{2}[.!?][”\"’)]*$|[a-zà-ÿ]{2}[.!?]\s+[A-ZÀ-Þ]", joined)
        ):
            kinds = ["prose"] * len(block)  # a paragraph wrapped over lines, not a list
        notes_at = _notes_in_block(kinds)
        remark = next(
            (
                j
                for j in range(1, len(block))
                if "signer" in kinds[:j] and _AFTERWORD.match(page.text(block[j]))
            ),
            None,
        )
        blanks_end = _after_template_blanks(page, block) if not seen else None
        if blanks_end is not None:
            # "[YOUR NAME]" / "[YOUR ADDRESS]" / "[YOUR EMAIL]", then "Choose state" and
            # the site's list of other letters, copied without a blank line: a template
            # is signed by its blanks; what runs on after them is the page's
            return blanks_end, "page text after the template's blanks for the sender"
        if remark is not None and (notes_at is None or remark < notes_at):
            # "Nathan Walker" / "Author's note: I sent a version of this letter to …": the
            # page's word after the letter, run onto the signer's block
            return block[remark], "the author's note after the signers"
        if notes_at is not None:
            # "David Lumm" / "[1] https://…" / "[2] https://…" / "Photo credit: …", copied
            # without blank lines: the signer's endnotes end the letter
            return block[notes_at], "endnotes after the signers"
        dated_at = next(
            (
                j
                for j in range(3, len(block) - 1)
                if kinds[j] == "date" and kinds[:j].count("signer") >= 3
            ),
            None,
        )
        if dated_at is not None and "signer" in kinds[dated_at + 1 :]:
            # "Cuestión Pública" / "Se firma el 8 de abril de 2022." / "Volver" / "Comparte":
            # a list of signers dated at its foot has ended; the page runs on under it
            return block[dated_at + 1], "the page after the signers' list and its date"
        run_on = next(
            (
                j
                for j in range(1, len(block) - 1)
                if kinds[j] in ("prose", "definition")
                and is_prose(page.text(block[j]))
                and _words(page.text(block[j])) >= 15
                and 1 <= kinds[:j].count("signer") <= 3
                and all(kd in ("signer", "contact", "note") for kd in kinds[:j])
                # "a)Uphold your promise …" / "b)Introduce a bill …": items of one list
                and not (
                    split_marker(page.text(block[j])) and split_marker(page.text(block[j - 1]))
                )
            ),
            None,
        )
        if not seen and run_on is not None:
            # "Jane Roe" / "The following section is for readers who want the background."
            # / "BACKGROUND" / …: a page copied without blank lines runs its next part onto
            # the signer; a sentence of some length after the signer's lines is that part
            return block[run_on], "prose after the signer (the page's next part)"
        tail_prose = len(block)
        while (
            tail_prose > 0
            and kinds[tail_prose - 1] in ("prose", "footnote")
            and _words(page.text(block[tail_prose - 1])) >= 25
        ):
            tail_prose -= 1
        if tail_prose < len(block) and kinds[:tail_prose].count("signer") >= 5:
            # a long list of signers, then the page's notes as paragraphs, copied without a
            # blank line between: the notes end the letter
            return block[tail_prose], "notes after the signers"
        if seen and _PRESS_CONTACT.match(page.text(block[0])):
            return block[0], "a press contact after the signers"
        if not seen and _GROUP_DESCRIBED.match(page.text(block[0]).strip()):
            # "Representatives of the Russian opposition, independent journalists, writers
            # …" / "A collective of human rights organizations, victims' advocates, …": who
            # signs, described, not named; its wrapped lines in lower case go with it
            described = [block[0]]
            for i in block[1:]:
                if not page.text(i)[:1].islower():
                    break
                described.append(i)
            for i in described:
                page.noise[i] = "a description of the signing group"
            if len(described) == len(block):
                continue
            block = block[len(described) :]
            kinds = kinds[len(described) :]
        if _TARGET_DETAILS.match(page.text(block[0])):
            # an urgent action's template letter, "Yours sincerely," left for the sender to
            # sign, then "TARGET'S CONTACT DETAILS": the official's address, no signer
            return block[0], "the contact details of the official written to"
        contact_at = next(
            (
                j
                for j in range(1, len(block))
                if "signer" in kinds[:j] and _PRESS_CONTACT.match(page.text(block[j]))
            ),
            None,
        )
        if contact_at is not None:
            # "Margaret Fung" / "Executive Director" / "For more information, contact:" /
            # her name again with a telephone number, copied without blank lines
            return block[contact_at], "a press contact after the signers"
        buttons_at = next(
            (
                j
                for j in range(1, len(block))
                if kinds[j] == "link"
                and _SHARE_BUTTON.match(_unbulleted(page.text(block[j]).strip()))
                and "signer" in kinds[:j]
                and 2 * sum(kd != "signer" for kd in kinds[j:]) >= len(kinds) - j
                and len(kinds) - j >= 3
            ),
            None,
        )
        if buttons_at is not None:
            # "Mr Abhijay Sood (Student MSc Physics)" / "Tweet" / "news" / "on campus" …:
            # the page's buttons and menu run onto the signers, copied without a blank line
            return block[buttons_at], "the page's buttons and menu after the signers"
        pager_at = next(
            (
                j
                for j in range(1, len(block))
                if kinds[j] == "link"
                and _PAGER.match(page.text(block[j]).strip())
                and "signer" in kinds[:j]
            ),
            None,
        )
        if pager_at is not None:
            # "Raul Henry" / "17 Dec 2013" / "« Earlier post title" / "Next post title »":
            # the blog's links to its other posts run onto the signer
            return block[pager_at], "the page's links to its other posts after the signer"
        if seen and _ANNEX_HEAD.match(page.text(block[0]).strip()) and kinds[0] == "heading":
            return block[0], "an annex after the signers"
        if re.fullmatch(r"#{3}|-\s*30\s*-", page.text(block[0]).strip()):
            return block[0], "a press release's end mark ('###'): its boilerplate follows"
        if seen and _attachment_page(page, block[0]):
            return block[0], "an attachment begins on the next page"
        if (
            seen
            and k
            and any(
                page.noise.get(i) == "decoration" and _SECTION_RULE.fullmatch(page.text(i).strip())
                for i in range(blocks[k - 1][-1] + 1, block[0])
            )
        ):
            # "Ana Ferreira" / "General Secretary" / "-----" / "ALSO THIS MONTH": a rule
            # under the signers ends the letter
            return block[0], "a rule after the signers"
        if (
            seen
            and dated_after
            and signer_list == "plain"
            and kind_of_list_of(block) != "plain"
            # "FIRMAS CARTA A LA CCMA" over the list: the letter's signatures go on there
            and not (label_at is not None and is_signatory_label(page.text(label_at)))
            and not any(
                kd == "signer" and kind_of_list_of([i]) == "plain"
                for kd, i in zip(kinds, block, strict=True)
            )
        ):
            # "Tahlia Harris — Researcher, …" / "16 June 2025" / "Law reform" / "• Submission
            # on …": after the signers and their date, a list of the page's links (and the
            # section's name over it)
            end = label_at if label_at is not None else block[0]
            above = blocks[k - 1] if k else []
            if (
                len(above) == 1
                and above[0] > date_at
                and "," not in page.text(above[0])
                and _words(page.text(above[0])) <= 4
                and not names.is_person_name(page.text(above[0]))
            ):
                end = min(end, above[0])
            return end, "a list of links after the dated signers"
        if all(k == "label" for k in kinds) or _heads_a_list(page, block, blocks[k + 1 :]):
            label_at = block[0] if label_at is None else label_at
            continue
        if kinds.count("form") >= 2:
            # a sign-up form ("Become a signatory", "Email", "First Name" …): what is above
            # it in its block is the form's heading and count, not signers (unless signers
            # run straight into it: "• Prof. Dr. Ulrike Sommer, …" / "Brief mitzeichnen")
            first_form = kinds.index("form")
            if kinds[:first_form].count("signer") >= 3:
                return block[first_form], "a sign-up form"
            return label_at if label_at is not None else block[0], "a sign-up form"
        signers = kinds.count("signer")
        bad = sum(
            1
            for k in kinds
            if k in ("definition", "prose", "link", "heading", "other", "footnote", "form")
        )
        kind_of_list = kind_of_list_of(block)
        end = label_at if label_at is not None else block[0]
        if (
            seen >= 10
            and bad > signers
            and len(block) <= 2
            and "footnote" not in kinds
            and sum(_entry_kind(page, b[0]) == "signer" for b in blocks[k + 1 : k + 6]) >= 4
        ):
            # one odd entry in a long list ("…, California State. University, East Bay"),
            # the list going on after it: an entry, not the list's end
            seen += len(block)
            continue
        if seen and bad > signers:
            # endnotes set between the first signers and the rest of the list
            resume = _over_notes(page, blocks, k, kinds, "notes between the signers")
            if resume is not None:
                k = resume - 1
                continue
            previous = blocks[k - 1] if k else []
            if (
                label_at is None
                and kinds[0] == "prose"
                and len(previous) == 1
                and _words(page.text(previous[0])) <= 6
                and not re.search(r"[.,;:]$", page.text(previous[0]))
                and not names.is_person_name(name_part(page.text(previous[0])))
                and not is_organisation(page.text(previous[0]))
                and not has_org_word(page.text(previous[0]))
                and not is_name_placeholder(page.text(previous[0]))  # "your name here"
            ):
                end = previous[0]  # "General comments" heads the prose after the signers
            if kinds[0] == "date" and len(block) > 1 and end == block[0]:
                # "Dated: 5 June 2025" / "Signatures received after this date are not …":
                # the letter's date under its signers stays with them, the note goes
                end = block[1]
            return end, f"{kinds[0] if bad else 'other'} lines after {seen} signer lines"
        if not seen and bad and not signers:
            # the letter's endnotes, then "Signatories" over the list: the list is its
            # signers (a letter with no close ends on its notes)
            resume = _over_notes(page, blocks, k, kinds, "notes before the signers")
            if resume is not None:
                k = resume - 1
                continue
            if kinds[0] == "prose" and _introduces_signers(page, blocks, k):
                # "Yours sincerely," / "The over 145 signatories of this letter, from 28
                # Member States, represent …" / "EUROPE" / the list: the paragraph tells
                # who signs; the list under it is the signers
                for i in block:
                    page.noise[i] = "a note on the signatories"
                continue
            return end, f"{kinds[0]} after the close, no signers (an annex or page text)"
        if (
            seen >= 3
            and signer_list is not None
            and kind_of_list != signer_list
            and len(block) >= 3
            and "label" not in kinds[:1]
            # "Mitunterzeichnende Fachschaften:" over a list of its own goes on with the
            # signers ("Important Documents" over links does not)
            and not (
                label_at is not None
                and (
                    is_signatory_label(page.text(label_at))
                    or page.text(label_at).rstrip().endswith(":")
                )
            )
        ):
            return end, "a list of another shape after the signers"
        if (
            seen >= 5
            and signer_list not in (None, "plain")
            and kind_of_list == "plain"
            and len(block) <= 2
            and "label" not in kinds
            and not all(k in ("date", "note") for k in kinds)  # "2 September 2025" under it
            # the page went on listing signers, its items no longer marked as a list
            and sum(_entry_kind(page, b[0]) == "signer" for b in blocks[k + 1 : k + 6]) < 4
        ):
            # a bulleted list of signers, then a bare line ("budgetlibraries", the page's
            # tags run together): the list has ended
            return end, "an unlisted line after a list of signers"
        if seen and kinds and all(kd == "date" for kd in kinds):
            dated_after = True  # the letter's date under its signers
            date_at = block[-1]
        if signers:
            seen += signers
            # the shape of the list the signers are in now ("Oklahoma Faith Leaders" over
            # "1. Bishop …", "2. Father …": the numbered list is the one that goes on)
            signer_list = kind_of_list
            label_at = None
    return limit, "end of the letter"
