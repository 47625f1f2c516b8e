"""Unit tests of the HTML graph view (kg.viz): no browser, no spaCy."""
from __future__ import annotations

import functools
import html
import json
import random
import re
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib.namespace
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg import layout, subgraph, viz
from kg.errors import ViewError
from kg.query import run
from kg.view import EVENT_TYPES
from kg.vocab import KGO, PROV, SCHEMA, WD, article_iri, entity_iri, in_article, office_iri

SCRIPT_ATTACK = "</script><script>alert(1)</script>"
IMG_ATTACK = "<img src=x onerror=alert(1)>"
EVIL_SENTENCE = f'Blinken said "{SCRIPT_ATTACK}" and {IMG_ATTACK} & more at the talks.'
EVIL_LABEL = "<b>Evil & Sons</b>"
FIXTURE = Path(__file__).parent / "fixtures" / "sample.ttl"


def small_graph() -> Graph:
    """A tiny graph in the shape of docs/graph-shape.md, with one malicious article sentence."""
    g = Graph()
    doc = "doc1"
    art = article_iri(doc)
    g.add((art, RDF.type, KGO.Article))
    g.add((art, RDFS.label, Literal("Russia strikes Ukraine")))
    g.add((art, KGO.docId, Literal(doc)))

    def sentence(start: int, text: str) -> URIRef:
        s = in_article(doc, "sentence", start, start + len(text))
        g.add((s, RDF.type, KGO.Sentence))
        g.add((s, RDFS.label, Literal(text[:60])))
        g.add((s, KGO.text, Literal(text)))
        g.add((s, KGO.start, Literal(start)))
        g.add((s, KGO.end, Literal(start + len(text))))
        g.add((s, KGO.inArticle, art))
        return s

    def entity(key: str, cls, label: str, wikidata: str | None = None) -> URIRef:
        e = entity_iri(key)
        g.add((e, RDF.type, cls))
        g.add((e, RDFS.label, Literal(label)))
        if wikidata:
            g.add((e, OWL.sameAs, WD[wikidata]))
        return e

    def mention(sent: URIRef, start: int, text: str, refers: URIRef | None = None) -> URIRef:
        m = in_article(doc, "mention", start, start + len(text))
        g.add((m, RDF.type, KGO.Mention))
        g.add((m, RDFS.label, Literal(text)))
        g.add((m, KGO.text, Literal(text)))
        g.add((m, KGO.start, Literal(start)))
        g.add((m, KGO.end, Literal(start + len(text))))
        g.add((m, KGO.inSentence, sent))
        g.add((m, KGO.inArticle, art))
        if refers is not None:
            g.add((m, KGO.refersTo, refers))
        return m

    def event(cls, start: int, sent: URIRef, label: str, status, date: str, **roles) -> URIRef:
        ev = in_article(doc, "event", start, start + 5)
        g.add((ev, RDF.type, cls))
        g.add((ev, RDFS.label, Literal(label)))
        g.add((ev, KGO.status, status))
        g.add((ev, KGO.evidence, sent))
        g.add((ev, PROV.wasDerivedFrom, art))
        g.add((ev, KGO.rule, Literal("test-rule/1")))
        g.add((ev, KGO.confidence, Literal(0.85)))
        g.add((ev, KGO.date, Literal(date, datatype=rdflib.namespace.XSD.date)))
        for role, fillers in roles.items():
            for filler in fillers:
                g.add((ev, KGO[role], filler))
        return ev

    russia = entity("Q159", KGO.Country, "Russia", "Q159")
    ukraine = entity("Q212", KGO.Country, "Ukraine", "Q212")
    usa = entity("Q30", KGO.Country, "United States", "Q30")
    grid = entity("entity/power-grid", KGO.Entity, "Ukrainian power grid")
    drones = entity("weapon/drones", KGO.Weapon, "drones")
    kharkiv = entity("Q42891", KGO.Place, "Kharkiv", "Q42891")
    blinken = entity("person/antony-blinken", KGO.Person, "Antony Blinken")
    evil = entity("group/evil", KGO.Group, EVIL_LABEL)

    s1 = sentence(0, "Russia attacked the Ukrainian power grid in Kharkiv with drones.")
    s2 = sentence(100, "Secretary of State Antony Blinken hosted talks with Ukraine.")
    s3 = sentence(200, EVIL_SENTENCE)
    s4 = sentence(300, "Ukraine denied that it had attacked Russia.")
    m_russia = mention(s1, 0, "Russia", russia)
    m_grid = mention(s1, 20, "Ukrainian power grid", grid)
    m_kharkiv = mention(s1, 44, "Kharkiv", kharkiv)
    m_drones = mention(s1, 57, "drones", drones)
    mention(s2, 119, "Antony Blinken", blinken)
    mention(s2, 152, "Ukraine", ukraine)
    m_blinken = mention(s3, 200, "Blinken", blinken)
    mention(s3, 280, "Evil", evil)
    # Russia is mentioned in many sentences: only 5 make it into its evidence.
    for i in range(7):
        s = sentence(1000 + 100 * i, f"Russia sentence number {i}.")
        mention(s, 1000 + 100 * i, "Russia", russia)

    def fillings(ev: URIRef, trigger: URIRef, **roles) -> None:
        """The trigger and role fillings (role=[(filler, mention)]) that the page highlights."""
        g.add((ev, KGO.trigger, trigger))
        for role, pairs in roles.items():
            for filler, m in pairs:
                filling = URIRef(f"{ev}/role/{role}/{m.rsplit('/', 1)[-1]}")
                g.add((filling, RDF.type, KGO.RoleFilling))
                g.add((filling, KGO.role, KGO[role]))
                g.add((filling, KGO.filler, filler))
                g.add((filling, KGO.mention, m))
                g.add((ev, KGO.roleFilling, filling))

    attack = event(KGO.Attack, 7, s1, "Attack: Russia → Ukrainian power grid (2024-03-14)", KGO.Asserted,
                   "2024-03-14", attacker=[russia], target=[grid], instrument=[drones], place=[kharkiv])
    fillings(attack, mention(s1, 7, "attacked"), attacker=[(russia, m_russia)], target=[(grid, m_grid)],
             instrument=[(drones, m_drones)], place=[(kharkiv, m_kharkiv)])
    event(KGO.Talks, 134, s2, "Talks: Antony Blinken, Ukraine (2024-03-15)", KGO.Asserted,
          "2024-03-15", participant=[blinken, ukraine], host=[usa])
    stmt = event(KGO.Statement, 208, s3, "Statement: Antony Blinken (2024-03-16)", KGO.Asserted,
                 "2024-03-16", speaker=[blinken])
    g.add((stmt, KGO.quote, Literal(SCRIPT_ATTACK)))
    fillings(stmt, mention(s3, 208, "said"), speaker=[(blinken, m_blinken)])
    event(KGO.Attack, 314, s4, "Attack: Ukraine → Russia (2024-03-17)", KGO.Denied,
          "2024-03-17", attacker=[ukraine], target=[russia])

    office = office_iri("Secretary of State", "Q30")
    g.add((office, RDF.type, KGO.Office))
    g.add((office, RDFS.label, Literal("Secretary of State")))
    g.add((office, KGO.organization, usa))
    holding = in_article(doc, "office", 100, 118)
    g.add((holding, RDF.type, KGO.OfficeHolding))
    g.add((holding, RDFS.label, Literal("Antony Blinken, Secretary of State (United States)")))
    g.add((holding, KGO.person, blinken))
    g.add((holding, KGO.office, office))
    g.add((holding, KGO.organization, usa))
    g.add((holding, KGO.evidence, s2))
    g.add((holding, PROV.wasDerivedFrom, art))
    g.add((holding, KGO.rule, Literal("office-title/1")))
    g.add((holding, KGO.confidence, Literal(0.9)))
    g.add((blinken, KGO.holdsOffice, office))
    return g


def page_data(page: str) -> dict:
    """The JSON data embedded in the page, decoded."""
    match = re.search(r"var KG_DATA = (.*?);\n", page)
    assert match, "KG_DATA not found in the page"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def view():
    return viz.graph_view(small_graph())


@pytest.fixture(scope="module")
def page(view):
    return viz.render_html(view, title="Test <graph> & co")


# --------------------------------------------------------------------------- graph_view


def test_view_nodes_and_types(view):
    types = {attrs["label"]: attrs["type"] for _, attrs in view.nodes(data=True)}
    assert types["Russia"] == "Country"
    assert types["Antony Blinken"] == "Person"
    assert types["drones"] == "Weapon"
    assert types["Kharkiv"] == "Place"
    assert types["Ukrainian power grid"] == "Entity"
    assert types[EVIL_LABEL] == "Group"
    assert types["Secretary of State (United States)"] == "Office"
    kinds = sorted(a["type"] for _, a in view.nodes(data=True))
    assert kinds.count("Attack") == 2 and kinds.count("Talks") == 1 and kinds.count("Statement") == 1
    # articles, sentences, mentions, office holdings are not drawn
    assert view.number_of_nodes() == 8 + 4 + 1
    for _, attrs in view.nodes(data=True):
        assert {"label", "type", "evidence"} <= set(attrs)


def test_view_edges_roles(view):
    label = lambda n: view.nodes[n]["label"]  # noqa: E731
    edges = {(label(u), k, label(v)) for u, v, k in view.edges(keys=True)}
    attack = "Attack: Russia → Ukrainian power grid (2024-03-14)"
    assert (attack, "attacker", "Russia") in edges
    assert (attack, "target", "Ukrainian power grid") in edges
    assert (attack, "instrument", "drones") in edges
    assert (attack, "place", "Kharkiv") in edges
    talks = "Talks: Antony Blinken, Ukraine (2024-03-15)"
    assert (talks, "participant", "Antony Blinken") in edges
    assert (talks, "participant", "Ukraine") in edges
    assert (talks, "host", "United States") in edges
    assert ("Statement: Antony Blinken (2024-03-16)", "speaker", "Antony Blinken") in edges
    assert ("Antony Blinken", "holds office", "Secretary of State (United States)") in edges
    assert view.number_of_edges() == 11
    for u, v, k, attrs in view.edges(keys=True, data=True):
        assert attrs["label"] == k == attrs["role"]
        assert attrs["evidence"], (u, k, v)
        assert attrs["doc"] == "doc1"


def test_view_event_evidence_and_status(view):
    events = {a["label"]: a for _, a in view.nodes(data=True) if a["type"] in ("Attack", "Talks", "Statement")}
    attack = events["Attack: Russia → Ukrainian power grid (2024-03-14)"]
    assert attack["evidence"] == [{
        "sentence": "Russia attacked the Ukrainian power grid in Kharkiv with drones.",
        "doc": "doc1", "title": None, "published": None, "url": None,
        "rule": "test-rule/1", "confidence": 0.85, "status": "asserted", "date": "2024-03-14",
        "highlights": [
            {"start": 0, "end": 6, "role": "attacker"},
            {"start": 7, "end": 15, "role": "trigger"},
            {"start": 20, "end": 40, "role": "target"},
            {"start": 44, "end": 51, "role": "place"},
            {"start": 57, "end": 63, "role": "instrument"},
        ],
    }]
    assert not attack["marked"]
    denied = events["Attack: Ukraine → Russia (2024-03-17) (denied)"]
    assert denied["marked"] and denied["status"] == "denied"
    assert "(denied)" in denied["short_label"]
    statement = events["Statement: Antony Blinken (2024-03-16)"]
    assert statement["evidence"][0]["sentence"] == EVIL_SENTENCE
    assert statement["quote"] == SCRIPT_ATTACK


def test_view_entity_evidence(view):
    entities = {a["label"]: a for _, a in view.nodes(data=True)}
    russia = entities["Russia"]
    assert russia["wikidata"] == "Q159"
    assert len(russia["evidence"]) == 5
    assert all(ev["doc"] == "doc1" and ev["sentence"] for ev in russia["evidence"])
    blinken = entities["Antony Blinken"]
    assert blinken["wikidata"] is None
    assert {ev["sentence"] for ev in blinken["evidence"]} == {
        "Secretary of State Antony Blinken hosted talks with Ukraine.", EVIL_SENTENCE}
    office = entities["Secretary of State (United States)"]
    assert office["organization"] == "United States"
    assert office["evidence"][0]["sentence"] == "Secretary of State Antony Blinken hosted talks with Ukraine."


def test_view_empty_graph():
    view = viz.graph_view(Graph())
    assert view.number_of_nodes() == 0
    page = viz.render_html(view)
    assert page_data(page)["nodes"] == []


# --------------------------------------------------------------------------- render_html


def test_html_is_offline(page):
    assert page.startswith("<!DOCTYPE html>")
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?\s*([^"'\s>]*)""", page, flags=re.I)
    assert not [r for r in refs if re.match(r"(?:https?:)?//", r, flags=re.I)], refs
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, flags=re.I)
    assert not re.search(r"<link\b", page, flags=re.I)
    assert not re.search(r"@import", page, flags=re.I)
    assert "sourceMappingURL" not in page
    # exactly two inline scripts (vis-network and ours) and two inline stylesheets; nothing in
    # them can end a <script> early
    assert len(re.findall(r"^<script>$", page, flags=re.I | re.M)) == 2
    assert "<!--" not in page
    assert len(re.findall(r"</script", page, flags=re.I)) == 2
    assert len(re.findall(r"</style", page, flags=re.I)) == 2


def test_vis_network_inlined(page):
    import importlib.util

    # located without importing pyvis (only kg.viz imports it)
    lib = Path(importlib.util.find_spec("pyvis").origin).parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    assert len(page) > len(js)
    assert js[:2000] in page  # the library itself, not a reference to it
    assert "t.Network=" in page
    assert css[:1000] in page and ".vis-tooltip" in page
    assert "window.kgNetwork" in page
    assert "stabilizationIterationsDone" in page and "barnesHut" in page
    assert "physics: false" in page


def test_labels_and_roles_in_page(view, page):
    data = page_data(page)
    assert len(data["nodes"]) == view.number_of_nodes()
    assert len(data["edges"]) == view.number_of_edges()
    texts = {n["id"]: n["label"] + "\n" + n["title"] for n in data["nodes"]}
    for node, attrs in view.nodes(data=True):
        assert attrs["label"] in texts[node]
    for label in ("Russia", "Antony Blinken", "Kharkiv", "drones", "Secretary of State (United States)",
                  "Ukrainian power grid", "United States"):
        assert label in page  # plain labels appear literally
    for role in ("attacker", "target", "instrument", "place", "participant", "host", "speaker",
                 "holds office"):
        assert any(e["label"] == role for e in data["edges"]), role
        assert f'"label":"{role}"' in page
    events = [n for n in data["nodes"] if n["kind"] in ("Attack", "Talks", "Statement")]
    assert all(n["shape"] == "diamond" for n in events)
    assert any(n["label"] == "Attack\n2024-03-14" for n in events)
    denied = [n for n in events if "(denied)" in n["label"]]
    assert len(denied) == 1 and denied[0]["shapeProperties"]["borderDashes"]
    # edges carry the evidence sentence in their tooltip
    assert any("Russia attacked the Ukrainian power grid" in e["title"] for e in data["edges"])


def test_legend(page):
    legend = page[page.index('id="kg-legend"'):page.index('</aside>')]
    for text in ("person", "country", "place", "group", "weapon",
                 "office", "event: attack", "event: talks", "event: statement", "attacker",
                 "holds office", "negated / denied / hypothetical"):
        assert text in legend, text


def test_malicious_text_is_escaped(page):
    assert SCRIPT_ATTACK not in page
    assert IMG_ATTACK not in page
    assert "<script>alert" not in page
    assert "<img" not in page.lower()
    assert "<b>Evil" not in page
    assert "<graph>" not in page and "Test &lt;graph&gt; &amp; co" in page
    assert "\u2028" not in page and "\u2029" not in page
    # ... yet the text is all there, as data, to be shown as text
    data = page_data(page)
    titles = "\n".join(n["title"] for n in data["nodes"])
    assert EVIL_SENTENCE in titles and SCRIPT_ATTACK in titles
    assert any(n["label"] == EVIL_LABEL for n in data["nodes"])
    assert any(ev.get("sentence") == EVIL_SENTENCE
               for info in data["nodeInfo"].values() for ev in info["evidence"])


def test_json_escaping_of_separators():
    encoded = viz._json_for_script({"a": "x\u2028y\u2029z</script>&"})
    assert "\u2028" not in encoded and "\u2029" not in encoded
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"a": "x\u2028y\u2029z</script>&"}


# --------------------------------------------------------------------------- write_html


def test_write_html_atomic_and_no_lib(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out" / "graph.html"
    written = viz.write_html(small_graph(), out, title="kg test")
    assert written == out and out.is_file()
    assert not (tmp_path / "lib").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]
    text = out.read_text(encoding="utf-8")
    assert "<title>kg test</title>" in text and "window.kgNetwork" in text
    # overwriting replaces the file and still leaves nothing behind
    viz.write_html(Graph(), out)
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]
    assert page_data(out.read_text(encoding="utf-8"))["nodes"] == []
    # a bare relative file name lands in the cwd
    viz.write_html(small_graph(), "plain.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "plain.html"]


def test_write_html_failure_leaves_no_temp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    def boom(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr("kg.store.os.replace", boom)
    with pytest.raises(OSError):
        viz.write_html(small_graph(), tmp_path / "graph.html")
    assert list(tmp_path.iterdir()) == []


def test_view_of_many_events():
    """A view with thousands of nodes: every event and speaker is drawn, one edge each."""
    g = Graph()
    n = 1500
    art = article_iri("big")
    g.add((art, KGO.docId, Literal("big")))
    for i in range(n):
        e = entity_iri(f"person/p{i}")
        g.add((e, RDF.type, KGO.Person))
        g.add((e, RDFS.label, Literal(f"Person {i}")))
        s = in_article("big", "sentence", i * 10, i * 10 + 9)
        g.add((s, KGO.text, Literal(f"Sentence {i}.")))
        g.add((s, KGO.inArticle, art))
        m = in_article("big", "mention", i * 10, i * 10 + 3)
        g.add((m, KGO.refersTo, e))
        g.add((m, KGO.inSentence, s))
        ev = in_article("big", "event", i * 10, i * 10 + 5)
        g.add((ev, RDF.type, KGO.Statement))
        g.add((ev, KGO.speaker, e))
        g.add((ev, KGO.evidence, s))
        g.add((ev, PROV.wasDerivedFrom, art))
    view = viz.graph_view(g)
    assert view.number_of_nodes() == 2 * n and view.number_of_edges() == n


@pytest.mark.skipif(not FIXTURE.exists(), reason="tests/fixtures/sample.ttl not written yet")
def test_sample_fixture_renders():
    g = Graph().parse(FIXTURE, format="turtle")
    view = viz.graph_view(g)
    assert view.number_of_nodes() > 0
    page = viz.render_html(view)
    assert len(page_data(page)["nodes"]) == view.number_of_nodes()
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, flags=re.I)


# --------------------------------------------------------------------------- a synthetic corpus


@functools.lru_cache(maxsize=None)
def big_graph(events: int = 1800, entities: int = 900, seed: int = 1) -> Graph:
    """A corpus-sized graph in the shape kg writes, without the model: `events` attacks, talks and
    statements over `entities` entities (a few hub countries take part in most), ten events an
    article, each with its sentence, trigger and role fillings. Do not modify (it is cached)."""
    rng = random.Random(seed)
    g = Graph()
    add = g.add
    hubs = [entity_iri(f"Q{i}") for i in range(30)]
    others = [entity_iri(f"person/p{i}") for i in range(entities - len(hubs))]
    for i, e in enumerate(hubs):
        add((e, RDF.type, KGO.Country))
        add((e, RDFS.label, Literal(f"Country {i}")))
    for i, e in enumerate(others):
        add((e, RDF.type, KGO.Person if i % 3 else KGO.Organization))
        add((e, RDFS.label, Literal(f"Actor {i}")))
    kinds = [(KGO.Attack, "attacked", ("attacker", "target")), (KGO.Talks, "met", ("participant", "participant")),
             (KGO.Statement, "said", ("speaker",))]
    for n in range(events):
        doc = f"a{n // 10}"
        art = article_iri(doc)
        if n % 10 == 0:
            add((art, RDF.type, KGO.Article))
            add((art, KGO.docId, Literal(doc)))
            add((art, SCHEMA.headline, Literal(f"Headline {doc}")))
        cls, verb, roles = kinds[n % 3]
        fillers = [rng.choice(hubs) if rng.random() < 0.5 else rng.choice(others) for _ in roles]
        names = [str(g.value(f, RDFS.label)) for f in fillers]
        text = f"{names[0]} {verb} {names[1]} on day {n}." if len(roles) == 2 else f"{names[0]} {verb} nothing {n}."
        offset = (n % 10) * 100
        sentence = in_article(doc, "sentence", offset, offset + len(text))
        add((sentence, RDF.type, KGO.Sentence))
        add((sentence, KGO.text, Literal(text)))
        add((sentence, KGO.start, Literal(offset)))
        add((sentence, KGO.end, Literal(offset + len(text))))
        add((sentence, KGO.inArticle, art))

        def mention(start: int, length: int, refers=None) -> URIRef:
            m = in_article(doc, "mention", offset + start, offset + start + length)
            add((m, KGO.start, Literal(offset + start)))
            add((m, KGO.end, Literal(offset + start + length)))
            add((m, KGO.inSentence, sentence))
            add((m, KGO.inArticle, art))
            if refers is not None:
                add((m, KGO.refersTo, refers))
            return m

        at = len(names[0]) + 1
        event = in_article(doc, "event", offset + at, offset + at + len(verb))
        add((event, RDF.type, cls))
        add((event, RDFS.label, Literal(f"{cls.split('#')[-1]}: {', '.join(names)}")))
        add((event, KGO.status, KGO.Asserted))
        add((event, KGO.evidence, sentence))
        add((event, PROV.wasDerivedFrom, art))
        add((event, KGO.rule, Literal("synthetic/1")))
        add((event, KGO.confidence, Literal(0.8)))
        add((event, KGO.date, Literal(f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}", datatype=rdflib.namespace.XSD.date)))
        add((event, KGO.trigger, mention(at, len(verb))))
        starts = [0, at + len(verb) + 1]
        for role, filler, name, start in zip(roles, fillers, names, starts):
            add((event, KGO[role], filler))
            filling = URIRef(f"{event}/role/{role}/{start}")
            add((filling, KGO.role, KGO[role]))
            add((filling, KGO.filler, filler))
            add((filling, KGO.mention, mention(start, len(name), filler)))
            add((event, KGO.roleFilling, filling))
    return g


@functools.lru_cache(maxsize=None)
def big_view() -> nx.MultiDiGraph:
    return viz.graph_view(big_graph())


# --------------------------------------------------------------------------- evidence for the panel


def marks(item: dict) -> set[tuple[str, str]]:
    """(role, marked text) of an evidence dict's highlights."""
    return {(h["role"], item["sentence"][h["start"]:h["end"]]) for h in item.get("highlights", [])}


def test_highlights_mark_trigger_and_fillers():
    view = viz.graph_view(Graph().parse(FIXTURE, format="turtle"))
    by_label = {attrs["label"]: (node, attrs) for node, attrs in view.nodes(data=True)}
    for _, attrs in view.nodes(data=True):
        for item in attrs["evidence"]:
            for h in item["highlights"]:
                assert 0 <= h["start"] < h["end"] <= len(item["sentence"])
    attack_id, attack = by_label["Attack: Veloria → Drelin power grid (2024-03-14)"]
    [item] = attack["evidence"]
    assert marks(item) == {("trigger", "struck"), ("attacker", "Veloria"), ("target", "Drelin power grid"),
                           ("place", "Kelmar"), ("instrument", "drones"), ("instrument", "missiles")}
    assert (item["doc"], item["title"], item["published"], item["url"]) == (
        "sample", "Veloria strikes Drelin power grid", "2024-03-15", "https://example.org/news/sample")
    assert (item["rule"], item["confidence"], item["status"], item["date"]) == ("attack-verb/1", 0.85, "asserted", "2024-03-14")
    # an edge marks the trigger and its own filler only
    for _, target, role, attrs in view.out_edges(attack_id, keys=True, data=True):
        [edge_item] = attrs["provenance"]
        assert marks(edge_item) == {("trigger", "struck"), (role, view.nodes[target]["label"])}
        assert attrs["evidence"] == item["sentence"] and attrs["doc"] == "sample"
    # offsets are into the sentence, not the article: this one starts at 122
    _, talks = by_label["Talks: Ilse Varga, Veloria (2024-04-02)"]
    [item] = talks["evidence"]
    assert {"start": 148 - 122, "end": 158 - 122, "role": "participant"} in item["highlights"]
    assert marks(item) == {("trigger", "talks"), ("participant", "Ilse Varga"), ("participant", "Veloria")}
    _, office = by_label["Foreign Minister (Tarsia)"]
    assert marks(office["evidence"][0]) == {("trigger", "Foreign Minister"), ("person", "Ilse Varga"),
                                            ("organization", "Tarsia")}
    _, veloria = by_label["Veloria"]
    assert [marks(item) for item in veloria["evidence"]] == [{("mention", "Veloria")}] * 2


def test_panel_data_carries_evidence_as_escaped_data(page):
    data = page_data(page)
    statement = next(info for info in data["nodeInfo"].values() if info["label"].startswith("Statement"))
    [item] = statement["evidence"]
    assert item["sentence"] == EVIL_SENTENCE
    assert marks(item) == {("trigger", "said"), ("speaker", "Blinken")}
    assert "title" not in item  # unknown values are left out
    attack_edges = [info for key, info in data["edgeInfo"].items() if "|attacker|" in key]
    assert any(marks(info["evidence"][0]) == {("trigger", "attacked"), ("attacker", "Russia")} for info in attack_edges)
    assert SCRIPT_ATTACK not in page and "<img" not in page.lower()
    # controls: search box, type and event filters, date range; the page script builds the rest with textContent
    for control in ('id="kg-search"', 'data-kg-type="Country"', 'data-kg-type="Attack"', 'id="kg-date-from"',
                    'id="kg-date-to"', 'id="kg-show-marked"', 'id="kg-details"'):
        assert control in page, control
    script = page[page.index("var KG_DATA"):]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script


# --------------------------------------------------------------------------- what is drawn


def test_focus_and_hops(view):
    attack = "Attack: Russia → Ukrainian power grid (2024-03-14)"
    labels = lambda part: {a["label"] for _, a in part.nodes(data=True)}  # noqa: E731
    assert labels(subgraph.focus(view, "kharkiv", hops=0)) == {"Kharkiv"}
    assert labels(subgraph.focus(view, "KHARKIV", hops=1)) == {"Kharkiv", attack}
    part = subgraph.focus(view, " Kharkiv ", hops=2)
    assert labels(part) == {"Kharkiv", attack, "Russia", "Ukrainian power grid", "drones"}
    assert {a["label"]: a["hops"] for _, a in part.nodes(data=True)}["Russia"] == 2
    assert part.number_of_edges() == 4 and part.graph["focus"] == " Kharkiv "
    assert "Ukraine" in labels(subgraph.focus(view, "Russia", hops=2))  # edges are followed both ways
    page = viz.render_html(part)
    assert len(page_data(page)["nodes"]) == 5 and 'id="kg-note"' not in page


def test_focus_on_an_unknown_label_lists_close_matches(view):
    with pytest.raises(ViewError, match=r"no node is labelled 'Karkiv'; close matches: 'Kharkiv'"):
        subgraph.focus(view, "Karkiv")
    with pytest.raises(ViewError, match="no label is close"):
        subgraph.focus(view, "zzzzzz")


def test_query_draws_what_its_rows_name():
    g = Graph().parse(FIXTURE, format="turtle")
    view = viz.graph_view(g)
    labels = lambda part: {a["label"] for _, a in part.nodes(data=True)}  # noqa: E731
    # attacks: only the asserted attack (the query leaves the denied one out), with all its fillers
    assert labels(subgraph.from_rows(view, run(g, "attacks").rows)) == {
        "Attack: Veloria → Drelin power grid (2024-03-14)", "Veloria", "Drelin power grid", "Kelmar", "drones",
        "missiles"}
    assert labels(subgraph.from_rows(view, run(g, "talks").rows)) == {
        "Talks: Ilse Varga, Veloria (2024-04-02)", "Ilse Varga", "Veloria"}
    offices = subgraph.from_rows(view, run(g, "offices").rows)
    assert labels(offices) == {"Ilse Varga", "Foreign Minister (Tarsia)", "Tarsia"}
    assert [k for _, _, k in offices.edges(keys=True)] == ["holds office"]
    # IRIs in the rows: the entities query names every entity and no event
    entities = subgraph.from_rows(view, run(g, "entities").rows)
    assert {a["type"] for _, a in entities.nodes(data=True)} <= {"Country", "Entity", "Place", "Weapon", "Person"}
    assert entities.number_of_nodes() == 8
    sparql = "SELECT ?e WHERE { ?e a <https://w3id.org/kg-news/ontology#Attack> ; <https://w3id.org/kg-news/ontology#status> <https://w3id.org/kg-news/ontology#Denied> }"
    assert labels(viz.page(g, query=sparql)[1]) == {"Attack: Tarsia → Morv (denied)", "Tarsia", "Morv"}
    assert subgraph.from_rows(view, []).number_of_nodes() == 0


def test_max_nodes_keeps_whole_facts_and_says_what_is_left_out():
    view = big_view()
    assert view.number_of_nodes() > 2000
    part = subgraph.most_connected(view, 300)
    assert 280 <= part.number_of_nodes() <= 300
    for node, attrs in part.nodes(data=True):
        if attrs["type"] in EVENT_TYPES:  # no event drawn without one of its fillers
            assert set(part.successors(node)) == set(view.successors(node))
        assert part.degree(node) > 0  # and no entity drawn alone
    hub = max(view, key=view.degree)
    assert hub in part
    assert part.graph["total"] == view.number_of_nodes()
    assert sum(part.graph["left_out"].values()) == view.number_of_nodes() - part.number_of_nodes()
    note = subgraph.left_out_note(part)
    assert note.startswith(f"showing {part.number_of_nodes():,} of {view.number_of_nodes():,} nodes")
    assert "Statement" in note and "Person" in note
    page = viz.render_html(part)
    assert f'<div id="kg-note" role="status">{html.escape(note)}</div>' in page
    # small enough: drawn whole, no note
    small = viz.graph_view(small_graph())
    assert subgraph.most_connected(small, 100) is small and subgraph.left_out_note(small) is None
    with pytest.raises(ViewError):
        subgraph.most_connected(view, 0)


def test_big_graph_is_laid_out_ahead_of_time():
    text, view = viz.page(big_graph(), title="big")
    assert view.number_of_nodes() == subgraph.MAX_NODES
    data = page_data(text)
    assert data["physics"] is False
    assert len(data["nodes"]) == subgraph.MAX_NODES and len(data["edges"]) == view.number_of_edges()
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) > 0.98 * len(data["nodes"])  # every node placed, hardly any two on one spot
    assert "showing 1,500 of" in text
    # the same graph always gets the same picture
    part = subgraph.most_connected(view, 300)
    assert layout.positions(part) == layout.positions(part.copy())
    # small graphs keep the browser's physics
    assert page_data(viz.render_html(viz.graph_view(small_graph())))["physics"] is True


def test_graph_view_is_linear(monkeypatch):
    """Building the view reads each triple a bounded number of times: no walk of the whole graph
    per node. (Triples read are counted, not seconds, so the test cannot flake.)"""
    read = [0]
    triples = Graph.triples

    def counting(self, pattern):
        for triple in triples(self, pattern):
            read[0] += 1
            yield triple

    counts = []
    for graph in (big_graph(events=300, entities=200), big_graph(events=1200, entities=800)):
        read[0] = 0
        monkeypatch.setattr(Graph, "triples", counting)
        viz.graph_view(graph)
        monkeypatch.setattr(Graph, "triples", triples)
        counts.append(read[0])
        assert read[0] < 3 * len(graph)
    assert counts[1] < 4.5 * counts[0]  # four times the graph, four times the reading


# --------------------------------------------------------------------------- the command line and notebooks


def kg_cli(*args):
    from click.testing import CliRunner

    from kg.cli import main

    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_viz_focus_query_and_cap(build_folder, tmp_path):
    page_labels = lambda path: {n["id"] for n in page_data(path.read_text(encoding="utf-8"))["nodes"]}  # noqa: E731
    result = kg_cli("viz", build_folder, "-o", tmp_path / "focus.html", "--focus", "veloria", "--hops", "1")
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "3 nodes" in result.output
    assert page_labels(tmp_path / "focus.html") == {
        "https://w3id.org/kg-news/id/entity/Q4115189", "https://w3id.org/kg-news/id/article/sample/event/8-14",
        "https://w3id.org/kg-news/id/article/sample/event/169-174"}
    result = kg_cli("viz", build_folder, "-o", tmp_path / "attacks.html", "--query", "attacks")
    assert result.exit_code == 0 and "6 nodes" in result.output
    result = kg_cli("viz", build_folder, "-o", tmp_path / "cap.html", "--max-nodes", "3")
    assert result.exit_code == 0
    assert "note: showing 3 of 12 nodes" in result.output
    assert "showing 3 of 12 nodes" in (tmp_path / "cap.html").read_text(encoding="utf-8")
    result = kg_cli("viz", build_folder, "-o", tmp_path / "none.html", "--focus", "Velorai")
    assert result.exit_code == 1 and "close matches: 'Veloria'" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "none.html").exists()
    result = kg_cli("viz", build_folder, "-o", tmp_path / "bad.html", "--query", "SELECT ?x WHERE {")
    assert result.exit_code == 1 and "query failed" in result.output


def test_show_in_a_notebook(build_folder):
    pytest.importorskip("IPython")
    import kg

    shown = kg.show(build_folder, title="<sample>", height=500, focus="Veloria")
    markup = shown.data
    assert markup.startswith('<div class="kg-graph"><iframe srcdoc="')
    assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in markup
    assert "height: 500px" in markup and 'title="&lt;sample&gt;"' in markup
    srcdoc = re.search(r'srcdoc="([^"]*)"', markup).group(1)
    inner = html.unescape(srcdoc)
    assert inner.startswith("<!DOCTYPE html>") and "<title>&lt;sample&gt;</title>" in inner
    assert {n["label"] for n in page_data(inner)["nodes"]} >= {"Veloria"}
    assert kg.show(small_graph()).data.count("<iframe") == 1
    assert "<script>alert" not in kg.show(small_graph()).data


def test_show_without_ipython(monkeypatch):
    import kg

    monkeypatch.setitem(sys.modules, "IPython.display", None)
    with pytest.raises(ImportError, match="IPython"):
        kg.show(small_graph())
