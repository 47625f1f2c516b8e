"""The title in a run of words before or after a person's name, and the country or organisation
it is of: "French Foreign Minister", "the governor of the Odesa region", "Central Bank of Kenya
governor", "the group's chief negotiator" (`read_title`).
"""
from __future__ import annotations

import re

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Token

from ..lexicon import words
from ..model import Mention
from .context import Context
from .fillers import as_actor, fillers

JOINERS = {"of", "the", "'s", "’s", "-", "for", "and"}
MAX_WINDOW = 12


@cache
def title_vocabulary() -> frozenset[str]:
    """The words a title is made of: titles, portfolios and their modifiers."""
    lex = words("offices")
    return frozenset(lex["titles"] | lex["portfolios"] | lex["modifiers"])


def bare_window(window: list[Token]) -> list[Token]:
    """The words of a phrase without a leading article or joiner ("the", "of"); empty when
    they are not together in the text or too many to be a title."""
    if not window or [t.i for t in window] != list(range(window[0].i, window[-1].i + 1)) or len(window) > MAX_WINDOW:
        return []
    while window and (window[0].pos_ == "DET" or window[0].lower_ in JOINERS):
        window.pop(0)
    return window
ORG_TYPES = {"Country", "Organization", "Group", "Place"}


@dataclass(frozen=True)
class Title:
    tokens: list[Token]
    organization: Mention | None


def read_title(window: list[Token], ctx: Context) -> Title | None:
    if not window:
        return None
    lex = words("offices")
    if any(t.lower_ in lex["past_modifiers"] for t in window):
        return None
    organization: Mention | None = None
    org_tokens: set[int] = set()
    local = any(contains(" ".join(t.lower_ for t in window), title) for title in lex["local_titles"])  # "Kyiv Mayor X": the city's
    for tok in window:
        mention = ctx.mention_at(tok)
        if mention is None or mention.type not in ORG_TYPES or (organization is not None and organization.key is not None):
            continue
        if mention.key is None and (mention.span.text.lower() in lex["portfolios"] or joined_portfolio(tok, ctx)):
            continue  # "Defence Minister", "Mineral Resources and Energy Minister": a portfolio the tagger took for an organisation
        if organization is None or (organization.key is None and mention.key is not None):
            organization = mention if local and mention.type == "Place" else as_actor(mention, ctx)
            org_tokens = {t.i for t in window if ctx.mention_at(t) is mention}
    body = _body_of_place(window, ctx)
    if body is not None:  # "Central Bank of Kenya governor X"
        organization, org_tokens = body
    joined = _joined_places(window, ctx)
    if joined is not None:  # "Jammu and Kashmir Chief Minister X"
        organization, org_tokens = joined
    specific = _specific_org(window, ctx)
    if specific is not None:  # "the governor of Russia's Belgorod region", "the head of the UN mission MONUSCO"
        organization, org_tokens = specific
    if organization is None:
        organization, org_tokens = _leading_name(window, ctx)
    if organization is None:
        organization, org_tokens = _unnamed_body(window, ctx)
    if organization is not None and organization.key is None:  # "Territorial Administration Minister X"
        organization, org_tokens = _named_portfolio(window, organization, org_tokens, ctx)
    if organization is not None and _common_body(organization, org_tokens, ctx):  # "Parliament Speaker X"
        organization, org_tokens = None, set()
    if organization is not None and _covered_place(window, org_tokens):  # "chief China economist"
        organization, org_tokens = None, set()
    if organization is not None and _inside_known_title(window, org_tokens):  # "Chancellor of the Exchequer"
        organization, org_tokens = None, set()
    if org_tokens and max(org_tokens) + 1 in {t.i for t in window}:  # "the Oromia region's president"
        org_tokens |= {t.i for t in _with_region_word([ctx.doc[max(org_tokens)]], window)}
    generic = _generic_possessor(window, ctx)
    if generic is not None:  # "the group's chief negotiator": the group named before
        organization, org_tokens = generic
    title = [t for t in window if t.i not in org_tokens and t.tag_ != "POS"]
    owner = [t for t in window if t.tag_ == "POS"]
    owner_name = ctx.mention_at(owner[-1].nbor(-1)) if owner and owner[-1].i > 0 else None
    if (owner and title and title[0].i < owner[-1].i < title[-1].i
            and (owner[-1].nbor(-1).lower_ in lex["titles"] or (owner_name is not None and owner_name.type in ORG_TYPES))):
        after = [t for t in title if t.i > owner[-1].i]
        if any(contains(" ".join(t.lower_ for t in after), head) for head in lex["titles"]):
            title = after  # "the UN secretary-general's special envoy": the envoy
            if owner_name is not None and owner_name.type in ORG_TYPES:  # "... of Armenia and Azerbaijan's foreign minister"
                organization = as_actor(owner_name, ctx)
                org_tokens = {t.i for t in window if ctx.mention_at(t) is owner_name}
    inside = _inside_title(title, org_tokens)  # "the senior U.S. adviser", "the junta's spokesman"
    if org_tokens and title and min(org_tokens) > title[0].i and not inside:
        # "the governor of the Kharkiv region": the title stops before "of ORG"
        title = [t for t in title if t.i < min(org_tokens)]
        while (title and title[-1].is_lower and title[-1].dep_ in ("amod", "compound") and title[-1].head.i in org_tokens
               and title[-1].lower_ not in lex["titles"]):
            title.pop()  # "commander of the rival Libyan National Army": "rival" describes the organisation
    if organization is None:
        organization = _referred_body(window, ctx)  # "a spokesman for the group": the group named before
        if organization is not None:  # "the head of the agency": the head
            title = [t for t in title if t.i < window[-3].i]
    if organization is None and any(t.lower_ in ("its", "their") for t in window):
        organization = possessor(window[0], ctx)  # "its chief executive": the organisation named before
    title = [t for t in title if t.lower_ not in ("its", "their", "his", "her")]
    cut = next((k for k, t in enumerate(title) if t.lower_ == "for" and k > 0), None)
    if cut is not None:  # "envoy for Libya": the office is the envoy
        title = title[:cut]
    while title and (title[0].lower_ in JOINERS or title[0].is_punct):
        title.pop(0)
    title = _before_owner(title, window, org_tokens)
    while title and (title[-1].lower_ in JOINERS or title[-1].is_punct):
        title.pop()
    if not title or any(t.i not in range(title[0].i, title[-1].i + 1) for t in title):
        return None
    if set(range(title[0].i, title[-1].i + 1)) - {t.i for t in title} - inside:
        return None
    while len(title) > 1:  # "Colonel", "new", "far-right" (read as three words): of the holder, not of the office
        if title[0].lower_ in lex["ranks"] or title[0].lower_ in lex["descriptors"]:
            del title[:1]
        elif len(title) > 3 and title[1].text == "-" and f"{title[0].lower_}-{title[2].lower_}" in lex["descriptors"]:
            del title[:3]
        else:
            break
    text = " ".join(t.lower_ for t in title)
    if not any(contains(text, head) for head in lex["titles"]):
        return None
    return Title(title, organization)


def _inside_known_title(window: list[Token], org_tokens: set[int]) -> bool:
    """Whether the words taken for an organisation belong to a title of several words:
    "Exchequer" in "Chancellor of the Exchequer"."""
    text = " ".join(t.lower_ for t in window)
    named = {t.lower_ for t in window if t.i in org_tokens}
    return any(" " in title and contains(text, title) and named <= set(title.split()) for title in words("offices")["titles"])


def _inside_title(title: list[Token], org_tokens: set[int]) -> set[int]:
    """The tokens a title may leave out between its words: the country between a modifier and
    the title ("the senior U.S. adviser", "the top Ukrainian negotiator"), and the "'s" of a
    body that stands for its country ("the junta's spokesman": Junta Spokesman)."""
    lex = words("offices")
    inside = {t.i + 1 for t in title if t.lower_ in lex["title_possessors"] and t.i + 1 < len(t.doc) and t.nbor().tag_ == "POS"}
    if not title or not org_tokens or min(org_tokens) < title[0].i or max(org_tokens) > title[-1].i:
        return inside
    before = [t for t in title if t.i < min(org_tokens)]
    after = " ".join(t.lower_ for t in title if t.i > max(org_tokens))
    if (before and all(t.is_lower and t.lower_ in lex["modifiers"] for t in before)
            and any(contains(after, head) for head in lex["titles"])):
        inside |= org_tokens
    return inside


def _referred_body(window: list[Token], ctx: Context) -> Mention | None:
    """The organisation that "the group", "the company" closing a title refers back to: "a
    spokesman for the group", "the chairman of the company"."""
    if len(window) < 4 or window[-2].lower_ != "the" or window[-3].lower_ not in ("for", "of"):
        return None
    if _inside_known_title(window, {window[-1].i}):
        return None  # "Chancellor of the Exchequer"
    return next((as_actor(m, ctx) for m in fillers(window[-1], ctx, "speaker") if m.type in ORG_TYPES), None)


def _common_body(organization: Mention, org_tokens: set[int], ctx: Context) -> bool:
    """Whether an unknown "organisation" that opens a title is no name but a common word for a
    body, capitalised with the title: "Parliament" in "Parliament Speaker X", "National" in
    "National Registrar Y" (part of the title, the country found later)."""
    lex = words("offices")
    common = set(lex["organization_words"]) | set(lex["national_title_words"])
    tokens = [ctx.doc[i] for i in sorted(org_tokens)]
    return (organization.key is None and bool(tokens) and all(t.lower_ in common for t in tokens)
            and tokens[-1].i + 1 < len(ctx.doc) and not tokens[-1].nbor().is_punct)


def _named_portfolio(window: list[Token], organization: Mention, org_tokens: set[int],
                     ctx: Context) -> tuple[Mention | None, set[int]]:
    """An unknown name right before "Minister", "Adviser" or "Secretary" is its portfolio, part
    of the title: "Territorial Administration Minister X", "Presidential Peace Adviser Y"; a
    country or body that opens it is the organisation ("U.S. Treasury Secretary Z", "EU
    Fisheries Commissioner W")."""
    doc = ctx.doc
    if not org_tokens or sorted(org_tokens) != list(range(min(org_tokens), max(org_tokens) + 1)):
        return organization, org_tokens
    after = max(org_tokens) + 1
    while after < len(doc) and doc[after] in window and doc[after].lower_ in words("offices")["portfolios"]:
        after += 1  # "Forest Economy Minister", "Presidential Security Adviser"
    if after >= len(doc) or doc[after] not in window or doc[after].lower_ not in words("offices")["portfolio_titles"]:
        return organization, org_tokens
    tokens = [doc[i] for i in sorted(org_tokens)]
    if any(not (t.is_title or t.is_upper) for t in tokens if t.is_alpha):
        return organization, org_tokens
    for k in range(len(tokens) - 1, 0, -1):  # the longest known name that opens the portfolio
        span = ctx.token_span(tokens[0], tokens[k - 1])
        known = ctx.lexicon.lookup(span.text) or (ctx.lexicon.demonym(span.text) if k == 1 else None)
        if known is not None and ctx.lexicon.actor(known).type in ("Country", "Organization"):
            state = ctx.lexicon.actor(known)
            body = Mention(span, state.type, state.name, key=state.key, label=state.name, wikidata=state.wikidata)
            return body, {t.i for t in tokens[:k]}
    return None, set()


def _covered_place(window: list[Token], org_tokens: set[int]) -> bool:
    """Whether the place named between a lower-case modifier and a title is the field the title
    covers, not its organisation: "chief China economist", "senior Asia strategist"."""
    if not org_tokens:
        return False
    doc = window[0].doc
    first, last = min(org_tokens), max(org_tokens)
    inside = [t.i for t in window]
    return (first - 1 in inside and last + 1 in inside and doc[first - 1].is_lower
            and doc[last + 1].lower_ in words("offices")["covering_titles"])


def _body_of_place(window: list[Token], ctx: Context) -> tuple[Mention, set[int]] | None:
    """An unknown body named "of" a country or place is one name with it, whatever the tagger
    cut: "Central Bank of Kenya", "Supreme Court of Ghana"."""
    lex = words("offices")
    for k, tok in enumerate(window[1:-1], 1):
        body, place = ctx.mention_at(window[k - 1]), ctx.mention_at(window[k + 1])
        if (tok.lower_ != "of" or body is None or place is None or body.key is not None or body.type != "Organization"
                or window[k - 1].lower_ not in lex["organization_words"] or place.type not in ("Country", "Place")):
            continue
        tokens = [t for t in window if ctx.mention_at(t) in (body, place) or t is tok]
        if [t.i for t in tokens] != list(range(tokens[0].i, tokens[-1].i + 1)):
            continue
        span = ctx.token_span(tokens[0], tokens[-1])
        return Mention(span, "Organization", span.text), {t.i for t in tokens}
    return None


def _joined_places(window: list[Token], ctx: Context) -> tuple[Mention, set[int]] | None:
    """Two places joined by "and" that open the window before a title are one place: "Jammu and
    Kashmir Chief Minister X" (not two countries: "Israel and Jordan")."""
    and_ = next((k for k, t in enumerate(window) if t.lower_ == "and"), None)
    if and_ is None or and_ == 0 or and_ + 1 >= len(window):
        return None
    left, right = ctx.mention_at(window[and_ - 1]), ctx.mention_at(window[and_ + 1])
    if left is None or right is None or left is right or {left.type, right.type} - {"Place"}:
        return None
    tokens = [t for t in window if ctx.mention_at(t) in (left, right) or t is window[and_]]
    if tokens[0] is not window[0] or [t.i for t in tokens] != list(range(tokens[0].i, tokens[-1].i + 1)):
        return None
    span = ctx.token_span(tokens[0], tokens[-1])
    return Mention(span, right.type, span.text), {t.i for t in tokens}


def _before_owner(title: list[Token], window: list[Token], org_tokens: set[int]) -> list[Token]:
    """The title without the owner ("'s") of the organisation it is of: "commander" in
    "commander of the air force's Southern Command"."""
    if not title or not org_tokens:
        return title
    owned = [t for t in window if t.tag_ == "POS" and title[0].i < t.i < min(org_tokens)]
    of = [t for t in title if t.lower_ == "of" and owned and t.i < owned[-1].i]
    return [t for t in title if t.i < of[-1].i] if of else title


def _unnamed_body(window: list[Token], ctx: Context) -> tuple[Mention | None, set[int]]:
    """A body named in lower case after "of the", with a modifier that is no portfolio: "head of
    the presidential administration", "chairman of the central election commission" (not "the
    army", nor "the foreign ministry", which stand for their country)."""
    lex = words("offices")
    of = next((k for k, t in enumerate(window) if t.lower_ == "of" and k > 0), None)
    if of is None or of + 1 >= len(window) or window[of + 1].lower_ != "the":
        return None, set()
    body = window[of + 2:]
    if not 2 <= len(body) <= 4 or body[-1].lower_ not in lex["organization_words"]:
        return None, set()
    if any(not (t.is_lower and t.is_alpha) or t.lower_ in lex["portfolios"] or ctx.mention_at(t) is not None for t in body):
        return None, set()
    span = ctx.token_span(body[0], body[-1])
    return Mention(span, "Organization", span.text), {t.i for t in window[of + 1:]}


def _leading_name(window: list[Token], ctx: Context) -> tuple[Mention | None, set[int]]:
    """An unknown organisation named before the title: "Maersk chief executive Vincent Clerc",
    "Ecopetrol's chief executive", "Halcyon chief executive" (a capitalised noun inside the
    sentence), "WTA chief executive"."""
    lex = words("offices")
    known = title_vocabulary()
    run = []
    for tok in window:
        owner = (tok.pos_ == "NOUN" and tok.i + 1 < len(tok.doc) and tok.nbor().tag_ == "POS"
                 and tok.lower_ not in lex["generic_possessors"])  # "Ecopetrol's", tagged as a noun
        named = (tok.pos_ == "NOUN" and tok.i > tok.sent.start and tok.i + 1 < len(tok.doc)
                 and tok.nbor().is_lower and tok.nbor().is_alpha)  # "Halcyon chief executive X", tagged as a noun
        if ((tok.pos_ == "PROPN" or owner or named) and tok.is_title or _acronym(tok)) and tok.lower_ not in known:
            run.append(tok)
        else:
            break
    if not run or len(run) == len(window) or joined_portfolio(run[0], ctx):
        return None, set()
    span = ctx.token_span(run[0], run[-1])
    return Mention(span, "Organization", span.text), {t.i for t in run}


def _acronym(tok: Token) -> bool:
    """Whether `tok` is a name in capitals: "WTA" in "WTA chief executive X"."""
    return tok.is_upper and tok.is_alpha and len(tok.text) > 1


def _specific_org(window: list[Token], ctx: Context) -> tuple[Mention, set[int]] | None:
    """The organisation a title is "of", when the window names it last and most specifically:
    "president of Haiti's Transitional Presidential Council", "chief executive of Maersk",
    "governor of Russia's Belgorod region"; None when the window names one at most."""
    of = next((k for k, t in enumerate(window) if t.lower_ == "of" and k > 0), None)
    if of is None:
        return None
    lex = words("offices")
    known = title_vocabulary()
    rest = window[of + 1:]
    named = [ctx.mention_at(t) for t in rest]
    mentions = [m for m in dict.fromkeys(m for m in named if m is not None and m.type in ORG_TYPES)]
    run: list[Token] = []
    for tok in reversed(rest):  # an unknown name closing the window
        if tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper) and ctx.mention_at(tok) is None and tok.lower_ not in known:
            run.insert(0, tok)
        elif not run and tok is rest[-1] and tok.is_lower and tok.lower_ in lex["region_words"]:
            run.insert(0, tok)  # "the Odesa region": the name is read next
        elif run == rest[-1:] and run[0].lower_ in lex["region_words"] and _mistaken_person(tok, ctx):
            retype(ctx, ctx.mention_at(tok), tok.i, tok.i, "Place")  # "the Mykolaiv region", "Mykolaiv" tagged as a person
            run.insert(0, tok)
        elif run or tok.lower_ in ("of", "the"):
            break
        else:
            return _last_of(mentions, window, ctx)
    if run and run[0].pos_ == "PROPN" and (run[0].i == rest[0].i or run[0].nbor(-1).lower_ in ("the", "'s", "’s", "of")):
        span = ctx.token_span(run[0], run[-1])
        kind = "Place" if run[-1].lower_ in lex["region_words"] else "Organization"
        return Mention(span, kind, span.text), {t.i for t in run} | {t.i for t in rest if ctx.mention_at(t) is not None}
    return _last_of(mentions, window, ctx)


def _mistaken_person(tok: Token, ctx: Context) -> bool:
    """Whether `tok` is a one-word "person" that is no surname of a person named before."""
    mention = ctx.mention_at(tok)
    return (mention is not None and mention.type == "Person" and mention.span.text == tok.text
            and tok.pos_ == "PROPN" and tok.text not in ctx.surnames)


def _with_region_word(run: list[Token], window: list[Token]) -> list[Token]:
    """A name with the word for a region after it, when the window holds it: "Oromia region" in
    "the Oromia region's president"."""
    if not run or run[-1].pos_ != "PROPN" or run[-1].i + 1 >= len(run[-1].doc):
        return run
    after = run[-1].nbor()
    if after in window and after.is_lower and after.lower_ in words("offices")["region_words"]:
        return run + [after]
    return run


def _last_of(mentions: list[Mention], window: list[Token], ctx: Context) -> tuple[Mention, set[int]] | None:
    if len(mentions) < 2:
        return None
    last = mentions[-1]
    return as_actor(last, ctx), {t.i for t in window if ctx.mention_at(t) in mentions}


def _generic_possessor(window: list[Token], ctx: Context) -> tuple[Mention | None, set[int]] | None:
    """ "the group's chief negotiator", "the mission's commander": the organisation named before;
    "the military's chief of general staff": no organisation, the country is found later."""
    generic = words("offices")["generic_possessors"]
    for k, tok in enumerate(window[1:], 1):
        before = window[k - 1]
        if any(t.lower_ == "of" for t in window[:k]):
            break  # "commander of the army's Northern Command": the army's command is named
        if (tok.tag_ == "POS" and before.lower_ in words("offices")["national_possessors"] and before.is_lower
                and ctx.mention_at(before) is None):
            return None, {t.i for t in window[:k + 1]}  # "the military's chief of staff": the country's, told later
        if tok.tag_ == "POS" and before.lower_ in words("offices")["title_possessors"] and before.is_lower:
            return None, {t.i for t in window[:k - 1]}  # "the junta's spokesman": the Junta Spokesman
        if tok.tag_ == "POS" and before.lower_ in words("offices")["place_possessors"] and before.is_lower:
            place = _place_named_as(before.lower_, window[0], ctx)  # "the province's governor"
            return (place, {t.i for t in window[:k + 1]}) if place is not None else None
        if tok.tag_ == "POS" and before.lower_ in generic and before.is_lower:
            country = before.lower_ in words("offices")["country_possessors"]  # "the country's adviser"
            types = ("Country",) if country else ("Organization", "Group")
            organization = possessor(window[0], ctx, types) or next(  # "the rebels' spokesman", the rebels named
                (as_actor(m, ctx) for m in fillers(before, ctx, "speaker") if m.type in types), None)  # in a paragraph before
            if organization is None:
                return None
            return organization, {t.i for t in window[:k + 1]}
    return None


def _place_named_as(word: str, tok: Token, ctx: Context) -> Mention | None:
    """The place "the province" (`word`) before `tok` refers to: the last one the article names
    as such ("Cabo Delgado province", "the province of Idlib"), else the last one named before it
    in the paragraph, else the one the article names most often and never as another kind of place
    ("the state's chief minister" after "Chhattisgarh", "Bijapur district" and "Usur"; Chhattisgarh
    named more often than Usur)."""
    before = [m for m in ctx.earlier + ctx.mentions if m.type == "Place" and m.span.end <= ctx.offset + tok.idx]

    def named_as(m: Mention, kinds: str) -> bool:
        name = re.escape(m.span.text)
        return re.search(rf"\b{name} (?:{kinds})\b|\b(?:{kinds}) of {name}\b", ctx.article or ctx.text, re.IGNORECASE) is not None

    named = [m for m in before if named_as(m, word)]
    here = [m for m in before if m.span.start >= ctx.offset]
    others = "|".join(k for k in words("offices")["place_possessors"] if k != word)
    unnamed = [m for m in before if not named_as(m, others)]
    if named or here or not unnamed:
        return (named or here or [None])[-1]
    return ctx.most_named(unnamed)[0]


def possessor(tok: Token, ctx: Context, types=("Organization", "Country", "Group")) -> Mention | None:
    """The organisation or country named last before `tok` in the segment."""
    earlier = [m for m in ctx.mentions if m.span.end <= ctx.offset + tok.idx and m.type in types]
    sent = tok.sent
    subjects = [m for m in earlier if sent.start_char + ctx.offset <= m.span.start
                and any(ctx.mention_at(t) is m and _in_subject(t, ctx) for t in sent)]
    if subjects:  # "The SDF rejected claims that ..., and its commander": the subject
        return subjects[-1]
    for t in sent if "Organization" in types else ():  # "Galatasaray said its president": a one-word "person"
        if t.i < tok.i and (m := ctx.mention_at(t)) is not None and m.type == "Person" and named_club(t, m, ctx):
            return retype(ctx, m, t.i, t.i, "Organization")
    if sent.start > 0:  # "The RSF did not comment. But ..., the group's spokesman said": the subject before
        before = [m for t in tok.doc[sent.start - 1].sent if t.dep_ in ("nsubj", "nsubjpass")
                  and (m := ctx.mention_at(t)) is not None and m in earlier]
        if before:
            return before[-1]
    return earlier[-1] if earlier else None


def _in_subject(tok: Token, ctx: Context) -> bool:
    """Whether a name is a subject, or names the subject's body: "The STC delegation was led by
    its chief negotiator"."""
    mention = ctx.mention_at(tok)
    while tok.dep_ in ("compound", "flat") and ctx.mention_at(tok.head) is mention and tok.head.i != tok.i:
        tok = tok.head  # the name's last word
    if tok.dep_ in ("compound", "poss") and ctx.mention_at(tok.head) is None:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def named_club(tok: Token, mention: Mention, ctx: Context) -> bool:
    """Whether a one-word "person" is an organisation the tagger mistook: before a title in
    lower case ("Fenerbahce president Selim Ozkan"), or the subject an "its" refers back to
    ("Galatasaray said its president ..."), and no surname of a person named before."""
    if mention.span.text != tok.text or tok.text in ctx.surnames or tok.pos_ != "PROPN":
        return False
    if tok.dep_ in ("compound", "amod", "nmod") and tok.i + 1 < len(tok.doc) and tok.nbor().is_lower and tok.nbor().is_alpha:
        after = []  # "president", "regional governor"
        for word in tok.doc[tok.i + 1:tok.i + 4]:
            if not (word.is_lower and word.is_alpha):
                break
            after.append(word.lower_)
        return any(contains(" ".join(after), head) for head in words("offices")["titles"])
    if tok.i + 2 < len(tok.doc) and tok.nbor().tag_ == "POS" and mention.key is None:  # "Fenerbahce's head coach, X"
        after = tok.doc[tok.i + 2:tok.i + 4]
        text = " ".join(t.lower_ for t in after if t.is_lower and t.is_alpha)
        return bool(text) and after[0].is_lower and any(contains(text, head) for head in words("offices")["titles"])
    return tok.dep_ in ("nsubj", "nsubjpass")


def retype(ctx: Context, mention: Mention, first: int, last: int, kind: str = "Person") -> Mention:
    person = replace(mention, type=kind)
    ctx.replace([mention], person, range(first, last + 1))
    return person


def joined_portfolio(tok: Token, ctx: Context | None) -> bool:
    """Whether the name at `tok` is one of portfolios joined by "and": "Mineral Resources and
    Energy Minister", "Minister of Industry and Mineral Resources"."""
    lex = words("offices")
    doc = tok.doc
    first = last = tok.i
    if ctx is not None and (mention := ctx.mention_at(tok)) is not None:
        while first > 0 and ctx.mention_at(doc[first - 1]) is mention:
            first -= 1
        while last + 1 < len(doc) and ctx.mention_at(doc[last + 1]) is mention:
            last += 1
    else:
        while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and doc[last + 1].is_title:
            last += 1
    known = lex["portfolios"] | lex["titles"]
    before = first >= 2 and doc[first - 1].lower_ == "and" and doc[first - 2].lower_ in lex["portfolios"]
    after = (last + 2 < len(doc) and doc[last + 1].lower_ == "and" and doc[last + 2].lower_ in lex["portfolios"]
             and any(t.lower_ in known for t in doc[last + 2:last + 5]))
    return before or after


def contains(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "
