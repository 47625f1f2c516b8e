"""Each bundled query on the hand-written fixture graph, with its expected rows."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.query import QueryError, named_queries, run, to_csv, to_json, to_table

FIXTURE = Path(__file__).parent / "fixtures" / "sample.ttl"
COLUMNS = {
    "attacks": ["attacker", "target", "date", "instrument", "place", "sentence", "doc"],
    "talks": ["participant", "talks", "date", "place", "sentence", "doc"],
    "offices": ["person", "office", "organization", "sentence", "doc"],
    "entities": ["entity", "label", "type", "mentions", "wikidata"],
    "event_mentions": ["doc", "event", "type", "trigger", "trigger_start", "trigger_end",
                       "role", "filler", "filler_start", "filler_end"],
}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(FIXTURE)


def test_bundled_queries_are_the_documented_ones():
    assert set(named_queries()) == set(COLUMNS)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_columns(graph, name):
    assert run(graph, name).columns == COLUMNS[name]


def test_attacks_lists_only_asserted_attacks(graph):
    [row] = run(graph, "attacks").rows
    assert row["attacker"] == "Veloria" and row["target"] == "Drelin power grid"
    assert row["date"] == "2024-03-14" and row["place"] == "Kelmar" and row["doc"] == "sample"
    assert set(row["instrument"].split("; ")) == {"drones", "missiles"}
    assert row["sentence"].startswith("Veloria struck")


def test_talks(graph):
    rows = run(graph, "talks").rows
    assert {r["participant"] for r in rows} == {"Ilse Varga", "Veloria"}
    assert {r["date"] for r in rows} == {"2024-04-02"}


def test_offices(graph):
    assert [(r["person"], r["office"], r["organization"]) for r in run(graph, "offices").rows] == [
        ("Ilse Varga", "Foreign Minister", "Tarsia")]


def test_entities(graph):
    rows = {r["label"]: r for r in run(graph, "entities").rows}
    assert rows["Veloria"]["wikidata"] == "Q4115189" and rows["Veloria"]["mentions"] == "2"
    assert rows["Tarsia"]["wikidata"] == "" and rows["Tarsia"]["type"] == "Country"


def test_event_mentions_offsets_point_into_the_text(graph):
    text = next(line for line in FIXTURE.read_text().splitlines() if line.startswith("# TEXT: "))[8:]
    rows = run(graph, "event_mentions").rows
    assert len(rows) == 9
    for row in rows:
        assert text[int(row["trigger_start"]):int(row["trigger_end"])] == row["trigger"]
        assert text[int(row["filler_start"]):int(row["filler_end"])] == row["filler"]


def test_inline_sparql_and_formats(graph):
    result = run(graph, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(result.rows[0]["n"]) == len(graph)
    assert to_csv(result).splitlines()[0] == "n"
    assert '"n"' in to_json(result)
    assert "(1 row)" in to_table(result)


def test_rq_file(graph, tmp_path):
    path = tmp_path / "people.rq"
    path.write_text("SELECT ?p WHERE { ?p a <https://w3id.org/kg-news/ontology#Person> }")
    assert len(run(graph, str(path)).rows) == 1


@pytest.mark.parametrize("query", ["no-such-query", "SELECT ?x WHERE { ?x", "missing.rq"])
def test_bad_queries_raise_query_error(graph, query):
    with pytest.raises(QueryError):
        run(graph, query)


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
])
def test_queries_that_would_reach_the_network_are_refused(graph, tmp_path, sparql):
    from kg.graphstore import GraphStore
    from kg.store import open_store

    for source in (graph, open_store(FIXTURE)):
        with pytest.raises(QueryError, match="SERVICE.*--allow-network"):
            run(source, sparql)
    assert isinstance(open_store(FIXTURE), GraphStore)


def test_variables_prefixed_names_and_load_in_strings_are_not_refused(graph):
    sparql = ('PREFIX ex: <http://x/> SELECT ?service WHERE { ?service ?p "a LOAD" . '
              'FILTER(?p != ex:service && ?p != <http://x/LOAD>) }  # LOAD')
    run(graph, sparql)  # no QueryError


@pytest.mark.parametrize("sparql", [
    # "<" is a comparison here, not an IRI; "#" then opens a comment hiding nothing
    "SELECT * { BIND(1 AS ?a) BIND(2 AS ?b) FILTER(?a<?b)SERVICE#>\n<http://example.org/> {?s ?p ?o} }",
    # a quote inside an IRI is no string
    "SELECT * { ?s <http://x/'> ?o . FILTER(?a<?b)SERVICE#>'\n<http://example.org/> {?s ?p ?o} }",
    'SELECT * { ?s ?p "SERVICE" }',  # refused too: telling strings apart needs the full grammar
])
def test_service_is_refused_wherever_it_hides(graph, sparql):
    with pytest.raises(QueryError, match="SERVICE"):
        run(graph, sparql)


def test_allow_network_lets_service_through(graph):
    with pytest.raises(QueryError) as refused:
        run(graph, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", allow_network=True)
    assert "--allow-network" not in str(refused.value)  # it tried, and the test's network guard stopped it


def test_an_attacker_the_article_does_not_name_is_left_empty():
    from tests.test_rdf import graph_of

    graph = graph_of(["Gunmen attacked a police station in northern Nigeria."])
    [row] = run(graph, "attacks").rows
    assert row["attacker"] == "" and row["target"] == "police station"
    assert run(graph, "SELECT ?label WHERE { ?g a kgo:UnnamedGroup ; rdfs:label ?label }").rows == [{"label": "Gunmen"}]
