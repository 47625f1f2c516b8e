"""Entity mentions in a parsed segment: spaCy's named entities, corrected and typed by the
bundled lexicon ("Ukrainian" names Ukraine, "Kyiv" is Ukraine's capital), plus lexicon
names the entity recogniser missed.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span as TokenSpan

from ..lexicon import KnownEntity, words
from ..model import Mention
from ..resolve import SURNAME_PARTICLES, short_names
from .context import Context

# spaCy entity label -> our entity type when the lexicon does not know the entity.
ENTITY_LABELS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
}
MAX_NAME_TOKENS = 10
NICKNAME = re.compile(r'\s["“][^"”]+["”]\s')  # 'Jimmy "Barbecue" Cherizier'
_LEADING = {"the", "a", "an"}


def known_mention(ctx: Context, first: int, last: int, entity: KnownEntity) -> Mention:
    tokens = ctx.doc[first:last]
    return Mention(
        span=ctx.span(tokens.start_char, tokens.end_char),
        type=entity.type,
        name=entity.name,
        key=entity.key,
        label=entity.name,
        wikidata=entity.wikidata,
    )


def find_mentions(ctx: Context) -> None:
    """Add the entity mentions of `ctx.doc` to `ctx` (in text order).

    A surname alone is a person once the article has named that person in full, whatever the
    entity recogniser took it for ("Mirzoyan and Bayramov will meet", tagged NORP and GPE)."""
    doc, lexicon = ctx.doc, ctx.lexicon
    found: dict[int, tuple[int, Mention]] = {}  # first token -> (end token, mention)
    people = ctx.surnames | set(short_names(ent.text for ent in doc.ents if ent.label_ == "PERSON"))
    companies = _short_company_names(ctx)
    suffixes = words("offices")["company_suffixes"]
    long_names = _long_names(ctx)  # "Islamic State Sahel Province", tagged NORP + GPE

    for start, (end, mention) in long_names.items():
        found[start] = (end, mention)
    for ent in doc.ents:
        label = "PERSON" if _person_listed(ent, lexicon) else ent.label_
        if label not in ENTITY_LABELS or (ctx.headline and _title_case(doc)):
            continue
        ent = _trim(ent)
        if ent is None or _implausible(ent) or _common_noun(ent):
            continue
        ent = _numbered_unit(ent, label)
        overlapped = [s for s, (e, _) in long_names.items() if s < ent.end and ent.start < e]
        if overlapped:
            inside = [t for t in ent if not any(s <= t.i < long_names[s][0] for s in overlapped)]
            if not all(ent.start <= s and long_names[s][0] <= ent.end for s in overlapped) or not inside or _generic_words(inside):
                continue  # the lexicon's name wins over the recogniser's pieces of it, or "(...) FA-50"
            for s in overlapped:
                del found[s]  # the recogniser's longer name holds the lexicon's
        known = _unless_redefined(ctx, ent.text, lexicon.lookup(ent.text))
        if known is None and len(ent) > 1 and lexicon.demonym(ent[0].text) and _generic_words(ent[1:]):
            ent = ent[:1]  # "Kazakh Foreign (Minister)", "Thai F-16 (jets)": the demonym is the name
        if known is None:
            known = lexicon.demonym(ent.text)  # "Ukrainian", "North Korean"
        if known is not None:
            mention = known_mention(ctx, ent.start, ent.end, known)
        elif ent.text in companies and ent.text not in people:  # "Fjordline's", tagged as a person
            mention = replace(companies[ent.text], span=ctx.span(ent.start_char, ent.end_char))
        else:
            name = " ".join(ent.text.split())
            kind = "Person" if name in people and (len(ent) == 1 or name.split()[0].lower() in SURNAME_PARTICLES) else ENTITY_LABELS[label]
            if kind == "Person" and len(ent) > 1 and (ent[-1].lower_ in suffixes or _abbreviated(ent, ctx)):
                kind = "Organization"  # "Fjordline Capital", "Castlebrook Partners", "Weichan Auka Mapu (WAM)", tagged as people
            if kind == "Person":
                name = _without_nickname(name)
            mention = Mention(span=ctx.span(ent.start_char, ent.end_char), type=kind, name=name,
                              unnamed=label == "NORP" and _describes_fighters(ent))
        found[ent.start] = (ent.end, mention)
        _add_short_name(companies, mention, ctx)

    covered = {i for start, (end, _) in found.items() for i in range(start, end)}
    text = _SpanText(doc)
    i = 0
    while i < len(doc):
        hit = None
        if i not in covered and (text.words[i][:1].isupper() or text.words[i][:1].isdigit()):
            for length in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
                if any(j in covered for j in range(i, i + length)):
                    continue
                name = text(i, i + length)
                entity = _unless_redefined(ctx, name, lexicon.names.get(name.replace("’", "'")))
                if entity is None and length == 1:
                    entity = lexicon.demonym(name)
                if entity is not None:
                    hit = (i + length, known_mention(ctx, i, i + length, entity))
                    break
                if length == 1 and name in people and doc[i].pos_ == "PROPN":
                    hit = (i + 1, Mention(span=ctx.span(doc[i].idx, doc[i].idx + len(name)), type="Person", name=name))
                    break
                if length == 1 and name in companies and doc[i].pos_ == "PROPN":  # "Fjordline's managing partner"
                    hit = (i + 1, replace(companies[name], span=ctx.span(doc[i].idx, doc[i].idx + len(name))))
                    break
        if hit:
            found[i] = hit
            i = hit[0]
        else:
            i += 1

    _named_bodies(found, ctx)
    _national_forces(found, ctx)
    for start in sorted(found):
        end, mention = found[start]
        ctx.add(mention, range(start, end))


def _named_bodies(found: dict[int, tuple[int, Mention]], ctx: Context) -> None:
    """Add the names the recogniser missed that are set beside a word for a body: "state
    logistics group Transnet", "the miner Coralstone Resources"."""
    covered = {i for start, (end, _) in found.items() for i in range(start, end)}
    nouns = words("offices")["company_nouns"]
    doc = ctx.doc
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.i in covered or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
            continue  # (the last word of a name)
        first = tok.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].i not in covered:
            first -= 1
        beside = tok.head if tok.dep_ == "appos" else doc[first - 1] if first > 0 and doc[first - 1].head.i == tok.i else None
        if beside is None or beside.lemma_.lower() not in nouns or beside.pos_ != "NOUN" or (
                beside.lemma_.lower() == "group" and not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in beside.children)):
            continue  # "logistics group Transnet", "the miner, Coralstone Resources" (not "the armed group X")
        span = ctx.doc[first:tok.i + 1]
        found[first] = (tok.i + 1, Mention(span=ctx.span(span.start_char, span.end_char), type="Organization",
                                           name=" ".join(span.text.split())))


def _describes_fighters(ent: TokenSpan) -> bool:
    """An unknown creed or people before fighters says what they are, not who: "Communist
    guerrillas", "Islamist militants" (a claim later names them)."""
    head = ent.root.head
    nouns = words("roles")["group_nouns"] | words("roles")["armed_group_nouns"]  # "a small Marxist group"
    return len(ent) == 1 and ent.root.dep_ in ("amod", "compound") and head.lemma_.lower() in nouns


def _short_company_names(ctx: Context) -> dict[str, Mention]:
    """The first word of an organisation's name told before, standing alone for it later:
    "Fjordline" for Fjordline Capital, "Castlebrook" for Castlebrook Partners; not a word the
    article also writes in lower case, nor a known name ("National", "Kenya")."""
    found: dict[str, Mention] = {}
    for mention in ctx.earlier:
        _add_short_name(found, mention, ctx)
    return found


def _add_short_name(found: dict[str, Mention], mention: Mention, ctx: Context) -> None:
    first = short_name(mention, ctx)
    if first:
        found.setdefault(first, mention)


def short_name(mention: Mention, ctx: Context) -> str | None:
    """The first word of an organisation's name, when it may stand alone for it (see
    `_short_company_names`)."""
    parts = mention.name.split()
    first = parts[0] if mention.type == "Organization" and len(parts) > 1 else ""
    if (first.isalpha() and first[:1].isupper() and first.lower() not in _common_words(ctx.article or ctx.text)
            and ctx.lexicon.lookup(first) is None and ctx.lexicon.demonym(first) is None):
        return first
    return None


@lru_cache(maxsize=8)
def _common_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case, with the lexicon's common words of bodies,
    titles and ranks ("General" of General Motors is no short name)."""
    lex = words("offices")
    return (frozenset(re.findall(r"\b[a-z]+\b", text)) | lex["organization_words"] | lex["modifiers"] | lex["portfolios"]
            | lex["ranks"] | {w for title in lex["titles"] for w in title.split()})


def _national_forces(found: dict[int, tuple[int, Mention]], ctx: Context) -> None:
    """A country's name before a known armed group's that ends in a state organ is that
    country's forces: "the South Sudan People's Defence Forces" (not the Myanmar militia the
    lexicon knows as "People's Defence Forces"), as the whole phrase, the country as actor."""
    ends = {end: start for start, (end, _) in found.items()}
    organs = words("roles")["state_organs"]
    for start, (end, mention) in list(found.items()):
        country = ends.get(start)
        if (country is None or mention.key is None or mention.type not in ("Group", "Organization")
                or mention.span.text.split()[-1].lower() not in organs):
            continue
        state = found[country][1]
        if state.type == "Country" and ctx.doc[start - 1].dep_ == "compound":
            del found[start]
            phrase = ctx.doc[country:end]
            found[country] = (end, replace(state, span=ctx.span(phrase.start_char, phrase.end_char)))


def _without_nickname(name: str) -> str:
    """A person's name without the nickname quoted inside it: 'Jimmy "Barbecue" Cherizier' ->
    "Jimmy Cherizier"."""
    return " ".join(NICKNAME.sub(" ", name).split()) or name


def _unless_redefined(ctx: Context, text: str, entity: KnownEntity | None) -> KnownEntity | None:
    """The lexicon's `entity` for `text`, unless the article spells `text` out as the name of
    something else ("The Ambazonia Defence Forces (ADF)": not the Allied Democratic Forces)."""
    full = ctx.abbreviations.get(text)
    if entity is None or full is None:
        return entity
    known = ctx.lexicon.lookup(full)
    return entity if known is not None and known.key == entity.key else None


def _long_names(ctx: Context) -> dict[int, tuple[int, Mention]]:
    """Lexicon names of two words or more, longest first: the recogniser often cuts them up
    ("Islamic" tagged alone in "Islamic State militants")."""
    doc, found = ctx.doc, {}
    text = _SpanText(doc)
    i = 0
    while i < len(doc):
        for length in range(min(MAX_NAME_TOKENS, len(doc) - i), 1, -1):
            if text.words[i][:1].isupper() and (entity := ctx.lexicon.names.get(text(i, i + length).replace("’", "'"))):
                found[i] = (i + length, known_mention(ctx, i, i + length, entity))
                i += length
                break
        else:
            i += 1
    return found


class _SpanText:
    """The text of `doc[i:j]` from lists read once (slicing a Doc for each try is slow)."""

    def __init__(self, doc):
        self.words = [t.text for t in doc]
        self.spaced = [t.text_with_ws for t in doc]

    def __call__(self, i: int, j: int) -> str:
        return "".join(self.spaced[i:j - 1]) + self.words[j - 1]


def _person_listed(ent: TokenSpan, lexicon) -> bool:
    """Whether a name the recogniser took for a body or a title is a person's, listed with
    people after a country's possessive: "hosted Brazil's Luiz Inacio Lula da Silva, Uruguay's
    Yamandu Orsi and Bolivian President Rodrigo Paz"."""
    root = ent.root
    return (ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT") and len(ent) > 1 and all(t.pos_ == "PROPN" for t in ent)
            and any(c.dep_ == "poss" and (c.ent_type_ == "GPE" or getattr(lexicon.lookup(c.text), "type", None) == "Country")
                    for c in root.children)
            and any(c.ent_type_ == "PERSON" for c in root.conjuncts))


def _abbreviated(ent: TokenSpan, ctx: Context) -> bool:
    """Whether a name is one the article gives its initials to in brackets: "Weichan Auka Mapu
    (WAM)" names a body, not a person."""
    name = " ".join(ent.text.split())
    return any(full == name and abbreviation == "".join(w[0] for w in name.split() if w[:1].isupper())
               for abbreviation, full in ctx.abbreviations.items())


def _common_noun(ent: TokenSpan) -> bool:
    """ "Jihadists ambush ...", "Gunmen ...": a capitalised common noun the recogniser took for a name."""
    return len(ent) == 1 and ent[0].lemma_.lower() in words("roles")["group_nouns"]


def _numbered_unit(ent: TokenSpan, label: str) -> TokenSpan:
    """ "444 Combat Brigade", "4th Armoured Division": the number is part of a unit's name."""
    before = ent.start - 1
    units = words("roles")["military_units"]
    if before >= 0 and label == "ORG" and ent[-1].lemma_.lower() in units and (
            ent.doc[before].like_num or ent.doc[before].tag_ == "CD" or ent.doc[before].text[:1].isdigit()):
        return ent.doc[before:ent.end]
    return ent


def _generic_words(tokens) -> bool:
    """Words that may follow a demonym inside a mis-tagged name: portfolios, titles, weapons."""
    vocabulary = words("offices")["portfolios"] | words("offices")["titles"] | words("roles")["weapons"]
    return all(t.lower_ in vocabulary or any(ch.isdigit() for ch in t.text) for t in tokens)


def _title_case(doc) -> bool:
    """Most content words capitalised, as in "Russia and Ukraine Intensify Strikes"."""
    words = [t for t in doc if t.is_alpha and not t.is_stop]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _implausible(ent: TokenSpan) -> bool:
    """A name that holds a verb or spans a line break is a tagging error ("Ukraine Intensify
    Strikes"); not a capitalised participle or a body's subject ("Coordinating Committee on X",
    "Center for Y")."""
    lex = words("offices")
    bodies = lex["organization_words"]
    if (ent.text.lower() in lex["portfolios"] and ent.end < len(ent.doc)
            and ent.doc[ent.end].lower_ in lex["portfolio_titles"]):
        return True  # "Interior" of "Interior Minister X"
    return any((t.pos_ in ("VERB", "AUX") and not (t.tag_ in ("VBG", "VBN") and t.is_title)) or "\n" in t.text for t in ent) or (
        len(ent) > 2 and any(t.pos_ == "ADP" and t.lower_ != "of"
                             and not (t.lower_ in ("on", "for") and t.i > ent.start and t.nbor(-1).lower_ in bodies) for t in ent)
    )


def _trim(ent: TokenSpan) -> TokenSpan | None:
    """Drop a leading article and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in _LEADING:
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None
