"""Office holdings: a person named with a title, and the country or organisation it is of.

Patterns: a title before the name ("French Foreign Minister Jean-Noel Barrot", "Germany's
chancellor, Olaf Scholz", "Microsoft chief executive Satya Nadella", "head of the
presidential office Andriy Yermak") and an apposition after it ("Jean-Noel Barrot, the French
foreign minister"), with the country or organisation from either side of the name. The
people come from `office_names`, the title and its organisation in the words beside a name
from `office_titles`, offices told by a clause ("X, who heads ...", "named X as ...") from
`office_clauses`, and the country of a national office told without one from
`office_countries`.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as TokenSpan, Token

from ..lexicon import words
from ..model import Mention, OfficeHolding
from .context import Context
from .office_clauses import (appointed_as, appointer_country, at_after, counterpart_office, delegation_body,
                             described_as, in_after, led_by, of_after, plural_title, predecessor_office,
                             removed_from_office, who_heads, whose_title)
from .office_countries import INFERRED, STATED, UNSTATED, body_here, countries_here
from .office_names import is_rank, named_people, ranked_names, untagged_names
from .office_titles import JOINERS, MAX_WINDOW, Title, bare_window, contains, named_club, read_title, retype

TITLE_POS = {"PROPN", "NOUN", "ADJ"}
LOWER_WORDS = {"of", "the", "for", "and"}


def find_offices(ctx: Context) -> list[OfficeHolding]:
    """Office holdings for the Person mentions of the segment."""
    found: list[OfficeHolding] = []
    removed: list[OfficeHolding] = []  # offices their holders lose: "dropped Energy Secretary X"
    doc = ctx.doc
    for sent in doc.sents:
        untagged_names(sent, ctx)
        ranked_names(sent, ctx)
        people = named_people(sent, ctx)
        for first, last, person in people:
            for rule, window in (("office-title-before/1", _left_window(doc, first, ctx)),
                                 ("office-apposition/1", _right_window(doc, last, ctx))):
                title = read_title(window, ctx)
                if title is None:
                    counterpart = counterpart_office(window, found, sent, ctx)
                    if counterpart is None:
                        continue
                    office, title = counterpart  # "X and her Rwandan counterpart, Y"
                    found.append(replace(_holding(ctx, sent, person, title, "office-counterpart/1"), title=office))
                    break
                if title.organization is None and rule == "office-apposition/1":  # "X, chief economist at Y Capital",
                    title = Title(title.tokens, at_after(window, ctx) or in_after(window, ctx))  # "the police chief in Bannu"
                if title.organization is None:
                    title = Title(title.tokens, of_after(doc, last, ctx) or delegation_body(doc[last], ctx))
                body = body_here(title.tokens, person, ctx) if title.organization is None else None
                if body is not None:  # "Mayor X said", "Chief executive Y told analysts"
                    title = Title(title.tokens, body)
                if title.organization is None and _occupation(title):
                    continue  # "economist X": a trade, an office only at a body ("chief economist at Y")
                if removed_from_office(doc[last]):
                    removed.append(_holding(ctx, sent, person, title, rule))
                    break  # "Ruto dropped Energy Secretary X": the office is X's no more
                given = _given_office(doc, first, last, person, found, removed, sent, ctx) if rule == "office-title-before/1" else None
                if given is not None and given.rule == "office-successor/1":
                    found.append(given)  # "named finance chief X to replace him": the title is the one X leaves
                    break
                if given is not None:  # "Foreign Minister X was named head of the delegation": both
                    found.append(given)
                if person.type != "Person":  # a name with a title is a person, whatever the tagger said
                    person = retype(ctx, person, first, last)
                holding = _holding(ctx, sent, person, title, rule)
                found.append(holding if body is None else replace(holding, confidence=round(holding.confidence - INFERRED, 2)))
                if rule == "office-title-before/1":
                    found += [_holding(ctx, sent, person, other, rule) for other in _title_before_title(window, last, ctx)]
                else:
                    found += [_holding(ctx, sent, person, other, rule) for other in _conjoined_titles(title, ctx)]
                break
            else:
                plural = plural_title(doc, first, last, ctx)
                if plural is not None:  # "Presidents X of Ghana, Y of Senegal and Z of Gambia"
                    office = normalise_title(plural.tokens[0].lemma_)
                    span = ctx.token_span(plural.tokens[0], doc[last])  # one holding each: the title to the name
                    found.append(replace(_holding(ctx, sent, person, plural, "office-plural-title/1"), title=office,
                                         title_span=span))
                    continue
                described = described_as(doc, last, ctx)
                if described is not None:  # "X, whom it described as a Hezbollah commander"
                    if described.organization is None:
                        described = Title(described.tokens, of_after(doc, described.tokens[-1].i, ctx))
                    found.append(_holding(ctx, sent, person, described, "office-described-as/1"))
                    continue
                whose = whose_title(doc, first, ctx)
                if whose is not None:  # "the RSF, whose commander is X"
                    found.append(_holding(ctx, sent, person, whose, "office-whose-title/1"))
                    continue
                given = _given_office(doc, first, last, person, found, removed, sent, ctx)
                if given is not None:  # "named X to replace her", "naming X as Treasury secretary"
                    found.append(given)
                    continue
                for rule, heading in (("office-who-heads/1", who_heads(doc, last, ctx)),
                                      ("office-led-by/1", led_by(doc, last, ctx))):
                    if heading is not None:
                        if person.type != "Person":
                            person = retype(ctx, person, first, last)
                        office, title = heading
                        found.append(replace(_holding(ctx, sent, person, title, rule), title=office))
                        break
    return countries_here(found, ctx)


def _given_office(doc, first: int, last: int, person: Mention, found: list[OfficeHolding], removed: list[OfficeHolding],
                  sent: TokenSpan, ctx: Context) -> OfficeHolding | None:
    """The office a sentence gives a person: the office of whom they are named to replace
    ("named X to replace her"), or the one they are named to ("naming X as Treasury secretary",
    "X becomes foreign minister"), of the body that names them or the one the title is of."""
    predecessor = predecessor_office(doc[last], found + removed, ctx)
    if predecessor is not None:
        return replace(predecessor, person=person, sentence=ctx.sentence_span(sent), rule="office-successor/1")
    appointed = appointed_as(doc, first, last, ctx)
    if appointed is None:
        return None
    title, verb = appointed
    body = None
    if title.organization is None:
        appointer = appointer_country(verb, found, ctx)
        body = body_here(title.tokens, person, ctx) if appointer is None else None
        title = Title(title.tokens, appointer or body)
    holding = _holding(ctx, sent, person, title, "office-appointed-as/1")
    return holding if body is None else replace(holding, confidence=round(holding.confidence - INFERRED, 2))


def _occupation(title: Title) -> bool:
    """Whether a title names a trade rather than an office: "economist", "senior strategist"."""
    lex = words("offices")
    kinds = [t.lower_ for t in title.tokens if t.lower_ not in lex["modifiers"]]
    return bool(kinds) and all(k in lex["occupations"] for k in kinds)


def _title_before_title(window: list[Token], last: int, ctx: Context) -> list[Title]:
    """A second title the name is in apposition to, before the first one and a comma: "Kosovo's
    chief negotiator, Deputy Prime Minister X"."""
    doc = ctx.doc
    start = window[0].i
    if start < 2 or doc[start - 1].text != ",":
        return []
    before = _left_window(doc, start, ctx)
    name = doc[last]
    while name.dep_ in ("compound", "flat") and name.head != name:
        name = name.head
    if not before or name.dep_ != "appos" or name.head not in before:
        return []
    title = read_title(before, ctx)
    return [] if title is None else [title]


def _conjoined_titles(title: Title, ctx: Context) -> list[Title]:
    """The titles joined to an apposition's by "and", of its organisation unless they name their
    own: "X, the U.S. ambassador to Turkey and special envoy for Syria"."""
    found = []
    for conj in (c for c in title.tokens[-1].children if c.dep_ == "conj" and c.i > title.tokens[-1].i):
        window = bare_window([t for t in conj.subtree if t.i <= conj.i])
        if not window:
            continue
        other = read_title(window, ctx)
        if other is not None:
            found.append(other if other.organization is not None else Title(other.tokens, title.organization))
    return found


def _left_window(doc, first: int, ctx: Context) -> list[Token]:
    """Title-like tokens right before a name, possibly across one comma."""
    window: list[Token] = []
    i = first - 1
    ranks = words("offices")["ranks"]
    while i >= 1 and doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_:
        i -= 2  # "Al-" of "Al-Fateh Qurashi": a part of the name glued to it
    titles = words("offices")["titles"]
    while i >= 0 and is_rank(doc, i, ranks) and not (i > 0 and f"{doc[i - 1].lower_} {doc[i].lower_}" in titles):
        i -= 1  # "Mali's defence minister, General Sadio Camara", "..., Maj. Gen. Faisal Tarar" (not "Crown Prince X")
    apposition = i >= 0 and doc[i].text == ","
    if apposition:
        i -= 1
    elif i >= 0 and doc[i].pos_ == "DET":
        return []  # "the senior British adviser for the Sahel": a title is not "the" away from its holder
    skipped = False
    while i >= 0 and len(window) < MAX_WINDOW:
        tok = doc[i]
        mention = ctx.mention_at(tok)
        if mention is not None and mention.type == "Person":
            if not named_club(tok, mention, ctx):
                break
            place = any(m.name == mention.name and m.type == "Place" for m in ctx.mentions)  # "Zaporizhzhia governor X"
            retype(ctx, mention, tok.i, tok.i, "Place" if place else "Organization")  # "Fenerbahce president Selim Ozkan"
        if tok.pos_ == "VERB" and not _opens_title(tok, window) and _verb_before_title(tok):
            break  # "naming economist X": the verb of the clause, however the parser hung it
        if (tok.pos_ in TITLE_POS or tok.lower_ in JOINERS or mention is not None or tok.tag_ == "POS"
                or tok.dep_ in ("amod", "compound") or _opens_title(tok, window)):
            window.insert(0, tok)  # (an amod such as "acting", or "head" in "head coach", may be tagged VERB)
            i -= 1
        elif apposition and not skipped and _qualifier(tok, window):
            window, skipped = [], True  # "minister of state at the foreign ministry, X": the title is before "at"
            i -= 1
        else:
            if tok.lower_ in ("its", "their"):
                window.insert(0, tok)  # "its chief executive": resolved to the organisation
            break
    of = max((k for k, t in enumerate(window) if t.lower_ == "of"), default=None)
    if of is not None and window[-1] in window[of].subtree and any(  # "the envoy of President X": X is the president
            contains(" ".join(t.lower_ for t in window[of + 1:]), head) for head in words("offices")["titles"]):
        window = window[of + 1:]  # (not "Central Bank of Kenya governor X", where "of Kenya" is the bank's)
    while window and window[0].lower_ in JOINERS:
        window.pop(0)
    start = window[0].i if window else first
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in words("offices")["past_modifiers"]:
        window.insert(0, doc[start - 2])  # "then-Prime Minister X": an office held no more
    return window


def _verb_before_title(tok: Token) -> bool:
    """Whether a word tagged as a verb is a verb and no modifier of the title after it: "naming"
    in "naming economist X" (not "acting" in "acting president X", nor "ruling" in "the ruling
    party's leader", which describes a body)."""
    lex = words("offices")
    return tok.lower_ not in lex["modifiers"] and any(contains(tok.head.lower_, head) for head in lex["titles"])


def _opens_title(tok: Token, window: list[Token]) -> bool:
    """Whether `tok`, however tagged, opens a title of several words with the words after it:
    "head" in "Afghanistan head coach X", parsed as "Afghanistan heads coach X"."""
    text = " ".join([tok.lower_] + [t.lower_ for t in window]) + " "
    return any(" " in title and title.startswith(tok.lower_ + " ") and text.startswith(title + " ")
               for title in words("offices")["titles"])


def _qualifier(tok: Token, window: list[Token]) -> bool:
    """Whether `tok` opens a phrase that qualifies a title before it and holds all of `window`:
    "at the foreign ministry" in "minister of state at the foreign ministry", "on Myanmar" in
    "special envoy on Myanmar"."""
    titles = words("offices")["titles"]
    return (tok.pos_ == "ADP" and tok.lower_ not in JOINERS and bool(window) and tok.head.i < tok.i
            and tok.head.lower_ in titles and all(t in tok.subtree for t in window))


def _right_window(doc, last: int, ctx: Context) -> list[Token]:
    """An apposition after a name: ", the U.S. secretary of state"."""
    i = last + 1
    if i >= len(doc) or doc[i].text != ",":
        return []
    window: list[Token] = []
    i += 1
    while i < len(doc) and len(window) < MAX_WINDOW:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-",):
            break
        if not window and tok.lower_ in ("a", "an"):  # "X, a spokesman for the group"
            i += 1
            continue
        if (tok.pos_ in TITLE_POS or tok.lower_ in JOINERS or tok.tag_ == "POS" or ctx.mention_at(tok) is not None
                or (tok.dep_ in ("amod", "compound") and tok.is_lower and tok.head.i > tok.i)  # "the ruling party", "managing partner", tagged as verbs
                or (window and window[-1].lower_ == "of" and tok.lower_ in ("its", "their"))):  # "deputy head of its council"
            window.append(tok)
            i += 1
        elif window and tok.pos_ == "ADP" and tok.head.i < tok.i and tok.head in window:
            break  # "head of the presidential administration in Baku": the place ends the apposition
        else:
            return []
    while window and window[0].lower_ in JOINERS:
        window.pop(0)
    return window


def _holding(ctx: Context, sent: TokenSpan, person: Mention, title: Title, rule: str) -> OfficeHolding:
    first, last = title.tokens[0].i, title.tokens[-1].i
    left_out = [i for i in range(first, last + 1) if i not in {t.i for t in title.tokens}]
    start = max(left_out) + 1 if left_out else first  # "adviser" in "senior U.S. adviser": the span holds no country
    span = ctx.token_span(ctx.doc[start], ctx.doc[last])
    return OfficeHolding(
        person=person,
        title=normalise_title(_title_text(title.tokens)),
        title_span=span,
        organization=title.organization,
        sentence=ctx.sentence_span(sent),
        rule=rule,
        confidence=STATED if title.organization else UNSTATED,
    )


def _title_text(tokens: list[Token]) -> str:
    """The words of a title as written, without what it leaves out: "senior adviser" for
    "senior U.S. adviser"."""
    kept = {t.i for t in tokens}
    text = ""
    for tok in tokens[0].doc[tokens[0].i:tokens[-1].i + 1]:
        if tok.i in kept:
            text += tok.text_with_ws
        elif text and not text.endswith(" "):
            text += " "
    return text.strip()


def normalise_title(text: str) -> str:
    """Title case for an office, keeping acronyms: "secretary of state" -> "Secretary of State".

    >>> normalise_title("chief executive")
    'Chief Executive'
    """
    parts = []
    abbreviations = words("offices")["title_abbreviations"]
    for word in text.split():
        word = abbreviations.get(word.lower(), word)  # "Gov." -> "Governor"
        if word.isupper() and len(word) > 1:
            parts.append(word)
        elif word.lower() in LOWER_WORDS:
            parts.append(word.lower())
        else:
            parts.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(parts)
