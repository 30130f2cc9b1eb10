"""The names in one paragraph of signers, parted by commas or semicolons."""

from __future__ import annotations

import re

from draftkit.ingest import names
from draftkit.ingest.signer_labels import labelled_signers

CORPORATE_SUFFIX = re.compile(
    r"(?i)^(?:inc|incorporated|llc|llp|ltd|limited|plc|co|corp|gmbh|e\.\s?v|s\.\s?a|"
    r"a\.\s?c|ag|pty|sarl|asbl|vzw)\.?$"
)


def wrapped_name_list(texts: list[str], full: list[bool] | None = None) -> bool:
    """Lines that are one comma-separated paragraph of names wrapped by the page.

    Every line but the last holds two commas or more and runs to the paragraph's full
    width (within a fifth of the longest, 60 characters at least; or, where the reader
    knew, ``full``, to the text's right edge), and a line opens with the cut-off end of
    a name ("…, Asia-Pacific Children" / "Collective, …": a word or two before its
    first comma that are no person's name). "Name, Title, Organisation" or "Org, City,
    Country" lines are entries of their own.
    """
    if len(texts) < 2:
        return False
    width = max(len(text) for text in texts)
    if full is not None and all(full[:-1]):
        # lines that ran to the edge: each holds a comma, most two ("… Agricultores do
        # Oeste Baiano," ends on one)
        wide = (
            all("," in text for text in texts[:-1])
            and 2 * sum(text.count(",") >= 2 for text in texts[:-1]) >= len(texts) - 1
        )
    else:
        wide = width >= 60 and all(
            text.count(", ") >= 2 and len(text) >= 0.8 * width for text in texts[:-1]
        )
    if not wide:
        return False
    heads = [text.partition(", ")[0] for text in texts[1:]]
    return any(
        len(head.split()) == 1 or (len(head.split()) == 2 and not names.is_person_name(head))
        for head in heads
    )


_DEGREE_THEN = re.compile(
    rf"^(?P<letters>(?:{names.POST_NOMINALS})\.?)(?:\s+(?:&|and|y|et|e|und)\s+(?P<next>\S.*))?$"
)
"""Letters after a name parted from it by a comma ("Ph.D.", "MD"), and perhaps the next
name joined by "&"."""

_HELD_COMMA = "\x00"
"""A comma inside brackets, held out of a split at commas."""


def hold_bracketed_commas(text: str) -> str:
    """``text`` with the commas inside brackets held out of a split at commas ("Kavita Rao
    (Advocate, Pune)"); :func:`release_commas` puts them back."""
    return re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", _HELD_COMMA), text)


def release_commas(text: str) -> str:
    """The commas :func:`hold_bracketed_commas` held, back in place."""
    return text.replace(_HELD_COMMA, ",")


def split_name_list(text: str) -> list[str]:
    """The names in one comma- or semicolon-separated paragraph of signers.

    "Restore The Fourth, Inc., Media Alliance, and United We Dream." gives three names:
    a company suffix after a comma stays with its name, the final "and" and full stop go.
    """
    text = labelled_signers(text) or text  # "Organizaciones firmantes: A, B, …": the label goes
    # a list parted by semicolons keeps the commas inside its entries ("Forum X, Pune;")
    parting = r";\s+(?:and\s+)?" if text.count("; ") >= 2 else r",\s+(?:and\s+)?|;\s+"
    # "Kavita Reddy (Advocate, Guwahati), Harish Kapoor (Advocate, Delhi)": a comma in
    # brackets is inside an entry
    held = hold_bracketed_commas(text)
    parts = [release_commas(p.strip()) for p in re.split(parting, held.rstrip(".,;")) if p.strip()]
    if len(parts) >= 3:
        # "… (CESA) y Mesa de Jóvenes": the last two joined by a conjunction after an acronym
        last = re.split(r"(?<=\))\s+(?:and|y|et|e|und|&)\s+(?=[A-ZÀ-Þ])", parts[-1], maxsplit=1)
        if len(last) == 1:
            # "… Kuñataî Poty y Movimiento Estudiantil Independiente (MEI)": a name with its
            # acronym after the last conjunction
            found = re.search(
                r"^(?P<a>.+\S)\s+(?:y|e|et|und)\s+(?P<b>[A-ZÀ-Þ][^,()]{2,80}\([A-ZÀ-Þ]{2,10}\))$",
                parts[-1],
            )
            last = [found.group("a"), found.group("b")] if found else last
        if len(last) == 1:
            # "… Colectivo Kaqla Verde y Brigadas de Acompañamiento Norte": the last two
            # joined by the conjunction, each a name of three words or more ("Paz y
            # Justicia", "Derechos Humanos y Medio Ambiente" are one name)
            pair = re.fullmatch(
                r"(?P<a>[A-ZÀ-Þ]\S*(?:\s+\S+){2,}?)\s+(?:and|y|et|e|und|&)\s+"
                r"(?P<b>[A-ZÀ-Þ]\S*(?:\s+\S+){2,})",
                parts[-1],
            )
            if pair is not None:
                # "… Signal Land and Environmental Rights Project, …, Collective for Land
                # and Environmental Rights – Zimbabwe": where the list's names use the same
                # words joined so, the conjunction is inside the last name
                joint = parts[-1][
                    pair.start("a") + pair.group("a").rfind(" ") + 1 : pair.start("b")
                    + len(pair.group("b").split()[0])
                ]
                if any(joint in part for part in parts[:-1]):
                    pair = None
            last = [pair.group("a"), pair.group("b")] if pair else last
        parts[-1:] = [p.strip() for p in last if p.strip()]
    out: list[str] = []
    for part in parts:
        degree = _DEGREE_THEN.match(part) if out else None
        if out and CORPORATE_SUFFIX.match(part):
            out[-1] = f"{out[-1]}, {part}"
        elif degree is not None:
            # "Hal Stone, Ph.D. & Sidra Stone, Ph.D.": the letters after a name are that
            # name's; what the "&" joins after them is the next signer
            out[-1] = f"{out[-1]}, {degree.group('letters')}"
            if degree.group("next"):
                out.append(degree.group("next"))
        else:
            out.append(part)
    if out and text.rstrip().endswith(".") and CORPORATE_SUFFIX.match(out[-1].rsplit(", ", 1)[-1]):
        out[-1] += "."  # "…, Acme, Inc." keeps the full stop of its abbreviation
    elif (
        out
        and text.rstrip().endswith(".")
        and re.search(r"\b(?:[A-Z][a-z]?\.)+[A-Z][a-z]?$", out[-1])
    ):
        out[-1] += "."  # "…, Sidra Stone, Ph.D." keeps the full stop of her degree
    return out
