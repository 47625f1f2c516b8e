"""A graph in a SPARQL 1.1 server (Oxigraph, Apache Jena Fuseki, Virtuoso, GraphDB): written
through the Graph Store Protocol, read through the SPARQL protocol.

Each article goes into its own named graph (the article's IRI) with one PUT, so writing it
again replaces it and adds nothing; the entities and offices all articles share are added to
the default graph, each node keeping the first label it was given, as in a build folder.
Which articles are there already, and with which fingerprint, is asked in one SPARQL query a
batch. Transient failures (refused or reset connections, timeouts, 5xx answers) are retried
with a growing wait; anything else is a StoreError naming the server and what it said.
"""
from __future__ import annotations

import base64
import http.client
import json
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from .errors import StoreError
from .rdf import LABEL, ArticleRdf, SharedTriples
from .vocab import BASE, KGO

RETRIES = 5  # tries after the first, waiting 0.5, 1, 2, 4, 8 s (for writes; a query tries twice more)
TIMEOUT = 60.0  # seconds for one request
_TRANSIENT = {408, 429, 500, 502, 503, 504}
_N_TRIPLES = "application/n-triples"
_RESULTS = "application/sparql-results+json"
SHARED_GRAPH = BASE + "graph/shared"  # where shared triples go on a server whose union graph leaves out the default one


def is_url(location: str) -> bool:
    """Whether `location` names a server (http:// or https://) rather than a file or folder."""
    return str(location).lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Endpoints:
    """Where a server answers: SPARQL queries, the Graph Store Protocol, and how to query the
    union of all graphs (the parameters to add, if any). `shared_graph` is the graph the
    shared triples go to (None: the default graph). `update` is the SPARQL Update endpoint, used
    to drop the shared triples no article needs after articles are replaced; without one (on
    servers whose default graph is the union of all, where such an update could reach the
    articles' graphs) they are left."""

    query: str
    data: str
    union: dict[str, str] = field(default_factory=dict)
    shared_graph: str | None = None
    update: str | None = None

    @classmethod
    def of(cls, url: str) -> Endpoints:
        """The endpoints of a server from the URL people give for it:

        - Oxigraph: its root, `http://host:7878` (or its `/query` or `/store`);
        - GraphDB (or any RDF4J server): the repository, `http://host:7200/repositories/NAME`;
        - Virtuoso: `http://host:8890/sparql`, writing to `/sparql-graph-crud`;
        - Fuseki: the dataset, `http://host:3030/NAME` (or its `/query`, `/sparql` or `/data`).

        >>> Endpoints.of("http://localhost:7878").data
        'http://localhost:7878/store'
        """
        parts = urlsplit(url)
        path = parts.path.rstrip("/")

        def at(new_path: str) -> str:
            return urlunsplit((parts.scheme, parts.netloc, new_path, "", ""))

        segments = [s for s in path.split("/") if s]
        if "repositories" in segments[:-1]:  # RDF4J: the repository URL
            repository = "/" + "/".join(segments[:segments.index("repositories") + 2])
            return cls(at(repository), at(repository + "/rdf-graphs/service"))
        if segments == ["sparql"]:  # Virtuoso
            return cls(at(path), at("/sparql-graph-crud"))
        if not segments or segments in (["query"], ["store"], ["update"]):  # Oxigraph
            return cls(at("/query"), at("/store"), {"union-default-graph": ""}, update=at("/update"))
        if segments[-1] in ("query", "sparql", "data", "update", "get") and len(segments) > 1:
            segments = segments[:-1]
        dataset = "/" + "/".join(segments)  # Fuseki: its union graph holds the named graphs only
        return cls(at(dataset + "/query"), at(dataset + "/data"), {"default-graph-uri": "urn:x-arq:UnionGraph"},
                   SHARED_GRAPH, at(dataset + "/update"))


class RemoteStore:
    """A SPARQL 1.1 server holding a kg graph (see `Endpoints.of` for the URLs understood).

    User name and password, when the server wants them, go in the URL
    (`http://user:secret@host:7200/repositories/news`) and are sent as HTTP Basic auth.
    """

    def __init__(self, url: str, endpoints: Endpoints | None = None, *, retries: int = RETRIES,
                 timeout: float = TIMEOUT, backoff: float = 0.5):
        if not is_url(url) or not urlsplit(url).hostname:
            raise StoreError(f"{url}: not the URL of a SPARQL server (http://HOST:PORT/...)")
        self.url = url
        self.endpoints = endpoints or Endpoints.of(url)
        self.http = _Http(retries, timeout, backoff)

    def __repr__(self) -> str:
        return f"RemoteStore({without_password(self.url)!r})"

    # ------------------------------------------------------------ reading
    def select(self, sparql: str, union: bool = True) -> tuple[list[str], list[dict[str, str]]]:
        """Run `sparql` on the server; return its columns and rows, every value a string.

        ASK gives one column `ask`; CONSTRUCT and DESCRIBE give subject, predicate, object
        rows. With `union`, the query sees the union of all graphs, as on a build folder.
        """
        params = {"query": sparql, **(self.endpoints.union if union else {})}
        body, kind = self.http.request("POST", self.endpoints.query, urlencode(params).encode("utf-8"),
                                       {"Content-Type": "application/x-www-form-urlencoded",
                                        "Accept": f"{_RESULTS}, {_N_TRIPLES};q=0.9"})
        if kind.startswith(_N_TRIPLES) or kind.startswith("text/plain"):
            return _triples(body)
        try:
            answer = json.loads(body)
        except ValueError:
            raise StoreError(f"{without_password(self.endpoints.query)}: answered with {kind or 'no content type'}, "
                             "not SPARQL results") from None
        if "boolean" in answer:
            return ["ask"], [{"ask": "true" if answer["boolean"] else "false"}]
        columns = answer["head"]["vars"]
        rows = [{c: binding[c]["value"] if c in binding else "" for c in columns}
                for binding in answer["results"]["bindings"]]
        return columns, rows

    def fingerprints(self, graphs: Iterable[str]) -> dict[str, str]:
        """The stored fingerprint of each of the article `graphs` (IRIs) that is on the server."""
        graphs = sorted(set(graphs))
        if not graphs:
            return {}
        values = " ".join(f"<{g}>" for g in graphs)
        _, rows = self.select(f"SELECT ?g ?f WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?g <{KGO.fingerprint}> ?f }} }}",
                              union=False)
        return {row["g"]: row["f"] for row in rows}

    def labelled(self, nodes: Iterable[str]) -> set[str]:
        """Those of `nodes` (N-Triples IRIs, `<...>`) that already have a shared label."""
        nodes = sorted(set(nodes))
        if not nodes:
            return set()
        pattern = f"?s {LABEL} ?l"
        if self.endpoints.shared_graph:
            pattern = f"GRAPH <{self.endpoints.shared_graph}> {{ {pattern} }}"
        found: set[str] = set()
        for start in range(0, len(nodes), 1000):  # queries of a bounded size
            values = " ".join(nodes[start:start + 1000])
            _, rows = self.select(f"SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ {values} }} {pattern} }}", union=False)
            found.update(f"<{row['s']}>" for row in rows)
        return found

    # ------------------------------------------------------------ writing
    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace the named graph `graph` with `ntriples` (Graph Store Protocol PUT)."""
        self.http.request("PUT", f"{self.endpoints.data}?graph={quote(graph, safe='')}", ntriples,
                          {"Content-Type": _N_TRIPLES})

    def add_shared(self, ntriples: bytes) -> None:
        """Add `ntriples` to the graph of shared triples (Graph Store Protocol POST)."""
        where = f"graph={quote(self.endpoints.shared_graph, safe='')}" if self.endpoints.shared_graph else "default"
        self.http.request("POST", f"{self.endpoints.data}?{where}", ntriples, {"Content-Type": _N_TRIPLES})

    def collect_garbage(self) -> bool:
        """Drop the shared triples no article supports any more (after replacing articles), as
        a build folder does; return False when the server has no update endpoint kg knows."""
        if self.endpoints.update is None:
            return False
        self.http.request("POST", self.endpoints.update,
                          urlencode({"update": _garbage(self.endpoints.shared_graph)}).encode("utf-8"),
                          {"Content-Type": "application/x-www-form-urlencoded"})
        return True

    def write(self, batch: list[ArticleRdf], shared: SharedTriples) -> int:
        """Write a batch of articles: their shared triples that are new (each node keeping the
        label it has on the server, else its first), then each article's graph. Return the
        number of triples sent.

        Shared triples go first, so an article on the server always finds its entities there.
        """
        unknown = {s for rdf in batch for s, p, _ in rdf.shared if p == LABEL and s not in shared.labelled}
        shared.labelled |= self.labelled(unknown)
        common = [line for rdf in batch for line in shared.new(rdf)]
        if common:
            self.add_shared("".join(common).encode("utf-8"))
        for rdf in batch:
            self.put_graph(rdf.graph, rdf.ntriples.encode("utf-8"))
        return len(common) + sum(rdf.ntriples.count("\n") for rdf in batch)


def _garbage(shared_graph: str | None) -> str:
    """The SPARQL Update that drops shared triples no article supports: an office holding no
    article names, and a node nothing in any article refers to."""
    def shared(pattern: str) -> str:
        return f"GRAPH <{shared_graph}> {{ {pattern} }}" if shared_graph else pattern

    others = f"FILTER(?article != <{shared_graph}>)" if shared_graph else ""
    holds, office, person = KGO.holdsOffice, KGO.office, KGO.person
    return (f"DELETE {{ {shared(f'?person <{holds}> ?office')} }} WHERE {{ {shared(f'?person <{holds}> ?office')} "
            f"FILTER NOT EXISTS {{ GRAPH ?article {{ ?h <{office}> ?office ; <{person}> ?person }} {others} }} }} ;\n"
            f"DELETE {{ {shared('?node ?p ?o')} }} WHERE {{ {shared('?node ?p ?o')} "
            f"FILTER NOT EXISTS {{ GRAPH ?article {{ ?x ?q ?node }} {others} }} }}")


def _triples(body: bytes) -> tuple[list[str], list[dict[str, str]]]:
    import pyoxigraph as ox

    columns = ["subject", "predicate", "object"]
    rows = [dict(zip(columns, (t.subject.value, t.predicate.value, t.object.value)))
            for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]
    return columns, sorted(rows, key=lambda row: tuple(row.values()))


class _Http:
    """HTTP/1.1 requests over one kept-alive connection a thread, retried when transient."""

    def __init__(self, retries: int, timeout: float, backoff: float):
        self.retries = retries
        self.timeout = timeout
        self.backoff = backoff
        self.local = threading.local()

    def request(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> tuple[bytes, str]:
        """The body and content type of the answer; raises StoreError once retries are spent."""
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = dict(headers)
        if parts.username is not None:
            secret = f"{parts.username}:{parts.password or ''}".encode("utf-8")
            headers["Authorization"] = "Basic " + base64.b64encode(secret).decode("ascii")
        where = without_password(urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")))
        for attempt in range(self.retries + 1):
            problem = None
            try:
                connection = self._connection(parts)
                connection.request(method, target, body=body, headers=headers)
                response = connection.getresponse()
                data = response.read()
            except (OSError, http.client.HTTPException) as err:
                self._drop()
                problem = _reason(err)
            else:
                if response.status < 300:
                    return data, response.getheader("Content-Type", "")
                message = f"{response.status} {response.reason}: {_snippet(data)}".rstrip(": ")
                if response.status not in _TRANSIENT:
                    raise StoreError(f"{where}: the server refused the {method}: {message}")
                problem = message
            if attempt < self.retries:
                time.sleep(self.backoff * 2 ** attempt)
        tries = f" (tried {self.retries + 1} times)" if self.retries else ""
        raise StoreError(f"cannot reach the SPARQL server at {where}: {problem}{tries}")

    def _connection(self, parts) -> http.client.HTTPConnection:
        connection = getattr(self.local, "connection", None)
        if connection is None or getattr(self.local, "netloc", None) != parts.netloc:
            kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
            if parts.hostname is None:
                raise StoreError(f"{parts.geturl()}: no host in this URL")
            connection = kind(parts.hostname, parts.port, timeout=self.timeout)
            self.local.connection, self.local.netloc = connection, parts.netloc
        return connection

    def _drop(self) -> None:
        connection = getattr(self.local, "connection", None)
        if connection is not None:
            connection.close()
        self.local.connection = None


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__


def _snippet(data: bytes, limit: int = 200) -> str:
    text = " ".join(data.decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))
