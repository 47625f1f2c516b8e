"""The bundled lexicons: known entities (countries, organisations, regions) and word lists.

Data lives in `kg/data/` (TSV and JSON); this module only loads and indexes it, once.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .vocab import slug


@dataclass(frozen=True)
class KnownEntity:
    """An entity the lexicon knows: `type` is Country, Organization, Place or Group.

    `key` is the Wikidata id when the data has one, else `type/slug-of-name`.
    """

    key: str
    name: str
    type: str
    wikidata: str | None = None
    capital_of: str | None = None  # for capitals: the key of the country


@dataclass(frozen=True)
class Lexicon:
    names: dict[str, KnownEntity]  # exact name or alias -> entity
    folded: dict[str, KnownEntity]  # lower-cased name or alias -> entity (for aliases with no clash)
    demonyms: dict[str, KnownEntity]  # lower-cased demonym -> entity
    by_key: dict[str, KnownEntity]

    def lookup(self, text: str) -> KnownEntity | None:
        """The entity named by `text` ("the United States", "U.S.", "Kyiv"), else None."""
        text = " ".join(text.split()).replace("’", "'").strip(" .,;:'\"")
        for candidate in (text, _strip_article(text)):
            hit = self.names.get(candidate) or self.names.get(candidate + ".")
            if hit:
                return hit
        stripped = _strip_article(text)
        hit = self.folded.get(stripped.lower())
        if hit and not stripped.islower():
            return hit
        return None

    def demonym(self, word: str) -> KnownEntity | None:
        """The country or group a demonym names ("Ukrainian" -> Ukraine), else None."""
        if not word[:1].isupper():
            return None
        return self.demonyms.get(word.lower())

    def actor(self, entity: KnownEntity) -> KnownEntity:
        """A capital acting as an actor stands for its state ("Moscow said" -> Russia)."""
        return self.by_key.get(entity.capital_of, entity) if entity.capital_of else entity


def _strip_article(text: str) -> str:
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article):]
    return text


def _split(field: str) -> list[str]:
    return [part.strip() for part in field.split("|") if part.strip()]


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("kg.data").joinpath(name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def load() -> Lexicon:
    """The entity lexicon, loaded once per process."""
    entries: list[tuple[KnownEntity, list[str], list[str]]] = []
    for row in _rows("countries.tsv"):
        country = _known(row["qid"], row["name"], "Country")
        entries.append((country, [row["name"], *_split(row["aliases"])], _split(row["demonyms"])))
        capitals = _split(row.get("capital", ""))
        if capitals:
            capital = _known(row.get("capital_qid", ""), capitals[0], "Place", capital_of=country.key)
            entries.append((capital, capitals, []))
    for filename in ("organizations.tsv", "places.tsv"):
        for row in _rows(filename):
            kind = {"ArmedGroup": "Group", "Region": "Place"}.get(row["type"], row["type"])
            entity = _known(row["qid"], row["name"], kind)
            entries.append((entity, [row["name"], *_split(row["aliases"])], _split(row.get("demonyms", ""))))

    names: dict[str, KnownEntity] = {}
    folded: dict[str, KnownEntity] = {}
    clashes: set[str] = set()
    demonyms: dict[str, KnownEntity] = {}
    by_key: dict[str, KnownEntity] = {}
    for entity, aliases, adjectives in entries:
        by_key.setdefault(entity.key, entity)
        for alias in aliases:
            alias = alias.replace("’", "'")  # looked up with straight apostrophes
            names.setdefault(alias, entity)
            key = _strip_article(alias).lower()
            if folded.get(key, entity) != entity:
                clashes.add(key)
            folded.setdefault(key, entity)
        for word in adjectives:
            demonyms.setdefault(word.lower(), entity)
    for key in clashes:
        folded.pop(key, None)
    return Lexicon(names, folded, demonyms, by_key)


def _known(qid: str, name: str, kind: str, capital_of: str | None = None) -> KnownEntity:
    qid = qid.strip()
    key = qid or f"{kind.lower()}/{slug(name)}"
    return KnownEntity(key, name, kind, wikidata=qid or None, capital_of=capital_of)


@cache
def words(name: str) -> dict:
    """The word lists in `kg/data/NAME.json` (events, roles, offices), as frozensets for
    fast membership tests; nested objects stay dicts."""
    with resources.files("kg.data").joinpath(f"{name}.json").open(encoding="utf-8") as handle:
        return _frozen(json.load(handle))


def _frozen(value):
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items() if key != "_comment"}
    if isinstance(value, list):
        return frozenset(value)
    return value
