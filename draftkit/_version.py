"""The installed draftkit version."""

__version__ = "0.1.0"
