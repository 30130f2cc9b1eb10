"""The two lines every letter has: the salutation that opens it and the close that ends it.

:func:`match_salutation` and :func:`close_strength` judge one line. A salutation is
recognised by its words ("Dear …,", "Excellency:", "Sir,", "Respected Madam / Sir,") or,
failing that, by its shape: a short greeting line ending in a comma that names offices or
people, between the letter's head and its first paragraph (:func:`shaped_salutation`;
the caller checks the surroundings). A close is a valediction ("Sincerely,", "Yours
faithfully,", "Signed,", "Thanking you.", "With cordial greetings,", a French or Spanish
formula); :func:`close_strength` says how sure the words alone make it.
"""

from __future__ import annotations

import functools
import re

from draftkit.ingest import names
from draftkit.ingest.text import Line
from draftkit.sentences import LIST_INTRO_END

__all__ = [
    "close_strength",
    "is_close",
    "is_closing_line",
    "is_politeness_formula",
    "match_salutation",
    "shaped_salutation",
]

_SALUTATION = re.compile(
    r"^(?P<sal>"
    r"(?:(?:My\s+)?Dear(?:est)?|Hello|Greetings|Estimad[oa]s?|Apreciad[oa]s?|Sehr geehrte[rn]?|"
    r"Bonjour|Bonsoir|Hola|Buenos d[ií]as|Buenas tardes|Hallo|Guten Tag|"
    r"Cher|Chère|Chers|Chères|Respected|Respectable|Esteemed|Liebe[rs]?|Werte[rs]?|"
    r"Respetad[oa]s?|Distinguid[oa]s?|Querid[oa]s?|Prezad[oa]s?|Car[oa]s?|"
    r"Exc?elent[íi]s{1,2}im[oa]s?|Gentile|Gentili|Egregi[oa]|Geachte|Beste|"
    # Italian "On.le Ministro …," / "Onorevole …," / "Illustre …,", Dutch "Meneer de …,"
    r"On\.le|Onorevol[ei]|Illustr[ei]|Meneer|Mevrouw)\s+"
    # "Dear Stack Overflow, Inc.,": the comma before a company's suffix is the name's
    r"(?:[^,:;!\n]|,\s*(?-i:Inc|Ltd|LLC|Corp|Co|plc|PLC|S\.A|SA|GmbH|AG|N\.V|B\.V|Pty\s+Ltd)"
    r"\.?(?=\s*[,:;!]))"
    r"{1,120}?[,:;!](?!\s*(?-i:Inc|Ltd|LLC|Corp|Co|plc|PLC|S\.A|SA|GmbH|AG|N\.V|B\.V|Pty\s+Ltd)"
    r"\.?\s*[,:;!])"
    r"|De\s+(?:nuestras?|mis?)\s+(?:mayor|m[aá]s\s+alta|m[aá]s\s+distinguida|especial|"
    r"consideraci[oó]n\s+y\s+)?\s*(?:consideraci(?:[oó]n|ones)|estima)\s*[,:]"
    r"|(?:Un\s+)?[Cc]ordial\s+saludo\s*[,:]"
    r"|Egregi[oae]?\s*[,:]|Gent\.?\s*(?:mo|ma|mi|me)\.?\s+[^,:;!\n]{1,120}?[,:;!]"
    r"|Spett\.?\s*(?:le|li)\.?\s+[^,:;!\n]{1,80}[,:]"
    r"|(?:Tēnā|Tena)\s+(?:koe|kōrua|korua|koutou)(?:\s+[^,:;!\n]{1,80})?[,:;!]"
    r"|Kia\s+ora(?:\s+[^,:;!\n]{1,80})?[,:;!]|E\s+(?:te|ngā|nga)\s+[^,:;!\n]{1,80}[,:;!]"
    r"|(?:Your\s+|Their\s+|Vuestra\s+|Votre\s+|Vossa\s+|Eure\s+|Euer\s+)?(?:Excellenc(?:y|ies)|"
    r"Excelencia|Excellence|Excel[êe]ncia|Exzellenz)[,:!]"
    # "Your Honor:" to a judge, "Your Eminence," to a cardinal, "Your Majesty," …
    r"|(?:Your|Their)\s+(?:Honou?rs?|Eminence|Majesty|Majesties|Holiness|Grace|Lordships?|"
    r"Ladyship|Royal Highness|Beatitude|Worship)[,:!]"
    # "Honorables Comisionadas y Comisionados:", "Honorable Señora Presidenta:"
    r"|Honorabl[ea]s?\s+[^,:;!\n]{1,80}?[,:]"
    # "Your Excellency and Madam/Sir Chairperson:": a greeting to two addressees
    r"|(?:Your\s+)?Excellenc(?:y|ies)\s+and\s+(?:Dear\s+)?[A-Z][^,:;!\n]{1,80}[,:]"
    r"|(?:Dear\s+)?(?:(?:Exm[oa]s?|Excm[oa]s?|Ilm[oa]s?)\.?\s+)?"
    r"(?:Sir|Madam|Sir or Madam|Madam or Sir|Sirs|Sir/Madam|Madam/Sir|Colleagues|"
    r"Friends|Members|Mesdames|Messieurs|Mesdames et Messieurs|Monsieur|Madame|Señor|Señora|"
    r"Señores|Señoras|Senhor(?:\(a\)|\(es\))?|Senhora|Senhores|Senhoras|"
    # "Exmos. Srs.,": the plural abbreviated, the whole greeting
    r"Sr[ea]?s\.?(?=\s*[,:])|"
    r"(?:Exm[oa]s?\.?\s+|Excm[oa]s?\.?\s+|Ilm[oa]s?\.?\s+)?(?:Sr[as]?|Sres|Sras)\.(?=\s+(?:President|Ministr|Secret|Senador|"
    r"Deputad|Diputad|Governador|Gobernador|Prefeit|Alcald|Embaixador|Embajador|Juiz|Juez|"
    r"Procurador|Relator|Director|Diretor|Conselheir|Consejer)))(?:\s+[^,:;\n]{1,60})?[,:]"
    # "Sr. Governador.", "Señora Ministra.": the office greeted, closed by a full stop
    r"|(?:Sr|Sra|Senhora?|Señora?|Exm[oa]\.?\s+Sr[a]?)\.?\s+(?:Governador|Gobernador|"
    r"Presidente|Prefeit[oa]|Alcalde(?:sa)?|Ministr[oa]|Deputad[oa]|Diputad[oa]|Senador[a]?|"
    r"Secret[áa]ri[oa]|Intendente|Vereador[a]?|Concejal)\.(?=\s*$)"
    r"|To whom it may concern[,:]?"
    # the same impersonal greeting in Spanish, Portuguese and French
    r"|A\s+quien(?:es)?\s+(?:corresponda|(?:pueda|puedan)\s+interesar)[,:.]?"
    r"|A\s+quem\s+(?:possa|interessar\s+possa|de\s+direito)(?:\s+interessar)?[,:.]?"
    r"|[ÀA]\s+qui\s+de\s+droit[,:.]?"
    r"|To\s+(?:all\s+)?(?:(?:our|my|fellow)\s+)?(?:colleagues|friends|citizens|journalists|"
    r"policy\s?makers|scientists|researchers|neighbou?rs|residents|voters|members|allies)"
    r"(?:,?\s+(?:and\s+)?(?:the\s+)?[A-Za-z-]+(?:\s+[A-Za-z-]+)?){0,6}\s*[,:](?=\s*$)"
    r"|To\s+(?!whom\b)(?:the\s+)?(?:Honou?rable|President|Prime|Secretary|Minister|Members|"
    r"Ambassador|Senator|Representative|Chair|Excellenc|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|"
    r"Court|Committee|Commission|Council|Board|Panel|Tribunal|Editors?|Judges|Justices|Clerk|"
    r"Mayors?|Governors?|Leaders|Delegates|Ministers|Senators|"
    r"Representatives|Chairs?)"
    r"[^,:;\n]{0,80}[,:](?=\s*$)"
    # "To Senator Bob Casey, I'm writing this open letter.": the office and the name, then
    # the letter's first sentence run on after the comma
    r"|To\s+(?:Senator|Representative|Congress(?:man|woman|member)|Governor|Mayor|President|"
    r"Prime\s+Minister|Minister|Secretary|Councill?or|Council\s?member|Commissioner|Premier|"
    r"Chancellor|Ambassador|Speaker|Chair(?:man|woman|person)?)"
    r"(?:\s+(?-i:[A-Z][\w.-]*)){1,4},(?=\s+(?-i:[A-Z]))"
    # "A los senadores y senadoras de Colombia:", "Aos deputados federais:", "Aux membres du
    # Conseil :": a Spanish, Portuguese or French address to a body, alone with its colon
    r"|(?:A\s+(?:los|las|la|el)|Al|Aos|Às|Ao|Aux|Au)\s+(?!atenci|aten[çc])"
    r"(?-i:[a-zñáéíóúçâêôãõ]*[A-Za-zÁÉÍÓÚÑ])[^,:;\n]{2,80}\s?:(?=\s*$)"
    r"|(?:Mr\.?|Madam|Madame|Monsieur le|Madame la)\s+(?:President|Secretary|Secretary-General|"
    r"Chair|Chairman|Chairwoman|Speaker|Prime Minister|Minister|Ambassador|Commissioner|"
    r"High Commissioner|Rapporteur|Special Rapporteur|Director|Director-General|Mayor|"
    r"Governor|Président|Présidente|Ministre|Vice President|Vice-President|"
    r"Haut-Commissaire|Haute-Commissaire|Rapporteur spécial|Rapporteuse spéciale|"
    r"Secrétaire général|Directeur général|Directrice générale)"
    r"(?:\s+(?:de|du|des|de la|of|for|del|de los)\s+[^,:;\n]{1,60})?[,:]"
    # "A Sua Excelência o Primeiro-Ministro, aos ilustres membros da Assembleia …,": the
    # Portuguese (and Spanish) address to the reader by style, alone on its line
    r"|(?:A|À|Ao|Aos)\s+(?:Sua|Vossa|Su|Vuestra)\s+Excel[êe]ncia\b[^\n]{0,240}[,:](?=\s*$)"
    # "Mr. Peter Hamilton:" alone on its line: the formal US greeting by name, its colon
    r"|(?:Mr|Mrs|Ms|Mx|Dr|Miss|Prof)\.?\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3}:"
    r"(?=\s*$)"
    # "Mr. Carr, Mr. O'Rielly, and Mr. Pai:": several readers greeted by name
    r"|(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+(?-i:[A-Z][\w'’-]+),?\s+(?:and\s+|&\s+)?){1,6}"
    r"(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+(?-i:[A-Z][\w'’-]+):(?=\s*$)"
    # "Sen. Gardner,", "Rep. Ortiz:", "Gov. Polis,": the office abbreviated, the name after
    r"|(?:Sen|Rep|Gov|Cllr|Amb|Pres|Supt)\.\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2}"
    r"[,:](?=\s*$|\s+(?-i:[A-Z])[^\n]{30,})"
    r"|(?:Senator|Representative|Congress(?:man|woman|member)|Council\s?(?:member|man|woman|lor)|"
    r"Supervisor|Commissioner|Mayor|Governor|Secretary|Minister|Ambassador|Chair(?:man|woman|person)?|"
    r"Speaker|Leader|Administrator|Judge|Justice|Premier|Delegate|Assembly(?:member|man|woman)|"
    r"Alder(?:man|woman|person)|Trustee|Superintendent|Sheriff|Director|Professor)"
    # "Senator Padilla," / "Director Okafor," (not "Director General, Zambia …": an office)
    r"\s+(?!(?:General|Generale|Executive|Ejecutiv[oa]|Exécutif|Adjunt[oa]|Regional|"
    r"National|Deputy|Designate)\b)(?-i:[A-Z][\w'’-]+)[,:](?=\s*$|\s+(?-i:[A-Z])[^\n]{30,})"
    r"|Ladies and Gentlemen[,:]|Distinguished\s+[^,:\n]{1,80}[,:]|Honou?rable\s+[^,:\n]{1,80}[,:]"
    r")(?P<rest>.*)$",
    re.IGNORECASE,
)
_SALUTATION_BARE = re.compile(
    r"^(?:(?:My\s+)?Dear|E\s+(?:te|ngā|nga)|(?:Tēnā|Tena)\s+(?:koe|kōrua|korua|koutou)|"
    # "Excelentíssima Senhora Presidenta da República" alone over the first paragraph
    r"Excelent[íi]s{1,2}im[oa]s?\s+(?:Senhor|Senhora|Señor|Señora|Sr|Sra)\b|"
    # "Meu caro presidente José Patriota" alone over the first paragraph
    r"(?:Meu|Minha|Mi)\s+(?:car[oa]|querid[oa])|Prezad[oa]|Car[oa](?=\s+(?-i:[A-Z])|\s+(?:presidente|"
    r"ministr[oa]|senador|deputad[oa]|governador|prefeit[oa]|amig[oa])\b)|"
    # "Estimados miembros del Directorio del CONICET" alone over the first paragraph: the
    # Spanish, French and German greeting words, as "Dear Minister" goes without its comma
    r"(?:Estimad|Querid|Distinguid|Apreciad|Respetad)(?:[oa]s?|[oa]s/[oa]s|[oa]s\([oa]s\))|"
    r"Ch[eè]re?s?|Sehr\s+geehrte[rn]?)"
    # ("Dear M..." / "Dear M…": a form letter's greeting, the name left to the sender)
    r"(?:\s+[^.!?,:;]{1,80})?(?:\.|\.\.\.|…)?$"
)
"""A greeting without its comma, or with a full stop for it: "Dear Minister", "Dear Sir.",
in Portuguese "Meu caro presidente José Patriota", and in te reo Māori "E te Pirimia"."""
_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sen|Rep|Gov|Amb|Hon|Rev|Sr|Sra|Jr|Gen|Col|Lt|Capt|Mme|"
    r"Excmo|Excma|H\.E|S\.E)\.|\b[A-Z]\.",
)

_CLOSE = re.compile(
    r"^(?:"
    r"(?:(?:very\s+)?(?:truly|sincerely|faithfully|respectfully|cordially|gratefully)\s+yours)"
    # ("Your sincerely," the slip of a hurried writer, closes as well)
    r"|(?:yours?\s+(?:very\s+)?(?:sincerely|faithfully|truly|respectfully|cordially|ever|"
    r"gratefully|warmly|hopefully))"
    r"|(?:(?:most\s+|very\s+)?(?:sincerely|faithfully|respectfully|cordially|gratefully|"
    r"truly))"
    r"|respectfully\s+submitted|yours|"
    # "Your constituent," over the name: the voter's sign-off to a representative
    r"(?:(?:sincerely|respectfully),?\s+)?your\s+(?:concerned\s+)?constituents?|"
    # "Your neighbor in peace,": the writer's tie to the reader, as "Your constituent" is
    r"your\s+(?:neighbou?r|friend)s?(?:\s+in\s+(?:peace|solidarity|faith|hope))?|"
    r"stay\s+safe|"
    r"(?:with\s+)?(?:(?:kind|best|warm|warmest|kindest|sincere|warm\s+and\s+kind)\s+)?regards"
    r"|(?:with\s+)?(?:(?:very|all|my|our)\s+)?(?:best|warm|kind)(?:est)?\s+wishes|best|warmly"
    r"|all\s+the\s+best"
    # "With urgency,": a word of the letter's spirit after "with", as "With hope," is
    r"|with\s+(?:urgency|determination|resolve|love|care|concern|conviction)|"
    r"(?:yours\s+)?in\s+(?:peace|solidarity|faith|hope|fellowship|friendship|christ|gratitude|service|partnership|unity|prayer|justice|struggle)(?:(?:\s*,\s*|\s+and\s+)(?:peace|solidarity|faith|hope|fellowship|friendship|christ|gratitude|service|partnership|unity|prayer|justice|struggle))*|with\s+hope"
    r"|(?:with\s+)?(?:(?:many|warm|our)\s+)?(?:prayers|blessings)|peace\s+and\s+blessings|shalom|salaam"
    r"|with\s+(?:(?:the|our|my)\s+)?(?:renewed\s+)?(?:assurances?|expressions?|sentiments?)\s+of\s+"
    r"[^,]{3,120}"
    # "Please accept, Excellency, the assurances of our highest consideration," with its
    # comma is the valediction; with a full stop it is a closing sentence (below)
    r"|(?:please\s+)?accept\b.{0,200}?(?:consideration|respect|esteem|regards)(?=,?$)"
    r"|in\s+solidarity|with\s+(?:gratitude|thanks|appreciation|respect|hope|best\s+regards)"
    r"|(?:with\s+)?(?:(?:our|my)\s+)?(?:cordial|warm|kind|fraternal|respectful|best)\s+greetings"
    r"|(?:many\s+)?thanks(?:\s+again)?|thank\s+you(?:\s+again)?|thanking\s+you(?:\s+again)?"
    r"|thank\s+you\s+(?:so|very)\s+much(?:\s+again)?!?"
    r"|(?:thank\s+you|thanking\s+you|thanks)(?:\s+again)?\s+for\s+your\s+(?:kind\s+|careful\s+)?"
    r"(?:consideration|attention|time|leadership|support|service|thoughts|help|efforts|work|"
    r"cooperation|commitment|review)(?=,$)"
    r"|signed|sincerely\s+signed|from(?=,$)"
    r"|(?:bien\s+|tr[èe]s\s+)?cordialement|atentamente|atte\.?|bien\s+[àa]\s+vous|"
    r"(?:bien\s+|tr[èe]s\s+)?respectueusement|respetuosamente|respeitosamente|"
    # Russian "С уважением," (with respect), Chinese "此致" (the formula over the signer)
    r"с\s+(?:глубоким\s+)?уважением|с\s+наилучшими\s+пожеланиями|искренне\s+ваш[аи]?|"
    r"此致(?:\s*敬礼)?|"
    r"(?:le\s+|les\s+)?saluda(?:n|mos)?\s+(?:muy\s+)?atentamente(?:\s+a\s+(?:uds?|usted(?:es)?)\.?)?|"
    # "Saludamos a Ud atte": the reader named before the adverb, abbreviated
    r"(?:le\s+|les\s+)?saluda(?:n|mos)?\s+a\s+(?:uds?|usted(?:es)?|v\.?\s?e\.?)\.?\s+"
    r"atte\.?|"
    r"(?:(?:tr[èe]s|bien)\s+)?(?:meilleures|sinc[èe]res|cordiales|respectueuses)\s+salutations|"
    r"salutations\s+distingu[ée]es|"
    r"(?:recib[ae]n?\s+)?(?:un\s+)?(?:cordial|atento|afectuoso)\s+saludo|saludos(?:\s+cordiales)?|"
    # "Recibe el saludo de Paz y Bien": a greeting sent at the letter's end
    r"recib[ae]n?\s+(?:el|un|mi|nuestro)\s+(?:\w+\s+)?saludo(?:\s+de\s+[^,.]{2,40})?|"
    # "Mui respeitosamente,": the Portuguese formal close
    r"mu(?:i|ito)\s+respeitosamente|"
    r"com\s+(?:os\s+)?(?:(?:melhores|cordiais|respeitosos)\s+)?cumprimentos|"
    r"(?:os\s+)?melhores\s+cumprimentos|cumprimentos(?:\s+cordiais)?|saudações(?:\s+cordiais)?|"
    # a union's or a movement's close: "Saudações sindicais", "Un saludo fraterno,"
    r"saudações\s+(?:sindicais|fraternas|solidárias|democráticas|feministas|antifascistas)|"
    r"(?:un\s+)?saludo\s+(?:fraterno|fraternal|solidario|combativo)|saludos\s+(?:fraternos|solidarios)|"
    r"fraternalmente|solidariamente|en\s+solidaridad|em\s+solidariedade|"
    # "Abraço" / "Um forte abraço," over the name: the Portuguese and Spanish warm close
    r"(?:um\s+|un\s+)?(?:(?:forte|grande|fuerte|gran)\s+)?abra(?:ç|c|z)os?|"
    # "Sinceramente suyos,": the Spanish (and Portuguese) "Sincerely yours"
    r"(?:sinceramente|cordialmente|atentamente)\s+(?:suy[oa]s?|vuestr[oa]s?|seus?|suas?)|"
    r"sinceramente|"
    r"com\s+(?:a\s+mais\s+)?elevad[ao]\s+(?:consideração|estima)|"
    r"con\s+(?:i\s+migliori\s+saluti|osservanza|stima|viva\s+cordialità)|in\s+fede|"
    # "Con i nostri più distinti saluti.", "Con i miei più cordiali saluti"
    r"con\s+i\s+(?:nostri|miei)\s+(?:pi[uù]\s+)?(?:distinti|cordiali|sinceri)\s+saluti|"
    r"(?:un\s+)?cordiale\s+saluto|mit\s+freundlichen\s+grüßen|"
    # "Hochachtungsvoll und mit grünen Grüssen", "Mit freundlichem Gruß" (the singular)
    r"hochachtungsvoll(?:\s+und\s+mit\s+(?:\w+\s+){0,2}gr(?:ü|ue)(?:ß|ss)en)?|"
    r"mit\s+(?:\w+\s+){0,2}gru(?:ß|ss)|"
    r"mit\s+(?:vorz(?:ü|ue)glicher|ausgezeichneter)\s+hochachtung|"
    r"respetuosamente|con\s+(?:todo\s+)?(?:respeto|aprecio)|"
    r"mit\s+(?:\w+\s+){0,2}gr(?:ü|ue)(?:ß|ss)en|(?:viele|herzliche|beste|liebe)\s+gr(?:ü|ue)(?:ß|ss)e|"
    r"cordialmente|saludos\s+cordiales|atenciosamente|respeitosamente|cordiais\s+saudações|"
    r"(?:cordiali|distinti)\s+saluti|met\s+vriendelijke\s+groet(?:en)?|hoogachtend|"
    r"n[āa]ku\s+(?:iti\s+)?noa,?\s+n[āa]|ng[āa]\s+mihi(?:\s+nui)?(?:\s+ki\s+a\s+koe)?|"
    r"noho\s+ora\s+mai"
    r")[,.]?$",
    re.IGNORECASE,
)
_COLON_CLOSE = re.compile(
    r"(?i)^(?:atentamente|cordialmente|respetuosamente|atenciosamente|respeitosamente|"
    r"sincerely|respectfully|cordialement)\s*:$"
)
"""Closes written with a colon ("Atentamente:", as Spanish letters often do)."""
_SENTENCE_CLOSE = re.compile(
    r"(?i)^(?:many\s+)?thank|^with\s+(?:gratitude|thanks)|^signed|^from,$"  # "From," (a child's)
)
"""Closes that are also ordinary sentences or list labels: they need a comma, or a signer
after them, to count."""

_GREETING_WORDS = re.compile(
    r"(?i)\b(?:sir|madam|madame|excellenc\w*|honou?rable|members?|colleagues|friends|"
    r"ministers?|presidents?|secretar(?:y|ies)|senators?|representatives?|commissioners?|"
    r"rapporteurs?|envoys?|ambassadors?|chairs?|directors?|governors?|mayors?|councill?ors?|"
    r"delegates?|leaders?|heads?|officials|judges?|justices?|council|committee|supervisors?|"
    r"councilmembers?|alder(?:wo)?m[ae]n|presidente|presidenta|ministr[oa]s?|ministres?|"
    r"senador(?:a|es)?|deputad[oa]s?|diputad[oa]s?|governador(?:a|es)?|gobernador(?:a|es)?|"
    r"prefeit[oa]s?|alcaldes?|alcaldesa|député(?:e|s)?|sénat(?:eur|rice)s?)\b"
)


def _name_like_tail(rest: str) -> bool:
    """ "Ms. Okonjo-Bright:" after "Dear High Commissioner,": a name, not a sentence."""
    plain = _ABBREVIATION.sub("", rest)
    words = rest.split()
    # a longer tail is a list of names: "Judge Hardiman, Judge Lungstrum and Chief Judge Sippel:"
    small = ("and", "or", "&", "y", "et", "of", "the", "de", "for")
    listed = len(words) <= 24 and all(w[:1].isupper() or w.lower() in small for w in words)
    # "Dear Foreign, Commonwealth and Development Office (FCDO) and the Leadership team,":
    # an office's name runs on past its comma, with a lowercase word or two of its own
    lowercase = [w for w in words if not (w[:1].isupper() or w[:1] in "(&" or w.lower() in small)]
    named = len(words) <= 16 and words[:1] != [] and words[0][:1].isupper() and len(lowercase) <= 1
    listed = listed or named
    return (
        (len(words) <= 8 or listed)
        and re.search(r"[,:]$", rest) is not None
        and re.search(r"[.!?]", plain) is None
    )


def match_salutation(line: Line) -> tuple[str, str] | None:
    """The salutation on ``line`` by its words, and any text running on after it.

    Returns:
        ``(salutation, rest)``; ``rest`` is the start of the first paragraph when the
        letter runs on after the salutation on the same line, else "". None when the
        line is not a salutation.
    """
    # ("Sehr\xa0geehrte\xa0Damen\xa0und\xa0Herren,": a page's non-breaking spaces are spaces)
    text = line.text.replace("\u00a0", " ")
    if not text or text[0] in "“\"‘'«„(" or len(text) > 2000 or "\t" in text.strip():
        return None  # a quotation, a wall of text, or a table row ("Friends of Ash Park\tAsh")
    if line.style and line.style.lower() == "salutation":
        return text.strip(), ""
    if text[0].islower() and not re.match(r"(?:my\s+)?dear\b|hi\b|hello\b", text):
        # "members of the academe, all based in …": a paragraph's line wrapped in the
        # middle of a sentence, not a greeting (which opens with a capital or "dear")
        return None
    return _salutation_in(text)


_POST_NOMINALS_ONLY = re.compile(
    rf"(?:{names.POST_NOMINALS})\.?(?:,?\s+(?:{names.POST_NOMINALS})\.?)*"
)
"""Only letters after a name ("GCON", "CFR, mni"): what follows a name, not a greeting."""


@functools.lru_cache(maxsize=16384)
def _salutation_in(text: str) -> tuple[str, str] | None:
    if re.match(r"(?i)^dear\s+(?:readers?|subscribers?|supporters?|visitors?|friends of)\b", text):
        return None
    if re.match(r"(?i)^(?:(?:warm|warmest|cordial|kind|fraternal)\s+)?greetings\s+from\b", text):
        return None  # "Greetings from PH Haiyan!" under the greeting: a pleasantry, no one greeted
    if re.match(r"(?i)members\s*:", text.strip()):
        return None  # "Members: Representatives from …": a label, no greeting
    match = _SALUTATION.match(text)
    if match:
        sal = match.group("sal").strip()
        rest = match.group("rest").strip()
        if rest and _POST_NOMINALS_ONLY.fullmatch(rest):
            # "Distinguished Senator Godswill Obot Akpabio, GCON": a name line and its
            # honours, over the address; no greeting
            return None
        if rest and len(text) < 200 and _name_like_tail(rest):
            return text.strip(), ""  # "Dear Secretary Blinken, Under Secretary Nuland:"
        if (
            rest
            and len(text) < 200
            and re.match(r"(?i)dear\s", rest)
            and re.search(r"[,:!]$", rest.strip())
            and not re.search(r"[.?]", _ABBREVIATION.sub("", rest))
        ):
            # "Dear Government, Dear Parliament Parties, Dear Members of …!": several
            # greetings on one line, one salutation
            return text.strip(), ""
        if (
            rest
            and re.match(r"(?i)(?:mr|mrs|ms|madam|madame|monsieur)\b", sal)
            and len(rest.split()) <= 6
            and not re.search(r"[.!?,:;]", _ABBREVIATION.sub("", rest))
            and all(word[:1].isupper() for word in rest.split())
        ):
            return None  # "Mr. President of the Argentine Republic, Javier Milei": an address line
        if sal.endswith(";") and rest:
            return None
        if rest and sal.lower().startswith(("hello", "greetings", "bonjour", "hola", "hallo")):
            return None
        if sal.lower().startswith("respect") and not _GREETING_WORDS.search(sal):
            return None
        return sal, rest
    if _SALUTATION_BARE.match(text.strip()) and len(text) <= 80:
        return text.strip(), ""
    if re.fullmatch(r"(?:My\s+)?Dear\s*[,:]?", text.strip()):
        return text.strip(), ""  # a form letter's greeting, the name left for the sender
    if _INFORMAL_GREETING.fullmatch(text.strip()):
        return text.strip(), ""  # "Hello,", "Hi Jane,", "Good morning, Supervisors:"
    if ("/" in text or "(" in text) and len(text) <= 120:
        plain = _INCLUSIVE_ENDING.sub("", text)
        if plain != text and _salutation_in(plain) == (plain.strip(), ""):
            # "Exmos/as. Srs./as," / "Caros(as) colegas,": a greeting written for readers
            # of both genders, as "Exmos. Srs.," is
            return text.strip(), ""
        halves = text.strip().rstrip(",:;.").split("/")
        if len(halves) == 2 and len(text) <= 60 and all(
            _salutation_in(f"{half.strip()},") == (f"{half.strip()},", "") for half in halves
        ):
            # "Exmas. Sras./Exmos. Srs.": the greeting to the women, then to the men
            return text.strip(), ""
    if ("ª" in text or "º" in text) and len(text) <= 120:
        plain = text.replace("ª", "a").replace("º", "o")
        if _salutation_in(plain) == (plain.strip(), ""):
            # "Exmº. Sr.," / "Exmªs srªs/Exmºs srs.": the abbreviation's ending written
            # with the ordinal indicator, as Portuguese letters often do
            return text.strip(), ""
    if "{{" in text and _TEMPLATE_GREETING.fullmatch(text.strip()):
        # "{{ parlementaire|si_sexe('Madame', 'Monsieur') }} {{ parlementaire.nom }},": a
        # mail-merge template's greeting, made of its fields
        return text.strip(), ""
    return None


_INFORMAL_GREETING = re.compile(
    r"(?i:hi|hello|greetings|good\s+(?:morning|afternoon|evening)|hola|bonjour|ol[áa]|bom\s+dia)"
    r"(?:,?\s+(?:all|everyone|(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3}))?\s*[,:]"
)
"""An e-mail's informal greeting alone on its line, with a comma or colon ("Hello," "Hi
Jane," "Good morning, Supervisors:"); an exclamation ("Hello!") is a post's, not a letter's."""

_INCLUSIVE_ENDING = re.compile(
    r"(?i)(?<=[\w.])(?:/(?:as|os|a|o|es)|\((?:as|os|a|o|es)\))(?=[\s.,:])"
)
"""A word's other gender written after it: "Exmos/as.", "Srs./as", "Caros(as)"."""

_TEMPLATE_FIELD = r"\{\{[^{}\n]{1,80}\}\}"
_TEMPLATE_GREETING = re.compile(
    rf"(?:[^\W\d_][\w.'’-]{{0,15}}\s+){{0,3}}{_TEMPLATE_FIELD}"
    rf"(?:\s*(?:{_TEMPLATE_FIELD}|[^\W\d_][\w.'’-]{{0,15}})){{0,3}}\s*[,:]"
)
"""A greeting written with a template's fields: "{{ title }} {{ name }},", "Dear {{ name }},"."""


def shaped_salutation(line: Line) -> bool:
    """A greeting by shape: a short line ending in a comma that names offices or people.

    "Secretary-General Ana Reyes and Envoy Tomas Lind," or "Honoured members of the
    committee,": no "Dear", but a letter's greeting all the same. The caller checks that
    it stands between the letter's head and its first paragraph.
    """
    text = line.text.strip()
    words = text.split()
    if not text.endswith(",") or not 2 <= len(words) <= 18 or not text[:1].isupper():
        return False
    if line.list_kind or re.search(r"[.!?;:]\s|[.!?;]$", _ABBREVIATION.sub("", text[:-1])):
        return False
    if re.search(r"(?i)\b(?:is|was|are)\s+(?:a|the|our|my)\s+(?:[\w-]+\s+){0,2}letters?\b", text):
        return False  # "The following is a letter we sent to the Committee,": a page's words
    if re.match(r"(?i)^(?:to|from|re|subject|cc|date|in|on|at|as|for|with|after|before)\b", text):
        return False
    return bool(_GREETING_WORDS.search(text)) or names.is_person_name(
        re.sub(r"(?i)^(?:my\s+)?dear\s+", "", text[:-1])
    )


def close_strength(line: Line) -> int:
    """How sure a line's words make it a complimentary close: 0 (not one), 1 or 2.

    2 for a valediction ("Sincerely,", "Yours faithfully,", "Veuillez agréer …"); 1 for
    closes that are also ordinary sentences or labels ("Thank you.", "Signed,"),
    which need a signer after them to count.
    """
    if line.style and line.style.lower() == "complimentary close":
        return 2
    text = line.text.strip().strip("*_").strip()
    if not text or len(text) > 240 or not (_CLOSE.match(text) or _COLON_CLOSE.match(text)):
        return 0
    if _SENTENCE_CLOSE.match(text):
        return 1
    return 2


def is_close(line: Line) -> bool:
    """True when ``line`` is a complimentary close ("Sincerely,", "Yours faithfully,")."""
    strength = close_strength(line)
    if strength == 2:
        return True
    text = line.text.strip()
    return strength == 1 and (text.endswith(",") or text.lower().startswith("thanking"))


_CLOSING_LINE = re.compile(
    r"(?i)\b(?:I|we|you|your|our|us|me|look(?:ing)? forward|thank|hope|appreciate|"
    r"vous|nous|votre|notre|usted|su|nuestr[oa]s?|agradec|esperamos|espero)\b"
)


_FORMULA = re.compile(
    r"(?i)(?:veuillez|nous vous prions d['’]|je vous prie d['’]|recevez|daignez|"
    r"(?:nous vous prions|je vous prie)(?: de croire| de recevoir| de bien vouloir)|"
    r"nous vous remercions|je vous remercie)[^.]{0,80}(?:agr[ée]er|expression|salutations|"
    r"consid[ée]ration)|l['’](?:expression|assurance) de (?:notre|ma|nos|mes) |"
    r"(?:nos|mes) salutations (?:distingu|respectueuse|cordiale)|"
    r"\b(?:le|la|les) saluda(?:mos)?\b[^.]{0,80}(?:atentamente|consideraci[oó]n)|"
    # "Saludamos a usted atentamente.", "Lo saludo muy atentamente": the Argentine form
    r"^(?:(?:lo|la|los|las)\s+)?saludo?a?m?o?s?\s+(?:a\s+(?:usted|ustedes|vuestra\s+\w+)\s+)?"
    r"(?:muy\s+)?(?:atentamente|cordialmente)\b|"
    # "…, los saludo cordialmente," at the end of the letter's last sentence
    # ("… los saludamos atte": the adverb abbreviated)
    r"\b(?:lo|la|los|las|le|les)\s+salud(?:o|amos)\s+(?:muy\s+)?(?:(?:atenta|cordial)mente|atte\.?)"
    r"[,.]?\s*$|"
    # "Receba nossa saudação amiga e fraterna,": the Portuguese greeting at a letter's end
    r"\breceba(?:m)?\s+(?:a\s+|as\s+)?(?:nossa|minha|nossas|minhas)\s+sauda[çc](?:ão|ões)\b|"
    # "Certi di un Suo gentile riscontro, porgiamo distinti saluti": the Italian formula
    r"\bporg(?:o|iamo)\s+(?:(?:i|loro|Le|La)\s+)?(?:(?:nostri|miei)\s+)?(?:pi[uù]\s+)?"
    r"(?:distinti|cordiali|rispettosi|deferenti)\s+saluti|"
    r"sin otro particular|\b(?:reciba|acepte)n?\b[^.]{0,40}(?:un cordial saludo|"
    r"las seguridades|el testimonio|mi consideraci[oó]n)|"
    r"aprovecho?a?m?o?s? la oportunidad para reiterar|"
    r"^(?:please\s+)?accept\b[^.]{0,200}(?:consideration|esteem)\.$|"
    r"\bavail (?:ourselves|myself|itself) of this opportunity to renew"
)
"""A formula of politeness closing a French, Spanish or diplomatic English letter
("Veuillez agréer …", "Sin otro particular, le saludamos muy atentamente.", "Please
accept, Excellency, the assurances of our highest consideration.")."""


def is_politeness_formula(text: str) -> bool:
    """A formula of politeness that closes a letter by itself ("Veuillez agréer …",
    "Please accept, Excellency, the assurances of our highest consideration.")."""
    return len(text) <= 400 and _FORMULA.search(text.strip()) is not None


_INTRODUCES_LIST = re.compile(LIST_INTRO_END + r"[,;]$")
"""A sentence that ends by introducing a list ("… call on you forthwith to;"): no close."""


@functools.lru_cache(maxsize=16384)
def is_closing_line(text: str) -> bool:
    """A closing sentence used instead of a valediction.

    "I look forward to your reply," (it ends the body with a comma and speaks in the
    first or second person), or a formula of politeness ("Veuillez agréer, Madame la
    Ministre, l'expression de notre haute considération."). It is followed by the
    signature; the caller checks what follows.
    """
    text = text.strip()
    if _FORMULA.search(text) and len(text) <= 400:
        return True
    return (
        text.endswith((",", ";"))
        # "… we call on you forthwith to;": a sentence that introduces a list, not a close
        and _INTRODUCES_LIST.search(text) is None
        and 4 <= len(text.split()) <= 30
        and text[:1].isupper()
        and _CLOSING_LINE.search(text) is not None
        and match_salutation(Line(text)) is None
    )
