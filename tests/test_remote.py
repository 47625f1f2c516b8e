"""Writing into and querying a SPARQL 1.1 server: the endpoints of each kind of server, retries,
first-label-wins, and (with the model) a build into a real Oxigraph server on loopback that
equals the local build, answers every bundled query alike, and is idempotent."""
from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.pipeline import build_into, build_to
from kg.query import named_queries, run
from kg.rdf import ArticleRdf, SharedTriples
from kg.remote import SHARED_GRAPH, Endpoints, RemoteStore
from kg.store import open_store
from kg.vocab import KGO

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SMALL = [EXAMPLES / "heldin" / "articles.jsonl", EXAMPLES / "russia-ukraine-strikes.txt"]
KG = [sys.executable, "-m", "kg"]
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def server_quads(url: str) -> set[tuple[str, str, str, str]]:
    """Every quad on an Oxigraph server, as N-Triples terms ("" for the default graph)."""
    request = urllib.request.Request(f"{url}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return _quads(ox.parse(answer.read(), format=ox.RdfFormat.N_QUADS))


def folder_quads(out: Path) -> set[tuple[str, str, str, str]]:
    store = open_store(out)
    try:
        return _quads(iter(store.store))
    finally:
        store.close()


def _quads(quads) -> set[tuple[str, str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object),
             "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)) for q in quads}


def as_graph(quads: set[tuple[str, str, str, str]]) -> Graph:
    return Graph().parse(data="".join(f"{s} {p} {o} .\n" for s, p, o, _ in quads), format="nt")


# ------------------------------------------------------------ endpoints
@pytest.mark.parametrize("url, query, data, shared", [
    ("http://h:7878", "http://h:7878/query", "http://h:7878/store", None),
    ("http://h:7878/query", "http://h:7878/query", "http://h:7878/store", None),
    ("http://h:3030/news", "http://h:3030/news/query", "http://h:3030/news/data", SHARED_GRAPH),
    ("http://h:3030/news/sparql", "http://h:3030/news/query", "http://h:3030/news/data", SHARED_GRAPH),
    ("http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql-graph-crud", None),
    ("http://h:7200/repositories/news", "http://h:7200/repositories/news",
     "http://h:7200/repositories/news/rdf-graphs/service", None),
    ("https://u:p@h/graphdb/repositories/news/", "https://u:p@h/graphdb/repositories/news",
     "https://u:p@h/graphdb/repositories/news/rdf-graphs/service", None),
])
def test_endpoints_of_each_kind_of_server(url, query, data, shared):
    endpoints = Endpoints.of(url)
    assert (endpoints.query, endpoints.data, endpoints.shared_graph) == (query, data, shared)
    # updates only where they cannot reach the articles' graphs by way of a union default graph
    assert (endpoints.update is not None) == (url.startswith("http://h:7878") or ":3030/" in url)


# ------------------------------------------------------------ retries, against a stub server
class _Flaky(http.server.BaseHTTPRequestHandler):
    """Answers 503 to the first `failures` requests, then `status`; records each request."""

    failures = 0
    status = 204
    seen: list[tuple[str, str, str | None]] = []

    def do_PUT(self):  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).seen.append((self.command, self.path, self.headers.get("Authorization")))
        failing = len(type(self).seen) <= type(self).failures
        self.send_response(503 if failing else type(self).status)
        message = b"busy" if failing else (b"" if type(self).status < 300 else b"no such graph store\n")
        self.send_header("Content-Length", str(len(message)))
        self.end_headers()
        self.wfile.write(message)
        assert body

    def log_message(self, *args):
        pass


@pytest.fixture
def flaky():
    _Flaky.seen, _Flaky.failures, _Flaky.status = [], 0, 204
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Flaky
    server.shutdown()
    server.server_close()


def test_a_transient_failure_is_retried(flaky):
    url, handler = flaky
    handler.failures = 2
    RemoteStore(url, retries=3, backoff=0).put_graph("https://example.org/a", b"<a:b> <a:c> <a:d> .\n")
    assert [(method, path) for method, path, _ in handler.seen] == [
        ("PUT", "/store?graph=https%3A%2F%2Fexample.org%2Fa")] * 3


def test_retries_run_out_in_one_line(flaky):
    url, handler = flaky
    handler.failures = 10
    with pytest.raises(StoreError, match=r"^cannot reach the SPARQL server at .*/store: 503 Service Unavailable: "
                                         r"busy \(tried 3 times\)$"):
        RemoteStore(url, retries=2, backoff=0).put_graph("https://example.org/a", b"<a:b> <a:c> <a:d> .\n")


def test_a_refusal_is_not_retried_and_says_what_the_server_said(flaky):
    url, handler = flaky
    handler.status = 404
    with pytest.raises(StoreError, match="refused the PUT: 404 Not Found: no such graph store"):
        RemoteStore(url, retries=3, backoff=0).put_graph("https://example.org/a", b"<a:b> <a:c> <a:d> .\n")
    assert len(handler.seen) == 1


def test_credentials_in_the_url_go_as_basic_auth_and_never_into_messages(flaky):
    url, handler = flaky
    handler.status = 401
    secret_url = url.replace("http://", "http://reader:s3cret@")
    with pytest.raises(StoreError) as caught:
        RemoteStore(secret_url, retries=0).put_graph("https://example.org/a", b"<a:b> <a:c> <a:d> .\n")
    assert handler.seen[0][2] == "Basic cmVhZGVyOnMzY3JldA=="
    assert "s3cret" not in str(caught.value)


def test_an_unreachable_server_is_one_line():
    with pytest.raises(StoreError, match=r"^cannot reach the SPARQL server at http://127.0.0.1:9/query: "
                                         r"Connection refused \(tried 2 times\)$"):
        RemoteStore("http://127.0.0.1:9", retries=1, backoff=0).select("ASK {}")


# ------------------------------------------------------------ a real Oxigraph server, no model
def _article(name: str, shared: list[tuple[str, str, str]]) -> ArticleRdf:
    graph = f"https://example.org/article/{name}"
    return ArticleRdf(name, graph, f"sha256:{name}", f"<{graph}> <{KGO.fingerprint}> \"sha256:{name}\" .\n", shared)


def test_shared_triples_keep_the_first_label_the_server_has(oxigraph_server):
    remote = RemoteStore(oxigraph_server)
    remote.add_shared(b'<https://example.org/e1> ' + LABEL.encode() + b' "Old name" .\n')
    e1, e2 = "<https://example.org/e1>", "<https://example.org/e2>"
    remote.write([_article("a", [(e1, LABEL, '"New name"'), (e2, LABEL, '"First"')]),
                  _article("b", [(e2, LABEL, '"Second"')])], SharedTriples())
    labels = {(s, o) for s, p, o, g in server_quads(oxigraph_server) if p == LABEL and g == ""}
    assert labels == {(e1, '"Old name"'), (e2, '"First"')}
    assert remote.fingerprints(["https://example.org/article/a", "https://example.org/article/c"]) == {
        "https://example.org/article/a": "sha256:a"}


def test_a_query_error_is_one_line(oxigraph_server):
    with pytest.raises(StoreError, match="refused the POST: 400 Bad Request"):
        run(RemoteStore(oxigraph_server), "SELECT ?x WHERE {")


# ------------------------------------------------------------ with the model
@pytest.fixture(scope="module")
def local_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    build_to(out, SMALL, jobs=1, html=False, batch_size=2)
    return out


@pytest.mark.e2e
def test_a_build_into_a_server_equals_the_local_build(local_build, oxigraph_server):
    summary = build_into(oxigraph_server, SMALL, jobs=1, batch_size=2)
    assert (summary.articles, summary.skipped, summary.replaced) == (6, 0, 0)
    remote, local = server_quads(oxigraph_server), folder_quads(local_build)
    assert remote == local  # the same quads: each article in its graph, shared ones in the default graph
    assert isomorphic(as_graph(remote), as_graph(local))
    server, folder = RemoteStore(oxigraph_server), open_store(local_build)
    for name in named_queries():
        there, here = run(server, name), run(folder, name)
        assert there.columns == here.columns
        assert sorted(tuple(row.items()) for row in there.rows) == sorted(tuple(row.items()) for row in here.rows)
        assert here.rows, name

    # idempotent: nothing written, and nothing parsed (no model would be found to parse with)
    again = build_into(oxigraph_server, SMALL, jobs=1, batch_size=2, model="no_such_model")
    assert (again.articles, again.skipped, again.triples) == (6, 6, 0)
    assert server_quads(oxigraph_server) == local


@pytest.mark.e2e
def test_a_changed_article_replaces_its_graph(tmp_path, oxigraph_server):
    """As with --append on a build folder: the article's graph is replaced, and the shared
    triples only its old version needed are dropped, so the server holds what a fresh build of
    the new version would."""
    article = tmp_path / "strike.txt"
    article.write_text("Russian forces shelled Kharkiv on Monday, Ukrainian officials said.\n", encoding="utf-8")
    build_into(oxigraph_server, [article], jobs=1)
    article.write_text("Israeli jets struck Gaza on Monday, Hamas said.\n", encoding="utf-8")
    summary = build_into(oxigraph_server, [article], jobs=1)
    assert (summary.articles, summary.skipped, summary.replaced) == (1, 0, 1)
    build_to(tmp_path / "fresh", [article], jobs=1, html=False)
    assert server_quads(oxigraph_server) == folder_quads(tmp_path / "fresh")


@pytest.mark.e2e
def test_load_copies_a_build_folder_and_query_reads_the_server(local_build, oxigraph_server):
    done = subprocess.run([*KG, "load", local_build, "--store", oxigraph_server], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert "6 articles (0 unchanged and skipped, 0 replaced)" in done.stdout
    assert server_quads(oxigraph_server) == folder_quads(local_build)
    again = subprocess.run([*KG, "load", local_build, "--store", oxigraph_server], capture_output=True, text=True,
                           timeout=300)
    assert "6 articles (6 unchanged and skipped, 0 replaced), 0 triples sent" in again.stdout
    answers = [subprocess.run([*KG, "query", where, "attacks", "-f", "csv"], capture_output=True, text=True,
                              timeout=300) for where in (oxigraph_server, local_build)]
    assert answers[0].returncode == 0, answers[0].stderr
    assert sorted(answers[0].stdout.splitlines()) == sorted(answers[1].stdout.splitlines())
    assert len(answers[0].stdout.splitlines()) > 5


def test_an_unreachable_server_on_the_command_line_is_one_line():
    done = subprocess.run([*KG, "query", "http://127.0.0.1:9", "attacks"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: cannot reach the SPARQL server at http://127.0.0.1:9/query: Connection refused (tried 3 times)"]


def test_build_takes_a_folder_or_a_server(tmp_path):
    done = subprocess.run([*KG, "build", EXAMPLES / "russia-ukraine-strikes.txt"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and "give a build folder (-o OUT) or a SPARQL server (--store URL)" in done.stderr
