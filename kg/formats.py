"""The RDF file formats kg reads and writes: one table of names, suffixes and the parser or
serializer each library knows the format by."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


@dataclass(frozen=True)
class RdfFormat:
    name: str  # the export name (`kg export --format`)
    rdflib: str  # rdflib's parser and serializer name
    oxigraph: ox.RdfFormat
    suffixes: tuple[str, ...]
    media_type: str


_ALL = [
    RdfFormat("ttl", "turtle", ox.RdfFormat.TURTLE, (".ttl", ".turtle"), "text/turtle"),
    RdfFormat("nt", "nt", ox.RdfFormat.N_TRIPLES, (".nt", ".ntriples"), "application/n-triples"),
    RdfFormat("nq", "nquads", ox.RdfFormat.N_QUADS, (".nq", ".nquads"), "application/n-quads"),
    RdfFormat("trig", "trig", ox.RdfFormat.TRIG, (".trig",), "application/trig"),
    RdfFormat("jsonld", "json-ld", ox.RdfFormat.JSON_LD, (".jsonld", ".json"), "application/ld+json"),
    RdfFormat("xml", "xml", ox.RdfFormat.RDF_XML, (".rdf", ".xml", ".owl"), "application/rdf+xml"),
]
RDF_FORMATS = {f.name: f for f in _ALL}  # what kg exports
_READ_ONLY = [RdfFormat("n3", "n3", ox.RdfFormat.N3, (".n3",), "text/n3")]  # read, never written
_BY_SUFFIX = {suffix: f for f in [*_ALL, *_READ_ONLY] for suffix in f.suffixes}


def by_suffix(path: str | Path) -> RdfFormat | None:
    """The format a file name says it holds, if any.

    >>> by_suffix("graph.TTL").name
    'ttl'
    """
    return _BY_SUFFIX.get(Path(path).suffix.lower())


def readable_suffixes() -> str:
    return ", ".join(sorted(_BY_SUFFIX))
