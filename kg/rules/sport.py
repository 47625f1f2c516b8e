"""Sports stories: "attack", "struck first", "bombed down the descent" there are moves in a
game, not violence, unless an armed side or a weapon takes part ("gunmen attacked the team
bus")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import words
from ..model import Event

MIN_SPORTS_WORDS = 4  # distinct words; conflict stories seldom hold more than two ("match", "goal")
ARMED_TYPES = {"Country", "Group"}


@lru_cache(maxsize=256)
def is_sports_story(text: str) -> bool:
    """Whether an article is about sport: it holds at least four distinct sports words."""
    return sum(bool(pattern.search(text)) for pattern in _patterns()) >= MIN_SPORTS_WORDS


@lru_cache(maxsize=1)
def _patterns() -> list[re.Pattern]:
    return [re.compile(rf"\b{re.escape(w)}\b", re.IGNORECASE) for w in words("events")["attack"]["sports_words"]]


def without_plays(events: list[Event], text: str) -> list[Event]:
    """`events` without the attacks of a sports story that no armed side or weapon takes part in."""
    if not is_sports_story(text):
        return events
    return [e for e in events if e.type != "Attack" or any(
        r.role == "instrument" or (r.role == "attacker" and r.mention.type in ARMED_TYPES) for r in e.roles)]
