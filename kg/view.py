"""The graph as people look at it: RDF reduced to entities, events and offices in networkx.

`graph_view` is what the HTML view draws and what GraphML export writes; analysis with
networkx starts from it too. No pyvis or spaCy here.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import networkx as nx
import rdflib
from rdflib import OWL, RDF, RDFS, Literal

from .store import atomic_write
from .vocab import ENTITY_CLASSES, EVENT_CLASSES, KGO, PROV, WD

__all__ = ["graph_view", "write_gexf", "write_graphml"]

# Roles drawn as event -> filler edges (person/organization belong to office holdings).
EVENT_ROLES = ("attacker", "target", "instrument", "place", "participant", "host", "speaker")
HOLDS_OFFICE = "holds office"
# Statuses drawn as ordinary events; anything else (negated, denied, hypothetical) is marked.
PLAIN_STATUSES = {"asserted", "planned"}
MAX_ENTITY_EVIDENCE = 5
EVENT_TYPES = tuple(EVENT_CLASSES)

# Most specific class first: a node typed both kgo:Person and kgo:Entity is a Person.
_ENTITY_PRIORITY = ["Person", "Organization", "Country", "Place", "Group", "Weapon", "Entity"]


def _local(iri) -> str:
    """Local name of an IRI: the part after the last `#` or `/`."""
    text = str(iri)
    return re.split(r"[#/]", text)[-1] or text


def _str(value) -> str | None:
    return None if value is None else str(value)


def _py(value):
    """A literal as a JSON-friendly Python value (dates as ISO strings)."""
    if value is None:
        return None
    if isinstance(value, Literal):
        py = value.toPython()
        if isinstance(py, (int, float)) and not isinstance(py, bool):
            return py
        if hasattr(py, "isoformat"):
            return py.isoformat()
        return str(value)
    return str(value)


def _sorted_nodes(nodes):
    return sorted(nodes, key=str)


def _start(g: rdflib.Graph, node) -> int:
    """Where a sentence starts in its article, for text order (IRIs do not sort numerically)."""
    value = g.value(node, KGO.start)
    return int(value) if value is not None else 0


def graph_view(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The graph as people want to look at it.

    Nodes (ids are IRI strings) are canonical entities, events and offices, each with `label`,
    `type` (class local name) and `evidence` (a list of dicts). Edges go event -> filler with the
    role as key and `label`, and person -> office labelled "holds office"; each edge carries the
    `evidence` sentence and `doc` id of its event or office holding. Every lookup is a single
    index walk or a `Graph.value` call per node, so building the view is linear in graph size.
    """
    g = graph
    view = nx.MultiDiGraph()

    def label(node) -> str:
        value = g.value(node, RDFS.label)
        return str(value) if value is not None else _local(node)

    # Article IRI -> doc id, and sentence IRI -> (text, doc), filled lazily (each at most once).
    doc_ids: dict = {}

    def doc_of(article) -> str | None:
        if article is None:
            return None
        if article not in doc_ids:
            doc_ids[article] = _str(g.value(article, KGO.docId)) or _local(article)
        return doc_ids[article]

    sentences: dict = {}

    def sentence_of(sentence) -> tuple[str | None, str | None]:
        if sentence is None:
            return None, None
        if sentence not in sentences:
            sentences[sentence] = (
                _str(g.value(sentence, KGO.text)),
                doc_of(g.value(sentence, KGO.inArticle)),
            )
        return sentences[sentence]

    # ---- entities: one pass per class, most specific class wins
    entity_type: dict = {}
    for type_name in reversed(_ENTITY_PRIORITY):
        for node in g.subjects(RDF.type, ENTITY_CLASSES[type_name]):
            entity_type[node] = type_name

    # ---- entity mentions: one pass over kgo:refersTo
    mentions = defaultdict(list)
    for mention, entity in g.subject_objects(KGO.refersTo):
        if entity in entity_type:
            mentions[entity].append(mention)

    def mention_key(mention):
        start = g.value(mention, KGO.start)
        return (doc_of(g.value(mention, KGO.inArticle)) or "", _py(start) if start is not None else 0)

    for node in _sorted_nodes(entity_type):
        evidence = []
        seen = set()
        for mention in sorted(mentions.get(node, ()), key=mention_key):
            sentence, doc = sentence_of(g.value(mention, KGO.inSentence))
            if doc is None:
                doc = doc_of(g.value(mention, KGO.inArticle))
            if sentence is None or (sentence, doc) in seen:
                continue
            seen.add((sentence, doc))
            evidence.append({"sentence": sentence, "doc": doc, "mention": _str(g.value(mention, KGO.text))})
            if len(evidence) >= MAX_ENTITY_EVIDENCE:
                break
        wikidata = None
        for same in g.objects(node, OWL.sameAs):
            if str(same).startswith(str(WD)):
                wikidata = str(same)[len(str(WD)):]
                break
        view.add_node(
            str(node),
            label=label(node),
            type=entity_type[node],
            iri=str(node),
            wikidata=wikidata,
            mentions=len(mentions.get(node, ())),
            evidence=evidence,
        )

    def ensure_entity(node) -> str:
        """Id of a filler node, adding it if the graph never typed it (defensive)."""
        key = str(node)
        if key not in view:
            view.add_node(key, label=label(node), type="Entity", iri=key, wikidata=None, mentions=0, evidence=[])
        return key

    # ---- events: one pass per event class
    for type_name, cls in EVENT_CLASSES.items():
        for event in _sorted_nodes(g.subjects(RDF.type, cls)):
            status_iri = g.value(event, KGO.status)
            status = _local(status_iri).lower() if status_iri is not None else "asserted"
            marked = status not in PLAIN_STATUSES
            date = _py(g.value(event, KGO.date))
            rule = _str(g.value(event, KGO.rule))
            confidence = _py(g.value(event, KGO.confidence))
            article_doc = doc_of(g.value(event, PROV.wasDerivedFrom))
            evidence = []
            for sentence_node in sorted(g.objects(event, KGO.evidence), key=lambda s: _start(g, s)):
                sentence, doc = sentence_of(sentence_node)
                evidence.append({
                    "sentence": sentence,
                    "doc": article_doc or doc,
                    "rule": rule,
                    "confidence": confidence,
                    "status": status,
                    "date": date,
                })
            if not evidence:
                evidence.append({"sentence": None, "doc": article_doc, "rule": rule,
                                 "confidence": confidence, "status": status, "date": date})
            text = label(event)
            if marked and not text.endswith(f"({status})"):
                text += f" ({status})"
            short = type_name + (f"\n{date}" if date else "") + (f"\n({status})" if marked else "")
            view.add_node(
                str(event),
                label=text,
                short_label=short,
                type=type_name,
                iri=str(event),
                status=status,
                marked=marked,
                date=date,
                name=_str(g.value(event, KGO.name)),
                quote=_str(g.value(event, KGO.quote)),
                evidence=evidence,
            )
            first = evidence[0]
            for role in EVENT_ROLES:
                for filler in _sorted_nodes(g.objects(event, KGO[role])):
                    _role_edge(view, str(event), ensure_entity(filler), role, first, marked)

    # ---- offices and office holdings
    office_org = {}
    for office in _sorted_nodes(g.subjects(RDF.type, KGO.Office)):
        office_org[office] = g.value(office, KGO.organization)
    holdings = defaultdict(list)  # (person, office) -> [evidence dicts]
    for holding in _sorted_nodes(g.subjects(RDF.type, KGO.OfficeHolding)):
        person, office = g.value(holding, KGO.person), g.value(holding, KGO.office)
        if person is None or office is None:
            continue
        if office_org.get(office) is None:
            office_org[office] = g.value(holding, KGO.organization)
        doc = doc_of(g.value(holding, PROV.wasDerivedFrom))
        for sentence_node in sorted(g.objects(holding, KGO.evidence), key=lambda s: _start(g, s)) or [None]:
            sentence, sentence_doc = sentence_of(sentence_node)
            holdings[(person, office)].append({
                "sentence": sentence,
                "doc": doc or sentence_doc,
                "rule": _str(g.value(holding, KGO.rule)),
                "confidence": _py(g.value(holding, KGO.confidence)),
                "status": "asserted",
                "date": None,
            })
    for person, office in g.subject_objects(KGO.holdsOffice):
        holdings.setdefault((person, office), [])
        office_org.setdefault(office, None)

    office_evidence = defaultdict(list)
    for (person, office), evidence in holdings.items():
        office_evidence[office].extend(evidence)
    for office in _sorted_nodes(office_org):
        org = office_org[office]
        title = label(office)
        view.add_node(
            str(office),
            label=f"{title} ({label(org)})" if org is not None else title,
            type="Office",
            iri=str(office),
            organization=label(org) if org is not None else None,
            evidence=office_evidence.get(office, []),
        )
    for (person, office) in sorted(holdings, key=lambda pair: (str(pair[0]), str(pair[1]))):
        evidence = holdings[(person, office)]
        _role_edge(view, ensure_entity(person), str(office), HOLDS_OFFICE, evidence[0] if evidence else {}, False)
    return view


def _role_edge(view: nx.MultiDiGraph, source: str, target: str, role: str, evidence: dict, marked: bool) -> None:
    """An edge labelled with its role, carrying the evidence sentence and article of its fact."""
    view.add_edge(source, target, key=role, role=role, label=role,
                  evidence=evidence.get("sentence"), doc=evidence.get("doc"), marked=marked)


def write_graphml(graph: rdflib.Graph, path) -> Path:
    """Write the view of `graph` as GraphML (for Gephi, Cytoscape, yEd); returns the path.

    Lists and dicts (evidence) are stored as JSON text; empty values are left out.
    """
    with atomic_write(path) as handle:
        handle.write("\n".join(nx.generate_graphml(_flat_view(graph))) + "\n")
    return Path(path)


def write_gexf(graph: rdflib.Graph, path) -> Path:
    """Write the view of `graph` as GEXF 1.2 (for Gephi, Cytoscape); returns the path.

    The same nodes, edges and flattened values as `write_graphml`; `label` is GEXF's own label.
    """
    with atomic_write(path) as handle:
        handle.write("\n".join(nx.generate_gexf(_flat_view(graph))) + "\n")
    return Path(path)


def _flat_view(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The view of `graph` with only values file formats can hold (see `_flat`)."""
    view = graph_view(graph)
    flat = nx.MultiDiGraph()
    for node, attrs in view.nodes(data=True):
        flat.add_node(node, **_flat(attrs))
    for source, target, key, attrs in view.edges(keys=True, data=True):
        flat.add_edge(source, target, key=str(key), **_flat(attrs))
    return flat


def _flat(attrs: dict) -> dict:
    out = {}
    for key, value in attrs.items():
        if value is None or value == [] or value == {}:
            continue
        out[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
    return out
