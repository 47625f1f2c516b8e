"""Talks events: nouns ("talks between", "summit", "a meeting of"), carried by verbs ("held",
"hosted", "attended", "travelled to ... for talks") or verbs of their own ("met").
"""
from __future__ import annotations

from spacy.tokens import Span as TokenSpan, Token

from ..lexicon import words
from ..model import Event, Mention, OfficeHolding, Role
from ..resolve import short_names
from .context import Context
from .event import make_event, place_roles
from .fillers import NOUN_POS, fillers
from .syntax import (ANAPHORIC_DETERMINERS, PART_TAKING, PLACE_PREPS, SCENE_PREPS, antecedent, determiner, inherited_subjects, light_verb,
                     noun_lemma, preps, subjects, words_under)

TALKS_PARTICIPANT_PREPS = {"between", "with", "among", "amongst"}
OF_PARTICIPANT_NOUNS = {"meeting", "summit", "conference", "session"}  # "a meeting of EU foreign ministers"


ROUND_NOUNS = {"round", "series", "session", "day", "week"}


def _lex() -> dict:
    return words("events")


def talks_from_noun(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    lex = _lex()["talks"]
    lemma = noun_lemma(tok)
    if any(c.lower_ in lex["not_talks_modifiers"] for c in tok.children if c.dep_ in ("compound", "amod")):
        return None  # "a news conference" is not a meeting between parties
    if lemma in ROUND_NOUNS and any(prep == "of" for prep, _ in preps(tok)):
        return None  # "a round of talks" is told by "talks"; "the first round of voting" is no talks
    roles: list[Role] = []
    name_words: list[Token] = []
    for child in tok.children:
        if child.dep_ == "amod" and child.lemma_.lower() in lex["host_verbs"]:  # "US-brokered talks"
            roles += [Role("host", m) for by in child.children if by.dep_ in ("npadvmod", "compound", "nmod")
                      for m in fillers(by, ctx, "host")]
        elif child.dep_ in ("poss", "compound", "amod", "nmod"):
            named = ctx.mention_at(child)
            if named is not None and named.type == "Place" and child.dep_ == "compound":
                roles += [Role("place", named)]  # "the Almaty talks"
            elif named is not None:
                roles += [Role("participant", m) for m in fillers(child, ctx, "participant")]
            elif child.dep_ in ("compound", "amod") and child.i == tok.i - 1 - len(name_words) and child.pos_ in NOUN_POS | {"ADJ"}:
                name_words.insert(0, child)
    for prep, pobj in preps(tok):
        if prep in TALKS_PARTICIPANT_PREPS or (prep == "of" and lemma in OF_PARTICIPANT_NOUNS) or (
                prep == "from" and _from_of_people(tok)):  # "talks with X and officials from Y, Z"
            roles += [Role("participant", m) for m in fillers(pobj, ctx, "participant")]
        elif prep in PLACE_PREPS:
            roles += place_roles(pobj, ctx)
    carrier = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ROUND_NOUNS:
        carrier = tok.head.head  # "began a new round of peace talks": the verb carries the round
    governor = light_verb(carrier, lex["light_verbs"] | lex["participation_verbs"] | PART_TAKING)
    if governor is None and tok.dep_ in ("nsubj", "nsubjpass"):  # "The session lasted seven hours and was led by X"
        governor = next((v for v in tok.head.conjuncts if v.lemma_.lower() in lex["light_verbs"]
                         and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)), None)
    # "before a meeting", "after three days of talks"
    stage = _scene_verb(carrier) if governor is None and carrier.dep_ == "pobj" and carrier.head.lower_ in SCENE_PREPS else None
    scene = stage is not None and (stage.pos_ == "VERB" or stage.dep_ == "ROOT") and not _away(stage)
    if scene:
        governor = stage  # "Erdogan greets al-Jubeir before a meeting in Ankara": both were there
        for obj in (c for c in governor.children if c.dep_ == "dobj"):
            roles += [Role("participant", m) for m in fillers(obj, ctx, "participant")]
    clause_heads = [tok] + ([governor] if governor is not None else [])
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        clause_heads.append(tok.head)
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lex["participation_verbs"]:
            # "The meeting brought together X and Y, with Z": who it brought are who took part
            parties = [c for c in tok.head.children if c.dep_ == "dobj"] + [p for prep, p in preps(tok.head) if prep == "with"]
            roles += [Role("participant", m) for party in parties for m in fillers(party, ctx, "participant")]
    topics = [pobj for prep, pobj in preps(tok) if prep in ("on", "over", "about")]  # "talks on an exchange, hosted by Oman"
    for head in clause_heads + topics:
        for child in head.children:
            # "talks hosted by Oman", "the talks, led by mediator X": who hosts or leads takes part
            if child.dep_ in ("acl", "advcl", "relcl") and child.lemma_.lower() in (
                    lex["participation_verbs"] | lex["host_verbs"] | lex["leading_verbs"]):
                role = "host" if child.lemma_.lower() in lex["host_verbs"] else "participant"
                for arg in (*child.children, *(c for verb in child.conjuncts for c in verb.children)):  # "hosted and chaired by X"
                    if arg.dep_ == "dobj":
                        roles += [Role(role, m) for m in fillers(arg, ctx, role)]
                    elif arg.dep_ == "agent":
                        for pobj in arg.children:
                            roles += [Role(role, m) for m in fillers(pobj, ctx, role)]
        if head != tok:
            for prep, pobj in preps(head):
                if prep in PLACE_PREPS and head == governor:
                    roles += place_roles(pobj, ctx)
                elif prep == "with" and head == governor:
                    roles += [Role("participant", m) for m in fillers(pobj, ctx, "participant")]
    if governor is not None:
        role = "host" if governor.lemma_.lower() in lex["host_verbs"] else "participant"
        for subject in subjects(governor):
            roles += [Role(role, m) for m in fillers(antecedent(subject), ctx, role)]
        if governor.lemma_.lower() in lex["leading_verbs"]:  # "X headed the team of Y at the talks"
            roles += [Role("participant", m) for c in governor.children if c.dep_ == "dobj"
                      and noun_lemma(c) in lex["delegation_nouns"] for m in fillers(c, ctx, "participant")]
    for conjunct in tok.conjuncts if any(prep == "between" for prep, _ in preps(tok)) else ():
        if noun_lemma(conjunct) in words("roles")["actor_nouns"]:  # "the meeting between X and his counterpart, Y",
            roles += [Role("participant", m) for m in fillers(conjunct, ctx, "participant")]  # the parser's "and" on the noun
    if not any(r.role in ("participant", "host") for r in roles) and _owned_by_pronoun(tok):
        roles += _clause_parties(tok, ctx)  # "Biden shook hands with Davutoglu after their meeting"
    has_actor = any(r.role in ("participant", "host") for r in roles)
    det = determiner(tok)
    if not has_actor and (lemma in lex["nouns_need_arguments"] or det in ANAPHORIC_DETERMINERS):
        return None
    roles += _absolute_mediators(tok, ctx)
    event = make_event(ctx, "Talks", tok, sent, "talks-noun/1", roles, clause_heads)
    if event is None or (not roles and not name_words and event.time is None):
        return None
    event.name = " ".join([w.text.lower() if not w.text.isupper() else w.text for w in name_words] + [tok.text.lower()])
    return event


def _from_of_people(tok: Token) -> bool:
    """Whether a "from" phrase the parser hung on talks belongs to the people they are with:
    "talks with X and ministers and officials from A, B and C" (not "talks with the Taliban from Qatar")."""
    people = words("roles")["actor_nouns"]
    return any(t.lemma_.lower() in people and t.pos_ == "NOUN" for prep, p in preps(tok) if prep == "with" for t in (p, *p.conjuncts))


def _scene_verb(tok: Token) -> Token:
    """What is done at the talks `tok` names: the head of "before/at/after the meeting"; for
    "during", the clause's verb even when the parser hung the phrase on a noun ("negotiators
    made progress toward an agreement during talks")."""
    node = tok.head.head
    while tok.head.lower_ == "during" and node.pos_ in NOUN_POS and node.dep_ in ("pobj", "dobj") and node.head != node:
        node = node.head.head if node.dep_ == "pobj" else node.head
    return node


def _away(verb: Token) -> bool:
    """What is done around a meeting without being at it: "Hours before the meeting, Israeli
    warplanes struck ...", "After the meeting, X spoke by phone with Y"."""
    attack = words("events")["attack"]["verbs"]
    return verb.lemma_.lower() in attack or any(t.lemma_.lower() in _lex()["talks"]["not_in_person"] for t in verb.subtree)


def is_meeting_verb(tok: Token) -> bool:
    """ "met", "negotiated", "greets"; "talked with" in person (not "talked by phone with")."""
    lex = _lex()["talks"]
    lemma = tok.lemma_.lower()
    if lemma in lex["meeting_verbs"]:
        # "met the requirements", "meet the call of civilians": not a meeting of people
        if any(c.dep_ == "auxpass" for c in tok.children) and any(
                prep == "with" and pobj.lemma_.lower() in lex["not_meeting_with"] for prep, pobj in preps(tok)):
            return False  # "will be met with a response", "was met with criticism": a reception, not a meeting
        return not any(c.dep_ == "dobj" and c.lemma_.lower() in lex["not_meeting_objects"] for c in tok.children)
    if lemma not in lex["conversation_verbs"]:
        return False
    pairs = preps(tok)
    return any(prep == "with" for prep, _ in pairs) and not any(
        t.lemma_.lower() in lex["not_in_person"] for t in tok.subtree if t.i != tok.i)


def talks_from_verb(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    roles: list[Role] = []
    subjects = [c for c in tok.children if c.dep_ == "nsubj"] or inherited_subjects(tok)
    for subject in subjects:
        roles += [Role("participant", m) for m in fillers(antecedent(subject), ctx, "participant")]
    for child in tok.children:
        if child.dep_ == "dobj":
            roles += [Role("participant", m) for m in fillers(child, ctx, "participant")]
    for prep, pobj in preps(tok):
        if prep in ("with", "between", "among"):
            roles += [Role("participant", m) for m in fillers(pobj, ctx, "participant")]
        elif prep in PLACE_PREPS:
            roles += place_roles(pobj, ctx)
    if not any(r.role == "participant" for r in roles):
        return None
    roles += _absolute_mediators(tok, ctx)
    event = make_event(ctx, "Talks", tok, sent, "talks-verb/1", roles, [tok])
    if event:
        event.name = "meeting"
    return event


def talks_from_reception(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    """ "President X received (welcomed, hosted) Russian Deputy Defence Minister Y in Z": a
    meeting the subject hosts, when who is received is a person or a delegation (not "received
    a call")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _lex()["talks"]["receiving_verbs"]:
        return None
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    guests = [m for c in objects for m in fillers(c, ctx, "participant")]
    # "received a Russian delegation led by X" (who led it joins the meeting); not "received a call"
    delegation = any(noun_lemma(c) in _lex()["talks"]["delegation_nouns"] for c in objects)
    if not guests or not delegation and any(m.type != "Person" for m in guests):
        return None
    roles = [Role("host", m) for s in subjects(tok) for m in fillers(antecedent(s), ctx, "host")]
    if not roles:
        return None
    roles += [Role("participant", m) for m in guests]
    roles += [r for prep, pobj in preps(tok) if prep in PLACE_PREPS for r in place_roles(pobj, ctx)]
    event = make_event(ctx, "Talks", tok, sent, "talks-reception/1", roles, [tok])
    if event:
        event.name = "meeting"
    return event


DELEGATION_RULE = "talks-delegation/1"
_PARTY_TYPES = {"Country", "Organization", "Group"}
_SUBORDINATE = {"relcl", "advcl", "ccomp", "conj", "acl", "parataxis", "xcomp"}


def is_delegation_verb(tok: Token) -> bool:
    """ "led", "headed", "represented", "attended", "took (part)", "was present": who sat at talks."""
    lex = _lex()["talks"]
    lemma = tok.lemma_.lower()
    return (tok.pos_ == "VERB" and (lemma in lex["leading_verbs"] | lex["representing_verbs"] | lex["taking_part_verbs"]
                                    or lemma == "take")) or _present(tok)


def _present(tok: Token) -> bool:
    """ "Also present was X", "X was present": X attended the talks told before (not "present at
    the funeral", nor "not present")."""
    if tok.lemma_ != "be":
        return False
    present = [c for c in tok.children if c.dep_ == "acomp" and c.lower_ == "present"]
    return (bool(present) and not any(c.dep_ in ("neg", "prep") for c in tok.children)
            and not any(c.dep_ == "prep" for c in present[0].children))


def talks_from_delegation(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    """Who sat at talks the article told of before, from a sentence about the delegations:
    "The Congolese delegation was led by Foreign Minister X", "Y led the Ukrainian side", "Iran
    was represented by Z", "W also took part", "an RSF delegation attended", "talks with a
    delegation led by X". The event is anaphoric: it joins the latest talks of the article
    (those of its own sentence, if any), or is dropped if there are none."""
    lex = _lex()["talks"]
    lemma = tok.lemma_.lower()
    own = words_under(tok, _SUBORDINATE)  # the words of its own clause
    if any(t.pos_ in NOUN_POS and noun_lemma(t) in lex["nouns"] for t in own):
        return None  # "headed Moscow's delegation at the failed negotiations": the noun tells those talks
    children = [c for c in own if c.head == tok]
    agents = [p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    subject = [antecedent(c) for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    objects = [c for c in children if c.dep_ == "dobj"]
    objects_of = [p for prep, p in preps(tok) if prep != "as"]  # not "attend as observers"
    if not subject and tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() == "send":
        subject = subjects(tok.head)  # "X and Y sent diplomats to attend": who sent them
    group_nouns = words("roles")["group_nouns"] | lex["delegation_nouns"]
    if tok.dep_ == "acl" and agents:
        subject = [tok.head]  # "a Venezuelan delegation led by Deputy Foreign Minister X"
    delegations = [t for t in subject + objects if noun_lemma(t) in lex["delegation_nouns"]
                   and ctx.mention_at(t) is None]  # not "heads the U.N. Mission in South Sudan": a body's name
    if lemma in lex["leading_verbs"]:  # "the delegation was led by X", "X led the Ukrainian side"
        parties = delegations + (agents or subject) if delegations else []
    elif lemma in lex["representing_verbs"]:  # "Iran was represented by X", "X represented Iran"
        represented = subject if agents else objects
        parties = represented + (agents or subject) if (agents or subject) and any(
            noun_lemma(t) in group_nouns or any(m.type in _PARTY_TYPES for m in fillers(t, ctx, "participant"))
            for t in represented) else []
    elif lemma == "take":  # "X also took part": in the talks told before
        parties = subject if [o.lower_ for o in objects] == ["part"] and not objects_of else []
    elif _present(tok):  # "Also present was the AU's envoy, X"
        parties = subject
    else:  # "an RSF delegation attended"; "the meeting was ... attended by X"
        parties = (subject if not objects and not objects_of and not agents else []) + agents
    roles = [Role("participant", m) for party in parties for m in fillers(party, ctx, "participant")]
    if not roles:
        return None
    return make_event(ctx, "Talks", tok, sent, DELEGATION_RULE, roles, [tok], anaphoric=True)


def of_sentence_talks(verb: Token) -> bool:
    """Whether a delegation verb tells who sat at the talks of its own sentence: "talks with a
    delegation led by X", "The meeting was chaired by Y and attended by X"."""
    if verb.dep_ == "acl":
        return True
    talks = _lex()["talks"]["nouns"]
    return verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") and noun_lemma(c) in talks for c in verb.head.children)


def _owned_by_pronoun(tok: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("their", "his", "her") for c in tok.children)


def _clause_parties(tok: Token, ctx: Context) -> list[Role]:
    """Who "their meeting" belongs to: the subject of the clause the noun sits in and whoever
    it acts with ("X shook hands with Y after their meeting", "X was greeted by Y before ...")."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    parties = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    parties += [p for prep, p in preps(verb) if prep in ("with", "by")]
    parties += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return [Role("participant", m) for p in parties for m in fillers(antecedent(p), ctx, "participant")]


def _absolute_mediators(tok: Token, ctx: Context) -> list[Role]:
    """Hosts named in an absolute clause of the event's clause: "..., with Qatar mediating",
    "..., with Malaysia acting as mediator"; or under whose mediation it is: "under the
    mediation of the OSCE", "under Qatar's auspices"."""
    mediating = _lex()["talks"]["mediating_words"]
    heads = [tok] + [a for a in tok.ancestors]
    roles: list[Role] = []
    for head in heads:
        absolutes = [c for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "with"
                     for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        # "..., with Cuba and Norway acting as guarantors": "with" parsed as the clause's marker
        absolutes += [c for c in head.children if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ == "with" for m in c.children)]
        for obj in absolutes:
            said = {t.lower_ for t in obj.subtree}
            if obj.lower_ not in mediating and not (said & mediating and obj.lemma_.lower() in ("act", "serve")):
                continue
            for party in (c for c in obj.children if c.dep_ in ("nsubj", "compound", "poss")):
                roles += [Role("host", m) for m in fillers(party, ctx, "host")]
        # "meeting under the mediation (auspices) of the OSCE"
        for under in (c for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "under"
                      for c in prep.children if c.dep_ == "pobj" and c.lower_ in mediating):
            roles += [Role("host", m) for prep, pobj in preps(under) if prep == "of" for m in fillers(pobj, ctx, "host")]
            roles += [Role("host", m) for c in under.children if c.dep_ == "poss" for m in fillers(c, ctx, "host")]
    return roles


SIDES = {"Country", "Organization", "Group"}  # what a person at talks may speak for (not a city or region)


def add_represented(events: list[Event], offices: list[OfficeHolding]) -> list[Event]:
    """Talks between sides take the sides too: "Syrian President Ahmed al-Sharaa met SDF
    commander Mazloum Abdi" is talks of Syria and the SDF as well as of the two men. Each
    person taking part adds, in the same role, the country or body their office in the article
    is of; only when the people taking part speak for more than one side (a meeting of one
    country's politicians is not talks of that country)."""
    held: dict[str, Mention] = {}  # a person's name -> the side of their first office
    for office in offices:
        if office.organization is not None and office.organization.key and office.organization.type in SIDES:
            held.setdefault(office.person.name, office.organization)
    surnames = short_names(held)
    for event in events:
        if event.type != "Talks":
            continue
        added: list[Role] = []
        for role in event.roles:
            if role.role in ("participant", "host") and role.mention.type == "Person":
                name = role.mention.name if role.mention.name in held else surnames.get(role.mention.name, "")
                added += [Role(role.role, held[name])] if name in held else []
        sides = {r.mention.key for r in event.roles + added if r.role in ("participant", "host") and r.mention.type in SIDES}
        if len(sides - {None}) < 2:
            continue
        present = {r.mention.key for r in event.roles}
        for role in added:
            if role.mention.key not in present:
                event.roles.append(role)
                present.add(role.mention.key)
    return events

