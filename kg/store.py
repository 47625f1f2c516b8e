"""Reading and writing graphs: a build folder (its store, else `OUT/graph.ttl`) or any RDF file.

Writes are atomic: a temporary file in the destination folder, renamed into place.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path

from rdflib import Dataset, Graph

from .errors import StoreError
from .formats import RDF_FORMATS, RdfFormat, by_suffix, readable_suffixes
from .graphstore import STORE_DIR, GraphStore, graph_of

_UMASK = os.umask(0o022)  # read once, at import: files are created as the user's umask says
os.umask(_UMASK)
GRAPH_FILE = "graph.ttl"
HTML_FILE = "graph.html"

VIEW_FORMATS = ("graphml", "gexf")  # of the networkx view (kg.view), for graph tools
EXPORT_FORMATS = [*RDF_FORMATS, *VIEW_FORMATS]


def graph_path(location: str | Path) -> Path:
    """The RDF file behind `location`: `OUT/graph.ttl` for a build folder, else the file itself."""
    path = Path(location)
    if path.is_dir():
        path = path / GRAPH_FILE
        if not path.is_file():
            raise StoreError(f"{location}: no {GRAPH_FILE} here; build one with `kg build ARTICLES -o {location}`")
        return path
    if not path.is_file():
        raise StoreError(f"{location}: no such build folder or RDF file")
    return path


def open_store(location: str | Path) -> GraphStore:
    """The graph at `location` ready to query: a build folder's store, read in place, or an
    RDF file loaded into memory."""
    folder = Path(location) / STORE_DIR
    if (folder / "CURRENT").is_file():
        store = GraphStore.open(folder)
        if (Path(location) / GRAPH_FILE).is_file():  # written with the store, and faster to read in full
            store.snapshot = Path(location) / GRAPH_FILE
        return store
    path = graph_path(location)
    return GraphStore.from_file(path, _format_of(path).oxigraph)


def load_graph(location: str | Path) -> Graph:
    """The graph stored at `location` (a `kg build` output folder or an RDF file), in rdflib."""
    if (Path(location) / STORE_DIR / "CURRENT").is_file():
        return graph_of(open_store(location))
    path = graph_path(location)
    fmt = _format_of(path).rdflib
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        raise StoreError(f"{path}: cannot be read as {fmt}: {err}") from None
    return graph


def _format_of(path: Path) -> RdfFormat:
    fmt = by_suffix(path)
    if fmt is None:
        raise StoreError(f"{path}: unknown RDF file type {path.suffix!r} (use {readable_suffixes()})")
    return fmt


@contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator:
    """Open a temporary file beside `path`; on success rename it to `path`, else remove it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:  # report the file the user named, not our temporary one
        raise OSError(err.errno, err.strerror, str(path)) from None
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8", "newline": "\n"} if "b" not in mode else {})) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def serialize(graph: Graph, fmt: str = "ttl") -> bytes:
    """`graph` as UTF-8 bytes in export format `fmt` (ttl, nt, jsonld, trig, xml).

    TriG and N-Quads put the triples in the default graph, so the output does not depend on the
    in-memory graph's (random) name.
    """
    serializer = RDF_FORMATS[fmt].rdflib
    if fmt in ("trig", "nq"):
        dataset = Dataset()
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace)
        for triple in graph:
            dataset.add(triple)
        graph = dataset
    data = graph.serialize(format=serializer, encoding="utf-8")
    if fmt == "xml":  # a bare carriage return would be read back as a line end
        data = data.replace(b"\r", b"&#13;")
    if fmt == "nt":  # one triple a line: sorted, so the same graph gives the same file
        data = b"".join(sorted(data.splitlines(keepends=True)))
    return data


def write_rdf(graph: Graph, path: str | Path, fmt: str = "ttl") -> Path:
    """Serialise `graph` to `path` in export format `fmt` (ttl, nt, jsonld, trig, xml)."""
    data = serialize(graph, fmt)
    with atomic_write(path, "wb") as handle:
        handle.write(data)
    return Path(path)


def export(graph: Graph | GraphStore, path: str | Path, fmt: str | None = None) -> Path:
    """Write `graph` to `path` as ttl, nt, nq, jsonld, trig, xml, graphml or gexf (default: by suffix).

    Raises StoreError for a suffix that names no format when `fmt` is not given.
    """
    fmt = fmt or format_for(path)
    if fmt is None:
        raise StoreError(f"{path}: cannot tell the format from the suffix; give --format ({', '.join(EXPORT_FORMATS)})")
    if fmt in VIEW_FORMATS:
        from .view import write_gexf, write_graphml

        writer = write_graphml if fmt == "graphml" else write_gexf
        return writer(graph_of(graph) if isinstance(graph, GraphStore) else graph, path)
    if isinstance(graph, GraphStore):
        with atomic_write(path, "wb") as handle:
            graph.write(handle, fmt)
        return Path(path)
    return write_rdf(graph, path, fmt)


def format_for(path: str | Path) -> str | None:
    """The export format a file name asks for by its suffix, if any."""
    suffix = Path(path).suffix.lower()
    if suffix[1:] in VIEW_FORMATS:
        return suffix[1:]
    fmt = by_suffix(path)
    return fmt.name if fmt is not None and fmt.name in RDF_FORMATS else None
