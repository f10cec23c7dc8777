"""Helpers for reading published numbers, independent of the code under test."""


def secs(text: str) -> int:
    """Seconds from a published ``h:mm:ss`` or ``m:ss`` string."""
    total = 0
    for part in text.split(":"):
        total = total * 60 + int(part)
    return total
