"""Reading an exported file back with rdflib, as a plain graph and, for N-Quads and TriG, by
named graph."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.formats import RDF_FORMATS


def read_back(path: Path, fmt: str) -> tuple[Graph, dict[str, set]]:
    """Every triple of the file `path` in export format `fmt` in one graph, and the triples of
    each non-empty graph by name (empty for formats without named graphs)."""
    parser = RDF_FORMATS[fmt].rdflib
    if fmt not in ("nq", "trig"):
        return Graph().parse(path, format=parser), {}
    dataset = Dataset().parse(path, format=parser)
    merged = Graph()
    for s, p, o, _ in dataset.quads():
        merged.add((s, p, o))
    return merged, {str(g.identifier): set(g) for g in dataset.graphs() if len(g)}
