"""Positions for big graphs, computed before the page is written, so the browser draws them at
once instead of running its physics: each connected component laid out on its own (a force
layout of its core, its leaves on rings around their neighbour), then the components packed
in rows, biggest first. Deterministic: the same view always gets the same picture.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["positions"]

EDGE_LENGTH = 110.0  # pixels between neighbours in the core of a component
LEAF_SPACING = 34.0  # pixels between leaves on a ring
SPACING = 60.0  # at least this median distance from a core node to its nearest other one
MIN_GAP = 26.0  # nodes closer than this are pushed apart
GAP = 80.0  # pixels between packed components
ITERATIONS = 60
SEED = 7


def positions(view: nx.Graph, seed: int = SEED) -> dict[str, tuple[int, int]]:
    """{node: (x, y)} in pixels for every node of `view` (directions and parallel edges ignored).

    >>> sorted(positions(nx.path_graph(["a", "b", "c"])))
    ['a', 'b', 'c']
    """
    graph = nx.Graph()
    graph.add_nodes_from(view)
    graph.add_edges_from((u, v) for u, v in view.edges() if u != v)
    components = [_component(graph.subgraph(nodes), seed) for nodes in nx.connected_components(graph)]
    # biggest first; ties in the order of their smallest node id, so the result never depends on set order
    components.sort(key=lambda placed: (-len(placed), min(placed)))
    return _pack(components)


def _component(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one connected component, centred on (0, 0)."""
    nodes = sorted(graph)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    # leaves hang off their neighbour; the rest (the core) is laid out by forces
    leaves: dict[str, list[str]] = {}
    for node in nodes:
        if graph.degree(node) == 1:
            parent = next(iter(graph[node]))
            if graph.degree(parent) > 1 or parent < node:  # of a pair, the larger id is the leaf
                leaves.setdefault(parent, []).append(node)
    hanging = {leaf for group in leaves.values() for leaf in group}
    core = [node for node in nodes if node not in hanging]
    index = {node: i for i, node in enumerate(core)}
    edges = np.array([(index[u], index[v]) for u, v in graph.edges() if u in index and v in index],
                     dtype=np.int64).reshape(-1, 2)
    # a node with many leaves needs room for their rings: it pushes the others away harder
    mass = np.array([1.0 + math.sqrt(len(leaves.get(node, ()))) for node in core])
    # fewer rounds for a huge core (each round is quadratic): 60 up to 1,500 nodes, at least 15
    placed = _forces(len(core), edges, mass, seed, iterations=max(15, min(ITERATIONS, ITERATIONS * 1500 // len(core))))
    # neighbours EDGE_LENGTH apart, or further when the core is crowded
    scale = max(EDGE_LENGTH / _median_edge(placed, edges) if len(edges) else EDGE_LENGTH,
                SPACING / _median_nearest(placed))
    out = {node: (float(placed[i, 0] * scale), float(placed[i, 1] * scale)) for i, node in enumerate(core)}
    for parent, group in leaves.items():
        out.update(_rings(out[parent], group))
    out = _spread(out)
    xs = [x for x, _ in out.values()]
    ys = [y for _, y in out.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {node: (x - cx, y - cy) for node, (x, y) in out.items()}


def _forces(n: int, edges: np.ndarray, mass: np.ndarray, seed: int, iterations: int = ITERATIONS) -> np.ndarray:
    """Fruchterman-Reingold in the unit square: every pair repels (harder between heavy nodes),
    neighbours attract; the step shrinks each round. Pairs are taken in blocks of rows, so
    memory stays small for thousands of nodes."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    if n < 2:
        return pos
    k = 1.0 / math.sqrt(n)
    step = 0.1
    cool = step / (iterations + 1)
    block = max(1, 2_000_000 // (2 * n))
    for _ in range(iterations):
        move = np.zeros_like(pos)
        for start in range(0, n, block):
            rows = slice(start, start + block)
            delta = pos[rows, None, :] - pos[None, :, :]
            distance2 = np.maximum((delta ** 2).sum(axis=2), 1e-6)
            push = k * k * mass[rows, None] * mass[None, :] / distance2
            move[rows] += np.einsum("ijk,ij->ik", delta, push)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = delta * (np.sqrt((delta ** 2).sum(axis=1)) / k)[:, None]
            np.add.at(move, edges[:, 0], -pull)
            np.add.at(move, edges[:, 1], pull)
        length = np.maximum(np.sqrt((move ** 2).sum(axis=1)), 1e-9)
        pos += move * (np.minimum(length, step) / length)[:, None]
        step -= cool
    return pos


def _median_edge(pos: np.ndarray, edges: np.ndarray) -> float:
    lengths = np.sqrt(((pos[edges[:, 0]] - pos[edges[:, 1]]) ** 2).sum(axis=1))
    return max(float(np.median(lengths)), 1e-6)


def _median_nearest(pos: np.ndarray) -> float:
    """The median distance from a point to its nearest other point (pairs taken in blocks)."""
    n = len(pos)
    if n < 2:
        return 1.0
    nearest = np.empty(n)
    block = max(1, 1_000_000 // n)
    for start in range(0, n, block):
        distance2 = ((pos[start:start + block, None, :] - pos[None, :, :]) ** 2).sum(axis=2)
        distance2[np.arange(distance2.shape[0]), np.arange(start, start + distance2.shape[0])] = np.inf
        nearest[start:start + block] = distance2.min(axis=1)
    return max(float(np.median(np.sqrt(nearest))), 1e-6)


def _spread(placed: dict[str, tuple[float, float]], gap: float = MIN_GAP, rounds: int = 12) -> dict:
    """Nodes closer than `gap` pushed apart, pair by pair, for a few rounds (pairs found through
    a grid of `gap`-sized cells, so each round is linear)."""
    nodes = list(placed)
    pos = np.array([placed[node] for node in nodes], dtype=float)
    near = [(0, 0), (1, -1), (1, 0), (1, 1), (0, 1)]  # each neighbouring cell pair once
    for _ in range(rounds):
        cells: dict[tuple[int, int], list[int]] = {}
        for i, (cx, cy) in enumerate(np.floor(pos / gap).astype(int).tolist()):
            cells.setdefault((cx, cy), []).append(i)
        push = np.zeros_like(pos)
        crowded = False
        for (cx, cy), members in cells.items():
            for dx, dy in near:
                others = members if (dx, dy) == (0, 0) else cells.get((cx + dx, cy + dy), ())
                for a in members:
                    for b in others:
                        if (dx, dy) == (0, 0) and b <= a:
                            continue
                        delta = pos[a] - pos[b]
                        distance = math.hypot(delta[0], delta[1])
                        if distance >= gap:
                            continue
                        crowded = True
                        if distance < 1e-6:  # on one spot: part them along a direction set by their index
                            delta, distance = np.array([math.cos(a), math.sin(a)]), 1.0
                        shift = delta * ((gap - distance) / 2 / distance)
                        push[a] += shift
                        push[b] -= shift
        if not crowded:
            break
        pos += push
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos)}


def _rings(centre: tuple[float, float], leaves: list[str]) -> dict[str, tuple[float, float]]:
    """Leaves on rings around `centre`: as many on each ring as fit at LEAF_SPACING."""
    out = {}
    ring, radius, i = 0, EDGE_LENGTH * 0.7, 0
    while i < len(leaves):
        fit = max(6, int(2 * math.pi * radius / LEAF_SPACING))
        group = leaves[i:i + fit]
        for j, leaf in enumerate(group):
            angle = 2 * math.pi * j / len(group) + ring * 0.5
            out[leaf] = (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))
        i += len(group)
        ring += 1
        radius += LEAF_SPACING
    return out


def _pack(components: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[int, int]]:
    """Components side by side in rows about as wide as the whole is tall."""
    boxes = []
    for placed in components:
        xs = [x for x, _ in placed.values()]
        ys = [y for _, y in placed.values()]
        boxes.append((max(xs) - min(xs) + GAP, max(ys) - min(ys) + GAP, min(xs), min(ys)))
    area = sum(w * h for w, h, _, _ in boxes)
    width = max([math.sqrt(area) * 1.3] + [w for w, _, _, _ in boxes])
    out: dict[str, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for placed, (w, h, left, top) in zip(components, boxes):
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in placed.items():
            out[node] = (round(x + px - left), round(y + py - top))
        x += w
        row_height = max(row_height, h)
    return out
