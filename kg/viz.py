"""The interactive HTML page of a kg graph: one self-contained file that works offline.

`render_html` draws a `kg.view.graph_view` with vis-network, inlined from the copy pyvis
ships; article text reaches the page only as escaped data. pyvis is used only here.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
import json
from pathlib import Path

import networkx as nx
import rdflib

from .store import atomic_write
from .text import shorten

TOOLTIP_LENGTH = 300
from .view import EVENT_ROLES, EVENT_TYPES, HOLDS_OFFICE, graph_view

__all__ = ["render_html", "write_html"]

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




# --------------------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the copy pyvis ships, safe to inline in <script>/<style>."""
    import pyvis  # only this module imports pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # No source map fetches, and nothing that could close the inline element early.
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.M)
    css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css)
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.I).replace("<!--", "<\\!--")
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)
    return js, css


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


def _evidence_lines(evidence: list[dict], limit: int = 5) -> list[str]:
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
        lines.append(f"… and {len(evidence) - limit} more")
    return lines


def _node_title(attrs: dict) -> str:
    """Plain-text tooltip (vis-network shows string titles with innerText)."""
    lines = [attrs.get("label", ""), f"type: {attrs.get('type')}"]
    for key in ("status", "date", "name", "organization", "wikidata"):
        if attrs.get(key):
            lines.append(f"{key}: {attrs[key]}")
    if attrs.get("quote"):
        lines.append(f"quote: “{shorten(attrs['quote'], TOOLTIP_LENGTH)}”")
    evidence = attrs.get("evidence") or []
    if evidence:
        lines.append("")
        lines.append("evidence:")
        lines.extend(_evidence_lines(evidence))
    return "\n".join(lines)


def _vis_data(view: nx.MultiDiGraph) -> dict:
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
        nodes.append(node)
    for source, target, key, attrs in view.edges(keys=True, data=True):
        role = attrs.get("role") or str(key)
        title = [f"{role}: {view.nodes[source].get('label', source)} → {view.nodes[target].get('label', target)}"]
        if attrs.get("evidence"):
            title.append(f"“{shorten(attrs['evidence'], TOOLTIP_LENGTH)}”" + (f"  [doc {attrs['doc']}]" if attrs.get("doc") else ""))
        color = ROLE_COLORS.get(role, "#888888")
        edge = {
            "id": f"{source}|{key}|{target}",
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
    parts = ['<h2>Legend</h2><ul class="kg-legend-list">', *rows, "</ul>"]
    if role_rows:
        parts += ['<h3>Roles</h3><ul class="kg-legend-list">', *role_rows, "</ul>"]
    return "".join(parts)


_PAGE_CSS = """
html, body { margin: 0; height: 100%; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #222; background: #fafafa; }
#kg-header { height: 44px; display: flex; align-items: center; gap: 16px; padding: 0 16px;
  border-bottom: 1px solid #ddd; background: #fff; box-sizing: border-box; }
#kg-header h1 { font-size: 17px; margin: 0; font-weight: 600; }
#kg-header .kg-stats { color: #666; font-size: 13px; }
#kg-main { position: absolute; top: 44px; left: 0; right: 0; bottom: 0; }
#kg-graph { position: absolute; top: 0; left: 0; right: 320px; bottom: 0; background: #fff; }
#kg-side { position: absolute; top: 0; right: 0; width: 320px; bottom: 0; overflow-y: auto;
  border-left: 1px solid #ddd; background: #fafafa; box-sizing: border-box; padding: 10px 14px; font-size: 13px; }
#kg-side h2 { font-size: 14px; margin: 4px 0 6px; }
#kg-side h3 { font-size: 13px; margin: 10px 0 4px; color: #444; }
.kg-legend-list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: 1fr 1fr;
  gap: 3px 8px; }
.kg-legend-list li { display: flex; align-items: center; gap: 6px; line-height: 18px; }
.kg-legend-list svg { flex: none; }
.kg-legend-list li.kg-wide { grid-column: 1 / -1; }
#kg-details { margin-top: 14px; border-top: 1px solid #ddd; padding-top: 8px; }
#kg-details .kg-hint { color: #777; }
#kg-details .kg-title { font-weight: 600; font-size: 14px; margin: 2px 0 4px; word-wrap: break-word; }
#kg-details .kg-meta { color: #555; margin: 2px 0; }
#kg-details blockquote { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #bbb; background: #fff;
  white-space: pre-wrap; word-wrap: break-word; }
#kg-details .kg-source { color: #777; font-size: 12px; }
div.vis-tooltip { white-space: pre-wrap; max-width: 420px; font-family: inherit; font-size: 12px;
  background: #fffdf3; border: 1px solid #c9c3a8; box-shadow: 2px 2px 6px rgba(0,0,0,.15); }
"""

_PAGE_JS = """
(function () {
  "use strict";
  var data = KG_DATA;
  var container = document.getElementById("kg-graph");
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var options = {
    autoResize: true,
    nodes: { font: { face: "system-ui, sans-serif" } },
    // "continuous" curves: no hidden support nodes in the physics (twice as fast as "dynamic"),
    // and they still follow nodes once physics is off
    edges: { smooth: { type: "continuous", roundness: 0.3 }, arrows: { to: { scaleFactor: 0.6 } },
             font: { face: "system-ui, sans-serif" } },
    physics: {
      enabled: true,
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: -5000, centralGravity: 0.6, springLength: 100,
                   springConstant: 0.04, damping: 0.35, avoidOverlap: 0.4 },
      // fewer iterations for big graphs, so the page comes up in seconds
      stabilization: { enabled: true, updateInterval: 50, fit: true,
                       iterations: Math.max(100, Math.min(600, Math.round(60000 / Math.max(1, data.nodes.length)))) }
    },
    // vis's "improved" initial layout clusters big graphs, which is slow; random seeds do fine
    layout: { randomSeed: 7, improvedLayout: data.nodes.length <= 150 },
    interaction: { hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: false,
                   multiselect: true }
  };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  window.kgNetwork = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;
  window.kgStabilized = false;
  function stop() {
    network.setOptions({ physics: false });
    if (!window.kgStabilized) {
      window.kgStabilized = true;
      network.fit();
      document.body.setAttribute("data-kg-ready", "true");  // for tests and tools
    }
  }
  network.once("stabilizationIterationsDone", stop);
  if (data.nodes.length === 0) { stop(); }

  var details = document.getElementById("kg-details");
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function show(item, isEdge) {
    while (details.firstChild) { details.removeChild(details.firstChild); }
    var info = isEdge ? data.edgeInfo[item] : data.nodeInfo[item];
    if (!info) { details.appendChild(el("p", "kg-hint", "Click a node or an edge to see its evidence.")); return; }
    details.appendChild(el("div", "kg-title", info.label));
    (info.meta || []).forEach(function (m) { details.appendChild(el("div", "kg-meta", m)); });
    (info.evidence || []).forEach(function (ev) {
      if (ev.sentence) { details.appendChild(el("blockquote", null, ev.sentence)); }
      var src = [];
      ["doc", "rule", "confidence", "status", "date", "mention"].forEach(function (k) {
        if (ev[k] !== undefined && ev[k] !== null && ev[k] !== "") { src.push(k + ": " + ev[k]); }
      });
      if (src.length) { details.appendChild(el("div", "kg-source", src.join(" · "))); }
    });
  }
  network.on("click", function (params) {
    if (params.nodes.length) { show(params.nodes[0], false); }
    else if (params.edges.length) { show(params.edges[0], true); }
    else { show(null, false); }
  });
  show(null, false);
})();
"""


def _details_data(view: nx.MultiDiGraph) -> tuple[dict, dict]:
    node_info, edge_info = {}, {}
    for node_id, attrs in view.nodes(data=True):
        meta = [f"type: {attrs.get('type')}"]
        for key in ("status", "date", "name", "organization", "wikidata"):
            if attrs.get(key):
                meta.append(f"{key}: {attrs[key]}")
        if attrs.get("quote"):
            meta.append(f"quote: “{attrs['quote']}”")
        node_info[node_id] = {"label": attrs.get("label", node_id), "meta": meta,
                              "evidence": attrs.get("evidence") or []}
    for source, target, key, attrs in view.edges(keys=True, data=True):
        role = attrs.get("role") or str(key)
        edge_info[f"{source}|{key}|{target}"] = {
            "label": f"{view.nodes[source].get('label', source)} —{role}→ {view.nodes[target].get('label', target)}",
            "meta": [f"role: {role}"],
            "evidence": [{"sentence": attrs.get("evidence"), "doc": attrs.get("doc")}],
        }
    return node_info, edge_info


def render_html(view: nx.MultiDiGraph, title: str = "kg") -> str:
    """ONE self-contained HTML page drawing `view` with vis-network; works offline.

    vis-network's JS and CSS are inlined from pyvis's copy; article text only ever reaches the page
    as escaped JSON data and is put into the DOM as text (tooltips, the details panel).
    """
    js, css = _vis_assets()
    data = _vis_data(view)
    data["nodeInfo"], data["edgeInfo"] = _details_data(view)
    events = sum(1 for _, a in view.nodes(data=True) if a.get("type") in EVENT_TYPES)
    stats = (f"{view.number_of_nodes()} nodes ({events} events) · {view.number_of_edges()} edges")
    safe_title = html.escape(title)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>{safe_title}</title>
<style>
{css}
</style>
<style>{_PAGE_CSS}</style>
</head>
<body>
<div id="kg-header"><h1>{safe_title}</h1><span class="kg-stats">{html.escape(stats)}</span></div>
<div id="kg-main">
<div id="kg-graph"></div>
<aside id="kg-side">
<div id="kg-legend">{_legend_html(view)}</div>
<div id="kg-details"></div>
</aside>
</div>
<script>
{js}
</script>
<script>
var KG_DATA = {_json_for_script(data)};
{_PAGE_JS}
</script>
</body>
</html>
"""


def write_html(graph: rdflib.Graph, path, title: str = "kg") -> Path:
    """Render `graph` and write the page to `path` atomically; returns the path written."""
    page = render_html(graph_view(graph), title=title)
    with atomic_write(path) as handle:
        handle.write(page)
    return Path(path)
