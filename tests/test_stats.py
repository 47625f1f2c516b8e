"""`kg stats` and GEXF export on the fixture graph and on hand-built views (no model needed):
counts, month buckets, the actor graph, central actors, communities, the table and JSON,
determinism, and the command line."""
from __future__ import annotations

import json
import random
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg import stats as analysis
from kg.cli import main
from kg.stats import actor_graph, pagerank, stats, to_json, to_table
from kg.store import EXPORT_FORMATS, format_for, load_graph
from kg.view import graph_view
from kg.vocab import KGO

FIXTURE = Path(__file__).parent / "fixtures" / "sample.ttl"
ID = "https://w3id.org/kg-news/id/"
VELORIA, TARSIA, MORV = ID + "entity/Q4115189", ID + "entity/country/tarsia", ID + "entity/place/morv"
GRID, VARGA = ID + "entity/entity/drelin-power-grid", ID + "entity/person/ilse-varga"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_graph(FIXTURE)


@pytest.fixture(scope="module")
def result(graph):
    return stats(graph)


def make_view(events, types=None) -> nx.MultiDiGraph:
    """A view with `events`: (id, type, date, {role: [actor, ...]}); actors are Countries
    unless `types` says otherwise, labelled by their id."""
    view = nx.MultiDiGraph()
    for event, kind, date, roles in events:
        view.add_node(event, type=kind, label=event, status="asserted", date=date)
        for role, fillers in roles.items():
            for filler in fillers:
                view.add_node(filler, type=(types or {}).get(filler, "Country"), label=filler)
                view.add_edge(event, filler, key=role, role=role)
    return view


def labels(actors) -> list[str]:
    return [a.label for a in actors]


# ---- counts


def test_nodes_by_type(result):
    assert result.types == {"Person": 1, "Organization": 0, "Country": 2, "Place": 2, "Group": 0, "Weapon": 2,
                            "Entity": 1, "Attack": 2, "Talks": 1, "Statement": 0, "Office": 1}
    assert result.nodes == 12 and result.nodes == sum(result.types.values())


def test_events_by_type_and_status(result):
    assert {kind: {s: n for s, n in counts.items() if n} for kind, counts in result.events_by_status.items()} == {
        "Attack": {"asserted": 1, "denied": 1}, "Talks": {"planned": 1}, "Statement": {}}


def test_events_by_month_undated_last(result):
    assert result.events_by_month == {
        "2024-03": {"Attack": 1, "Talks": 0, "Statement": 0},
        "2024-04": {"Attack": 0, "Talks": 1, "Statement": 0},
        "undated": {"Attack": 1, "Talks": 0, "Statement": 0},
    }
    assert list(result.events_by_month)[-1] == "undated"


def test_a_date_known_only_to_the_year_is_counted_under_the_year(graph):
    changed = Graph()
    for triple in graph:
        changed.add(triple)
    event = URIRef(ID + "article/sample/event/8-14")
    changed.set((event, KGO.datePrecision, Literal("year")))
    assert list(stats(changed).events_by_month) == ["2024", "2024-04", "undated"]


def test_months_sort_in_time_order():
    view = make_view([("e1", "Attack", "2016-11-02", {}), ("e2", "Talks", "2009-03-01", {}),
                      ("e3", "Attack", None, {}), ("e4", "Attack", "2016-02-29", {})])
    assert list(stats(view).events_by_month) == ["2009-03", "2016-02", "2016-11", "undated"]


# ---- the actor graph


def test_actor_graph_links_actors_who_share_an_event(graph):
    actors = actor_graph(graph_view(graph))
    # weapons (instrument) and Kelmar (place) say how and where, not who
    assert set(actors) == {VELORIA, TARSIA, MORV, GRID, VARGA}
    assert {frozenset(edge) for edge in actors.edges} == {
        frozenset((VELORIA, GRID)), frozenset((TARSIA, MORV)), frozenset((VELORIA, VARGA))}
    assert actors.nodes[VELORIA]["events"] == 2 and actors.nodes[VELORIA]["label"] == "Veloria"


def test_actor_graph_weights_count_shared_events():
    view = make_view([
        ("e1", "Talks", None, {"participant": ["A", "B", "C"]}),
        ("e2", "Attack", None, {"attacker": ["A"], "target": ["B"], "instrument": ["drones"], "place": ["Town"]}),
        ("e3", "Statement", None, {"speaker": ["D"]}),
    ])
    actors = actor_graph(view)
    assert set(actors) == {"A", "B", "C", "D"}
    assert actors["A"]["B"]["weight"] == 2 and actors["A"]["C"]["weight"] == 1
    assert actors.degree("D") == 0  # a speaker alone is an actor without ties


# ---- central actors


def test_central_actors(result, graph):
    assert [labels(result.central[m])[0] for m in ("degree", "pagerank", "betweenness")] == ["Veloria"] * 3
    # ties in degree go to the actor in more events, then by label
    assert labels(result.central["degree"]) == ["Veloria", "Drelin power grid", "Ilse Varga", "Morv", "Tarsia"]
    # only Veloria lies between others: Drelin power grid - Veloria - Ilse Varga, 1 of 6 pairs
    assert labels(result.central["betweenness"]) == ["Veloria"]
    assert result.central["betweenness"][0].betweenness == pytest.approx(1 / 6, abs=1e-6)
    top = result.central["pagerank"][0]
    assert (top.type, top.events, top.degree) == ("Country", 2, 2)
    assert result.actors == 5 and result.ties == 3 and result.betweenness_sample is None


def test_top_limits_the_lists(graph):
    small = stats(graph, top=2)
    assert all(len(actors) <= 2 for actors in small.central.values())
    assert len(stats(graph, top=1).communities) == 1


def test_pagerank_matches_networkx():
    reference = getattr(nx.algorithms.link_analysis.pagerank_alg, "_pagerank_python", None)
    if reference is None:
        pytest.skip("networkx's pure-Python PageRank is not there to compare with")
    g = nx.Graph()
    g.add_weighted_edges_from([("a", "b", 3), ("b", "c", 1), ("c", "a", 1), ("c", "d", 2)])
    g.add_node("alone")
    ours, theirs = pagerank(g), reference(g, tol=1e-12, max_iter=1000)
    assert ours == pytest.approx(theirs, abs=1e-8)
    assert sum(ours.values()) == pytest.approx(1)


def test_betweenness_is_sampled_on_big_graphs(monkeypatch):
    rng = random.Random(1)
    view = make_view([(f"e{i}", "Attack", None, {"attacker": [f"a{rng.randrange(300)}"],
                                                 "target": [f"a{rng.randrange(300)}"]}) for i in range(600)])
    assert stats(view).betweenness_sample is None
    monkeypatch.setattr(analysis, "BETWEENNESS_BUDGET", 10_000)
    first = stats(view)
    assert first.betweenness_sample == analysis.MIN_SAMPLE
    assert stats(view) == first  # the sample is seeded


# ---- communities


def test_communities_largest_first_most_central_member_first(result):
    assert [(c.size, labels(c.members)) for c in result.communities] == [
        (3, ["Veloria", "Drelin power grid", "Ilse Varga"]),
        (2, ["Morv", "Tarsia"]),
    ]
    assert result.community_count == 2


def test_two_separate_groups_are_two_communities():
    clique = lambda names, n: [(f"{n}{i}", "Talks", None, {"participant": names}) for i in range(3)]
    view = make_view(clique(["A", "B", "C", "D"], "x") + clique(["P", "Q", "R"], "y")
                     + [("bridge", "Attack", None, {"attacker": ["D"], "target": ["P"]})])
    groups = [sorted(labels(c.members)) for c in stats(view).communities]
    assert groups == [["A", "B", "C", "D"], ["P", "Q", "R"]]


# ---- determinism, formats


def reversed_view(view: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same view with nodes and edges added in the opposite order."""
    other = nx.MultiDiGraph()
    other.add_nodes_from(reversed(list(view.nodes(data=True))))
    other.add_edges_from(reversed(list(view.edges(keys=True, data=True))))
    return other


def test_the_same_graph_gives_the_same_result(graph, result):
    view = graph_view(graph)
    assert stats(reversed_view(view)) == stats(view)
    assert to_json(stats(graph)) == to_json(result)


def test_the_order_of_the_view_does_not_change_communities():
    # big enough that Louvain's answer depends on the order it visits nodes in
    rng = random.Random(3)
    view = make_view([(f"e{i:03d}", "Talks", None, {"participant": rng.sample([f"a{j:02d}" for j in range(60)], 3)})
                      for i in range(80)])
    assert stats(reversed_view(view)) == stats(view)


def test_json_shape(result):
    data = json.loads(to_json(result))
    assert set(data) == {"nodes", "edges", "types", "events_by_status", "events_by_month", "actors", "ties",
                         "betweenness_sample", "central", "community_count", "communities"}
    assert set(data["central"]) == {"degree", "pagerank", "betweenness"}
    assert data["central"]["pagerank"][0] == {
        "id": VELORIA, "label": "Veloria", "type": "Country", "events": 2, "degree": 2,
        "pagerank": result.central["pagerank"][0].pagerank, "betweenness": pytest.approx(1 / 6, abs=1e-6)}
    assert data["communities"][0]["size"] == 3 and data["communities"][0]["members"][0]["label"] == "Veloria"


def test_table_has_sections_with_aligned_columns(result, graph):
    text = to_table(result, width=100)
    for heading in ("Nodes by type", "Events by type and status", "Events by month",
                    "Most central actors by degree", "Most central actors by PageRank",
                    "Most central actors by betweenness", "Communities of actors (Louvain): 2"):
        assert heading in text
    section = text.split("Nodes by type\n")[1].split("\n\n")[0].splitlines()[1:]
    assert len({len(line) for line in section}) == 1  # counts right-aligned under "count"
    assert "Veloria, Drelin power grid, Ilse Varga\n" in text
    assert "Veloria, Drelin power grid, …\n" in to_table(stats(graph, top=2), width=100)
    assert "Weapon" in text and "Organization" not in text  # types with no nodes are left out of the table


def test_long_labels_are_cut_to_fit():
    name = "An extraordinarily long organisation name " * 5
    view = make_view([("e", "Talks", None, {"participant": [name, "B"]})])
    text = to_table(stats(view), width=80)
    assert max(len(line) for line in text.splitlines() if not line.startswith("=")) <= 80
    assert "…" in text


def test_empty_graph():
    empty = stats(Graph())
    assert empty.nodes == 0 and empty.actors == 0 and empty.communities == []
    assert all(actors == [] for actors in empty.central.values())
    assert "(none)" in to_table(empty)
    json.loads(to_json(empty))


# ---- command line and GEXF


@pytest.fixture
def out(build_folder) -> Path:
    return build_folder


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_stats_table_and_json(out):
    table = invoke("stats", out)
    assert table.exit_code == 0, table.output
    assert "Most central actors by PageRank" in table.output and "Veloria" in table.output
    data = json.loads(invoke("stats", out / "graph.ttl", "--format", "json", "--top", "1").output)
    assert labels_of(data["central"]["degree"]) == ["Veloria"]
    assert len(data["communities"]) == 1


def labels_of(rows) -> list[str]:
    return [row["label"] for row in rows]


def test_cli_stats_help_has_an_example():
    result = invoke("stats", "--help")
    assert result.exit_code == 0 and "Example" in result.output and "kg stats out" in result.output


@pytest.mark.parametrize("args, message", [
    (["stats", "missing-folder"], "no such build folder"),
    (["stats", "{out}", "--top", "0"], "Invalid value"),
    (["export", "{out}", "--format", "gexf"], "gexf needs -o FILE"),
])
def test_cli_errors_are_one_line(out, args, message):
    result = invoke(*[a.replace("{out}", str(out)) for a in args])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("args", [["-o", "g.gexf"], ["--format", "gexf", "-o", "g.graph"]])
def test_gexf_export_reads_back(out, tmp_path, graph, args):
    target = tmp_path / args[-1]
    result = invoke("export", out, *args[:-1], target)
    assert result.exit_code == 0, result.output
    back = nx.read_gexf(target)
    view = graph_view(graph)
    assert back.number_of_nodes() == view.number_of_nodes() and back.number_of_edges() == view.number_of_edges()
    assert back.nodes[VELORIA]["label"] == "Veloria" and back.nodes[VELORIA]["type"] == "Country"
    roles = {data["label"] for _, _, data in back.edges(data=True)}
    assert {"attacker", "target", "participant", "holds office"} <= roles
    assert json.loads(next(d["evidence"] for n, d in back.nodes(data=True) if d["label"] == "Veloria"))


def test_gexf_is_an_export_format():
    assert "gexf" in EXPORT_FORMATS and format_for("graph.GEXF") == "gexf" and format_for("g.graphml") == "graphml"
