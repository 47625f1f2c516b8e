"""Attack, Talks and Statement events from the dependency parse of a segment.

Each rule starts from a trigger (a verb such as "struck" or a noun such as "strike on",
"talks between") and fills roles from the trigger's syntactic neighbours; the rules for each
event type are in their own module. Rule names carry a version, recorded with every fact.
"""
from __future__ import annotations

from ..lexicon import words
from ..model import Event
from .attacks import attack_from_blame, attack_from_claim, attack_from_noun, attack_from_rejection, attack_from_verb, is_attack_verb, undergone
from .context import Context
from .fillers import NOUN_POS
from .statements import statements
from .syntax import in_name, noun_lemma
from .talks import (is_delegation_verb, is_meeting_verb, of_sentence_talks, talks_from_delegation, talks_from_noun, talks_from_reception,
                    talks_from_verb)


def _lex() -> dict:
    return words("events")


def find_events(ctx: Context) -> list[Event]:
    """All events in the segment, in text order."""
    events: list[Event] = []
    for sent in ctx.doc.sents:
        consumed: set[int] = set()  # noun triggers folded into a verb event
        first = len(events)
        inline: list[Event] = []  # "talks with a delegation led by X": who sat at this sentence's talks
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX"):
                continue  # every rule of this loop starts from a verb ("was present": an auxiliary)
            if is_attack_verb(tok):
                event = attack_from_verb(tok, sent, ctx, consumed)
                if event:
                    events.append(event)
            elif tok.pos_ == "VERB" and is_meeting_verb(tok):
                event = talks_from_verb(tok, sent, ctx)
                if event:
                    events.append(event)
            elif (event := (attack_from_claim(tok, sent, ctx) or attack_from_blame(tok, sent, ctx) or attack_from_rejection(tok, sent, ctx)
                            or talks_from_reception(tok, sent, ctx))) is not None:
                events.append(event)
            elif is_delegation_verb(tok):
                event = talks_from_delegation(tok, sent, ctx)
                if event:
                    (inline if of_sentence_talks(tok) else events).append(event)
        for tok in sent:
            if tok.i in consumed or tok.pos_ not in NOUN_POS or in_name(tok, ctx):
                continue
            lemma = noun_lemma(tok)
            if lemma in _lex()["attack"]["nouns"] or (lemma in _lex()["attack"]["undergone_nouns"] and undergone(tok)):
                event = attack_from_noun(tok, sent, ctx)
            elif lemma in _lex()["talks"]["nouns"]:
                event = talks_from_noun(tok, sent, ctx)
            else:
                continue
            if event:
                events.append(event)
        talks = [e for e in events[first:] if e.type == "Talks"]
        here = [e for e in talks if not e.anaphoric] or talks  # "A delegation led by X also took part": that part
        if here:  # a delegation in a sentence with no talks of its own ("was due to visit") sat at none
            here[-1].roles += [r for e in inline for r in e.roles if r not in here[-1].roles]
        events.extend(statements(sent, ctx))
    return events
