"""Run one hostile case in a fresh process under resource limits, and judge the result.

Every case of the hostile suite runs ``python -m draftkit ...`` (or a short library
script) in its own process with a 2 GiB address-space limit (``resource.setrlimit``) and a
60 s wall-clock timeout, in a fresh folder. The result records the exit code, both
streams, the peak resident memory of the child (``os.wait4``) and the time taken, and the
folder's files before and after, so a case can assert that nothing was written or changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

ADDRESS_SPACE = 2 * 1024**3
"""The address-space limit of every case (RLIMIT_AS)."""

TIMEOUT = 60.0
"""Wall-clock seconds a case may take before it is killed (and fails)."""

MEMORY_BOUND_MIB = 1024
"""A refusal must come before the child's resident memory reaches this (MiB)."""

TIME_BOUND = 30.0
"""A refusal must come within this many seconds."""

ROOT = Path(__file__).resolve().parents[2]


# The child's first lines: report its peak resident memory (VmHWM, kB) when it exits.
_BOOT = """\
import atexit, os, sys
def _report():
    try:
        with open("/proc/self/status") as status:
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
        with open(os.environ["HOSTILE_RSS_FILE"], "w") as out:
            out.write(peak)
    except Exception:
        pass
atexit.register(_report)
"""
_CLI = """\
import runpy
sys.argv = ["draftkit", *sys.argv[1:]]
runpy.run_module("draftkit", run_name="__main__", alter_sys=True)
"""
_SCRIPT = """\
source = sys.argv[2]
sys.argv = sys.argv[2:]
exec(compile(source, "<case>", "exec"), {"__name__": "__main__"})
"""


def _limits() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)  # as Python itself does


@dataclasses.dataclass
class Result:
    """What one run did."""

    argv: list[str]
    code: int
    stdout: bytes
    stderr: str
    rss_mib: float
    seconds: float
    timed_out: bool
    before: dict[str, str]
    after: dict[str, str]

    @property
    def lines(self) -> list[str]:
        """The non-empty lines of standard error."""
        return [line for line in self.stderr.splitlines() if line.strip()]

    def changed(self) -> list[str]:
        """Files created, removed or modified in the case's folder."""
        names = set(self.before) | set(self.after)
        return sorted(n for n in names if self.before.get(n) != self.after.get(n))

    def describe(self) -> str:
        return (
            f"argv={self.argv} code={self.code} rss={self.rss_mib:.0f} MiB "
            f"time={self.seconds:.1f} s timed_out={self.timed_out}\nstderr:\n{self.stderr}"
            f"\nstdout (start): {self.stdout[:400]!r}"
        )


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under ``folder`` (links by their target)."""
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        relative = str(path.relative_to(folder))
        if path.is_symlink():
            out[relative] = "link:" + str(path.readlink())
        elif path.is_file():
            out[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def run(
    args: Sequence[str],
    folder: Path,
    *,
    stdin: bytes | None = None,
    stdout_fd: int | None = None,
    python: Sequence[str] | None = None,
) -> Result:
    """Run ``python -m draftkit ARGS`` (or ``python PYTHON...``) in ``folder``, limited.

    Args:
        args: The command line after ``draftkit``.
        folder: The working folder (its files are compared before and after).
        stdin: Bytes for standard input.
        stdout_fd: A file descriptor to use as standard output (a closed pipe, /dev/full).
        python: Run ``python`` with these arguments instead of the CLI.
    """
    rss_path = folder.parent / f".{folder.name}.rss"
    rss_path.unlink(missing_ok=True)
    if python is not None:
        argv = [sys.executable, "-c", _BOOT + _SCRIPT, *python]
    else:
        argv = [sys.executable, "-c", _BOOT + _CLI, *args]
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(folder),
        # the user cache (prepared references, the protocol table's copy) lives outside
        # the working folder, as ~/.cache does: only the folder is compared
        "XDG_CACHE_HOME": str(folder.parent / f".{folder.name}.cache"),
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "HOSTILE_RSS_FILE": str(rss_path),
    }
    before = snapshot(folder)
    out_path = folder.parent / f".{folder.name}.stdout"
    err_path = folder.parent / f".{folder.name}.stderr"
    in_path = folder.parent / f".{folder.name}.stdin"
    in_path.write_bytes(stdin or b"")
    started = time.monotonic()
    with out_path.open("wb") as out, err_path.open("wb") as err, in_path.open("rb") as inp:
        proc = subprocess.Popen(
            argv,
            cwd=folder,
            stdin=inp,
            stdout=stdout_fd if stdout_fd is not None else out,
            stderr=err,
            env=env,
            preexec_fn=_limits,
        )
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            proc.kill()

        timer = threading.Timer(TIMEOUT, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    try:  # the child's own peak (VmHWM); ru_maxrss would count the forking parent too
        rss_mib = int(rss_path.read_text()) / 1024
    except (OSError, ValueError):
        rss_mib = usage.ru_maxrss / 1024
    rss_path.unlink(missing_ok=True)
    result = Result(
        argv=[str(a) for a in args] if python is None else list(python),
        code=proc.returncode,
        stdout=out_path.read_bytes(),
        stderr=err_path.read_bytes().decode("utf-8", "replace"),
        rss_mib=rss_mib,
        seconds=seconds,
        timed_out=killed.is_set(),
        before=before,
        after=snapshot(folder),
    )
    for path in (out_path, err_path, in_path):
        path.unlink(missing_ok=True)
    log = os.environ.get("DRAFTKIT_HOSTILE_LOG")
    if log:  # one JSON line per run, for the figures in docs/security.md
        record = {
            "case": os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0],
            "code": result.code,
            "rss_mib": round(result.rss_mib, 1),
            "seconds": round(result.seconds, 2),
        }
        with Path(log).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")
    return result


def assert_bounded(result: Result) -> None:
    """The run ended by itself, within the time and memory bounds, without a traceback."""
    assert not result.timed_out, result.describe()
    assert result.code >= 0, f"killed by signal {-result.code}\n{result.describe()}"
    assert result.seconds < TIME_BOUND, result.describe()
    assert result.rss_mib < MEMORY_BOUND_MIB, result.describe()
    assert "Traceback" not in result.stderr, result.describe()
    assert "Exception ignored" not in result.stderr, result.describe()


def assert_refused(
    result: Result,
    *,
    names: str | Sequence[str],
    says: str | Sequence[str],
    code: int = 1,
    unchanged: bool = True,
) -> str:
    """A clean refusal: exit ``code``, one ``draftkit: error:`` line naming the file and
    saying what is wrong, no traceback, nothing written or changed, bounded.

    Returns:
        The error line.
    """
    assert_bounded(result)
    assert result.code == code, result.describe()
    lines = result.lines
    assert len(lines) == 1, result.describe()
    line = lines[0]
    assert line.startswith("draftkit: error: "), result.describe()
    for name in [names] if isinstance(names, str) else names:
        assert name in line, result.describe()
    for words in [says] if isinstance(says, str) else says:
        assert words in line, result.describe()
    if unchanged:
        assert result.changed() == [], f"changed {result.changed()}\n{result.describe()}"
    return line
