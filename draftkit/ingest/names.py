"""Telling people, titles, organisations and addresses apart in short lines.

These are heuristics over the general shape of names and offices in formal letters
(honorifics, initials, office words, organisation words, postal lines), not lists of
particular people.
"""

from __future__ import annotations

import functools
import re

from draftkit.names import PARTICLES

__all__ = [
    "NOT_POST_NOMINAL",
    "POST_NOMINALS",
    "SIGNATURE_MARK",
    "has_org_word",
    "is_address_start",
    "is_country_list",
    "is_organisation",
    "is_person_name",
    "is_postal_line",
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
    "Shri",
    "Shrimati",
    "Smt.",
    "Sri",
    "Kumari",
    "Dr.",
    "Dr",
    "Prof.",
    "Professor",
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
    "Admiral",
    "Adm.",
    "Colonel",
    "Col.",
    "Monsieur",
    "Madame",
    "Mme",
    "Mme.",
    "M.",
    "Herr",
    "Frau",
    "Señor",
    "Señora",
    "Sr.",
    "Sra.",
    "Excmo.",
    "Excma.",
    "Dña.",
    "D.",
    # Mexican official letters: "C. Claudia Sheinbaum Pardo" (ciudadana), "Lic.", "Mtra."
    "C.",
    "Lic.",
    "Mtro.",
    "Mtra.",
    "Dip.",
    "Ing.",
    # Portuguese and Italian address blocks set the honorific on its own line or stack it:
    # "Exma. Senhora / Dra. Helena Marques", "Gent.ma Sig.ra Dott.ssa Bianchi"
    "Excelentíssimo Senhor",
    "Excelentíssima Senhora",
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
}

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
    r"Jr\.?|Sr\.?|II|III|IV|Esq\.?|Ph\.?D\.?|M\.?D\.?|J\.?D\.?|MPH|M\.?A\.?|M\.?S\.?|MSc|"
    r"LL\.?M\.?|RN|DrPH|FACP|MBBS|B\.?A\.?|MSW|LCSW|DDS|DNP|PsyD|EdD|MBA|MBE|OBE|CBE|KC|QC|MP|"
    r"MEP|MSP|TD|S\.J\.|O\.P\.|USA|USN|USAF|USMC|USCG"
)
POST_NOMINALS = (
    _KNOWN_POST_NOMINALS + "|"
    # other letters after a comma: religious orders and honours ("SJ", "FMM", "OFM", "FRS")
    r"(?!(?:LLC|LTD|INC|PLC|GMBH|AG|SA|NV|BV|CIC|ASBL|AISBL|NGO|USA|UK|EU|"
    # ... but not the acronym of an organisation the person works for ("Ana Ruiz, UN, …")
    r"UN|ONU|UNO|OAS|OEA|WHO|OMS|ILO|OIT|FAO|WFP|PAM|UE|AU|UA|IMF|FMI|ICC|CPI|OSCE|"
    r"UNHCR|HCR|UNDP|PNUD|OHCHR|HCDH|NATO|OTAN|WTO|OMC|IOM|OIM|ICRC|CICR)\b)[A-Z]{2,5}"
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

# Organisation words: a line with one of these names a body, not a person.
_ORG_WORDS = re.compile(
    r"\b(?:watch|institute|institution|foundation|coalition|network|center|centre|council|"
    r"committee|association|union|society|project|alliance|fund|group|forum|"
    r"international|campaign|initiative|action|church|federation|league|movement|"
    r"organi[sz]ation|organi[sz]ations|university|college|school|academy|department|"
    r"ministry|office|bureau|agency|commission|congress|senate|house|parliament|assembly|"
    r"embassy|mission|consulate|government|administration|service|services|corporation|"
    r"company|inc|llc|ltd|gmbh|trust|board|secretariat|nations|partnership|clinic|"
    r"collective|observatory|monitor|desk|guild|press|media|radio|law|rights|programme|"
    r"program|defenders|advocates|lawyers|solidarity|aid|relief|partners|platform|"
    r"consortium|caucus|chamber|court|tribunal|force|army|police|hospital|library|"
    r"museum|press|journal|times|news|post|review|fellowship|ministries|diocese|"
    r"conference|jurists|women|children|youth|refugees|freedom|democracy|justice|peace|"
    r"amnesty|human|humanitarian|humanity|world|global|national|european|african|"
    r"american|asian|united|states|kingdom|republic|federal|collaborative|coalition|"
    r"observatoire|fondation|ligue|comité|comite|réseau|reseau|institut|fundación|"
    r"fundacion|asociación|asociacion|instituto|organización|stiftung|verein|"
    r"gesellschaft|colectivo|alianza|coordinadora|federación|sindicato|movimiento|"
    r"frente|plataforma|unión|mouvement|associação|centro|rede|organisation|ong|ngo|"
    r"panel|bar|firm|llp|lab|laboratory|studies|research|fundació|observatorio|"
    r"periodistas|red|defensores|derechos|libertad|abogacía|abogados|juristas|"
    r"menschenrechte|rechte|verband|bund|netzwerk|droits|homme|libertés|diritti|"
    r"direitos|liga|consejo|comisión|instituut|stichting|forening|förening|authority|"
    r"authorities|municipality|ministerio|minist[ée]rio|minist[èe]re|ministerium|"
    r"secretar[íi]a|departamento|consejer[íi]a|gobierno|gouvernement|regierung|bundestag|"
    r"assembl[ée]e|congreso|senado|s[ée]nat|c[áa]mara|parlamento|parlement|ayuntamiento|"
    r"alcald[íi]a|prefeitura|municipalidad|presidencia|pr[ée]sidence|procuradur[íi]a|"
    r"defensor[íi]a|fiscal[íi]a|tribunal|corte|cour|gericht)\b",
    re.IGNORECASE,
)

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
    r"journalist|activist|defender|survivor|student|candidate|volunteer|organizer|"
    r"organiser|campaigner|spokesperson|chaplain|physician|doctor|nurse|"
    r"psychologist|writer|historian|economist|scientist|engineer|administrator|"
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
    r"(?:bundes|landes|staats)?minister(?:in)?|staatssekret(?:ä|ae)r(?:in)?|"
    r"b(?:ü|ue)rgermeister(?:in)?|rektor(?:in)?|senator(?:in)?|abgeordnete[rn]?|"
    r"beauftragte[rn]?|kanzler(?:in)?|reitor[a]?|vice-reitor[a]?|secret[áa]ri[oa]|"
    r"deputad[oa]|vereador[a]?|rettore|rettrice|sindac[oa]|assessore|presidentessa)\b",
    re.IGNORECASE,
)

_POSTAL = re.compile(
    r"(?:\b\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b[A-Z]{2}-\d{4,5}\b|"
    r"\bP\.?\s?O\.?\s+Box\b|\bSuite\b|\bFloor\b|\bAvenue\b|\bStreet\b|\bRoad\b|\bSt\.?\s|"
    r"\bAve\.?\b|\bBlvd\.?\b|\bBoulevard\b|\bPlace\b|\bSquare\b|\bRue\b|\brue\b|\bStrasse\b|"
    r"\bStraße\b|\bcalle\b|\bAvenida\b|\b(?:Praça|Largo|Travessa|Piazza|Viale|Via|Paseo|"
    r"Carrera|Calle|Rua|Avda\.)\s|\bRond-Point\b|\bPalais\b|\bPlaza\b|\bLane\b|"
    r"\b(?:Circle|Drive|Parkway|Terrace|Crescent|Highway)\b|\bRoom\s+\d|\s(?:NE|NW|SE|SW|N\.W\.|S\.E\.)$|"
    r"\b(?:Office )?Buildings?$|\bHouse Office Building\b|"
    r"^\d+[A-Za-z]?(?:-\d+)?,?\s+\w+|\bWashington,?\s+D\.?C\.?\b|\bNew York,?\s+NY\b|"
    r"^\d{4,5}\s+[A-Z]|"
    r"\bCH-\d{4}\b|^\d[\d\- ]{2,}\s+\w)"
)
_COUNTRY_WORDS = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(name)
        for name in sorted(
            {
                part
                for chunk in (
                    "Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|"
                    "Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|"
                    "Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|"
                    "Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burma|Burundi|Cabo Verde|"
                    "Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|"
                    "Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|"
                    "Czechia|Czech Republic|DRC|Denmark|Djibouti|Dominica|Dominican Republic|"
                    "Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|"
                    "Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|"
                    "Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hong Kong|"
                    "Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|"
                    "Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|"
                    "Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|"
                    "Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|"
                    "Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|"
                    "Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|"
                    "New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|"
                    "Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|"
                    "Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saint Lucia|"
                    "Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|"
                    "Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|"
                    "South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|"
                    "Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste|Togo|"
                    "Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|"
                    "Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|"
                    "United States|USA|US|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|"
                    "Viet Nam|Yemen|Zambia|Zimbabwe|EU|Europe|Africa|Asia|Latin America|"
                    "Global|International|Worldwide",
                )
                for part in chunk.split("|")
            },
            key=len,
            reverse=True,
        )
    )
    + r")\b"
)


@functools.lru_cache(maxsize=4096)
def is_country_list(text: str) -> bool:
    """True for "France", "France / Switzerland", "Kenya and Uganda": places only."""
    rest = _COUNTRY_WORDS.sub("", text)
    leftover = re.sub(r"(?i)[\s,/&;-]|\band\b|\bthe\b", "", rest)
    return bool(_COUNTRY_WORDS.search(text)) and not leftover


_COUNTRY = re.compile(
    r"(?:^|,\s*)(?:United States(?: of America)?|USA|U\.S\.A\.|United Kingdom|UK|Switzerland|"
    r"Belgium|France|Germany|Netherlands|The Netherlands|Austria|Italy|Spain|Kenya|"
    r"Canada|Australia|Japan|South Africa|Argentina|Brazil|Mexico|India|Ethiopia|"
    r"Luxembourg|Sweden|Norway|Denmark|Ireland)$"
)
# Lines that open the postal part of an inside address: the institution at the top of
# an address, a building, or a street.
_ADDRESS_START = re.compile(
    r"^(?:The\s+)?(?:U\.S\.\s+|US\s+|United States\s+)?(?:Department|Dept\.|Ministry|"
    r"Ministère|Ministerio|Embassy|Permanent Mission|Mission|Consulate|Senate|"
    r"House of Representatives|White House|Palais|Headquarters|Office of the United Nations|"
    r"Office of the High Commissioner|United Nations (?:Office|Headquarters)|"
    r"European (?:External|Commission|Parliament|Council)|State Department|"
    r"Foreign,? Commonwealth|Federal (?:Foreign|Ministry|Chancellery)|Auswärtiges|"
    r"Chancellery|Downing Street|Parliament|Houses of Parliament|Capitol|"
    r"Russell Senate|Dirksen Senate|Hart Senate|Rayburn House|Longworth House|Cannon House)"
    r"(?![\w-])"  # "Senate", not "Senator"; "European Commission", not "… Commissioner"
    r"|^(?:U\.S\.|United States|US)\s+(?:Senate|House|Congress|Mission)(?![\w-])"
    r"|(?:Senate|House of Representatives|Department of State|State Department)$"
    r"|^(?:The\s+)?White House$|^(?:Attn|Attention|c/o|Care of)\b",
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
    r"(?:d|l|dell|dall|degli)['’][A-ZÀ-ÖØ-Þ][\w’'\-À-ÿ]*|['’‘][A-ZÀ-ÖØ-Þ][\w’'\-À-ÿ]*)$"
)


@functools.lru_cache(maxsize=8192)
def split_honorific(line: str) -> tuple[str | None, str]:
    """Split stacked honorifics off the start of ``line``.

    Returns:
        ``(honorific, rest)``; honorific is None when the line has none.
    """
    match = _HONORIFIC_RE.match(line)
    if not match or match.end() == 0:
        return None, line
    honorific = line[: match.end()].strip()
    return honorific, line[match.end() :].strip()


_DIGIT = re.compile(r"\d")
_SURNAME_FIRST = re.compile(
    r"^(?:(?:van|von|de|der|den|da|di|du|le|la)\s+){0,3}[A-ZÀ-ÖØ-Þ][\w’'-]+,\s+(?:[A-Z]\.\s?){1,3}$"
)
"""A name written surname first with initials: "van der Berg-Hoekstra, M.J."."""
_PEER = re.compile(
    r"^(?:Lord|Lady|Baroness|Baron|Viscount|Earl)\s+[A-Z][\w’'-]+(?:\s+of\s+[A-Z][\w’' -]+)?$"
)


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
    if _PEER.match(text) or _SURNAME_FIRST.match(text):
        return True
    if not text or len(text) > 60 or _DIGIT.search(text):
        return False
    if re.search(r"[:;/()!?“”\"&@|]", text):
        return False
    if text.endswith((",", ".")) and not re.search(r"\b[A-Z]\.$", text):
        return False
    tokens = text.split()
    if not 1 <= len(tokens) <= 6 or (len(tokens) == 1 and not allow_single):
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
        if is_person_name(suffix):
            return " ".join(prefix).rstrip(","), suffix
    return None


@functools.lru_cache(maxsize=8192)
def is_postal_line(line: str) -> bool:
    """True for street, building, postcode, city and country lines."""
    return bool(_POSTAL.search(line) or _COUNTRY.search(line.strip()))


@functools.lru_cache(maxsize=8192)
def is_address_start(line: str) -> bool:
    """True for a line that opens the postal part of an inside address."""
    return bool(_ADDRESS_START.search(line.strip())) or is_postal_line(line)


@functools.lru_cache(maxsize=8192)
def has_org_word(line: str) -> bool:
    """True when ``line`` contains a word that names a body (Institute, Watch, Ministry ...)."""
    return bool(_ORG_WORDS.search(line))


@functools.lru_cache(maxsize=8192)
def is_title_line(line: str) -> bool:
    """True when ``line`` describes a role ("Executive Director", "Author of ...")."""
    text = line.strip()
    first = text.split()[0].lower() if text.split() else ""
    if re.match(r"^(former|formerly|ex-|retired|author|editor|founder|co-founder|member)", first):
        return True
    return bool(_TITLE_WORDS.search(text.split(",")[0]))


@functools.lru_cache(maxsize=8192)
def is_organisation(line: str) -> bool:
    """True when ``line`` is an organisation's name standing alone.

    A line combining a role and an organisation ("Professor, Georgetown University",
    "Chair, Pacific Rim Defenders Network") is a title, not an organisation.
    """
    text = line.strip()
    if (
        not text
        or len(text) > 120
        or (text.endswith((".", ":", ";")) and not text.endswith(("Inc.", "Ltd.", "Co.", "e.V.")))
    ):
        return False
    if re.search(r"(?i)\((?:former|ret\.?|retired|emerit\w+)\)", text):
        return False
    head_words = text.split()[:2]
    if (
        _TITLE_WORDS.search(" ".join(head_words))
        and not re.match(
            r"(?i)^(?:the\s+)?(?:committee|council|institute|center|centre|office|ministry|"
            r"department|bureau|board|association|union|society|foundation|coalition|network)\b",
            text,
        )
        and not _ORG_WORDS.search(" ".join(head_words))
    ):
        return False
    if "," in text:
        before, _, after = text.partition(",")
        if _TITLE_WORDS.search(before) and not _ORG_WORDS.search(before):
            return False  # "Professor, Georgetown University"
        if (
            _ORG_WORDS.search(after)
            and _ORG_WORDS.search(before)
            and re.search(r"(’s|'s)\b", before)
        ):
            return False  # "Dean’s Council, Roxbury College of Law"
    if is_title_line(text) and not _ORG_WORDS.search(text):
        return False
    first = text.split()[0]
    if is_title_line(first) and first.lower() not in ("national", "international", "human"):
        # "Senior Pastor", "Executive Director" ... but "Independent Journalists’ Union"
        if not _ORG_WORDS.search(" ".join(text.split()[1:])):
            return False
        if re.match(
            r"(?i)^(senior|executive|deputy|assistant|acting|director|professor|"
            r"chair|head|chief|member|fellow|adviser|advisor|counsel)\b",
            text,
        ):
            return False
    words = [w for w in re.split(r"\s+", text) if w]
    lowers = [
        w
        for w in words
        if w[:1].islower()
        and w.lower()
        not in (
            "of",
            "for",
            "and",
            "the",
            "in",
            "on",
            "to",
            "at",
            "de",
            "des",
            "du",
            "la",
            "le",
            "les",
            "et",
            "pour",
            "del",
            "y",
            "por",
            "la",
            "a",
            "an",
            "without",
            "with",
            "against",
            "from",
            "by",
            "über",
            "für",
            "und",
            "van",
            "der",
            "e",
            "da",
            "do",
            "los",
            "las",
            "el",
            "di",
            "dos",
            "das",
            "die",
            "von",
            "zu",
            "al",
            "för",
            "och",
            "og",
            "i",
            "en",
            "sur",
            "au",
            "aux",
            "dei",
            "della",
            "degli",
            "em",
            "na",
            "no",
        )
    ]
    # "Independent researcher": lower-case words and no organisation word
    return not (lowers and not _ORG_WORDS.search(text))
