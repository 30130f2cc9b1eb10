"""Check that a built wheel carries every file of templates/ as draftkit/templates/.

    python scripts/check_wheel.py dist/draftkit-0.1.0-py3-none-any.whl templates

Exits 1 naming the files the wheel lacks (or holds in another version).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path


def main(wheel: str, templates: str) -> int:
    folder = Path(templates)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        wrong = []
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = f"draftkit/templates/{path.relative_to(folder).as_posix()}"
            if name not in names or archive.read(name) != path.read_bytes():
                wrong.append(name)
    if wrong:
        print(f"{wheel} lacks (or holds other versions of): {', '.join(wrong)}")
        return 1
    print(f"{wheel}: carries the {len(list(folder.rglob('*.*')))} files of {folder}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
