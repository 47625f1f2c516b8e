"""Which part of a view (`kg.view.graph_view`) to draw: a node's neighbourhood, what a query's
rows name, and at most N nodes, the most connected first. Plain functions from a view to a
smaller view; each is linear in the size of the view (plus a sort).
"""
from __future__ import annotations

import difflib
from collections import Counter, deque
from collections.abc import Iterable, Mapping

import networkx as nx

from .errors import ViewError
from .view import EVENT_TYPES

__all__ = ["MAX_NODES", "focus", "from_rows", "left_out_note", "most_connected", "select"]

MAX_NODES = 1500  # drawn at most, by default: a browser lays out and draws this many in seconds
HOPS = 2  # an entity, its events, and their other role fillers


def find(view: nx.MultiDiGraph, label: str) -> list[str]:
    """Ids of the nodes labelled `label` (case-insensitive), or whose IRI is `label`.

    Raises ViewError listing close labels when there is none.

    >>> view = nx.MultiDiGraph(); view.add_node("kgr:1", label="Ukraine")
    >>> find(view, "ukraine")
    ['kgr:1']
    """
    wanted = label.strip().casefold()
    found = [node for node, attrs in view.nodes(data=True)
             if str(attrs.get("label", "")).casefold() == wanted or node == label]
    if found:
        return sorted(found)
    raise ViewError(f"no node is labelled {label!r}" + _suggestions(view, wanted))


def _suggestions(view: nx.MultiDiGraph, wanted: str, limit: int = 8) -> str:
    """"; close matches: ..." from labels that contain `wanted` or look like it (most connected first)."""
    labels: dict[str, tuple[int, str]] = {}
    for node, attrs in view.nodes(data=True):
        text = str(attrs.get("label", ""))
        folded = text.casefold()
        best = labels.get(folded)
        degree = view.degree(node)
        if best is None or degree > best[0]:
            labels[folded] = (degree, text)
    containing = sorted((f for f in labels if wanted and wanted in f), key=lambda f: (-labels[f][0], f))
    alike = difflib.get_close_matches(wanted, list(labels), n=limit, cutoff=0.6)
    close = list(dict.fromkeys([*alike, *containing]))[:limit]
    if not close:
        return "; no label is close (see `kg query GRAPH entities`)"
    return "; close matches: " + ", ".join(repr(labels[f][1]) for f in close)


def focus(view: nx.MultiDiGraph, label: str, hops: int = HOPS) -> nx.MultiDiGraph:
    """The nodes within `hops` edges (either direction) of the nodes labelled `label`, with the
    edges between them; each node gets `hops`, its distance from the focus.

    Raises ViewError (with close matches) when no node has that label.
    """
    if hops < 0:
        raise ViewError("hops must be 0 or more")
    seeds = find(view, label)
    distance = {node: 0 for node in seeds}
    queue = deque(seeds)
    while queue:
        node = queue.popleft()
        if distance[node] >= hops:
            continue
        for other in (*view.successors(node), *view.predecessors(node)):
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    part = view.subgraph(distance).copy()
    nx.set_node_attributes(part, distance, "hops")
    part.graph["focus"] = label
    return part


def from_rows(view: nx.MultiDiGraph, rows: Iterable[Mapping[str, str]]) -> nx.MultiDiGraph:
    """The part of `view` that query result rows name, with each kept event's role fillers.

    A node is kept when a cell holds its IRI; an entity when a cell holds its label; an office
    when a row holds its title (and its organization, if it has one); an event when the rows
    that hold its article's doc id and one of its evidence sentences name (by label) two of its
    role fillers, or all of them if it has fewer. So the bundled `attacks`, `talks` and
    `offices` queries, whose rows give labels, sentences and doc ids, draw just their facts.
    A cell of "; "-joined values (`attacks`' instruments) counts each value.
    """
    rows = [_cells(row) for row in rows]
    rows_with: dict[str, set[int]] = {}
    for i, cells in enumerate(rows):
        for cell in cells:
            rows_with.setdefault(cell, set()).add(i)
    keep = set()
    for node, attrs in view.nodes(data=True):
        kind = attrs.get("type")
        if node in rows_with:
            keep.add(node)
        elif kind in EVENT_TYPES:
            if _event_in_rows(view, node, attrs, rows, rows_with):
                keep.add(node)
        elif kind == "Office":
            title, org = attrs.get("name"), attrs.get("organization")
            if title in rows_with and (org is None or rows_with[title] & rows_with.get(org, set())):
                keep.add(node)
        elif attrs.get("label") in rows_with:
            keep.add(node)
    for node in list(keep):
        if view.nodes[node].get("type") in EVENT_TYPES:
            keep.update(view.successors(node))
    return view.subgraph(keep).copy()


def _cells(row: Mapping[str, str]) -> set[str]:
    cells = set()
    for value in row.values():
        if value:
            cells.add(str(value))
            cells.update(part for part in str(value).split("; ") if part)
    return cells


def _event_in_rows(view, node, attrs, rows, rows_with) -> bool:
    candidates = set()
    for item in attrs.get("evidence") or ():
        sentence, doc = item.get("sentence"), item.get("doc")
        if sentence in rows_with and doc in rows_with:
            candidates |= rows_with[sentence] & rows_with[doc]
    if not candidates:
        return False
    fillers = {view.nodes[other].get("label") for other in view.successors(node)}
    named = set().union(*(rows[i] & fillers for i in candidates))
    return len(named) >= min(2, len(fillers)) > 0


def most_connected(view: nx.MultiDiGraph, max_nodes: int = MAX_NODES) -> nx.MultiDiGraph:
    """At most `max_nodes` nodes of `view`, drawn in whole facts: an event with all its role
    fillers, a person with their office. Facts nearest the focus come first (`hops`, when
    set), then those whose nodes are the most connected (the sum of their degrees); nodes on
    no edge come last, most mentioned first. So no event is drawn half and no entity alone
    while its events are left out. Returns `view` itself when it is small enough; otherwise a
    copy whose graph attributes say what was left out: `total` nodes and `left_out` ({type: count}).
    """
    if max_nodes < 1:
        raise ViewError("max-nodes must be 1 or more")
    if view.number_of_nodes() <= max_nodes:
        return view
    degree = dict(view.degree())
    nodes = view.nodes

    def hops(members) -> int:
        return min(nodes[m].get("hops", 0) for m in members)

    facts = []  # (sort key, members)
    for node, attrs in nodes(data=True):
        if attrs.get("type") in EVENT_TYPES:
            members = [node, *dict.fromkeys(view.successors(node))]
        elif degree[node] == 0:
            facts.append(((hops([node]), 1, -(attrs.get("mentions") or 0), str(attrs.get("label", "")), node), [node]))
            continue
        else:  # an entity's facts are its events and its offices
            for office in dict.fromkeys(view.successors(node)):
                if nodes[office].get("type") not in EVENT_TYPES:
                    members = [node, office]
                    facts.append(((hops(members), 0, -(degree[node] + degree[office]),
                                   str(attrs.get("label", "")), node + office), members))
            continue
        facts.append(((hops(members), 0, -sum(degree[m] for m in members), str(attrs.get("label", "")), node),
                      members))
    facts.sort(key=lambda fact: fact[0])
    keep: dict[str, None] = {}
    for _, members in facts:
        new = [m for m in members if m not in keep]
        if len(keep) + len(new) <= max_nodes:
            keep.update(dict.fromkeys(new))
            if len(keep) == max_nodes:
                break
    part = view.subgraph(keep).copy()
    part.graph["total"] = view.graph.get("total", view.number_of_nodes())
    left_out = Counter(attrs.get("type", "Entity") for node, attrs in nodes(data=True) if node not in keep)
    for kind, count in view.graph.get("left_out", {}).items():
        left_out[kind] += count
    part.graph["left_out"] = dict(sorted(left_out.items(), key=lambda kv: (-kv[1], kv[0])))
    return part


def left_out_note(view: nx.MultiDiGraph) -> str | None:
    """"showing N of M nodes ..." for a view `most_connected` cut, else None."""
    left_out = view.graph.get("left_out")
    if not left_out:
        return None
    total = view.graph.get("total", view.number_of_nodes() + sum(left_out.values()))
    kinds = ", ".join(f"{count:,} {kind}" for kind, count in left_out.items())
    return (f"showing {view.number_of_nodes():,} of {total:,} nodes, the most connected facts first; "
            f"left out: {kinds}")


def select(view: nx.MultiDiGraph, *, focus_on: str | None = None, hops: int = HOPS,
           rows: Iterable[Mapping[str, str]] | None = None, max_nodes: int | None = MAX_NODES) -> nx.MultiDiGraph:
    """The part of `view` to draw: what `rows` (query results) name, then the neighbourhood of
    `focus_on`, then at most `max_nodes` nodes (None: no cap)."""
    if rows is not None:
        view = from_rows(view, rows)
    if focus_on is not None:
        view = focus(view, focus_on, hops)
    if max_nodes is not None:
        view = most_connected(view, max_nodes)
    return view
