"""kg: a knowledge graph of who attacked what, who met whom and who holds which office,
built from news articles, with the sentence and offsets behind every fact.

>>> import kg                                                     # doctest: +SKIP
>>> graph = kg.build(["examples/russia-ukraine-strikes.txt"])     # an rdflib.Graph
>>> rows = kg.query(graph, "attacks").rows                        # list of dicts
>>> kg.export(graph, "graph.nt")                                  # format from the suffix
>>> kg.visualize(graph, "graph.html")
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .model import Article, Extraction
from .pipeline import build, build_to, extract
from .query import Result, run as query
from .store import export, load_graph as load

__all__ = ["Article", "Extraction", "Result", "build", "build_to", "export", "extract", "load", "query", "visualize"]
__version__ = "0.1.0"


def visualize(graph: Graph, path: str | Path, title: str = "kg") -> Path:
    """Write the self-contained interactive HTML view of `graph` to `path`."""
    from .viz import write_html

    return write_html(graph, path, title=title)
