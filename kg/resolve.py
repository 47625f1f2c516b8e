"""Entity resolution: every mention of an article gets one canonical entity.

Known entities resolve by their Wikidata id (so "U.S." and "the United States" are one
node); others get a stable key from their type and name, so the same name in any article is
the same node. A surname alone ("Scholz") resolves to the full name used earlier in the
article. A name the article spells out with its abbreviation ("the People's Anti-Fascist Front
(PAFF)") is one entity with both, and a later "PAFF" is that entity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Extraction, Mention
from .vocab import slug

ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z0-9&-]{1,11})\)")
NAMED_TYPES = {"Organization", "Group"}


@dataclass(frozen=True)
class Entity:
    key: str
    label: str
    type: str
    wikidata: str | None = None
    unnamed: bool = False  # a group told by a common noun ("gunmen"): see `Mention.unnamed`


def resolve(extraction: Extraction) -> dict[Mention, Entity]:
    """The canonical entity of every mention in `extraction` (entity and role mentions)."""
    mentions = list(extraction.mentions)
    for event in extraction.events:
        mentions += [role.mention for role in event.roles]
    for office in extraction.offices:
        mentions.append(office.person)
        if office.organization is not None:
            mentions.append(office.organization)

    people = [m.name for m in sorted(mentions, key=lambda m: m.span.start) if m.type == "Person" and m.key is None]
    full_names = short_names(people)

    spelled_out = abbreviations(extraction.article.text, mentions)
    result: dict[Mention, Entity] = {}
    for mention in mentions:
        result[mention] = entity_of(mention, full_names, spelled_out)
    return result


SURNAME_PARTICLES = {"le", "la", "de", "du", "des", "van", "von", "der", "den", "da", "di", "dos", "das", "del", "della", "ter"}


def short_names(names) -> dict[str, str]:
    """What may stand alone for people named in full, each with the first full name it fits:
    the last word ("Scholz") or the last ones after particles ("Le Drian"), the first word
    of a two-word name, which is the family name in Chinese and Korean names ("Wang" of "Wang
    Yi"), and the last two words of a name of four or more, and the first of those ("Deby Itno",
    "Deby" of "Mahamat Idriss Deby Itno")."""
    names = [" ".join(name.split()) for name in names]
    found: dict[str, str] = {}
    for name in names:
        parts = name.split()
        if len(parts) > 1:
            found.setdefault(parts[-1], name)
        first = len(parts) - 1
        while first > 1 and parts[first - 1].lower() in SURNAME_PARTICLES:
            first -= 1  # "Le Drian" of "Jean-Yves Le Drian", "von der Leyen" of "Ursula von der Leyen"
        if first < len(parts) - 1:
            found.setdefault(" ".join(parts[first:]), name)
    for name in names:
        parts = name.split()
        if len(parts) == 2:
            found.setdefault(parts[0], name)
        elif len(parts) > 3 and parts[-3][:1].isupper():  # "Deby" and "Deby Itno" of "Mahamat Idriss Deby Itno"
            found.setdefault(parts[-2], name)
            found.setdefault(" ".join(parts[-2:]), name)
    return found


def abbreviations(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Abbreviations the article defines for names the lexicon does not know, each with the
    mention of the name in full: "People's Anti-Fascist Front (PAFF)" -> {"PAFF": mention}."""
    found: dict[str, Mention] = {}
    for mention in mentions:
        known = mention.key is not None and "/" not in mention.key  # a Wikidata id, not a key minted for a group's name
        if known or mention.type not in NAMED_TYPES or len(mention.name.split()) < 2:
            continue
        match = ABBREVIATION.match(text, mention.span.end)
        if match and match.group(1)[0] == mention.name[0].upper() and match.group(1) not in found:
            found[match.group(1)] = mention
    return found


_SPELLED_OUT = re.compile(r"((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|of|the|for|and|de|du|al|wal)){1,8})"
                          r"\s*\(([A-Z][A-Za-z0-9&-]{1,11})\)")


def defined_abbreviations(text: str) -> dict[str, str]:
    """The abbreviations `text` spells out, each with its name in full: "The Ambazonia Defence
    Forces (ADF)" -> {"ADF": "Ambazonia Defence Forces"}."""
    found: dict[str, str] = {}
    for match in _SPELLED_OUT.finditer(text):
        words = match.group(1).split()
        while words and words[0] in ("The", "the"):
            words.pop(0)
        if words and words[0][0] == match.group(2)[0]:
            found.setdefault(match.group(2), " ".join(words))
    return found


def entity_of(mention: Mention, full_names: dict[str, str] | None = None,
              spelled_out: dict[str, Mention] | None = None) -> Entity:
    """The canonical entity for one mention."""
    if mention.key is not None and "/" not in mention.key:  # a Wikidata id
        return Entity(mention.key, mention.label or mention.name, mention.type, mention.wikidata, mention.unnamed)
    for abbreviation, full in (spelled_out or {}).items():
        if mention.name in (abbreviation, full.name) and (mention.type in NAMED_TYPES or mention.name == abbreviation):
            key = full.key or f"{full.type.lower()}/{slug(full.name)}"  # (a group's name may have a key minted already)
            return Entity(key, f"{full.name} ({abbreviation})", full.type, full.wikidata, full.unnamed)
    if mention.key is not None:
        return Entity(mention.key, mention.label or mention.name, mention.type, mention.wikidata, mention.unnamed)
    name = mention.name
    if mention.type == "Person" and full_names and len(name.split()) == 1:
        name = full_names.get(name, name)
    return Entity(f"{mention.type.lower()}/{slug(name)}", name, mention.type, unnamed=mention.unnamed)
