"""Where the bundled queries and the ontology are: inside the installed package
(`kg/queries`, `kg/ontology`, put there by the wheel build) or at the top of a source checkout.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder of bundled `name` files ("queries" or "ontology").

    Raises FileNotFoundError when the installation has lost it.
    """
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled {name}/ folder is missing from this installation")
