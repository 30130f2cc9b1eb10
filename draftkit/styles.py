"""The named styles of a letter: what each part of a letter is called in the reference document.

The renderer formats every part through these paragraph and character styles (a house
style changes how they look, never their names), and ingest reads a DOCX that draftkit
made back by the same names. This is the one list of them.
"""

from __future__ import annotations

__all__ = ["STYLES"]


class STYLES:
    """Paragraph and character style names of the reference document."""

    PAGE_HEADING = "Page Heading"
    PUBLISHED = "Publication Date"
    DATE = "Letter Date"
    ADDRESS = "Inside Address"
    DELIVERY = "Delivery Notation"
    CC = "Copy List"
    SUBJECT = "Subject Line"
    SALUTATION = "Letter Salutation"
    BODY = "Body Text"
    ASKS_INTRO = "Asks Intro"
    ASK = "Ask"
    ASK_ITEM = "Ask Item"
    CLOSING = "Closing Text"
    CLOSE = "Letter Close"
    SIGNATURE_NAME = "Signature Name"
    SIGNATURE_TITLE = "Signature Title"
    SIGNATORY_ORG = "Signatory Organization"
    SIGNATORY_NOTE = "Signatory Note"
    ENCLOSURE = "Enclosure"
    LETTERHEAD_NAME = "Letterhead Name"
    LETTERHEAD_ADDRESS = "Letterhead Address"
    CONTINUATION = "Continuation Header"
    PAGE_FOOTER = "Page Footer"
    # Word's built-in names (ids FootnoteText, FootnoteReference): Word and LibreOffice
    # treat them as their own footnote styles
    FOOTNOTE_TEXT = "footnote text"
    TABLE_CAPTION = "Table Caption"
    TABLE_TEXT = "Table Text"
    TABLE_HEADING = "Table Heading"
    # table style
    TABLE = "Letter Table"
    # character styles
    ASK_LEAD = "Ask Lead"
    STRONG = "Strong"
    EMPHASIS = "Emphasis"
    HYPERLINK = "Hyperlink"
    FOOTNOTE_REFERENCE = "footnote reference"

    @classmethod
    def paragraph_styles(cls) -> list[str]:
        """Every paragraph style name the renderer uses."""
        return [
            cls.PAGE_HEADING,
            cls.PUBLISHED,
            cls.DATE,
            cls.ADDRESS,
            cls.DELIVERY,
            cls.CC,
            cls.SUBJECT,
            cls.SALUTATION,
            cls.BODY,
            cls.ASKS_INTRO,
            cls.ASK,
            cls.ASK_ITEM,
            cls.CLOSING,
            cls.CLOSE,
            cls.SIGNATURE_NAME,
            cls.SIGNATURE_TITLE,
            cls.SIGNATORY_ORG,
            cls.SIGNATORY_NOTE,
            cls.ENCLOSURE,
            cls.LETTERHEAD_NAME,
            cls.LETTERHEAD_ADDRESS,
        ]

    @classmethod
    def page_styles(cls) -> list[str]:
        """Paragraph styles of the header and footer draftkit adds to later pages."""
        return [cls.CONTINUATION, cls.PAGE_FOOTER]

    @classmethod
    def note_styles(cls) -> list[str]:
        """The footnote text (paragraph) and footnote reference mark (character) styles."""
        return [cls.FOOTNOTE_TEXT, cls.FOOTNOTE_REFERENCE]

    @classmethod
    def table_styles(cls) -> list[str]:
        """The styles of a table in a letter: its caption, cells, header cells and the
        table style itself (borders, the header row's rule)."""
        return [cls.TABLE_CAPTION, cls.TABLE_TEXT, cls.TABLE_HEADING, cls.TABLE]

    @classmethod
    def character_styles(cls) -> list[str]:
        """Every character style name the renderer uses."""
        return [cls.ASK_LEAD, cls.STRONG, cls.EMPHASIS, cls.HYPERLINK]
