"""Write a messy 300-row sign-on export, for trying `draftkit signatories` by hand.

Fictional organisations and people (seeded, so the same file every run): 170
organisations and 20 people, then rows that repeat them as people type them into a
form — another case, extra spaces, "The", "&"/"and", "Inc." (variants), a typing slip
in one word (typos), a row entered twice (exact), and blank rows. Used for issue #18's
acceptance run:

    python scripts/messy_signon_export.py signon-export.csv
    draftkit signatories summary signon-export.csv
    draftkit signatories summary signon-export.csv --merge-duplicates

It prints the truth to compare with: the organisations that signed once "&" and "and"
are taken as one (the generator makes a few such pairs itself).
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

PLACES = ["Brackenridge", "Osterfield", "Marlow Bay", "Tindale", "Quarry Hill", "Vesper County",
          "Lowmoor", "Ashgrove", "Kestrel Point", "Feldham", "Ravensmere", "Cold Harbor",
          "Pinecrest", "Saltwick", "Durnford", "Elmstead", "Wrexley", "Hollins Ford"]  # fmt: skip
KINDS = ["Tenants Union", "Immigrant Legal Services", "Workers Center", "Press Freedom Network",
         "Council of Churches", "Food Justice Collective", "Disability Rights Coalition",
         "Youth Climate Alliance", "Public Defenders Association", "Womens Shelter Network",
         "Refugee Welcome Committee", "Prison Reform Project", "Land and Water Trust",
         "Human Rights Clinic", "Interfaith Housing Fund"]  # fmt: skip
FIRST = ["Aurelio", "Brigid", "Casimir", "Delphine", "Eamon", "Fenna", "Gideon", "Hester",
         "Ilse", "Jarrah", "Kalinda", "Leopold", "Mireille", "Niall", "Oona",
         "Perpetua"]  # fmt: skip
LAST = ["Abernathy", "Brzezinska", "Castellanos", "Drummond", "Eriksdottir", "Fairweather",
        "Goncalves", "Hawthorne", "Iwasaki", "Juarez-Pike", "Kowalczyk", "Lindqvist"]  # fmt: skip


def _typo(name: str, rnd: random.Random) -> str:
    words = name.split()
    index = rnd.choice([i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()])
    word = words[index]
    at = rnd.randrange(1, len(word) - 2)
    slip = rnd.choice(["swap", "drop", "dup", "sub"])
    if slip == "swap":
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    elif slip == "drop":
        word = word[:at] + word[at + 1 :]
    elif slip == "dup":
        word = word[:at] + word[at] + word[at:]
    else:
        word = word[:at] + rnd.choice("aeiourstn") + word[at + 1 :]
    words[index] = word
    return " ".join(words)


def _variant(name: str, rnd: random.Random) -> str:
    how = rnd.choice(["upper", "lower", "the", "amp", "inc", "space"])
    if how == "upper":
        return name.upper()
    if how == "lower":
        return name.lower()
    if how == "the":
        return "The " + name
    if how == "amp":
        return name.replace(" and ", " & ") if " and " in name else name.replace(" & ", " and ")
    if how == "inc":
        return name[:-5] if name.endswith(" Inc.") else name + ", Inc."
    return "  " + name.replace(" ", "  ", 1) + "   "


def main(path: str) -> None:
    rnd = random.Random(20261206)
    orgs: list[str] = []
    while len(orgs) < 170:
        name = f"{rnd.choice(PLACES)} {rnd.choice(KINDS)}"
        if rnd.random() < 0.25:
            name = name.replace(" and ", " & ") if " and " in name else name + " Inc."
        if name not in orgs and name.replace(" Inc.", "") not in [
            o.replace(" Inc.", "") for o in orgs
        ]:
            orgs.append(name)
    people = [(f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", rnd.choice(orgs)) for _ in range(20)]
    rows: list[tuple[str, str, str, str]] = [("", o, "", "Organization") for o in orgs]
    rows += [(p, o, "Director", "Individual") for p, o in people]
    made = {"typo": 0, "variant": 0, "exact": 0, "blank": 0}
    while len(rows) < 300:
        draw = rnd.random()
        if draw < 0.35:
            rows.append(("", _variant(rnd.choice(orgs), rnd), "", "Organization"))
            made["variant"] += 1
        elif draw < 0.70:
            rows.append(("", _typo(rnd.choice(orgs), rnd), "", "Organization"))
            made["typo"] += 1
        elif draw < 0.90:
            rows.append(rnd.choice(rows[:190]))
            made["exact"] += 1
        else:
            rows.append(("", "", "", ""))
            made["blank"] += 1
    head, tail = rows[:190], rows[190:]
    rnd.shuffle(tail)
    rows = head[:]
    for row in tail:  # repeats come after the half of the list, anywhere
        rows.insert(rnd.randrange(len(rows) // 2, len(rows) + 1), row)
    with Path(path).open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Submitted", "Full Name", "Organization / Affiliation", "Job title",
                         "Signing as"])  # fmt: skip
        for n, row in enumerate(rows):
            writer.writerow([f"2026-11-{1 + n % 28:02d} 09:{n % 60:02d}", *row])
    same = {re.sub(r"\s+", " ", o.replace("&", "and")).lower() for o in orgs}
    print(f"{len(rows)} rows: {len(same)} organisations and {len(people)} people signed; {made}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "signon-export.csv")
