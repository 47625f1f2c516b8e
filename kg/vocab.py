"""The RDF vocabulary kg emits: namespaces and the IRIs of resources it mints.

Every `KGO` term used here must be declared in `ontology/kg.ttl`; a test keeps the two in
step. IRIs are minted from stable keys only, so the same input always gives the same graph.
"""
from __future__ import annotations

from urllib.parse import quote

from rdflib import Namespace, URIRef

BASE = "https://w3id.org/kg-news/"
KGO = Namespace(BASE + "ontology#")
KGR = Namespace(BASE + "id/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {
    "kgo": KGO,
    "kgr": KGR,
    "wd": WD,
    "schema": SCHEMA,
    "sem": SEM,
    "prov": PROV,
}

# Entity classes by the type name used in the extraction dataclasses.
ENTITY_CLASSES = {
    "Person": KGO.Person,
    "Organization": KGO.Organization,
    "Country": KGO.Country,
    "Place": KGO.Place,
    "Group": KGO.Group,
    "Weapon": KGO.Weapon,
    "Entity": KGO.Entity,
}
UNNAMED_GROUP = KGO.UnnamedGroup  # also typed so: a group told by a common noun ("gunmen")

EVENT_CLASSES = {
    "Attack": KGO.Attack,
    "Talks": KGO.Talks,
    "Statement": KGO.Statement,
}

# Event status individuals (instances of kgo:EventStatus).
STATUSES = {
    "asserted": KGO.Asserted,
    "planned": KGO.Planned,
    "negated": KGO.Negated,
    "denied": KGO.Denied,
    "hypothetical": KGO.Hypothetical,
}

# Role name -> property linking an event (or office holding) to its filler entity.
ROLE_PROPERTIES = {
    "attacker": KGO.attacker,
    "target": KGO.target,
    "instrument": KGO.instrument,
    "place": KGO.place,
    "participant": KGO.participant,
    "host": KGO.host,
    "speaker": KGO.speaker,
    "source": KGO.statusSource,
    "person": KGO.person,
    "organization": KGO.organization,
}


def segment(text: str) -> str:
    """Percent-encode `text` so it is safe as one IRI path segment.

    >>> segment("a b/c")
    'a%20b%2Fc'
    """
    return quote(text, safe="-._~")


def entity_iri(key: str) -> URIRef:
    """IRI of a canonical entity from its resolution key (a Wikidata id or `type/slug`)."""
    return KGR["entity/" + "/".join(segment(part) for part in key.split("/"))]


def office_iri(title: str, organization_key: str | None) -> URIRef:
    """IRI of an office, such as `Energy Minister` of one country."""
    key = slug(title) + ("@" + organization_key if organization_key else "")
    return KGR["office/" + segment(key)]


def article_iri(doc_id: str) -> URIRef:
    return KGR["article/" + segment(doc_id)]


def in_article(doc_id: str, kind: str, start: int, end: int) -> URIRef:
    """IRI of something located in an article by character offsets (sentence, mention, event)."""
    return URIRef(f"{article_iri(doc_id)}/{kind}/{start}-{end}")


def slug(text: str) -> str:
    """Lower-case, hyphen-joined form of `text` for use in keys.

    >>> slug("  Energy  Minister ")
    'energy-minister'
    """
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return "-".join(words) or "x"
