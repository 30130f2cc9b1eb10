"""Telling people and their titles and offices apart in short lines.

These are heuristics over the general shape of names and offices in formal letters
(honorifics, initials, post-nominals, office words), not lists of particular people.
Organisations' names are told apart in :mod:`draftkit.ingest.organisations`, the postal
lines of an address in :mod:`draftkit.ingest.postal`.
"""

from __future__ import annotations

import functools
import re

from draftkit.names import PARTICLES

__all__ = [
    "NOT_POST_NOMINAL",
    "POST_NOMINALS",
    "SIGNATURE_MARK",
    "is_person_name",
    "is_title_line",
    "split_honorific",
    "split_title_name",
]

SIGNATURE_MARK = re.compile(
    r"(?i)^(?:/s/|[(\[]\s*(?:signed|sgd|sd)\.?\s*(?:/-?)?\s*[)\]]|signed\s*:|sgd\.|sd\s*/-?)"
)
"""The mark a typed copy of a letter puts where the signature was, before or above the
name: "/s/", "(Signed)", "[signed]", "Signed:", "(Sgd.)", "Sgd.", and the South Asian
"(Sd/-)" or "Sd/-"."""

# Honorific words, longest first when several start the same way. Several may stack:
# "His Excellency Ambassador", "H.E. Mr.", "The Rt. Hon.".
_HONORIFIC_WORDS = [
    "His Excellency",
    "Her Excellency",
    "Their Excellencies",
    "Your Excellency",
    "H.E.",
    "HE",
    "S.E.",
    "The Right Honourable",
    "The Right Honorable",
    "Senator the Hon.",
    "Senator the Honourable",
    "Senator the Honorable",
    "The Rt. Hon.",
    "The Rt Hon.",
    "The Rt Hon",
    "Rt Hon.",
    "Rt. Hon.",
    "Rt Hon",
    "The Honorable",
    "The Honourable",
    "The Hon.",
    "The Hon",
    "Honorable",
    "Honourable",
    "Hon.",
    "Hon",  # Australian and New Zealand usage: "Hon Sarah Mitchell MLC"
    "Ambassador",
    "Amb.",
    "Hon’ble",
    "Hon'ble",
    "Shri.",  # with the full stop some Indian letters put after it
    "Shri",
    "Shrimati",
    "Smt.",
    "Smt",
    "Sri",
    "Kumari",
    "Dr.",
    "Dr",
    # an honorary doctorate after the title: "Dr. (H.C.) Puan Maharani", "Dr. h.c."
    "(H.C.)",
    "(HC)",
    "h.c.",
    "Assoc. Prof.",
    "Asst. Prof.",
    "Prof.",
    "Professor",
    "Profesor",
    "Profesora",
    "Professora",
    "Profa.",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Mx.",
    "Miss",
    "Sir",
    "Dame",
    "The Most Rev.",
    "The Most Reverend",
    "Most Rev.",
    "The Rt. Rev.",
    "The Right Reverend",
    "The Very Rev.",
    "The Reverend",
    "The Rev.",
    "Rev. Dr.",
    "Rev.",
    "Reverend",
    "Rabbi",
    "Imam",
    # clergy a faith leaders' letter lists: "Deacon Sofia Mwangi, St. Mark's …"
    "Deacon",
    "Pastor",
    "Sheikh",
    "Cantor",
    "Monsignor",
    "Msgr.",
    "Father",
    "Sister",
    "Bishop",
    "Archbishop",
    "Cardinal",
    "General",
    "Lt. Gen.",
    "Lt. General",
    "Maj. Gen.",
    "Brig. Gen.",
    "Lt. Col.",
    "Lt.",
    "Maj.",
    "Capt.",
    "Gen.",
    "Maître",
    "Me",
    # Philippine usage: "Atty. Rosalinda Pangilinan", "Engr. Ramon Cruz"; "Fr." a priest
    "Atty.",
    "Atty",
    "Engr.",
    "Fr.",
    "Admiral",
    "Adm.",
    "Colonel",
    "Col.",
    # French: "Son Excellence Monsieur Félix Tshisekedi"
    "Son Excellence",
    # Canadian French: "L’honorable Gary Anandasangaree, c.p., député"
    "Le très honorable",
    "La très honorable",
    "L’honorable",
    "L'honorable",
    "L’Honorable",
    "L'Honorable",
    "L’hon.",
    "L'hon.",
    "Monsieur",
    "Madame",
    "Mme",
    "Mme.",
    "M.",
    "Herr",
    "Herrn",  # the accusative an address block writes: "Herrn Bundesminister Alexander Dobrindt"
    "Frau",
    "Señor",
    "Señora",
    "Sr.",
    "Sra.",
    "Excmo.",
    "Excma.",
    "Dña.",
    "D.ª",
    "Dª",
    "D.",
    # a courtesy line over the name in Colombian and Venezuelan letters: "Doctora" / "LUZ …"
    "Doctora",
    "Doctor",
    # the degree as courtesy in Argentine and Mexican letters: "Ingeniero Nicolás Posse"
    "Ingeniero",
    "Ingeniera",
    "Licenciado",
    "Licenciada",
    "Arquitecto",
    "Arquitecta",
    # Mexican official letters: "C. Claudia Sheinbaum Pardo" (ciudadana), "Lic.", "Mtra."
    "C.",
    "Lic.",
    "Mtro.",
    "Mtra.",
    "Dip.",
    "Ing.",
    # Portuguese and Italian address blocks set the honorific on its own line or stack it:
    # "Exma. Senhora / Dra. Helena Marques", "Gent.ma Sig.ra Dott.ssa Bianchi"
    "Excelentísimo Señor",
    "Excelentísima Señora",
    "À Sua Excelência o Senhor",
    "À Sua Excelência a Senhora",
    "A Sua Excelência o Senhor",
    "A Sua Excelência a Senhora",
    "Excelentíssimo Senhor",
    "Excelentíssima Senhora",
    "Sua Excelência o Senhor",
    "Sua Excelência a Senhora",
    "Sua Excelência",
    "Exmo.",
    "Exma.",
    "Exmos.",
    "Ilmo.",
    "Ilma.",
    "Senhor",
    "Senhora",
    "Dra.",
    "Gent.mo",
    "Gent.ma",
    "Egregio",
    "Egregia",
    # Italian abbreviations of the same styles: "Egr. Sindaco di Forlì", "Ill.mo Signor
    # Prefetto", "Spett.le Comune di Roma"
    "Egr.",
    "Egr.mo",
    "Egr.ma",
    "Ill.mo",
    "Ill.ma",
    "Preg.mo",
    "Preg.ma",
    "Chiar.mo",
    "Chiar.ma",
    "Spett.le",
    "On.le",
    "On.",
    "Onorevole",
    "Sig.",
    "Sig.ra",
    "Dott.",
    "Dott.ssa",
]
_HONORIFIC_RE = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(word) for word in sorted(_HONORIFIC_WORDS, key=len, reverse=True))
    + r")(?=\s|$)\s*)+"
)

# Words that end an office title written before a name ("Secretary of State John Kerry").
_OFFICE_END = {
    "state",
    "secretary",
    "general",
    "minister",
    "president",
    "senator",
    "representative",
    "commissioner",
    "ambassador",
    "rapporteur",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "director",
    "administrator",
    "leader",
    "speaker",
    "governor",
    "mayor",
    "affairs",
    "defense",
    "defence",
    "justice",
    "treasury",
    "council",
    "counsel",
    "attorney",
    "envoy",
    "prosecutor",
    "judge",
    "advisor",
    "adviser",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "emir",
    "sheikh",
    "pope",
    "commander",
    "security",
    "congressman",
    "congresswoman",
    "member",
    "whip",
    "deputy",
    "head",
    "foreign",
    "interior",
    "rights",
    "coordinator",
    "high",
    "vice-president",
    "secretary-general",
    "under-secretary-general",
    "sen.",
    "rep.",
    "delegate",
    "councilmember",
    "councillor",
    "councilman",
    "councilwoman",
    "councilor",
    "alderman",
    "alderwoman",
    "alderperson",
    "assemblyman",
    "assemblywoman",
    "assemblymember",
    "selectman",
    "selectwoman",
    "supervisor",
    "trustee",
    "comptroller",
    "treasurer",
    "legislator",
    # the same offices in Spanish, Portuguese and French: "Presidente Hugo Chávez Frías"
    "presidente",
    "presidenta",
    # "Jefe del Gabinete de Ministros", "Jefa de Gobierno"
    "jefe",
    "jefa",
    "ministro",
    "ministra",
    "ministre",
    "senador",
    "senadora",
    "sénateur",
    "sénatrice",
    "gobernador",
    "gobernadora",
    "governador",
    "governadora",
    "alcalde",
    "alcaldesa",
    "prefeito",
    "prefeita",
    "maire",
    "diputado",
    "diputada",
    "deputado",
    "deputada",
    "député",
    "députée",
    "embajador",
    "embajadora",
    "embaixador",
    "embaixadora",
    "ambassadeur",
    "ambassadrice",
    "relator",
    "relatora",
    "rapporteuse",
    "reitor",
    "reitora",
    "rector",
    "rectora",
}

_OFFICE_QUALIFIERS = {
    "constitucional",
    "municipal",
    "federal",
    "nacional",
    "regional",
    "provincial",
    "estadual",
    "general",
    "adjunto",
    "adjunta",
    "interino",
    "interina",
    "electo",
    "electa",
    "eleito",
    "eleita",
    "ejecutivo",
    "ejecutiva",
    "executivo",
    "executiva",
    "suplente",
    "substituto",
    "substituta",
    "titular",
    "délégué",
    "déléguée",
}
"""Words that go on with an office after its head word ("Gobernador Constitucional …",
"Secretario Ejecutivo …"): no name starts with them."""

# Surname particles: the shared table (draftkit.names) plus the connectors and patronymic
# words that only matter when telling a name line from other text ("y", "e", "och", "bint").
_PARTICLES = set(PARTICLES) | {
    "do",
    "des",
    "y",
    "e",
    "bint",
    "ben",
    "mac",
    "af",
    "och",
}
_KNOWN_POST_NOMINALS = (
    r"Jr\.?|Sr\.?|JR\.?|SR\.?|II|III|IV|Esq\.?|Ph\.?D\.?|M\.?D\.?|J\.?D\.?|MPH|M\.?A\.?|M\.?S\.?|MSc|"
    r"LL\.?M\.?|RN|DrPH|FACP|MBBS|B\.?A\.?|MSW|LCSW|DDS|DNP|PsyD|EdD|MBA|MBE|OBE|CBE|KC|QC|MP|"
    r"MEP|MSP|TD|S\.J\.|O\.P\.|USA|USN|USAF|USMC|USCG|"
    # Canadian: "The Hon. Ana Ruiz, P.C., M.P.", "L’honorable Gary Anandasangaree, c.p., député"
    r"P\.C\.|M\.P\.|c\.p\.|députée?"
)
POST_NOMINALS = (
    _KNOWN_POST_NOMINALS + "|"
    # other letters after a comma: religious orders and honours ("SJ", "FMM", "OFM", "FRS")
    r"(?!(?:LLC|LTD|INC|PLC|GMBH|AG|SA|NV|BV|CIC|ASBL|AISBL|NGO|USA|UK|EU|"
    # ... but not the acronym of an organisation the person works for ("Ana Ruiz, UN, …")
    r"UN|ONU|UNO|OAS|OEA|WHO|OMS|ILO|OIT|FAO|WFP|PAM|UE|AU|UA|IMF|FMI|ICC|CPI|OSCE|"
    r"UNHCR|HCR|UNDP|PNUD|OHCHR|HCDH|NATO|OTAN|WTO|OMC|IOM|OIM|ICRC|CICR|"
    # ... nor an office written short ("Jamie Dimon, CEO", "Ana Ruiz, EVP")
    r"CEO|COO|CFO|CTO|CIO|CMO|CSO|CPO|EVP|SVP|VP|GM)\b)[A-Z]{2,5}|"
    # an honour's letters written with full stops ("H.E. … Ruto, C.G.H.", "Jane Doe, O.B.E."):
    # three or more, since two are a surname's initials ("van der Berg-Hoekstra, M.J.")
    r"(?:[A-Z]\.){3,5}(?![A-Za-z])"
)
"""Degrees, honours and service branches written after a name ("Jane Doe, MD, MPH")."""

NOT_POST_NOMINAL = rf"(?!(?:{POST_NOMINALS})(?:,|$|\s+(?:{POST_NOMINALS})(?:,|$)))"
"""After ", ": what follows is not letters after a name ("MD, MPH", "OBE"); an acronym
that opens more words ("NSW Privacy Commissioner") is the start of a title."""
_SUFFIX = re.compile(
    rf"(?:,\s*(?:{POST_NOMINALS})|\s+(?:{_KNOWN_POST_NOMINALS})|\s*\((?:ret|Ret|RET|retd|Retd)\.?\))+$"
)
"""Letters after a name: any short capitals after a comma ("Ana Ruiz, FRS"), only the known
ones without it ("Jane Doe MD"), since a surname is often written in capitals ("Jean HUET")."""


# Title words: a line with one of these describes a person's role.
_TITLE_WORDS = re.compile(
    r"\b(?:director|directors|president|vice|chair|chairman|chairwoman|chairperson|co-chair|"
    r"fellow|professor|prof|lecturer|researcher|scholar|adviser|advisor|counsel|"
    r"secretary|ambassador|member|officer|founder|co-founder|ceo|coo|cfo|cto|manager|"
    r"coordinator|coordinadora?|editor|author|dean|head|chief|representative|"
    r"attorney|lawyer|analyst|specialist|consultant|expert|pastor|"
    r"priest|rabbi|imam|bishop|minister|trustee|emeritus|emerita|former|retired|"
    r"executive|senior|deputy|assistant|acting|principal|rapporteur|envoy|commissioner|"
    r"senator|congressman|congresswoman|judge|justice|prosecutor|investigator|"
    # US state and city legislators' one-word offices: "Assemblymember", "Councilmember"
    r"assemblymember|assemblywoman|assemblyman|councilmember|councilwoman|councilman|"
    r"alderman|alderwoman|alderperson|legislator|delegate|proprietor|owner|co-owner|"
    r"journalist|activist|defender|survivor|student|candidate|volunteer|organizer|"
    r"organiser|campaigner|spokesperson|chaplain|physician|doctor|nurse|"
    r"psychologist|writer|historian|economist|scientist|engineer|administrator|"
    # "Wildlife Biologist", "Marine Ecologist", "Filmmaker" in a table's second column
    r"\w+ologists?|filmmaker|photographer|teacher|educator|architect|planner|pharmacist|"
    r"paralegal|recteur|rectrice|rector[a]?|doyen(?:ne)?|treasurer|tesorer[oa]|tr[ée]sori[eè]re?|tesoureir[oa]|schatzmeister(?:in)?|"
    r"governor|mayor|speaker|leader|whip|undersecretary|ranking|directeur|"
    # officers of a state who are written to by office ("The Inspector-General of Police")
    r"inspector|auditor|comptroller|ombudsman|ombudsperson|ombudswoman|registrar|clerk|"
    r"superintendent|commander|chancellor|provost|"
    r"directrice|présidente?|coordinatrice|coordinateur|responsable|chargée?|"
    r"emerita|visiting|adjunct|distinguished|honorary|lead|associate|strategist|advocate|"
    r"directora|presidenta|coordinador[a]?|secretari[oa]|ministr[oa]|gerente|fundador[a]?|"
    r"investigador[a]?|profesor[a]?|abogad[oa]|diputad[oa]|senador[a]?|concejal[a]?|"
    r"asesor[a]?|representante|vocer[oa]|portavoz|diretor[a]?|presidente|coordenador[a]?|"
    r"vorsitzende[r]?|gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?|sprecher(?:in)?|direktor(?:in)?|"
    r"pr(?:ä|ae)sident(?:in)?|professorin|leiter(?:in)?|vorstand|d[ée]put[ée]e?|"
    r"s[ée]natrice|s[ée]nateur|d[ée]l[ée]gu[ée]e?|conseill[eè]re?|porte-parole|"
    r"alcalde(?:sa)?|gobernador[a]?|embajador[a]?|intendente|canciller|defensor[a]?|"
    r"procurador[a]?|prefeit[oa]|governador[a]?|maire|pr[ée]f[eè]te?|ministre|"
    # "Líder da Oposição", "Vereadora", "Deputado Estadual": Portuguese and Spanish offices
    r"l[íi]der|vereador[a]?|deputad[oa]|dirigente|militante|"
    r"(?:bundes|landes|staats)?minister(?:in)?|staatssekret(?:ä|ae)r(?:in)?|"
    r"b(?:ü|ue)rgermeister(?:in)?|rektor(?:in)?|senator(?:in)?|abgeordnete[rn]?|"
    r"beauftragte[rn]?|kanzler(?:in)?|reitor[a]?|vice-reitor[a]?|secret[áa]ri[oa]|"
    r"deputad[oa]|vereador[a]?|rettore|rettrice|sindac[oa]|assessore|presidentessa|"
    # German posts in NGOs and offices: "Generalsekretär", "Referentin für Menschenrechte"
    r"generalsekret(?:ä|ae)r(?:in)?|referent(?:in)?|koordinator(?:in)?|mitglied|"
    r"gr(?:ü|ue)nder(?:in)?|justiziar(?:in)?|rechtsanw(?:ä|ae)lt(?:in)?|"
    r"wissenschaftler(?:in)?|journalist(?:in)?|redakteur(?:in)?|beirat|"
    # Portuguese and French ones the lists above miss
    r"assessor[a]?|advogad[oa]|pesquisador[a]?|fundador[a]?|avocate?|chercheu(?:r|se)|"
    r"juriste|secr[ée]taire(?:\s+g[ée]n[ée]ral(?:e)?)?|fondat(?:eur|rice))\b",
    re.IGNORECASE,
)


# Words that never occur in a personal name line (organisation, office, function words).
_NOT_NAME = re.compile(
    r"\b(?:watch|institute|foundation|coalition|network|center|centre|council|committee|"
    r"association|union|society|project|alliance|fund|group|forum|international|campaign|"
    r"initiative|federation|league|movement|organi[sz]ations?|university|college|school|"
    r"academy|department|ministry|office|bureau|agency|commission|congress|senate|"
    r"parliament|assembly|embassy|mission|government|administration|inc|llc|ltd|trust|"
    r"board|secretariat|nations|partnership|clinic|collective|observatory|monitor|guild|"
    r"rights|programme|program|defenders|advocates|lawyers|solidarity|relief|platform|"
    r"consortium|caucus|chamber|court|tribunal|hospital|library|museum|fellowship|"
    r"conference|jurists|refugees|freedom|democracy|peace|amnesty|humanitarian|humanity|"
    r"global|european|african|american|states|kingdom|republic|federal|collaborative|"
    r"world|without|human|national|united|women|children|youth|action|services?|america|"
    r"director|president|chair|chairman|chairwoman|professor|secretary|ambassador|member|"
    r"officer|founder|manager|coordinator|editor|author|dean|representative|attorney|"
    r"counsel|adviser|advisor|executive|senior|deputy|assistant|acting|rapporteur|envoy|"
    r"commissioner|senator|minister|fellow|researcher|excellency|honorable|honourable|"
    r"ministr[oa]|ministre|ministère|ministerio|secretari[oa]|secrétaire|presidente|"
    r"présidente?|embajador[a]?|ambassadeur|directora?|directeur|directrice|comisionad[oa]|"
    r"commissaire|rapporteuse|relator[a]?|diputad[oa]|député[e]?|senador[a]?|sénat(?:eur|rice)|"
    r"the|of|for|and|in|on|to|at|with|by|from|des|pour|et|sincerely|regards|dear|"
    r"faithfully|respectfully|thank|thanks|justice|immigrant|immigration|legal|ministry|"
    r"street|avenue|road|lane|square|place|plaza|boulevard|drive|building|floor|"
    r"suite|branch|division|section|unit|desk|procedures|special|general|team|staff|"
    r"department|dept|city|county|district|province|region|state|washington|geneva|"
    r"london|brussels|paris|new|york|switzerland|belgium|france|email|e-mail|mail|"
    r"electronic|via|letter|open|joint|statement|contents|table|report|chapter|"
    r"annex|summary|recommendations|introduction|foreword|preface|posted|published)\b",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-.À-ÿĀ-ž]*|[A-Z]\.(?:[A-Z]\.)*|\([A-Z][\w]+\)|"
    # "d'Almeida", "dell'Orto", "'Ofa" (a glottal stop before a capital)
    r"(?:d|l|dell|dall|degli)['’][A-ZÀ-ÖØ-Þ][\w’'\-À-ÿ]*|['’‘][A-ZÀ-ÖØ-Þ][\w’'\-À-ÿ]*|"
    # an Arabic article joined to the name it belongs to: "al-Sisi", "el-Erian", "ad-Din"
    r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul)-[A-ZÀ-ÖØ-Þ][\w’'\-À-ÿ]*)$"
)


@functools.lru_cache(maxsize=8192)
def split_honorific(line: str) -> tuple[str | None, str]:
    """Split stacked honorifics off the start of ``line``.

    Returns:
        ``(honorific, rest)``; honorific is None when the line has none.
    """
    match = _HONORIFIC_RE.match(line)
    if (not match or match.end() == 0) and line[:40].isupper():
        # "HIS EXCELLENCY FERDINAND R. MARCOS JR.": an address block set in capitals
        match = _CAPITALS_HONORIFIC_RE.match(line)
    if not match or match.end() == 0:
        return None, line
    honorific = line[: match.end()].strip()
    return honorific, line[match.end() :].strip()


_CAPITALS_HONORIFIC_RE = re.compile(
    r"^(?:(?:"
    + "|".join(
        re.escape(word)
        for word in sorted(
            [
                "His Excellency",
                "Her Excellency",
                "Their Excellencies",
                "The Right Honourable",
                "The Right Honorable",
                "The Honorable",
                "The Honourable",
                "The Hon.",
                "Honorable",
                "Honourable",
                "Hon.",
                "Mr.",
                "Mrs.",
                "Ms.",
                "Dr.",
                "Prof.",
                "Sr.",
                "Sra.",
                "Excmo.",
                "Excma.",
                "Exmo.",
                "Exma.",
                "Monsieur",
                "Madame",
                "Señor",
                "Señora",
                "Herr",
                "Frau",
            ],
            key=len,
            reverse=True,
        )
    )
    + r")(?=\s|$)\s*)+",
    re.IGNORECASE,
)
"""The styles that open an address line set in capitals ("THE HONORABLE …", "MR. …");
words that are also common nouns ("GENERAL", "SISTER") are left to the cased list."""

_NAME_LINKS = frozenset({"bin", "ibn", "bint", "binti", "ben", "abu", "al", "el"})
"""The words that chain an Arabic name ("son of", "father of", the article)."""

_DIGIT = re.compile(r"\d")
_SURNAME_FIRST = re.compile(
    r"^(?:(?:van|von|de|der|den|da|di|du|le|la)\s+){0,3}[A-ZÀ-ÖØ-Þ][\w’'-]+,\s+(?:[A-Z]\.\s?){1,3}$"
)
"""A name written surname first with initials: "van der Berg-Hoekstra, M.J."."""
_PEER = re.compile(
    r"^(?:Lord|Lady|Baroness|Baron|Viscount|Earl)\s+[A-Z][\w’'-]+(?:\s+of\s+[A-Z][\w’' -]+)?$"
)


_NICKNAME = re.compile(r"\s[“\"][^\W\d][\w.'’ -]{0,20}[”\"](?=\s)")
"""A nickname in quotes between a given name and a surname."""


@functools.lru_cache(maxsize=8192)
def is_person_name(text: str, *, allow_single: bool = False) -> bool:
    """True when ``text`` reads as a personal name ("Antony J. Blinken", "Kovačić").

    Args:
        text: The candidate, without honorific.
        allow_single: Accept a single surname ("Smith"), as after "Mr.".
    """
    if len(text) > 200:
        return False  # no name is this long (and the suffix search is slow on such a line)
    text = _SUFFIX.sub("", text.strip())
    if "“" in text or '"' in text:
        # "Petronilo “Pete” L. Ilagan": a nickname in quotes between the names
        text = _NICKNAME.sub(" ", text)
    if _PEER.match(text) or _SURNAME_FIRST.match(text):
        return True
    if not text or len(text) > 60 or _DIGIT.search(text):
        return False
    if re.search(r"[:;/()!?“”\"&@|]", text):
        return False
    if text.endswith((",", ".")) and not re.search(r"\b[A-Z]\.$", text):
        return False
    tokens = text.split()
    # the links of an Arabic name's chain do not count: "Ali bin Saeed bin Smaikh Al Marri"
    links = sum(1 for token in tokens if token.lower() in _NAME_LINKS)
    if not 1 <= len(tokens) <= 6 + links or (len(tokens) == 1 and not allow_single):
        return False
    if all(len(token.rstrip(".")) == 1 for token in tokens):
        return False  # "A A A" (a text-size control) is no name
    if _NOT_NAME.search(text):
        return False
    capitals = 0
    for token in tokens:
        if token in _PARTICLES:
            if token == tokens[0] and token[:1].islower():
                return False
            continue
        if not _NAME_TOKEN.match(token):
            return False
        capitals += 1
    return capitals >= (1 if allow_single else 2)


@functools.lru_cache(maxsize=8192)
def split_title_name(line: str) -> tuple[str, str] | None:
    """Split "Secretary of State John F. Kerry" into (title, name), if it reads so."""
    tokens = line.split()
    if not 3 <= len(tokens) <= 24:
        return None  # an office and a name are a few words, never a paragraph
    for index in range(1, len(tokens) - 1):
        prefix = tokens[:index]
        if prefix[-1].lower().strip(",") not in _OFFICE_END:
            continue
        if prefix[-1].endswith(","):
            continue  # "Repatriation Commissioner, Cox's Bazar": the office and its seat
        suffix = " ".join(tokens[index:])
        if any(ch.isdigit() for ch in " ".join(prefix)) or not prefix[0][:1].isupper():
            continue
        if any(
            w.islower() and w not in ("of", "the", "for", "and", "on", "de", "du", "des")
            for w in prefix
        ):
            continue
        if tokens[index].lower().strip(",") in _OFFICE_END:
            continue
        if tokens[index].lower() in _PARTICLES:
            continue  # "Presidente da República": the office goes on, no name follows
        if tokens[index].lower().strip(",") in _OFFICE_QUALIFIERS:
            continue  # "Gobernador Constitucional del Estado de Sonora": still the office
        if is_person_name(suffix):
            return " ".join(prefix).rstrip(","), suffix
    return None


def opens_with_office(line: str) -> bool:
    """The line's first word is an office's ("Governador do Estado de Pernambuco",
    "President of the Republic"): an office, whatever the words after it look like."""
    first = line.split(maxsplit=1)[0].lower().strip(",") if line.strip() else ""
    return first in _OFFICE_END


@functools.lru_cache(maxsize=8192)
def is_title_line(line: str) -> bool:
    """True when ``line`` describes a role ("Executive Director", "Author of ...")."""
    text = line.strip()
    first = text.split()[0].lower() if text.split() else ""
    if re.match(r"^(former|formerly|ex-|retired|author|editor|founder|co-founder|member)", first):
        return True
    return bool(_TITLE_WORDS.search(text.split(",")[0]))
