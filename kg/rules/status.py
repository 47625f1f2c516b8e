"""Whether an event is asserted, planned, negated, denied or hypothetical.

We walk from the trigger up the dependency tree to the clause that governs it and return
the first cue met: a negation ("did not attend"), a denial ("denied that it had bombed"), a
threat, condition or modal ("threatened to strike", "if talks fail", "could strike"), or a
plan ("will attend", "talks are scheduled", "upcoming talks").
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import words

# Moving up from a child with one of these relations leaves its clause: stop there.
CLAUSE_BOUNDARIES = {"advcl", "relcl", "conj", "parataxis", "acl", "appos", "ROOT"}
# A trigger that is the subject of a verb takes only that verb's auxiliaries and negation.
SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
NEGATING_VERBS = {"refuse", "fail", "decline", "cancel", "postpone", "boycott", "skip", "avoid",
                  "foil", "thwart", "avert", "prevent"}  # "foiled a plot to bomb the airport"
NEGATING_PARTICLES = {"off"}  # "called off the talks"
NEGATING_PHRASAL_VERBS = {("rule", "out")}  # "ruled out negotiations with the armed groups"
# "denied reports that its troops had fired": the clause belongs to the report, and so does its status
REPORT_NOUNS = {"report", "claim", "allegation", "accusation", "suggestion", "rumour", "rumor", "assertion", "charge"}


def status_of(trigger: Token) -> str:
    """The status of the event whose trigger is `trigger`.

    Returns one of asserted, planned, negated, denied, hypothetical.
    """
    return status_and_cue(trigger)[0]


def status_and_cue(trigger: Token) -> tuple[str, Token | None]:
    """The status, and the word that gave it when that is a verb above the trigger
    ("denied", "threatened"): its subject is who says so."""
    cues = words("events")["status"]
    planned = trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and c.lemma_.lower() in cues["planned_modifiers"] for c in trigger.children
    )  # "upcoming talks", "a planned summit" (unless it was called off)
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "any" for c in trigger.children):
        return "hypothetical", None  # "no date has been set for any meeting": no meeting in particular
    node = trigger
    subject_link = False
    while True:
        found = _cue(node, trigger, cues, subject_link)
        if found == "planned" and _let_down(node):
            return "negated", None  # "X, who had been expected to join the talks, did not travel"
        if found and not (planned and found in ("asserted", "planned")):
            return found, (node if node != trigger and node.pos_ == "VERB" else None)
        if node.dep_ in ("acl", "xcomp", "advcl") and (node.head.lemma_.lower() in cues["intent_nouns"] or any(
                o.dep_ == "dobj" and o.lemma_.lower() in cues["intent_nouns"] for o in node.head.children)) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return "hypothetical", None  # "foiled a plot to bomb the airport": intended, not done
        reported = node.dep_ in ("acl", "ccomp") and node.head.lemma_.lower() in REPORT_NOUNS
        if (node.dep_ in CLAUSE_BOUNDARIES and not reported) or node.head == node:
            return ("planned" if planned else "asserted"), None
        subject_link = node.dep_ in SUBJECT_DEPS | {"nsubjpass"} and node.pos_ in ("NOUN", "PROPN")
        node = node.head


def _let_down(node: Token) -> bool:
    """Whether a plan told in a relative clause is undone by its sentence: "X, who had been
    expected to attend, did not travel"."""
    clause = node
    while clause.dep_ not in CLAUSE_BOUNDARIES and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "relcl":
        return False
    verb = clause.head.head
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in verb.children)


def _cue(node: Token, trigger: Token, cues: dict, subject_link: bool) -> str | None:
    lemma = node.lemma_.lower()
    children = list(node.children)
    if any(c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det")) for c in children):
        return "negated" if not (node != trigger and lemma in cues["deny_verbs"]) else "asserted"
    for child in children:
        if child.dep_ in ("aux", "auxpass"):
            word = child.lower_
            if word in cues["modal_hypothetical"]:
                return "hypothetical"
            if word in cues["modal_future"]:
                return "planned"
        if child.dep_ == "mark" and child.lower_ in cues["hypothetical_marks"]:
            return "hypothetical"
        if child.dep_ == "aux" and child.lower_ == "to" and node.head.lemma_.lower() == "go":
            return "planned"  # "is going to attend"
    if node == trigger:
        return None
    if subject_link:
        # "talks are scheduled", "talks are due": planned verbs in the passive or predicate
        if lemma in cues["planned_verbs"] and any(c.dep_ in ("auxpass", "acomp") for c in children) or lemma == "due":
            return "planned"
        # "the summit was called off", "talks were cancelled"
        if lemma in NEGATING_VERBS - {"fail", "refuse", "decline", "avoid", "skip"} or any(
                c.dep_ == "prt" and c.lower_ in NEGATING_PARTICLES for c in children):
            return "negated"
        return None
    if lemma in cues["deny_verbs"]:
        return "denied"
    if lemma in NEGATING_VERBS or any(c.dep_ == "prt" and (c.lower_ in NEGATING_PARTICLES or (lemma, c.lower_) in NEGATING_PHRASAL_VERBS)
                                      for c in children):
        return "negated"
    if lemma in cues["hypothetical_verbs"] and lemma not in ("warn",):
        return "hypothetical"
    if lemma in cues["planned_verbs"]:
        return "planned"
    return None
