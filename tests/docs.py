"""Hand-built spaCy Docs for rule tests: no model needed at test time.

Each sentence's tokens, tags, lemmas, heads, dependencies and entities are kept in
`fixtures/parses.json` (written once by `freeze_parses.py` from a real parse and then kept
as data), so the rules are tested on fixed input that does not drift with the model.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import spacy
from spacy.tokens import Doc

PARSES = Path(__file__).parent / "fixtures" / "parses.json"
VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, stop words), no model


@cache
def _parses() -> dict:
    return json.loads(PARSES.read_text(encoding="utf-8"))


def make_doc(words, spaces, tags, pos, lemmas, heads, deps, ents) -> Doc:
    """A Doc from token attributes; `heads` are absolute token indices, `ents` IOB strings."""
    return Doc(VOCAB, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas,
               heads=heads, deps=deps, ents=ents)


def doc(text: str, retag: dict[str, str] | None = None) -> Doc:
    """The hand-built Doc for `text` (one of the frozen sentences); `retag` gives words of it
    another entity label ("O" for none), as a recogniser's error would: {"Kenpower": "O"}."""
    try:
        spec = dict(_parses()[text])
    except KeyError:
        raise KeyError(f"no frozen parse for {text!r}: add it to SENTENCES and run tests/freeze_parses.py") from None
    for phrase, label in (retag or {}).items():
        words, ents = phrase.split(), list(spec["ents"])
        start = next(i for i in range(len(spec["words"])) if spec["words"][i:i + len(words)] == words)
        for k in range(len(words)):
            ents[start + k] = "O" if label == "O" else f"{'B' if k == 0 else 'I'}-{label}"
        spec["ents"] = ents
    return make_doc(**spec)


def extraction_of(texts: list[str], doc_id: str = "t", anchor=None, title: str | None = None):
    """An `Extraction` of an article whose paragraphs are the frozen sentences `texts`."""
    from kg.rules import extract_article
    from kg.model import Article, Segment

    article = Article(doc_id, "\n\n".join(texts), title=title, date=anchor)
    parsed, start = [], 0
    for text in texts:
        parsed.append((Segment(text, start), doc(text)))
        start += len(text) + 2
    return extract_article(article, parsed)


def offices(text: str) -> list[tuple[str, str, str | None]]:
    """(person, title, organisation) of the offices in one frozen sentence."""
    from kg.lexicon import load
    from kg.model import Article, Extraction
    from kg.rules import extract_doc
    from kg.rules.context import Context

    result = Extraction(Article("t", text))
    extract_doc(Context(doc(text), 0, load(), None), result)
    return holdings(result)


def holdings(extraction) -> list[tuple[str, str, str | None]]:
    """(person, title, organisation) of the offices of an `Extraction`."""
    return [(o.person.name, o.title, o.organization.label or o.organization.name if o.organization else None)
            for o in extraction.offices]
