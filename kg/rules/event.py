"""Making an Event from a trigger and its roles: status, who says so, date, confidence by rule."""
from __future__ import annotations

from spacy.tokens import Span as TokenSpan, Token

from .. import timex
from ..model import Event, Role, TimeValue
from .context import Context
from .fillers import NOUN_POS, fillers
from .status import CLAUSE_BOUNDARIES, status_and_cue
from .syntax import antecedent, subjects

PLACE_TYPES = {"Place", "Country"}

CONFIDENCE = {
    "attack-verb/1": 0.8,
    "attack-noun/1": 0.7,
    "attack-claim/1": 0.6,
    "attack-blame/1": 0.6,
    "attack-rejection/1": 0.6,
    "attack-not-happened/1": 0.6,
    "attack-disowned/1": 0.6,
    "talks-noun/1": 0.75,
    "talks-verb/1": 0.75,
    "talks-delegation/1": 0.7,
    "talks-reception/1": 0.7,
    "statement-verb/1": 0.7,
    "statement-according-to/1": 0.8,
}


def make_event(ctx: Context, kind: str, trigger: Token, sent: TokenSpan, rule: str, roles: list[Role],
           clause_heads: list[Token], with_time: bool = True, anaphoric: bool = False) -> Event | None:
    unique: list[Role] = []
    for role in roles:
        if role not in unique and not any(r.mention.key == role.mention.key and r.role == role.role and r.mention.key for r in unique):
            unique.append(role)
    status, cue = status_and_cue(clause_heads[-1] if len(clause_heads) > 1 and clause_heads[-1].pos_ == "VERB" and trigger.dep_ in ("dobj", "pobj") else trigger)
    if status == "asserted" and trigger.pos_ in NOUN_POS:
        status, cue = status_and_cue(trigger)
    time = event_time(ctx, sent, clause_heads, status) if with_time else None
    if cue is not None and status in ("denied", "hypothetical", "negated"):
        # who says it is denied or threatened: "Hamas denied ...", "Iran threatened ..."
        unique += [Role("source", m) for s in subjects(cue) for m in fillers(antecedent(s), ctx, "speaker")]
    return Event(
        type=kind,
        trigger=ctx.token_span(trigger, trigger),
        sentence=ctx.sentence_span(sent),
        rule=rule,
        confidence=CONFIDENCE[rule],
        status=status,
        roles=unique,
        time=time,
        anaphoric=anaphoric,
    )


def event_time(ctx: Context, sent: TokenSpan, heads: list[Token], status: str) -> TimeValue | None:
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
        for ent in dates:
            if _told_of(ent.root, head) and (found := resolved(ent)):
                return found
    # a date on a verb that governs the trigger's clause: "On Monday, officials said Russia struck ..."
    governing = set()
    node = heads[0]
    while node.dep_ not in CLAUSE_BOUNDARIES and node.head != node:
        node = node.head
        governing.add(node.i)
    for ent in dates:
        if clause_verb(ent.root).i in governing and (found := resolved(ent)):
            return found
    return None


OWN_CLAUSES = {"relcl", "acl", "ccomp"}  # not advcl: "as it travelled on Sunday" is when


def _told_of(date: Token, head: Token) -> bool:
    """Whether a date below `head` dates it: not when it sits in a clause of its own further down
    ("talks with Wang under the mechanism, which has not met since 2019"); a clause on the head
    itself is about it ("talks, which began on Monday")."""
    node = date
    while node != head:
        if node.head == node:
            return False  # not below head
        if node.dep_ in OWN_CLAUSES and node.head != head and node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return True


def clause_verb(tok: Token) -> Token:
    """The nearest verb above `tok` (a date's attachment point)."""
    while tok.head != tok and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    return tok


def place_roles(pobj: Token, ctx: Context) -> list[Role]:
    return [Role("place", m) for m in fillers(pobj, ctx, "place") if m.type in PLACE_TYPES]
