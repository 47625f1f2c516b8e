"""Attack, Talks and Statement events from the dependency parse of a segment.

Each rule starts from a trigger (a verb such as "struck" or a noun such as "strike on",
"talks between") and fills roles from the trigger's syntactic neighbours. Rule names carry
a version, recorded with every fact they produce.
"""
from __future__ import annotations

from spacy.tokens import Span as TokenSpan, Token

from .. import timex
from ..lexicon import words
from ..model import Event, Mention, Role, TimeValue
from .context import Context
from .fillers import NOUN_POS, fillers, weapons_in
from .status import CLAUSE_BOUNDARIES, status_and_cue

ANAPHORIC_DETERMINERS = {"these", "those", "this", "that", "such", "the", "both", "its", "their"}
SUBJECT_DEPS = ("nsubj",)
TARGET_PREPS = {"on", "against", "upon", "into", "targeting"}
PLACE_PREPS = {"in", "near", "outside", "across", "around", "inside", "at", "throughout", "over"}
PLACE_TYPES = {"Place", "Country"}
OF_TARGET_NOUNS = {"bombardment", "shelling", "bombing", "invasion", "siege", "occupation", "blockade",
                   "shooting", "killing", "assassination", "stabbing", "massacre"}
TALKS_PARTICIPANT_PREPS = {"between", "with", "among", "amongst"}
OF_PARTICIPANT_NOUNS = {"meeting", "summit", "conference", "session"}  # "a meeting of EU foreign ministers"
# Verbs of coming to a meeting: their subject takes part ("travelled to Geneva for talks").
ARRIVAL_VERBS = {"travel", "fly", "go", "head", "arrive", "come", "return", "gather", "sit", "meet"}
# Verbs whose object is where an actor takes part: "took part in talks".
PART_TAKING = {"take", "participate", "join", "attend", "engage", "sit"}

CONFIDENCE = {
    "attack-verb/1": 0.8,
    "attack-noun/1": 0.7,
    "talks-noun/1": 0.75,
    "talks-verb/1": 0.75,
    "statement-verb/1": 0.7,
    "statement-according-to/1": 0.8,
}


def _lex() -> dict:
    return words("events")


def find_events(ctx: Context) -> list[Event]:
    """All events in the segment, in text order."""
    events: list[Event] = []
    for sent in ctx.doc.sents:
        consumed: set[int] = set()  # noun triggers folded into a verb event
        for tok in sent:
            if _is_attack_verb(tok):
                event = _attack_from_verb(tok, sent, ctx, consumed)
                if event:
                    events.append(event)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in ("meet", "negotiate", "confer"):
                event = _talks_from_verb(tok, sent, ctx)
                if event:
                    events.append(event)
        for tok in sent:
            if tok.i in consumed or tok.pos_ not in NOUN_POS or _in_name(tok, ctx):
                continue
            lemma = _noun_lemma(tok)
            if lemma in _lex()["attack"]["nouns"]:
                event = _attack_from_noun(tok, sent, ctx)
            elif lemma in _lex()["talks"]["nouns"]:
                event = _talks_from_noun(tok, sent, ctx)
            else:
                continue
            if event:
                events.append(event)
        events.extend(_statements(sent, ctx))
    return events


# ---------------------------------------------------------------------------- attacks

def _is_attack_verb(tok: Token) -> bool:
    lex = _lex()["attack"]
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in lex["verbs"]:
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if any(o.lemma_.lower() in lex["not_attack_objects"] for o in objects):
        return False
    if tok.dep_ in ("acl", "relcl") and _noun_lemma(tok.head) in lex["nouns"]:
        return False  # "airstrikes targeting X": the noun is the event
    if lemma in lex["verb_particles"]:
        needs = lex["verb_particles"][lemma]
        weapons = words("roles")["weapons"]
        return any(c.lower_ in needs for c in tok.children if c.dep_ in ("prep", "prt", "dobj")) or any(
            o.lemma_.lower() in weapons for o in objects
        )
    return True


def _attack_from_verb(tok: Token, sent: TokenSpan, ctx: Context, consumed: set[int]) -> Event | None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    attackers: list[Token] = []
    targets: list[Token] = []
    roles: list[Role] = []
    for child in tok.children:
        if child.dep_ == "agent":
            attackers += [p for p in child.children if p.dep_ == "pobj"]
        elif child.dep_ == "nsubj" and not passive:
            attackers.append(child)
        elif child.dep_ in ("dobj",) and not passive or child.dep_ == "nsubjpass":
            targets.append(child)
    if not attackers and not passive:
        attackers = _inherited_subjects(tok)
    attackers = [_antecedent(t) for t in attackers]

    for attacker in attackers:
        if _noun_lemma(attacker) in _lex()["attack"]["nouns"] or _is_weapon(attacker):
            # "a drone strike hit ...", "Russian missiles hit ...": instrument, with its actor
            consumed.add(attacker.i)
            roles += [Role("instrument", m) for m in weapons_in(attacker, ctx)]
            roles += [Role("attacker", m) for m in _modifier_actors(attacker, ctx)]
        else:
            roles += [Role("attacker", m) for m in fillers(attacker, ctx, "attacker")]
    weapons = words("roles")["weapons"]
    for target in targets:
        if target.lemma_.lower() in weapons and tok.lemma_.lower() in ("fire", "launch", "shoot"):
            roles += [Role("instrument", m) for m in weapons_in(target, ctx)]
        else:
            roles += [Role("target", m) for m in fillers(target, ctx, "target")]
            roles += _located(target, ctx)
    for prep, pobj in _preps(tok):
        if prep in TARGET_PREPS or (prep == "at" and tok.lemma_.lower() in ("fire", "shoot", "strike", "aim")):
            if not any(r.role == "target" for r in roles):
                roles += [Role("target", m) for m in fillers(pobj, ctx, "target")]
        elif prep == "with":
            for t in pobj.subtree:
                if _noun_lemma(t) in _lex()["attack"]["nouns"]:
                    consumed.add(t.i)
            roles += [Role("instrument", m) for m in weapons_in(pobj, ctx)]
        elif prep in PLACE_PREPS:
            roles += _place_roles(pobj, ctx)
    roles += _vague_target_place(roles)
    lex = _lex()["attack"]
    lemma = tok.lemma_.lower()
    has = {r.role for r in roles}
    if lemma in lex["verbs_need_actor"] and not has & {"attacker", "instrument"}:
        return None  # "famine struck", "cyclone-hit", "a deal struck": no one attacked
    if lemma in lex["verbs_need_instrument"] and "instrument" not in has:
        return None  # "charges targeted at", "targeted with asset freezes"
    return _event(ctx, "Attack", tok, sent, "attack-verb/1", roles, [tok])


def _attack_from_noun(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    lex = _lex()["attack"]
    lemma = _noun_lemma(tok)
    if any(c.lemma_.lower() in lex["not_attack_modifiers"] for c in tok.children if c.dep_ in ("compound", "amod")):
        return None  # "hunger strike", "general strike"
    roles: list[Role] = []
    governor = _light_verb(tok, lex["light_verbs"])
    group_nouns = words("roles")["group_nouns"]
    for child in tok.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and ctx.mention_at(child)):
            roles += [Role("attacker", m) for m in fillers(child, ctx, "attacker")]
        elif child.dep_ == "compound" and child.lemma_.lower() in group_nouns:
            roles += [Role("attacker", m) for m in fillers(child, ctx, "attacker")]  # "police shooting"
        elif child.dep_ in ("compound", "amod", "nmod"):
            roles += [Role("instrument", m) for m in weapons_in(child, ctx)]
    if governor is not None:
        for subject in _subjects(governor):
            roles += [Role("attacker", m) for m in fillers(_antecedent(subject), ctx, "attacker")]
    for prep, pobj in _preps(tok):
        if prep == "by":
            roles += [Role("attacker", m) for m in fillers(pobj, ctx, "attacker")]
        elif prep in TARGET_PREPS or prep == "at" or (prep == "of" and lemma in OF_TARGET_NOUNS):
            roles += [Role("target", m) for m in fillers(pobj, ctx, "target")]
            roles += _located(pobj, ctx)
        elif prep == "with":
            roles += [Role("instrument", m) for m in weapons_in(pobj, ctx)]
        elif prep in PLACE_PREPS:
            roles += _place_roles(pobj, ctx)
    if governor is not None:
        for prep, pobj in _preps(governor):
            if prep == "with":
                roles += [Role("instrument", m) for m in weapons_in(pobj, ctx)]
            elif prep in PLACE_PREPS:
                roles += _place_roles(pobj, ctx)
    has_actor = any(r.role in ("attacker", "target") for r in roles)
    if not has_actor and lemma in lex["nouns_need_arguments"]:
        return None  # "the fighting", "an explosion": not an attack without who or what
    event = _event(ctx, "Attack", tok, sent, "attack-noun/1", roles, [tok] + ([governor] if governor is not None else []))
    if event is not None:
        # "the attack", "Tuesday's attack", "these strikes": a mention of an attack told
        # before; coref joins it to that attack, or drops it when the article has none
        event.anaphoric = not has_actor and _determiner(tok) in ANAPHORIC_DETERMINERS
        if not event.anaphoric and not roles and event.time is None:
            return None  # a bare "attacks" with nothing attached is generic
    return event


# ------------------------------------------------------------------------------ talks

def _talks_from_noun(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    lex = _lex()["talks"]
    lemma = _noun_lemma(tok)
    if any(c.lower_ in lex["not_talks_modifiers"] for c in tok.children if c.dep_ in ("compound", "amod")):
        return None  # "a news conference" is not a meeting between parties
    roles: list[Role] = []
    name_words: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            named = ctx.mention_at(child)
            if named is not None and named.type == "Place" and child.dep_ == "compound":
                roles += [Role("place", named)]  # "the Almaty talks"
            elif named is not None:
                roles += [Role("participant", m) for m in fillers(child, ctx, "participant")]
            elif child.dep_ in ("compound", "amod") and child.i == tok.i - 1 - len(name_words) and child.pos_ in NOUN_POS | {"ADJ"}:
                name_words.insert(0, child)
    for prep, pobj in _preps(tok):
        if prep in TALKS_PARTICIPANT_PREPS or (prep == "of" and lemma in OF_PARTICIPANT_NOUNS):
            roles += [Role("participant", m) for m in fillers(pobj, ctx, "participant")]
        elif prep in PLACE_PREPS:
            roles += _place_roles(pobj, ctx)
    governor = _light_verb(tok, lex["light_verbs"] | lex["participation_verbs"] | PART_TAKING)
    clause_heads = [tok] + ([governor] if governor is not None else [])
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        clause_heads.append(tok.head)
    for head in clause_heads:
        for child in head.children:
            if child.dep_ in ("acl", "advcl", "relcl") and child.lemma_.lower() in lex["participation_verbs"] | lex["host_verbs"]:
                role = "host" if child.lemma_.lower() in lex["host_verbs"] else "participant"
                for arg in child.children:
                    if arg.dep_ == "dobj":
                        roles += [Role(role, m) for m in fillers(arg, ctx, role)]
                    elif arg.dep_ == "agent":
                        for pobj in arg.children:
                            roles += [Role(role, m) for m in fillers(pobj, ctx, role)]
        if head != tok:
            for prep, pobj in _preps(head):
                if prep in PLACE_PREPS and head == governor:
                    roles += _place_roles(pobj, ctx)
                elif prep == "with" and head == governor:
                    roles += [Role("participant", m) for m in fillers(pobj, ctx, "participant")]
    if governor is not None:
        role = "host" if governor.lemma_.lower() in lex["host_verbs"] else "participant"
        for subject in _subjects(governor):
            roles += [Role(role, m) for m in fillers(_antecedent(subject), ctx, role)]
    has_actor = any(r.role in ("participant", "host") for r in roles)
    det = _determiner(tok)
    if not has_actor and (lemma in lex["nouns_need_arguments"] or det in ANAPHORIC_DETERMINERS):
        return None
    event = _event(ctx, "Talks", tok, sent, "talks-noun/1", roles, clause_heads)
    if event is None or (not roles and not name_words and event.time is None):
        return None
    event.name = " ".join([w.text.lower() if not w.text.isupper() else w.text for w in name_words] + [tok.text.lower()])
    return event


def _talks_from_verb(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    roles: list[Role] = []
    subjects = [c for c in tok.children if c.dep_ == "nsubj"] or _inherited_subjects(tok)
    for subject in subjects:
        roles += [Role("participant", m) for m in fillers(_antecedent(subject), ctx, "participant")]
    for child in tok.children:
        if child.dep_ == "dobj":
            roles += [Role("participant", m) for m in fillers(child, ctx, "participant")]
    for prep, pobj in _preps(tok):
        if prep in ("with", "between", "among"):
            roles += [Role("participant", m) for m in fillers(pobj, ctx, "participant")]
        elif prep in PLACE_PREPS:
            roles += _place_roles(pobj, ctx)
    if not any(r.role == "participant" for r in roles):
        return None
    event = _event(ctx, "Talks", tok, sent, "talks-verb/1", roles, [tok])
    if event:
        event.name = "meeting"
    return event


# ------------------------------------------------------------------------- statements

def _statements(sent: TokenSpan, ctx: Context) -> list[Event]:
    found: list[Event] = []
    verbs = _lex()["statement"]["verbs"]
    for tok in sent:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                continue
            speakers = fillers(pobj, ctx, "speaker")
            said = [t for t in tok.head.subtree if t.i not in {s.i for s in tok.subtree} and not (t.is_punct and t.i < tok.head.i and t.i > tok.i)]
            said = [t for t in said if not (t.is_punct and t.i == tok.right_edge.i + 1)]
            found += _statement(ctx, tok, sent, speakers, said, "statement-according-to/1")
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in verbs:
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            speakers = [m for s in subjects for m in fillers(_antecedent(s), ctx, "speaker")]
            content = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if content is None:
                content = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if content is None:
                continue
            found += _statement(ctx, tok, sent, speakers, list(content.subtree), "statement-verb/1")
    return found


def _statement(ctx: Context, trigger: Token, sent: TokenSpan, speakers: list[Mention], said: list[Token], rule: str) -> list[Event]:
    said = [t for t in said if not t.is_space]
    while said and said[-1].is_punct:
        said.pop()
    while said and said[0].is_punct:
        said.pop(0)
    if not speakers or not said:
        return []
    event = _event(ctx, "Statement", trigger, sent, rule, [Role("speaker", m) for m in speakers], [trigger], with_time=False)
    if event is None:
        return []
    event.quote = ctx.token_span(said[0], said[-1]).text
    return [event]


# ---------------------------------------------------------------------------- helpers

def _event(ctx: Context, kind: str, trigger: Token, sent: TokenSpan, rule: str, roles: list[Role],
           clause_heads: list[Token], with_time: bool = True) -> Event | None:
    unique: list[Role] = []
    for role in roles:
        if role not in unique and not any(r.mention.key == role.mention.key and r.role == role.role and r.mention.key for r in unique):
            unique.append(role)
    status, cue = status_and_cue(clause_heads[-1] if len(clause_heads) > 1 and clause_heads[-1].pos_ == "VERB" and trigger.dep_ in ("dobj", "pobj") else trigger)
    if status == "asserted" and trigger.pos_ in NOUN_POS:
        status, cue = status_and_cue(trigger)
    time = _time(ctx, sent, clause_heads, status) if with_time else None
    if cue is not None and status != "asserted":
        # who says it is denied, threatened, planned: "Hamas denied ...", "Iran threatened ..."
        unique += [Role("source", m) for s in _subjects(cue) for m in fillers(_antecedent(s), ctx, "speaker")]
    return Event(
        type=kind,
        trigger=ctx.token_span(trigger, trigger),
        sentence=ctx.sentence_span(sent),
        rule=rule,
        confidence=CONFIDENCE[rule],
        status=status,
        roles=unique,
        time=time,
    )


def _time(ctx: Context, sent: TokenSpan, heads: list[Token], status: str) -> TimeValue | None:
    dates = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    if not dates:
        return None
    tense = "future" if status == "planned" else "past"

    def resolved(ent: TokenSpan) -> TimeValue | None:
        value = timex.resolve(ent.text, ctx.anchor, tense=tense, default_year=ctx.default_year if not timex.find_year(ent.text) else None)
        if value is None:
            return None
        return TimeValue(value.value, value.precision, ctx.span(ent.start_char, ent.end_char))

    for head in heads:
        inside = {t.i for t in head.subtree}
        for ent in dates:
            if ent.root.i in inside and (found := resolved(ent)):
                return found
    # a date on a verb that governs the trigger's clause: "On Monday, officials said Russia struck ..."
    governing = set()
    node = heads[0]
    while node.dep_ not in CLAUSE_BOUNDARIES and node.head != node:
        node = node.head
        governing.add(node.i)
    for ent in dates:
        if _clause_verb(ent.root).i in governing and (found := resolved(ent)):
            return found
    return None


def _clause_verb(tok: Token) -> Token:
    """The nearest verb above `tok` (a date's attachment point)."""
    while tok.head != tok and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    return tok


VAGUE_TARGETS = {"target", "targets", "position", "positions", "site", "sites", "location", "locations"}


def _vague_target_place(roles: list[Role]) -> list[Role]:
    """ "struck targets in eastern Rafah": the place is what was hit."""
    vague = any(r.role == "target" and r.mention.type == "Entity" and r.mention.span.text.lower() in VAGUE_TARGETS
                for r in roles)
    return [Role("target", r.mention) for r in roles if vague and r.role == "place"]


def _located(target: Token, ctx: Context) -> list[Role]:
    """Place and weapons hanging off a target: "an air base in Crimea", "... with drones"."""
    roles: list[Role] = []
    for prep, pobj in _preps(target):
        if prep in PLACE_PREPS:
            roles += _place_roles(pobj, ctx)
        elif prep == "with":
            roles += [Role("instrument", m) for m in weapons_in(pobj, ctx)]
    return roles


def _place_roles(pobj: Token, ctx: Context) -> list[Role]:
    return [Role("place", m) for m in fillers(pobj, ctx, "place") if m.type in PLACE_TYPES]


def _preps(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging off `tok`: "strike on X" -> ("on", X)."""
    pairs = []
    for child in tok.children:
        if child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    pairs.append((child.lower_, pobj))
                elif pobj.dep_ == "prep":  # "away from", "out of"
                    pairs += [(pobj.lower_, p) for p in pobj.children if p.dep_ == "pobj"]
        elif child.dep_ == "acl" and child.lower_ == "targeting":
            pairs += [("targeting", o) for o in child.children if o.dep_ == "dobj"]
    return pairs


def _light_verb(noun: Token, verbs) -> Token | None:
    """The verb that carries a noun trigger: "launched an attack", "took part in talks"."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and head.lemma_.lower() in verbs:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if verb.pos_ == "VERB" and (verb.lemma_.lower() in verbs or verb.lemma_.lower() in PART_TAKING):
            return verb
        if verb.dep_ == "dobj" and verb.lemma_.lower() == "part":  # "take part in"
            return verb.head
        if head.lower_ in ("for", "to", "at") and verb.pos_ == "VERB" and verb.lemma_.lower() in ARRIVAL_VERBS:
            return verb  # "will travel to Nairobi for talks"
    return None


def _subjects(verb: Token) -> list[Token]:
    """Who does what `verb` says: its subject, or the agent of a passive ("was claimed by X")."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return agents or [c for c in verb.children if c.dep_ in SUBJECT_DEPS] or _inherited_subjects(verb)


def _inherited_subjects(verb: Token) -> list[Token]:
    """The subject of a verb that has none of its own: "aimed to strike", "met and agreed"."""
    node = verb
    for _ in range(3):  # "are due to hold talks": hold <- due <- are (which has the subject)
        if node.dep_ not in ("xcomp", "conj", "advcl", "acomp", "ccomp") or node.head == node:
            break
        node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
    if verb.dep_ == "relcl":
        return [verb.head]
    return []


def _antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("the group, which attacked ...")."""
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _modifier_actors(tok: Token, ctx: Context) -> list[Mention]:
    return [m for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") and ctx.mention_at(c) for m in fillers(c, ctx, "attacker")]


def _in_name(tok: Token, ctx: Context) -> bool:
    """A word inside a name ("Leadership Conference of Women Religious") triggers nothing."""
    mention = ctx.mention_at(tok)
    return mention is not None and len(mention.span.text.split()) > 1


def _is_weapon(tok: Token) -> bool:
    return tok.lemma_.lower() in words("roles")["weapons"]


def _noun_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return "talks" if lemma == "talk" and tok.lower_ == "talks" else lemma


def _determiner(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ in ("det", "poss") and child.i < tok.i and child.tag_ in ("DT", "PRP$", "PDT"):
            return child.lower_
    return None
