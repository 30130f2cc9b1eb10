"""Lines of a letter's head known by their label or shape: subject, attention, cc, "To",
an e-mail's header lines, a blank left for the date, a byline, a line opening a person's entry.
"""

from __future__ import annotations

import re

from draftkit.ingest import names

__all__ = [
    "CC_LINE",
    "CONTACT_ONLY",
    "DRAFTKIT_HEAD_STYLES",
    "SUBJECT_LINE",
    "is_person_line",
    "name_part",
]

SUBJECT_LINE = re.compile(
    r"^(?:\*\*)?(?P<label>Re|RE|Subject|SUBJECT|Subj|Sub|SUB|Ref|REF|Reference|Our ref|Regarding|"
    r"Concerning|Matter|MATTER|Objet|OBJET|Sujet|SUJET|Asunto|ASUNTO|Materia|Betreff|Oggetto|"
    r"Assunto|"
    # Dutch, Polish and Indonesian: "Betreft:", "Onderwerp:", "Dotyczy:", "Perihal:"
    r"Betreft|Onderwerp|Dotyczy|Temat|Perihal)"
    # a colon, a full stop or a dash after the label; or a tab, as a table row "Subject | …"
    r"(?:\.?\s*:|\s*\.|\s+[–—-]| ?\t+)\s*(?:\*\*)?"
    r"(?P<text>\S.*?)(?:\*\*)?$"
)
_ATTENTION = (
    r"a la atenci[oó]n de|à l['’]attention d(?:e|u|es)|all['’]attenzione di|zu h(?:än|ae)nden|"
    r"(?:to|for) the attention of|attn\.?|(?:kind(?:ly)?\s+)?attention"
)
ATTENTION_LINE = re.compile(rf"(?i)^(?:{_ATTENTION})\s*:?\s+\S")
"""Who in the addressee's office the letter is marked for: "Kind attention: …", "Attn: …"."""
MAIL_HEADER = re.compile(
    r"^(?:From|Sent|To|Cc|Bcc|Subject|Date|Von|Gesendet|An|Betreff|De|Envoyé|À|Objet|"
    r"Enviado|Para|Asunto|Reply-To|FROM|SENT|TO|CC|BCC|SUBJECT|DATE)\s*:\s*\S",
)
"""A line of an e-mail's header ("From: …", "Sent: …", "Betreff: …")."""

CC_LINE = re.compile(
    # "CC Name": a capital after the bare label, case and all ("Cc aa …" is no label)
    r"^(?:(?:cc|c\.c\.|c/c|bcc|e\s+p\.?\s?c\.?|p\.c\.)(?:\s*:|\.(?=\s)|\s+(?-i:(?=[A-ZÀ-Þ]))|$)|"
    r"(?:copy to|copies to|copied to|with (?:a )?copy to|copie à|copy furnished(?: to)?|"
    r"copies furnished(?: to)?|"
    r"copie pour (?:information|attribution|action|avis)|copie pour|"
    r"copia para (?:informaci[óo]n|conocimiento)|"
    r"con copia (?:al?|a l[ao]s?|para)|com c[óo]pias? (?:a|para)|c[óo]pias? para|kopie an|"
    r"per conoscenza(?: a)?|nachrichtlich(?: an)?|zur kenntnis(?:nahme)?(?: an)?|"
    r"in kopie(?: an)?|verteiler|kopie aan|c\.c\.p\.|"
    r"copies? (?:transmises?|adress[ée]es?) [àa])\s*:?|"
    # "Copy for information and necessary action:", "Copy forwarded to:" (South Asian forms)
    r"(?:copy|copies)\s+(?:for(?:warded)?|submitted)\b[^:]{0,60}:|"
    r"c\.\s?c\.\s*:|"
    # "Ampliations :" (French administrative copies), "Ccp:" (Mexican "con copia para")
    r"(?:copy|copies|copie|copia|kopie|ampliations?|ampliaci[oó]n|c\.?c\.?p\.?)\s*:)"
    r"\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
"""A cc label: "cc:", "CC Name", "Copy to:", "Copie :" — a word such as "Copia" alone, as in
"Copia Institute", is a name, not a label."""


def is_person_line(text: str) -> bool:
    """A line that opens an addressee or cc entry: honorific + name, or office + name."""
    honorific, rest = names.split_honorific(text)
    head = name_part(rest)
    if honorific and head and names.is_person_name(head, allow_single=True):
        return True
    return names.split_title_name(text) is not None


_NAME_PART = re.compile(rf"^(.*?)(?:,\s+{names.NOT_POST_NOMINAL}|$)")
"""A name up to its first comma, letters after the name kept ("Jane Doe, MD, MPH")."""


def name_part(text: str) -> str:
    """The part of "Jane Doe, Director, Office X" before the first comma (suffixes kept)."""
    match = _NAME_PART.match(text)
    return match.group(1).strip() if match else text.strip()


CONTACT_ONLY = re.compile(
    r"(?i)^(?:(?:tel|phone|fax|mobile|e-?mail|web)\s*[:.]?\s*)?"
    r"(?:\+?[\d(][\d ()./-]{6,}\d|[\w.+-]+@[\w-]+\.[\w.-]+|(?:https?://|www\.)\S+)$"
)
"""A line that is only a phone number, an e-mail address or a web address."""


_DATE_BLANK = re.compile(
    r"(?i)^[\[(<{]\s*(?:insert\s+|today'?s\s+)?(?:date|fecha|data|datum)(?:\s+here)?\s*[\])>}]$"
)
"""A model letter's blank for the date: "[Date]", "[Insert date]", "[Fecha]", "<Datum>"."""

_BYLINE = re.compile(r"\S\s*[·|•]\s*[^\W\d]|(?i:\b(?:posted|published|updated|min read)\b)")
"""A date's line that is a page's byline: the date and, after a dot or bar, who wrote it or
how long it takes to read ("Sep 2, 2024 • UWSRC Secretariat", "Posted on …")."""


# an address as a mail archive shows it too: "policy at ccrj.example.ca"
_EMAIL = r"<?[\w.+-]+(?:@|\s+at\s+)[\w-]+(?:\.[\w-]+)+>?"
_ADDRESS_ONLY_TO = re.compile(
    # ("To:🔗 a@b.org, c@d.org": a page's link symbol before the addresses)
    rf"(?i)^(?:to|an|à|para|cc)\s*:\s*(?:[^\w\s<@]{{1,2}}\s*)?{_EMAIL}(?:\s*[;,]\s*{_EMAIL})*\s*,?$"
)
"""An e-mail's "To:" or "Cc:" line that gives only addresses, no name: no addressee, no
copy to an official (the greeting names the addressee)."""
_HEADER_WITH_ADDRESS = re.compile(rf"(?i)^(?:to|cc|an|à|para)\s*:.*{_EMAIL}")
"""An e-mail's "To:" or "Cc:" line with an address in it ("Office of X <x@example.gov>").
Its search is quadratic in the line's length: callers try it on lines of a header's size."""


DRAFTKIT_HEAD_STYLES = {
    "page heading",
    "publication date",
    "letter date",
    "inside address",
    "delivery notation",
    "copy list",
    "subject line",
    "letterhead name",
    "letterhead address",
}
"""The styles (lowercased) of the head of a letter draftkit rendered: its parts are named."""


_PAGE_PROMPT = re.compile(
    r"(?i)\b(?:your|click|here|below|visit|find|download|share|sign up|subscribe)\b"
)
"""Words of a page speaking to its reader, never of an inside address."""


_ADDRESSED = re.compile(
    rf"(?i)^(?:{_ATTENTION}|to|[àa](?=\s+(?:monsieur|madame|mesdames|messieurs|m\.|mme)\b)|"
    # "Ao Excelentíssimo Senhor Camilo Santana", "À Excelentíssima Senhora …": "to the"
    r"ao(?=\s+(?:excelent|exm|ilustr|ilm|senhor|sr\.|dr\.|prof))|"
    r"à(?=\s+(?:excelent|exm|ilustr|ilm|senhora|sra\.|dra\.|prof))|"
    # "À Sua Excelência o Senhor …", "À Son Excellence Monsieur …": "to" and the style
    r"[àa](?=\s+(?:sua\s+excel|son\s+excel)))"
    r"\s*:?\s+(?=\S)"
)
"""What may stand before an addressee's name: "To:", "A la atención de", "Attn."."""
_TO_LABEL = re.compile(
    r"(?i)^(?:to|a|à|para|attn\.?|attention|an(?:\s+(?:die|den|das))?|herrn?|frau|ao|aos|"
    r"al|alla|allo|a\s+sua\s+excel[êe]ncia(?:\s+(?:o\s+senhor|a\s+senhora))?|"
    # "À Excelentíssima Senhora", "Ao Excelentíssimo Senhor": "to" and the style, alone
    r"(?:[àa]s?|aos?)\s+(?:excelent[íi]ssim[oa]s?\s+)?senhor(?:a|es|as)?|"
    # "A la atención de:", "À l'attention de :", "An Seine Exzellenz", "À Son Excellence":
    # the mark or the style alone on its line, the name under it
    rf"{_ATTENTION}|an\s+(?:seine|ihre)\s+exzellenz|[àa]\s+son\s+excellence|"
    r"a\s+su\s+excelencia)\s*[,:.]?$"
)
"""A line that only says an address follows: "To,", "To:", "À", "An die", "Herrn"."""
POST_BYLINE = re.compile(
    r"(?i)^(?:(?:written|posted|published)\s+)?(?:by|par|por|von)\s+"
    r"(?!the\s+undersigned\b)[^\W\d][\w.'’&-]*(?:\s+[\w.'’&-]+){0,5}$"
)
"""A post's byline on its own line ("By J.S.", "Par la rédaction", "Por Edilson Silva")."""


TO_LINE = re.compile(
    r"^(?:To\s*:|To\s+(?!"
    # "To Sign Petition, Use this Link", "To Read the Full Letter …": an instruction, no
    # addressee (the infinitive of a page's call to act)
    r"(?i:sign|join|add|read|view|download|learn|contact|support|donate|find|see|get|"
    r"help|take|share|subscribe|unsubscribe|register|apply|print|submit|watch|listen|"
    r"access|return|go|continue|visit|endorse|act|call|write)\b)"
    r"|TO\s*:|An\s+(?=die\s|den\s|das\s)"
    # "Para: Exmo. Senhor Primeiro-Ministro, …", "Destinataires : …", "Aan: …"
    r"|(?:Para|PARA|À|Destinat[áa]ri[oa]s?|Destinatari[oa]s?|Destinataires?|Aan|An)\s*:"
    # "Addressed to Federal Government, Provincial Governments, …:" over the letter
    r"|(?:Addressed|Adress[ée]e?s?|Dirigid[oa]s?)\s+(?:to|à|a)\s*:?)"
    r"\s*(?:the\s+|die\s+|den\s+|das\s+)?"
    r"(?P<rest>[A-ZÄÖÜ[].*)$"
)


REFERENCE_LINE = re.compile(
    r"(?i)^(?:n\s*/\s*r[ée]f(?:[ée]rences?)?|v\s*/\s*r[ée]f(?:[ée]rences?)?|nos r[ée]f[ée]rences|"
    r"vos r[ée]f[ée]rences|our ref(?:erence)?|your ref(?:erence)?|ref(?:erence)?|r[ée]f|"
    r"unser zeichen|ihr zeichen|aktenzeichen|az|nuestra ref(?:erencia)?|oficio n[°ºo.]*)"
    r"\.?\s*(?:n[°ºo]\.?\s*)?[:.]\s*[\w/.-]{1,40}$"
    # "Ofício nº 46/2009 – GP", "Oficio N° 112/2024": a Portuguese or Spanish official
    # letter's number, with the issuing office's initials after a dash
    r"|(?i:^of[ií]cio\s+(?:n[°ºo.]*\s*)?\d[\w/.-]{0,30}(?:\s*[–-]\s*[\w/.]{1,20})?$)"
)
"""A file reference line in a letter's head ("N/Réf. : 014/CMAC/2025", "Our ref: HRC-114",
"Unser Zeichen: AZ 12/25"): the sender's filing, not an address or subject line."""
