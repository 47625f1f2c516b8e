"""Attack events: verbs ("struck", "was hit by", "fired at") and nouns ("strike on", "drone
attack", "launched an attack"), with attacker, target, instrument, place and date.
"""
from __future__ import annotations

from spacy.tokens import Span as TokenSpan, Token

from ..lexicon import words
from ..model import Event, Mention, Role
from .context import Context
from .status import REPORT_NOUNS, status_of
from .event import make_event, place_roles
from .fillers import ACTOR_TYPES, fillers, weapons_in, wholes
from .syntax import (ANAPHORIC_DETERMINERS, PLACE_PREPS, antecedent, determiner, inherited_subjects, light_verb, noun_lemma,
                     preps, subjects, weapon_name)

TARGET_PREPS = {"on", "against", "upon", "into", "targeting"}
OF_TARGET_NOUNS = {"bombardment", "shelling", "bombing", "invasion", "siege", "occupation", "blockade",
                   "shooting", "killing", "assassination", "stabbing", "massacre"}
MUTUAL_NOUNS = {"clash", "fighting", "battle", "combat", "firefight", "gunbattle", "skirmish", "shootout", "fight", "war"}
LAUNCHING_VERBS = {"fire", "launch", "shoot", "throw", "hurl"}  # their object is what flies: "threw stones at"
DETONATING_VERBS = {"detonate", "explode"}  # their object is what blew up: "detonated an explosive device"
AIMING_VERBS = {"fire", "shoot", "strike", "aim", "throw", "hurl"}  # "at" names the target
AMMUNITION = {"round", "shot", "volley", "salvo", "burst", "shell"}
VAGUE_TARGETS = {"target", "targets", "position", "positions", "site", "sites", "location", "locations"}


def _lex() -> dict:
    return words("events")


def is_attack_verb(tok: Token) -> bool:
    lex = _lex()["attack"]
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in lex["verbs"]:
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    objects += [p for prep, p in preps(tok) if prep == "into"]  # "fired a shot into the top corner" (not "on the road")
    if _speakers_words(tok):
        return False  # "attacked what he called the double standards of lenders": words, not a strike
    if any(o.lemma_.lower() in lex["not_attack_objects"] for o in objects):
        return False  # "attacked the proposal", "hit the market": a verbal or business sense
    if any(prep == "with" and p.lemma_.lower() in lex["not_attack_instruments"] for prep, p in preps(tok)):
        return False  # "bombarded the area with crosses", "bombarded him with questions"
    if _in_words(tok) or _criticised_for(tok):
        return False  # "attacked the board in an open letter", "attacked the government for 'legitimising secession'"
    if objects and any(c.dep_ == "prep" and c.lower_ == "as" and not any(w.lemma_.lower() in lex["real_as"] for w in c.subtree)
                       for c in tok.children):
        return False  # "attacked the draft as 'unbalanced'": a verdict, not a weapon ("struck X as part of ...")
    if lemma in lex["economic_verbs"] and any(o.lemma_.lower() in lex["economic_objects"] for o in objects) and not any(
            p.lower_ == "with" for p in tok.children if p.dep_ == "prep"):
        return False  # "tariffs hitting businesses", "the strike hit exporters": no weapon, a loss
    if tok.dep_ in ("acl", "relcl") and noun_lemma(tok.head) in lex["nouns"]:
        return False  # "airstrikes targeting X": the noun is the event
    if tok.dep_ in ("amod", "compound"):
        return False  # "the besieged town", "a shooting death", "beheading videos": a state or a kind
    if lemma in lex["perception_verbs"] and (any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                                                 for c in tok.children) and all(o.pos_ == "PRON" for o in objects) or any(
            p.lower_ == "as" and any(c.pos_ == "ADJ" for c in p.children) for p in tok.children if p.dep_ == "prep")):
        return False  # "it strikes me that ...", "the move struck many as reckless": an impression (not "struck
        # a vessel on Wednesday that it said was ...", the clause misread as what struck)
    if lemma in lex["verb_particles"]:
        needs = lex["verb_particles"][lemma]
        weapons = words("roles")["weapons"]
        return any(c.lower_ in needs or c.lemma_.lower() in needs for c in tok.children if c.dep_ in ("prep", "prt", "dobj")
                   and not _when(c)) or (
            lemma in ("fire", "launch", "shoot") and any(o.lemma_.lower() in weapons for o in objects)
        )
    return True


def attack_from_verb(tok: Token, sent: TokenSpan, ctx: Context, consumed: set[int]) -> Event | None:
    if _habitual(tok) and not ctx.headline:  # (a headline tells in the present: "gunmen who storm church kill 10")
        return None
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
    if not targets and not passive:
        targets = _described(tok) or _clause_object(tok)
    if not attackers and not passive:
        attackers = _accused(tok) or inherited_subjects(tok)
    attackers = [antecedent(t) for t in attackers]
    trigger = tok

    for attacker in attackers:
        if noun_lemma(attacker) in _lex()["attack"]["nouns"] or is_weapon(attacker):
            # "a drone strike hit ...", "Russian missiles hit ...": instrument, with its actor
            consumed.add(attacker.i)
            roles += [Role("instrument", m) for m in weapons_in(attacker, ctx)]
            roles += [Role("attacker", m) for m in _modifier_actors(attacker, ctx)]
            if noun_lemma(attacker) in _lex()["attack"]["nouns"] and trigger is tok:
                trigger = attacker  # "an airstrike hit the market": the airstrike is the event
                roles += _noun_roles(attacker, ctx)
        else:
            roles += [Role("attacker", m) for m in fillers(attacker, ctx, "attacker")]
    weapons = words("roles")["weapons"]
    for target in map(_noun_head, targets):
        kind = (wholes(target) or [target])[0].lemma_.lower()  # "dozens of rockets": rockets
        if tok.lemma_.lower() in DETONATING_VERBS or (
                tok.lemma_.lower() in LAUNCHING_VERBS and (kind in weapons or kind in AMMUNITION)):
            roles += [Role("instrument", m) for m in weapons_in(target, ctx)]  # "fired several rounds at"
        elif target.lemma_.lower() in _lex()["attack"]["verb_particles"].get(tok.lemma_.lower(), ()):
            if tok.lemma_.lower() in _lex()["attack"]["object_is_trigger"]:
                trigger = target  # "opened fire on protesters": the fire is the attack; "set fire to"
        else:
            roles += [Role("target", m) for m in fillers(target, ctx, "target")]
            roles += _located(target, ctx)
    for prep, pobj in preps(tok):
        aimed = prep == "at" and tok.lemma_.lower() in AIMING_VERBS
        set_fire_to = prep == "to" and tok.lemma_.lower() == "set"
        if prep in TARGET_PREPS or aimed or set_fire_to:
            if not any(r.role == "target" for r in roles):
                roles += [Role("target", m) for m in fillers(pobj, ctx, "target")]
        elif prep == "with":
            for t in pobj.subtree:
                if noun_lemma(t) in _lex()["attack"]["nouns"]:
                    consumed.add(t.i)
            roles += [Role("instrument", m) for m in weapons_in(pobj, ctx)]
            if not any(r.role == "target" for r in roles):
                # "opened fire with small arms and mortars on army posts": the parser hangs
                # the target on the weapons
                roles += [Role("target", m) for arm in (pobj, *pobj.conjuncts) for p, o in preps(arm)
                          if p in TARGET_PREPS for m in fillers(o, ctx, "target")]
        elif prep in PLACE_PREPS:
            roles += place_roles(pobj, ctx)
    roles += _vague_target_place(roles)
    lex = _lex()["attack"]
    if tok.lemma_.lower() in lex["mutual_verbs"]:
        return _mutual(tok, sent, ctx, roles)
    lemma = tok.lemma_.lower()
    if lemma in lex["need_armed_side"] and (not _armed_side(roles) or _aim(tok)):
        # "fight corruption", "fought the ruling in court": no armed side fought; "a force to
        # fight IS", "key to fighting IS": an aim, not a fight told
        return None
    has = {r.role for r in roles}
    if trigger is tok and lemma in lex["verbs_need_actor"] and not has & {"attacker", "instrument"}:
        return None  # "famine struck", "cyclone-hit", "a deal struck": no one attacked
    if trigger is tok and lemma in lex["verbs_need_instrument"] and "instrument" not in has and status_of(tok) != "denied":
        return None  # "charges targeted at", "targeted with asset freezes"
    event = make_event(ctx, "Attack", trigger, sent, "attack-verb/1", roles, [trigger, tok] if trigger is not tok else [tok])
    rejecting = _rejected_accusation(tok)
    if event is not None and rejecting is not None and event.status == "asserted":
        event.status = "denied"  # "accused X of shelling Y, an allegation X rejected"
        event.roles += [Role("source", m) for s in subjects(rejecting) for m in fillers(s, ctx, "speaker")]
    return event


def _when(prep: Token) -> bool:
    """Whether a preposition only tells when: "fired his finance minister on Tuesday"."""
    objects = [p for p in prep.children if p.dep_ == "pobj"]
    return prep.dep_ == "prep" and bool(objects) and all(p.ent_type_ in ("DATE", "TIME") for p in objects)


def _criticised_for(verb: Token) -> bool:
    """Whether an attack verb is given a reason in quotes, or a person attacks for a deed:
    "attacked the government for 'legitimising secession'", "Smith attacked him for failing to
    act" (words; not "militants attacked the convoy for carrying supplies", nor "for hours")."""
    person = any(s.ent_type_ == "PERSON" for s in verb.children if s.dep_ == "nsubj")
    return any(c.dep_ == "prep" and c.lower_ == "for" and (
        any(t.is_quote for t in c.subtree) or person and any(t.tag_ == "VBG" for t in c.subtree)) for c in verb.children)


def undergone(tok: Token) -> bool:
    """Whether an attack noun follows "came under": "came under fire", "came under a coordinated assault"."""
    return (tok.dep_ == "pobj" and tok.head.lower_ == "under"
            and tok.head.head.lemma_.lower() in _lex()["attack"]["undergoing_verbs"])


def attack_from_noun(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    lex = _lex()["attack"]
    lemma = noun_lemma(tok)
    if any(c.lemma_.lower() in lex["not_attack_modifiers"] for c in tok.children if c.dep_ in ("compound", "amod")):
        return None  # "hunger strike", "general strike"
    if any(prep in TARGET_PREPS and pobj.lemma_.lower() in lex["verbal_targets"] for prep, pobj in preps(tok)):
        return None  # "an attack on the government's handling of the floods": words, not weapons
    governor = light_verb(tok, lex["light_verbs"])
    if governor is None and tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lemma_.lower() in lex["responding_verbs"]:
        governor = tok.head.head  # "the army responded with airstrikes on ..." (not "retaliated for the attack")
    if governor is None:
        governor = _claimed(tok)  # "JNIM claimed responsibility for the attack"
    roles = _noun_roles(tok, ctx) + _carrier_roles(tok, ctx)
    clause_heads = [tok] + ([governor] if governor is not None else [])
    if governor is None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in lex["occurrence_verbs"]:
        # "heavy fighting resumed Wednesday in Aleppo", "a blast rocked Kabul": where and when
        # the attack happened hang off the verb it is the subject of
        clause_heads.append(tok.head)
        for prep, pobj in preps(tok.head):
            if prep in PLACE_PREPS:
                roles += place_roles(pobj, ctx)
        for obj in (c for c in tok.head.children if c.dep_ == "dobj"):
            roles += place_roles(obj, ctx)
            if tok.head.lemma_.lower() in lex["damaging_verbs"] and not any(r.role == "target" for r in roles):
                roles += [Role("target", m) for m in fillers(obj, ctx, "target")]  # "a drone strike destroyed two vehicles"
    if governor is None and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and (
            tok.head.head.lemma_.lower() in lex["killing_verbs"]):
        governor = tok.head.head  # "Rebels killed 11 people in a raid on a trading centre": the killers raided
        clause_heads.append(governor)
        if not any(r.role == "target" for r in roles) and not any(prep in TARGET_PREPS for prep, _ in preps(governor)):
            # "U.S. forces killed a senior Islamic State operative in a helicopter raid": whom the raid was on
            roles += [Role("target", m) for c in governor.children if c.dep_ == "dobj" for m in fillers(c, ctx, "target")]
    if governor is None and undergone(tok):  # "a police station came under a coordinated assault": the station is the target
        clause_heads.append(tok.head.head)
        roles += [Role("target", m) for s in subjects(tok.head.head) for m in fillers(antecedent(s), ctx, "target")]
        roles += [r for prep, pobj in preps(tok.head.head) if prep in PLACE_PREPS for r in place_roles(pobj, ctx)]
    if governor is not None:
        for subject in _accused(governor) or subjects(governor):  # "accused the army of carrying out strikes"
            roles += [Role("attacker", m) for m in fillers(antecedent(subject), ctx, "attacker")]
        if not any(r.role == "target" for r in roles):
            for prep, pobj in preps(governor):
                if prep in TARGET_PREPS or prep == "at":  # "launched a barrage of rockets at an army base"
                    roles += [Role("target", m) for m in fillers(pobj, ctx, "target")]
        for prep, pobj in preps(governor):
            if prep == "with":
                roles += [Role("instrument", m) for m in weapons_in(pobj, ctx)]
            elif prep in PLACE_PREPS:
                roles += place_roles(pobj, ctx)
    blamed = [m for b in _blamed(tok) for m in fillers(antecedent(b), ctx, "attacker")]
    if blamed:  # "blamed the attack on X": X is no target
        spans = {m.span for m in blamed}
        roles = [r for r in roles if r.mention.span not in spans] + [Role("attacker", m) for m in blamed]
    if governor is not None and _in_words(governor):
        return None  # "launched a fresh attack on the plan in a speech"
    if lemma in lex["need_armed_side"] and not _armed_side(roles):
        return None  # "the fight against poverty", "a price war": no armed side
    if lemma in lex["mutual_verbs"] and _only_people([r for r in roles if r.role in ("attacker", "target")]):
        return None  # "Clinton, Trump Clash Over Strategy": a quarrel between people
    has_actor = any(r.role in ("attacker", "target", "place") for r in roles)
    if not has_actor and lemma in lex["nouns_need_arguments"]:
        return None  # "the fighting", "an explosion": not an attack without who, what or where
    event = make_event(ctx, "Attack", tok, sent, "attack-noun/1", roles, clause_heads)
    if event is not None:
        # "the attack", "Tuesday's attack", "these strikes": a mention of an attack told
        # before; coref joins it to that attack, or drops it when the article has none
        # ("the November 13 attacks in Paris" says which attack it is: a mention of its own)
        # "PAFF said it had carried out the attack": who did an attack told before
        located = any(r.role == "place" for r in roles)
        has_target = any(r.role == "target" for r in roles)
        event.anaphoric = not has_target and not located and determiner(tok) in ANAPHORIC_DETERMINERS
        if governor is None and _ranked(tok) and not any(r.role == "attacker" for r in roles) and _told_beside(tok):
            # "in one of the deadliest attacks on government forces in years", "the worst such attack":
            # the attack told before, ranked among its kind (which is no target of its own)
            event.roles = [r for r in event.roles if r.role != "target"]
            event.anaphoric = True
        if not event.anaphoric and not roles and event.time is None:
            return None  # a bare "attacks" with nothing attached is generic
    return event


def _habitual(verb: Token) -> bool:
    """Whether an attack verb tells what someone does habitually, in a relative clause in the
    simple present: "armed groups that raid villages", "militants who attack convoys"."""
    return verb.dep_ == "relcl" and verb.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _told_beside(tok: Token) -> bool:
    """Whether another attack word in the sentence tells the attack: "their patrol was ambushed
    ..., the deadliest attack on security forces in years"."""
    lex = _lex()["attack"]
    return any(t.i != tok.i and (t.lemma_.lower() in lex["verbs"] and t.pos_ == "VERB" or noun_lemma(t) in lex["nouns"])
               for t in tok.sent)


def _ranked(tok: Token) -> bool:
    """Whether an attack noun is ranked with a superlative: "the deadliest attack", "one of
    the worst attacks"."""
    return any(c.dep_ == "amod" and (c.tag_ == "JJS" or any(m.lower_ == "most" for m in c.children))
               for c in tok.children)


CLAIM_RULE = "attack-claim/1"


def attack_from_claim(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    """ "The Resistance Front claimed responsibility": who carried out the attack told before
    (coref joins it to the latest attack whose attackers were not named, or drops it)."""
    claiming = _lex()["attack"]["claiming"]
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in claiming["verbs"]:
        return None
    claims = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in claiming["objects"]]
    if not claims or any(noun_lemma(p) in _lex()["attack"]["nouns"] for c in claims for _, p in preps(c)):
        return None  # "claimed responsibility for the attack": the noun tells it
    roles = [Role("attacker", m) for s in subjects(tok) for m in fillers(antecedent(s), ctx, "attacker")]
    if not roles:
        return None
    return make_event(ctx, "Attack", tok, sent, CLAIM_RULE, roles, [tok], anaphoric=True)


def _blamed(noun: Token) -> list[Token]:
    """Who an attack noun is blamed on: "blamed the attack on X", "the attack was blamed on X",
    "an attack that authorities blamed on X", "blamed X for the attack"."""
    verbs = _lex()["attack"]["blaming"]["verbs"]
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        verb = noun.head.head
        if verb.dep_ == "dobj" and verb.head.lemma_.lower() in verbs:
            return [verb]  # "blamed [the ELN for a grenade attack]"
        return [c for c in verb.children if c.dep_ == "dobj"] if verb.lemma_.lower() in verbs else []
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in verbs:
        verb = noun.head
    else:
        verb = next((c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in verbs), None)
    return _blamed_on(verb, noun) if verb is not None else []


def _blamed_on(verb: Token, thing: Token) -> list[Token]:
    """Who `verb` ("blame", "attribute") lays `thing` on: "on X" after the verb, or after the
    thing when the parser hung it there (the last one: "blamed the attack on Kyiv on Russia")."""
    word = _lex()["attack"]["blaming"]["verbs"][verb.lemma_.lower()]
    named = [p for prep, p in preps(verb) if prep == word]
    return named or [p for prep, p in preps(thing) if prep == word][-1:]


BLAME_RULE = "attack-blame/1"


def attack_from_blame(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    """ "Officials blamed the killings on CODECO": who carried out the attack told before (as a
    claim of responsibility does)."""
    blaming = _lex()["attack"]["blaming"]
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in blaming["verbs"]:
        return None
    blamed = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in blaming["objects"]), None)
    if blamed is None:
        return None
    roles = [Role("attacker", m) for p in _blamed_on(tok, blamed) for m in fillers(antecedent(p), ctx, "attacker")]
    if not roles:
        return None
    return make_event(ctx, "Attack", tok, sent, BLAME_RULE, roles, [tok], anaphoric=True)


def _claimed(noun: Token) -> Token | None:
    """The verb of a claim the attack noun is the object of: "claimed responsibility for the
    attack", "accepted responsibility for the bombings"."""
    claiming = _lex()["attack"]["claiming"]
    held = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if held is None or held.lemma_.lower() not in claiming["objects"] or held.dep_ not in ("dobj", "nsubjpass"):
        return None
    return held.head if held.head.lemma_.lower() in claiming["verbs"] else None


REJECTION_RULE = "attack-rejection/1"
HAPPENING_RULE = "attack-not-happened/1"  # "denied that any such attack had taken place"
DISOWNING_RULE = "attack-disowned/1"  # "denied any involvement"


def attack_from_rejection(tok: Token, sent: TokenSpan, ctx: Context) -> Event | None:
    """ "Beijing rejected that accusation", "the ministry dismissed the claims as disinformation",
    "the military denied that", "called that a fabrication", "denied any involvement": a denial
    of the attack told before, by its subject (coref marks that attack denied when the subject
    is on its attacker's side, or drops this); "denied that any such firing had taken place": a
    denial that it happened, which makes it denied whoever says so."""
    lex = words("events")["status"]
    if tok.pos_ != "VERB" or not (tok.lemma_.lower() in lex["deny_verbs"] or _called_false(tok)):
        return None
    pointed = tok.i + 1 < len(tok.doc) and tok.nbor().lower_ in lex["demonstratives"] and _called_false(tok)
    happening, disowning = _denied_happening(tok), _denied_involvement(tok)
    if not any(c.dep_ == "dobj" and ((c.lemma_.lower() in REPORT_NOUNS and determiner(c) in ANAPHORIC_DETERMINERS
                                      and not any(p == "of" for p, _ in preps(c)))
                                     or c.lower_ in lex["demonstratives"])  # "denied that" (however tagged)
               for c in tok.children) and not (pointed or happening or disowning):
        return None  # "rejected accusations of shelling the camp": the attack is told here, and denied
    roles = [Role("source", m) for s in subjects(tok) for m in fillers(antecedent(s), ctx, "speaker")]
    if not roles and not happening:  # whoever denies that it happened, the attack is in doubt
        return None
    rule = HAPPENING_RULE if happening else DISOWNING_RULE if disowning else REJECTION_RULE
    event = make_event(ctx, "Attack", tok, sent, rule, roles, [tok], with_time=False, anaphoric=True)
    if event is not None:
        event.status = "denied"
    return event


def _denied_involvement(verb: Token) -> bool:
    """ "denied any involvement", "denied having any role": in the attack told before (not
    "denied any role in the shooting", where the attack noun tells which)."""
    nouns = words("events")["status"]["involvement_nouns"]
    lex = _lex()["attack"]
    for role in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns):
        # in what: nothing, "it", or where it was said ("in a statement"); not "in the collapse of the
        # talks", nor "in the shooting" (the attack noun tells which)
        if all(prep not in ("in", "of") or p.lower_ in ("it", "this", "that") or p.lemma_.lower() in lex["verbal_media"]
               for prep, p in preps(role) + preps(verb)):
            return True
    return False


def _denied_happening(verb: Token) -> bool:
    """ "denied that any such firing had taken place", "denied the attack happened": a clause
    whose subject is the attack told before."""
    nouns = set(words("events")["status"]["denied_happening_nouns"]) | set(words("events")["attack"]["nouns"])
    return any(s.dep_ in ("nsubj", "nsubjpass") and noun_lemma(s) in nouns
               and (determiner(s) in ANAPHORIC_DETERMINERS or any(c.lower_ == "such" for c in s.children))
               for clause in verb.children if clause.dep_ == "ccomp" for s in clause.children)


def _called_false(verb: Token) -> bool:
    """ "called the accusation a pure fabrication", "described the claims as lies": a denial."""
    lex = words("events")["status"]
    if verb.lemma_.lower() not in lex["labelling_verbs"]:
        return False
    said = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp", "attr")] + [p for _, p in preps(verb)]
    return any(t.lemma_.lower() in lex["falsity_words"] or t.lower_ in lex["falsity_words"] for s in said for t in s.subtree)


def _noun_roles(tok: Token, ctx: Context) -> list[Role]:
    """Roles hanging off an attack noun: "Russian drone strikes on Kyiv by ... in ..."."""
    lemma = noun_lemma(tok)
    roles: list[Role] = []
    group_nouns = words("roles")["group_nouns"]
    for child in tok.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and ctx.mention_at(child)):
            roles += [Role("attacker", m) for m in fillers(child, ctx, "attacker")]
        elif child.dep_ == "compound" and child.lemma_.lower() in group_nouns:
            roles += [Role("attacker", m) for m in fillers(child, ctx, "attacker")]  # "police shooting"
        elif child.dep_ in ("compound", "amod", "nmod"):
            roles += [Role("instrument", m) for m in weapons_in(child, ctx)]
    for prep, pobj in preps(tok):
        if prep == "by" or (prep == "between" and lemma in MUTUAL_NOUNS):
            # "clashes between security forces and Kurdish rebels": each side attacks the other
            roles += [Role("attacker", m) for m in fillers(pobj, ctx, "attacker")]
        elif prep in TARGET_PREPS or prep == "at" or (prep == "of" and lemma in OF_TARGET_NOUNS):
            roles += [Role("target", m) for m in fillers(pobj, ctx, "target")]
            roles += _located(pobj, ctx)
        elif prep == "with":
            roles += [Role("instrument", m) for m in weapons_in(pobj, ctx)]
            if lemma in MUTUAL_NOUNS:  # "Israel's war with Hamas", "clashes with police": the other side
                roles += [Role("attacker", m) for m in fillers(pobj, ctx, "attacker")]
        elif prep == "from":  # "airstrikes from Russian warplanes", "rocket fire from Hezbollah"
            if is_weapon(pobj):
                roles += [Role("instrument", m) for m in weapons_in(pobj, ctx)]
                roles += [Role("attacker", m) for m in _modifier_actors(pobj, ctx)]
            else:
                roles += [Role("attacker", m) for m in fillers(pobj, ctx, "attacker")]
        elif prep in PLACE_PREPS:
            roles += place_roles(pobj, ctx)
    return roles


def _misattached_targets(attacker: Token, ctx: Context) -> list[Role]:
    """ "attacks by militants on army posts": the parser hangs "on army posts" on the attacker,
    but what the attackers are on is what they attacked."""
    return [Role("target", m) for prep, pobj in preps(attacker) if prep in ("on", "against")
            for m in fillers(pobj, ctx, "target")]


def _described(verb: Token) -> list[Token]:
    """ "struck what the military described as weapons depots", "what it called militant
    positions", "hit what Kyiv said were civilian buildings": what was hit, in someone's words."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        chain = [clause] + [c for c in clause.children if c.dep_ == "ccomp"]
        if not any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for link in chain for c in link.children):
            continue
        for link in chain:
            for child in link.children:
                if child.dep_ in ("oprd", "attr"):
                    return [child]
            for prep, pobj in preps(link):
                if prep == "as":
                    return [pobj]
    return []


def _noun_head(tok: Token) -> Token:
    """ "raided a suspected insurgent hideout": the noun the parser hung as a clause on the
    word before it is the head of the phrase."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return after if after is not None and after.head == tok and after.dep_ == "acl" and after.pos_ == "NOUN" else tok


def _speakers_words(verb: Token) -> bool:
    """ "attacked what he called the government's incompetence": what one person calls the
    object in a rebuke (a military "struck what it described as depots")."""
    return any(c.dep_ == "ccomp" and any(w.lower_ == "what" for w in c.children)
               and any(w.dep_ == "nsubj" and w.lower_ in ("he", "she") for w in c.children) for c in verb.children)


def _clause_object(verb: Token) -> list[Token]:
    """ "struck Houthi reinforcements moving along the road", "ambushed an SDF patrol in the ...
    countryside": the parser took the object for the subject of a clause right after the verb."""
    # (only a clause with no finite verb of its own: "hit a superb 142 and the bowlers struck twice" is two clauses)
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and (c.tag_ in ("VBG", "VBN") or c.pos_ == "NOUN")):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.left_edge.i == verb.i + 1 and subject.pos_ in ("NOUN", "PROPN"):
            return [subject]
    return []


def _accused(verb: Token) -> list[Token]:
    """ "Moscow accused Kyiv of attacking ...", "blamed the rebels for shelling ...": the
    accused is who attacked, by the accuser's account."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("of", "for"):
        return []
    accusing = verb.head.head
    verbs = _lex()["attack"]["accusing_verbs"]
    if accusing.dep_ in ("dobj", "nsubjpass") and accusing.head.lemma_.lower() in verbs:
        # "accused [Kenyan forces of shelling ...]": "of" hung on the accused (when the parse
        # kept the accused's words together)
        named = accusing.pos_ == "PROPN" or any(c.dep_ in ("amod", "compound", "poss") for c in accusing.children)
        return [accusing] if named else []
    if accusing.lemma_.lower() not in verbs:
        return []
    return [c for c in accusing.children if c.dep_ in ("dobj", "nsubjpass")]


def _accusing_verb(verb: Token) -> Token:
    accused = verb.head.head
    return accused.head if accused.dep_ in ("dobj", "nsubjpass") else accused


def _rejected_accusation(verb: Token) -> Token | None:
    """The verb of a rejection set beside an accusation: "X accused Y of shelling Z, an
    allegation Y rejected as baseless" (the verb "rejected")."""
    if not _accused(verb):
        return None
    accusing = _accusing_verb(verb)
    deny = words("events")["status"]["deny_verbs"]
    for token in accusing.subtree:
        if token.lemma_.lower() in REPORT_NOUNS and token.dep_ in ("appos", "npadvmod", "dobj", "attr"):
            for clause in (c for c in token.children if c.dep_ in ("relcl", "acl")):
                if clause.lemma_.lower() in deny and not any(c.dep_ == "neg" for c in clause.children):
                    return clause
    return None


def _aim(verb: Token) -> bool:
    """ "to fight IS", "key to combating militants", "in fighting IS": what someone means to do."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.dep_ == "pcomp"


def _armed_side(roles: list[Role]) -> bool:
    """Whether someone armed is fought: the target, or one of two sides, is a named armed group
    or forces, troops, militants ("fought Islamic State", "a fight between police and gunmen")."""
    group_nouns = words("roles")["group_nouns"]
    attackers = [r for r in roles if r.role == "attacker"]
    sides = [r for r in roles if r.role == "target"] + (attackers if len(attackers) > 1 else [])
    return any(r.mention.type == "Group" or r.mention.span.text.split()[-1].lower().removesuffix("s") in group_nouns
               for r in sides)


def _only_people(sides: list[Role]) -> bool:
    """Sides that are all named people: when people clash or battle, it is with words."""
    return bool(sides) and all(r.mention.type == "Person" for r in sides)


def _carrier_roles(tok: Token, ctx: Context) -> list[Role]:
    """Roles told on the noun that counts the attacks: "a wave of airstrikes by Russia on
    Kharkiv", "the resumption of shelling by government forces"."""
    carrier = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    if carrier is None or noun_lemma(carrier) not in _lex()["attack"]["carrier_nouns"]:
        return []
    roles: list[Role] = []
    for prep, pobj in preps(carrier):
        if prep == "by":
            roles += [Role("attacker", m) for m in fillers(pobj, ctx, "attacker")]
            roles += _misattached_targets(pobj, ctx)
        elif prep in TARGET_PREPS:
            roles += [Role("target", m) for m in fillers(pobj, ctx, "target")]
        elif prep in PLACE_PREPS:
            roles += place_roles(pobj, ctx)
    return roles


def _mutual(tok: Token, sent: TokenSpan, ctx: Context, roles: list[Role]) -> Event | None:
    """ "Protesters clashed with police", "rebels battled government troops": each side attacks
    the other, and there is a clash only when both sides are named."""
    sides = [Role("attacker", r.mention) for r in roles
             if r.role == "attacker" or (r.role == "target" and r.mention.type in ACTOR_TYPES)]  # not "battled strong winds"
    for prep, pobj in preps(tok):
        if prep in ("with", "against"):
            sides += [Role("attacker", m) for m in fillers(pobj, ctx, "attacker")]
    if len({r.mention.key or r.mention.span for r in sides}) < 2 or _only_people(sides):
        return None
    kept = [r for r in roles if r.role not in ("attacker", "target")] + sides
    return make_event(ctx, "Attack", tok, sent, "attack-verb/1", kept, [tok])


def _vague_target_place(roles: list[Role]) -> list[Role]:
    """ "struck targets in eastern Rafah": the place is what was hit."""
    vague = any(r.role == "target" and r.mention.type == "Entity" and r.mention.span.text.lower() in VAGUE_TARGETS
                for r in roles)
    return [Role("target", r.mention) for r in roles if vague and r.role == "place"]


def _located(target: Token, ctx: Context) -> list[Role]:
    """Place and weapons hanging off a target: "an air base in Crimea", "... with drones"."""
    roles: list[Role] = []
    for prep, pobj in preps(target):
        if prep in PLACE_PREPS:
            roles += place_roles(pobj, ctx)
        elif prep == "with":
            roles += [Role("instrument", m) for m in weapons_in(pobj, ctx)]
    return roles


def _modifier_actors(tok: Token, ctx: Context) -> list[Mention]:
    """Who owns the weapon: "Russian missiles", "RSF drones", "its drones", "Peruvian air force
    helicopters", "a drone operated by the Kyrgyz military"."""
    forces = words("roles")["state_force_nouns"]
    operators = [p for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in words("roles")["operating_verbs"]
                 for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    found = [m for p in operators for m in fillers(p, ctx, "attacker")]
    if found:
        return found  # "a Turkish-made drone operated by the Kyrgyz military"
    for child in (c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")):
        if child.dep_ == "compound" and child.i == tok.i - 1 and getattr(ctx.mention_at(child), "type", None) == "Person":
            continue  # "a Bayraktar drone": the model's name, tagged as a person's (not "Haftar's drones")
        if ctx.mention_at(child) is not None or child.pos_ == "PRON":
            found += fillers(child, ctx, "attacker")
        elif child.dep_ == "compound" and child.lemma_.lower() in forces:  # "air force": the country's, if told
            found += [m for m in fillers(child, ctx, "attacker") if m.type == "Country"]
        elif child.dep_ == "compound":  # "Iraqi F-16 jets": the model's owner
            found += [m for c in child.children if c.dep_ in ("amod", "compound") and c.i < child.i
                      and ctx.mention_at(c) is not None for m in fillers(c, ctx, "attacker") if m.type == "Country"]
    return found


def _in_words(verb: Token) -> bool:
    """Whether an attack is told as made "in" a letter, speech or interview: words."""
    media = _lex()["attack"]["verbal_media"]
    return any(prep == "in" and (p.lemma_.lower() in media or " ".join(t.lower_ for t in p.subtree if t.dep_ != "det") in media)
               for prep, p in preps(verb))


def is_weapon(tok: Token) -> bool:
    """ "missiles", and "a swarm of drones" """
    return any(weapon_name(t) is not None for t in [tok, *wholes(tok)])
