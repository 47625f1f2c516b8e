"""From extracted facts to RDF under the kg ontology (see docs/graph-shape.md).

`article_rdf` turns one article's `Extraction` into N-Triples terms: the triples the
article asserts (its own named graph, so an article can be replaced on its own) and the
triples that describe entities and offices shared by every article (the default graph).
Terms are N-Triples text, not rdflib objects: the store loads them as they are, and
making them costs little beside the parse. `to_graph` gathers articles into an rdflib Graph.
The output depends only on the input, so the same articles always give the same graph.
"""
from __future__ import annotations

import bisect
import hashlib
from decimal import Decimal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .model import Article, Event, Extraction, Mention, OfficeHolding, Span
from .resolve import Entity, resolve
from .text import shorten
from .vocab import (
    ENTITY_CLASSES,
    EVENT_CLASSES,
    KGO,
    PREFIXES,
    PROV,
    ROLE_PROPERTIES,
    SCHEMA,
    STATUSES,
    UNNAMED_GROUP,
    WD,
    article_iri,
    entity_iri,
    office_iri,
)

Triple = tuple[URIRef, URIRef, URIRef | Literal]
LABEL_LENGTH = 80


# ------------------------------------------------------------------ N-Triples terms
def iri(value: str) -> str:
    """The N-Triples form of an IRI (kg mints only IRIs that need no escaping)."""
    return f"<{value}>"


# Characters no XML format (RDF/XML, GraphML, GEXF, SPARQL XML results) can hold, and lone
# surrogates, which UTF-8 cannot, become U+FFFD one for one, so offsets still count right.
_ESCAPES = str.maketrans({
    "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x7f": "\\u007F",
    **{chr(c): "\ufffd" for c in [*range(0x20), 0xFFFE, 0xFFFF] if chr(c) not in "\t\n\r"},
    **{chr(c): "\ufffd" for c in range(0xD800, 0xE000)},
})


def text(value: str) -> str:
    """An xsd:string literal, escaped as N-Triples requires."""
    return f'"{value.translate(_ESCAPES)}"'


def typed(lexical: str, datatype: str) -> str:
    return f'"{lexical.translate(_ESCAPES)}"^^<{datatype}>'


def integer(value: int) -> str:
    return f'"{value}"^^<{XSD.integer}>'


class _Terms:
    """The N-Triples forms of a namespace's terms, made once: `_Terms(KGO).start`."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = iri(self._namespace[name])
        setattr(self, name, value)
        return value


K = _Terms(KGO)
A = iri(RDF.type)
LABEL = iri(RDFS.label)
SAME_AS = iri(OWL.sameAs)
DERIVED_FROM = iri(PROV.wasDerivedFrom)
_SCHEMA = _Terms(SCHEMA)
_ENTITY_CLASSES = {name: iri(c) for name, c in ENTITY_CLASSES.items()}
_EVENT_CLASSES = {name: iri(c) for name, c in EVENT_CLASSES.items()}
_STATUSES = {name: iri(s) for name, s in STATUSES.items()}
_ROLES = {name: iri(p) for name, p in ROLE_PROPERTIES.items()}
_UNNAMED_GROUP = iri(UNNAMED_GROUP)


def fingerprint(article: Article) -> str:
    """A digest of what an article says (text, title, date, url): a changed article has a new one."""
    parts = (article.text, article.title or "", article.date.isoformat() if article.date else "", article.url or "")
    return "sha256:" + hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


# ------------------------------------------------------------------ one article
@dataclass
class ArticleRdf:
    """One article in N-Triples terms.

    `ntriples` are the article's own statements, one N-Triples line each, kept in the named
    graph `graph` (the article's IRI, without brackets); `shared` describe the entities and
    offices it mentions, and belong to the default graph, where every article shares them.
    """

    doc_id: str
    graph: str
    fingerprint: str
    ntriples: str = ""
    shared: list[tuple[str, str, str]] = field(default_factory=list)
    events: list[tuple[str, str]] = field(default_factory=list)  # (type, status) of each event
    offices: int = 0

    def nquads(self) -> str:
        # every line ends " .\n", and nothing else can: a literal's line breaks are escaped
        return self.ntriples.replace(" .\n", f" {iri(self.graph)} .\n")


def article_rdf(extraction: Extraction) -> ArticleRdf:
    """The RDF of one article: the article, its sentences, mentions, entities and facts."""
    return _ArticleWriter(extraction).write()


class SharedTriples:
    """The default graph's triples, gathered across articles: each once, and each node with
    one label, the one it was first seen with. Grows with distinct entities, not articles."""

    def __init__(self, labelled: Iterable[str] = ()):
        self.labelled = set(labelled)
        self.seen: set[tuple[str, str, str]] = set()

    def new(self, rdf: ArticleRdf) -> Iterator[str]:
        """The shared triples of `rdf` (as N-Triples lines) not seen before."""
        for triple in rdf.shared:
            if triple in self.seen:
                continue
            s, p, o = triple
            if p == LABEL:
                if s in self.labelled:
                    continue
                self.labelled.add(s)
            self.seen.add(triple)
            yield f"{s} {p} {o} .\n"


def new_graph() -> Graph:
    """An empty graph with the kg prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("owl", OWL)
    return graph


def to_graph(articles: Iterable[ArticleRdf], graph: Graph | None = None) -> Graph:
    """An rdflib Graph of the articles' triples (named graphs merged into one)."""
    graph = new_graph() if graph is None else graph
    shared = SharedTriples()
    lines: list[str] = []
    for rdf in articles:
        lines.append(rdf.ntriples)
        lines += shared.new(rdf)
    graph.parse(data="".join(lines), format="nt")
    return graph


def article_triples(extraction: Extraction) -> Iterator[Triple]:
    """One article's triples as rdflib terms (for tests and small jobs)."""
    yield from to_graph([article_rdf(extraction)], Graph())


class _ArticleWriter:
    def __init__(self, extraction: Extraction):
        self.x = extraction
        self.doc_id = extraction.article.id
        self.base = str(article_iri(self.doc_id))
        self.article = iri(self.base)
        self.entities = resolve(extraction)
        self.sentence_starts = [s.span.start for s in extraction.sentences]
        self.rdf = ArticleRdf(self.doc_id, self.base, fingerprint(extraction.article),
                              events=[(e.type, e.status) for e in extraction.events],
                              offices=len(extraction.offices))
        self.lines: list[str] = []

    def write(self) -> ArticleRdf:
        self._article()
        for sentence in self.x.sentences:
            self._sentence(sentence.span)
        # role mentions come last so they decide what a span refers to ("Moscow" as an actor)
        by_span: dict[tuple[int, int], Mention] = {}
        for mention in self.x.mentions:
            by_span[(mention.span.start, mention.span.end)] = mention
        for event in self.x.events:
            for role in event.roles:
                by_span[(role.mention.span.start, role.mention.span.end)] = role.mention
        for office in self.x.offices:
            for mention in (office.person, office.organization):
                if mention is not None:
                    by_span[(mention.span.start, mention.span.end)] = mention
        for mention in by_span.values():
            self._entity_mention(mention)
        for event in self.x.events:
            self._event(event)
        for office in self.x.offices:
            self._office(office)
        self.rdf.ntriples = "".join(self.lines)
        return self.rdf

    # ---------------------------------------------------------------- building blocks
    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} .\n")

    def share(self, s: str, p: str, o: str) -> None:
        self.rdf.shared.append((s, p, o))

    def local(self, kind: str, span: Span) -> str:
        """The IRI of something located in this article (sentence, mention, event, office)."""
        return f"<{self.base}/{kind}/{span.start}-{span.end}>"

    def _article(self) -> None:
        article = self.x.article
        a = self.article
        self.add(a, A, K.Article)
        self.add(a, LABEL, text(article.title or article.id))
        self.add(a, K.docId, text(article.id))
        self.add(a, K.fingerprint, text(self.rdf.fingerprint))
        if article.title:
            self.add(a, _SCHEMA.headline, text(article.title))
        if article.date:
            self.add(a, _SCHEMA.datePublished, typed(article.date.isoformat(), XSD.date))
        if article.url:
            self.add(a, _SCHEMA.url, typed(article.url, XSD.anyURI))

    def _sentence(self, span: Span) -> None:
        s = self.local("sentence", span)
        self.add(s, A, K.Sentence)
        self.add(s, LABEL, text(shorten(span.text, LABEL_LENGTH)))
        self._located(s, span)

    def _located(self, node: str, span: Span) -> None:
        self.add(node, K.text, text(span.text))
        self.add(node, K.start, integer(span.start))
        self.add(node, K.end, integer(span.end))
        self.add(node, K.inArticle, self.article)

    def sentence_span(self, span: Span) -> Span:
        """The span of the sentence `span` is part of."""
        index = max(bisect.bisect_right(self.sentence_starts, span.start) - 1, 0)
        return self.x.sentences[index].span

    def sentence_of(self, span: Span) -> str:
        return self.local("sentence", self.sentence_span(span))

    def mention(self, span: Span) -> str:
        """The node of a piece of text (an entity mention or a trigger)."""
        m = self.local("mention", span)
        self.add(m, A, K.Mention)
        self.add(m, LABEL, text(span.text))
        self._located(m, span)
        self.add(m, K.inSentence, self.sentence_of(span))
        return m

    def entity(self, entity: Entity) -> str:
        node = iri(entity_iri(entity.key))
        self.share(node, A, _ENTITY_CLASSES[entity.type])
        self.share(node, LABEL, text(entity.label))
        if entity.unnamed:
            self.share(node, A, _UNNAMED_GROUP)
        if entity.wikidata:
            self.share(node, SAME_AS, iri(WD[entity.wikidata]))
        return node

    def _entity_mention(self, mention: Mention) -> None:
        m = self.mention(mention.span)
        self.add(m, K.refersTo, self.entity(self.entities[mention]))

    def _provenance(self, node: str, sentence: Span, rule: str, confidence: float) -> None:
        self.add(node, K.evidence, self.local("sentence", sentence))
        self.add(node, DERIVED_FROM, self.article)
        self.add(node, K.rule, text(rule))
        self.add(node, K.confidence, typed(format(Decimal(str(confidence)), "f"), XSD.decimal))

    def _role(self, node: str, role: str, mention: Mention, shortcuts: bool = False) -> str:
        entity = self.entities[mention]
        filler = self.entity(entity)
        self.add(node, _ROLES[role], filler)
        filling = f"{node[:-1]}/role/{role}/{mention.span.start}-{mention.span.end}>"
        self.add(node, K.roleFilling, filling)
        self.add(filling, A, K.RoleFilling)
        self.add(filling, LABEL, text(f"{role}: {mention.span.text}"))
        self.add(filling, K.role, _ROLES[role])
        self.add(filling, K.filler, filler)
        self.add(filling, K.mention, self.local("mention", mention.span))
        if shortcuts:  # what the event_mentions and talks queries read (ontology: "Shortcuts")
            self.add(filling, K.roleName, text(_ROLES[role][1:-1].rsplit("#", 1)[1]))
            self.add(filling, K.fillerText, text(mention.span.text))
            self.add(filling, K.fillerStart, integer(mention.span.start))
            self.add(filling, K.fillerEnd, integer(mention.span.end))
            self.add(filling, K.fillerSentenceText, text(self.sentence_span(mention.span).text))
        return entity.label

    def _event(self, event: Event) -> None:
        e = self.local("event", event.trigger)
        self.add(e, A, _EVENT_CLASSES[event.type])
        self.add(e, K.status, _STATUSES[event.status])
        self.add(e, K.trigger, self.mention(event.trigger))
        self.add(e, K.triggerText, text(event.trigger.text))  # shortcuts (see the ontology)
        self.add(e, K.triggerStart, integer(event.trigger.start))
        self.add(e, K.triggerEnd, integer(event.trigger.end))
        self.add(e, K.sourceDocId, text(self.doc_id))
        self._provenance(e, event.sentence, event.rule, event.confidence)
        for sentence in event.evidence:
            self.add(e, K.evidence, self.local("sentence", sentence))
        labels: dict[str, list[str]] = {}
        for role in event.roles:
            labels.setdefault(role.role, []).append(self._role(e, role.role, role.mention, shortcuts=True))
        if event.time is not None:
            self.add(e, K.date, typed(event.time.value.isoformat(), XSD.date))
            self.add(e, K.datePrecision, text(event.time.precision))
            self.add(e, K.dateMention, self.mention(event.time.span))
        if event.name:
            self.add(e, K.name, text(event.name))
        if event.quote:
            self.add(e, K.quote, text(event.quote))
        self.add(e, LABEL, text(event_label(event, labels)))

    def _office(self, office: OfficeHolding) -> None:
        h = self.local("office", office.title_span)
        self.add(h, A, K.OfficeHolding)
        self.add(h, K.trigger, self.mention(office.title_span))
        self._provenance(h, office.sentence, office.rule, office.confidence)
        person = self._role(h, "person", office.person)
        organization = self.entities[office.organization] if office.organization else None
        if office.organization is not None:
            self._role(h, "organization", office.organization)
        o = iri(office_iri(office.title, organization.key if organization else None))
        self.share(o, A, K.Office)
        self.share(o, LABEL, text(office.title))
        if organization is not None:
            self.share(o, K.organization, iri(entity_iri(organization.key)))
        self.add(h, K.office, o)
        self.share(iri(entity_iri(self.entities[office.person].key)), K.holdsOffice, o)
        where = f" ({organization.label})" if organization else ""
        self.add(h, LABEL, text(f"{person}, {office.title}{where}"))


def event_label(event: Event, roles: dict[str, list[str]]) -> str:
    """A readable label: "Attack: Russia → Ukrainian power infrastructure (2024-03-14)"."""
    if event.type == "Attack":
        core = f"Attack: {', '.join(roles.get('attacker', ['?']))} → {', '.join(roles.get('target', roles.get('place', ['?'])))}"
    elif event.type == "Talks":
        core = f"{(event.name or 'talks').capitalize()}: {', '.join(roles.get('participant', []) or roles.get('host', ['?']))}"
    else:
        core = f"Statement by {', '.join(roles.get('speaker', ['?']))}"
    if event.time is not None:
        core += f" ({event.time.value.isoformat()})"
    if event.status != "asserted":
        core += f" [{event.status}]"
    return core

