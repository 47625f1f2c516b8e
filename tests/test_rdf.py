"""RDF output: stable IRIs, labels on every node, offsets into the text, and the code kept
in step with the ontology (every kgo: term the code emits is declared)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS

from kg.rdf import article_triples, new_graph
from kg.store import RDF_FORMATS, serialize
from kg.vocab import KGO, KGR, entity_iri, segment, slug
from tests.docs import extraction_of
from tests.sentences import SENTENCES

ONTOLOGY = Path(__file__).parent.parent / "ontology" / "kg.ttl"


def graph_of(texts, doc_id="t") -> Graph:
    graph = new_graph()
    for triple in article_triples(extraction_of(texts, doc_id, anchor=date(2024, 3, 13), title="A title")):
        graph.add(triple)
    return graph


@pytest.fixture(scope="module")
def graph() -> Graph:
    return graph_of(SENTENCES)


def test_every_kgo_term_the_code_emits_is_declared(graph):
    ontology = Graph().parse(ONTOLOGY)
    declared = {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KGO))}
    used = set()
    for s, p, o in graph:
        used |= {t for t in (p, o) if isinstance(t, URIRef) and str(t).startswith(str(KGO))}
    assert used, "the graph uses no kgo: terms"
    assert used - declared == set()


def test_same_input_same_graph():
    first, second = graph_of(SENTENCES), graph_of(SENTENCES)
    assert set(first) == set(second)


def test_every_node_has_a_label(graph):
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef)}
    unlabelled = [s for s in subjects if graph.value(s, RDFS.label) is None]
    assert unlabelled == []


def test_offsets_of_mentions_and_sentences(graph):
    text = "\n\n".join(SENTENCES)
    for node in set(graph.subjects(RDF.type, KGO.Mention)) | set(graph.subjects(RDF.type, KGO.Sentence)):
        start, end = int(graph.value(node, KGO.start)), int(graph.value(node, KGO.end))
        assert text[start:end] == str(graph.value(node, KGO.text))


def test_one_node_for_each_known_country_across_articles():
    merged = new_graph()
    for doc_id in ("a", "b"):
        for triple in article_triples(extraction_of(SENTENCES[:3], doc_id)):
            merged.add(triple)
    russia = entity_iri("Q159")
    assert (russia, RDF.type, KGO.Country) in merged
    assert len(set(merged.objects(russia, RDFS.label))) == 1
    articles = {merged.value(m, KGO.inArticle) for m in merged.subjects(KGO.refersTo, russia)}
    assert len(articles) == 2


def test_provenance_on_every_fact(graph):
    for kind in (KGO.Attack, KGO.Talks, KGO.Statement, KGO.OfficeHolding):
        for fact in graph.subjects(RDF.type, kind):
            assert graph.value(fact, KGO.rule) and "/" in str(graph.value(fact, KGO.rule))
            assert 0 < float(graph.value(fact, KGO.confidence)) <= 1
            assert graph.value(fact, KGO.trigger) is not None
            assert graph.value(fact, KGO.evidence) is not None


@given(st.text())
def test_minted_iris_are_valid(text):
    iri = entity_iri("person/" + slug(text))
    assert " " not in iri and all(ch not in iri for ch in '<>"{}|^`\\')
    raw = URIRef(KGR["article/" + segment(text)])
    assert all(ch not in raw for ch in ' <>"{}|^`\\\n')


@given(st.text())
def test_literals_round_trip_through_every_format(text):
    graph = Graph()
    node = URIRef(KGR["article/" + segment(text or "x")])
    graph.add((node, RDFS.label, Literal(text)))
    for fmt in ("nt", "ttl", "jsonld", "xml", "trig"):
        if fmt == "xml" and any(ord(ch) < 32 and ch not in "\t\n\r" or 0xD800 <= ord(ch) <= 0xDFFF or ord(ch) in (0xFFFE, 0xFFFF) for ch in text):
            continue  # XML 1.0 cannot hold these characters at all
        back = Graph().parse(data=serialize(graph, fmt), format=RDF_FORMATS[fmt].rdflib)
        assert isomorphic(graph, back), fmt


@given(st.text())
def test_ntriples_literals_read_back_as_written(value):
    import pyoxigraph

    from kg.rdf import text

    line = f"<https://w3id.org/kg-news/id/x> <http://www.w3.org/2000/01/rdf-schema#label> {text(value)} .\n"
    # lone surrogates (no UTF-8) and characters no XML format can hold become U+FFFD, one for one
    expected = "".join("\ufffd" if 0xD800 <= ord(ch) < 0xE000 or (ord(ch) < 0x20 and ch not in "\t\n\r")
                       or ch in "\ufffe\uffff" else ch for ch in value)
    [triple] = pyoxigraph.parse(line.encode("utf-8"), pyoxigraph.RdfFormat.N_TRIPLES)
    assert triple.object.value == expected
    [(_, _, literal)] = Graph().parse(data=line, format="nt")
    assert str(literal) == expected



def test_every_event_and_its_role_fillings_carry_the_shortcuts_and_they_copy_their_paths(graph):
    def one(node, predicate):  # noqa: E306
        values = list(graph.objects(node, predicate))
        assert len(values) == 1, (node, predicate)
        return values[0]

    events = {e for c in (KGO.Attack, KGO.Talks, KGO.Statement) for e in graph.subjects(RDF.type, c)}
    assert events
    for event in events:
        trigger = one(event, KGO.trigger)
        for shortcut, path in ((KGO.triggerText, KGO.text), (KGO.triggerStart, KGO.start), (KGO.triggerEnd, KGO.end)):
            assert one(event, shortcut) == one(trigger, path)
        assert one(event, KGO.sourceDocId) == one(one(event, PROV.wasDerivedFrom), KGO.docId)
        for filling in graph.objects(event, KGO.roleFilling):
            mention = one(filling, KGO.mention)
            for shortcut, path in ((KGO.fillerText, KGO.text), (KGO.fillerStart, KGO.start), (KGO.fillerEnd, KGO.end)):
                assert one(filling, shortcut) == one(mention, path)
            assert one(filling, KGO.fillerSentenceText) == one(one(mention, KGO.inSentence), KGO.text)
            assert str(one(filling, KGO.roleName)) == str(one(filling, KGO.role)).split("#")[1]
    holdings = set(graph.subjects(RDF.type, KGO.OfficeHolding))
    assert holdings and not any((f, KGO.fillerText, None) in graph for h in holdings for f in graph.objects(h, KGO.roleFilling))
