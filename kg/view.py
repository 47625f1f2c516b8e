"""The graph as people look at it: RDF reduced to entities, events and offices in networkx.

`graph_view` is what the HTML view draws and what GraphML export writes; analysis with
networkx starts from it too. No pyvis or spaCy here.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import networkx as nx
import rdflib
from rdflib import OWL, RDF, RDFS, Literal

from .store import atomic_write
from .vocab import ENTITY_CLASSES, EVENT_CLASSES, KGO, PROV, SCHEMA, WD

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
        if isinstance(py, Decimal):  # xsd:decimal, as Turtle writes 0.85
            return float(py)
        if hasattr(py, "isoformat"):
            return py.isoformat()
        return str(value)
    return str(value)


def _sorted_nodes(nodes):
    return sorted(nodes, key=str)


def _role_name(iri) -> str:
    """A role's name from its property IRI (kgo:statusSource is the status "source")."""
    name = _local(iri)
    return "source" if name == "statusSource" else name


def _highlights(text: str | None, offset: int | None, spans) -> list[dict]:
    """`spans` (article offsets and a role) as offsets into the sentence `text` starting at `offset`.

    Spans that do not lie inside the sentence are left out; the rest are sorted by start.

    >>> _highlights("Russia struck.", 100, [(107, 113, "trigger"), (100, 106, "attacker"), (90, 95, "x")])
    [{'start': 0, 'end': 6, 'role': 'attacker'}, {'start': 7, 'end': 13, 'role': 'trigger'}]
    """
    if text is None or offset is None:
        return []
    out = []
    for start, end, role in spans:
        start, end = start - offset, end - offset
        if 0 <= start < end <= len(text):
            out.append({"start": start, "end": end, "role": role})
    out.sort(key=lambda h: (h["start"], -h["end"], h["role"]))
    # the same span twice (one mention filling one role of two merged events) is shown once
    return [h for i, h in enumerate(out) if i == 0 or h != out[i - 1]]


def graph_view(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The graph as people want to look at it.

    Nodes (ids are IRI strings) are canonical entities, events and offices, each with `label`,
    `type` (class local name) and `evidence`: a list of dicts, one a sentence, each with the
    `sentence`, its article (`doc` id, `title`, `published` date, `url`, None when unknown) and
    `highlights`, the spans to mark in the sentence as `{"start", "end", "role"}` offsets into
    it: the trigger ("trigger") and each role filler (its role) of an event or office holding,
    the mention ("mention") of an entity. Event evidence also carries `rule`, `confidence`,
    `status` and `date`. Edges go event -> filler with the role as key and `label`, and
    person -> office labelled "holds office"; each edge carries the `evidence` sentence and
    `doc` id of its fact, and in `provenance` the evidence dicts with the trigger and this
    filler highlighted. Every lookup is a single index walk or a `Graph.value` call per node,
    so building the view is linear in graph size.
    """
    g = graph
    view = nx.MultiDiGraph()

    def label(node) -> str:
        value = g.value(node, RDFS.label)
        return str(value) if value is not None else _local(node)

    # Articles, sentences and mentions are looked up once each, however many facts cite them.
    articles: dict = {}

    def article_of(article) -> dict:
        """The article's doc id, headline, publication date and URL."""
        if article is None:
            return {"doc": None, "title": None, "published": None, "url": None}
        if article not in articles:
            articles[article] = {
                "doc": _str(g.value(article, KGO.docId)) or _local(article),
                "title": _str(g.value(article, SCHEMA.headline)),
                "published": _py(g.value(article, SCHEMA.datePublished)),
                "url": _str(g.value(article, SCHEMA.url)),
            }
        return articles[article]

    sentences: dict = {}

    def sentence_of(sentence) -> tuple[str | None, int | None, object]:
        """The sentence's text, its start in the article, and the article."""
        if sentence is None:
            return None, None, None
        if sentence not in sentences:
            start = g.value(sentence, KGO.start)
            sentences[sentence] = (
                _str(g.value(sentence, KGO.text)),
                int(start) if start is not None else None,
                g.value(sentence, KGO.inArticle),
            )
        return sentences[sentence]

    mentions_seen: dict = {}

    def mention_of(mention) -> tuple:
        """The mention's sentence, start and end in the article, text and article."""
        if mention not in mentions_seen:
            start, end = g.value(mention, KGO.start), g.value(mention, KGO.end)
            sentence = g.value(mention, KGO.inSentence)
            article = g.value(mention, KGO.inArticle)
            if article is None and sentence is not None:
                article = sentence_of(sentence)[2]
            mentions_seen[mention] = (
                sentence,
                int(start) if start is not None else None,
                int(end) if end is not None else None,
                _str(g.value(mention, KGO.text)),
                article,
            )
        return mentions_seen[mention]

    def evidence_of(sentence_nodes, marks, facts: dict, article=None) -> list[dict]:
        """One evidence dict a sentence, in text order: the sentences given and those of the
        marked mentions (`(mention, role)` pairs), each with its marks as highlights."""
        spans = defaultdict(list)
        for mention, role in marks:
            sentence, start, end, _, _ = mention_of(mention)
            if sentence is not None and start is not None and end is not None:
                spans[sentence].append((start, end, role))
        items = []
        for node in sorted(set(sentence_nodes) | set(spans), key=lambda s: (sentence_of(s)[1] or 0, str(s))):
            text, offset, sentence_article = sentence_of(node)
            items.append({"sentence": text, **article_of(article if article is not None else sentence_article),
                          **facts, "highlights": _highlights(text, offset, spans.get(node, ()))})
        if not items:
            items.append({"sentence": None, **article_of(article), **facts, "highlights": []})
        return items

    def marks_of(fact) -> list[tuple]:
        """(mention, role, filler) of the trigger and of each role filling of an event or holding."""
        marks = [(mention, "trigger", None) for mention in g.objects(fact, KGO.trigger)]
        for filling in g.objects(fact, KGO.roleFilling):
            mention, role = g.value(filling, KGO.mention), g.value(filling, KGO.role)
            if mention is not None and role is not None:
                marks.append((mention, _role_name(role), g.value(filling, KGO.filler)))
        return marks

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
        sentence, start, _, _, article = mention_of(mention)
        return (article_of(article)["doc"] or "", start if start is not None else 0, str(mention))

    for node in _sorted_nodes(entity_type):
        # the first sentences (in article and text order) that mention the entity, each with
        # every mention of it there highlighted
        chosen: dict = {}
        seen_text = set()
        for mention in sorted(mentions.get(node, ()), key=mention_key):
            sentence, _, _, _, article = mention_of(mention)
            if sentence is None:
                continue
            if sentence in chosen:
                chosen[sentence].append(mention)
                continue
            if len(chosen) >= MAX_ENTITY_EVIDENCE:
                break  # mentions are in text order: no later one is in a chosen sentence
            text = sentence_of(sentence)[0]
            if text is None or (text, article) in seen_text:
                continue
            seen_text.add((text, article))
            chosen[sentence] = [mention]
        evidence = []
        for sentence, marked in chosen.items():
            item = evidence_of([sentence], [(m, "mention") for m in marked], {},
                               article=mention_of(marked[0])[4])[0]
            item["mention"] = mention_of(marked[0])[3]
            evidence.append(item)
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
            facts = {
                "rule": _str(g.value(event, KGO.rule)),
                "confidence": _py(g.value(event, KGO.confidence)),
                "status": status,
                "date": date,
            }
            article = g.value(event, PROV.wasDerivedFrom)
            said_in = list(g.objects(event, KGO.evidence))
            marks = marks_of(event)
            evidence = evidence_of(said_in, [(m, role) for m, role, _ in marks], facts, article)
            text = label(event)
            if marked and not text.endswith((f"({status})", f"[{status}]")):
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
            for role in EVENT_ROLES:
                for filler in _sorted_nodes(g.objects(event, KGO[role])):
                    own = [(m, r) for m, r, f in marks if r == "trigger" or (r == role and f == filler)]
                    _role_edge(view, str(event), ensure_entity(filler), role,
                               evidence_of(said_in, own, facts, article), marked)

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
        facts = {"rule": _str(g.value(holding, KGO.rule)), "confidence": _py(g.value(holding, KGO.confidence)),
                 "status": "asserted", "date": None}
        holdings[(person, office)].extend(evidence_of(
            g.objects(holding, KGO.evidence), [(m, role) for m, role, _ in marks_of(holding)], facts,
            g.value(holding, PROV.wasDerivedFrom)))
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
            name=title,
            organization=label(org) if org is not None else None,
            evidence=office_evidence.get(office, []),
        )
    for (person, office) in sorted(holdings, key=lambda pair: (str(pair[0]), str(pair[1]))):
        _role_edge(view, ensure_entity(person), str(office), HOLDS_OFFICE, holdings[(person, office)], False)
    return view


def _role_edge(view: nx.MultiDiGraph, source: str, target: str, role: str, provenance: list[dict],
               marked: bool) -> None:
    """An edge labelled with its role, carrying the evidence of its fact: the first sentence and
    its article as `evidence` and `doc`, and every evidence dict as `provenance`."""
    first = provenance[0] if provenance else {}
    view.add_edge(source, target, key=role, role=role, label=role, evidence=first.get("sentence"),
                  doc=first.get("doc"), provenance=provenance, marked=marked)


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
