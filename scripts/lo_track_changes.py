"""Accept or reject every tracked change of a .docx in LibreOffice, headless, and save.

Run with the Python that has LibreOffice's UNO bridge (Debian: python3-uno, i.e.
/usr/bin/python3), not the project's virtual environment::

    /usr/bin/python3 scripts/lo_track_changes.py accept redline.docx accepted.txt
    /usr/bin/python3 scripts/lo_track_changes.py reject redline.docx rejected.docx
    /usr/bin/python3 scripts/lo_track_changes.py count redline.docx

It starts its own soffice (a throw-away profile, a private pipe), opens the document
hidden, runs LibreOffice's own "Accept All" / "Reject All" (.uno:AcceptAllTrackedChanges,
.uno:RejectAllTrackedChanges) and stores the result: .txt as LibreOffice's plain text,
.docx as Word 2007-365. ``count`` prints how many tracked changes LibreOffice lists.
It exists to check draftkit's redlines against LibreOffice (tests/test_diff_cli.py and
docs/diff.md); draftkit itself does not need it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

FILTERS = {".txt": "Text (encoded)", ".docx": "MS Word 2007 XML"}


def _prop(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("accept", "reject", "count"):
        print(__doc__, file=sys.stderr)
        return 2
    action, source = argv[0], Path(argv[1]).resolve()
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    pipe = f"draftkit-{uuid.uuid4().hex}"
    office = subprocess.Popen(
        [
            shutil.which("soffice") or "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        for _ in range(120):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # the office is still starting
                time.sleep(0.5)
        else:
            print("LibreOffice did not start", file=sys.stderr)
            return 1
        smgr = context.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(
            source.as_uri(), "_blank", 0, (_prop("Hidden", True),)
        )
        redlines = document.Redlines.createEnumeration()
        count = 0
        while redlines.hasMoreElements():
            redlines.nextElement()
            count += 1
        if action == "count":
            print(count)
            document.close(True)
            return 0
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        frame = document.getCurrentController().getFrame()
        command = (
            ".uno:AcceptAllTrackedChanges" if action == "accept" else ".uno:RejectAllTrackedChanges"
        )
        dispatcher.executeDispatch(frame, command, "", 0, ())
        target = Path(argv[2]).resolve()
        document.storeToURL(target.as_uri(), (_prop("FilterName", FILTERS[target.suffix.lower()]),))
        left = document.Redlines.createEnumeration().hasMoreElements()
        document.close(True)
        print(f"{count} tracked changes {action}ed; {'some' if left else 'none'} left")
        return 0
    finally:
        office.terminate()
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
