"""Untrusted text through every export: any article id and any label, written into a store
and exported in every format `kg export` offers, reads back as the same graph. No model."""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from kg.graphstore import GraphStore
from kg.rdf import iri, text
from kg.store import EXPORT_FORMATS, RDF_FORMATS, export
from kg.vocab import KGO, article_iri, entity_iri, slug
from tests.exports import read_back

# what the store holds, as kg writes it: characters no XML format can hold become U+FFFD
_UNHOLDABLE = {c: "\ufffd" for c in [*range(0x20), 0xFFFE, 0xFFFF] if chr(c) not in "\t\n\r"}
_ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=40) | st.text(max_size=40)
_ITEMS = st.lists(st.tuples(_ANY_TEXT.filter(str.strip), _ANY_TEXT), min_size=1, max_size=4)


def store_of(items: list[tuple[str, str]]) -> tuple[GraphStore, Graph, dict[str, set]]:
    """A store with one article graph per (doc id, label) holding a Person labelled so; the
    expected graph; and each article graph's expected triples."""
    lines, expected, by_graph = [], Graph(), {}
    for number, (doc_id, label) in enumerate(items):
        graph = str(article_iri(f"{doc_id}-{number}"))
        person = str(entity_iri(f"person/{slug(label)}-{number}"))
        lines += [f"{iri(person)} {iri(str(RDF.type))} {iri(str(KGO.Person))} {iri(graph)} .\n",
                  f"{iri(person)} {iri(str(RDFS.label))} {text(label)} {iri(graph)} .\n"]
        triples = {(URIRef(person), RDF.type, KGO.Person),
                   (URIRef(person), RDFS.label, Literal(label.translate(_UNHOLDABLE)))}
        by_graph[graph] = triples
        for triple in triples:
            expected.add(triple)
    store = GraphStore(ox.Store())
    store.add("".join(lines).encode("utf-8"))
    return store, expected, by_graph


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_ITEMS)
def test_every_rdf_export_reads_back_as_the_same_graph(tmp_path, items):
    store, expected, by_graph = store_of(items)
    for fmt in RDF_FORMATS:
        path = export(store, tmp_path / f"graph.{fmt}")
        back, graphs = read_back(path, fmt)
        if fmt in ("nq", "trig"):  # one named graph per article
            assert graphs == by_graph, fmt
        assert isomorphic(back, expected), fmt
        assert set(back) == set(expected), fmt
        # and Oxigraph, an independent parser, reads the same triples
        assert len(list(ox.parse(path=str(path), format=RDF_FORMATS[fmt].oxigraph))) == len(expected), fmt


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_ITEMS)
def test_graph_tool_exports_keep_every_label(tmp_path, items):
    store, expected, _ = store_of(items)
    labels = sorted(str(o) for _, p, o in expected if p == RDFS.label)
    assert set(EXPORT_FORMATS) - set(RDF_FORMATS) == {"graphml", "gexf"}
    gexf = nx.read_gexf(export(store, tmp_path / "graph.gexf"))
    assert sorted(attrs["label"] for _, attrs in gexf.nodes(data=True)) == labels
    graphml = nx.read_graphml(export(store, tmp_path / "graph.graphml"))
    # networkx writes GraphML's carriage returns bare, and XML readers take them for line ends
    assert sorted(attrs["label"] for _, attrs in graphml.nodes(data=True)) == \
        sorted(label.replace("\r\n", "\n").replace("\r", "\n") for label in labels)
