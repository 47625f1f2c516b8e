"""kg: a knowledge graph of who attacked what, who met whom and who holds which office,
built from news articles, with the sentence and offsets behind every fact.

>>> import kg                                                     # doctest: +SKIP
>>> graph = kg.build(["examples/russia-ukraine-strikes.txt"])     # an rdflib.Graph
>>> rows = kg.query(graph, "attacks").rows                        # list of dicts
>>> kg.export(graph, "graph.nt")                                  # format from the suffix
>>> kg.visualize(graph, "graph.html")
>>> kg.show(graph, focus="Ukraine")                               # in Jupyter: the page inline
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .model import Article, Extraction
from .pipeline import build, build_to, extract
from .query import Result, run as query
from .store import export, load_graph as load

__all__ = ["Article", "Extraction", "Result", "build", "build_to", "export", "extract", "load", "query", "show",
           "visualize"]
__version__ = "0.1.0"


def visualize(graph: Graph, path: str | Path, title: str = "kg", **options) -> Path:
    """Write the self-contained interactive HTML view of `graph` to `path`.

    `options`: `focus` (a node label) and `hops` (2) to draw a neighbourhood, `query` (a query
    name, .rq file, SPARQL text or `Result`) to draw what its rows name, `max_nodes` (1500).
    """
    from .viz import write_html

    return write_html(graph, path, title=title, **options)


def show(graph, title: str = "kg", **options):
    """The interactive view of `graph` (an rdflib Graph, a build folder or an RDF file) inline in
    a Jupyter notebook: an `IPython.display.HTML` (the page in a sandboxed iframe). Takes the
    options of `visualize`, and `height` in pixels (650).

    >>> kg.show("out", focus="Ukraine")                               # doctest: +SKIP
    """
    from .viz import show as show_page

    return show_page(graph, title=title, **options)
