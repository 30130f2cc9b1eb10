"""Check that a built wheel carries every file of templates/ as draftkit/templates/,
the LICENSE file and the package metadata (SPDX licence, authors, classifiers).

    python scripts/check_wheel.py dist/draftkit-0.1.0-py3-none-any.whl templates

Exits 1 naming the files the wheel lacks (or holds in another version) and the metadata
fields that are missing.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# metadata lines the wheel must hold (PEP 639: an SPDX expression and the licence file)
METADATA = (
    "License-Expression: MIT",
    "License-File: LICENSE",
    "Author: draftkit developers",
    "Keywords: ",
    "Classifier: Programming Language :: Python :: 3.11",
)


def check_metadata(archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    """What the wheel's dist-info lacks: the LICENSE file (as in the repository), metadata."""
    wrong: list[str] = []
    info = sorted({name.split("/")[0] for name in names if ".dist-info/" in name})
    if len(info) != 1:
        return [f"one .dist-info folder (found {len(info)})"]
    licence = f"{info[0]}/licenses/LICENSE"
    if licence not in names or archive.read(licence) != (ROOT / "LICENSE").read_bytes():
        wrong.append(licence)
    metadata = archive.read(f"{info[0]}/METADATA").decode("utf-8").splitlines()
    for wanted in METADATA:
        if not any(line.startswith(wanted) for line in metadata):
            wrong.append(f"METADATA line {wanted!r}")
    if any(line.startswith("Classifier: License ::") for line in metadata):
        wrong.append("no 'License ::' classifier beside License-Expression (PEP 639)")
    return wrong


def main(wheel: str, templates: str) -> int:
    folder = Path(templates)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        wrong = []
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = f"draftkit/templates/{path.relative_to(folder).as_posix()}"
            if name not in names or archive.read(name) != path.read_bytes():
                wrong.append(name)
        wrong += check_metadata(archive, names)
    if wrong:
        print(f"{wheel} lacks (or holds other versions of): {', '.join(wrong)}")
        return 1
    print(
        f"{wheel}: carries the {len(list(folder.rglob('*.*')))} files of {folder}/,"
        " LICENSE and the metadata (License-Expression: MIT, authors, classifiers)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
