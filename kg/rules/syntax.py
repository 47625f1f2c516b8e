"""Clause structure shared by the event rules: prepositional objects, the verb that carries a
noun trigger, subjects (also of passives and infinitives), and small token tests.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import words
from .context import Context

ANAPHORIC_DETERMINERS = {"these", "those", "this", "that", "such", "the", "both", "its", "their"}
SUBJECT_DEPS = ("nsubj",)
# Verbs of coming to a meeting: their subject takes part ("travelled to Geneva for talks").
ARRIVAL_VERBS = {"travel", "fly", "go", "head", "arrive", "come", "return", "gather", "sit", "meet"}
# "X ... during a meeting in Ankara": X was at the meeting
SCENE_PREPS = {"during", "after", "before", "at", "following", "ahead", "on", "for"}
# Verbs whose object is where an actor takes part: "took part in talks".
PART_TAKING = {"take", "participate", "join", "attend", "engage", "sit"}


PLACE_PREPS = {"in", "near", "outside", "across", "around", "inside", "at", "throughout", "over"}

def preps(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging off `tok`: "strike on X" -> ("on", X)."""
    pairs = []
    for child in tok.children:
        if child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    pairs.append((child.lower_, pobj))
                elif pobj.dep_ == "prep":  # "away from", "out of"
                    pairs += [(pobj.lower_, p) for p in pobj.children if p.dep_ == "pobj"]
                elif pobj.dep_ == "pcomp":  # "at what it said were militant bases"
                    pairs += [(child.lower_, p) for p in _said_to_be(pobj)]
        elif child.dep_ == "acl" and child.lower_ == "targeting":
            pairs += [("targeting", o) for o in child.children if o.dep_ == "dobj"]
    return pairs


def light_verb(noun: Token, verbs) -> Token | None:
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




def _said_to_be(verb: Token) -> list[Token]:
    """What "what it said were X", "what it called X", "what officials described as X" name: X."""
    if verb.lemma_.lower() not in words("roles")["saying_verbs"] or not any(c.lower_ == "what" for c in verb.subtree):
        return []
    found = [c for c in verb.children if c.dep_ == "oprd"]
    found += [a for c in verb.children if c.dep_ == "ccomp" for a in c.children if a.dep_ == "attr"]
    found += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    return found


def subjects(verb: Token) -> list[Token]:
    """Who does what `verb` says: its subject, or the agent of a passive ("was claimed by X");
    no one for a passive without one ("were wounded in the blast, police said": not the police)."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not agents and any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []  # "23 people were wounded in the blast, the spokesman said": no one is told doing it
    return agents or [c for c in verb.children if c.dep_ in SUBJECT_DEPS] or inherited_subjects(verb)


def inherited_subjects(verb: Token) -> list[Token]:
    """The subject of a verb that has none of its own: "aimed to strike", "met and agreed"; the
    object of a verb such as "prompt" or "urge" for its "to" clause ("prompted Pakistan to
    strike")."""
    node = verb
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("for", "of"):
        credited = [c for c in verb.head.head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON")]
        if credited:
            return credited  # "thanked him for hosting the talks", "praised Qatar for mediating"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words("roles")["object_control_verbs"]:
        told = [c for c in verb.head.children if c.dep_ == "dobj"]
        if told:
            return told  # "prompting Pakistan to strike ...", "urged Iran to attend"
    for _ in range(3):  # "are due to hold talks": hold <- due <- are (which has the subject)
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head  # "Trump told reporters after meeting with Turnbull"
        elif node.dep_ not in ("xcomp", "conj", "advcl", "acomp", "ccomp") or node.head == node:
            break
        node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
    if verb.dep_ == "relcl":
        return [verb.head]
    # "In Muscat, Oman's foreign minister, Badr Albusaidi, held talks": the parser set the
    # subject in apposition to the place the sentence opens with
    return [a for prep in verb.children if prep.dep_ == "prep" and prep.i == verb.sent.start
            for pobj in prep.children if pobj.dep_ == "pobj"
            for a in pobj.children if a.dep_ == "appos" and a.i < verb.i][:1]


def words_under(tok: Token, leaving_out: set[str]) -> list[Token]:
    """`tok` and the words under it in text order, without the branches whose relation to
    their head is in `leaving_out` (clauses, appositions)."""
    found, todo = [], [tok]
    while todo:
        word = todo.pop()
        found.append(word)
        todo += [c for c in word.children if c.dep_ not in leaving_out]
    return sorted(found, key=lambda t: t.i)


def antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("the group, which attacked ...")."""
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def in_name(tok: Token, ctx: Context) -> bool:
    """A word inside a name ("Leadership Conference of Women Religious") triggers nothing."""
    mention = ctx.mention_at(tok)
    return mention is not None and len(mention.span.text.split()) > 1


def weapon_name(tok: Token) -> tuple[str, Token] | None:
    """The weapon a noun names, with the modifiers that are part of its name, and the first
    token of that name: ("roadside bomb", roadside), ("improvised explosive device", improvised)."""
    weapons = words("roles")["weapons"]
    found = (tok.lemma_.lower(), tok) if tok.lemma_.lower() in weapons else None
    name, first = tok.lemma_.lower(), tok
    while first.i > 0 and (prev := first.doc[first.i - 1]).dep_ in ("compound", "amod") and prev.head.i > prev.i:
        name, first = f"{prev.lemma_.lower() if prev.dep_ == 'compound' else prev.lower_} {name}", prev
        if name in weapons:
            found = (name, first)
    return found


def noun_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return "talks" if lemma == "talk" and tok.lower_ == "talks" else lemma


def determiner(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ in ("det", "poss") and child.i < tok.i and child.tag_ in ("DT", "PRP$", "PDT"):
            return child.lower_
    return None
