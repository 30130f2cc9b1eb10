"""Running a merge's tasks: in this process, in a pool of processes, or on any executor.

Work goes out in chunks of recipients. Each process keeps one :class:`Writer` per merge
(its composed kinds, the prepared reference document); on Linux the pool's processes
are forked from this one after it has prepared the first kind of letter, so they start
with it instead of building it again. A worker that fails or dies is an error of the
merge, never a hang; letters already written stay (they were written atomically).
"""

from __future__ import annotations

import concurrent.futures
import gc
import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from draftkit.errors import DraftkitError, RenderError
from draftkit.merge.outputs import MergeRow, Task, Writer
from draftkit.merge.plan import Plan
from draftkit.recipients import Recipient

__all__ = ["run_tasks", "writer_for"]

_WRITERS: dict[str, Writer] = {}

Report = Callable[[MergeRow], None]
_Payload = list[tuple[int, str, dict[str, Any]]]
_Done = tuple[list[MergeRow], list[str]]


def writer_for(plan: Plan) -> Writer:
    """This process's writer for ``plan`` (a forked worker finds its parent's)."""
    writer = _WRITERS.get(plan.token)
    if writer is None:
        while len(_WRITERS) >= 4:
            _WRITERS.pop(next(iter(_WRITERS)))
        writer = _WRITERS[plan.token] = Writer(plan)
    return writer


def forget(plan: Plan) -> None:
    """Drop this process's writer for ``plan``."""
    _WRITERS.pop(plan.token, None)


def _payload(tasks: Sequence[Task]) -> _Payload:
    """Tasks as plain data: unpickling validated models costs more than rendering them."""
    return [(task.index, task.file, dict(task.recipient.__dict__)) for task in tasks]


def _render_chunk(plan: Plan, payload: _Payload) -> _Done:
    """A worker's job: write a chunk of letters (module level, so it pickles)."""
    writer = writer_for(plan)
    rows = [
        writer.run(Task(index, Recipient.model_construct(**fields), file))
        for index, file, fields in payload
    ]
    return rows, list(writer.warnings)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(tasks: Sequence[Task], size: int) -> Iterator[list[Task]]:
    for start in range(0, len(tasks), size):
        yield list(tasks[start : start + size])


def _start_method() -> str | None:
    """``fork`` on Linux: workers start with this process's prepared reference and
    composed kinds; elsewhere the platform's default (each worker prepares its own)."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return None


def _own_pool(jobs: int) -> concurrent.futures.ProcessPoolExecutor:
    method = _start_method()
    context = multiprocessing.get_context(method) if method else None
    return concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_ignore_sigint
    )


def run_tasks(
    writer: Writer,
    tasks: Sequence[Task],
    report: Report,
    *,
    jobs: int = 1,
    executor: concurrent.futures.Executor | None = None,
    chunk_size: int | None = None,
) -> None:
    """Write every task's letter, reporting each row as it is known (in this process).

    Args:
        writer: This process's writer (prepared: forked workers inherit it).
        tasks: The letters to write.
        report: Called once per row.
        jobs: Processes to use when no ``executor`` is given (1: this one only).
        executor: Any executor; chunks are submitted to it.
        chunk_size: Recipients per chunk (default: about four chunks per worker, at most
            32 recipients each).

    Raises:
        RenderError: A worker failed or died.
    """
    if executor is None and jobs <= 1:
        for task in tasks:
            report(writer.run(task))
        return
    pool = executor or _own_pool(jobs)
    workers = jobs if executor is None else int(getattr(pool, "_max_workers", 0) or 4)
    size = chunk_size or max(1, min(32, -(-len(tasks) // (workers * 4))))
    futures: list[concurrent.futures.Future[_Done]] = []
    try:
        # forked workers share this process's memory until they write to it; keeping the
        # collector away from the inherited objects keeps it shared (gc.freeze docs)
        gc.freeze()
        try:
            futures = [
                pool.submit(_render_chunk, writer.plan, _payload(chunk))
                for chunk in _chunks(tasks, size)
            ]
        finally:
            gc.unfreeze()
        for future in concurrent.futures.as_completed(futures):
            rows, warnings = _result(future)
            writer.note(warnings)
            for row in rows:
                report(row)
    except BaseException:
        for future in futures:
            future.cancel()
        if executor is None:
            pool.shutdown(wait=True, cancel_futures=True)
        raise
    if executor is None:
        pool.shutdown(wait=True)


def _result(future: concurrent.futures.Future[_Done]) -> _Done:
    try:
        return future.result()
    except BrokenProcessPool:
        raise RenderError(
            "a merge worker process ended unexpectedly",
            hint="run again; letters already written are skipped",
        ) from None
    except DraftkitError:
        raise
    except Exception as exc:
        raise RenderError(f"a merge worker failed: {type(exc).__name__}: {exc}") from None
