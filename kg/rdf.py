"""From extracted facts to RDF triples under the kg ontology (see docs/graph-shape.md).

`article_triples` turns one article's `Extraction` into triples; `new_graph` gives an empty
rdflib Graph with the project's prefixes bound. The output depends only on the input, so
the same articles always give the same graph.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .model import Event, Extraction, Mention, OfficeHolding, Span
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
    WD,
    article_iri,
    entity_iri,
    in_article,
    office_iri,
)

Triple = tuple[URIRef, URIRef, URIRef | Literal]
LABEL_LENGTH = 80


def new_graph() -> Graph:
    """An empty graph with the kg prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("owl", OWL)
    return graph


def article_triples(extraction: Extraction) -> Iterator[Triple]:
    """All triples for one article: the article, its sentences, mentions, entities and facts."""
    writer = _ArticleWriter(extraction)
    yield from writer.triples()


class _ArticleWriter:
    def __init__(self, extraction: Extraction):
        self.x = extraction
        self.doc_id = extraction.article.id
        self.article = article_iri(self.doc_id)
        self.entities = resolve(extraction)
        self.sentence_starts = [s.span.start for s in extraction.sentences]
        self.out: list[Triple] = []

    def triples(self) -> list[Triple]:
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
        return self.out

    # ---------------------------------------------------------------- building blocks
    def add(self, s, p, o) -> None:
        self.out.append((s, p, o))

    def _article(self) -> None:
        article = self.x.article
        a = self.article
        self.add(a, RDF.type, KGO.Article)
        self.add(a, RDFS.label, Literal(article.title or article.id))
        self.add(a, KGO.docId, Literal(article.id))
        if article.title:
            self.add(a, SCHEMA.headline, Literal(article.title))
        if article.date:
            self.add(a, SCHEMA.datePublished, Literal(article.date.isoformat(), datatype=XSD.date))
        if article.url:
            self.add(a, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI))

    def _sentence(self, span: Span) -> None:
        s = in_article(self.doc_id, "sentence", span.start, span.end)
        self.add(s, RDF.type, KGO.Sentence)
        self.add(s, RDFS.label, Literal(shorten(span.text, LABEL_LENGTH)))
        self._located(s, span)

    def _located(self, node: URIRef, span: Span) -> None:
        self.add(node, KGO.text, Literal(span.text))
        self.add(node, KGO.start, Literal(span.start))
        self.add(node, KGO.end, Literal(span.end))
        self.add(node, KGO.inArticle, self.article)

    def sentence_of(self, span: Span) -> URIRef:
        index = max(bisect.bisect_right(self.sentence_starts, span.start) - 1, 0)
        sentence = self.x.sentences[index].span
        return in_article(self.doc_id, "sentence", sentence.start, sentence.end)

    def mention(self, span: Span) -> URIRef:
        """The node of a piece of text (an entity mention or a trigger)."""
        m = in_article(self.doc_id, "mention", span.start, span.end)
        self.add(m, RDF.type, KGO.Mention)
        self.add(m, RDFS.label, Literal(span.text))
        self._located(m, span)
        self.add(m, KGO.inSentence, self.sentence_of(span))
        return m

    def entity(self, entity: Entity) -> URIRef:
        node = entity_iri(entity.key)
        self.add(node, RDF.type, ENTITY_CLASSES[entity.type])
        self.add(node, RDFS.label, Literal(entity.label))
        if entity.wikidata:
            self.add(node, OWL.sameAs, WD[entity.wikidata])
        return node

    def _entity_mention(self, mention: Mention) -> None:
        m = self.mention(mention.span)
        self.add(m, KGO.refersTo, self.entity(self.entities[mention]))

    def _provenance(self, node: URIRef, sentence: Span, rule: str, confidence: float) -> None:
        self.add(node, KGO.evidence, in_article(self.doc_id, "sentence", sentence.start, sentence.end))
        self.add(node, PROV.wasDerivedFrom, self.article)
        self.add(node, KGO.rule, Literal(rule))
        self.add(node, KGO.confidence, Literal(Decimal(str(confidence))))

    def _role(self, node: URIRef, role: str, mention: Mention) -> str:
        entity = self.entities[mention]
        filler = self.entity(entity)
        self.add(node, ROLE_PROPERTIES[role], filler)
        filling = URIRef(f"{node}/role/{role}/{mention.span.start}-{mention.span.end}")
        self.add(node, KGO.roleFilling, filling)
        self.add(filling, RDF.type, KGO.RoleFilling)
        self.add(filling, RDFS.label, Literal(f"{role}: {mention.span.text}"))
        self.add(filling, KGO.role, ROLE_PROPERTIES[role])
        self.add(filling, KGO.filler, filler)
        self.add(filling, KGO.mention, in_article(self.doc_id, "mention", mention.span.start, mention.span.end))
        return entity.label

    def _event(self, event: Event) -> None:
        e = in_article(self.doc_id, "event", event.trigger.start, event.trigger.end)
        self.add(e, RDF.type, EVENT_CLASSES[event.type])
        self.add(e, KGO.status, STATUSES[event.status])
        self.add(e, KGO.trigger, self.mention(event.trigger))
        self._provenance(e, event.sentence, event.rule, event.confidence)
        for sentence in event.evidence:
            self.add(e, KGO.evidence, in_article(self.doc_id, "sentence", sentence.start, sentence.end))
        labels: dict[str, list[str]] = {}
        for role in event.roles:
            labels.setdefault(role.role, []).append(self._role(e, role.role, role.mention))
        if event.time is not None:
            self.add(e, KGO.date, Literal(event.time.value.isoformat(), datatype=XSD.date))
            self.add(e, KGO.datePrecision, Literal(event.time.precision))
            self.add(e, KGO.dateMention, self.mention(event.time.span))
        if event.name:
            self.add(e, KGO.name, Literal(event.name))
        if event.quote:
            self.add(e, KGO.quote, Literal(event.quote))
        self.add(e, RDFS.label, Literal(event_label(event, labels)))

    def _office(self, office: OfficeHolding) -> None:
        h = in_article(self.doc_id, "office", office.title_span.start, office.title_span.end)
        self.add(h, RDF.type, KGO.OfficeHolding)
        self.add(h, KGO.trigger, self.mention(office.title_span))
        self._provenance(h, office.sentence, office.rule, office.confidence)
        person = self._role(h, "person", office.person)
        organization = self.entities[office.organization] if office.organization else None
        if office.organization is not None:
            self._role(h, "organization", office.organization)
        o = office_iri(office.title, organization.key if organization else None)
        self.add(o, RDF.type, KGO.Office)
        self.add(o, RDFS.label, Literal(office.title))
        if organization is not None:
            self.add(o, KGO.organization, entity_iri(organization.key))
        self.add(h, KGO.office, o)
        self.add(entity_iri(self.entities[office.person].key), KGO.holdsOffice, o)
        where = f" ({organization.label})" if organization else ""
        self.add(h, RDFS.label, Literal(f"{person}, {office.title}{where}"))


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

