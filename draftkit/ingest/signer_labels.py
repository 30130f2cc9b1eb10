"""Lines of a signature block that are not signers: the labels and headings over groups
of signers, counts of them, notes about them (affiliations for identification only, an
editor's note, signatures kept elsewhere), enclosures and the place of signing.
"""

from __future__ import annotations

import functools
import re

from draftkit.ingest import names
from draftkit.ingest.head_lines import CC_LINE
from draftkit.ingest.organisations import has_org_word
from draftkit.ingest.postal import is_postal_line
from draftkit.ingest.text import Line, normalise_space
from draftkit.sentences import split_marker

__all__ = [
    "AND_MORE",
    "CONTACT_LABEL",
    "CONTACT_LINE",
    "PLACE_LABEL",
    "SIGNER_COUNT",
    "heads_a_list",
    "is_bracketed_aside",
    "is_editor_note",
    "is_signatory_label",
    "is_signatory_note",
    "labelled_signers",
]

_SIGN_INTRO = re.compile(
    r"^(?:signed|signed by|signed on behalf of|signatories|signatures|signed,|"
    r"co-?signatories|co-?signers|co-?signatures|"
    r"co-?signed by|endorsed by|endorsing organi[sz]ations|supported by|"
    # "The 67 undersigned organizations": the count the letter gives of them
    r"(?:the\s+)?(?:\d[\d,]*\s+)?undersigned(?: organi[sz]ations| individuals)?|on behalf of|"
    # "The undersigned parents, carers, teachers and principals": who signs, not a signer
    r"the\s+(?:\d[\d,]*\s+)?undersigned\s+(?!of\b)[^\W\d][\w'’-]*,?(?:\s+[^\W\d][\w'’-]*,?){0,9}|"
    r"list of signatories|signataires|firmantes|organi[sz]ations|individuals|firmas|assinaturas|"
    # "The signatories," over the names
    r"the\s+(?:co-?)?(?:signatories|signers)|(?:los|las)\s+firmantes|os\s+signat[áa]rios|"
    # "FIRMAS CARTA A LA CCMA", "Signatures to the letter": the signatures of the letter
    r"(?:signatures|firmas|assinaturas)\s+(?:(?:de|da|del|of|to)\s+(?:la\s+|the\s+|a\s+)?)?"
    r"(?:carta|letter|lettre)(?:\s+[^:.]{1,50})?|"
    # "Premiers signataires :", "First signatories:", "Primeros firmantes:"
    r"(?:first|initial|premi(?:ers|[èe]res)|primer[oa]s|primeir[oa]s|erste)\s+"
    r"(?:signatories|signers|signataires|firmantes|signat[áa]ri[oa]s|unterzeichnende)|"
    r"signat[áa]ri[ao]s|assinam|firmatari|unterzeichnende(?: organisationen)?|"
    r"(?:mit|erst)unterzeichn(?:ende|er(?:innen)?)(?:\s+[^\W\d][\w-]*){0,2}|"
    r"die\s+(?:erst)?unterzeichn(?:enden|er(?:innen)?)|"
    r"organi[sz]ational signatories|individual signatories|sign-on organi[sz]ations|"
    r"firman(?: esta carta| la carta)?|firmado(?: por)?|suscriben|les signataires|"
    r"ont sign[ée]|sign[ée] par|liste des signataires|lista de firmantes|unterzeichnet|"
    r"list(?:ado|a)? (?:de|of) (?:organi[sz]a(?:tions|ciones)|signatories|signers|firmantes)"
    r"(?:\s+(?:firmantes|adherentes|signatarias))?"
    r"(?:\s+(?:and|y|e)\s+(?:individuals|personas|people)(?:\s+firmantes)?)?|"
    r"liste des (?:organisations|signataires)(?:\s+signataires)?(?:\s+et\s+personnes)?)"
    r"(?:\s*\(.*\))?\s*[:,.]?$",
    re.IGNORECASE,
)
_SECTION_AFTER = re.compile(
    r"^(?:(?:les|las|los|the|le|la|i|gli|le|die|os|as)\s+)?(?:Organi[sz]ations|Organizaciones|Groupes|Grupos|Individus|Personnes|Particuliers|"
    r"Personas|Signataires|Firmantes|Organizações|Entidades|Organizzazioni|Organisationen|"
    r"Organismes|Associations|Entités)"
    r"(?:\s+(?:r[ée]gionales|regionales|internationales|"
    r"internacionales|nationales|nacionales|locales|et|y|de|la|société|sociedad|civile|civil|"
    # Portuguese: "Organizações regionais e locais", "Entidades da sociedade civil"
    r"regionais|nacionais|internacionais|locais|e|da|do|sociedade|individuais|"
    r"individuels?|individuales|membres|miembros|signataires|firmantes|"
    r"signat[áa]ri[ao]s|firmatarie|unterzeichnende|"
    # a nationality: "guinéennes", "sénégalaises", "mexicanas", "hondureñas", "brasileiras"
    r"[a-zà-ÿ]{2,}(?:ennes|aises|aines|oises|anas|anos|eñas|eños|ecas|esas|enses|eiras)|"
    # "Organizaciones y colectivos de México": kinds joined, then where they are
    r"colectivos|collectifs|coletivos|redes|réseaux|movimientos|mouvements|movimentos|"
    r"grupos|groupes|personas|personnes|pessoas))*"
    r"(?:\s+(?:de|del|du|des|da|do|in|en|em)\s+(?-i:[A-ZÀ-Þ][\w-]+)(?:\s+(?-i:[A-ZÀ-Þ][\w-]+)){0,2})?"
    r"\s*:?$",
    re.IGNORECASE,
)
"""A section label with its adjectives after the noun ("Organisations Régionales et
Internationales", "Organizaciones nacionales", "Organisations guinéennes")."""
_SECTION = re.compile(
    r"^(?:(?:National|State|Local|International|Regional|Global|Individual|Organi[sz]ational|"
    r"Additional|Other|Original|Initial|Founding|First|Later|New|Latest|"
    r"Faith|Academic|Civil Society|Community|Youth|Supporting|Endorsing|"
    r"Partner|Member|Signatory|Signing|Co-?signing|European|African|Asian|American|U\.S\.|US|"
    r"Continental|Pan-African|Sub-regional|Subregional|Country|Country-level|Grassroots|"
    r"Religious|Grassroots|Labou?r|Business|Health|Legal|Latin|Media|Trade|Indigenous|"
    r"Environmental|Human Rights|Women['’]s|Student|Staff|Graduate|Undergraduate|Professional|"
    r"Administrative|Support|Teaching|Research|Clinical|Technical|"
    r"Postgraduate|Doctoral|and|&|,|"
    # a nationality or a region: "Indonesian organisations", "Pakistani groups"
    r"(?-i:[A-Z][a-z]+(?:an|ese|ish|i|ic)))\s*)*"
    r"(?:Organi[sz]ations|Groups|Individuals|Signatories|Signers|Endorsers|Members|"
    r"Coalitions|Networks|Experts|Academics|Faith Leaders|Scholars|Businesses|Companies|Unions|"
    # a university letter's groups: "Student societies", "Staff and graduate students"
    r"Societies|Students|Staff|Faculty|Researchers|Alumni)"
    # "Companies and Organizations": kinds joined
    r"(?:\s*(?:and|&|,)\s*(?:Organi[sz]ations|Groups|Individuals|Businesses|Companies|"
    r"Networks|Coalitions|Experts|Academics|Scholars))*"
    r"(?:\s*\([^)]*\))?\s*:?$",
    re.IGNORECASE,
)
_KINDS = (
    r"(?:Organi[sz]ations|Associations|Libraries|Directors|Outlets|Institutions|Unions|"
    r"Universities|Leaders|Officials|Members|Groups|Individuals|Signatories|Endorsers)"
)
_SECTION_LOOSE = re.compile(
    rf"^(?:[A-Z][\w.'’-]*\s+){{0,3}}{_KINDS}"
    rf"(?:\s*(?:&|and|,)\s*(?:[A-Z][\w.'’-]*\s+){{0,2}}{_KINDS})*\s*:?$"
)
"""A label naming a kind of signer in capitalised words: "Media Organizations", "Law
Libraries & Directors" (an organisation's name has its small words: "Association of …")."""
_GROUP_LABEL = re.compile(r"^(?!signed\s*:)[^:@]{2,200}:$", re.IGNORECASE)
"""A short line ending in a colon over a group of signers ("Concerned citizens:")."""
_SIGN_NOTE = re.compile(
    r"(?:affiliations?|titles?|institutions?|organi[sz]ations?)\b.{0,80}\b"
    r"(?:identification|identity|informational|information|reference)\s+(?:purposes\s+)?only"
    r"|for identification purposes|for identification only|given for identification"
    # "Die Angabe der Institution dient nur der Identifikation", "à titre indicatif",
    # "solo con fines de identificación", "apenas para identificação"
    r"|nur (?:der|zur) identifikation|zur identifikation"
    r"|[àa] titre (?:indicatif|d['’]identification)"
    r"|(?:solo|s[óo]lamente|únicamente) (?:con|a|para) (?:fines|efectos) de identificaci[óo]n"
    r"|apenas (?:para|a título de) identifica[çc][ãa]o"
    r"|^(?:por|en nombre de|on behalf of|for|au nom de|pour)\s+(?:todas\s+|all\s+|toutes\s+)"
    r"(?:las|the|les)\s+(?:organizaciones|organi[sz]ations|firmantes|signatories|signataires)"
    r"(?:\s+(?:firmantes|signatarias|signataires|signatories))?\s*\.?$",
    re.IGNORECASE,
)


_FOR_ALL = ("por", "en", "on", "for", "au", "pour")
"""First words of a line signing for all the signers ("Por todas las organizaciones")."""

_GROUP_INTRO = re.compile(
    r"(?i)\bfollowing\s+(?:[\d,]+\s+)?(?:[\w-]+\s+){0,3}(?:organi[sz]ations|companies|groups|"
    r"individuals|people|persons|signatories|members|start-?ups|scholars|experts|firms|"
    r"businesses|academics|entities)\b"
)
"""A sentence over a list of signers: "The founders of the following 457 start-up companies."."""


@functools.lru_cache(maxsize=16384)
def is_signatory_label(text: str) -> bool:
    """ "Signatories:", "Organisations:", "The undersigned", "The founders of the following
    457 companies." — a heading over signers."""
    if " / " in text and len(text) <= 80:
        # "Signataires / Signatories": the label in two languages
        return all(is_signatory_label(part.strip()) for part in text.split(" / "))
    return (
        _SIGN_INTRO.match(text) is not None
        # "68 Nobel Laureates" over the table of names: how many sign, and who they are
        or _GROUP_COUNT.match(text.strip()) is not None
        or _SECTION.match(text) is not None
        or _SECTION_AFTER.match(text) is not None
        or (len(text.split()) <= 25 and _GROUP_INTRO.search(text) is not None)
    )


_LABELLED = re.compile(r"^(?P<label>[^:,]{3,40}):\s+(?P<rest>\S.*)$")


@functools.lru_cache(maxsize=16384)
def labelled_signers(text: str) -> str | None:
    """ "Firmantes: Centro …, Asociación …": the signers after their label on one line
    (the text after the label), or None when the line does not start with one.

    The label is a signatory label ("Signatories:", "Organizaciones firmantes:") over any
    list, or the name of a group ("Alabama:", "Faith groups:", "Ontario:") over a list of
    two or more names: capitalised entries of a few words, most of more than one word (a
    page's "Tags: health, budget" is no such list).
    """
    found = _LABELLED.match(text)
    if found is None or CC_LINE.match(text):
        return None
    rest = found.group("rest")
    if is_signatory_label(found.group("label") + ":"):
        return rest
    return rest if _group_label(found.group("label")) and _names_listed(rest) else None


_PAGE_FIELD = re.compile(
    r"(?i)^(?:tags?|topics?|categor(?:y|ies)|categor[ií]as?|cat[ée]gories?|kategorien?|"
    r"etiquetas?|temas?|th[èe]mes?|mots-cl[ée]s|schlagw(?:ö|oe)rter|palabras clave|"
    r"keywords?|labels?|themes?|filed under|"
    r"posted in|share(?: this)?|related|see also|sources?|references?|links?)$"
)
"""A page's own field labels ("Tags: Health, Congress"): a list of its words, not signers."""


def _group_label(label: str) -> bool:
    """A group's name over its signers: one to four words, capitalised, no figures, and
    not one of a page's field labels ("Tags:", "Topics:", "Categories:")."""
    words = label.split()
    return (
        1 <= len(words) <= 4
        and label[:1].isupper()
        and not re.search(r"\d", label)
        and not _PAGE_FIELD.match(label.strip())
    )


def _names_listed(text: str) -> bool:
    """Two or more comma- or semicolon-separated names, most of more than one word."""
    if len(text) > 4000:
        return False
    parts = [p.strip() for p in re.split(r"[,;]\s+(?:and\s+)?", text.rstrip(".,;")) if p.strip()]
    if parts and len(parts[-1].split()) > 12:
        # "…, Uncme (União …) e Undime (União …)": the last two joined by "and"
        parts[-1:] = re.split(r"\s(?:and|e|y|et|und)\s(?=[A-ZÀ-Þ])", parts[-1])[-2:]
    return (
        len(parts) >= 2
        and all(p[:1].isupper() or p[:1].isdigit() for p in parts)
        and all(len(p.split()) <= 12 for p in parts)
        and 2 * sum(len(p.split()) >= 2 for p in parts) >= len(parts)
    )


BRACKETED_BLANK = r"(?:<<|\[\[|\{\{|[\[«<{])\s*[^\]»>}]{1,60}?\s*(?:>>|\]\]|\}\}|[\]»>}])"
"""A template's blank in brackets, as a pattern to build on: "[Full name]", "<< Nom >>",
"« Nom en lettres moulées »", "{{ email }}"."""

_NAME_PLACEHOLDER = re.compile(
    r"(?i)^(?:(?:\[\[|\{\{|[\[{<(]|<<|«)\s*(?:[^\]}>»)]{0,30}\b)?(?:name|nom|nombre|nome|"
    r"signature|firma|assinatura)\b[^\]}>»)]{0,30}(?:>>|\]\]|\}\}|[\]}>»)])\s*)"
    r"(?:(?:<<|\[\[|\{\{|[\[{<«])[^\]}>»]{1,40}(?:>>|\]\]|\}\}|[\]}>»])[,\s]*)*$"
    # the blank set in Markdown emphasis: "*Nombre y apellido*", "_Your name_"
    r"|^(?P<mark>\*{1,2}|_)(?:[^*_]{0,30}\b)?(?:name|nom|nombre|nome|signature|firma|"
    r"assinatura)(?![a-z])[^*_]{0,30}(?P=mark)$"
)


_BARE_NAME_PLACEHOLDER = re.compile(
    r"(?i)^(?:your|votre|ton|tu|su|seu|teu)\s+(?:full\s+|own\s+)?(?:name|nom|nombre|nome)"
    r"(?:\s+(?:here|ici|aqu[ií]|aqui))?$"
)
"""The same place written without brackets: "your name here", "Votre nom"."""


def is_name_placeholder(text: str) -> bool:
    """A template's place for the sender's name ("[Your Name]", "[write your name]",
    "{VOTRE NOM} {ADRESSE}", "<Name>", "your name here"), its other fields in brackets
    after it: the one signer a template has."""
    stripped = text.strip()
    return (
        _NAME_PLACEHOLDER.match(stripped) is not None
        or _BARE_NAME_PLACEHOLDER.match(stripped) is not None
    )


INITIATED_BY = re.compile(
    r"(?i)^(?:this\s+letter\s+(?:was|is)\s+)?(?:initiated|organi[sz]ed|coordinated|"
    r"sponsored|convened|circulated)\s+by\s+\S"
)
"""Who started the letter, under its signers ("Initiated by the Committee to Defend …")."""


def is_editor_note(text: str) -> bool:
    """ "{Please see the councillors' replies below}": a page editor's note in braces, or
    one labelled so ("Ed: This letter was also emailed to …", "Editor's note: …")."""
    if _EDITOR_LABEL.match(text.strip()):
        return True
    if "{" not in text or is_name_placeholder(text):
        return False  # the common case, without a search
    return re.fullmatch(r"\{[^{}]{2,200}\}", text.strip()) is not None and len(text.split()) >= 3


_EDITOR_LABEL = re.compile(
    r"(?i)^[\[(]?(?:ed|editor['’]?s?\s+note|note\s+from\s+the\s+editor|n\.\s?d\.\s?[lr]\.?|"
    r"nota\s+del?\s+(?:editor|redacci[óo]n)|note\s+de\s+la\s+r[ée]daction)\s*[.:]\s+\S"
)
"""An editor's label opening a note under the letter: "Ed:", "Editor's note:", "N.d.l.r."."""


def is_bracketed_aside(text: str) -> bool:
    """ "(Presidente Margarita Matus)": a line in brackets about the signer above it."""
    stripped = text.strip()
    return stripped[:1] == "(" and re.fullmatch(r"\([^()]{2,120}\)", stripped) is not None


@functools.lru_cache(maxsize=16384)
def is_signatory_note(text: str) -> bool:
    """ "Affiliations are for identification purposes only" and the like, and a note that
    the signers are listed elsewhere ("The full list of 64 signatory organisations is
    available in the PDF")."""
    return _SIGN_NOTE.search(text) is not None or _SIGNED_ELSEWHERE.match(text.strip()) is not None



ENCLOSURE_LABEL = (
    r"(?:(?:enclosures?|attachments?|annex(?:es|ures?)?|pièces? jointes?|anexos?)\b|encl\b\.?)"
)
"""The label of what is sent with a letter: "Enclosures:", "Annexure 1:", "Pièces jointes"."""

_ENCLOSURE = re.compile(
    # the label's own number or letter ("Annexure 1:", "Annex B –") is not the enclosure's name
    rf"^{ENCLOSURE_LABEL}(?:\s+(?:\d{{1,2}}|[A-Z]|[IVX]{{1,4}})(?=\s*[:.–—-]))?\s*[:.–—-]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


CONTACT_LABEL = re.compile(r"^[ptewfm]:\s")
"""A one-letter contact label after a signer: "p: 34 Drummond Street", "e: …", "m: 0400 …"."""
CONTACT_LINE = re.compile(
    r"(?i)@|https?://|www\.|\+\d[\d ()-]{6,}|\(\d{3}\)\s*\d{3}|"
    r"^(?:tel|telephone|phone|fax|e-?mail|web|website|mobile|cell|mob|t[ée]l[ée]fono|address|"
    r"adresse|direcci[óo]n|endere[çc]o|"
    r"telefone|t[ée]l[ée]phone|t[ée]l|courriel|correo|celular|portable)\.?\s*[:.]|"
    # "Línea de emergencia para personas defensoras: 2200-0000": a number after a label
    r":\s*\+?\d[\d ()-]{5,}\d$|" + CONTACT_LABEL.pattern
)
"""A line of contact details: an address for mail or the web, a telephone number, a
labelled contact ("Tel.:", "Courriel :", "e: …")."""
POSTSCRIPT = re.compile(
    r"^(?:P\.\s?S\.|PS:|N\.B\.|P\.\s?D\.\s|PD[.:]\s|P\.-S\.|Post-?scriptum\b|Posdata\b)"
)
"""A postscript after the signature: "P.S.", "N.B.", Spanish "PD." / "P.D.", French
"P.-S."."""
SIGNER_COUNT = re.compile(
    r"(?i)^[\[(]?\d[\d,.]*\+?\s+(?:total\s+|initial\s+|more\s+|additional\s+|other\s+)?"
    r"(?:signers|signatories|signatures|names|organi[sz]ations\s+and\s+individuals)\b"
    # "Signatures as at 24 November 2025: 126.", "Signatories to date: 412"
    r"|^(?:signatures|signatories|signers|names)\s+(?:as\s+(?:at|of)|to\s+date|so\s+far)\b"
    r"[^:]{0,40}:\s*\d[\d,.]*\b"
    # an empty sign-on list's counter: "Total confirmed", "• No signatories yet"
    r"|^(?:[•·*-]\s*)?(?:no\s+(?:signatories|signatures|signers|names)\s+yet|"
    r"be\s+the\s+first\s+to\s+sign|total\s+(?:confirmed|signatures|signatories|signers)|"
    r"confirmed\s+(?:signatures|signatories))\s*[:.!]?$"
)
"""A count of the signers, not a signer: "332 total signers as of 26 January", "Signatures
as at 24 November 2025: 126.", or an empty list's "No signatories yet"."""

_GROUP_COUNT = re.compile(
    r"^\d[\d,]*\+?\s+(?:[A-Z][\w-]*\s+){0,2}(?:Laureates|Scientists|Economists|Scholars|"
    r"Academics|Experts|Organi[sz]ations|Groups|Companies|Lawyers|Doctors|Researchers|"
    r"Professors|Leaders|Mayors|Legislators|Judges|Diplomats|Ambassadors|Unions|Businesses)$"
)
"""A count heading the signers ("68 Nobel Laureates", "120 Organizations"), not a signer."""


_SHAPED_ENTRY = re.compile(r"\S\s+[/|]\s|\S\s+/$")


def _heading_over_shaped_list(lines: list[Line]) -> int | None:
    """The first line, when it heads a list of entries of one shape it does not share.

    "Concerned citizens" over a hundred "Name / Affiliation" lines is the list's label,
    with or without a colon.
    """
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    if len(content) < 6:
        return None
    first = lines[content[0]].text.strip()
    shaped = sum(1 for i in content[1:] if _SHAPED_ENTRY.search(lines[i].text.strip()))
    if (
        shaped >= 0.8 * (len(content) - 1)
        and not _SHAPED_ENTRY.search(first)
        and len(first.split()) <= 4
        and not any(ch.isdigit() for ch in first)
        and not names.is_person_name(first)
    ):
        return content[0]
    return None


_CAPS_HEADING = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’.&-]*(?:\s+[A-ZÀ-Þ&][A-ZÀ-Þ'’.&-]*){0,3}:?$")


ID_LINE = re.compile(
    r"(?i)^(?:C\.\s?C\.|C\.\s?I\.|D\.\s?N\.\s?I\.|DNI|RUT|CPF|RG|NIT|CURP|"
    r"pasaporte|passport|c[ée]dula)\s*(?:n[º°o.]*\s*)?[:.]?\s*\d[\d.\- ]{4,}"
)
"""A signer's identity document under the name ("C.C. 52.841.337 de Bogotá", "DNI 12345678")."""


def _caps_heading(lines: list[Line], position: int) -> bool:
    """A group's heading on a line of its own over the group's signers: set in capitals
    over entries that are not ("ARIZONA", "NATIONAL GROUPS"), or a few words standing
    alone between groups of several lines each ("Alabama", "West Virginia")."""
    if not (0 < position < len(lines) - 1) or not (
        lines[position - 1].blank and lines[position + 1].blank
    ):
        return False  # a heading stands alone
    text = normalise_space(lines[position].text)
    if sum(ch.isalpha() for ch in text) < 4:
        return False
    start = next((i for i in range(position + 1, len(lines)) if not lines[i].blank), None)
    if start is None:
        return False
    group_below = start + 1 < len(lines) and not lines[start + 1].blank
    below = normalise_space(lines[start].text)
    if (
        names.is_person_name(text)
        and len(text.split()) >= 3
        and (
            ID_LINE.match(below)
            or (names.is_title_line(below) and not names.is_person_name(below.split(",")[0]))
        )
    ):
        return False  # "LAURA VALENTINA CASTRO HERRERA" / "C.C. 52.841.337": a signer
    if _CAPS_HEADING.match(text):
        # over a group of entries, or a place's name ("ARIZONA", "NORTH CAROLINA"); not an
        # acronym in a list set a paragraph each ("ACLU", "NAACP")
        named = len(text.split()) >= 2 or len(text) >= 7
        return (group_below or named) and not lines[start].text.isupper()
    group_above = position < 3 or not lines[position - 2].blank  # a group ends above it
    return (
        len(text.split()) <= 3
        and _CAPS_HEADING.match(text.upper()) is not None
        and not has_org_word(text)
        and not re.search(r"[\d.,;:()]", text)
        and group_below
        and group_above
    )


def _bold_heading(lines: list[Line], position: int) -> bool:
    """A few words in bold opening a block of entries that are not ("**New South Wales**"
    over the state's organisations, a line each): the group's heading."""
    ln = lines[position]
    if not ln.bold:
        return False
    text = normalise_space(ln.text)
    below = lines[position + 1] if position + 1 < len(lines) else None
    if not (
        ln.bold
        and (position == 0 or lines[position - 1].blank)
        and below is not None
        and not below.blank
        and not below.bold
        and len(text.split()) <= 4
        and not re.search(r"[\d.,;()]", text)
    ):
        return False
    # the entries under it: none a title or a postal line (a body's or a person's bold
    # name over its signer's titles, "**Riverside Coalition**" / "Ana Ruiz" / "Director");
    # a name-like heading ("**Western Australia**") over three of them at least
    block: list[str] = []
    for later in lines[position + 1 :]:
        if later.blank:
            break
        block.append(normalise_space(later.text))
    least = 3 if names.is_person_name(text) else 2
    return len(block) >= least and not any(
        names.is_title_line(x) or is_postal_line(x) for x in block
    )


def heads_a_list(lines: list[Line], position: int) -> bool:
    """A short unlisted line right over a real list (two items at least): the list's
    group label ("Faith communities" over its bulleted organisations), not an entry."""
    ln = lines[position]
    text = normalise_space(ln.text)
    if ln.list_kind or len(text.split()) > 6 or re.search(r"[\d,;:()@]", text):
        return False
    below = [x for x in lines[position + 1 : position + 6] if not x.blank][:2]
    if len(below) == 2 and all(x.list_kind is not None for x in below):
        return True
    # a list typed with its numbers ("1. Bishop …" / "2. Father …"), one item a paragraph;
    # a later group's part of one numbered list goes on with its numbers ("Regional" over
    # "13. …" / "14. …")
    typed = [split_marker(normalise_space(x.text)) for x in below]
    numbers = [
        marker[1].strip("().") for marker in typed if marker is not None and marker[0] == "number"
    ]
    return (
        len(below) == 2
        and len(numbers) == 2
        and all(number.isdigit() for number in numbers)
        and int(numbers[1]) == int(numbers[0]) + 1
    )


AND_MORE = re.compile(
    r"(?i)^(?:\.{3}|…)?\s*(?:and|y|et|e|und|sowie|plus|as well as|ainsi que|así como|assim como|\+)"
    # "+ 212 individual students (full list available on request)": a word may describe them
    r"\s*\d[\d,.]*\s+(?:(?:individual|other|more|further|additional|autres|otr[oa]s|weitere)\s+)?"
    r"(?:more|others|otr[oa]s|m[aá]s|autres|altri|outr[oa]s|weitere|students|signers|"
    r"signatories|supporters|citizens|members|scholars|academics|"
    # "sowie 212 Einzelpersonen", "and 40 individuals", "et 35 personnes", "y 50 personas"
    r"individuals|people|persons|einzelpersonen|personen|unterzeichnende|personnes|"
    r"particuliers|personas|pessoas|organi[sz]ations|organisationen|organizaciones|"
    r"organiza[çc][õo]es)\b"
)
"""The rest of a list left out or counted: "...and 214 more scientists. See the full
list", "sowie 212 Einzelpersonen (Liste auf Anfrage)"."""
PLACE_LABEL = re.compile(r"(?i)^(?:place|lieu|lugar|luogo|ort)\s*:\s*\S.{0,40}$")
"""The place a letter was signed, labelled, above its dated line ("Place: Pune")."""


_SIGNED_ELSEWHERE_OTHER = (
    r"|^[(\[]?\s*(?:las\s+)?firmas\s+(?:al\s+final|en\s+(?:el\s+)?anexo|a\s+continuaci[óo]n)\b.*$"
    r"|^[(\[]?\s*(?:les\s+)?signatures\s+(?:à\s+la\s+fin|en\s+annexe|ci-dessous)\b.*$"
    r"|^[(\[]?\s*(?:as\s+)?assinaturas\s+(?:ao\s+final|em\s+anexo|abaixo)\b.*$"
)
"""The same note in Spanish, French and Portuguese: "(firmas al final del documento)"."""

_SIGNED_ELSEWHERE = re.compile(
    r"(?i)^[(\[]?\s*(?:the\s+)?(?:(?:full|complete)\s+)?(?:list\s+of\s+)?(?:(?:all\s+)?\d[\d,]*\s+)?"
    r"(?:signatures?|signatories|signers|signatory\s+organi[sz]ations|signing\s+organi[sz]ations)\s+"
    r"(?:are\s+|is\s+)?(?:attached|enclosed|appended|follow|overleaf|in\s+the\s+annex|"
    r"available|listed\s+(?:separately|in\s+the\s+annex))\b.*$" + _SIGNED_ELSEWHERE_OTHER
)
