"""Entity resolution: every mention of an article gets one canonical entity.

Known entities resolve by their Wikidata id (so "U.S." and "the United States" are one
node); others get a stable key from their type and name, so the same name in any article is
the same node. A surname alone ("Scholz") resolves to the full name used earlier in the
article.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Extraction, Mention
from .vocab import slug


@dataclass(frozen=True)
class Entity:
    key: str
    label: str
    type: str
    wikidata: str | None = None


def resolve(extraction: Extraction) -> dict[Mention, Entity]:
    """The canonical entity of every mention in `extraction` (entity and role mentions)."""
    mentions = list(extraction.mentions)
    for event in extraction.events:
        mentions += [role.mention for role in event.roles]
    for office in extraction.offices:
        mentions.append(office.person)
        if office.organization is not None:
            mentions.append(office.organization)

    full_names: dict[str, str] = {}  # surname -> full name, for people named in full
    for mention in sorted(mentions, key=lambda m: m.span.start):
        if mention.type == "Person" and mention.key is None:
            parts = mention.name.split()
            if len(parts) > 1:
                full_names.setdefault(parts[-1], mention.name)

    result: dict[Mention, Entity] = {}
    for mention in mentions:
        result[mention] = entity_of(mention, full_names)
    return result


def entity_of(mention: Mention, full_names: dict[str, str] | None = None) -> Entity:
    """The canonical entity for one mention."""
    if mention.key is not None:
        return Entity(mention.key, mention.label or mention.name, mention.type, mention.wikidata)
    name = mention.name
    if mention.type == "Person" and full_names and len(name.split()) == 1:
        name = full_names.get(name, name)
    return Entity(f"{mention.type.lower()}/{slug(name)}", name, mention.type)
