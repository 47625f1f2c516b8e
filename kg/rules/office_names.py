"""The people named in a sentence, for their offices: the tagger's persons, and the names it
missed or cut up ("Peru's foreign minister, Ana Cecilia Gervasi", "Lt. Col. X", "Minister of
Trade X" tagged as one organisation), without the rank or title before them.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as TokenSpan

from ..lexicon import words
from ..model import Mention
from .context import Context
from .office_titles import contains, joined_portfolio, title_vocabulary


def named_people(sent: TokenSpan, ctx: Context) -> list[tuple[int, int, Mention]]:
    """The people of a sentence as (first token, last token, mention): the tagger's persons and
    the names it mistyped, without a rank or title it took into them."""
    result = []
    seen: set[int] = set()
    for tok in sent:
        mention = ctx.mention_at(tok)
        if mention is None or id(mention) in seen:
            continue
        seen.add(id(mention))
        last = tok.i
        while last + 1 < sent.end and ctx.mention_at(sent.doc[last + 1]) is mention:
            last += 1
        first = _after_rank(sent.doc, tok.i, last)
        if mention.type != "Person":  # "Minister of Trade Nguyen Van An", tagged ORG
            first = _after_title(sent.doc, first, last)
        elif (start := _given_names(sent.doc, first, last, ctx)) < first:  # "President Mahamat Idriss Deby Itno"
            mention = _trim(ctx, mention, start, start, last)
            seen.add(id(mention))
            first = start
        if mention.type == "Person" or _looks_like_name(mention, sent.doc[first:last + 1]):  # "Air Commodore X", tagged ORG
            if first > tok.i:  # "Major General Emeka Obi": the rank is no part of the name, nor a title
                mention = _trim(ctx, mention, tok.i, first, last)
                seen.add(id(mention))
            result.append((first, last, mention))
    return result


def untagged_names(sent: TokenSpan, ctx: Context) -> None:
    """A proper name in apposition to a title is a person even when the tagger missed it or
    took its first word for something else: "Peru's foreign minister, Ana Cecilia Gervasi, ...";
    not a rank in apposition ("military spokesman Lt. Col. X", parsed so)."""
    lex = words("offices")
    for tok in sent:
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.head.lower_ not in lex["titles"]:
            continue
        first = tok
        while first.i > sent.start and first.nbor(-1).pos_ == "PROPN" and first.nbor(-1).dep_ == "compound":
            first = first.nbor(-1)
        tokens = range(first.i, tok.i + 1)
        named = list(dict.fromkeys(ctx.by_token[i] for i in tokens if i in ctx.by_token))
        if (not 2 <= len(tokens) <= 4 or all(is_rank(ctx.doc, i, lex["ranks"]) for i in tokens)
                or any(m.key is not None or set(ctx.tokens_of(m)) - set(tokens) for m in named)
                or (len(named) == 1 and named[0].type == "Person" and len(ctx.tokens_of(named[0])) == len(tokens))):
            continue
        ctx.replace(named, Mention(ctx.token_span(first, tok), "Person", ctx.token_span(first, tok).text), tokens)


def ranked_names(sent: TokenSpan, ctx: Context) -> None:
    """Two or three capitalised words right after an abbreviated military rank are a person's
    name, whatever the tagger took them for: "Lt. Col. Nadia Sharon" (with "Sharon" tagged as an
    organisation), even in the sentence after when the parser ended one at the rank."""
    doc = ctx.doc
    ranks = words("offices")["military_ranks"]
    for tok in sent:
        if tok.text != "." or not is_rank(doc, tok.i, ranks) or ctx.mention_at(tok.nbor(-1)) is not None:
            continue
        tokens = []
        for name in doc[tok.i + 1:tok.i + 5]:  # (the parser may end a sentence at "Col.")
            if name.pos_ != "PROPN" or not name.is_title or is_rank(doc, name.i, ranks):
                break
            tokens.append(name)
        named = list(dict.fromkeys(ctx.by_token[t.i] for t in tokens if t.i in ctx.by_token))
        if (not 2 <= len(tokens) <= 3 or tokens[-1].lower_ in words("offices")["organization_words"]
                or any(m.key is not None or m.type == "Person" or {t.i for t in tokens} < set(ctx.tokens_of(m))
                       for m in named)):
            continue
        span = ctx.token_span(tokens[0], tokens[-1])
        ctx.replace(named, Mention(span, "Person", span.text), range(tokens[0].i, tokens[-1].i + 1))


def _after_title(doc, first: int, last: int) -> int:
    """Where a name of two or three words starts after a title the tagger took into it as one
    organisation: "Minister of Industry and Trade Nguyen Hong Dien"."""
    lex = words("offices")
    known = title_vocabulary()
    start = last + 1
    while start > first and (word := doc[start - 1]).pos_ == "PROPN" and word.is_title and word.lower_ not in known:
        start -= 1
    before = " ".join(t.lower_ for t in doc[first:start])
    if start == first or not 2 <= last + 1 - start <= 3 or not any(contains(before, head) for head in lex["titles"]):
        return first
    return start


def _given_names(doc, first: int, last: int, ctx: Context) -> int:
    """Where a person's name starts when the tagger left its first words out, between a title
    and the name: "President Mahamat Idriss Deby Itno", tagged "Deby Itno" (five words at most)."""
    known = title_vocabulary()
    ranks = words("offices")["ranks"]
    start = first
    while start > 0 and last + 1 - start < 5:
        word = doc[start - 1]
        if (word.pos_ != "PROPN" or not word.is_title or word.lower_ in known or ctx.mention_at(word) is not None
                or word.lower_ in ranks  # "army spokesman Colonel X": a rank, no given name
                or word.dep_ != "compound" or not first <= word.head.i <= last):
            break
        start -= 1
    return start if start > 0 and doc[start - 1].lower_ in known else first


def _after_rank(doc, first: int, last: int) -> int:
    """Where a name starts after the military rank that opens it ("Lt. Gen. Vikram Sethi"),
    leaving two words at least."""
    ranks = words("offices")["military_ranks"]
    i = first
    while i < last - 1 and (is_rank(doc, i, ranks) or (doc[i].text == "." and i > first)):
        i += 1
    return i


def _trim(ctx: Context, mention: Mention, old_first: int, first: int, last: int) -> Mention:
    span = ctx.token_span(ctx.doc[first], ctx.doc[last])
    trimmed = replace(mention, span=span, name=span.text)
    ctx.replace([mention], trimmed, range(first, last + 1))
    return trimmed


def _looks_like_name(mention: Mention, tokens) -> bool:
    """An unknown two- or three-word proper name that the tagger may have mistyped (not
    "Kurdistan Regional Government", "Philippine Coast Guard" or the portfolio in "Minister of
    Industry and Mineral Resources")."""
    parts = [t for t in tokens if t.text != "-"]  # "Kassym-Jomart Tokayev"
    return (mention.key is None and 2 <= len(parts) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in parts)
            and parts[-1].lower_ not in words("offices")["organization_words"] | words("offices")["company_suffixes"]
            and not joined_portfolio(parts[0], None))


def is_rank(doc, i: int, ranks) -> bool:
    """Whether doc[i] is part of a capitalised rank before a name: "Gen.", the "." of "Maj .",
    "Senior" in "Senior Gen.", "Air" in "Air Commodore"; a rank word in lower case is a title
    ("SDF commander Mazloum Abdi")."""
    tok = doc[i]
    if tok.text == ".":
        return i > 0 and doc[i - 1].lower_ in ranks
    if tok.is_lower:
        return False
    if tok.lower_ in ranks:
        return True
    return tok.lower_ in words("offices")["rank_prefixes"] and i + 1 < len(doc) and is_rank(doc, i + 1, ranks)
