"""Extraction: from parsed segments of one article to its mentions, events and offices.

`extract_article` is the only entry point; the rules live in the modules beside it.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .. import timex
from ..lexicon import Lexicon, load
from ..articles import dateline_places
from ..model import Article, Extraction, Mention, Segment, Sentence
from ..resolve import defined_abbreviations
from .context import Context
from .coref import merge_events
from .events import find_events
from .mentions import find_mentions
from .office_countries import infer_countries
from .offices import find_offices
from .sport import without_plays
from .talks import add_represented

__all__ = ["extract_article", "extract_doc"]


def extract_article(article: Article, parsed: list[tuple[Segment, Doc]], lexicon: Lexicon | None = None) -> Extraction:
    """Everything extracted from `article`, given its segments parsed by spaCy."""
    lexicon = lexicon or load()
    default_year = timex.find_year(article.text) if article.date is None else None
    result = Extraction(article)
    abbreviations = defined_abbreviations(article.text)
    dateline = _dateline_country(article, lexicon)
    for segment, doc in parsed:
        ctx = Context(doc, segment.start, lexicon, article.date, default_year, headline=segment.is_headline,
                      earlier=list(result.mentions), abbreviations=abbreviations, article=article.text,
                      dateline=dateline)
        extract_doc(ctx, result)
    result.events = without_plays(merge_events(result.events, result.offices, dateline), article.text)
    named = {m.key for m in result.mentions if m.type == "Country"}
    home = dateline if dateline is not None and dateline.key in named else None
    result.offices = infer_countries(result.offices, result.mentions, lexicon, home=home)
    result.events = add_represented(result.events, result.offices)
    return result


def _dateline_country(article: Article, lexicon: Lexicon) -> Mention | None:
    """The country the article was filed from, by its dateline ("TRIPOLI, Libya (AP) —"). A
    dateline of two countries' cities ("WASHINGTON/HANOI") gives none. It counts as the
    article's home (for offices) only when the article also names the country itself: a story
    filed from Brussels, even one about a meeting in Brussels, is seldom about Belgium."""
    homes = []
    for place in dateline_places(article):
        known = lexicon.lookup(place.text)
        state = lexicon.actor(known) if known is not None else None
        if state is not None and state.type == "Country":
            homes.append(Mention(place, "Country", state.name, key=state.key, label=state.name, wikidata=state.wikidata))
    return homes[0] if len({h.key for h in homes}) == 1 else None  # "WASHINGTON/HANOI": neither


def extract_doc(ctx: Context, result: Extraction) -> None:
    """Add what one parsed segment holds to `result`."""
    find_mentions(ctx)
    offices = find_offices(ctx)
    titles = [(o.title_span.start, o.title_span.end) for o in offices]
    holders = {id(o.person) for o in offices}  # "Presidents X of A, Y of B and Z of C": each holder stays a mention
    ctx.mentions = [
        m for m in ctx.mentions
        if id(m) in holders or not any(start <= m.span.start and m.span.end <= end for start, end in titles)
    ]
    kept = {id(m) for m in ctx.mentions}
    ctx.by_token = {i: m for i, m in ctx.by_token.items() if id(m) in kept}
    result.sentences += [Sentence(ctx.sentence_span(s)) for s in ctx.doc.sents if s.text.strip()]
    result.mentions += ctx.mentions
    result.offices += offices
    result.events += find_events(ctx)
