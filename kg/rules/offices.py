"""Office holdings: a person named with a title, and the country or organisation it is of.

Patterns: a title before the name ("French Foreign Minister Jean-Noel Barrot", "Germany's
chancellor, Olaf Scholz", "Microsoft chief executive Satya Nadella", "head of the
presidential office Andriy Yermak") and an apposition after it ("Jean-Noel Barrot, the French
foreign minister"), with the country or organisation from either side of the name.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span as TokenSpan, Token

from ..lexicon import Lexicon, words
from ..model import Mention, OfficeHolding
from .context import Context
from .fillers import as_actor

TITLE_POS = {"PROPN", "NOUN", "ADJ"}
JOINERS = {"of", "the", "'s", "’s", "-", "for", "and"}
MAX_WINDOW = 12
ORG_TYPES = {"Country", "Organization", "Group", "Place"}
LOWER_WORDS = {"of", "the", "for", "and"}


@dataclass(frozen=True)
class _Title:
    tokens: list[Token]
    organization: Mention | None


def find_offices(ctx: Context) -> list[OfficeHolding]:
    """Office holdings for the Person mentions of the segment."""
    found: list[OfficeHolding] = []
    doc = ctx.doc
    for sent in doc.sents:
        _untagged_names(sent, ctx)
        people = _people(sent, ctx)
        for first, last, person in people:
            for rule, window in (("office-title-before/1", _left_window(doc, first, ctx)),
                                 ("office-apposition/1", _right_window(doc, last, ctx))):
                title = _title(window, ctx)
                if title is None:
                    continue
                if title.organization is None:
                    title = _Title(title.tokens, _of_after(doc, last, ctx))
                if person.type != "Person":  # a name with a title is a person, whatever the tagger said
                    person = _retype(ctx, person, first, last)
                found.append(_holding(ctx, sent, person, title, rule))
                break
    return found


def _people(sent: TokenSpan, ctx: Context) -> list[tuple[int, int, Mention]]:
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
        if mention.type == "Person" or _looks_like_name(mention, sent.doc[tok.i:last + 1]):
            result.append((tok.i, last, mention))
    return result


def _looks_like_name(mention: Mention, tokens) -> bool:
    """An unknown two- or three-word proper name that the tagger may have mistyped (not
    "Kurdistan Regional Government" or "Philippine Coast Guard")."""
    return (mention.key is None and 2 <= len(tokens) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in tokens)
            and tokens[-1].lower_ not in words("offices")["organization_words"])


def _retype(ctx: Context, mention: Mention, first: int, last: int) -> Mention:
    person = replace(mention, type="Person")
    ctx.mentions = [person if m is mention else m for m in ctx.mentions]
    for i in range(first, last + 1):
        ctx.by_token[i] = person
    return person


def _left_window(doc, first: int, ctx: Context) -> list[Token]:
    """Title-like tokens right before a name, possibly across one comma."""
    window: list[Token] = []
    i = first - 1
    ranks = words("offices")["ranks"]
    while i >= 0 and doc[i].lower_ in ranks:  # "Mali's defence minister, General Sadio Camara"
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    while i >= 0 and len(window) < MAX_WINDOW:
        tok = doc[i]
        mention = ctx.mention_at(tok)
        if mention is not None and mention.type == "Person":
            break
        if tok.pos_ in TITLE_POS or tok.lower_ in JOINERS or mention is not None or tok.tag_ == "POS" or tok.dep_ == "amod":
            window.insert(0, tok)  # (an amod such as "acting" may be tagged VERB)
            i -= 1
        else:
            if tok.lower_ in ("its", "their"):
                window.insert(0, tok)  # "its chief executive": resolved to the organisation
            break
    while window and window[0].lower_ in JOINERS:
        window.pop(0)
    return window


def _right_window(doc, last: int, ctx: Context) -> list[Token]:
    """An apposition after a name: ", the U.S. secretary of state"."""
    i = last + 1
    if i >= len(doc) or doc[i].text != ",":
        return []
    window: list[Token] = []
    i += 1
    while i < len(doc) and len(window) < MAX_WINDOW:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-",):
            break
        if tok.pos_ in TITLE_POS or tok.lower_ in JOINERS or tok.tag_ == "POS" or ctx.mention_at(tok) is not None:
            window.append(tok)
            i += 1
        else:
            return []
    while window and window[0].lower_ in JOINERS:
        window.pop(0)
    return window


def _title(window: list[Token], ctx: Context) -> _Title | None:
    if not window:
        return None
    lex = words("offices")
    if any(t.lower_ in lex["past_modifiers"] for t in window):
        return None
    organization: Mention | None = None
    org_tokens: set[int] = set()
    for tok in window:
        mention = ctx.mention_at(tok)
        if mention is None or mention.type not in ORG_TYPES or (organization is not None and organization.key is not None):
            continue
        if mention.key is None and mention.span.text.lower() in lex["portfolios"]:
            continue  # "Defence Minister": a portfolio the tagger took for an organisation
        if organization is None or (organization.key is None and mention.key is not None):
            organization = as_actor(mention, ctx)
            org_tokens = {t.i for t in window if ctx.mention_at(t) is mention}
    if organization is None:
        organization, org_tokens = _leading_name(window, ctx)
    title = [t for t in window if t.i not in org_tokens and t.tag_ != "POS"]
    if org_tokens and title and min(org_tokens) > title[0].i:
        # "the governor of the Kharkiv region": the title stops before "of ORG"
        title = [t for t in title if t.i < min(org_tokens)]
    if organization is None and any(t.lower_ in ("its", "their") for t in window):
        organization = _possessor(window[0], ctx)  # "its chief executive": the organisation named before
    title = [t for t in title if t.lower_ not in ("its", "their", "his", "her")]
    while title and (title[0].lower_ in JOINERS or title[0].is_punct):
        title.pop(0)
    while title and (title[-1].lower_ in JOINERS or title[-1].is_punct):
        title.pop()
    if not title or any(t.i not in range(title[0].i, title[-1].i + 1) for t in title):
        return None
    if [t.i for t in title] != list(range(title[0].i, title[-1].i + 1)):
        return None
    while len(title) > 1 and title[0].lower_ in lex["ranks"]:
        title.pop(0)
    text = " ".join(t.lower_ for t in title)
    if not any(_contains(text, head) for head in lex["titles"]):
        return None
    return _Title(title, organization)


def _leading_name(window: list[Token], ctx: Context) -> tuple[Mention | None, set[int]]:
    """An unknown organisation named before the title: "Maersk chief executive Vincent Clerc"."""
    lex = words("offices")
    known = lex["titles"] | lex["portfolios"] | lex["modifiers"]
    run = []
    for tok in window:
        if tok.pos_ == "PROPN" and tok.lower_ not in known and tok.is_title:
            run.append(tok)
        else:
            break
    if not run or len(run) == len(window):
        return None, set()
    span = ctx.token_span(run[0], run[-1])
    return Mention(span, "Organization", span.text), {t.i for t in run}


def _of_after(doc, last: int, ctx: Context) -> Mention | None:
    """ "Foreign Minister Ararat Mirzoyan of Armenia": the country after the name."""
    if last + 2 < len(doc) and doc[last + 1].lower_ == "of":
        mention = ctx.mention_at(doc[last + 2]) or (ctx.mention_at(doc[last + 3]) if last + 3 < len(doc) and doc[last + 2].lower_ == "the" else None)
        if mention is not None and mention.type in ORG_TYPES:
            return as_actor(mention, ctx)
    return None


def _possessor(tok: Token, ctx: Context) -> Mention | None:
    """The organisation or country named last before `tok` in the segment."""
    earlier = [m for m in ctx.mentions if m.span.end <= ctx.offset + tok.idx and m.type in ("Organization", "Country", "Group")]
    return earlier[-1] if earlier else None


def _untagged_names(sent: TokenSpan, ctx: Context) -> None:
    """A proper name in apposition to a title is a person even when the tagger missed it:
    "Peru's foreign minister, Ana Cecilia Gervasi, ..."."""
    titles = words("offices")["titles"]
    for tok in sent:
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.head.lower_ not in titles:
            continue
        first = tok
        while first.i > sent.start and first.nbor(-1).pos_ == "PROPN" and first.nbor(-1).dep_ == "compound":
            first = first.nbor(-1)
        tokens = range(first.i, tok.i + 1)
        existing = {id(ctx.by_token[i]) for i in tokens if i in ctx.by_token}
        if not 2 <= len(tokens) <= 4 or any(ctx.by_token[i].type == "Person" for i in tokens if i in ctx.by_token):
            continue
        person = Mention(ctx.token_span(first, tok), "Person", ctx.token_span(first, tok).text)
        ctx.mentions = [m for m in ctx.mentions if id(m) not in existing] + [person]
        ctx.mentions.sort(key=lambda m: m.span.start)
        for i in tokens:
            ctx.by_token[i] = person


def _contains(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "


def _holding(ctx: Context, sent: TokenSpan, person: Mention, title: _Title, rule: str) -> OfficeHolding:
    span = ctx.token_span(title.tokens[0], title.tokens[-1])
    return OfficeHolding(
        person=person,
        title=normalise_title(span.text),
        title_span=span,
        organization=title.organization,
        sentence=ctx.sentence_span(sent),
        rule=rule,
        confidence=0.85 if title.organization else 0.75,
    )


def normalise_title(text: str) -> str:
    """Title case for an office, keeping acronyms: "secretary of state" -> "Secretary of State".

    >>> normalise_title("chief executive")
    'Chief Executive'
    """
    parts = []
    for word in text.split():
        if word.isupper() and len(word) > 1:
            parts.append(word)
        elif word.lower() in LOWER_WORDS:
            parts.append(word.lower())
        else:
            parts.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(parts)



def infer_countries(offices: list[OfficeHolding], mentions: list[Mention], lexicon: Lexicon) -> list[OfficeHolding]:
    """Give a national office named without its country ("Prime Minister Abiy Ahmed") the
    country the text places it in: the one country (or capital) named in its sentence, else
    the only country the article names at all."""
    national = words("offices")["national_title_words"]
    countries = [_country_of(m, lexicon) for m in mentions]
    named = {c.key for c in countries if c is not None}
    main = next(iter(named)) if len(named) == 1 else None
    result = []
    for office in offices:
        if office.organization is None and national & set(office.title.lower().split()):
            here = {c.key: c for m, c in zip(mentions, countries)
                    if c is not None and office.sentence.start <= m.span.start < office.sentence.end}
            choice = next(iter(here.values())) if len(here) == 1 else next((c for c in countries if c is not None and c.key == main), None)
            if choice is not None:
                office = replace(office, organization=choice, confidence=round(office.confidence - 0.15, 2))
        result.append(office)
    return result


def _country_of(mention: Mention, lexicon: Lexicon) -> Mention | None:
    """The country a mention names, directly or through its capital."""
    known = lexicon.by_key.get(mention.key or "")
    if known is None:
        return None
    state = lexicon.actor(known)
    if state.type != "Country":
        return None
    return replace(mention, type="Country", name=state.name, key=state.key, label=state.name, wikidata=state.wikidata)
