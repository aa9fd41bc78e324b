"""Clean: turn a raw article into a Document whose every character maps back to the raw text."""

from parley.clean.cleaner import clean

__all__ = ["clean"]
