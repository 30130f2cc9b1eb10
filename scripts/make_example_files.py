"""Make the files of examples/coalition-detentions.yaml: six logos, two signatures and
the PDF it encloses.

They are drawn and written in code (tests/pictures.py), so the examples carry no
third-party artwork. Run it after changing them: ``python scripts/make_example_files.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.pictures import logo, signature, simple_pdf  # noqa: E402

LOGOS = {
    "lake-region-rights": ("ring", (31, 58, 95)),
    "defenders-fund": ("diamond", (150, 40, 40)),
    "open-courts": ("bars", (30, 110, 70)),
    "press-freedom-circle": ("circle", (200, 120, 20)),
    "legal-aid-network": ("triangle", (90, 50, 130)),
    "river-delta-watch": ("wave", (20, 120, 150)),
}


def main() -> None:
    folder = ROOT / "examples" / "images"
    folder.mkdir(exist_ok=True)
    for name, (shape, colour) in LOGOS.items():
        (folder / f"{name}.png").write_bytes(logo(shape, colour))
    for number, name in enumerate(("signature-ruiz", "signature-okafor"), start=1):
        (folder / f"{name}.png").write_bytes(signature(number))
    print(f"wrote {len(LOGOS) + 2} pictures into {folder}")
    enclosures = ROOT / "examples" / "enclosures"
    enclosures.mkdir(exist_ok=True)
    (enclosures / "case-summaries.pdf").write_bytes(
        simple_pdf(
            "Case summaries: defenders held without charge",
            [
                "Tomas Arvelo, lawyer: arrested 4 March 2026 at his office; no charge.",
                "Ines Kadar, journalist: arrested 17 April 2026 after a report on evictions.",
                "Samuel Odhiambo, organiser: arrested 9 May 2026; place of detention unknown.",
                "Leyla Haddad, trade unionist: arrested 1 June 2026 at a strike meeting.",
                "Name withheld, community monitor: arrested 22 July 2026; whereabouts unknown.",
                "",
                "Compiled by the Lake Region Rights Coalition, 1 October 2026.",
            ],
        )
    )
    print(f"wrote {enclosures / 'case-summaries.pdf'}")


if __name__ == "__main__":
    main()
