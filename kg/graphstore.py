"""The persistent store behind a build folder: Oxigraph on disk, through pyoxigraph.

Each article's triples live in a named graph (the article's IRI), so an article can be
replaced on its own; the triples that describe entities and offices, shared by all
articles, live in the default graph. Queries see the union of all graphs. Each batch of
articles is written in one transaction, with Ctrl-C held back until it is committed, so an
interrupted build leaves the store as it was before the batch.
"""
from __future__ import annotations

import io
import shutil
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from .errors import StoreError
from .formats import RDF_FORMATS
from .rdf import LABEL, SharedTriples, new_graph
from .vocab import KGO, PREFIXES

STORE_DIR = "store"

# kgr: is left out: its local names hold "/", which Turtle would have to escape
_PREFIXES = {**{name: str(ns) for name, ns in PREFIXES.items() if name != "kgr"},
             "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
             "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
             "owl": "http://www.w3.org/2002/07/owl#",
             "xsd": "http://www.w3.org/2001/XMLSchema#"}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_FINGERPRINT = ox.NamedNode(str(KGO.fingerprint))
_LABEL = ox.NamedNode(LABEL[1:-1])
# shared triples no article supports any more: an office no holding names, and an entity
# or office that nothing in any article refers to
_STALE_HOLDINGS = """
DELETE { ?person <%(holds)s> ?office }
WHERE {
  ?person <%(holds)s> ?office .
  FILTER NOT EXISTS { GRAPH ?article { ?h <%(office)s> ?office ; <%(person)s> ?person } }
}
""" % {"holds": KGO.holdsOffice, "office": KGO.office, "person": KGO.person}
_ORPHANS = """
DELETE { ?node ?p ?o }
WHERE { ?node ?p ?o . FILTER NOT EXISTS { GRAPH ?article { ?x ?q ?node } } }
"""


class GraphStore:
    """A graph store: on disk (a build folder's `store/`) or in memory (a loaded RDF file)."""

    def __init__(self, store: ox.Store, path: Path | None = None, read_only: bool = False):
        self.store = store
        self.path = path
        self.read_only = read_only
        self.snapshot: Path | None = None  # a Turtle file known to hold the same triples, faster to read

    # ------------------------------------------------------------ opening
    @classmethod
    def create(cls, path: str | Path) -> GraphStore:
        """A new, empty store in the folder `path`."""
        return cls(_open(Path(path), read_only=False), Path(path))

    @classmethod
    def open(cls, path: str | Path, read_only: bool = True) -> GraphStore:
        """The store in the folder `path` (raises StoreError when there is none)."""
        path = Path(path)
        if not (path / "CURRENT").is_file():
            raise StoreError(f"{path}: no kg store here")
        return cls(_open(path, read_only), path, read_only)

    @classmethod
    def from_file(cls, path: str | Path, fmt: ox.RdfFormat) -> GraphStore:
        """An in-memory store holding the RDF file `path`."""
        store = ox.Store()
        try:
            store.bulk_load(path=str(path), format=fmt)
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"{path}: cannot be read as {fmt.name}: {err}") from None
        return cls(store)

    # ------------------------------------------------------------ articles
    def fingerprint(self, graph: str) -> str | None:
        """The fingerprint stored for the article whose graph (IRI) is `graph`, if any."""
        name = ox.NamedNode(graph)
        for quad in self.store.quads_for_pattern(name, _FINGERPRINT, None, name):
            return quad.object.value
        return None

    def article_graphs(self) -> Iterator[str]:
        """The IRIs of the named graphs: one per article."""
        return (graph.value for graph in self.store.named_graphs() if isinstance(graph, ox.NamedNode))

    def graph_ntriples(self, graph: str) -> bytes:
        """The triples of the named graph `graph`, as N-Triples."""
        return self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))

    def default_triples(self) -> list[tuple[str, str, str]]:
        """The default graph's triples (those shared by the articles), as N-Triples terms."""
        return [(str(q.subject), str(q.predicate), str(q.object))
                for q in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())]

    def add(self, nquads: bytes, replace: Iterable[str] = (), atomic: bool = True) -> None:
        """Write a batch of quads; the graphs named in `replace` lose their old triples first.

        `atomic` writes in one transaction, and Ctrl-C waits until it is committed; without
        it the quads go in by the faster bulk loader (for a store still being made).
        """
        if not atomic:
            self.store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
            return
        with uninterrupted():
            for graph in replace:
                self.store.remove_graph(ox.NamedNode(graph))
            self.store.load(nquads, format=ox.RdfFormat.N_QUADS)

    def collect_garbage(self) -> None:
        """Drop shared triples that no article supports any more (after replacing articles)."""
        with uninterrupted():
            self.store.update(_STALE_HOLDINGS)
            self.store.update(_ORPHANS)

    def shared_triples(self) -> SharedTriples:
        """A filter for the shared triples of new articles: labels already here keep their place."""
        labelled = (q.subject for q in self.store.quads_for_pattern(None, _LABEL, None, ox.DefaultGraph()))
        return SharedTriples(f"<{s.value}>" for s in labelled)

    def count_entities(self, classes: Iterable) -> int:
        """How many nodes have one of `classes` as type."""
        a = ox.NamedNode(RDF_TYPE)
        return len({q.subject for c in classes for q in self.store.quads_for_pattern(None, a, ox.NamedNode(str(c)), None)})

    def close(self) -> None:
        """Write everything to disk and let go of the store (it is closed when dropped)."""
        if self.store is not None and self.path is not None and not self.read_only:
            self.store.flush()
        self.store = None

    def __len__(self) -> int:
        return len(self.store)

    # ------------------------------------------------------------ reading
    def triples(self) -> Iterator[ox.Triple]:
        """Every triple once: the graphs merged (an article's triples are its own)."""
        if self.snapshot is not None:
            return ox.parse(path=str(self.snapshot), format=ox.RdfFormat.TURTLE)
        return (quad.triple for quad in self.store)

    def write(self, output: BinaryIO, fmt: str) -> int:
        """Write the graph to `output` in export format `fmt`; return the number of triples."""
        count = len(self.store)
        if fmt == "ttl" and self.snapshot is not None:  # the Turtle written with the store, as it is
            with open(self.snapshot, "rb") as source:
                shutil.copyfileobj(source, output, 1 << 20)
        elif fmt in ("nq", "trig"):  # the article graphs kept apart
            self.store.dump(output, format=RDF_FORMATS[fmt].oxigraph, prefixes=_PREFIXES if fmt == "trig" else None)
        else:
            ox.serialize(self.triples(), _CarriageReturns(output) if fmt == "xml" else output, format=RDF_FORMATS[fmt].oxigraph,
                         prefixes=None if fmt == "nt" else _PREFIXES)
        return count

    def query(self, sparql: str):
        """Run SPARQL over the union of all graphs; returns pyoxigraph's result."""
        return self.store.query(sparql, use_default_graph_as_union=True)


class _CarriageReturns:
    """RDF/XML written with each carriage return as `&#13;`: XML readers take a bare one for a
    line end, so a literal holding one would not read back as written."""

    def __init__(self, output: BinaryIO):
        self.output = output

    def write(self, data) -> int:
        self.output.write(bytes(data).replace(b"\r", b"&#13;"))
        return len(data)

    def flush(self) -> None:
        self.output.flush()


class TurtleWriter:
    """Turtle written batch by batch: each batch's N-Triples become Turtle with the kg
    prefixes (declared once, at the top), its triples grouped by subject."""

    def __init__(self, handle: BinaryIO):
        self.handle = handle
        self.started = False

    def write(self, ntriples: bytes) -> None:
        batch = ox.Store()
        batch.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
        buffer = io.BytesIO()
        batch.dump(buffer, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=_PREFIXES)
        data = buffer.getvalue()
        start = 0
        while self.started and data.startswith(b"@prefix ", start):  # declared already
            start = data.index(b"\n", start) + 1
        self.started = True
        self.handle.write(memoryview(data)[start:])


def _open(path: Path, read_only: bool) -> ox.Store:
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as err:
        if "lock" in str(err).lower():
            raise StoreError(f"{path}: the store is in use by another kg build") from None
        raise StoreError(f"{path}: cannot open the store: {err}") from None


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold back Ctrl-C (SIGINT) until the block is done, then raise it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            raise KeyboardInterrupt


def graph_of(store: GraphStore) -> Graph:
    """The store's triples as an rdflib Graph (for the Python API and the HTML view)."""
    graph = new_graph()
    iris: dict[str, URIRef] = {}  # IRIs repeat: make each once

    def term(value):
        if isinstance(value, ox.NamedNode):
            node = iris.get(value.value)
            if node is None:
                node = iris[value.value] = URIRef(value.value)
            return node
        if isinstance(value, ox.Literal):
            if value.language:
                return Literal(value.value, lang=value.language)
            datatype = value.datatype.value
            return Literal(value.value) if datatype == _XSD_STRING else Literal(value.value, datatype=term(value.datatype))
        return BNode(value.value)

    add = graph.add
    for triple in store.triples():
        add((term(triple.subject), term(triple.predicate), term(triple.object)))
    return graph
