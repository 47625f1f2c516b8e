"""Unit tests of the HTML graph view (kg.viz): no browser, no spaCy."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib.namespace
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg import viz
from kg.vocab import KGO, PROV, WD, article_iri, entity_iri, in_article, office_iri

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
    mention(s1, 0, "Russia", russia)
    mention(s1, 20, "Ukrainian power grid", grid)
    mention(s1, 44, "Kharkiv", kharkiv)
    mention(s1, 57, "drones", drones)
    mention(s2, 119, "Antony Blinken", blinken)
    mention(s2, 152, "Ukraine", ukraine)
    mention(s3, 200, "Blinken", blinken)
    mention(s3, 280, "Evil", evil)
    # Russia is mentioned in many sentences: only 5 make it into its evidence.
    for i in range(7):
        s = sentence(1000 + 100 * i, f"Russia sentence number {i}.")
        mention(s, 1000 + 100 * i, "Russia", russia)

    event(KGO.Attack, 7, s1, "Attack: Russia → Ukrainian power grid (2024-03-14)", KGO.Asserted,
          "2024-03-14", attacker=[russia], target=[grid], instrument=[drones], place=[kharkiv])
    event(KGO.Talks, 134, s2, "Talks: Antony Blinken, Ukraine (2024-03-15)", KGO.Asserted,
          "2024-03-15", participant=[blinken, ukraine], host=[usa])
    stmt = event(KGO.Statement, 208, s3, "Statement: Antony Blinken (2024-03-16)", KGO.Asserted,
                 "2024-03-16", speaker=[blinken])
    g.add((stmt, KGO.quote, Literal(SCRIPT_ATTACK)))
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
        "doc": "doc1", "rule": "test-rule/1", "confidence": 0.85, "status": "asserted",
        "date": "2024-03-14",
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
    legend = page[page.index('id="kg-legend"'):page.index('id="kg-details"')]
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
