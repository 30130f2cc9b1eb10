"""Telling an organisation's name apart in short lines.

A line is an organisation's when it holds an organisation word (ministry, council,
coalition, foundation, …) in the shape of a name, not a person's title or an office.
Heuristics over the general shape of organisations' names, not lists of them.
"""

from __future__ import annotations

import functools
import re

from draftkit.ingest.names import _TITLE_WORDS, is_title_line

__all__ = ["has_org_word", "is_organisation"]


# Organisation words: a line with one of these names a body, not a person.
_ORG_WORDS = re.compile(
    r"\b(?:watch|institute|institution|foundation|coalition|network|center|centre|council|"
    r"committee|association|union|society|project|alliance|fund|group|forum|"
    r"international|campaign|initiative|action|church|federation|league|movement|"
    r"organi[sz]ation|organi[sz]ations|university|college|school|academy|department|"
    r"ministry|office|bureau|agency|commission|congress|senate|house|parliament|assembly|"
    r"embassy|mission|consulate|government|administration|service|services|corporation|"
    r"company|inc|llc|ltd|gmbh|trust|board|secretariat|nations|partnership|clinic|"
    r"bank|banks|banco|banque|holdings|"
    r"collective|observatory|monitor|desk|guild|press|media|radio|law|rights|programme|"
    r"program|defenders|advocates|lawyers|solidarity|aid|relief|partners|platform|"
    r"consortium|caucus|chamber|court|tribunal|force|army|police|hospital|library|"
    r"museum|press|journal|times|news|post|review|fellowship|ministries|diocese|"
    r"conference|jurists|women|children|youth|refugees|freedom|democracy|justice|peace|"
    r"amnesty|human|humanitarian|humanity|world|global|national|european|african|"
    r"american|asian|united|states|kingdom|republic|federal|collaborative|coalition|"
    r"observatoire|fondation|ligue|comité|comite|réseau|reseau|institut|fundación|"
    r"fundacion|asociación|asociacion|instituto|organización|stiftung|verein|"
    r"gesellschaft|colectivo|coletivo|collectif|kollektiv|alianza|coordinadora|federación|"
    r"fédération|federação|sindicato|syndicat|movimiento|movimento|"
    r"frente|plataforma|unión|mouvement|associação|centro|rede|organisation|ong|ngo|"
    r"panel|bar|firm|llp|lab|laboratory|studies|research|fundació|observatorio|"
    r"periodistas|red|defensores|derechos|libertad|abogacía|abogados|juristas|"
    r"menschenrechte|rechte|verband|bund|netzwerk|droits|homme|libertés|diritti|"
    r"direitos|liga|consejo|comisión|instituut|stichting|forening|förening|authority|"
    r"authorities|municipality|ministerio|minist[ée]rio|minist[èe]re|ministerium|"
    r"secretar[íi]a|departamento|consejer[íi]a|gobierno|gouvernement|regierung|bundestag(?:e?s)?|"
    r"assembl[ée]e|congreso|senado|s[ée]nat|c[áa]mara|parlamento|parlement|ayuntamiento|"
    r"alcald[íi]a|prefeitura|municipalidad|presidencia|pr[ée]sidence|procuradur[íi]a|"
    r"defensor[íi]a|fiscal[íi]a|tribunal|corte|cour|gericht)\b",
    re.IGNORECASE,
)


_GERMAN_BODY = re.compile(
    r"(?i:\b\w*(?:ministerium|beh(?:ö|oe)rde|verwaltung|gericht|kanzleramt|ausschuss)(?:e?s)?\b|"
    r"\b(?:aufsichts|betriebs|stadt|bundes|gemeinde|kreis|vorstands|bei|menschenrechts)rat\b|"
    r"\b\w+(?:forum|netzwerk|b(?:ü|ue)ndnis|verband|verein|stiftung|institut|zentrum)\b)|"
    r"\bAmt\b|\b(?:AG|SE|KG|KGaA|e\.\s?V\.)(?=\s|$|,)"
)
"""A German body named by a compound or its legal form: "Bundesministerium des Innern",
"Vorsitz des Ausschusses" (the genitive too),
"Auswärtiges Amt", "Aufsichtsrat der Nordhagen AG", "Netzwerk … e. V."."""


@functools.lru_cache(maxsize=8192)
def has_org_word(line: str) -> bool:
    """True when ``line`` contains a word that names a body (Institute, Watch, Ministry ...)."""
    return bool(_ORG_WORDS.search(line) or _GERMAN_BODY.search(line))


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
