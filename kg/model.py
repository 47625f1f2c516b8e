"""Plain data passed between the stages: articles in, mentions and facts out.

Nothing here knows about spaCy or RDF. Offsets are character offsets into the article's
full text (`Article.text`), end exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One input article. `id` is the JSONL id or the file name without extension."""

    id: str
    text: str
    title: str | None = None
    date: date | None = None
    url: str | None = None
    source: str | None = None  # the file it was read from


@dataclass(frozen=True)
class Segment:
    """A paragraph (or headline) of an article, parsed on its own."""

    text: str
    start: int  # offset of the segment in the article text
    is_headline: bool = False


@dataclass(frozen=True)
class Span:
    """A piece of article text: `article.text[start:end] == text`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A mention of an entity, before resolution.

    `type` is one of Person, Organization, Country, Place, Group, Weapon, Entity.
    `key` is the canonical resolution key when the lexicon knows the entity
    (a Wikidata id such as `Q30`), else None and `resolve` mints one.
    `name` is the canonical name to resolve on (for "Ukrainian" it is "Ukraine").
    """

    span: Span
    type: str
    name: str
    key: str | None = None
    label: str | None = None  # lexicon label for known entities
    wikidata: str | None = None
    unnamed: bool = False  # a group told by a common noun ("gunmen", "militants"), not by its name


@dataclass(frozen=True)
class Sentence:
    span: Span


@dataclass(frozen=True)
class Role:
    """One role filling of an event: `role` is attacker, target, instrument, place, ..."""

    role: str
    mention: Mention


@dataclass(frozen=True)
class TimeValue:
    """A normalised date: `value` is the first day, `precision` day, week, month or year."""

    value: date
    precision: str
    span: Span


@dataclass
class Event:
    """An event found in one sentence: Attack, Talks or Statement."""

    type: str
    trigger: Span
    sentence: Span
    rule: str
    confidence: float
    status: str = "asserted"  # asserted, planned, negated, denied, hypothetical
    roles: list[Role] = field(default_factory=list)
    time: TimeValue | None = None
    name: str | None = None  # a readable name, such as "peace talks"
    quote: str | None = None  # for statements: what was said
    evidence: list[Span] = field(default_factory=list)  # further sentences, when mentions were merged
    mentions: list[Span] = field(default_factory=list)  # further triggers of the same event
    anaphoric: bool = False  # "the attack": refers back to an event told earlier, if any


@dataclass(frozen=True)
class OfficeHolding:
    person: Mention
    title: str  # normalised office title, such as "Secretary of State"
    title_span: Span
    organization: Mention | None
    sentence: Span
    rule: str
    confidence: float
    not_of: frozenset[str] = frozenset()  # keys of countries the holder acts on: not theirs ("vowed to strike Syrian forces")


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    offices: list[OfficeHolding] = field(default_factory=list)
