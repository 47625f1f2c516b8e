"""The on-disk store: one named graph per article, replacing an article, the same answers
as rdflib, exports that hold the same triples, and writes that Ctrl-C cannot cut in half.
No model: articles come from the frozen parses."""
from __future__ import annotations

import io
import os
import signal
import time

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.graphstore import GraphStore, TurtleWriter, uninterrupted
from kg.pipeline import Behind
from kg.query import named_queries, run
from kg.rdf import article_rdf, to_graph
from kg.store import export, open_store
from tests.docs import extraction_of
from tests.exports import read_back
from tests.sentences import SENTENCES


def rdf_of(texts, doc_id):
    return article_rdf(extraction_of(texts, doc_id))


def add(store: GraphStore, articles, replace=(), atomic=True) -> None:
    shared = store.shared_triples()
    data = "".join(a.nquads() for a in articles) + "".join(line for a in articles for line in shared.new(a))
    store.add(data.encode("utf-8"), replace, atomic=atomic)


def quads(store: GraphStore) -> set[str]:
    return set(store.store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


@pytest.fixture
def articles():
    half = len(SENTENCES) // 2
    return [rdf_of(SENTENCES[:half], "a"), rdf_of(SENTENCES[half:], "b")]


@pytest.fixture
def store(tmp_path, articles) -> GraphStore:
    store = GraphStore.create(tmp_path / "store")
    add(store, articles)
    return store


def test_each_article_in_its_own_graph_and_entities_shared(store, articles):
    graphs = {g.value for g in store.store.named_graphs()}
    assert graphs == {a.graph for a in articles}
    default = list(store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert default and all("/id/article/" not in q.subject.value for q in default)
    assert store.fingerprint(articles[0].graph) == articles[0].fingerprint
    assert store.fingerprint("https://w3id.org/kg-news/id/article/nothing") is None


def test_the_store_answers_the_bundled_queries_as_rdflib_does(store, articles):
    graph = to_graph(articles)
    assert len(store) == len(graph)
    for name in named_queries():
        on_store, on_rdflib = run(store, name), run(graph, name)
        assert on_store.columns == on_rdflib.columns, name
        normal = [sorted(tuple("; ".join(sorted(v.split("; "))) for v in r.values()) for r in result.rows)
                  for result in (on_store, on_rdflib)]
        assert normal[0] == normal[1], name


def test_ask_and_construct_on_the_store(store):
    assert run(store, "ASK { ?s a <https://w3id.org/kg-news/ontology#Article> }").rows == [{"ask": "true"}]
    rows = run(store, "CONSTRUCT { ?a a ?c } WHERE { ?a a ?c . FILTER(?c = <https://w3id.org/kg-news/ontology#Article>) }").rows
    assert len(rows) == 2


def test_replacing_an_article_leaves_nothing_of_the_old_one(tmp_path, store, articles):
    first = quads(store)
    changed = rdf_of(SENTENCES[12:15], "a")  # the same id, other text
    add(store, [changed], replace=[changed.graph])
    store.collect_garbage()
    again = GraphStore.create(tmp_path / "fresh")
    add(again, [articles[1], changed])
    again.collect_garbage()
    # the same quads, but for which of an entity's labels came first (history decides that)
    assert labelled(quads(store)) == labelled(quads(again))
    assert quads(store) != first


def labelled(lines: set[str]) -> set[str]:
    """`lines` with the label of each shared node reduced to the node being labelled."""
    label = " <http://www.w3.org/2000/01/rdf-schema#label> "
    return {line.split(label)[0] + label if label in line and line.rstrip().endswith('" .') else line
            for line in lines}


def test_labels_stay_the_first_ones_seen(tmp_path, store):
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    before = {q for q in quads(store) if label in q}
    article = rdf_of(SENTENCES[:6], "c")
    article.shared = [(s, p, '"another name"' if p == label else o) for s, p, o in article.shared]
    add(store, [article])
    after = {q for q in quads(store) if label in q and "/id/article/" not in q}
    assert after == {q for q in before if "/id/article/" not in q}


def test_exports_hold_the_graph(tmp_path, store, articles):
    graph = to_graph(articles)
    for fmt in ("ttl", "nt", "xml", "jsonld", "nq", "trig"):
        back, graphs = read_back(export(store, tmp_path / f"g.{fmt}"), fmt)
        if fmt in ("nq", "trig"):
            assert len(graphs) == 3, fmt  # two articles and the default graph
        assert isomorphic(back, graph), fmt


def test_turtle_written_batch_by_batch_is_one_graph(articles):
    buffer = io.BytesIO()
    writer = TurtleWriter(buffer)
    for article in articles:
        writer.write(article.ntriples.encode("utf-8"))
    text = buffer.getvalue().decode("utf-8")
    assert text.count("@prefix kgo:") == 1
    expected = Graph().parse(data="".join(a.ntriples for a in articles), format="nt")
    assert isomorphic(Graph().parse(data=text, format="turtle"), expected)


def test_a_build_folder_is_read_in_place(tmp_path, store):
    folder = tmp_path / "out"
    folder.mkdir()
    store.close()
    os.replace(store.path, folder / "store")
    opened = open_store(folder)
    assert opened.path == folder / "store" and len(opened) > 0
    assert run(opened, "attacks").rows == run(opened, "attacks").rows


def test_ctrl_c_waits_for_the_commit():
    done = []
    with pytest.raises(KeyboardInterrupt):
        with uninterrupted():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
            done.append("committed")  # still ran: the interrupt comes after the block
    assert done == ["committed"]


def test_the_writer_thread_hands_errors_back():
    seen = []

    def work(item):
        if item == 2:
            raise OSError(28, "No space left on device")
        seen.append(item)

    with pytest.raises(OSError, match="No space"):
        with Behind(work) as behind:
            for item in range(50):
                behind.put(item)
    assert seen[:2] == [0, 1] and 2 not in seen


def test_the_writer_thread_finishes_in_order():
    seen = []
    with Behind(seen.append) as behind:
        for item in range(100):
            behind.put(item)
    assert seen == list(range(100))


def test_what_a_killed_build_left_is_removed(tmp_path):
    from kg.pipeline import _remove_leftovers

    dead, alive = tmp_path / ".build-999999999-abc", tmp_path / f".build-{os.getpid()}-abc"
    dead.mkdir()
    alive.mkdir()
    _remove_leftovers(tmp_path)
    assert not dead.exists() and alive.exists()


def test_append_to_a_folder_without_a_store_is_refused(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    (tmp_path / "graph.ttl").write_text("", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Some text.", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(article), "-o", str(tmp_path), "--append"])
    assert result.exit_code == 1 and "no store to append to" in result.output
    assert "Traceback" not in result.output
