"""Small text helpers shared by the graph, the tables and the page."""
from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with "…".

    >>> shorten("a  b\\nc", 4)
    'a b…'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"
