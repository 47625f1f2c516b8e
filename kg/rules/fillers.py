"""From an argument token to the mentions that fill a role.

"Russia and Ukraine" gives two countries; "Russian forces" and "officials from the United
States" give the country, with the whole phrase as the mention; a capital acting as an
actor gives its state; a weapon word gives a Weapon; any other noun phrase can fill a
target or place role as a plain Entity. Actor roles are never filled by non-actors such as
"tensions".
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Token

from ..lexicon import words
from ..model import Mention
from ..vocab import slug
from .context import Context
from .syntax import PLACE_PREPS, subjects, weapon_name, words_under

ACTOR_ROLES = {"attacker", "participant", "host", "speaker"}
PARTY_ROLES = {"participant", "host"}
ACTOR_TYPES = {"Person", "Organization", "Country", "Group"}
NOUN_POS = {"NOUN", "PROPN"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
SOURCE_PREPS = {"from", "of", "for"}  # "officials from X", "leaders of X", "negotiators for X"
NOUN_ANAPHOR_KINDS = ("Group", "Organization", "Country")  # in the order "the group", "the rebels" take them
NON_ENTITY_TYPES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Children that end a noun phrase when it is used as a filler.
CLAUSE_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep", "det", "predet",
               "advmod", "neg", "preconj", "quantmod"}


def _roles() -> dict:
    return words("roles")


def fillers(token: Token, ctx: Context, role: str) -> list[Mention]:
    """Mentions filling `role` for the argument headed by `token` (and its conjuncts)."""
    found: list[Mention] = []
    heads = [token, *token.conjuncts]
    if role in ACTOR_ROLES:
        heads += _listed_after_apposition(token, ctx)
    if role in PARTY_ROLES:  # "leaders of the union, including its chairman X"
        heads += [p for head in list(heads) for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "including"
                  for p in prep.children if p.dep_ == "pobj"]
    for tok in heads:
        if role in PARTY_ROLES and _absentee(tok):
            continue  # "with President X a notable absentee"
        for mention in _filler(tok, ctx, role):
            if mention not in found:
                found.append(mention)
        if not found or role not in ACTOR_ROLES:
            # "infrastructure, particularly energy facilities"; "the minister, Ana Gervasi"
            for apposition in (c for c in tok.children if c.dep_ == "appos" and not _names_an_event(c)):
                found += [m for m in _filler(apposition, ctx, role) if m not in found]
    if role in PARTY_ROLES:  # "South American leaders": a region told by its demonym is no side at talks
        found = [m for m in found if m.type != "Place" or set(m.name.split()) <= set(m.span.text.split())]
    return found


def _absentee(tok: Token) -> bool:
    """Whether a name is said to be missing: "with President X a notable absentee" (the parser
    sets "absentee" beside the name, or under the same "with")."""
    absent = _roles()["absentee_nouns"]
    beside = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "pobj":
        beside += [c for c in tok.head.children if c.dep_ == "pobj" and c.i > tok.i]
    return any(c.lemma_.lower() in absent for c in beside)


def _listed_after_apposition(token: Token, ctx: Context) -> list[Token]:
    """The others of a list the parser hung on an apposition: "X, Britain's fisheries minister,
    Y, and Z" (Y and Z under "minister"), "Canada, the European Union, Mexico and Japan" (the
    Union taken for another name of Canada)."""
    first = ctx.mention_at(token)
    if first is None or first.type not in ACTOR_TYPES:
        return []
    kinds = {"Person"} if first.type == "Person" else ACTOR_TYPES - {"Person"}
    found, todo = [], [c for c in token.children if c.dep_ == "appos"]
    while todo:
        tok = todo.pop()
        other = ctx.mention_at(tok)
        if other is not None and other is not first and other.type in kinds and tok.pos_ == "PROPN":
            found.append(tok)
        todo += [c for c in tok.children if c.dep_ in ("appos", "conj")]
    return sorted(found, key=lambda t: t.i)


def as_actor(mention: Mention, ctx: Context) -> Mention:
    """A capital acting as an actor resolves to its state ("Moscow targeted ...")."""
    known = ctx.lexicon.by_key.get(mention.key or "")
    if known and known.capital_of:
        state = ctx.lexicon.actor(known)
        return replace(mention, type=state.type, name=state.name, key=state.key, label=state.name, wikidata=state.wikidata)
    return mention


def _filler(tok: Token, ctx: Context, role: str) -> list[Mention]:
    whole = wholes(tok)
    if whole:  # "one of its bases", "some of the militants", "hundreds of jihadists"
        return [m for p in whole for m in _filler(p, ctx, role)]
    if tok.ent_type_ in NON_ENTITY_TYPES and _one_phrase_entity(tok):
        return []  # (not "struck a border post hours later", tagged "post hours later": TIME)
    mention = ctx.mention_at(tok)
    if mention is not None:
        return _entity_filler(tok, mention, ctx, role)
    if role in ACTOR_ROLES and (role in PARTY_ROLES or tok.lower_ not in _roles()["party_only_anaphors"]) and (
            referent := _anaphor(tok, ctx)) is not None:
        return [referent]  # "he" only among who met: not whose word or whose attack
    lemma = tok.lemma_.lower()
    lexicon = _roles()
    if tok.pos_ not in NOUN_POS:
        return []
    operated = role in ACTOR_ROLES and lemma in lexicon["operated_nouns"]  # "Chinese coast guard vessels"
    if lemma in lexicon["actor_nouns"] or lemma in lexicon["group_nouns"] or operated:
        found = _behind_actor_noun(tok, ctx, role)
        if found:
            return found
        if role == "attacker" and _state_force(tok) and (state := _story_country(tok, ctx)) is not None:
            return [replace(state, span=_generic(tok, ctx, "Group").span)]  # "troops raided a camp": whose
        if role in ("attacker", "target") and lemma in lexicon["group_nouns"]:
            return [_generic(tok, ctx, "Group")]
    if role in ("attacker", "target") and lemma in lexicon["armed_group_nouns"] and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in lexicon["armed_modifiers"] for c in tok.children):
        return [_generic(tok, ctx, "Group")]  # "armed groups", "a radical faction"
    if role in ACTOR_ROLES:
        return []
    if role == "instrument":
        return weapons_in(tok, ctx)
    if lemma in lexicon["settlement_nouns"] and (place := _settlement_named_before(tok, ctx)) is not None:
        return [place]
    if lemma in lexicon["place_nouns"] and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
        # "the city of Kharkiv", "the outskirts of Gaza": the named place (but "the Shada district of ...")
        named = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj" for m in fillers(p, ctx, role) if m.type in ("Place", "Country")]
        if named:
            return named
    if lemma in lexicon["not_actors"] or tok.is_stop:
        return []
    return [_generic(tok, ctx, "Entity")]


def _one_phrase_entity(tok: Token) -> bool:
    """Whether the entity the recogniser put a token in is one phrase (one word of it hangs
    outside it): not "post hours later" in "struck a border post hours later"."""
    entity = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return entity is None or sum(not (entity.start <= t.head.i < entity.end) or t.head.i == t.i for t in entity) <= 1


def wholes(tok: Token) -> list[Token]:
    """What a partitive takes its part from: "dozens of rockets" -> [rockets]; else []."""
    partitives = _roles()["partitives"]
    if tok.lemma_.lower() not in partitives and tok.lower_ not in partitives:
        return []
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _entity_filler(tok: Token, mention: Mention, ctx: Context, role: str) -> list[Mention]:
    if role in ACTOR_ROLES and (state := _organ_of_state(mention, ctx)) is not None:
        return [state]
    if role in ACTOR_ROLES and mention.key is None and tok.lemma_.lower() in _roles()["actor_nouns"]:
        owners = _behind_actor_noun(tok, ctx, role)  # "Turkey's defence ministry" tagged as one name
        if owners:
            return owners
    if role in ACTOR_ROLES:
        mention = as_actor(mention, ctx)
        if mention.type not in ACTOR_TYPES and mention.key is None:
            return []
    # keep the modifiers in the mention: "southwestern Russia", "Russian forces"
    first = min((c.left_edge for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i), default=None, key=lambda t: t.i)
    start = mention.span.start
    if first is not None and ctx.offset + first.idx < start and ctx.mention_at(first) is None:
        span = ctx.span(first.idx, mention.span.end - ctx.offset)
        mention = replace(mention, span=span)
    return [mention]


def _settlement_named_before(tok: Token, ctx: Context) -> Mention | None:
    """ "the town", "the village" alone: the place named last before it in the paragraph
    ("the massacre in Mpeketoni, when gunmen attacked the town")."""
    if [c.dep_ for c in tok.children] != ["det"] or next(tok.children).lower_ != "the":
        return None
    start = ctx.offset + tok.idx
    place = next((m for m in reversed(ctx.mentions) if m.type == "Place" and m.span.end <= start), None)
    return replace(place, span=ctx.token_span(tok.left_edge, tok)) if place is not None else None


def _state_force(tok: Token) -> bool:
    """ "the army", "troops", "government forces", "the air force": a state's forces, unnamed."""
    forces = _roles()["state_force_nouns"]
    compound = " ".join(t.lemma_.lower() for t in (*[c for c in tok.children if c.dep_ == "compound"], tok))
    return tok.lemma_.lower() in forces or compound in forces


def _story_country(tok: Token, ctx: Context) -> Mention | None:
    """The one country named before `tok` in its sentence, else in its paragraph, else in the
    article: whose forces unnamed forces are ("Cameroon's army spokesman said troops had raided
    a camp"; not "bombed a convoy retreating towards the border with Mali"). In an article that
    names no country before, the dateline's ("RAIPUR, India (Reuters) - ... security forces
    raided a Maoist camp")."""
    before = ctx.offset + tok.idx
    for start, end in ((ctx.offset + tok.sent.start_char, before), (ctx.offset, before), (0, before)):
        countries = {}
        for mention in ctx.earlier + ctx.mentions if start == 0 else ctx.mentions:
            actor = as_actor(mention, ctx)
            if start <= mention.span.start < end and actor.type == "Country" and not _made_by(mention, ctx):
                countries.setdefault(actor.key, actor)
        if countries:
            return next(iter(countries.values())) if len(countries) == 1 else None
    return ctx.dateline


def _made_by(mention: Mention, ctx: Context) -> bool:
    """A country named only as who made or backs a thing: "the Chinese-backed port",
    "Iranian-made drones"."""
    tokens = ctx.tokens_of(mention)
    token = ctx.doc[tokens[-1]] if tokens else None
    return token is not None and token.dep_ == "npadvmod" and token.head.tag_ == "VBN"


def _organ_of_state(mention: Mention, ctx: Context) -> Mention | None:
    """ "U.S. Africa Command", "Russian Defence Ministry", "Iraqi Army": an organ of a state's
    military or government acting for it resolves to the state, keeping the phrase."""
    if mention.key is not None or mention.type != "Organization":
        return None
    words_ = mention.name.split()
    organs = _roles()["state_organs"]
    windows = {" ".join(words_[i:i + n]).lower() for n in (1, 2) for i in range(1, len(words_))}
    if not windows & organs or len(words_) < 2:  # "Philippine Air Force FA-50"
        return None
    first = words_[0].removesuffix("'s").removesuffix("’s")
    known = ctx.lexicon.lookup(first) or ctx.lexicon.demonym(first) or _owner(mention, ctx)
    if known is None and _unowned_organ(words_):  # "the National Guard", "the Interior Ministry"
        tokens = ctx.tokens_of(mention)
        state = _story_country(ctx.doc[tokens[0]], ctx) if tokens else None
        return replace(state, span=mention.span) if state is not None else None
    if known is None or known.type != "Country":
        return None
    return replace(mention, type=known.type, name=known.name, key=known.key, label=known.name, wikidata=known.wikidata)


def _unowned_organ(words_: list[str]) -> bool:
    """A state organ named by common words only, with no state: "National Guard", "Interior
    Ministry" (not "Sahel Liberation Army")."""
    return words_[-1].lower() in _roles()["state_organs"] and all(w.lower() in _organ_vocabulary() for w in words_)


@cache
def _organ_vocabulary() -> frozenset[str]:
    roles = _roles()
    return roles["state_organs"] | roles["state_force_nouns"] | words("offices")["portfolios"] | roles["organ_words"]


def _owner(mention: Mention, ctx: Context):
    """The country whose possessive precedes a name: "Azerbaijan's (Defence Ministry)"."""
    tokens = ctx.tokens_of(mention)
    if not tokens:
        return None
    head = ctx.doc[max(tokens)]
    for child in head.children:
        owner = ctx.mention_at(child) if child.dep_ == "poss" else None
        if owner is not None and owner.key is not None:
            return ctx.lexicon.by_key.get(owner.key)
    return None


def _names_an_event(tok: Token) -> bool:
    """ "the third round of American strikes" names an event, not a filler."""
    nouns = words("events")["attack"]["nouns"] | {"round"}
    return any(t.lemma_.lower() in nouns for t in tok.subtree)


def _anaphor(tok: Token, ctx: Context) -> Mention | None:
    """What "it", "they", "he" or "the group" refers to: the nearest earlier actor of a fitting
    type in the same paragraph, with the pronoun as the mention; for "the union" or "the
    employers' association", the body named before whose name has those words; for "the
    riders' union, the CPA", the name right after it."""
    anaphors = _roles()["anaphors"]
    word = tok.lower_ if tok.pos_ == "PRON" else tok.lemma_.lower()
    if word not in anaphors:
        return None
    if tok.pos_ != "PRON" and not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children) and not any(
            c.dep_ == "poss" and c.pos_ == "NOUN" and any(d.lower_ == "the" for d in c.children) for c in tok.children):
        return None  # "the group", "the employers' association"
    if any(c.dep_ in ("appos", "compound", "nmod") and (ctx.mention_at(c) is not None or c.pos_ == "PROPN") for c in tok.children):
        return None  # "the group Jama'at Nusrat al-Islam", "the 3R armed group": named on the spot
    if tok.pos_ != "PRON" and (named := _named_next(tok, ctx, anaphors[word])) is not None:
        return named  # "the riders' union, the Cyclistes Professionnels Associes (CPA), ..." (not parsed as one)
    if tok.pos_ != "PRON" and (named := _named_with(tok, ctx, anaphors[word])) is not None:
        return replace(named, span=ctx.token_span(tok.left_edge, tok))
    speaker = _reporting_subject(tok.head if tok.dep_ == "poss" else tok)
    if speaker is not None:  # "the group said it had fired ...", "the army said its jets ...": who said so
        found = [m for m in fillers(speaker, ctx, "speaker") or fillers(speaker, ctx, "attacker") if m.type in anaphors[word]]
        if found:
            return replace(_organ_of_state(found[0], ctx) or found[0], span=ctx.token_span(tok, tok))
    start = ctx.offset + (tok.idx if tok.pos_ == "PRON" else tok.left_edge.idx)  # not "the al-Qaeda-linked group"
    # a pronoun takes the nearest fitting actor; a noun a group first, then an organisation
    # ("the group": not "the Interior Ministry said" in between)
    for types in [anaphors[word]] if tok.pos_ == "PRON" else [[k] for k in NOUN_ANAPHOR_KINDS if k in anaphors[word]]:
        for mention in reversed(ctx.mentions):
            if mention.span.end > start or _modifies_thing(mention, ctx) or _addressee(mention, ctx):
                continue  # "stormed a navy base. The group ...": the navy is not what "the group" is; nor is "told
                # The Associated Press. They were shooting ..." the agency told
            actor = as_actor(mention, ctx) if _is_subject(mention, ctx) else mention  # "Washington said its forces ..."
            if actor.type in types:
                actor = _sentence_subject(mention, tok, ctx, types) or actor
                actor = _organ_of_state(actor, ctx) or actor  # "the Defence Ministry said its units ..."
                return replace(actor, span=ctx.token_span(tok.left_edge if tok.pos_ != "PRON" else tok, tok))
    if tok.pos_ != "PRON" and ("Group" in anaphors[word] or set(anaphors[word]) == {"Organization"}):
        # "the militants" in a later paragraph: the armed group the paragraph before is about; "the
        # agency": the organisation; "the faction": a group, else an organisation
        for kind in [k for k in ("Group", "Organization") if k in anaphors[word]]:
            named = _topic(ctx, kind)
            if named is not None:
                return replace(named, span=ctx.token_span(tok.left_edge, tok))
    return None


def _topic(ctx: Context, kind: str) -> Mention | None:
    """The body of `kind` the latest paragraph that names one is about: the first it names
    ("ISKP, the regional affiliate of Islamic State, claimed ... saying it had targeted
    'Taliban militiamen'": ISKP)."""
    text = ctx.article or ctx.text
    named = [m for m in ctx.earlier if m.type == kind]
    if not named:
        return None
    paragraph = text.rfind("\n", 0, named[-1].span.start)
    return next(m for m in named if m.span.start > paragraph)


def _named_next(tok: Token, ctx: Context, types) -> Mention | None:
    """The name set after a comma right behind "the union", when the parser missed the apposition."""
    doc = tok.doc
    i = tok.i + 2
    while i < len(doc) and doc[i].dep_ == "det":
        i += 1
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != "," or i >= len(doc):
        return None
    named = ctx.mention_at(doc[i])
    return named if named is not None and named.type in types else None


def _named_with(tok: Token, ctx: Context, types) -> Mention | None:
    """The latest actor named before in the article whose name has the words of "the union" or
    "the employers' association": the International Longshore and Warehouse Union, the B.C.
    Maritime Employers Association (not another body named in between)."""
    wanted = {tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "poss")
                             and c.pos_ in ("NOUN", "ADJ") and c.is_alpha}
    start = ctx.offset + tok.left_edge.idx
    for mention in reversed(ctx.earlier + [m for m in ctx.mentions if m.span.end <= start]):
        if mention.type in types and wanted <= set(re.findall(r"[a-z]+", mention.name.lower())):
            return mention
    return None


def _sentence_subject(mention: Mention, tok: Token, ctx: Context, types) -> Mention | None:
    """When the nearest fitting name is in an earlier sentence, that sentence's subject, if it
    fits: what the next sentence goes on about ("The ADF, which has pledged allegiance to the
    Islamic State group, is ... In 2023 its fighters attacked ...": the ADF's fighters)."""
    tokens = ctx.tokens_of(mention)
    if not tokens or ctx.doc[tokens[0]].sent.start == tok.sent.start:
        return None
    root = ctx.doc[tokens[0]].sent.root
    for child in root.children:
        subject = ctx.mention_at(child) if child.dep_ in ("nsubj", "nsubjpass") else None
        if subject is not None and subject is not mention and not _modifies_thing(subject, ctx):
            actor = as_actor(subject, ctx)
            return actor if actor.type in types else None
    return None


def _addressee(mention: Mention, ctx: Context) -> bool:
    """Whether a name is who was told something: "told The Associated Press", "said to Reuters"."""
    span = ctx.doc.char_span(mention.span.start - ctx.offset, mention.span.end - ctx.offset, alignment_mode="expand")
    if span is None:
        return False
    token = span[-1]
    statement = words("events")["statement"]["verbs"]
    return ((token.dep_ in ("dobj", "dative") and token.head.lemma_.lower() in statement)
            or (token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lemma_.lower() in statement))


def _modifies_thing(mention: Mention, ctx: Context) -> bool:
    """Whether a name only modifies a noun that is no actor: "a navy base", "Arakan Army positions"."""
    last = max(ctx.tokens_of(mention), default=None)
    if last is None:
        return False
    token = ctx.doc[last]
    head = token.head
    nouns = _roles()
    return (token.dep_ == "compound" and head.i > last and ctx.mention_at(head) is not mention
            and head.lemma_.lower() not in nouns["actor_nouns"] | nouns["group_nouns"])


def _reporting_subject(tok: Token) -> Token | None:
    """The subject of the verb of saying whose reported clause `tok` is the subject of."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
        return None
    say = tok.head.head
    if say.lemma_.lower() not in words("events")["statement"]["verbs"]:
        return None
    # "The military acknowledged fighting and said its aircraft ...", "The army denied it,
    # saying its drones ...": the subject the verb of saying shares
    return next((c for c in subjects(say) if c.i < tok.i), None)


def _is_subject(mention: Mention, ctx: Context) -> bool:
    """Whether the mention is the subject of its clause (where a capital acts for its state)."""
    return any(m is mention and ctx.doc[i].dep_ in ("nsubj", "nsubjpass") for i, m in ctx.by_token.items())


def _behind_actor_noun(tok: Token, ctx: Context, role: str) -> list[Mention]:
    """The entity an actor noun stands for: "Russian forces", "officials from X"; a person
    named in apposition comes first ("Peru's foreign minister, Ana Gervasi")."""
    for child in tok.children:
        named = ctx.mention_at(child) if child.dep_ == "appos" else None
        if named is not None and (named.type == "Person" or (role in ACTOR_ROLES and named.type in ACTOR_TYPES)):
            # with its conjuncts: "..., Hun Manet, and Thailand's minister, X"; "the group JNIM"
            return fillers(child, ctx, role)
    person = ctx.mention_at(tok.head) if tok.dep_ == "appos" else None
    if person is not None and person.type == "Person":
        return [person]  # "Tom Perriello, the US special envoy, who chaired the talks": the envoy is the person
    named = _misattached_apposition(tok, ctx)
    if named is not None:
        return fillers(named, ctx, role)
    found: list[Mention] = []
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ == "PRON" and (referent := _anaphor(child, ctx)) is not None:
            # "its forces"; "Azerbaijan's Defence Ministry said its units ...": the state's units
            found.append(replace(referent, span=ctx.token_span(child, tok)))
        elif child.dep_ in MODIFIER_DEPS and child.i < tok.i and (named := _named_compound(child, ctx)) is not None:
            for modifier in (named, *named.conjuncts):  # "US and British warplanes"
                if ctx.mention_at(modifier) is not None and modifier.i < tok.i:
                    named = ctx.mention_at(modifier)  # "National Guard troops": the state's
                    entity = (_organ_of_state(named, ctx) if role in ACTOR_ROLES else None) or as_actor(named, ctx)
                    phrase = ctx.token_span(modifier.left_edge if modifier.dep_ != "poss" else modifier, tok)
                    if not any(f.name == entity.name and f.type == entity.type for f in found):
                        found.append(replace(entity, span=phrase))
    if tok.lemma_.lower() in _roles()["criminal_nouns"] | _roles()["irregular_nouns"]:
        found = [m for m in found if m.type not in ("Country", "Place")]  # "Haitian gangs", "Syrian rebels": not the state
    if found:
        return found
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(m for m in fillers(pobj, ctx, "participant" if role in ACTOR_ROLES else role))
    return found


def _named_compound(child: Token, ctx: Context) -> Token | None:
    """The modifier itself when it is part of a name, or the name inside a chain of compounds:
    "the Viv Ansanm gang coalition" -> "Ansanm" (of "Viv Ansanm")."""
    while ctx.mention_at(child) is None:
        inner = [c for c in child.children if c.dep_ == "compound"] if child.dep_ == "compound" else []
        if not inner:
            return None
        child = inner[-1]
    return child


def _misattached_apposition(tok: Token, ctx: Context) -> Token | None:
    """The person set off by a comma right after an actor noun's phrase when the parser hung
    the name elsewhere: on the noun's "for"/"of" object ("the UN envoy for Haiti, Maria
    Salvador, met ...") or on the verb ("met the UN envoy for Yemen, Hans Grundberg, in ...",
    "flanked by their chief negotiators, X of Canada and Y of India")."""
    def person(t: Token | None) -> bool:
        return t is not None and (m := ctx.mention_at(t)) is not None and m.type == "Person"

    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "to")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if person(pobj):
                return None  # "the envoy of Ali Khan": the person is who it belongs to
            for apposition in (c for c in pobj.children if c.dep_ == "appos"):
                if person(apposition):
                    return apposition
    after = tok.right_edge.i + 1
    doc = tok.doc
    if after < len(doc) and doc[after].dep_ == "prep" and doc[after].lower_ in ("for", "of", "to"):
        after = doc[after].right_edge.i + 1  # "for Yemen" hung on the verb
    if after + 1 >= len(doc) or doc[after].text != "," or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return None
    name = doc[after + 1]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if not person(name) or name.dep_ in ("conj", "nsubj", "nsubjpass", "dobj") or name.head.i == tok.i:
        return None
    closing = name.i + 1
    if closing < len(doc) and doc[closing].dep_ == "prep" and doc[closing].lower_ == "of" and doc[closing].head.i == name.i:
        closing = doc[closing].right_edge.i + 1  # "their chief negotiators, Martin Leclerc of Canada and ..."
    if closing >= len(doc) or doc[closing].text not in (",", ".", ";") and not (
            doc[closing].lower_ == "and" and any(c.dep_ == "conj" for c in name.children)):
        return None
    return name


def weapons_in(tok: Token, ctx: Context) -> list[Mention]:
    """Weapon mentions in the phrase headed by `tok` ("a series of drone and missile strikes")."""
    found: list[Mention] = []
    for t in tok.subtree:
        if t.pos_ in NOUN_POS and ctx.mention_at(t) is None and (weapon := weapon_name(t)) is not None:
            name, first = weapon
            found.append(Mention(span=ctx.token_span(first, t), type="Weapon", name=name, key="weapon/" + slug(name), label=name))
    return found


def _generic(tok: Token, ctx: Context, kind: str) -> Mention:
    """A plain noun phrase as an entity: "Ukrainian power infrastructure"."""
    tokens = [t for t in _phrase(tok)]
    while tokens and (tokens[0].dep_ in ("det", "predet") or tokens[0].tag_ in ("PRP$", "WP$") or tokens[0].is_punct):
        tokens = tokens[1:]
    if not tokens:
        tokens = [tok]
    span = ctx.token_span(tokens[0], tokens[-1])
    name = " ".join(span.text.split())
    return Mention(span=span, type=kind, name=name, key=f"{kind.lower()}/" + slug(name), label=name,
                   unnamed=kind == "Group")


_SET_BESIDE = {"relcl", "acl", "advcl", "appos", "parataxis"}


def _phrase(tok: Token) -> list[Token]:
    """`tok` with its left modifiers, and an "of"-phrase on the right, without clauses."""
    left = [t for c in tok.children if c.i < tok.i and c.dep_ not in CLAUSE_DEPS - {"det", "predet"} for t in c.subtree]
    right: list[Token] = []
    for c in tok.children:
        if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" for p in c.children):
            # not ", an allegation Kabul rejected" set beside the place
            # nor where it is: "a convoy of the Assam Rifles in Manipur"
            placed = {t.i for p in c.subtree if p.dep_ == "prep" and p.lower_ in PLACE_PREPS for t in p.subtree}
            right.extend(t for t in words_under(c, _SET_BESIDE) if t.text not in (",", ";", ":", "(") and t.i not in placed)
        elif c.i > tok.i and c.dep_ == "amod":
            right.extend(c.subtree)
    tokens = sorted({*left, tok, *right}, key=lambda t: t.i)
    # keep a contiguous run around the head
    run = [tok]
    index = {t.i: t for t in tokens}
    i = tok.i - 1
    while i in index:
        run.insert(0, index[i])
        i -= 1
    i = tok.i + 1
    while i in index:
        run.append(index[i])
        i += 1
    return run
