"""Telling the postal part of an inside address apart in short lines.

A postal line (a street, a box, a postcode, a town with its region, a country), the line
that opens the postal part of an address (an institution, a building, a street), and a
line that lists countries. Heuristics over the shape of addresses, not lists of places.
"""

from __future__ import annotations

import functools
import re

__all__ = ["is_address_start", "is_country_list", "is_postal_line"]


_POSTAL = re.compile(
    r"(?:\b\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b[A-Z]{2}-\d{4,5}\b|"
    r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|"  # a Canadian postal code: "V6T 1Z4"
    # a post box in French, Spanish, Portuguese and German: "BP 5005", "Apartado 1024"
    r"\b(?:B\.?P\.?|C\.?P\.?|Case postale|Caixa Postal|Apartado(?: Postal)?|Postfach)\s*\d|"
    r"\bP\.?\s?O\.?\s+Box\b|\bSuite\b|\bFloor\b|\bAvenue\b|\bStreet\b|\bRoad\b|\bSt\.?\s|"
    r"\bAve\.?\b|\bAv\.\s|\bBlvd\.?\b|\bBoulevard\b|\bPlace\b|\bSquare\b|\bRue\b|\brue\b|\bStrasse\b|"
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
                    "Colombia|Comoros|Congo|Democratic Republic of Congo|"
                    "Democratic Republic of the Congo|Republic of the Congo|"
                    "Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|"
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
    # "United States Senate" ends an address's body; "The Clerk of the Senate" is an office
    r"|(?<!\bof the )(?:Senate|House of Representatives|Department of State|State Department)$"
    r"|^(?:The\s+)?White House$|^(?:Attn|Attention|c/o|Care of)\b"
    # the building a town, a state or a head of state is written to at
    r"|^(?:[\w.'’-]+\s+){0,2}(?:City|Town|Village|Borough|County|Civic)\s+(?:Hall|Cent(?:er|re))$"
    r"|^(?:[\w.'’-]+\s+){0,2}(?:State\s+Capitol|Courthouse|Court\s+House)$"
    r"|^(?:H[ôo]tel\s+de\s+Ville|Pal[áa]cio\s+do\s+Planalto|Casa\s+Rosada|Palacio\s+Nacional|"
    r"Palais\s+de\s+l['’]Élysée|Mairie\s+de)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def is_postal_line(line: str) -> bool:
    """True for street, building, postcode, city and country lines."""
    return bool(_POSTAL.search(line) or _COUNTRY.search(line.strip()))


@functools.lru_cache(maxsize=8192)
def is_address_start(line: str) -> bool:
    """True for a line that opens the postal part of an inside address."""
    return bool(_ADDRESS_START.search(line.strip())) or is_postal_line(line)
