"""The release number: the one place it is written (hatch reads it from here)."""

__version__ = "2026.12.2"
