"""`kg serve`, run as a user runs it: a read-only SPARQL 1.1 Protocol endpoint on loopback.
No model: the served store is built from the frozen parses."""
from __future__ import annotations

import contextlib
import csv
import socket
import io
import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings, strategies as st
from rdflib import Graph

from kg.graphstore import GraphStore
from kg.query import named_queries, run
from kg.querypool import QueryFailed, QueryPool, Request
from kg.results import write_solutions
from kg.serve import WEB
from tests.test_store import add, quads, rdf_of
from tests.sentences import SENTENCES

TIMEOUT = 2  # seconds: the server's --timeout
MAX_ROWS = 2000  # above every bundled query's answer on the test store, below all its triples
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


class Server:
    def __init__(self, folder: Path, *args: str):
        self.process = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(folder), "--port", "0", *args],
                                        stderr=subprocess.PIPE, text=True)
        line = self.process.stderr.readline()
        assert line.startswith("Serving"), line + self.process.stderr.read()
        self.url = line.split(" at ")[1].split()[0]

    def ask(self, path: str = "sparql", *, query: str | None = None, method: str = "GET", body: bytes | None = None,
            headers: dict | None = None):
        """(status, headers, body) of one request."""
        url = self.url + path
        if query is not None and method == "GET":
            url += "?" + urllib.parse.urlencode({"query": query})
        elif query is not None:
            body = urllib.parse.urlencode({"query": query}).encode()
            headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.headers, err.read()

    def stop(self) -> str:
        self.process.terminate()
        _, err = self.process.communicate(timeout=30)
        return err


def build_folder_at(folder: Path) -> Path:
    """A build folder's store holding two articles made from the frozen parses."""
    store = GraphStore.create(folder / "store")
    half = len(SENTENCES) // 2
    add(store, [rdf_of(SENTENCES[:half], "a"), rdf_of(SENTENCES[half:], "b")])
    store.close()
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return build_folder_at(tmp_path_factory.mktemp("out"))


@pytest.fixture(scope="module")
def server(folder):
    server = Server(folder, "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS))
    yield server
    server.stop()


def local(folder: Path, query: str):
    store = GraphStore.open(folder / "store")
    try:
        return run(store, query)
    finally:
        store.close()


def test_bundled_queries_answer_as_kg_query_does(server, folder):
    for name, path in named_queries().items():
        status, headers, body = server.ask(query=path.read_text(encoding="utf-8"),
                                           headers={"Accept": "application/sparql-results+json"})
        assert status == 200, body
        assert headers["Content-Type"].startswith("application/sparql-results+json")
        assert "Kg-Truncated" not in headers, f"{name}: raise MAX_ROWS above its {headers['Kg-Rows']} rows"
        data = json.loads(body)
        expected = local(folder, name)
        assert data["head"]["vars"] == expected.columns
        rows = [{c: b.get(c, {}).get("value", "") for c in expected.columns} for b in data["results"]["bindings"]]
        assert sorted(map(sorted, map(dict.items, rows))) == sorted(map(sorted, map(dict.items, expected.rows))), name


def test_get_and_both_posts_give_the_same_answer(server):
    query = "SELECT ?s WHERE { ?s a <https://w3id.org/kg-news/ontology#Attack> } ORDER BY ?s"
    get = server.ask(query=query)
    form = server.ask(query=query, method="POST")
    direct = server.ask(method="POST", body=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert get[0] == form[0] == direct[0] == 200
    assert get[2] == form[2] == direct[2]
    assert json.loads(get[2])["results"]["bindings"]


def test_results_in_every_format_the_accept_header_asks_for(server):
    query = "SELECT ?event ?label WHERE { ?event a <https://w3id.org/kg-news/ontology#Attack> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    count = len(json.loads(server.ask(query=query)[2])["results"]["bindings"])
    assert count
    status, headers, body = server.ask(query=query, headers={"Accept": "application/sparql-results+xml"})
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+xml")
    assert len(ET.fromstring(body).findall(".//{http://www.w3.org/2005/sparql-results#}result")) == count
    status, headers, body = server.ask(query=query, headers={"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(body.decode())))[0] == ["event", "label"]
    assert len(list(csv.reader(io.StringIO(body.decode())))) == count + 1
    status, headers, body = server.ask(query=query, headers={"Accept": "text/tab-separated-values;q=0.9, text/csv;q=0.5"})
    assert headers["Content-Type"].startswith("text/tab-separated-values")
    assert body.decode().splitlines()[0] == "?event\t?label"
    # pyoxigraph reads every format back to the same solutions
    for accept, fmt in [("application/sparql-results+json", ox.QueryResultsFormat.JSON),
                        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                        ("text/tab-separated-values", ox.QueryResultsFormat.TSV)]:
        solutions = ox.parse_query_results(server.ask(query=query, headers={"Accept": accept})[2], format=fmt)
        assert len(list(solutions)) == count


def test_ask_and_construct(server):
    assert json.loads(server.ask(query="ASK { ?s ?p ?o }")[2]) == {"head": {}, "boolean": True}
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/kg-news/ontology#Attack> ; ?p ?o }"
    status, headers, body = server.ask(query=construct, headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    turtle = Graph().parse(data=body, format="turtle")
    status, headers, body = server.ask(query=construct, headers={"Accept": "application/n-triples"})
    assert headers["Content-Type"].startswith("application/n-triples")
    assert len(Graph().parse(data=body, format="nt")) == len(turtle) > 0
    # a browser's Accept gets JSON results for SELECT and Turtle for CONSTRUCT
    browser = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    assert server.ask(query=construct, headers=browser)[1]["Content-Type"].startswith("text/turtle")


@pytest.mark.parametrize("how", ["update form", "update body", "update as query", "load", "service", "service hidden",
                                 "put"])
def test_writes_and_the_network_are_refused(server, folder, how):
    before = quads_of(folder)
    if how == "update form":
        request = dict(method="POST", body=b"update=DROP+ALL", headers={"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "update body":
        request = dict(method="POST", body=b"CLEAR DEFAULT", headers={"Content-Type": "application/sparql-update"})
    elif how == "update as query":
        request = dict(query="PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b ex:c }")
    elif how == "load":
        request = dict(query="LOAD <http://example.org/data.ttl>", method="POST")
    elif how == "service":
        request = dict(query="SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    elif how == "service hidden":  # "<" compares here: what looks like an IRI hides nothing
        request = dict(query="SELECT * { BIND(1 AS ?a) BIND(2 AS ?b) FILTER(?a<?b)SERVICE#>\n<http://example.org/> {?s ?p ?o} }")
    else:
        request = dict(path="sparql", method="PUT", body=b"<a> <b> <c> .", headers={"Content-Type": "text/turtle"})
    status, _, body = server.ask(**request)
    assert status in (403, 405), body
    reason = body.decode()
    assert "read-only" in reason or "refused" in reason
    assert quads_of(folder) == before


def quads_of(folder: Path) -> set[str]:
    store = GraphStore.open(folder / "store")
    try:
        return quads(store)
    finally:
        store.close()


def test_a_runaway_query_is_stopped_and_the_server_keeps_serving(server):
    started = time.perf_counter()
    status, _, body = server.ask(query=RUNAWAY)
    took = time.perf_counter() - started
    assert status == 503 and b"time limit" in body
    assert TIMEOUT <= took < TIMEOUT + 8
    status, _, body = server.ask(query="ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_other_queries_are_answered_while_one_runs_away(server):
    import threading

    slow = threading.Thread(target=server.ask, kwargs={"query": RUNAWAY})
    slow.start()
    time.sleep(0.3)
    started = time.perf_counter()
    status, _, _ = server.ask(query="ASK { ?s ?p ?o }")
    assert status == 200 and time.perf_counter() - started < TIMEOUT
    slow.join()


def test_answers_stop_at_max_rows_and_say_so(server):
    status, headers, body = server.ask(query="SELECT * WHERE { ?s ?p ?o }")
    assert status == 200, body
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    assert headers["Kg-Rows"] == str(MAX_ROWS) and "left out" in headers["Kg-Truncated"]
    status, headers, body = server.ask(query="SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    assert "Kg-Truncated" not in headers


@pytest.mark.parametrize("request_, status, words", [
    (dict(query="SELECT ?s WHERE { ?s ?p }"), 400, "query failed"),
    (dict(), 400, "give one SPARQL query"),
    (dict(query="ASK { ?s ?p ?o }", headers={"Accept": "image/png"}), 406, "cannot answer"),
    (dict(path="nowhere"), 404, "/sparql"),
    (dict(query="ASK {}", headers={"Host": "attacker.example:7070"}), 403, "localhost"),
    (dict(query="ASK {}", headers={"Host": "127.0.0.1.attacker.example"}), 403, "localhost"),
    (dict(method="POST", body=b"ASK {}", headers={"Content-Type": "text/plain"}), 415, "application/sparql-query"),
])
def test_bad_requests_get_a_reason(server, request_, status, words):
    got, _, body = server.ask(**request_)
    assert got == status and words in body.decode()


def test_the_query_page_works_offline(server):
    status, headers, page = server.ask("")
    assert status == 200 and b"/query.js" in page
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    for name in ("query.html", "query.js", "query.css"):
        text = (WEB / name).read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "innerHTML" not in text, name
    assert server.ask("query.js")[0] == 200
    bundled = json.loads(server.ask("queries.json")[2])
    assert set(bundled) == set(named_queries()) and "SELECT" in bundled["attacks"]["text"]


def test_a_missing_graph_or_a_busy_port_is_one_line(tmp_path, folder, server):
    done = subprocess.run([sys.executable, "-m", "kg", "serve", str(tmp_path / "nothing")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "nothing" in done.stderr
    port = urllib.parse.urlsplit(server.url).port
    done = subprocess.run([sys.executable, "-m", "kg", "serve", str(folder), "--port", str(port)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "--port" in done.stderr


# ------------------------------------------------------------------ the results writers
_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
_TERMS = st.one_of(
    st.none(),
    st.builds(lambda s: ox.NamedNode("http://example.org/" + urllib.parse.quote(s)), _TEXT),
    st.builds(ox.Literal, _TEXT),
    st.builds(lambda s, lang: ox.Literal(s, language=lang), _TEXT, st.sampled_from(["en", "de-CH", "uk"])),
    st.builds(lambda n: ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
              st.integers()),
    st.builds(lambda s: ox.BlankNode("b" + s), st.text("abcdef0123456789", min_size=1, max_size=8)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TERMS, _TERMS), max_size=5))
def test_json_and_tsv_results_read_back_as_written(rows):
    for fmt, ox_format in [("json", ox.QueryResultsFormat.JSON), ("tsv", ox.QueryResultsFormat.TSV)]:
        body = write_solutions(fmt, ["x", "y"], rows)
        back = [(s["x"], s["y"]) for s in ox.parse_query_results(body, format=ox_format)]
        assert back == [tuple(row) for row in rows], fmt


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_TERMS, _TERMS), max_size=5))
def test_xml_results_are_well_formed_and_hold_the_terms(rows):
    body = write_solutions("xml", ["x", "y"], rows)
    back = [(s["x"], s["y"]) for s in ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)]
    # XML 1.0 cannot carry most control characters: they are written as U+FFFD
    assert len(back) == len(rows)
    for got, want in zip(back, rows):
        for g, w in zip(got, want):
            if isinstance(w, ox.Literal) and any(c < " " and c not in "\t\n\r" or c in "\ufffe\uffff" for c in w.value):
                assert g.value == "".join("\ufffd" if c < " " and c not in "\t\n\r" or c in "\ufffe\uffff" else c
                                          for c in w.value)
            else:
                assert g == w


def raw(server: Server, request: bytes) -> bytes:
    """Everything the server answers to `request`, sent as it is, until it closes the connection."""
    host, port = urllib.parse.urlsplit(server.url).hostname, urllib.parse.urlsplit(server.url).port
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def test_a_bad_content_length_is_refused(server):
    for length in (b"-1", b"abc"):
        answer = raw(server, b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                             b"Content-Length: " + length + b"\r\n\r\nASK {}")
        assert answer.startswith(b"HTTP/1.1 400") and b"Content-Length" in answer


def test_a_body_left_unread_is_not_taken_for_a_request(server):
    smuggled = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\n\r\n"
    answer = raw(server, b"PUT /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + str(len(smuggled)).encode()
                 + b"\r\n\r\n" + smuggled)
    assert answer.startswith(b"HTTP/1.1 405") and answer.count(b"HTTP/1.1 ") == 1


def test_from_in_the_query_chooses_the_graphs(server):
    def count(query):
        return int(json.loads(server.ask(query=query)[2])["results"]["bindings"][0]["n"]["value"])

    article = "https://w3id.org/kg-news/id/article/a"
    everything = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    one = count(f"SELECT (COUNT(*) AS ?n) FROM <{article}> WHERE {{ ?s ?p ?o }}")
    assert 0 < one < everything
    status, _, body = server.ask(f"sparql?default-graph-uri={urllib.parse.quote(article)}&query="
                                 + urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == one


def test_query_workers_cannot_reach_the_network(folder):
    """Whatever slips past the check of the query text, the workers have no network at all."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(1)
    port = listener.getsockname()[1]
    with QueryPool(folder, workers=1, timeout=20) as pool:
        if not pool.isolated:
            pytest.skip("this system has no user namespaces to cut the workers off the network")
        with pytest.raises(QueryFailed):
            pool.run(Request(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}", "json", None))
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()


def test_stopping_the_server_stops_a_runaway_query(folder):
    import threading

    server = Server(folder, "--timeout", "60")

    def runaway():
        with contextlib.suppress(OSError):  # the server goes away mid-answer
            server.ask(query=RUNAWAY)

    threading.Thread(target=runaway, daemon=True).start()
    time.sleep(1)
    workers = children(server.process.pid)
    assert workers
    server.stop()
    time.sleep(1.5)
    assert [pid for pid in workers if running(pid)] == []


def running(pid: int) -> bool:
    """Whether `pid` still runs (a zombie, dead but not yet reaped by init, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_connections_past_the_limit_are_answered_503(folder):
    import threading

    from kg.serve import Endpoint

    with QueryPool(folder, workers=1) as pool:
        endpoint = Endpoint(pool)
        endpoint._slots = threading.BoundedSemaphore(1)
        threading.Thread(target=endpoint.serve_forever, daemon=True).start()
        try:
            host, port = endpoint.server_address[:2]
            with socket.create_connection((host, port)) as idle:  # holds the one slot
                time.sleep(0.3)
                with socket.create_connection((host, port), timeout=10) as second:
                    assert second.recv(100).startswith(b"HTTP/1.1 503")
                idle.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\n\r\n")
                assert idle.recv(100).startswith(b"HTTP/1.1 200")
        finally:
            endpoint.shutdown()
            endpoint.server_close()
