"""The OWL ontology, the SHACL shapes and the sample graph agree with each other and the code.

No spaCy needed: these tests read only `ontology/`, `tests/fixtures/sample.ttl`,
`docs/graph-shape.md` and `kg.vocab`.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kg import vocab
from kg.vocab import KGO, PROV, SCHEMA, SEM

ROOT = Path(__file__).parent.parent
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
SAMPLE = Path(__file__).parent / "fixtures" / "sample.ttl"
GRAPH_SHAPE_DOC = ROOT / "docs" / "graph-shape.md"

ONTOLOGY_IRI = URIRef("https://w3id.org/kg-news/ontology")
KGR = Namespace("https://w3id.org/kg-news/id/")
SH = Namespace("http://www.w3.org/ns/shacl#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # not rdflib.XSD: pytest's collection trips its warnings

DECLARATION_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)

CLASSES = """Article Sentence Mention Entity Person Organization Country Place Group UnnamedGroup Weapon
    Event Attack Talks Statement OfficeHolding Office RoleFilling EventStatus""".split()
INDIVIDUALS = "Asserted Planned Negated Denied Hypothetical".split()
OBJECT_PROPERTIES = """attacker target instrument place participant host speaker person
    organization office holdsOffice trigger evidence inArticle inSentence refersTo roleFilling
    role filler mention dateMention status""".split()
DATATYPE_PROPERTIES = "docId text start end rule confidence quote name date datePrecision".split()


# --------------------------------------------------------------------------------------
# helpers


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


@pytest.fixture(scope="module")
def sample() -> Graph:
    return Graph().parse(SAMPLE, format="turtle")


def is_kgo(term) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(str(KGO))


def declared_terms(ontology: Graph) -> set[URIRef]:
    """kgo: terms typed as an OWL class, property or named individual."""
    return {
        s
        for t in DECLARATION_TYPES
        for s in ontology.subjects(RDF.type, t)
        if is_kgo(s)
    }


def kgo_terms_used_in_data(graph: Graph) -> set[URIRef]:
    """kgo: terms used as predicate, as class (rdf:type object) or as status or role value."""
    used = {p for p in graph.predicates() if is_kgo(p)}
    used |= {o for o in graph.objects(None, RDF.type) if is_kgo(o)}
    for p in (KGO.status, KGO.role):
        used |= {o for o in graph.objects(None, p) if is_kgo(o)}
    return used


def sample_text() -> str:
    """The article text written in the fixture's header comment (the line `# TEXT: ...`)."""
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("# TEXT: "):
            return line[len("# TEXT: ") :]
    raise AssertionError("no '# TEXT: ' line in the fixture")


def validate(data: Graph, shapes: Graph, ontology: Graph, inference: str = "rdfs"):
    pyshacl = pytest.importorskip("pyshacl")
    conforms, results, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference=inference,
        allow_warnings=False,
    )
    return conforms, results, text


def copy(graph: Graph) -> Graph:
    new = Graph()
    for triple in graph:
        new.add(triple)
    return new


# --------------------------------------------------------------------------------------
# the ontology itself


def test_ontology_parses_and_has_metadata(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://opensource.org/licenses/MIT"
    )
    assert any(l.language == "en" for l in ontology.objects(ONTOLOGY_IRI, RDFS.label))
    assert any(c.language == "en" for c in ontology.objects(ONTOLOGY_IRI, RDFS.comment))


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES, SAMPLE], ids=lambda p: p.name)
def test_turtle_parses_with_pyoxigraph(path):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    fmt = pyoxigraph.RdfFormat.TURTLE if hasattr(pyoxigraph, "RdfFormat") else "text/turtle"
    with open(path, "rb") as f:
        quads = list(pyoxigraph.parse(f, fmt))
    assert quads


def test_expected_terms_are_declared_with_the_right_type(ontology):
    for name in CLASSES:
        assert (KGO[name], RDF.type, OWL.Class) in ontology, name
    for name in INDIVIDUALS:
        assert (KGO[name], RDF.type, KGO.EventStatus) in ontology, name
        assert (KGO[name], RDF.type, OWL.NamedIndividual) in ontology, name
    for name in OBJECT_PROPERTIES:
        assert (KGO[name], RDF.type, OWL.ObjectProperty) in ontology, name
    for name in DATATYPE_PROPERTIES:
        assert (KGO[name], RDF.type, OWL.DatatypeProperty) in ontology, name


def test_no_term_is_both_object_and_datatype_property(ontology):
    both = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) & set(
        ontology.subjects(RDF.type, OWL.DatatypeProperty)
    )
    assert not both


def test_every_declared_term_has_english_label_and_comment(ontology):
    terms = declared_terms(ontology)
    assert len(terms) >= len(CLASSES) + len(INDIVIDUALS) + len(OBJECT_PROPERTIES) + len(
        DATATYPE_PROPERTIES
    )
    missing = []
    for term in sorted(terms):
        labels = [l for l in ontology.objects(term, RDFS.label) if getattr(l, "language", None) == "en"]
        comments = [
            c for c in ontology.objects(term, RDFS.comment) if getattr(c, "language", None) == "en"
        ]
        if not labels or not comments:
            missing.append(term)
    assert not missing, f"terms without an English rdfs:label or rdfs:comment: {missing}"


def test_every_kgo_term_mentioned_in_the_ontology_is_declared(ontology):
    """Catches typos in domains, ranges, subclass axioms and enumerations."""
    mentioned = {t for triple in ontology for t in triple if is_kgo(t)}
    assert mentioned - declared_terms(ontology) == set()


def test_class_hierarchy(ontology):
    def sub(a, b):
        return (a, RDFS.subClassOf, b) in ontology

    for name in ["Person", "Organization", "Place", "Group", "Weapon"]:
        assert sub(KGO[name], KGO.Entity), name
    assert sub(KGO.Country, KGO.Place)
    for name in ["Attack", "Talks", "Statement"]:
        assert sub(KGO[name], KGO.Event), name


def test_alignments(ontology):
    def sub(a, b):
        return (a, RDFS.subClassOf, b) in ontology

    def subp(a, b):
        return (a, RDFS.subPropertyOf, b) in ontology

    assert sub(KGO.Event, SEM.Event) and sub(KGO.Event, SCHEMA.Event)
    assert sub(KGO.Talks, SCHEMA.Event)
    assert sub(KGO.Person, SCHEMA.Person) and sub(KGO.Person, SEM.Actor)
    assert sub(KGO.Organization, SCHEMA.Organization) and sub(KGO.Organization, SEM.Actor)
    assert sub(KGO.Country, SCHEMA.Country) and sub(KGO.Country, SEM.Actor)
    assert sub(KGO.Place, SCHEMA.Place) and sub(KGO.Place, SEM.Place)
    assert sub(KGO.Article, SCHEMA.NewsArticle) and sub(KGO.Article, PROV.Entity)
    assert sub(KGO.Sentence, PROV.Entity) and sub(KGO.Mention, PROV.Entity)
    assert sub(KGO.OfficeHolding, SCHEMA.Role)
    for name in ["attacker", "participant", "host"]:
        assert subp(KGO[name], SEM.hasActor), name
    assert subp(KGO.place, SEM.hasPlace) and subp(KGO.place, SCHEMA.location)
    assert subp(KGO.instrument, SCHEMA.instrument)
    assert subp(KGO.date, SEM.hasTimeStamp)
    assert subp(KGO.participant, SCHEMA.attendee)
    assert subp(KGO.host, SCHEMA.organizer)
    assert subp(KGO.evidence, PROV.wasDerivedFrom)
    # alignment is by subsumption only
    assert not list(ontology.triples((None, OWL.equivalentClass, None)))
    assert not list(ontology.triples((None, OWL.equivalentProperty, None)))


def test_external_terms_are_declared(ontology):
    """Every schema:, sem: and prov: term the ontology uses is typed, for OWL tools."""
    external = (str(SCHEMA), str(SEM), str(PROV))
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(external)}
    untyped = {t for t in used if (t, RDF.type, None) not in ontology}
    assert not untyped


def test_domains_and_ranges_are_declared_terms(ontology):
    """Shared properties have union domains, as the graph uses them on several classes."""

    def union_members(node):
        lst = ontology.value(node, OWL.unionOf)
        return set(Collection(ontology, lst)) if lst is not None else {node}

    assert union_members(ontology.value(KGO.organization, RDFS.domain)) == {KGO.OfficeHolding, KGO.Office}
    for p in ["text", "start", "end", "inArticle"]:
        assert union_members(ontology.value(KGO[p], RDFS.domain)) == {KGO.Sentence, KGO.Mention}, p
    for p in ["trigger", "evidence", "rule", "confidence", "roleFilling"]:
        assert union_members(ontology.value(KGO[p], RDFS.domain)) == {KGO.Event, KGO.OfficeHolding}, p
    assert ontology.value(KGO.status, RDFS.range) == KGO.EventStatus
    assert ontology.value(KGO.date, RDFS.range) == XSD.date


# --------------------------------------------------------------------------------------
# the ontology covers the code, the documentation and the sample graph


def test_every_kgo_term_in_vocab_is_declared(ontology):
    declared = declared_terms(ontology)
    for table in (vocab.ENTITY_CLASSES, vocab.EVENT_CLASSES):
        for name, term in table.items():
            assert term in declared and (term, RDF.type, OWL.Class) in ontology, name
    for name, term in vocab.STATUSES.items():
        assert (term, RDF.type, KGO.EventStatus) in ontology, name
    for name, term in vocab.ROLE_PROPERTIES.items():
        assert (term, RDF.type, OWL.ObjectProperty) in ontology, name


def test_every_kgo_term_in_graph_shape_doc_is_declared(ontology):
    named = {KGO[m] for m in re.findall(r"\bkgo:([A-Za-z_][A-Za-z0-9_]*)", GRAPH_SHAPE_DOC.read_text())}
    assert named, "no kgo: terms found in docs/graph-shape.md"
    assert named - declared_terms(ontology) == set()


def test_every_kgo_term_in_sample_is_declared(ontology, sample):
    used = kgo_terms_used_in_data(sample)
    assert KGO.Attack in used and KGO.status in used
    assert used - declared_terms(ontology) == set()


def test_shapes_use_only_declared_kgo_terms(ontology, shapes):
    used = {t for triple in shapes for t in triple if is_kgo(t)}
    assert used - declared_terms(ontology) == set()


# --------------------------------------------------------------------------------------
# the sample graph is what the docs promise


def test_sample_offsets_match_the_text(sample):
    text = sample_text()
    spans = list(sample.subjects(RDF.type, KGO.Sentence)) + list(sample.subjects(RDF.type, KGO.Mention))
    assert len(spans) > 10
    for node in spans:
        start = sample.value(node, KGO.start).toPython()
        end = sample.value(node, KGO.end).toPython()
        assert text[start:end] == str(sample.value(node, KGO.text)), node
        assert str(node).endswith(f"/{start}-{end}"), node
    for mention in sample.subjects(RDF.type, KGO.Mention):
        sentence = sample.value(mention, KGO.inSentence)
        assert sample.value(sentence, KGO.start).toPython() <= sample.value(mention, KGO.start).toPython()
        assert sample.value(mention, KGO.end).toPython() <= sample.value(sentence, KGO.end).toPython()


def test_sample_iris_follow_vocab(sample):
    article = vocab.article_iri("sample")
    assert (article, KGO.docId, Literal("sample")) in sample
    for node in sample.subjects(RDF.type, KGO.Mention):
        start, end = sample.value(node, KGO.start).toPython(), sample.value(node, KGO.end).toPython()
        assert node == vocab.in_article("sample", "mention", start, end)
    office = vocab.office_iri("Foreign Minister", "country/tarsia")
    assert (office, RDF.type, KGO.Office) in sample
    assert (vocab.entity_iri("person/ilse-varga"), KGO.holdsOffice, office) in sample
    # every node has a label
    for node in set(sample.subjects(RDF.type, None)):
        assert sample.value(node, RDFS.label) is not None, node


def test_sample_contents(sample):
    attacks = set(sample.subjects(RDF.type, KGO.Attack))
    talks = set(sample.subjects(RDF.type, KGO.Talks))
    assert len(attacks) == 2 and len(talks) == 1
    statuses = {sample.value(a, KGO.status) for a in attacks}
    assert statuses == {KGO.Asserted, KGO.Denied}
    (asserted,) = [a for a in attacks if sample.value(a, KGO.status) == KGO.Asserted]
    attacker = sample.value(asserted, KGO.attacker)
    assert (attacker, RDF.type, KGO.Country) in sample
    assert str(sample.value(attacker, OWL.sameAs)).startswith(str(vocab.WD))
    assert len(set(sample.objects(asserted, KGO.instrument))) == 2
    assert sample.value(asserted, KGO.date) == Literal("2024-03-14", datatype=XSD.date)
    (talk,) = talks
    assert sample.value(talk, KGO.status) == KGO.Planned
    assert len(set(sample.objects(talk, KGO.participant))) == 2
    assert sample.value(talk, KGO.date) is not None
    assert len(set(sample.subjects(RDF.type, KGO.OfficeHolding))) == 1
    # one role filling per role triple, and the other way round
    role_props = set(vocab.ROLE_PROPERTIES.values())
    role_triples = {(s, p, o) for s, p, o in sample if p in role_props and (s, RDF.type, KGO.Office) not in sample}
    fillings = {
        (ev, sample.value(rf, KGO.role), sample.value(rf, KGO.filler))
        for ev, rf in sample.subject_objects(KGO.roleFilling)
    }
    assert role_triples == fillings


# --------------------------------------------------------------------------------------
# SHACL


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_sample_conforms_to_shapes(sample, shapes, ontology, inference):
    conforms, _, text = validate(sample, shapes, ontology, inference)
    assert conforms, text


ASSERTED_ATTACK = vocab.in_article("sample", "event", 8, 14)
DENIED_ATTACK = vocab.in_article("sample", "event", 106, 115)
TALKS = vocab.in_article("sample", "event", 169, 174)
OFFICE_HOLDING = vocab.in_article("sample", "office", 131, 147)
FIRST_MENTION = vocab.in_article("sample", "mention", 0, 7)
FIRST_SENTENCE = vocab.in_article("sample", "sentence", 0, 91)


def _two_statuses_and_confidence_2(g: Graph):
    g.add((ASSERTED_ATTACK, KGO.status, KGO.Negated))
    g.set((ASSERTED_ATTACK, KGO.confidence, Literal(Decimal("2"))))


def _two_statuses(g: Graph):
    g.add((ASSERTED_ATTACK, KGO.status, KGO.Negated))


def _confidence_2(g: Graph):
    g.set((ASSERTED_ATTACK, KGO.confidence, Literal(Decimal("2"))))


def _confidence_double(g: Graph):
    g.set((ASSERTED_ATTACK, KGO.confidence, Literal(0.85)))  # xsd:double, not xsd:decimal


def _unknown_status(g: Graph):
    g.set((DENIED_ATTACK, KGO.status, KGO.Rumoured))


def _no_status(g: Graph):
    g.remove((TALKS, KGO.status, None))


def _no_trigger(g: Graph):
    g.remove((DENIED_ATTACK, KGO.trigger, None))


def _evidence_not_a_sentence(g: Graph):
    g.set((TALKS, KGO.evidence, FIRST_MENTION))


def _two_rules(g: Graph):
    g.add((TALKS, KGO.rule, Literal("talks-noun/2")))


def _bad_date_precision(g: Graph):
    g.set((ASSERTED_ATTACK, KGO.datePrecision, Literal("decade")))


def _date_as_string(g: Graph):
    g.set((ASSERTED_ATTACK, KGO.date, Literal("2024-03-14")))


def _date_without_precision(g: Graph):
    g.remove((TALKS, KGO.datePrecision, None))


def _attacker_is_a_sentence(g: Graph):
    g.add((DENIED_ATTACK, KGO.attacker, FIRST_SENTENCE))


def _participant_is_a_literal(g: Graph):
    g.add((TALKS, KGO.participant, Literal("Veloria")))


def _office_holding_two_people(g: Graph):
    g.add((OFFICE_HOLDING, KGO.person, vocab.entity_iri("Q4115189")))


def _office_holding_without_office(g: Graph):
    g.remove((OFFICE_HOLDING, KGO.office, None))


def _role_filling_without_role_triple(g: Graph):
    g.remove((ASSERTED_ATTACK, KGO.target, None))


def _role_filling_two_fillers(g: Graph):
    rf = next(iter(g.objects(DENIED_ATTACK, KGO.roleFilling)))
    g.add((rf, KGO.filler, vocab.entity_iri("place/kelmar")))


def _role_filling_bad_role(g: Graph):
    rf = next(iter(g.objects(DENIED_ATTACK, KGO.roleFilling)))
    g.set((rf, KGO.role, KGO.trigger))


def _mention_offsets_wrong(g: Graph):
    g.set((FIRST_MENTION, KGO.end, Literal(8)))


def _mention_end_before_start(g: Graph):
    g.set((FIRST_MENTION, KGO.start, Literal(9)))
    g.set((FIRST_MENTION, KGO.end, Literal(2)))


def _mention_outside_its_sentence(g: Graph):
    g.set((FIRST_MENTION, KGO.inSentence, vocab.in_article("sample", "sentence", 92, 121)))


def _trigger_outside_evidence(g: Graph):
    g.set((DENIED_ATTACK, KGO.evidence, FIRST_SENTENCE))


def _article_two_doc_ids(g: Graph):
    g.add((vocab.article_iri("sample"), KGO.docId, Literal("other")))


def _sentence_start_not_integer(g: Graph):
    g.set((FIRST_SENTENCE, KGO.start, Literal("0")))


def _entity_without_label(g: Graph):
    g.remove((vocab.entity_iri("weapon/drones"), RDFS.label, None))


def _no_derived_from_article(g: Graph):
    g.remove((TALKS, PROV.wasDerivedFrom, None))


BROKEN = [
    # (mutation, the constraint component that must report it, inference regime)
    (_two_statuses_and_confidence_2, "MaxCountConstraintComponent", "rdfs"),
    (_two_statuses, "MaxCountConstraintComponent", "rdfs"),
    (_confidence_2, "MaxInclusiveConstraintComponent", "rdfs"),
    (_confidence_double, "DatatypeConstraintComponent", "rdfs"),
    (_unknown_status, "InConstraintComponent", "rdfs"),
    (_no_status, "MinCountConstraintComponent", "rdfs"),
    (_no_trigger, "MinCountConstraintComponent", "rdfs"),
    # without inference: under RDFS the range of kgo:evidence would make it a Sentence
    (_evidence_not_a_sentence, "ClassConstraintComponent", "none"),
    (_two_rules, "MaxCountConstraintComponent", "rdfs"),
    (_bad_date_precision, "InConstraintComponent", "rdfs"),
    (_date_as_string, "DatatypeConstraintComponent", "rdfs"),
    (_date_without_precision, "OrConstraintComponent", "rdfs"),
    # without inference: under RDFS the range of kgo:attacker would make it an Entity
    (_attacker_is_a_sentence, "ClassConstraintComponent", "none"),
    (_participant_is_a_literal, "NodeKindConstraintComponent", "rdfs"),
    (_office_holding_two_people, "MaxCountConstraintComponent", "rdfs"),
    (_office_holding_without_office, "MinCountConstraintComponent", "rdfs"),
    (_role_filling_without_role_triple, "SPARQLConstraintComponent", "rdfs"),
    (_role_filling_two_fillers, "MaxCountConstraintComponent", "rdfs"),
    (_role_filling_bad_role, "InConstraintComponent", "rdfs"),
    (_mention_offsets_wrong, "SPARQLConstraintComponent", "rdfs"),
    (_mention_end_before_start, "LessThanOrEqualsConstraintComponent", "rdfs"),
    (_mention_outside_its_sentence, "SPARQLConstraintComponent", "rdfs"),
    (_trigger_outside_evidence, "SPARQLConstraintComponent", "rdfs"),
    (_article_two_doc_ids, "MaxCountConstraintComponent", "rdfs"),
    (_sentence_start_not_integer, "DatatypeConstraintComponent", "rdfs"),
    (_entity_without_label, "MinCountConstraintComponent", "rdfs"),
    (_no_derived_from_article, "QualifiedMinCountConstraintComponent", "rdfs"),
]


@pytest.mark.parametrize(
    "mutate,component,inference",
    BROKEN,
    ids=[m.__name__.lstrip("_") for m, _, _ in BROKEN],
)
def test_broken_sample_does_not_conform(sample, shapes, ontology, mutate, component, inference):
    broken = copy(sample)
    mutate(broken)
    assert set(broken) != set(sample), "the mutation changed nothing"
    conforms, results, text = validate(broken, shapes, ontology, inference)
    assert not conforms, f"{mutate.__name__} was not caught"
    reported = set(results.objects(None, SH.sourceConstraintComponent))
    assert SH[component] in reported, text
