"""Ingest on shapes found in the tenth round's studied halves (fresh, fictional letters)."""

from __future__ import annotations

from draftkit.ingest import ingest_bytes, ingest_text
from draftkit.ingest.text import lines_from_markdown
from draftkit.schema import Letter


def _letter(text: str) -> Letter:
    letter = ingest_text(text).letter
    assert letter is not None
    return letter


def test_an_italic_note_that_the_page_was_last_updated_ends_a_markdown_signer_table() -> None:
    """ "_Last updated March 3, 2025. To add your network, open an issue._" under the
    table of signers: the page's note, not a signer."""
    markdown = (
        "Dear Commissioner Ruiz,\n\nWe ask the Commission to keep the community broadband "
        "fund open to cooperatives.\n\nRespectfully submitted,\n\n| Organization | Location |\n"
        "|---|---|\n"
        "| Valley Mesh Cooperative | Bend, OR |\n| North Ridge Wireless | Ames, IA |\n"
        "| Lakeside Community Broadband | Durango, CO |\n\n"
        "_Last updated March 3, 2025. To add your network, open an issue in this "
        "repository._\n"
    )
    letter = ingest_bytes(markdown.encode(), filename="letter.md").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Valley Mesh Cooperative",
        "North Ridge Wireless",
        "Lakeside Community Broadband",
    ]


def test_markdown_emphasis_underscores_leave_the_plain_text() -> None:
    lines = lines_from_markdown("_Updated in March._ See snake_case and __this__.\n")
    assert lines[0].text == "Updated in March. See snake_case and this."
