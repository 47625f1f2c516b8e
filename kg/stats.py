"""Numbers that describe a graph: how many nodes of each type, events by type, status and
month, the most central actors and the communities they form, as a table or JSON.

Works on the networkx view of `kg.view`; networkx only (no spaCy, no pyvis).
"""
from __future__ import annotations

import json
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from itertools import combinations

import networkx as nx
import rdflib

from .text import shorten
from .view import EVENT_TYPES, graph_view
from .vocab import ENTITY_CLASSES, KGO, STATUSES

__all__ = ["ACTOR_ROLES", "Actor", "Community", "Stats", "actor_graph", "pagerank", "stats", "to_json", "to_table"]

# Roles whose fillers are actors: who attacks, is attacked, meets, hosts or speaks. Instruments
# (weapons) and places say how and where, not who, and are left out of the actor graph.
ACTOR_ROLES = ("attacker", "target", "participant", "host", "speaker")
NODE_TYPES = (*ENTITY_CLASSES, *EVENT_TYPES, "Office")
UNDATED = "undated"
MEASURES = ("degree", "pagerank", "betweenness")
# Betweenness costs about (sources x (actors + ties)) steps: exact (every actor a source) while
# that stays under the budget (about a second), else estimated from as many sampled sources as
# the budget allows, and never fewer than the minimum.
BETWEENNESS_BUDGET = 500_000
MIN_SAMPLE = 50
SEED = 0  # for the betweenness sample and Louvain: the same graph always gives the same numbers
MEMBERS_SHOWN = 6  # community members listed in the table


@dataclass(frozen=True)
class Actor:
    id: str  # the entity's IRI
    label: str
    type: str
    events: int  # events it fills an actor role in
    degree: int  # distinct actors it shares an event with
    pagerank: float
    betweenness: float


@dataclass(frozen=True)
class Community:
    size: int
    members: list[Actor]  # the most central first (by PageRank), at most `top`


@dataclass(frozen=True)
class Stats:
    nodes: int  # in the view: entities, events and offices
    edges: int
    types: dict[str, int]  # node type -> count
    events_by_status: dict[str, dict[str, int]]  # event type -> status -> count
    events_by_month: dict[str, dict[str, int]]  # "YYYY-MM" (or "YYYY", "undated") -> event type -> count
    actors: int  # entities filling an actor role
    ties: int  # pairs of actors that share at least one event
    betweenness_sample: int | None  # sources sampled for betweenness; None when exact
    central: dict[str, list[Actor]]  # "degree" | "pagerank" | "betweenness" -> the top actors
    community_count: int  # communities of two or more actors
    communities: list[Community]  # the largest first, at most `top`

    def as_dict(self) -> dict:
        return asdict(self)


def actor_graph(view: nx.MultiDiGraph) -> nx.Graph:
    """The events of `view` projected onto their actors: an undirected graph whose nodes are
    the entities that fill an actor role (`ACTOR_ROLES`) in any event, whatever its status,
    and whose edges link two actors of the same event, with `weight` the number of events
    they share. Nodes carry `label`, `type` and `events` (how many events they act in); an
    actor that only ever acts alone (a speaker) is a node without edges.

    Nodes and edges are added in sorted order, so the same view gives the same graph.
    """
    events_of = defaultdict(set)
    actors_of = defaultdict(set)
    for event, filler, role in view.edges(data="role"):
        if role in ACTOR_ROLES and view.nodes[event].get("type") in EVENT_TYPES:
            events_of[filler].add(event)
            actors_of[event].add(filler)
    actors = nx.Graph()
    for node in sorted(events_of):
        data = view.nodes[node]
        actors.add_node(node, label=data.get("label", node), type=data.get("type", "Entity"),
                        events=len(events_of[node]))
    weights = Counter()
    for event in sorted(actors_of):
        weights.update(combinations(sorted(actors_of[event]), 2))
    for (a, b), weight in sorted(weights.items()):
        actors.add_edge(a, b, weight=weight)
    return actors


def pagerank(graph: nx.Graph, alpha: float = 0.85, weight: str = "weight",
             tol: float = 1e-9, max_iter: int = 500) -> dict:
    """PageRank of each node of an undirected graph, by power iteration over edge weights;
    nodes without edges share their rank with all. The values sum to 1.

    The same computation as `networkx.pagerank`, which needs scipy (kg does not).

    >>> ranks = pagerank(nx.star_graph(3))
    >>> max(ranks, key=ranks.get)
    0
    """
    nodes = list(graph)
    n = len(nodes)
    if not n:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    out = []  # per node: (neighbour index, share of the node's weight) pairs
    for u in nodes:
        total = sum(d.get(weight, 1) for d in graph[u].values())
        out.append([(index[v], d.get(weight, 1) / total) for v, d in graph[u].items()] if total else [])
    dangling = [i for i, edges in enumerate(out) if not edges]
    rank = [1.0 / n] * n
    for _ in range(max_iter):
        new = [(1 - alpha) / n + alpha * sum(rank[i] for i in dangling) / n] * n
        for i, edges in enumerate(out):
            share = alpha * rank[i]
            for j, w in edges:
                new[j] += share * w
        change = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if change < n * tol:
            break
    return dict(zip(nodes, rank))


def stats(view_or_graph: nx.MultiDiGraph | rdflib.Graph, top: int = 10) -> Stats:
    """Counts, the `top` most central actors and the `top` largest communities of a graph.

    `view_or_graph` is a `kg.view.graph_view` or an rdflib Graph (whose view is taken). Events
    are bucketed by the month of their date ("2024-03"); a date known only to the year (from
    an rdflib Graph's `kgo:datePrecision`, or a view node's `date_precision`) goes under the
    year ("2024"), and an event without a date under "undated".

    Centrality is measured on `actor_graph(view)`: actors linked when they share an event,
    weighted by how many. Degree counts distinct co-actors; PageRank uses the weights;
    betweenness is the share of shortest paths (in hops) between linked actors that pass
    through an actor, exact on small graphs and estimated from sampled sources on big ones
    (`BETWEENNESS_BUDGET`), so the time stays about linear in the size of the graph.
    Communities are Louvain's (weighted) over the linked actors. Seeds are fixed: the same
    graph gives the same result. Ties in a ranking go to the actor in more events, then by
    label. Only actors with a measure above zero are ranked.

    >>> result = stats(kg.store.load_graph("tests/fixtures/sample.ttl"))   # doctest: +SKIP
    >>> [actor.label for actor in result.central["pagerank"][:2]]           # doctest: +SKIP
    ['Veloria', 'Morv']
    """
    if isinstance(view_or_graph, rdflib.Graph):
        view = graph_view(view_or_graph)
        precision = {str(event): str(value) for event, value in view_or_graph.subject_objects(KGO.datePrecision)}
    else:
        view = view_or_graph
        precision = {}

    types = Counter(data.get("type", "Entity") for _, data in view.nodes(data=True))
    by_status: dict[str, Counter] = {kind: Counter() for kind in EVENT_TYPES}
    by_month: dict[str, Counter] = defaultdict(Counter)
    for node, data in view.nodes(data=True):
        kind = data.get("type")
        if kind not in EVENT_TYPES:
            continue
        by_status[kind][data.get("status") or "asserted"] += 1
        month = _month(data.get("date"), data.get("date_precision") or precision.get(node))
        by_month[month][kind] += 1

    actors = actor_graph(view)
    linked = nx.Graph(actors.subgraph(node for node in actors if actors.degree(node)))  # a copy: views are slow
    ranks = pagerank(actors)
    sample = _sample_size(linked)
    between = dict.fromkeys(actors, 0.0)
    if len(linked) > 2:
        between.update(nx.betweenness_centrality(linked, k=sample, seed=SEED))
    rows = {
        node: Actor(id=node, label=data["label"], type=data["type"], events=data["events"],
                    degree=actors.degree(node), pagerank=round(ranks[node], 6),
                    betweenness=round(between[node], 6))
        for node, data in actors.nodes(data=True)
    }

    def ranked(candidates, measure: str) -> list[Actor]:
        return sorted(candidates, key=lambda a: (-getattr(a, measure), -a.events, a.label, a.id))

    central = {measure: [a for a in ranked(rows.values(), measure) if getattr(a, measure) > 0][:top]
               for measure in MEASURES}
    found = nx.community.louvain_communities(linked, weight="weight", seed=SEED) if len(linked) else []
    groups = [ranked((rows[node] for node in group), "pagerank") for group in found if len(group) > 1]
    groups.sort(key=lambda members: (-len(members), members[0].label, members[0].id))

    return Stats(
        nodes=view.number_of_nodes(),
        edges=view.number_of_edges(),
        types={kind: types[kind] for kind in (*NODE_TYPES, *sorted(set(types) - set(NODE_TYPES)))},
        events_by_status={kind: {status: counts[status]
                                 for status in (*STATUSES, *sorted(set(counts) - set(STATUSES)))}
                          for kind, counts in by_status.items()},
        events_by_month={month: {kind: by_month[month][kind] for kind in EVENT_TYPES}
                         for month in sorted(by_month, key=lambda m: (m == UNDATED, m))},
        actors=actors.number_of_nodes(),
        ties=actors.number_of_edges(),
        betweenness_sample=sample,
        central=central,
        community_count=len(groups),
        communities=[Community(size=len(members), members=members[:top]) for members in groups[:top]],
    )


def _sample_size(linked: nx.Graph) -> int | None:
    """How many sources to sample for betweenness on `linked`; None for all of them (exact)."""
    n, size = linked.number_of_nodes(), linked.number_of_nodes() + linked.number_of_edges()
    if n * size <= BETWEENNESS_BUDGET:
        return None
    return min(n, max(MIN_SAMPLE, BETWEENNESS_BUDGET // size))


def _month(date, precision: str | None) -> str:
    """The bucket of an event date: "YYYY-MM", "YYYY" for a date known only to the year."""
    text = str(date or "")
    if not re.match(r"\d{4}", text):
        return UNDATED
    if precision == "year" or not re.match(r"\d{4}-\d{2}", text):
        return text[:4]
    return text[:7]


# ---- formatting


def to_json(result: Stats) -> str:
    """`result` as indented JSON (the fields of `Stats`), for programs."""
    return json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"


def to_table(result: Stats, width: int | None = None) -> str:
    """`result` as aligned text tables under headings, for people; long labels are cut with "…"."""
    width = width or shutil.get_terminal_size((100, 20)).columns
    out = [f"{result.nodes} nodes, {result.edges} edges; {result.actors} actors, "
           f"{result.ties} ties between actors who share an event"]

    out += _section("Nodes by type", ["type", "count"],
                    [[kind, n] for kind, n in result.types.items() if n])

    statuses = [s for s in STATUSES if any(c.get(s) for c in result.events_by_status.values())]
    statuses += sorted({s for c in result.events_by_status.values() for s, n in c.items() if n} - set(statuses))
    status_rows = [[kind, sum(counts.values()), *(counts.get(s, 0) for s in statuses)]
                   for kind, counts in result.events_by_status.items()]
    status_rows.append(["total", *(sum(row[i] for row in status_rows) for i in range(1, 2 + len(statuses)))])
    out += _section("Events by type and status", ["type", "total", *statuses], status_rows)

    kinds = list(EVENT_TYPES)
    month_rows = [[month, *(counts.get(k, 0) for k in kinds), sum(counts.values())]
                  for month, counts in result.events_by_month.items()]
    out += _section("Events by month", ["month", *kinds, "total"], month_rows)

    headings = {
        "degree": "Most central actors by degree (co-actors: distinct actors sharing an event)",
        "pagerank": "Most central actors by PageRank (weighted by shared events)",
        "betweenness": "Most central actors by betweenness (on paths between other actors)"
                       + (f", estimated from {result.betweenness_sample} sampled actors"
                          if result.betweenness_sample else ""),
    }
    label_width = max(12, width - 62)
    for measure in MEASURES:
        rows = [[i, shorten(a.label, label_width), a.type, a.events, a.degree, f"{a.pagerank:.4f}", f"{a.betweenness:.4f}"]
                for i, a in enumerate(result.central[measure], 1)]
        out += _section(headings[measure], ["#", "actor", "type", "events", "co-actors", "pagerank", "betweenness"], rows)

    shown = len(result.communities)
    heading = (f"Communities of actors (Louvain): {result.community_count}"
               + (f", the largest {shown}" if shown < result.community_count else ""))
    rows = []
    for i, community in enumerate(result.communities, 1):
        members = [m.label for m in community.members[:MEMBERS_SHOWN]]
        more = ", …" if community.size > len(members) else ""
        rows.append([i, community.size, shorten(", ".join(members) + more, max(20, width - 14))])
    out += _section(heading, ["#", "size", "most central members"], rows)
    return "\n".join(out) + "\n"


def _section(title: str, columns: list[str], rows: list[list]) -> list[str]:
    """A heading and an aligned table under it; numbers are right-aligned."""
    lines = ["", title, "=" * len(title)]
    if not rows:
        return lines + ["(none)"]
    cells = [[str(v) for v in row] for row in rows]
    numeric = [all(isinstance(row[i], (int, float)) or re.fullmatch(r"[\d.]+", str(row[i])) for row in rows)
               for i in range(len(columns))]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    return lines + [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
