"""Default factories for pydantic fields that start empty: ``Field(default_factory=empty_list)``.

Pydantic reads each default factory's signature to learn whether it takes the validated
data. For a built-in such as ``list`` or ``dict`` that means ``inspect`` parsing the
built-in's text signature (tokenizing it, and a compiled pattern that cannot be kept from
one start to the next); a plain Python function's signature is read from its code object,
at a fraction of the cost. Used for start-up time.
"""

from __future__ import annotations

from typing import Any


def empty_list() -> list[Any]:
    """A new empty list."""
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty dict."""
    return {}
