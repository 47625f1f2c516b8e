"""Office holdings: a person named with a title, and the country or organisation it is of.

Patterns: a title before the name ("French Foreign Minister Jean-Noel Barrot", "Germany's
chancellor, Olaf Scholz", "Microsoft chief executive Satya Nadella", "head of the
presidential office Andriy Yermak") and an apposition after it ("Jean-Noel Barrot, the French
foreign minister"), with the country or organisation from either side of the name.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Span as TokenSpan, Token

from ..lexicon import Lexicon, words
from ..model import Mention, OfficeHolding
from .context import Context
from .fillers import as_actor, fillers

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
                if title.organization is None and rule == "office-apposition/1":  # "X, chief economist at Y Capital"
                    title = _Title(title.tokens, _at_after(window, ctx))
                if title.organization is None:
                    title = _Title(title.tokens, _of_after(doc, last, ctx) or _delegation_country(doc[last], ctx))
                if person.type != "Person":  # a name with a title is a person, whatever the tagger said
                    person = _retype(ctx, person, first, last)
                found.append(_holding(ctx, sent, person, title, rule))
                if rule == "office-title-before/1":
                    found += [_holding(ctx, sent, person, other, rule) for other in _title_before_title(window, last, ctx)]
                else:
                    found += [_holding(ctx, sent, person, other, rule) for other in _conjoined_titles(title, ctx)]
                break
            else:
                described = _described_as(doc, last, ctx)
                if described is not None:  # "X, whom it described as a Hezbollah commander"
                    if described.organization is None:
                        described = _Title(described.tokens, _of_after(doc, described.tokens[-1].i, ctx))
                    found.append(_holding(ctx, sent, person, described, "office-described-as/1"))
                    continue
                whose = _whose_title(doc, first, ctx)
                if whose is not None:  # "the RSF, whose commander is X"
                    found.append(_holding(ctx, sent, person, whose, "office-whose-title/1"))
                    continue
                heading = _who_heads(doc, last, ctx)
                if heading is not None:
                    if person.type != "Person":
                        person = _retype(ctx, person, first, last)
                    office, title = heading
                    found.append(replace(_holding(ctx, sent, person, title, "office-who-heads/1"), title=office))
    return _countries_here(found, ctx)


def _title_before_title(window: list[Token], last: int, ctx: Context) -> list[_Title]:
    """A second title the name is in apposition to, before the first one and a comma: "Kosovo's
    chief negotiator, Deputy Prime Minister X"."""
    doc = ctx.doc
    start = window[0].i
    if start < 2 or doc[start - 1].text != ",":
        return []
    before = _left_window(doc, start, ctx)
    name = doc[last]
    while name.dep_ in ("compound", "flat") and name.head is not name:
        name = name.head
    if not before or name.dep_ != "appos" or name.head not in before:
        return []
    title = _title(before, ctx)
    return [] if title is None else [title]


def _conjoined_titles(title: _Title, ctx: Context) -> list[_Title]:
    """The titles joined to an apposition's by "and", of its organisation unless they name their
    own: "X, the U.S. ambassador to Turkey and special envoy for Syria"."""
    found = []
    for conj in (c for c in title.tokens[-1].children if c.dep_ == "conj" and c.i > title.tokens[-1].i):
        window = [t for t in conj.subtree if t.i <= conj.i]
        if [t.i for t in window] != list(range(window[0].i, conj.i + 1)) or len(window) > MAX_WINDOW:
            continue
        while window and (window[0].pos_ == "DET" or window[0].lower_ in JOINERS):
            window.pop(0)
        other = _title(window, ctx)
        if other is not None:
            found.append(other if other.organization is not None else _Title(other.tokens, title.organization))
    return found


def _countries_here(offices: list[OfficeHolding], ctx: Context) -> list[OfficeHolding]:
    """Give a national office named without its country ("Prime Minister Abiy Ahmed") the one
    country its sentence, else its paragraph (the segment), names on its holder's side: not a
    country bound to another person's title ("spoke with Turkish President Erdogan"), nor one
    its holder acts on ("accused Afghan forces of ...", "travelled to Brasilia")."""
    national = words("offices")["national_title_words"]
    titles = [(o.title_span.start, o.title_span.end) for o in offices]
    named = [(m, c) for m in ctx.mentions
             if (c := _country_of(m, ctx.lexicon)) is not None and not any(a <= m.span.start < b for a, b in titles)]
    result = []
    for office in offices:
        if office.organization is None and national & _title_words(office.title):
            bound = {o.organization.key for o in offices if o.organization is not None and o.person is not office.person}
            acted_on = _acted_on(office.person, ctx)
            sentence = [(m, c) for m, c in named if office.sentence.start <= m.span.start < office.sentence.end]
            here = {c.key: c for m, c in sentence if c.key not in bound and m.span.start - ctx.offset not in acted_on}
            if not sentence:
                here = {c.key: c for _, c in named}
            if len(here) == 1:
                office = replace(office, organization=next(iter(here.values())),
                                 confidence=round(office.confidence - 0.15, 2))
        result.append(office)
    return result


def _bound_with(office: OfficeHolding, offices: list[OfficeHolding]) -> set[str]:
    """The countries bound to other people's titles in the sentence of `office`."""
    return {o.organization.key for o in offices if o.organization is not None and o.organization.key
            and o.sentence == office.sentence and o.person is not office.person}


def _acted_on(person: Mention, ctx: Context) -> set[int]:
    """Where (segment character offsets) the words that a person, as the subject, acts on or
    meets start: "Minister X accused Afghan forces of ...", "travelled to Brasilia", "met
    Chad's army chief"."""
    tokens = [t for t in ctx.doc if t.idx + ctx.offset >= person.span.start and t.idx + ctx.offset < person.span.end]
    head = next((t for t in tokens if t.head not in tokens or t.head is t), None)
    if head is None or head.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    verb = head.head
    contact = words("offices")["contact_prepositions"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "agent", "npadvmod")  # "..., a charge Belgrade denied"
               or (c.dep_ == "prep" and c.lower_ in contact)]
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):  # "met X and thanked Y"
        objects += [c for c in conj.children if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in contact)]
    return {t.idx for o in objects for t in o.subtree}


def _title_words(title: str) -> set[str]:
    return set(title.lower().replace("-", " ").split())


def _described_as(doc, last: int, ctx: Context) -> _Title | None:
    """ "Hussein Taleb, whom it described as a Hezbollah commander", "..., whom police identified
    as the group's deputy leader": the title told after "as"."""
    lex = words("offices")
    if last + 2 >= len(doc) or doc[last + 1].text != "," or doc[last + 2].lower_ not in ("who", "whom"):
        return None
    verb = next((t for t in doc[last + 3:last + 7] if t.lemma_.lower() in lex["describing_verbs"]), None)
    if verb is None or verb.i + 1 >= len(doc) or verb.nbor().lower_ != "as":
        return None
    phrase = next((c for c in verb.nbor().children if c.dep_ == "pobj"), None)
    if phrase is None:
        return None
    of = [c for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > phrase.i]
    # "a Hezbollah commander (responsible for ...)", "a commander of the Quds Force": the noun phrase
    window = [t for t in phrase.subtree if t.i <= phrase.i or (of and t in of[0].subtree)]
    if [t.i for t in window] != list(range(window[0].i, window[-1].i + 1)) or len(window) > MAX_WINDOW:
        return None
    while window and (window[0].pos_ == "DET" or window[0].lower_ in JOINERS):
        window.pop(0)
    return _title(window, ctx)


def _whose_title(doc, first: int, ctx: Context) -> _Title | None:
    """ "the RSF, whose commander is X", "The group, whose top commander is Y": the title between
    "whose" and "is", of the organisation before "whose" (a noun such as "the group" is the one
    it refers back to)."""
    if first < 4 or doc[first - 1].lower_ not in ("is", "was"):
        return None
    whose = next((k for k in range(first - 2, max(first - 2 - MAX_WINDOW, 1), -1) if doc[k].lower_ == "whose"), None)
    if whose is None or doc[whose - 1].text != ",":
        return None
    title = _title(list(doc[whose + 1:first - 1]), ctx)
    if title is None or title.tokens[-1].i != first - 2:
        return None
    owner = doc[whose - 2]
    named = [ctx.mention_at(owner)] if ctx.mention_at(owner) is not None else fillers(owner, ctx, "speaker")
    organization = next((as_actor(m, ctx) for m in named if m.type in ORG_TYPES), None)
    return _Title(title.tokens, organization or title.organization)


def _who_heads(doc, last: int, ctx: Context) -> tuple[str, _Title] | None:
    """ "Abdullahi Warsame, who heads Somalia's intelligence agency": Head of the agency."""
    verbs = words("offices")["heading_verbs"]
    if last + 3 >= len(doc) or doc[last + 1].text != "," or doc[last + 2].lower_ != "who" or doc[last + 3].lower_ not in verbs:
        return None
    verb = doc[last + 3]
    window = []
    for tok in doc[verb.i + 1:verb.i + 1 + MAX_WINDOW]:
        if (tok.is_punct and tok.text != "-") or tok.pos_ in ("VERB", "AUX", "ADP") and tok.tag_ != "POS" and tok.lower_ != "of":
            break
        window.append(tok)
    mentions = [m for m in dict.fromkeys(ctx.mention_at(t) for t in window) if m is not None and m.type in ORG_TYPES]
    headed = next((t for t in window if t.dep_ == "dobj" and t.head == verb), None)
    named = ctx.mention_at(headed) if headed is not None else None
    if not mentions and named is not None and named.type == "Person" and named.span.text not in ctx.surnames:
        # "who heads Erdenes Mongol": one heads a body, not a person
        tokens = [t for t in window if ctx.mention_at(t) is named]
        mentions = [_retype(ctx, named, tokens[0].i, tokens[-1].i, "Organization")]
    lex = words("offices")
    known = lex["titles"] | lex["portfolios"] | lex["modifiers"]
    run = []
    for tok in reversed(window):
        if tok.pos_ == "PROPN" and tok.is_title and ctx.mention_at(tok) is None and tok.lower_ not in known or (run and tok.lower_ == "and"):
            run.insert(0, tok)
        else:
            break
    if run:
        span = ctx.token_span(run[0], run[-1])
        organization = Mention(span, "Organization", span.text)
    elif mentions:
        organization = as_actor(mentions[-1], ctx)
    else:
        return None
    return verbs[verb.lower_], _Title([verb], organization)


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
        first = _after_rank(sent.doc, tok.i, last)
        if mention.type == "Person" or _looks_like_name(mention, sent.doc[first:last + 1]):  # "Air Commodore X", tagged ORG
            if first > tok.i:  # "Major General Emeka Obi": the rank is no part of the name
                mention = _trim(ctx, mention, tok.i, first, last)
                seen.add(id(mention))
            result.append((first, last, mention))
    return result


def _after_rank(doc, first: int, last: int) -> int:
    """Where a name starts after the military rank that opens it ("Lt. Gen. Vikram Sethi"),
    leaving two words at least."""
    ranks = words("offices")["military_ranks"]
    i = first
    while i < last - 1 and (_is_rank(doc, i, ranks) or (doc[i].text == "." and i > first)):
        i += 1
    return i


def _trim(ctx: Context, mention: Mention, old_first: int, first: int, last: int) -> Mention:
    span = ctx.token_span(ctx.doc[first], ctx.doc[last])
    trimmed = replace(mention, span=span, name=span.text)
    ctx.mentions = [trimmed if m is mention else m for m in ctx.mentions]
    for i in range(old_first, last + 1):
        if i < first:
            ctx.by_token.pop(i, None)
        else:
            ctx.by_token[i] = trimmed
    return trimmed


def _looks_like_name(mention: Mention, tokens) -> bool:
    """An unknown two- or three-word proper name that the tagger may have mistyped (not
    "Kurdistan Regional Government", "Philippine Coast Guard" or the portfolio in "Minister of
    Industry and Mineral Resources")."""
    parts = [t for t in tokens if t.text != "-"]  # "Kassym-Jomart Tokayev"
    return (mention.key is None and 2 <= len(parts) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in parts)
            and parts[-1].lower_ not in words("offices")["organization_words"] and not _joined_portfolio(parts[0], None))


def _joined_portfolio(tok: Token, ctx: Context | None) -> bool:
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


def _named_club(tok: Token, mention: Mention, ctx: Context) -> bool:
    """Whether a one-word "person" is an organisation the tagger mistook: before a title in
    lower case ("Fenerbahce president Selim Ozkan"), or the subject an "its" refers back to
    ("Galatasaray said its president ..."), and no surname of a person named before."""
    if mention.span.text != tok.text or tok.text in ctx.surnames or tok.pos_ != "PROPN":
        return False
    if tok.dep_ == "compound" and tok.i + 1 < len(tok.doc) and tok.nbor().is_lower and tok.nbor().is_alpha:
        return any(_contains(tok.nbor().lower_, head) for head in words("offices")["titles"])
    if tok.i + 2 < len(tok.doc) and tok.nbor().tag_ == "POS" and mention.key is None:  # "Fenerbahce's head coach, X"
        after = tok.doc[tok.i + 2:tok.i + 4]
        text = " ".join(t.lower_ for t in after if t.is_lower and t.is_alpha)
        return bool(text) and after[0].is_lower and any(_contains(text, head) for head in words("offices")["titles"])
    return tok.dep_ in ("nsubj", "nsubjpass")


def _retype(ctx: Context, mention: Mention, first: int, last: int, kind: str = "Person") -> Mention:
    person = replace(mention, type=kind)
    ctx.mentions = [person if m is mention else m for m in ctx.mentions]
    for i in range(first, last + 1):
        ctx.by_token[i] = person
    return person


def _left_window(doc, first: int, ctx: Context) -> list[Token]:
    """Title-like tokens right before a name, possibly across one comma."""
    window: list[Token] = []
    i = first - 1
    ranks = words("offices")["ranks"]
    while i >= 1 and doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_:
        i -= 2  # "Al-" of "Al-Fateh Qurashi": a part of the name glued to it
    while i >= 0 and _is_rank(doc, i, ranks):
        i -= 1  # "Mali's defence minister, General Sadio Camara", "..., Maj. Gen. Faisal Tarar"
    apposition = i >= 0 and doc[i].text == ","
    if apposition:
        i -= 1
    elif i >= 0 and doc[i].pos_ == "DET":
        return []  # "the senior British adviser for the Sahel": a title is not "the" away from its holder
    skipped = False
    while i >= 0 and len(window) < MAX_WINDOW:
        tok = doc[i]
        mention = ctx.mention_at(tok)
        if mention is not None and mention.type == "Person":
            if not _named_club(tok, mention, ctx):
                break
            _retype(ctx, mention, tok.i, tok.i, "Organization")  # "Fenerbahce president Selim Ozkan"
        if (tok.pos_ in TITLE_POS or tok.lower_ in JOINERS or mention is not None or tok.tag_ == "POS"
                or tok.dep_ in ("amod", "compound") or _opens_title(tok, window)):
            window.insert(0, tok)  # (an amod such as "acting", or "head" in "head coach", may be tagged VERB)
            i -= 1
        elif apposition and not skipped and _qualifier(tok, window):
            window, skipped = [], True  # "minister of state at the foreign ministry, X": the title is before "at"
            i -= 1
        else:
            if tok.lower_ in ("its", "their"):
                window.insert(0, tok)  # "its chief executive": resolved to the organisation
            break
    while window and window[0].lower_ in JOINERS:
        window.pop(0)
    return window


def _opens_title(tok: Token, window: list[Token]) -> bool:
    """Whether `tok`, however tagged, opens a title of several words with the words after it:
    "head" in "Afghanistan head coach X", parsed as "Afghanistan heads coach X"."""
    text = " ".join([tok.lower_] + [t.lower_ for t in window]) + " "
    return any(" " in title and title.startswith(tok.lower_ + " ") and text.startswith(title + " ")
               for title in words("offices")["titles"])


def _is_rank(doc, i: int, ranks) -> bool:
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
    return tok.lower_ in words("offices")["rank_prefixes"] and i + 1 < len(doc) and _is_rank(doc, i + 1, ranks)


def _qualifier(tok: Token, window: list[Token]) -> bool:
    """Whether `tok` opens a phrase that qualifies a title before it and holds all of `window`:
    "at the foreign ministry" in "minister of state at the foreign ministry", "on Myanmar" in
    "special envoy on Myanmar"."""
    titles = words("offices")["titles"]
    return (tok.pos_ == "ADP" and tok.lower_ not in JOINERS and bool(window) and tok.head.i < tok.i
            and tok.head.lower_ in titles and all(t in tok.subtree for t in window))


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
        if not window and tok.lower_ in ("a", "an"):  # "X, a spokesman for the group"
            i += 1
            continue
        if (tok.pos_ in TITLE_POS or tok.lower_ in JOINERS or tok.tag_ == "POS" or ctx.mention_at(tok) is not None
                or (tok.dep_ == "amod" and tok.is_lower and tok.head.i > tok.i)  # "the ruling party", tagged as a verb
                or (window and window[-1].lower_ == "of" and tok.lower_ in ("its", "their"))):  # "deputy head of its council"
            window.append(tok)
            i += 1
        elif window and tok.pos_ == "ADP" and tok.head.i < tok.i and tok.head in window:
            break  # "head of the presidential administration in Baku": the place ends the apposition
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
        if mention.key is None and (mention.span.text.lower() in lex["portfolios"] or _joined_portfolio(tok, ctx)):
            continue  # "Defence Minister", "Mineral Resources and Energy Minister": a portfolio the tagger took for an organisation
        if organization is None or (organization.key is None and mention.key is not None):
            organization = as_actor(mention, ctx)
            org_tokens = {t.i for t in window if ctx.mention_at(t) is mention}
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
    generic = _generic_possessor(window, ctx)
    if generic is not None:  # "the group's chief negotiator": the group named before
        organization, org_tokens = generic
    title = [t for t in window if t.i not in org_tokens and t.tag_ != "POS"]
    owner = [t for t in window if t.tag_ == "POS"]
    owner_name = ctx.mention_at(owner[-1].nbor(-1)) if owner and owner[-1].i > 0 else None
    if (owner and title and title[0].i < owner[-1].i < title[-1].i
            and (owner[-1].nbor(-1).lower_ in lex["titles"] or (owner_name is not None and owner_name.type in ORG_TYPES))):
        after = [t for t in title if t.i > owner[-1].i]
        if any(_contains(" ".join(t.lower_ for t in after), head) for head in lex["titles"]):
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
    if organization is None and any(t.lower_ in ("its", "their") for t in window):
        organization = _possessor(window[0], ctx)  # "its chief executive": the organisation named before
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
    while len(title) > 1 and title[0].lower_ in lex["ranks"]:
        title.pop(0)
    text = " ".join(t.lower_ for t in title)
    if not any(_contains(text, head) for head in lex["titles"]):
        return None
    return _Title(title, organization)


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
            and any(_contains(after, head) for head in lex["titles"])):
        inside |= org_tokens
    return inside


def _referred_body(window: list[Token], ctx: Context) -> Mention | None:
    """The organisation that "the group", "the company" closing a title refers back to: "a
    spokesman for the group", "the chairman of the company"."""
    if len(window) < 4 or window[-2].lower_ != "the" or window[-3].lower_ not in ("for", "of"):
        return None
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
    country that opens it is the organisation ("U.S. Treasury Secretary Z")."""
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
    for k in range(len(tokens) - 1, 0, -1):  # the longest country name that opens the portfolio
        span = ctx.token_span(tokens[0], tokens[k - 1])
        known = ctx.lexicon.lookup(span.text) or (ctx.lexicon.demonym(span.text) if k == 1 else None)
        if known is not None and ctx.lexicon.actor(known).type == "Country":
            state = ctx.lexicon.actor(known)
            country = Mention(span, "Country", state.name, key=state.key, label=state.name, wikidata=state.wikidata)
            return country, {t.i for t in tokens[:k]}
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
    "Ecopetrol's chief executive", "Halcyon chief executive" (a capitalised noun inside the sentence)."""
    lex = words("offices")
    known = lex["titles"] | lex["portfolios"] | lex["modifiers"]
    run = []
    for tok in window:
        owner = (tok.pos_ == "NOUN" and tok.i + 1 < len(tok.doc) and tok.nbor().tag_ == "POS"
                 and tok.lower_ not in lex["generic_possessors"])  # "Ecopetrol's", tagged as a noun
        named = (tok.pos_ == "NOUN" and tok.i > tok.sent.start and tok.i + 1 < len(tok.doc)
                 and tok.nbor().is_lower and tok.nbor().is_alpha)  # "Halcyon chief executive X", tagged as a noun
        if (tok.pos_ == "PROPN" or owner or named) and tok.lower_ not in known and tok.is_title:
            run.append(tok)
        else:
            break
    if not run or len(run) == len(window) or _joined_portfolio(run[0], ctx):
        return None, set()
    span = ctx.token_span(run[0], run[-1])
    return Mention(span, "Organization", span.text), {t.i for t in run}


def _specific_org(window: list[Token], ctx: Context) -> tuple[Mention, set[int]] | None:
    """The organisation a title is "of", when the window names it last and most specifically:
    "president of Haiti's Transitional Presidential Council", "chief executive of Maersk",
    "governor of Russia's Belgorod region"; None when the window names one at most."""
    of = next((k for k, t in enumerate(window) if t.lower_ == "of" and k > 0), None)
    if of is None:
        return None
    lex = words("offices")
    known = lex["titles"] | lex["portfolios"] | lex["modifiers"]
    rest = window[of + 1:]
    named = [ctx.mention_at(t) for t in rest]
    mentions = [m for m in dict.fromkeys(m for m in named if m is not None and m.type in ORG_TYPES)]
    run: list[Token] = []
    for tok in reversed(rest):  # an unknown name closing the window
        if tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper) and ctx.mention_at(tok) is None and tok.lower_ not in known:
            run.insert(0, tok)
        elif run or tok.lower_ in ("of", "the"):
            break
        else:
            return _last_of(mentions, window, ctx)
    if run and (run[0].i == rest[0].i or run[0].nbor(-1).lower_ in ("the", "'s", "’s", "of")):
        span = ctx.token_span(run[0], run[-1])
        return Mention(span, "Organization", span.text), {t.i for t in run} | {t.i for t in rest if ctx.mention_at(t) is not None}
    return _last_of(mentions, window, ctx)


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
        if tok.tag_ == "POS" and before.lower_ in generic and before.is_lower:
            country = before.lower_ in words("offices")["country_possessors"]  # "the country's adviser"
            organization = _possessor(window[0], ctx, ("Country",) if country else ("Organization", "Group"))
            if organization is None:
                return None
            return organization, {t.i for t in window[:k + 1]}
    return None


def _of_after(doc, last: int, ctx: Context) -> Mention | None:
    """ "Foreign Minister Ararat Mirzoyan of Armenia": the country after the name."""
    if last + 2 < len(doc) and doc[last + 1].lower_ == "of":
        mention = ctx.mention_at(doc[last + 2]) or (ctx.mention_at(doc[last + 3]) if last + 3 < len(doc) and doc[last + 2].lower_ == "the" else None)
        if mention is not None and mention.type in ORG_TYPES:
            return as_actor(mention, ctx)
    return None


def _at_after(window: list[Token], ctx: Context) -> Mention | None:
    """ "X, chief economist at Meridian Capital": the organisation after "at" that ends the apposition."""
    doc = ctx.doc
    at = window[-1].i + 1 if window else len(doc)
    if at + 1 >= len(doc) or doc[at].lower_ != "at" or doc[at].head not in window:
        return None
    mention = ctx.mention_at(doc[at + 1]) or (ctx.mention_at(doc[at + 2]) if at + 2 < len(doc) and doc[at + 1].lower_ == "the" else None)
    return as_actor(mention, ctx) if mention is not None and mention.type == "Organization" else None


def _delegation_country(tok: Token, ctx: Context) -> Mention | None:
    """ "an Afghan delegation led by Deputy Interior Minister X", "a Pakistani team headed by
    the country's national security adviser, Y": the country of the delegation its leader leads."""
    lex = words("offices")
    while tok.dep_ in ("compound", "flat") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "appos":  # "headed by the country's adviser, Y"
        tok = tok.head
    while tok.dep_ == "conj":
        tok = tok.head
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "by" else None
    if verb is None or verb.lower_ not in lex["leading_verbs"] or verb.dep_ not in ("acl", "relcl", "ROOT", "conj"):
        return None
    if verb.dep_ == "ROOT":  # "The Afghan delegation was led by ..."
        group = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    else:
        group = verb.head
    if group is None or group.lemma_.lower() not in lex["delegation_nouns"]:
        return None
    for child in group.children:
        mention = ctx.mention_at(child)
        if child.dep_ in ("amod", "compound", "poss", "nmod") and mention is not None:
            country = _country_of(mention, ctx.lexicon)
            if country is not None:
                return country
    return None


def _possessor(tok: Token, ctx: Context, types=("Organization", "Country", "Group")) -> Mention | None:
    """The organisation or country named last before `tok` in the segment."""
    earlier = [m for m in ctx.mentions if m.span.end <= ctx.offset + tok.idx and m.type in types]
    sent = tok.sent
    subjects = [m for m in earlier if sent.start_char + ctx.offset <= m.span.start
                and any(ctx.mention_at(t) is m and t.dep_ in ("nsubj", "nsubjpass") for t in sent)]
    if subjects:  # "The SDF rejected claims that ..., and its commander": the subject
        return subjects[-1]
    for t in sent if "Organization" in types else ():  # "Galatasaray said its president": a one-word "person"
        if t.i < tok.i and (m := ctx.mention_at(t)) is not None and m.type == "Person" and _named_club(t, m, ctx):
            return _retype(ctx, m, t.i, t.i, "Organization")
    if sent.start > 0:  # "The RSF did not comment. But ..., the group's spokesman said": the subject before
        before = [m for t in tok.doc[sent.start - 1].sent if t.dep_ in ("nsubj", "nsubjpass")
                  and (m := ctx.mention_at(t)) is not None and m in earlier]
        if before:
            return before[-1]
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
    first, last = title.tokens[0].i, title.tokens[-1].i
    left_out = [i for i in range(first, last + 1) if i not in {t.i for t in title.tokens}]
    start = max(left_out) + 1 if left_out else first  # "adviser" in "senior U.S. adviser": the span holds no country
    span = ctx.token_span(ctx.doc[start], ctx.doc[last])
    return OfficeHolding(
        person=person,
        title=normalise_title(_title_text(title.tokens)),
        title_span=span,
        organization=title.organization,
        sentence=ctx.sentence_span(sent),
        rule=rule,
        confidence=0.85 if title.organization else 0.75,
    )


def _title_text(tokens: list[Token]) -> str:
    """The words of a title as written, without what it leaves out: "senior adviser" for
    "senior U.S. adviser"."""
    kept = {t.i for t in tokens}
    text = ""
    for tok in tokens[0].doc[tokens[0].i:tokens[-1].i + 1]:
        if tok.i in kept:
            text += tok.text_with_ws
        elif text and not text.endswith(" "):
            text += " "
    return text.strip()


def normalise_title(text: str) -> str:
    """Title case for an office, keeping acronyms: "secretary of state" -> "Secretary of State".

    >>> normalise_title("chief executive")
    'Chief Executive'
    """
    parts = []
    abbreviations = words("offices")["title_abbreviations"]
    for word in text.split():
        word = abbreviations.get(word.lower(), word)  # "Gov." -> "Governor"
        if word.isupper() and len(word) > 1:
            parts.append(word)
        elif word.lower() in LOWER_WORDS:
            parts.append(word.lower())
        else:
            parts.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(parts)



def infer_countries(offices: list[OfficeHolding], mentions: list[Mention], lexicon: Lexicon,
                    paragraphs: list[tuple[int, int]] = (), home: Mention | None = None) -> list[OfficeHolding]:
    """Give a national office still without its country ("Prime Minister Abiy Ahmed", in a
    sentence and paragraph that name none on its holder's side) the article's main country:
    the one it names most often (of two named as often, the one more of its offices are of), leaving out a country bound
    to another person's title in the same sentence ("Prime Minister X spoke with Chilean
    President Y"). The country of the dateline (`home`: "MEXICO CITY (AP) —") comes first.
    `paragraphs` is kept for callers: `find_offices` looked at the paragraph."""
    national = words("offices")["national_title_words"]
    countries = [c for m in mentions if (c := _country_of(m, lexicon)) is not None]
    result = []
    for office in offices:
        if office.organization is None and national & _title_words(office.title):
            bound = _bound_with(office, offices)
            ranked = Counter(c.key for c in countries if c.key not in bound).most_common()
            top = [key for key, n in ranked if n == ranked[0][1]] if ranked else []
            if len(top) > 1:  # named as often: the one more of the article's offices are of
                held = Counter(o.organization.key for o in offices if o.organization is not None and o.organization.key in top)
                top = [key for key, n in held.most_common() if n == held.most_common(1)[0][1]] if held else top
            if home is not None and home.key not in bound:
                office = replace(office, organization=home, confidence=round(office.confidence - 0.15, 2))
            elif len(top) == 1:
                choice = next(c for c in countries if c.key == top[0])
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
