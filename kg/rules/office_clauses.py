"""Offices told by the clause around a name rather than a title beside it: "X, who heads the
agency", "Gran Grif, which is led by X", "naming X as Treasury secretary", "X becomes foreign
minister", "named Y to replace her", "her Rwandan counterpart, Y"; and the clauses that add the
organisation ("Foreign Minister X of Armenia", "a delegation led by X") or take the office away
("dropped Energy Secretary X").
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Span as TokenSpan, Token

from ..lexicon import words
from ..model import Mention, OfficeHolding
from .context import Context
from .fillers import as_actor, fillers
from .office_countries import country_of
from .office_titles import MAX_WINDOW, ORG_TYPES, Title, bare_window, read_title, retype, title_vocabulary
from .syntax import inherited_subjects


def removed_from_office(name: Token) -> bool:
    """Whether the person named at `name` is removed from office by the sentence's verb: "dropped
    Energy Secretary X", "the defence minister, X, was sacked", "X succeeds Foreign Minister Y";
    or leaves it: "Chief Minister X resigned"."""
    while name.dep_ in ("compound", "flat", "appos") and name.head != name:
        name = name.head
    verb = name.head
    lex = words("offices")
    if name.dep_ == "nsubj" and verb.tag_ in ("VBD", "VBN"):  # "when Chief Minister X resigned", "X has stepped down"
        lemma = verb.lemma_.lower()
        particle = next((f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1), "")
        return lemma in lex["leaving_verbs"] or particle in lex["leaving_verbs"]  # not "resigned abruptly"
    return name.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() in lex["removing_verbs"]


def counterpart_office(window: list[Token], found: list[OfficeHolding], sent: TokenSpan,
                       ctx: Context) -> tuple[str, Title] | None:
    """ "Congo's foreign minister, X, and her Rwandan counterpart, Y": Y holds the office of the
    person named with one before in the sentence, of the country the window names."""
    if not window or window[-1].lemma_.lower() not in words("offices")["counterpart_nouns"]:
        return None
    countries = [m for t in window if (m := ctx.mention_at(t)) is not None and m.type == "Country"]
    start = ctx.offset + window[0].idx
    before = [o for o in found if o.sentence == ctx.sentence_span(sent) and o.person.span.start < start]
    if not countries or not before:
        return None
    return before[-1].title, Title([window[-1]], as_actor(countries[-1], ctx))


def described_as(doc, last: int, ctx: Context) -> Title | None:
    """ "Hussein Taleb, whom it described as a Hezbollah commander", "..., whom police identified
    as the group's deputy leader": the title told after "as"."""
    lex = words("offices")
    if last + 2 >= len(doc) or doc[last + 1].text != "," or doc[last + 2].lower_ not in ("who", "whom"):
        return None
    verb = next((t for t in doc[last + 3:last + 7] if t.lemma_.lower() in lex["describing_verbs"]), None)
    if verb is None or verb.i + 1 >= len(doc) or verb.nbor().lower_ != "as":
        return None
    phrase = next((c for c in verb.nbor().children if c.dep_ == "pobj"), None)
    if phrase is None:
        return None
    window = _noun_phrase(phrase)  # "a Hezbollah commander (responsible for ...)", "a commander of the Quds Force"
    return read_title(window, ctx) if window else None


def _noun_phrase(head: Token) -> list[Token]:
    """The words of the noun phrase `head` closes, with an "of" phrase after it, without a
    leading article: "Treasury cabinet secretary", "a commander of the Quds Force"; empty when
    they are not together or too many."""
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i]
    return bare_window([t for t in head.subtree if t.i <= head.i or (of and t in of[0].subtree)])


def whose_title(doc, first: int, ctx: Context) -> Title | None:
    """ "the RSF, whose commander is X", "The group, whose top commander is Y": the title between
    "whose" and "is", of the organisation before "whose" (a noun such as "the group" is the one
    it refers back to)."""
    if first < 4 or doc[first - 1].lower_ not in ("is", "was"):
        return None
    whose = next((k for k in range(first - 2, max(first - 2 - MAX_WINDOW, 1), -1) if doc[k].lower_ == "whose"), None)
    if whose is None or doc[whose - 1].text != ",":
        return None
    title = read_title(list(doc[whose + 1:first - 1]), ctx)
    if title is None or title.tokens[-1].i != first - 2:
        return None
    owner = doc[whose - 2]
    named = [ctx.mention_at(owner)] if ctx.mention_at(owner) is not None else fillers(owner, ctx, "speaker")
    organization = next((as_actor(m, ctx) for m in named if m.type in ORG_TYPES), None)
    return Title(title.tokens, organization or title.organization)


def who_heads(doc, last: int, ctx: Context) -> tuple[str, Title] | None:
    """ "Abdullahi Warsame, who heads Somalia's intelligence agency": Head of the agency; also
    after an apposition: "X, the former police officer who leads Viv Ansanm"."""
    verbs = words("offices")["heading_verbs"]
    verb = _heading_verb(doc, last)
    if verb is None:
        return None
    window = []
    for tok in doc[verb.i + 1:verb.i + 1 + MAX_WINDOW]:
        if (tok.is_punct and tok.text != "-") or tok.pos_ in ("VERB", "AUX", "ADP") and tok.tag_ != "POS" and tok.lower_ != "of":
            break
        window.append(tok)
    mentions = [m for m in dict.fromkeys(ctx.mention_at(t) for t in window) if m is not None and m.type in ORG_TYPES]
    headed = next((t for t in window if t.dep_ == "dobj" and t.head == verb), None)
    named = ctx.mention_at(headed) if headed is not None else None
    if not mentions and named is not None and named.type == "Person" and named.span.text not in ctx.surnames:
        # "who heads Erdenes Mongol": one heads a body, not a person
        tokens = [t for t in window if ctx.mention_at(t) is named]
        mentions = [retype(ctx, named, tokens[0].i, tokens[-1].i, "Organization")]
    known = title_vocabulary()
    run = []
    for tok in reversed(window):
        if tok.pos_ == "PROPN" and tok.is_title and ctx.mention_at(tok) is None and tok.lower_ not in known or (run and tok.lower_ == "and"):
            run.insert(0, tok)
        else:
            break
    if run:
        span = ctx.token_span(run[0], run[-1])
        organization = Mention(span, "Organization", span.text)
    elif mentions:
        organization = as_actor(mentions[-1], ctx)
    else:
        return None
    return verbs[verb.lower_], Title([verb], organization)


def _heading_verb(doc, last: int) -> Token | None:
    """The verb of "who heads" told of the name ending at `last`, right after it or after its
    apposition."""
    verbs = words("offices")["heading_verbs"]
    if last + 3 < len(doc) and doc[last + 1].text == "," and doc[last + 2].lower_ == "who" and doc[last + 3].lower_ in verbs:
        return doc[last + 3]
    name = doc[last]
    while name.dep_ in ("compound", "flat") and name.head != name:
        name = name.head
    for appos in (c for c in name.children if c.dep_ == "appos" and c.i > last):
        for verb in (c for c in appos.children if c.dep_ == "relcl" and c.lower_ in verbs):
            if any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
                return verb
    return None


def led_by(doc, last: int, ctx: Context) -> tuple[str, Title] | None:
    """ "Gran Grif, which is led by X", "the Kivu Alliance headed by Y": Leader, Head of the body
    that the verb tells of."""
    verbs = words("offices")["heading_verbs"]
    name = doc[last]
    while name.dep_ in ("compound", "flat") and name.head != name:
        name = name.head
    if name.dep_ != "pobj" or name.head.lower_ != "by" or name.head.head.lower_ not in verbs:
        return None
    verb = name.head.head
    body = ctx.mention_at(verb.head) if verb.dep_ in ("relcl", "acl") else None
    if body is None or body.type not in ("Organization", "Group"):
        return None
    return verbs[verb.lower_], Title([verb], as_actor(body, ctx))


def appointed_as(doc, first: int, last: int, ctx: Context) -> tuple[Title, Token] | None:
    """The office a person is given or holds, and the verb that tells it: "naming economist X as
    Treasury cabinet secretary", "named X, until now Y, as prime minister", "X was appointed as
    envoy", "X, who was sworn in as president", "X becomes foreign minister", "X is the chief
    executive of Y", "X, who is Kenya's foreign minister" (not "became" or "was": an office taken
    in the past may be gone; and the phrase must end in a title: not "the son of President Z")."""
    lex = words("offices")
    name = doc[last]
    while name.dep_ in ("compound", "flat") and name.head != name:
        name = name.head
    verb = phrase = None
    if last + 1 < len(doc) and doc[last + 1].lower_ == "as":
        phrase = next((c for c in doc[last + 1].children if c.dep_ == "pobj"), None)
        before = doc[max(first - 3, doc[first].sent.start):first]
        verb = next((t for t in before if t.lemma_.lower() in lex["appointing_verbs"]), None)
        if verb is None and name.dep_ in ("dobj", "nsubjpass") and name.head.lemma_.lower() in lex["appointing_verbs"]:
            verb = name.head
    elif name.dep_ in ("dobj", "oprd") and name.head.lemma_.lower() in lex["appointing_verbs"]:
        verb = name.head  # "named X, until now finance minister, as prime minister"
        as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > name.i), None)
        phrase = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
    elif (own := ((name.dep_ == "nsubjpass" and name.head.lemma_.lower() in lex["appointing_verbs"])
                  or (name.dep_ == "nsubj" and _becoming(name.head, lex)))) or _appointed_who(name, lex) is not None:
        verb = name.head if own else _appointed_who(name, lex)  # "X, who was sworn in as president last year"
        phrase = next((c for c in verb.children if c.dep_ in ("attr", "oprd", "xcomp")), None)
        as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if phrase is None and as_ is not None:
            phrase = next((c for c in as_.children if c.dep_ == "pobj"), None)
    if verb is None or phrase is None or not _title_head(phrase, lex):
        return None  # "is the son of President X"
    window = _noun_phrase(phrase)
    title = read_title(window, ctx) if window else None
    return (title, verb) if title is not None else None


def _appointed_who(name: Token, lex) -> Token | None:
    """The verb of "who was appointed (sworn in, elected) as ..." or "who is Kenya's foreign
    minister" told of `name` (with what it makes them: not "who is in Addis Ababa")."""
    for verb in (c for c in name.children if c.dep_ == "relcl"):
        lemma = verb.lemma_.lower()
        told = any(c.dep_ in ("attr", "oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children)
        if told and ((lemma in lex["appointing_verbs"] and any(s.dep_ == "nsubjpass" and s.lower_ == "who" for s in verb.children))
                     or (_becoming(verb, lex) and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in verb.children))):
            return verb
    return None


def _title_head(tok: Token, lex) -> bool:
    """Whether a noun ends some title: "minister", "executive", "president" (not "son", "wife")."""
    return tok.lower_ in _title_heads()


@cache
def _title_heads() -> frozenset[str]:
    return frozenset(title.split()[-1] for title in words("offices")["titles"])


def _becoming(verb: Token, lex) -> bool:
    """ "becomes", "will serve", "is" (not "became", "had been": an office held in the past)."""
    lemma = verb.lemma_.lower()
    return lemma in lex["becoming_verbs"] and (verb.tag_ in ("VBZ", "VBP") if lemma == "be" else verb.tag_ != "VBD")


def appointer_country(verb: Token, found: list[OfficeHolding], ctx: Context) -> Mention | None:
    """The country (or body) that gives an office: the subject's, when the subject is one
    ("Nordlys Air named X as chief executive"); else the country or body of the subject's own
    office in the sentence (Kenya for "Kenya's president, William Ruto, named X as Treasury
    secretary")."""
    tok = verb
    while not any(c.dep_ == "nsubj" for c in tok.children) and tok.head != tok and tok.dep_ != "acl":
        tok = tok.head
    # the parser may take "Nordlys Air named X ..." for a name with a clause
    subject = tok.head if tok.dep_ == "acl" else next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    body = ctx.mention_at(subject)
    if body is not None and body.type in ("Organization", "Country"):
        return body  # "Nordlys Air named X as chief executive"
    start = ctx.offset + subject.idx
    for office in found:
        spans = (office.person.span, office.title_span)
        if office.organization is not None and office.organization.type in ("Country", "Organization") and any(
                s.start <= start < s.end for s in spans):
            return office.organization
    return None


def predecessor_office(name: Token, offices: list[OfficeHolding], ctx: Context) -> OfficeHolding | None:
    """The office of the person someone is appointed to replace, told before in the segment:
    "dropped Energy Secretary X ... and named Y to replace her", "appointed Y to succeed X",
    "Defence minister X was dismissed and replaced by Y"."""
    lex = words("offices")
    while name.dep_ in ("compound", "flat") and name.head != name:
        name = name.head
    verb = name.head
    if name.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.lemma_.lower() in lex["succeeding_verbs"]:
        replacing = verb.head  # "X was replaced by Y"
        replaced = next((c for c in replacing.children if c.dep_ == "nsubjpass"), None) or next(iter(inherited_subjects(replacing)), None)
    elif name.dep_ not in ("dobj", "oprd") or verb.lemma_.lower() not in lex["appointing_verbs"]:
        return None
    else:
        succeeding = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in lex["succeeding_verbs"]), None)
        replaced = next((c for c in succeeding.children if c.dep_ == "dobj"), None) if succeeding is not None else None
    if replaced is None:
        return None
    end = ctx.offset + replaced.idx + len(replaced.text)  # (the name's head ends it: "X was replaced by Y")
    before = sorted((o for o in offices if o.person.span.end <= end), key=lambda o: o.person.span.start)
    if replaced.pos_ == "PRON":  # "her": the person with an office named last before
        return before[-1] if before else None
    named = ctx.mention_at(replaced)
    return next((o for o in reversed(before) if named is not None and o.person.name == named.name), None)


def of_after(doc, last: int, ctx: Context) -> Mention | None:
    """ "Foreign Minister Ararat Mirzoyan of Armenia": the country after the name."""
    if last + 2 < len(doc) and doc[last + 1].lower_ == "of":
        mention = ctx.mention_at(doc[last + 2]) or (ctx.mention_at(doc[last + 3]) if last + 3 < len(doc) and doc[last + 2].lower_ == "the" else None)
        if mention is not None and mention.type in ORG_TYPES:
            return as_actor(mention, ctx)
    return None


def at_after(window: list[Token], ctx: Context) -> Mention | None:
    """ "X, chief economist at Meridian Capital": the organisation after "at" that ends the apposition."""
    doc = ctx.doc
    at = window[-1].i + 1 if window else len(doc)
    if at + 1 >= len(doc) or doc[at].lower_ != "at" or doc[at].head not in window:
        return None
    mention = ctx.mention_at(doc[at + 1]) or (ctx.mention_at(doc[at + 2]) if at + 2 < len(doc) and doc[at + 1].lower_ == "the" else None)
    return as_actor(mention, ctx) if mention is not None and mention.type == "Organization" else None


def in_after(window: list[Token], ctx: Context) -> Mention | None:
    """ "X, the police chief in Bannu": the place after "in" that ends the apposition of a local title."""
    doc = ctx.doc
    at = window[-1].i + 1 if window else len(doc)
    text = " ".join(t.lower_ for t in window)
    if (at + 1 >= len(doc) or doc[at].lower_ != "in" or doc[at].head not in window
            or not any(text == title or text.endswith(" " + title) for title in words("offices")["local_titles"])):
        return None
    mention = ctx.mention_at(doc[at + 1])
    return mention if mention is not None and mention.type == "Place" else None


def delegation_body(tok: Token, ctx: Context) -> Mention | None:
    """ "an Afghan delegation led by Deputy Interior Minister X", "a Pakistani team headed by
    the country's national security adviser, Y": the country of the delegation its leader leads
    (or the body: "Lufthansa's team was led by chief human resources officer Z"); "Turkmenistan
    was represented by W": that country."""
    lex = words("offices")
    while tok.dep_ in ("compound", "flat") and tok.head != tok:
        tok = tok.head
    if tok.dep_ == "appos":  # "headed by the country's adviser, Y"
        tok = tok.head
    while tok.dep_ == "conj":
        tok = tok.head
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "by" else None
    if verb is None or verb.lower_ not in lex["leading_verbs"] | lex["representing_verbs"]:
        return None
    group = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # "The Afghan delegation was led by ..."
    if group is None and verb.dep_ in ("acl", "relcl", "conj"):
        group = verb.head
    state = ctx.mention_at(group) if group is not None and verb.lower_ in lex["representing_verbs"] else None
    if state is not None and state.type == "Country":
        return state  # "Turkmenistan was represented by Deputy Prime Minister X"
    if group is None or group.lemma_.lower() not in lex["delegation_nouns"]:
        return None
    for child in group.children:
        mention = ctx.mention_at(child)
        if child.dep_ in ("amod", "compound", "poss", "nmod") and mention is not None:
            country = country_of(mention, ctx.lexicon)
            if country is not None or mention.type == "Organization":
                return country or mention
    return None


def plural_title(doc, first: int, last: int, ctx: Context) -> Title | None:
    """ "Presidents X of Ghana, Y of Senegal and Z of Gambia": a title in the plural before a list
    of names, each with the body it is of after it; the title (its first token, read in the
    singular) of the country after this name."""
    organization = of_after(doc, last, ctx)
    if organization is None:
        return None
    i = first - 1
    while i >= 0:
        if doc[i].tag_ in ("NNS", "NNPS") and doc[i].lemma_.lower() in words("offices")["titles"]:
            return Title([doc[i]], organization)
        if doc[i].text not in (",", "and"):
            return None
        j = i - 1  # back over the name before and its "of BODY": "X of Ghana,"
        while j >= 0 and ctx.mention_at(doc[j]) is not None and ctx.mention_at(doc[j]).type in ORG_TYPES:
            j -= 1
        if j < 1 or doc[j].lower_ != "of":
            return None
        j -= 1
        person = ctx.mention_at(doc[j])
        if person is None and doc[j].pos_ == "PROPN":  # a name the tagger missed: "Alassane Ouattara of ..."
            while j >= 0 and doc[j].pos_ == "PROPN" and ctx.mention_at(doc[j]) is None:
                j -= 1
        elif person is None or person.type != "Person":
            return None
        while j >= 0 and person is not None and ctx.mention_at(doc[j]) is person:
            j -= 1
        i = j
    return None
