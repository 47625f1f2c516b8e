"""The interactive HTML page of a kg graph: one self-contained file that works offline.

`render_html` draws a `kg.view.graph_view` (or the part `kg.subgraph.select` keeps) with
vis-network, inlined from the copy pyvis ships, plus a search box, filters and an evidence
panel (`kg/web/page.js`); article text reaches the page only as escaped JSON data and is put
into it as text. Big graphs get positions computed ahead of time (`kg.layout`). pyvis is
used only here.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import networkx as nx
import rdflib

from . import subgraph
from .store import atomic_write
from .text import shorten
from .view import EVENT_ROLES, EVENT_TYPES, HOLDS_OFFICE, graph_view

__all__ = ["page", "render_html", "show", "write_html"]

TOOLTIP_LENGTH = 300
TOOLTIP_EVIDENCE = 2  # sentences in a tooltip; the panel shows them all
PHYSICS_MAX_NODES = 250  # above this, positions are computed ahead of time and physics stays off
WEB = Path(__file__).resolve().parent / "web"

# type -> (vis shape, fill colour, border colour, legend description)
STYLES: dict[str, tuple[str, str, str, str]] = {
    "Person": ("dot", "#4e79a7", "#2f4b6e", "person"),
    "Organization": ("square", "#f28e2b", "#b0621a", "organization"),
    "Country": ("hexagon", "#76b7b2", "#4a807c", "country"),
    "Place": ("triangle", "#9c755f", "#6b4f3f", "place"),
    "Group": ("star", "#edc948", "#a88b22", "group"),
    "Weapon": ("triangleDown", "#7f7f7f", "#4f4f4f", "weapon"),
    "Entity": ("dot", "#bab0ac", "#7d7471", "other entity"),
    "Office": ("box", "#d4e6f7", "#4e79a7", "office"),
    "Attack": ("diamond", "#e15759", "#9e2f31", "event: attack"),
    "Talks": ("diamond", "#59a14f", "#356b2f", "event: talks"),
    "Statement": ("diamond", "#b07aa1", "#7a4f6e", "event: statement"),
}
ROLE_COLORS = {
    "attacker": "#c0392b",
    "target": "#e67e22",
    "instrument": "#7f7f7f",
    "place": "#9c755f",
    "participant": "#3b8a3b",
    "host": "#2e7d6b",
    "speaker": "#8e5b85",
    HOLDS_OFFICE: "#4e79a7",
}
# colours of the marks in evidence sentences, for roles that are not edges
HIGHLIGHT_COLORS = {**ROLE_COLORS, "source": "#8e5b85", "person": "#4e79a7", "organization": "#f28e2b",
                    "mention": "#d4a017"}


# --------------------------------------------------------------------------- assets


def _inline_safe(js: str = "", css: str = "") -> tuple[str, str]:
    """JS and CSS with nothing that could close their inline element early or fetch a source map."""
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.M)
    css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css)
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.I).replace("<!--", "<\\!--")
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)
    return js, css


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the copy pyvis ships, safe to inline in <script>/<style>."""
    import pyvis  # only this module imports pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    return _inline_safe((lib / "vis-network.min.js").read_text(encoding="utf-8"),
                        (lib / "vis-network.css").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _page_assets() -> tuple[str, str]:
    """The page's own script and stylesheet (kg/web/page.js, page.css)."""
    return _inline_safe((WEB / "page.js").read_text(encoding="utf-8"),
                        (WEB / "page.css").read_text(encoding="utf-8"))


def _json_for_script(data) -> str:
    """JSON that is safe inside an inline <script>: no `<`, `>`, `&`, U+2028/2029 left raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# --------------------------------------------------------------------------- page data


def _evidence_lines(evidence: list[dict], limit: int = TOOLTIP_EVIDENCE) -> list[str]:
    lines = []
    for item in evidence[:limit]:
        sentence = item.get("sentence")
        meta = [f"doc {item['doc']}"] if item.get("doc") else []
        if item.get("rule"):
            meta.append(f"rule {item['rule']}")
        if item.get("confidence") is not None:
            meta.append(f"confidence {item['confidence']}")
        line = f"“{shorten(sentence, TOOLTIP_LENGTH)}”" if sentence else "(no sentence)"
        lines.append(line + (f"  [{', '.join(meta)}]" if meta else ""))
    if len(evidence) > limit:
        lines.append(f"… and {len(evidence) - limit} more (click to see all)")
    return lines


def _node_title(attrs: dict) -> str:
    """Plain-text tooltip (vis-network shows string titles with innerText)."""
    lines = [attrs.get("label", ""), f"type: {attrs.get('type')}"]
    for key in ("status", "date", "name", "organization", "wikidata"):
        if attrs.get(key) and not (key == "name" and attrs.get("type") == "Office"):
            lines.append(f"{key}: {attrs[key]}")
    if attrs.get("quote"):
        lines.append(f"quote: “{shorten(attrs['quote'], TOOLTIP_LENGTH)}”")
    evidence = attrs.get("evidence") or []
    if evidence:
        lines.append("")
        lines.append("evidence:")
        lines.extend(_evidence_lines(evidence))
    return "\n".join(lines)


def _edge_id(source: str, key: str, target: str) -> str:
    return f"{source}|{key}|{target}"


def _vis_data(view: nx.MultiDiGraph, positions: Mapping[str, tuple[int, int]] | None = None) -> dict:
    """vis-network's nodes and edges, with what the filters and search need (`kind`, `when`,
    `marked`, `degree`) and, for a graph laid out ahead of time, `x` and `y`."""
    nodes, edges = [], []
    degree = dict(view.degree())
    for node_id, attrs in view.nodes(data=True):
        kind = attrs.get("type", "Entity")
        shape, fill, border, _ = STYLES.get(kind, STYLES["Entity"])
        is_event = kind in EVENT_TYPES
        marked = bool(attrs.get("marked"))
        node = {
            "id": node_id,
            "label": attrs.get("short_label") or attrs.get("label") or node_id,
            "title": _node_title(attrs),
            "kind": kind,
            "degree": degree.get(node_id, 0),
            "shape": shape,
            "color": {
                "background": "#ffffff" if marked else fill,
                "border": border,
                "highlight": {"background": fill, "border": "#222222"},
                "hover": {"background": fill, "border": "#222222"},
            },
            "borderWidth": 2,
        }
        if is_event:
            node["size"] = 11
            node["font"] = {"size": 13, "color": "#444444", "strokeWidth": 3, "strokeColor": "#ffffff"}
            evidence = attrs.get("evidence") or [{}]
            node["when"] = attrs.get("date") or evidence[0].get("published")
            node["marked"] = marked
        elif kind == "Office":
            node["font"] = {"size": 14, "color": "#1d3557"}
            node["widthConstraint"] = {"maximum": 170}
            node["margin"] = 6
        else:
            node["size"] = 14 + min(10, 2 * degree.get(node_id, 0))
            node["font"] = {"size": 16, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"}
            node["widthConstraint"] = {"maximum": 150}
        if marked:
            node["shapeProperties"] = {"borderDashes": [4, 3]}
            node["font"] = {**node.get("font", {}), "color": "#888888"}
        if positions is not None and node_id in positions:
            node["x"], node["y"] = positions[node_id]
        nodes.append(node)
    for source, target, key, attrs in view.edges(keys=True, data=True):
        role = attrs.get("role") or str(key)
        title = [f"{role}: {view.nodes[source].get('label', source)} → {view.nodes[target].get('label', target)}"]
        if attrs.get("evidence"):
            title.append(f"“{shorten(attrs['evidence'], TOOLTIP_LENGTH)}”" + (f"  [doc {attrs['doc']}]" if attrs.get("doc") else ""))
        color = ROLE_COLORS.get(role, "#888888")
        edge = {
            "id": _edge_id(source, key, target),
            "from": source,
            "to": target,
            "label": attrs.get("label") or role,
            "title": "\n".join(title),
            "arrows": "to",
            "color": {"color": color, "highlight": color, "hover": color, "opacity": 0.85},
            "font": {"size": 12, "color": color, "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
            "width": 1.5,
        }
        if attrs.get("marked"):
            edge["dashes"] = True
        edges.append(edge)
    return {"nodes": nodes, "edges": edges}


def _panel_evidence(evidence: Iterable[dict]) -> list[dict]:
    """Evidence dicts for the panel: unknown (None) values left out."""
    return [{key: value for key, value in item.items() if value is not None and value != []} for item in evidence]


def _details_data(view: nx.MultiDiGraph) -> tuple[dict, dict]:
    """What the evidence panel shows for each node and edge: label, facts, evidence sentences."""
    node_info, edge_info = {}, {}
    for node_id, attrs in view.nodes(data=True):
        meta = [f"type: {attrs.get('type')}"]
        for key in ("status", "date", "name", "organization", "wikidata"):
            if attrs.get(key) and not (key == "name" and attrs.get("type") == "Office"):
                meta.append(f"{key}: {attrs[key]}")
        if attrs.get("mentions"):
            meta.append(f"mentions: {attrs['mentions']}")
        if attrs.get("quote"):
            meta.append(f"quote: “{attrs['quote']}”")
        node_info[node_id] = {"label": attrs.get("label", node_id), "meta": meta,
                              "evidence": _panel_evidence(attrs.get("evidence") or [])}
    for source, target, key, attrs in view.edges(keys=True, data=True):
        role = attrs.get("role") or str(key)
        provenance = attrs.get("provenance") or [{"sentence": attrs.get("evidence"), "doc": attrs.get("doc")}]
        edge_info[_edge_id(source, key, target)] = {
            "label": f"{view.nodes[source].get('label', source)} —{role}→ {view.nodes[target].get('label', target)}",
            "meta": [f"role: {role}"],
            "evidence": _panel_evidence(provenance),
        }
    return node_info, edge_info


# --------------------------------------------------------------------------- markup


def _filters_html(view: nx.MultiDiGraph) -> str:
    """Checkboxes for the node and event types present, the status switch and the date range."""
    present = {attrs.get("type") for _, attrs in view.nodes(data=True)}

    def boxes(kinds) -> str:
        return "".join(
            f'<label><input type="checkbox" checked data-kg-type="{html.escape(kind)}">'
            f'<span class="kg-swatch" style="background:{STYLES[kind][1]}"></span>{html.escape(kind)}</label>'
            for kind in kinds if kind in present)

    entity_kinds = [kind for kind in STYLES if kind not in EVENT_TYPES]
    event_kinds = [kind for kind in STYLES if kind in EVENT_TYPES]
    dates = sorted(attrs["date"] for _, attrs in view.nodes(data=True)
                   if attrs.get("type") in EVENT_TYPES and isinstance(attrs.get("date"), str))
    bounds = f' min="{html.escape(dates[0][:10])}" max="{html.escape(dates[-1][:10])}"' if dates else ""
    return (
        '<details id="kg-filters" class="kg-box" open><summary>Filters</summary>'
        f'<fieldset><legend>Entities</legend><div class="kg-checks">{boxes(entity_kinds)}</div></fieldset>'
        f'<fieldset><legend>Events</legend><div class="kg-checks">{boxes(event_kinds)}'
        '<label class="kg-wide"><input type="checkbox" checked id="kg-show-marked">'
        'negated, denied, hypothetical</label></div></fieldset>'
        '<fieldset><legend>Event date</legend><div class="kg-dates">'
        f'<input type="date" id="kg-date-from" aria-label="from"{bounds}> to '
        f'<input type="date" id="kg-date-to" aria-label="to"{bounds}></div>'
        '<div class="kg-hint">the event’s own date, else its article’s; a range hides undated events</div>'
        '</fieldset>'
        '<div class="kg-filter-foot"><button type="button" id="kg-reset">Show all</button>'
        '<span id="kg-shown"></span></div></details>'
    )


_LEGEND_SVG = {
    "dot": '<circle cx="9" cy="9" r="6"/>',
    "square": '<rect x="3" y="3" width="12" height="12"/>',
    "hexagon": '<polygon points="9,2 15,5.5 15,12.5 9,16 3,12.5 3,5.5"/>',
    "triangle": '<polygon points="9,2 16,15 2,15"/>',
    "triangleDown": '<polygon points="2,3 16,3 9,16"/>',
    "star": '<polygon points="9,1.5 11,7 16.5,7 12,10.5 13.8,16 9,12.7 4.2,16 6,10.5 1.5,7 7,7"/>',
    "diamond": '<polygon points="9,2 16,9 9,16 2,9"/>',
    "box": '<rect x="1.5" y="4" width="15" height="10" rx="2"/>',
}


def _legend_html(view: nx.MultiDiGraph) -> str:
    present_types = {attrs.get("type") for _, attrs in view.nodes(data=True)}
    present_roles = {attrs.get("role") for _, _, attrs in view.edges(data=True)}
    rows = []
    for kind, (shape, fill, border, text) in STYLES.items():
        if kind not in present_types:
            continue
        svg = (f'<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
               f'<g fill="{fill}" stroke="{border}" stroke-width="1.5">{_LEGEND_SVG[shape]}</g></svg>')
        rows.append(f'<li>{svg}<span>{html.escape(text)}</span></li>')
    if any(attrs.get("marked") for _, attrs in view.nodes(data=True)):
        svg = ('<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true"><g fill="#fff" '
               'stroke="#888" stroke-width="1.5" stroke-dasharray="3,2"><polygon points="9,2 16,9 9,16 2,9"/>'
               '</g></svg>')
        rows.append(f'<li class="kg-wide">{svg}<span>dashed: negated / denied / hypothetical</span></li>')
    role_rows = []
    for role in (*EVENT_ROLES, HOLDS_OFFICE):
        if role in present_roles:
            color = ROLE_COLORS[role]
            role_rows.append(
                f'<li><svg width="18" height="10" viewBox="0 0 18 10" aria-hidden="true">'
                f'<line x1="1" y1="5" x2="17" y2="5" stroke="{color}" stroke-width="2"/></svg>'
                f'<span>{html.escape(role)}</span></li>'
            )
    parts = ['<ul class="kg-legend-list">', *rows, "</ul>"]
    if role_rows:
        parts += ['<h3>Roles</h3><ul class="kg-legend-list">', *role_rows, "</ul>"]
    return "".join(parts)


def render_html(view: nx.MultiDiGraph, title: str = "kg") -> str:
    """ONE self-contained HTML page drawing `view` with vis-network; works offline.

    vis-network's JS and CSS are inlined from pyvis's copy; article text only ever reaches the page
    as escaped JSON data and is put into the DOM as text (tooltips, the evidence panel, search
    results). A view of more than PHYSICS_MAX_NODES nodes is laid out here (`kg.layout`) and
    drawn without physics; a view cut by `kg.subgraph.most_connected` says what it left out.
    """
    vis_js, vis_css = _vis_assets()
    page_js, page_css = _page_assets()
    laid_out = view.number_of_nodes() > PHYSICS_MAX_NODES
    positions = None
    if laid_out:
        from .layout import positions as layout_positions

        positions = layout_positions(view)
    data = _vis_data(view, positions)
    data["nodeInfo"], data["edgeInfo"] = _details_data(view)
    data["physics"] = not laid_out
    data["eventTypes"] = list(EVENT_TYPES)
    data["colors"] = {kind: style[1] for kind, style in STYLES.items()}
    data["roleColors"] = HIGHLIGHT_COLORS
    events = sum(1 for _, a in view.nodes(data=True) if a.get("type") in EVENT_TYPES)
    stats = f"{view.number_of_nodes():,} nodes ({events:,} events) · {view.number_of_edges():,} edges"
    if view.graph.get("focus") is not None:
        stats += f" · around “{view.graph['focus']}”"
    note = subgraph.left_out_note(view)
    note_html = f'<div id="kg-note" role="status">{html.escape(note)}</div>' if note else ""
    safe_title = html.escape(title)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>{safe_title}</title>
<style>
{vis_css}
</style>
<style>
{page_css}
</style>
</head>
<body>
<div id="kg-header"><h1>{safe_title}</h1><span class="kg-stats">{html.escape(stats)}</span></div>
<div id="kg-main">
<div id="kg-graph"></div>
{note_html}
<aside id="kg-side">
<div id="kg-find"><input id="kg-search" type="search" placeholder="Search labels…" aria-label="Search labels" autocomplete="off"><ul id="kg-search-results"></ul></div>
{_filters_html(view)}
<div id="kg-details"></div>
<details id="kg-legend" class="kg-box" open><summary>Legend</summary>{_legend_html(view)}</details>
</aside>
</div>
<script>
{vis_js}
</script>
<script>
var KG_DATA = {_json_for_script(data)};
{page_js}
</script>
</body>
</html>
"""


# --------------------------------------------------------------------------- entry points


def _rows(graph: rdflib.Graph, query) -> list[dict] | None:
    """Result rows for `query`: a query name, .rq file or SPARQL text run on `graph`, a
    `kg.query.Result`, or rows already."""
    if query is None:
        return None
    if isinstance(query, str):
        from .query import run

        return run(graph, query).rows
    return list(getattr(query, "rows", query))


def page(graph: rdflib.Graph, title: str = "kg", *, focus: str | None = None, hops: int = subgraph.HOPS,
         query=None, max_nodes: int | None = subgraph.MAX_NODES) -> tuple[str, nx.MultiDiGraph]:
    """The page drawing `graph` (or the part the options keep, see `kg.subgraph.select`) and the
    view it draws. `query` is a query name, .rq file, SPARQL text, `Result` or rows.

    Raises ViewError when no node is labelled `focus`, QueryError when the query fails.
    """
    view = subgraph.select(graph_view(graph), focus_on=focus, hops=hops, rows=_rows(graph, query),
                           max_nodes=max_nodes)
    return render_html(view, title=title), view


def write_html(graph: rdflib.Graph, path, title: str = "kg", **options) -> Path:
    """Render `graph` and write the page to `path` atomically; returns the path written.

    `options` are those of `page`: focus, hops, query, max_nodes.
    """
    text, _ = page(graph, title=title, **options)
    with atomic_write(path) as handle:
        handle.write(text)
    return Path(path)


def show(graph, title: str = "kg", *, height: int = 650, **options):
    """The page of `graph` (an rdflib Graph, a build folder or an RDF file) for a Jupyter
    notebook: an `IPython.display.HTML` holding it in a sandboxed iframe, so its script stays
    apart from the notebook's. `options` are those of `page`: focus, hops, query, max_nodes.

    Raises ImportError with what to install when IPython is missing.
    """
    try:
        from IPython.display import HTML
    except ImportError:
        raise ImportError("kg.show needs IPython (it comes with Jupyter: pip install notebook)") from None
    if not isinstance(graph, rdflib.Graph):
        from .store import load_graph

        graph = load_graph(graph)
    text, _ = page(graph, title=title, **options)
    return HTML(
        f'<div class="kg-graph"><iframe srcdoc="{html.escape(text, quote=True)}" sandbox="allow-scripts allow-popups '
        f'allow-popups-to-escape-sandbox" style="width: 100%; height: {int(height)}px; border: 1px solid #ddd;" '
        f'title="{html.escape(title, quote=True)}"></iframe></div>'
    )
