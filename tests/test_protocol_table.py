"""The forms-of-address table read without validation agrees with the validated table."""

from __future__ import annotations

from collections import Counter

from draftkit.protocol import iter_forms, offices, salutation_texts


def _validated_salutation_texts() -> list[str]:
    out: list[str] = []
    for row in offices():
        out += [t for f, t in iter_forms(row) if f.rsplit(".", 1)[-1].startswith("salutation")]
        out += [t for t in (row.courtesy_title, row.courtesy_title_plural) if t]
    return out


def test_salutation_texts_equal_the_validated_rows_forms() -> None:
    texts = salutation_texts()
    assert Counter(texts) == Counter(_validated_salutation_texts())
    assert "Dear Mr. President" in texts  # a salutation of us-president
    assert any(t.startswith("Dear Senator") for t in texts)
