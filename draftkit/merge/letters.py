"""Each recipient's letter: compose once per kind of recipient, then fill their slots.

Composing a letter (the variant's blocks, the clauses) costs tens of milliseconds; filling
a recipient's address block, salutation and templated text into a letter composed for
another recipient of the same kind costs a fraction of that. Recipients are of one kind
when the variant and the clauses cannot tell them apart (same office, status and gender,
the same values of the columns those templates read; see
:func:`draftkit.compose.slots.kind_of`). When a template reads per-recipient data
(``recipient``, ``letter``, ``variables`` ...), every letter is composed on its own.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Sequence
from typing import Any

from draftkit.clauses import ClauseLibrary
from draftkit.compose import ComposeResult, compose_letter
from draftkit.compose.slots import Filled, fill_slots, kind_of
from draftkit.compose.texts import spec_texts
from draftkit.compose.variants import templates_for
from draftkit.errors import DraftkitError, TemplateRefusedError
from draftkit.merge.plan import Plan
from draftkit.places import place_name
from draftkit.recipients import Recipient
from draftkit.schema import ClauseRef, Letter

__all__ = ["Letters"]

_KINDS_KEPT = 256


class Letters:
    """The letters of one merge in one process: composed kinds, and the clause library.

    Args:
        plan: The merge's plan.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.pid = os.getpid()
        self._library: ClauseLibrary | None = None
        self._kinds: dict[Hashable, ComposeResult | DraftkitError] = {}
        self._text_places = frozenset(place_name(t.place) for t in spec_texts(plan.spec))
        self.composed_each = False

    @property
    def grouped(self) -> bool:
        """Whether recipients of a kind share a composed letter."""
        return self.plan.grouped and not self.composed_each

    def library(self) -> ClauseLibrary | None:
        """The clause library, opened in this process when the spec references clauses."""
        if self.pid != os.getpid():  # forked: never use the parent's SQLite connection
            self._library, self.pid = None, os.getpid()
        spec = self.plan.spec
        if not any(isinstance(e, ClauseRef) for e in (*spec.body, *spec.asks, *spec.closing)):
            return None
        if self._library is None:
            self._library = ClauseLibrary.from_config(self.plan.config)
        return self._library

    def close(self) -> None:
        """Close the clause library, if this process opened it."""
        if self._library is not None and self.pid == os.getpid():
            self._library.close()
        self._library = None

    def letter_for(self, index: int, recipient: Recipient) -> tuple[Letter, list[str]]:
        """The resolved letter for one recipient, and compose's warnings about it.

        Raises:
            DraftkitError: The recipient cannot be used, or their letter fails.
        """
        letter, warnings, _ = self.filled(index, recipient)
        return letter, warnings

    def filled(
        self, index: int, recipient: Recipient
    ) -> tuple[Letter, list[str], tuple[Hashable, Filled] | None]:
        """:meth:`letter_for`, and when the letter was filled into a composed letter, a
        key its letters share (the kind, and which templated text rendered empty) and
        where the recipient's text stands in it.

        Raises:
            DraftkitError: The recipient cannot be used, or their letter fails.
        """
        kind = self.kind(recipient)
        if kind is None:
            self.composed_each = True
            result = self.compose(index, recipient)
            return result.letter, result.warnings, None
        found = self._kinds.get(kind)
        if isinstance(found, DraftkitError):
            raise found
        if found is None:
            try:
                result = self.compose(index, recipient)
            except DraftkitError as exc:
                own = exc.where in self._text_places or (
                    recipient.source is not None and exc.path == recipient.source
                )
                if not own:  # the same for every recipient of the kind: say it once
                    self._keep(kind, exc)
                raise
            self._keep(kind, result)
            return result.letter, result.warnings, None
        assert found.slots is not None
        filled = fill_slots(found.slots, recipient, recipient_index=index)
        if filled is None:  # does not fit the kind: compose it after all
            result = self.compose(index, recipient)
            return result.letter, result.warnings, None
        return filled.letter, found.warnings, ((kind, filled.left_out), filled)

    def kind(self, recipient: Recipient) -> Hashable | None:
        """The kind of letter a recipient gets (None: their letter is composed alone)."""
        if not self.plan.grouped:
            return None
        return kind_of(recipient, self.plan.reads, self.plan.text_fields)

    def prepare(self, people: Sequence[tuple[int, Recipient]]) -> None:
        """Compose one letter of every kind before anything is written.

        A template the sandbox refuses is the spec's problem, not a recipient's: it is
        raised here, once, before a file or folder exists. Other errors are the rows'
        own and are reported with them. When letters are composed one by one (the
        templates read per-recipient data), only the first is composed here.

        Raises:
            TemplateRefusedError: The sandbox refused a template or a spec string.
        """
        seen: set[Hashable] = set()
        plan = self.plan
        # the kinds are composed in a row from one version of the variants (looked up once)
        with templates_for([*plan.template_dirs, *plan.config.templates]).held():
            for index, recipient in people:
                kind = self.kind(recipient)
                if kind is not None and kind in seen:
                    continue
                seen.add(kind)
                try:
                    self.letter_for(index, recipient)
                except TemplateRefusedError:
                    raise
                except DraftkitError:
                    pass
                if kind is None:
                    return

    def compose(self, index: int, recipient: Recipient) -> ComposeResult:
        """Compose the spec for one recipient (what every letter of their kind shares).

        Raises:
            DraftkitError: With the spec named when the error names no other file.
        """
        plan = self.plan
        try:
            return compose_letter(
                plan.spec,
                config=plan.config,
                library=self.library(),
                audience=plan.audience,
                template_dirs=plan.template_dirs,
                recipient=recipient,
                recipient_index=index,
            )
        except DraftkitError as exc:
            if exc.path is not None:
                raise
            raise type(exc)(
                exc.message, path=plan.spec_name, line=exc.line, where=exc.where, hint=exc.hint
            ) from None

    def _keep(self, kind: Hashable, value: Any) -> None:
        if len(self._kinds) >= _KINDS_KEPT:
            self._kinds.pop(next(iter(self._kinds)))
        self._kinds[kind] = value
