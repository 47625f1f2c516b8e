"""The country of a national office told without one ("Prime Minister Abiy Ahmed"): the one
its sentence or paragraph names on its holder's side (`countries_here`), else the article's
main country (`infer_countries`); and the place or company of a local or corporate office told
without one ("Mayor X said", "Chief executive Y told analysts": `body_here`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Token

from ..lexicon import Lexicon, words
from ..model import Mention, OfficeHolding
from .context import Context
from .mentions import short_name

__all__ = ["INFERRED", "STATED", "UNSTATED", "body_here", "countries_here", "country_of", "infer_countries", "title_words"]

STATED, UNSTATED = 0.85, 0.75  # the confidence of an office with its organisation told, and without
INFERRED = 0.15  # what an organisation inferred here takes off
OBJECTS = ("dobj", "dative", "agent", "npadvmod")  # what a verb acts on ("..., a charge Belgrade denied")


def countries_here(offices: list[OfficeHolding], ctx: Context) -> list[OfficeHolding]:
    """Give a national office named without its country ("Prime Minister Abiy Ahmed") the one
    country its sentence, else its paragraph (the segment), names on its holder's side: not a
    country bound to another person's title ("spoke with Turkish President Erdogan"), nor one
    its holder acts on ("accused Afghan forces of ...", "travelled to Brasilia")."""
    national = words("offices")["national_title_words"]
    titles = [(o.title_span.start, o.title_span.end) for o in offices]
    named = [(m, c) for m in ctx.mentions
             if (c := country_of(m, ctx.lexicon)) is not None and not any(a <= m.span.start < b for a, b in titles)]
    result = []
    for office in offices:
        if office.organization is None and national & title_words(office.title):
            bound = {o.organization.key for o in offices if o.organization is not None and o.person is not office.person}
            objects = _objects(office.person, ctx)
            acted_on = _within(objects)
            sentence = [(m, c) for m, c in named if office.sentence.start <= m.span.start < office.sentence.end]
            here = {c.key: c for m, c in sentence if c.key not in bound and m.span.start - ctx.offset not in acted_on}
            if not sentence:
                here = {c.key: c for _, c in named}
            if len(here) == 1 and next(iter(here)) not in _held_by_others(office, offices):
                office = replace(office, organization=next(iter(here.values())),
                                 confidence=round(office.confidence - INFERRED, 2))
            else:  # "vowed to strike Syrian forces", "met a U.S. delegation": not the holder's country
                direct = {t.idx for o in objects for t in (o, *o.children) if t is o or t.dep_ in ("amod", "compound", "pobj")}
                office = replace(office, not_of=frozenset(c.key for m, c in sentence if m.span.start - ctx.offset in direct))
        result.append(office)
    return result


def body_here(title: list[Token], person: Mention, ctx: Context) -> Mention | None:
    """The body of a local or corporate title told without one: for "Mayor X" or "Governor X",
    the place that opens its sentence ("In Kharkiv, ... the city's Kyivskyi district, Mayor X
    said"), else the one place its sentence names that its holder does not act on; for "Chief
    executive X", the organisation that is the subject of its sentence or the one before
    ("TotalEnergies prepares to restart work ... Chief executive X told analysts"), else the one
    the article is about."""
    lex = words("offices")
    text = " ".join(t.lower_ for t in title)
    while text.split(" ", 1)[0] in lex["modifiers"] and text not in lex["corporate_titles"] and " " in text:
        text = text.split(" ", 1)[1]  # "interim chief executive", "acting chief financial officer"
    sent = title[0].sent
    if text in lex["local_titles"]:
        acted_on = _within(_objects(person, ctx))
        places = {m.name: m for m in ctx.mentions if m.type == "Place" and m.span.start - ctx.offset not in acted_on
                  and sent.start_char <= m.span.start - ctx.offset < sent.end_char}
        opening = ctx.mention_at(sent[1]) if len(sent) > 1 and sent[0].lower_ == "in" else None
        if opening is not None and opening.name in places:  # "In Kharkiv, ... bombs hit the city's Kyivskyi district"
            return opening
        return next(iter(places.values())) if len(places) == 1 else None
    if text in lex["corporate_titles"]:
        sentences = [sent] + ([title[0].doc[sent.start - 1].sent] if sent.start > 0 else [])
        for near in sentences:
            subjects = [m for t in near if t.dep_ in ("nsubj", "nsubjpass") and t.i < title[0].i
                        and (m := ctx.mention_at(t)) is not None and m.type == "Organization"]
            if subjects:
                return subjects[-1]
        return _main_company(title[0], ctx)
    return None


def _main_company(tok: Token, ctx: Context) -> Mention | None:
    """The organisation an article is about: the one named before `tok` that the article names
    most often, at least three times ("chairman Per Aasen said" in a story on Nordlys Air), by
    its name or by the first word of it ("Coralstone" for Coralstone Resources)."""
    start = ctx.offset + tok.idx
    text = ctx.article or ctx.text

    def times(mention: Mention) -> int:
        short = short_name(mention, ctx)
        return max(text.count(mention.span.text), len(re.findall(rf"\b{re.escape(short)}\b", text)) if short else 0)

    best = max(reversed([m for m in ctx.earlier + ctx.mentions if m.type == "Organization" and m.span.end <= start]),
               key=times, default=None)
    return best if best is not None and times(best) >= 3 else None


def _held_by_others(office: OfficeHolding, offices: list[OfficeHolding]) -> set[str]:
    """The countries where the article tells (not infers) that another person holds the office
    of `office`, when one person at a time holds it: "President X" is not Lebanon's when the
    article names Lebanon's president Y."""
    if not _sole(office.title):
        return set()
    surname = office.person.name.split()[-1]
    return {o.organization.key for o in offices if o.organization is not None and o.organization.key
            and o.confidence >= STATED and o.title == office.title and o.person.name.split()[-1] != surname}


def _sole(title: str) -> bool:
    """Whether one person at a time holds the title in a country: "President", "Foreign Minister"
    (not "Minister", "Senator" or "Deputy Foreign Minister")."""
    lex = words("offices")
    parts = title.lower().split()
    return (" ".join(parts) in lex["sole_titles"]
            or (len(parts) > 1 and parts[0] in lex["portfolios"] and parts[-1] in lex["portfolio_titles"]))


def _bound_with(office: OfficeHolding, offices: list[OfficeHolding]) -> set[str]:
    """The countries bound to other people's titles in the sentence of `office`."""
    return {o.organization.key for o in offices if o.organization is not None and o.organization.key
            and o.sentence == office.sentence and o.person is not office.person}


def _objects(person: Mention, ctx: Context) -> list[Token]:
    """The words that a person, as the subject, acts on or meets (the heads of their phrases):
    "Minister X accused Afghan forces of ...", "travelled to Brasilia", "met Chad's army chief",
    in a clause told of the person: "X, who has tried to balance ties with Washington", and in
    what the person says their own side did: "X said the military had monitored Chinese aircraft"."""
    span = ctx.doc.char_span(person.span.start - ctx.offset, person.span.end - ctx.offset, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    head = next((t for t in tokens if t.head not in tokens or t.head == t), None)
    if head is None:
        return []
    verbs = [head.head] if head.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [c for c in head.children if c.dep_ == "relcl"]
    for verb in verbs:  # "tried to balance ties with ...": the verb the clause's verb leads to
        verbs += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        verbs += [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")  # "said the military had
                  and any(s.dep_ == "nsubj" and _own_side(s, ctx) for s in c.children)]  # monitored ..."
    contact = words("offices")["contact_prepositions"]
    objects = []
    for verb in verbs:
        objects += [c for c in verb.children if c.dep_ in OBJECTS or (c.dep_ == "prep" and c.lower_ in contact)]
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):  # "met X and thanked Y"
            objects += [c for c in conj.children if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in contact)]
    return [p for o in objects for p in ([o] if o.dep_ != "prep" else [c for c in o.children if c.dep_ == "pobj"] or [o])]


def _within(objects: list[Token]) -> set[int]:
    """Where (segment character offsets) the words of the phrases headed by `objects` start."""
    return {t.idx for o in objects for t in o.subtree}


def _own_side(tok: Token, ctx: Context) -> bool:
    """Whether a subject in what an official says is their own side, unnamed: "the military",
    "troops", "we"."""
    forces = words("roles")["state_force_nouns"]
    return tok.lower_ == "we" or (ctx.mention_at(tok) is None and tok.lemma_.lower() in forces)


def title_words(title: str) -> set[str]:
    """The words of a title in lower case, hyphens split: {"vice", "president"} for "Vice-President"."""
    return set(title.lower().replace("-", " ").split())


def infer_countries(offices: list[OfficeHolding], mentions: list[Mention], lexicon: Lexicon,
                    home: Mention | None = None) -> list[OfficeHolding]:
    """Give a national office still without its country ("Prime Minister Abiy Ahmed", in a
    sentence and paragraph that name none on its holder's side) the article's main country:
    the one it names most often (of two named as often, the one more of its offices are of),
    leaving out a country bound to another person's title in the same sentence ("Prime Minister
    X spoke with Chilean President Y"). The country of the dateline (`home`: "MEXICO CITY (AP)
    —") comes first. None when another person holds the office there ("President X" where
    Lebanon's president is Y)."""
    national = words("offices")["national_title_words"]
    countries = [c for m in mentions if (c := country_of(m, lexicon)) is not None]
    result = []
    for office in offices:
        if office.organization is None and national & title_words(office.title):
            bound = _bound_with(office, offices) | office.not_of
            ranked = Counter(c.key for c in countries if c.key not in bound).most_common()
            top = [key for key, n in ranked if n == ranked[0][1]] if ranked else []
            if len(top) > 1:  # named as often: the one more of the article's offices are of
                held = Counter(o.organization.key for o in offices if o.organization is not None and o.organization.key in top)
                top = [key for key, n in held.most_common() if n == held.most_common(1)[0][1]] if held else top
            choice = None
            if home is not None and home.key not in bound:
                choice = home
            elif len(top) == 1:
                choice = next(c for c in countries if c.key == top[0])
            if choice is not None and choice.key not in _held_by_others(office, offices):
                office = replace(office, organization=choice, confidence=round(office.confidence - INFERRED, 2))
        result.append(office)
    return result


def country_of(mention: Mention, lexicon: Lexicon) -> Mention | None:
    """The country a mention names, directly or through its capital."""
    known = lexicon.by_key.get(mention.key or "")
    if known is None:
        return None
    state = lexicon.actor(known)
    if state.type != "Country":
        return None
    return replace(mention, type="Country", name=state.name, key=state.key, label=state.name, wikidata=state.wikidata)
