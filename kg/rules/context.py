"""What every extraction rule needs about one parsed segment: its Doc, where it sits in the
article, the entity mentions found in it, and the article's date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import date

from spacy.tokens import Doc, Span as TokenSpan, Token

from ..lexicon import Lexicon
from ..model import Mention, Span
from ..resolve import short_names


@dataclass
class Context:
    doc: Doc
    offset: int  # where the segment starts in the article text
    lexicon: Lexicon
    anchor: date | None = None  # the article's date
    default_year: int | None = None  # a year mentioned elsewhere in the article
    headline: bool = False  # a title-case headline: the entity recogniser is unreliable there
    earlier: list[Mention] = field(default_factory=list)  # the mentions of the article's segments before
    abbreviations: dict[str, str] = field(default_factory=dict)  # spelled out in the article: "ADF" -> its name
    article: str = ""  # the whole article's text (the segment's is `text`)
    dateline: Mention | None = None  # the country of the article's dateline ("RAIPUR, India (Reuters) -")
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)  # token index -> entity mention

    def __post_init__(self) -> None:
        self.text = self.doc.text  # Doc.text is rebuilt on every access: keep it once

    @cached_property
    def surnames(self) -> set[str]:
        """The names that may stand alone for people the article named in full before (see
        `kg.resolve.short_names`)."""
        return set(short_names(m.name for m in self.earlier if m.type == "Person" and m.key is None))

    def add(self, mention: Mention, tokens: range) -> None:
        self.mentions.append(mention)
        for i in tokens:
            self.by_token[i] = mention

    def replace(self, old: list[Mention], new: Mention, tokens: range) -> None:
        """Put `new`, over `tokens`, in place of the mentions `old` (a name re-read: retyped,
        trimmed, or pieces joined into one)."""
        gone = {id(m) for m in old}
        self.mentions = sorted([m for m in self.mentions if id(m) not in gone] + [new], key=lambda m: m.span.start)
        self.by_token = {i: m for i, m in self.by_token.items() if id(m) not in gone}
        for i in tokens:
            self.by_token[i] = new

    def span(self, start_char: int, end_char: int) -> Span:
        """A Span in article offsets for segment characters `start_char:end_char`."""
        return Span(self.text[start_char:end_char], self.offset + start_char, self.offset + end_char)

    def token_span(self, first: Token, last: Token) -> Span:
        return self.span(first.idx, last.idx + len(last.text))

    def sentence_span(self, sent: TokenSpan) -> Span:
        text = sent.text.rstrip()
        return self.span(sent.start_char, sent.start_char + len(text))

    def tokens_of(self, mention: Mention) -> list[int]:
        """The indices of the tokens `mention` covers (none for a mention made elsewhere)."""
        return [i for i, m in self.by_token.items() if m is mention]

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def most_named(self, mentions: list[Mention]) -> tuple[Mention | None, int]:
        """Of `mentions`, the one whose words the article repeats most often (the latest of
        equals), and how often."""
        text = self.article or self.text
        best = max(reversed(mentions), key=lambda m: text.count(m.span.text), default=None)
        return best, text.count(best.span.text) if best is not None else 0
