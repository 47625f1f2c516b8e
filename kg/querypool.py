"""SPARQL queries run in worker processes that can be stopped.

Oxigraph cannot cancel a query once it has started, so each query runs in a worker process
that holds the graph open read-only; a query that overruns its time limit is stopped by
killing its worker, and a fresh worker takes its place. The caller's process (the web
server) never runs a query itself, so one runaway query cannot stall the others.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import KgError
from .formats import RDF_FORMATS
from .query import dataset_use

# media type -> pyoxigraph format, for CONSTRUCT and DESCRIBE answers; the first is the default
GRAPH_MEDIA_TYPES = {f.media_type: f.oxigraph for f in map(RDF_FORMATS.get, ("ttl", "nt", "xml", "jsonld"))}


class QueryTimeout(KgError):
    """A query stopped at its time limit."""


class QueryFailed(KgError):
    """A query that does not parse or cannot be run; the message says why."""


class NotAcceptable(KgError):
    """The query's answer has none of the media types the client accepts."""


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str
    rows: int  # solutions, triples, or 1 for ASK
    truncated: bool  # more rows than the limit: the rest were left out


@dataclass(frozen=True)
class Request:
    sparql: str
    results: str | None  # results format for SELECT and ASK (json, xml, csv or tsv); None: not accepted
    graph_media_type: str | None  # media type for CONSTRUCT and DESCRIBE; None: not accepted
    default_graphs: tuple[str, ...] = ()  # the protocol's default-graph-uri: else the union of all graphs
    named_graphs: tuple[str, ...] = ()  # named-graph-uri: else every named graph


class QueryPool:
    """`workers` processes answering queries on the graph at `location` (see kg.store.open_store)."""

    def __init__(self, location: str | Path, *, workers: int = 2, timeout: float = 30.0, max_rows: int = 10_000):
        self.location = str(location)
        self.timeout = timeout
        self.max_rows = max_rows
        self._context = multiprocessing.get_context("spawn")  # safe beside the server's threads
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self.isolated = False  # whether the workers run cut off the network
        for _ in range(workers):
            self._idle.put(self._start())

    def run(self, request: Request) -> Answer:
        """The answer to `request`; raises QueryTimeout or QueryFailed."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(f"every worker stayed busy for {self.timeout:g} s; try again later") from None
        try:
            worker.conn.send((request, self.max_rows))
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                worker = None
                raise QueryTimeout(f"the query ran past the time limit of {self.timeout:g} s and was stopped")
            outcome = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            worker = None
            raise QueryFailed("the query's worker process died (out of memory?)") from None
        finally:
            if worker is not None:
                self._idle.put(worker)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def close(self) -> None:
        with self._lock:
            for worker in self._all:
                worker.stop()
            self._all.clear()

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(self.location, child), daemon=True)
        process.start()
        child.close()
        if not parent.poll(60):
            process.kill()
            raise KgError(f"{self.location}: the query worker did not start")
        started = parent.recv()
        if isinstance(started, Exception):
            process.join()
            raise started
        self.isolated = started
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        self._idle.put(self._start())


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.Process
    conn: object

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def _serve(location: str, conn) -> None:
    """A worker: cut itself off the network, open the graph read-only, say whether it is cut
    off, then answer queries until the pipe closes."""
    isolated = _cut_off_network()  # first: it needs a process of one thread
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server to handle
    from .store import open_store

    try:
        store = open_store(location).store
    except KgError as err:
        conn.send(err)
        return
    conn.send(isolated)
    while True:
        try:
            request, max_rows = conn.recv()
        except EOFError:
            return
        try:
            conn.send(answer(store, request, max_rows))
        except NotAcceptable as err:
            conn.send(err)
        except Exception as err:  # a syntax error, a failed evaluation: the worker goes on
            conn.send(QueryFailed(str(err).strip() or type(err).__name__))


_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000


def _cut_off_network() -> bool:
    """Move this process into a network namespace of its own, which has no way out, so that no
    query can reach the network whatever it says. Linux with user namespaces (the usual case);
    elsewhere False, and the server's refusal of SERVICE is the only guard."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        uid, gid = os.getuid(), os.getgid()
        if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
            return False
        Path("/proc/self/setgroups").write_text("deny")
        Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")  # the same user inside: the same file access
        Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")
        return True
    except (OSError, AttributeError):
        return False


def _die_with_parent() -> None:
    """End this worker, whatever query it runs, as soon as the server is gone (even killed)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def answer(store: ox.Store, request: Request, max_rows: int) -> Answer:
    """Run `request` on `store`, keeping at most `max_rows` rows."""
    from .results import CONTENT_TYPES, write_boolean, write_solutions

    options = {}
    if request.default_graphs:
        options["default_graph"] = [ox.NamedNode(iri) for iri in request.default_graphs]
    elif request.named_graphs:
        options["default_graph"] = []  # the protocol's dataset: only the named graphs given
    elif not dataset_use(request.sparql):  # FROM and FROM NAMED in the query choose for themselves
        options["use_default_graph_as_union"] = True
    if request.named_graphs:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in request.named_graphs]
    result = store.query(request.sparql, **options)
    wanted = request.graph_media_type if isinstance(result, ox.QueryTriples) else request.results
    if wanted is None:
        kind = "graph" if isinstance(result, ox.QueryTriples) else "results"
        raise NotAcceptable(f"the query's answer is a {kind}, which none of the accepted media types can hold")
    if isinstance(result, ox.QueryBoolean):
        return Answer(write_boolean(request.results, bool(result)), CONTENT_TYPES[request.results], 1, False)
    kept = []
    for item in result:
        if len(kept) == max_rows:
            break
        kept.append(item)
    truncated = len(kept) == max_rows and next(result, None) is not None
    if isinstance(result, ox.QueryTriples):
        body = ox.serialize(kept, format=GRAPH_MEDIA_TYPES[request.graph_media_type])
        return Answer(body, request.graph_media_type, len(kept), truncated)
    variables = [v.value for v in result.variables]
    body = write_solutions(request.results, variables, ([solution[i] for i in range(len(variables))]
                                                        for solution in kept))
    return Answer(body, CONTENT_TYPES[request.results], len(kept), truncated)
