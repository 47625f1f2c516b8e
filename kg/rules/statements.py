"""Statements: "X said ...", "according to X, ...", with the speaker and what was said."""
from __future__ import annotations

from spacy.tokens import Span as TokenSpan, Token

from ..lexicon import words
from ..model import Event, Mention, Role
from .context import Context
from .event import make_event
from .fillers import fillers
from .syntax import antecedent

def _lex() -> dict:
    return words("events")


def statements(sent: TokenSpan, ctx: Context) -> list[Event]:
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
            speakers = [m for s in subjects for m in fillers(antecedent(s), ctx, "speaker")]
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
    event = make_event(ctx, "Statement", trigger, sent, rule, [Role("speaker", m) for m in speakers], [trigger], with_time=False)
    if event is None:
        return []
    event.quote = ctx.token_span(said[0], said[-1]).text
    return [event]
