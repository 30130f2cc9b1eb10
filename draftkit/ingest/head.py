"""The letter's head: walking up from the salutation to where the letter starts.

Below the inside address: date, subject, cc and mail-header blocks; the address group;
above it at most a letterhead or the letter's title. What lies above the head is the page
(its heading and publication date are kept as context for the preamble).
"""

from __future__ import annotations

import re

from draftkit.ingest import names
from draftkit.ingest.anchors import close_strength
from draftkit.ingest.dates import LEADS_INTO_DATE, parse_date_line
from draftkit.ingest.head_lines import (
    ATTENTION_LINE,
    CC_LINE,
    CONTACT_ONLY,
    DRAFTKIT_HEAD_STYLES,
    MAIL_HEADER,
    POST_BYLINE,
    REFERENCE_LINE,
    SUBJECT_LINE,
    TO_LINE,
    is_person_line,
    name_part,
)
from draftkit.ingest.headless import introduces_letter
from draftkit.ingest.organisations import has_org_word
from draftkit.ingest.page import (
    _HEADING_STYLES,
    _LETTER_HEADING,
    _blocks_between,
    _clip,
    _head_line,
    _Page,
    _words,
    is_prose,
)
from draftkit.ingest.postal import is_address_start, is_postal_line
from draftkit.sentences import split_marker

_ABBREVIATED = re.compile(
    r"\b(?:Exm[oa]s?|Excm[oa]s?|Ilm[oa]s?|Sr[as]?|Sres|Dr[as]?|Prof|Mrs?|Ms|Hon)\."
)
"""Honorifics written with a full stop: no sentence ends there."""


def _head_block_kind(page: _Page, block: list[int]) -> str:
    """What a block above the salutation is: date, subject, cc, address, heading, page."""
    texts = [page.text(i).rstrip(",") for i in block]
    first = texts[0]
    fields = {t.split(":", 1)[0].strip().lower() for t in texts if MAIL_HEADER.match(t)}
    if (
        len(texts) >= 2
        and len(fields) >= 2
        # a letter's own "Date:" and "Subject:" lines are no e-mail's header without a
        # sender or a sending time
        and fields & {"from", "sent", "von", "gesendet", "de", "envoyé", "enviado", "reply-to"}
    ):
        # "From: …" / "Sent: …": two fields at least; "Cc: …" / "Cc: …" is a copy list
        return "mail header"
    if SUBJECT_LINE.match(first) and len(texts) <= 3:
        return "subject"
    if re.match(r"^(?:,,|„|“|«)", first) and len(texts) >= 2:
        return "prose"  # „Because we are not interested in …" / "excerpt from …": a motto
    if len(texts) == 1 and _words(first) >= 6 and introduces_letter([first]):
        # "Veja a carta que o bispo enviou hoje ao presidente Lula:": the page's words
        # over the letter, not its address
        return "prose"
    if close_strength(page.lines[block[0]]) == 2 and len(texts) >= 2:
        # "Best regards," over names: the end of a letter above this one, never its head
        return "prose"
    if (
        len(texts) == 1
        and (to := TO_LINE.match(first))
        and re.match(r"(?i)^(?:para|à|destinat|aan|an)\b", first)
        and _words(first) <= 60
        and not re.search(r"[a-zà-ÿ]{3}[.!?]\s", _ABBREVIATED.sub("", to.group("rest")))
    ):
        # "Para: Exmo. Senhor Primeiro-Ministro, Exma. Senhora Ministra, …, Povo de
        # Portugal": the addressees listed on one labelled line, long as a paragraph
        return "address"
    if len(texts) == 1 and re.match(r"(?i)^letter\s+dated\s", first) and parse_date_line(first):
        return "date"  # "Letter dated 30 September 2020 from X to Y", a UN-style title
    if (
        len(texts) >= 3
        and (is_person_line(first) or names.is_title_line(first) or has_org_word(first))
        and not is_prose(first)
        and is_postal_line(texts[-1])
        and not any(re.search(r"[a-z]{3}[.!?]$", t) for t in texts)
    ):
        # an institution over its postal address, a long wrapped line of offices between
        return "address"
    if any(is_prose(t) for t in texts):
        return "prose"
    if (
        len(texts) >= 4
        and sum(1 for t in texts if len(t.split()) == 1 and t[:1].isupper()) >= len(texts) - 1
    ):
        return "page"  # a site's name over its menu, a word a line ("Inicio" / "Nosotros")
    if (
        len(texts) == 2
        and _LETTER_HEADING.search(first)
        and parse_date_line(texts[1])
        and not is_person_line(first)
    ):
        return "heading"  # "Carta abierta al Congreso …" / "13/03/2025": the post's title
    if ATTENTION_LINE.match(first):
        return "address"  # "A la atención de Fernando …", even set as the page's heading
    if any((page.lines[i].style or "") in _HEADING_STYLES for i in block):
        return "heading"
    if len(block) == 1 and parse_date_line(first):
        return "published" if parse_date_line(first).published else "date"  # type: ignore[union-attr]
    if (
        len(block) == 1
        and re.match(r"(?i)^(?:by|par|por|von)\s+\S", first)
        and any(parse_date_line(part.strip()) for part in re.split(r"\s[|·•]\s", first)[1:])
    ):
        return "published"  # "By ICDL Policy Team | 28 January 2025": the page's byline
    if CC_LINE.match(first):
        return "cc"
    if len(texts) >= 3 and any(
        re.match(r"^[Bb]y\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}$", t)
        or ((dated := parse_date_line(t)) is not None and dated.published)
        for t in texts
    ):
        # a blog's name, menu, post title, "Written on Jan 19, 2017" and "by Greg" run
        # together: the page's head, not the letter's address
        return "page"
    if all(CONTACT_ONLY.match(t) for t in texts):
        return "contact"  # "Email: info@adalet.gov.tr" under the address: how to reach them
    if (
        len(texts) == 1
        and _RETURN_LINE.match(first)
        and is_postal_line(_RETURN_LINE_END.split(first)[-1])
    ):
        # "Verband Leben e.V. · Severinstraße 10 · 50678 Köln": the sender's return line
        # over a window envelope's address (DIN 5008), the letterhead's, not the addressee's
        return "letterhead"
    if not all(_head_line(t) or _address_line(t) for t in texts):
        return "page"
    if re.match(r"[a-zà-ÿ]", first) and not re.match(
        r"(?:van|von|de|der|den|da|di|du|del|la|le|d['’]|c/o)\b", first
    ):
        return "page"  # an address line starts with a capital: "tags author name" does not
    if any(
        page.lines[i].list_kind
        or (
            split_marker(page.text(i))
            and not names.split_honorific(page.text(i))[0]
            and not parse_date_line(page.text(i))  # "13. Oktober 2025" is no list item
        )
        for i in block
    ):
        above = page.before(block[0], 1)
        if (
            above
            and re.fullmatch(r"(?i)(?:to|a|à|para|an)\s*[,:]?", page.text(above[0]).strip())
            and all(page.lines[i].list_kind or split_marker(page.text(i)) for i in block)
        ):
            # "Para:" over "• Standard Bank Moçambique, S.A." / "• Nedbank Group Limited":
            # the institutions written to, one a bullet
            return "address"
        return "page"  # a list of links or items is no inside address ("C. Ana Ruiz" is)
    if (
        len(block) == 1
        and _LETTER_HEADING.search(first)
        and not TO_LINE.match(first)
        and not names.split_honorific(first)[0]
    ):
        return "heading"
    if TO_LINE.match(first) or re.match(r"(?i)^(?:to|a|à|para)\s*[,:]?$", first):
        return "address"
    if (
        is_person_line(first)
        or names.split_honorific(first)[0]
        or names.is_person_name(name_part(first))
        or names.is_title_line(first)
        or (has_org_word(first) and _words(first) <= 10)
        or any(is_postal_line(t) or is_address_start(t) for t in texts)
    ):
        return "address"
    if any(parse_date_line(t) for t in texts):
        return "address"  # a block closing with its date ("… Den Haag 04.09.2022")
    return "label"


_RETURN_LINE = re.compile(r"^[^·|•]{2,80}(?:\s[·|•]\s[^·|•]{2,60}){2,3}$")
"""A sender's name, street and town on one line, parted by middle dots or bars."""
_RETURN_LINE_END = re.compile(r"\s[·|•]\s")


def _cc_entries_under_label(page: _Page, label: list[int], block: list[int]) -> bool:
    """True for a block of cc entries set apart from the bare label ("Copy:") above it."""
    match = CC_LINE.match(page.text(label[0]))
    if len(label) != 1 or match is None or match.group("rest").strip():
        return False
    texts = []
    for i in block:
        text = page.text(i).rstrip(",;")
        marker = split_marker(text)
        texts.append(marker[2] if marker and marker[0] == "bullet" else text)
    return len(texts) <= 30 and all(
        _words(t) <= 25
        and re.match(r"[A-ZÀ-Þ]", t) is not None
        and not re.search(r"[a-z]{3}[.!?]$", t)
        and (is_person_line(t) or names.is_person_name(name_part(t)) or "," in t)
        for t in texts
    )


def _address_line(text: str) -> bool:
    email = re.search(r"\S@[\w-]+\.\w", text) is not None  # not "@handle", a byline
    return is_postal_line(text) or is_address_start(text) or email


def _dated_last_line(page: _Page, block: list[int]) -> bool:
    """A block of page text or letterhead whose last line is the letter's date.

    With no blank line under the page's text or the sender's block, the date right above
    the greeting or the inside address is the letter's own ("Toulouse, le 23 novembre
    2016" as the last line of the letterhead); a byline ("June 3, 2020 · 2 min read") is not.
    """
    if len(block) >= 3 and REFERENCE_LINE.match(page.text(block[-1]).strip()):
        block = block[:-1]  # "Dakar, le 17 février 2025" / "N/Réf. : 014/CMAC/2025"
    last = page.text(block[-1])
    return (
        len(block) >= 2
        and _words(last) <= 6
        and parse_date_line(last) is not None
        and not re.search(r"(?i)[·|•]|\b(?:read|posted|published|updated)\b", last)
        # "… zur öffentlichen Anhörung am" / "13. Oktober 2025": a line wrapped before
        # its date, the rest of the line above
        and not LEADS_INTO_DATE.search(page.text(block[-2]))
        # "By Students of Imperial" / "Saturday, 23rd June 2018": the post's byline and date
        and not POST_BYLINE.match(page.text(block[-2]).strip())
    )


def _addressed_tail(page: _Page, block: list[int]) -> int | None:
    """Where an inside address opened by "To:" starts inside a block of page text.

    A page copied without blank lines runs its own text into the address above the
    greeting ("The letter below was delivered on …" / "To: The Hon. Ana Ruiz MP" /
    "Minister for …" / "Parliament House …"): the "To:" line and the short lines under
    it are the letter's.
    """
    for position in range(len(block) - 1, 0, -1):
        text = page.text(block[position])
        if re.match(r"^(?:To|TO)\s*:\s*\S", text):
            rest = [page.text(i) for i in block[position:]]
            if len(rest) <= 8 and all(_words(t) <= 14 and not is_prose(t) for t in rest[1:]):
                return block[position]
            return None
    return None


def _letter_part_of(
    page: _Page, block: list[int], undated: bool, *, addressed: bool = False
) -> int | None:
    """Where the letter's head starts inside a block the walk up stops at, or None.

    Its last line is the letter's date (when no date was taken below it), or, in the
    block right above the greeting (``addressed``), a "To:" address closes it.
    """
    if undated and _dated_last_line(page, block):
        # "The Rt Hon …" / "Home Office" / "London SW1P 4DF" / "14 January 2025" run into
        # the page's text above the greeting: the address over the date is the head too
        lined = _lined_head(page, block) if addressed else None
        if lined is None and REFERENCE_LINE.match(page.text(block[-1]).strip()):
            return block[-2]  # the date, with the file reference under it
        return lined if lined is not None else block[-1]
    if addressed:
        # "To: The Hon. …" under the page's text, or an address set line by line under it
        return _addressed_tail(page, block) or _lined_head(page, block)
    return None


_EDGES = ("prose", "heading", "published", "date")
"""Lines that end an address block run together with the page above it (a wrapped
address line may read as page text: only these cut the block)."""


def _lined_head(page: _Page, block: list[int]) -> int | None:
    """Where the letter's head starts in a block copied without blank lines, or None.

    A page copied without blank lines runs its own text, the inside address, the date
    and the subject into one block above the greeting. Read line by line from the
    bottom: subject, date and cc lines, then the address lines (a courtesy line such
    as "Herrn" at their top) and the letter's date over them when none was below;
    prose, a heading or a second date above the address is the page's. The head needs
    an address line, at most twelve lines and an edge inside the block: None when the
    whole block reads as the head (the walk takes it as it is).
    """
    addressed = dated = False
    start: int | None = None
    for position in range(len(block) - 1, -1, -1):
        index = block[position]
        kind = _head_block_kind(page, [index])
        if not addressed and kind in ("subject", "date", "cc"):
            dated = dated or kind == "date"
            start = index
            continue
        if kind in ("address", "label") and _words(page.text(index)) <= 12:
            addressed = addressed or kind == "address"
            start = index
            continue
        if kind == "date" and not dated:
            start = index  # the letter's date over its address: the head's top line
            break
        if kind in (*_EDGES, "page"):
            break
        return None
    if not addressed or start is None or start == block[0] or block[-1] - start >= 12:
        return None
    return start


_OPENS_ADDRESS = re.compile(
    r"(?i)^(?!(?:a|à)\s+(?:la\s+atenci[óo]n|l['’]attention|aten[çc][ãa]o)\s+d\w*\s*:?\s*$)"
    r"(?:to|a|à|ao|aos|às|al|au|aux|para|an\s+(?:die|den|das))\b"
)
"""A "To," line (or "À …", "Para …") that opens the inside address ("A la atención de:"
alone on its line marks a block that may stand under another addressee's)."""


def _head_blocks(page: _Page, end: int) -> tuple[list[list[int]], list[str]]:
    """The blocks above line ``end`` and what each is."""
    blocks: list[list[int]] = []
    for block in _blocks_between(page, 0, end):
        # "Email Preview" / "Review your letter" / "To:" / "a@b.org" / "Subject: …" copied
        # without blank lines: a bare "To:" label starts the letter's head
        cuts = [k for k, i in enumerate(block) if k and _BARE_TO.match(page.text(i))]
        if (
            block
            and block[-1] + 1 >= end - 1
            and len(block) >= 3
            and _head_block_kind(page, block) == "prose"
        ):
            # the block right over the greeting, copied without blank lines, reads as prose:
            # its labelled subject and copy lines ("Con copia al …", "Asunto: …") at its end
            # are parts of their own
            labelled = [
                k
                for k, i in enumerate(block)
                if SUBJECT_LINE.match(page.text(i)) or CC_LINE.match(page.text(i))
            ]
            first = labelled[0] if labelled else 0
            if (
                labelled
                and labelled[-1] == len(block) - 1
                and labelled == list(range(first, len(block)))
                and first
                and is_prose(page.text(block[first - 1]))  # the post's text over them
            ):
                cuts = sorted({*cuts, *(k for k in labelled if k), *(k + 1 for k in labelled)})
                cuts = [k for k in cuts if 0 < k < len(block)]
        for start, stop in zip([0, *cuts], [*cuts, len(block)], strict=True):
            blocks.append(block[start:stop])
    return blocks, [_head_block_kind(page, block) for block in blocks]




_BARE_TO = re.compile(r"(?i)^(?:to|para|à|a|an|destinataires?)\s*:$")
"""A "To:" label alone on its line, its addresses under it."""


def _title_under_address(page: _Page, blocks: list[list[int]], kinds: list[str]) -> list[int]:
    """The lines of a title that names the letter between its inside address and its
    first line ("OPEN LETTER TO THE ASSEMBLY: Urging …" under the address block, over the
    greeting or, with none, the first paragraph); none when there is no such title."""
    if (
        len(blocks) < 2
        or kinds[-2] != "address"
        # a site's name alone over the post's title is no address block
        or len(blocks[-2]) < 2
        or kinds[-1] not in ("heading", "label", "address")
    ):
        return []
    last = blocks[-1]
    texts = [page.text(i) for i in last]
    joined = " ".join(texts)
    if (
        len(last) <= 3
        and _LETTER_HEADING.search(texts[0]) is not None
        and not any(is_prose(text) for text in texts)
        and not SUBJECT_LINE.match(texts[0])
        and not TO_LINE.match(texts[0])
        and not is_person_line(texts[0])
        and _words(joined) <= 30
        and not re.search(r"[.!?,;]$", joined)
    ):
        return last
    return []


def _letter_head(
    page: _Page, salutation: int, headless: bool
) -> tuple[int, list[int], list[str], list[int]]:
    """Walk up from the salutation: the first line of the letter, page context, notes,
    and the lines of a title naming the letter under its address (see
    :func:`_title_under_address`).

    Below the inside address: date, subject, cc and mail-header blocks. The address
    group: one or more addressee blocks. Above it: at most one block (a letterhead or the
    letter's title) directly above the date. Anything else (prose, a heading, a block that
    is not an address) ends the walk; the page's heading and publication date above it
    are kept as context for the preamble.
    """
    end = salutation + (1 if headless else 0)
    styled = [
        i
        for i in page.between(0, end)
        if (page.lines[i].style or "").lower() in DRAFTKIT_HEAD_STYLES
    ]
    if styled:
        # a document draftkit rendered names the parts of its head in its styles
        return styled[0], [], [], _title_under_address(page, *_head_blocks(page, end))
    blocks, kinds = _head_blocks(page, end)
    title = _title_under_address(page, blocks, kinds)
    if title:
        # the letter's title between its address and its first line: the walk goes on
        # up from the address (the title is the letter's heading, not an address line)
        blocks, kinds = blocks[:-1], kinds[:-1]
    for k in range(1, len(blocks)):
        if kinds[k] in ("prose", "page", "label", "address") and _cc_entries_under_label(
            page, blocks[k - 1], blocks[k]
        ):
            kinds[k] = "cc"  # "Copy:" alone, a blank line, then one "Name, office" per line
    start = end if headless else salutation
    phase = "below"  # below the first address block, or from there up
    previous_kind = ""
    extra_taken = False
    opened = False  # a "To," line opens the address: above it only a date or letterhead
    k = len(blocks) - 1
    while k >= 0:
        kind, block = kinds[k], blocks[k]
        text = page.text(block[0])
        titled = len(block) == 1 and _LETTER_HEADING.search(text) is not None
        accept = False
        if kind == "date" and any(
            _head_block_kind(page, blocks[j]) == "date" for j in range(k + 1, len(blocks))
        ):
            break  # a second date above the letter's own is the page's
        if (
            opened
            and kind not in ("date", "subject")
            and not (previous_kind == "date" and not extra_taken and kind in ("label", "address"))
            # "À Excelentíssima Senhora …" over "À Senhora …": each addressee opens so
            and not (kind == "address" and _OPENS_ADDRESS.match(text))
        ):
            if (split := _letter_part_of(page, block, "date" not in kinds[k + 1 :])) is not None:
                start, k = split, k - 1
            break
        if opened and previous_kind == "date" and kind in ("label", "address"):
            extra_taken = True
        if kind in ("subject", "cc", "mail header", "date", "address", "contact"):
            accept = True
        elif kind == "label" and not titled:
            above = kinds[k - 1] if k > 0 else ""
            if phase == "below" and (
                len(block) > 1 or above in ("address", "cc", "date", "subject", "mail header")
            ):
                # a single unplaceable line above the greeting is a title, unless the
                # letter's head goes on above it (an unlabelled subject under the cc list)
                accept = True
            elif previous_kind == "date" and not extra_taken:
                accept = extra_taken = True
            elif (
                phase == "in"
                and previous_kind == "address"
                and len(block) == 1
                # the address's name line is its top: nothing above it joins
                and names.split_honorific(page.text(start))[0] is None
                and not is_person_line(page.text(start))
                and _words(text) <= 12
                and not is_prose(text)
                and (
                    names.is_title_line(text)
                    or has_org_word(text)
                    or names.split_honorific(text)[0] is not None
                    or re.match(
                        r"(?i)^(?:the\s+)?(?:province|state|government|republic|kingdom|"
                        r"commonwealth|territory|region|county|city|municipality)\s+of\s+[A-Z]",
                        text,
                    )
                    is not None
                )
            ):
                # a word processor's export sets each address line as a paragraph of its
                # own: "The Honourable X" / "Minister of Health" / "Province of Y" / postal
                accept = True
                kind = "address"
        if kind == "address":
            phase = "in"
            top = _lined_head(page, block) if len(block) >= 5 else None
            if top is not None and (
                _head_block_kind(page, [top - 1]) in _EDGES
                # the letter's date over its address: the head's top line, whatever the
                # page set above it ("Partager", a menu) in the same block
                or _head_block_kind(page, [top]) == "date"
            ):
                start, k = top, k - 1  # the page's own lines run into the address: cut there
                break
        if not accept:
            split = _letter_part_of(
                page, block, "date" not in kinds[k + 1 :], addressed=k == len(blocks) - 1
            )
            if split is not None:
                start, k = split, k - 1
            break
        start = block[0]
        previous_kind = kind
        k -= 1
        if kind == "mail header":
            # an e-mail's headers open the message: nothing above is its head, nor the
            # page's title and notes run into their block above "From:"
            first = next((i for i in block if MAIL_HEADER.match(page.text(i))), block[0])
            if first != block[0]:
                start = first
                k += 1  # the lines above the headers are the page's
            break
        if kind == "address" and _OPENS_ADDRESS.match(text):
            opened = True
    notes: list[str] = []
    context: list[int] = []
    if k >= 0:
        notes.append(
            f"page text above line {start + 1}: {kinds[k]} ({_clip(page.text(blocks[k][0]))})"
        )
        heading: list[int] | None = None
        dated: list[int] | None = None
        for j in range(k, max(-1, k - 8), -1):
            single = len(blocks[j]) == 1
            text = page.text(blocks[j][0])
            if heading is None and (
                kinds[j] == "heading"
                or (single and kinds[j] in ("label", "address") and _LETTER_HEADING.search(text))
            ):
                heading = blocks[j][:1]
            elif dated is None and single and kinds[j] in ("published", "date"):
                dated = blocks[j]
            elif heading is None and single and kinds[j] in ("label", "address") and dated:
                heading = blocks[j]  # a title line just above the page's date
            if heading is not None and dated is not None:
                break
        context = sorted([*(heading or []), *(dated or [])])
    return start, context, notes, title
