"""Sign-on letters: signatories from a form export, cleaned, de-duplicated, ordered, counted.

Coalition letters collect signatures through a web form or a shared spreadsheet. The
export has its own column names ("Your name", "Organisation", "Signing as"), stray
spaces, names typed in capitals, and the same organisation entered twice ("Human Rights
Watch" and "Human Rights Watch (HRW)"). This module turns such a file into the letter's
``signatories`` list:

- :func:`read_signatories` reads a CSV/TSV export, a workbook (.xlsx/.xls/.ods) or a
  YAML/JSON list (through :func:`draftkit.tables.read_table`) with loosely matched
  columns, normalises whitespace and all-capital or all-lower-case names, and merges
  duplicates (same organisation under its acronym, without "The", with "&" for "and" or
  a legal form such as "Inc." or "Ltd."; same person with another spacing, case,
  accents, "Last, First" order, or the same e-mail).
- :func:`find_near_duplicates` lists what is likely the same signatory typed two ways
  ("Amnesty Internatonal USA" and "Amnesty International USA"), for review;
  :func:`merge_near_duplicates` (``merge_near=True``) accepts the merge.
- :func:`order_signatories` applies an ordering policy: ``as-entered``,
  ``organization`` (alphabetical by organisation), ``family-name``, or
  ``lead-then-alphabetical``.
- :func:`count_signatories` and :func:`count_text` keep counts true: "the undersigned
  11 organizations" is generated from the list (counts typed into a letter that the
  list contradicts are the ``count-mismatch`` rule of :mod:`draftkit.check`).
"""

from __future__ import annotations

from draftkit.signatories.counts import SignatoryCounts, count_signatories, count_text
from draftkit.signatories.duplicates import (
    Duplicate,
    NearDuplicate,
    dedupe,
    find_near_duplicates,
    merge_near_duplicates,
)
from draftkit.signatories.exports import SignatoryImport, read_signatories
from draftkit.signatories.fragment import signatories_yaml
from draftkit.signatories.identity import identity_key, normalize_name, organization_key
from draftkit.signatories.order import ORDER_POLICIES, OrderPolicy, order_signatories

__all__ = [
    "ORDER_POLICIES",
    "Duplicate",
    "NearDuplicate",
    "OrderPolicy",
    "SignatoryCounts",
    "SignatoryImport",
    "count_signatories",
    "count_text",
    "dedupe",
    "find_near_duplicates",
    "identity_key",
    "merge_near_duplicates",
    "normalize_name",
    "order_signatories",
    "organization_key",
    "read_signatories",
    "signatories_yaml",
]
