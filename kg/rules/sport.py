"""Sports stories: "attack", "struck first", "bombed down the descent" there are moves in a
game, not violence, unless an armed side or a weapon takes part ("gunmen attacked the team
bus")."""
from __future__ import annotations

import re
from functools import cache

from ..lexicon import words
from ..model import Event

MIN_SPORTS_WORDS = 3  # distinct words only sport uses ("goalkeeper", "peloton"; not "match", "goal", "league")
ARMED_TYPES = {"Country", "Group"}


def is_sports_story(text: str) -> bool:
    """Whether an article is about sport: it holds at least three distinct words only sport uses
    (a plural counts as its singular)."""
    return len({word.lower() for word in _pattern().findall(text)}) >= MIN_SPORTS_WORDS


@cache
def _pattern() -> re.Pattern:
    found = sorted(words("events")["attack"]["sports_words"], key=len, reverse=True)  # "premier league" first
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in found) + r")s?\b", re.IGNORECASE)


def without_plays(events: list[Event], text: str) -> list[Event]:
    """`events` without the attacks of a sports story by players or clubs: attackers none of
    whom is armed, and no weapon ("a blast outside the stadium" stays)."""
    if not is_sports_story(text):
        return events
    return [e for e in events if e.type != "Attack" or not any(r.role == "attacker" for r in e.roles) or any(
        r.role == "instrument" or (r.role == "attacker" and r.mention.type in ARMED_TYPES) for r in e.roles)]
