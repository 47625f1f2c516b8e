"""The build: articles in, knowledge graph out.

`extract` streams one `Extraction` per article; `build` gathers them into an rdflib Graph;
`build_to` also writes `OUT/graph.ttl` and `OUT/graph.html` and returns a summary.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from .articles import read_articles
from .errors import InputError
from .model import Article, Extraction
from .rdf import article_triples, new_graph
from .store import GRAPH_FILE, HTML_FILE, write_rdf
from .vocab import ENTITY_CLASSES

Inputs = Iterable[str | Path | Article]


def _articles(inputs: Inputs, default_date: date | None) -> Iterator[Article]:
    paths: list[str | Path] = []
    for item in [inputs] if isinstance(inputs, (str, Path, Article)) else inputs:
        if isinstance(item, Article):
            yield from read_articles(paths, default_date)
            paths = []
            yield item
        else:
            paths.append(item)
    yield from read_articles(paths, default_date)


def extract(inputs: Inputs, *, model: str | None = None, date: date | None = None, nlp=None) -> Iterator[Extraction]:
    """Parse and extract each article in `inputs` (paths, folders, "-" or `Article` values)."""
    from .rules import extract_article
    from .nlp import load_model, parse

    nlp = nlp or load_model(model)
    for article, parsed in parse(nlp, _articles(inputs, date)):
        yield extract_article(article, parsed)


@dataclass
class Summary:
    articles: int = 0
    triples: int = 0
    events: Counter = field(default_factory=Counter)  # (type, status) -> count
    offices: int = 0
    entities: int = 0
    outputs: list[Path] = field(default_factory=list)


def build(inputs: Inputs, *, model: str | None = None, date: date | None = None, nlp=None,
          on_article: Callable[[Extraction], None] | None = None) -> Graph:
    """The knowledge graph of the articles in `inputs`.

    >>> graph = build(["examples/russia-ukraine-strikes.txt"])  # doctest: +SKIP
    """
    graph = new_graph()
    for extraction in extract(inputs, model=model, date=date, nlp=nlp):
        for triple in article_triples(extraction):
            subject, predicate, _ = triple
            if predicate == RDFS.label and (subject, RDFS.label, None) in graph:
                continue  # one label a node: an entity keeps the name it was first seen with
            graph.add(triple)
        if on_article:
            on_article(extraction)
    return graph


def build_to(out: str | Path, inputs: Inputs, *, model: str | None = None, date: date | None = None,
             html: bool = True, on_article: Callable[[Extraction], None] | None = None) -> Summary:
    """Build the graph and write `out/graph.ttl` (and `out/graph.html`); return a summary.

    The output folder is checked before any parsing, so a path that cannot be written fails
    at once rather than after the whole corpus.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if not os.access(out, os.W_OK):
        raise PermissionError(13, "output folder is not writable", str(out))
    summary = Summary()

    def count(extraction: Extraction) -> None:
        summary.articles += 1
        for event in extraction.events:
            summary.events[(event.type, event.status)] += 1
        summary.offices += len(extraction.offices)
        if on_article:
            on_article(extraction)

    graph = build(inputs, model=model, date=date, on_article=count)
    if summary.articles == 0:
        raise InputError("no articles found in the input (looked for .txt, .md and .jsonl files)")
    summary.triples = len(graph)
    summary.entities = len({s for c in ENTITY_CLASSES.values() for s in graph.subjects(RDF.type, c)})
    summary.outputs.append(write_rdf(graph, out / GRAPH_FILE))
    if html:
        from .viz import write_html

        summary.outputs.append(write_html(graph, out / HTML_FILE, title=out.name or "kg"))
    return summary

