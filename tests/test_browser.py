"""The HTML graph view in a real headless Chromium (Playwright), with the network switched off.

Needs Debian's chromium at /usr/bin/chromium and the `playwright` Python package (no
`playwright install`): `apt-get install -y chromium` and `pip install playwright`.
"""
from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (apt-get install -y chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")

from kg import viz  # noqa: E402


def _helpers():
    """The small graph and the malicious strings from test_viz (loaded by path: no package needed)."""
    spec = importlib.util.spec_from_file_location("kg_test_viz_helpers", Path(__file__).with_name("test_viz.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


def _refuse_network(route):
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort()


class Page:
    """A page opened in Chromium with the network refused, recording errors, dialogs and requests."""

    def __init__(self, browser, path: Path):
        self.errors, self.dialogs, self.console_errors, self.remote = [], [], [], []
        self.page = page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None)
        page.on("request", lambda req: None if req.url.startswith("file:") else self.remote.append(req.url))
        page.on("dialog", self._dialog)
        page.route("**/*", _refuse_network)
        started = time.perf_counter()
        page.goto(path.as_uri())
        # (a selector, not wait_for_function: the page's CSP forbids the eval that polling uses)
        page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=60_000)
        self.seconds = time.perf_counter() - started

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def click_node(self, node_id: str, zoom: float | None = None) -> None:
        """Click a node where it is drawn: in the whole graph, or centred at `zoom` (no animation)."""
        x, y = self.page.evaluate(
            """([id, zoom]) => { const net = window.kgNetwork;
               if (zoom) { net.focus(id, {scale: zoom, animation: false}); } else { net.fit({animation: false}); }
               const p = net.canvasToDOM(net.getPositions([id])[id]);
               const r = document.querySelector('#kg-graph').getBoundingClientRect();
               return [r.left + p.x, r.top + p.y]; }""",
            [node_id, zoom],
        )
        self.page.mouse.move(x, y)
        self.page.mouse.click(x, y)

    def marks(self) -> list[tuple[str, str]]:
        """(role, text) of the marks in the evidence panel's sentences."""
        return [tuple(m) for m in self.page.evaluate(
            "Array.from(document.querySelectorAll('#kg-details blockquote mark'))"
            ".map(m => [m.getAttribute('data-role'), m.textContent])")]

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.mouse.move(5, 880)  # no tooltip in the picture
        self.page.wait_for_timeout(300)
        self.page.screenshot(path=str(path))
        print(f"screenshot: {path}")
        return path

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []  # nothing in the data ran (no alert)
        assert self.remote == []  # the page asked for nothing from the network
        assert self.console_errors == []


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def test_graph_page_in_chromium(tmp_path):
    helpers = _helpers()
    graph = helpers.small_graph()
    view = viz.graph_view(graph)
    out = viz.write_html(graph, tmp_path / "graph.html", title="kg browser test")

    errors, dialogs, console_errors, remote = [], [], [], []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
            page.on("request", lambda req: None if req.url.startswith("file:") else remote.append(req.url))

            def on_dialog(dialog):
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.route("**/*", _refuse_network)

            page.goto(out.as_uri())
            # (a selector, not wait_for_function: the page's CSP forbids the eval that polling uses)
            page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=60_000)
            assert page.evaluate("window.kgStabilized") is True

            assert page.locator("#kg-graph canvas").count() == 1
            assert page.evaluate("window.kgNetwork.body.data.nodes.length") == view.number_of_nodes()
            assert page.evaluate("window.kgNetwork.body.data.edges.length") == view.number_of_edges()
            assert page.evaluate("window.kgNetwork.physics.options.enabled") is False
            # the article text injected no elements
            assert page.evaluate("document.scripts.length") == 2
            assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
            assert page.title() == "kg browser test"

            # click the statement whose evidence is the malicious sentence: it is shown as text
            statement = next(n for n, a in view.nodes(data=True) if a["type"] == "Statement")
            x, y = page.evaluate(
                """(id) => { const net = window.kgNetwork;
                   const p = net.canvasToDOM(net.getPositions([id])[id]);
                   const r = document.querySelector('#kg-graph').getBoundingClientRect();
                   return [r.left + p.x, r.top + p.y]; }""",
                statement,
            )
            page.mouse.move(x, y)
            page.mouse.click(x, y)
            details = page.locator("#kg-details")
            assert helpers.EVIL_SENTENCE in details.inner_text()
            assert details.locator("img, script").count() == 0
            tooltip = page.locator("div.vis-tooltip")
            tooltip.wait_for(state="visible", timeout=5_000)
            assert helpers.SCRIPT_ATTACK in tooltip.inner_text()
            # plain text: innerText only makes <br> line breaks, no other elements
            assert tooltip.locator(":not(br)").count() == 0

            page.mouse.move(5, 880)  # hide the tooltip for the picture
            page.wait_for_timeout(300)
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "graph.png"))
        finally:
            browser.close()

    assert errors == []
    assert dialogs == []  # the alert(1) in the article never ran
    assert remote == []  # the page asked for nothing from the network
    assert console_errors == []
    assert (ARTIFACTS / "graph.png").stat().st_size > 10_000



def _node_id(view, label: str) -> str:
    return next(node for node, attrs in view.nodes(data=True) if attrs["label"] == label)


def test_clicking_an_event_shows_its_sentence_with_the_trigger_marked(browser, tmp_path):
    helpers = _helpers()
    graph = helpers.small_graph()
    view = viz.graph_view(graph)
    page = Page(browser, viz.write_html(graph, tmp_path / "graph.html"))
    attack = _node_id(view, "Attack: Russia → Ukrainian power grid (2024-03-14)")
    page.click_node(attack)
    details = page.page.locator("#kg-details")
    text = details.inner_text()
    assert "Russia attacked the Ukrainian power grid in Kharkiv with drones." in text
    assert page.marks() == [("attacker", "Russia"), ("trigger", "attacked"), ("target", "Ukrainian power grid"),
                            ("place", "Kharkiv"), ("instrument", "drones")]
    assert details.locator("mark.kg-hl-trigger").inner_text() == "attacked"
    for fact in ("article doc1", "rule test-rule/1", "confidence 0.85", "status asserted", "date 2024-03-14"):
        assert fact in text, fact
    # its role fillers are listed and lead to them
    details.get_by_role("button", name="Kharkiv").click()
    assert page.page.evaluate("window.kgNetwork.getSelectedNodes()") == [_node_id(view, "Kharkiv")]
    assert page.page.locator("#kg-details .kg-title").inner_text() == "Kharkiv"
    assert page.marks() == [("mention", "Kharkiv")]

    # the statement whose sentence holds <script> and <img>: shown as text, marked, nothing runs
    page.click_node(_node_id(view, "Statement: Antony Blinken (2024-03-16)"))
    assert helpers.EVIL_SENTENCE in details.inner_text()
    assert page.marks() == [("speaker", "Blinken"), ("trigger", "said")]
    assert details.locator("img, script").count() == 0
    assert page.page.evaluate("document.scripts.length") == 2
    # an edge: the trigger and that filler only
    page.page.evaluate("window.kgNetwork.fit({animation: false})")
    x, y = page.page.evaluate(
        """(id) => { const net = window.kgNetwork;
           const p = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(0.3));  // on the curve, off the label
           const r = document.querySelector('#kg-graph').getBoundingClientRect();
           return [r.left + p.x, r.top + p.y]; }""",
        f"{attack}|instrument|{_node_id(view, 'drones')}",
    )
    page.page.mouse.click(x, y)
    assert page.page.locator("#kg-details .kg-title").inner_text().endswith("—instrument→ drones")
    assert page.marks() == [("trigger", "attacked"), ("instrument", "drones")]
    page.assert_clean()


def test_search_and_filters(browser, tmp_path):
    view = viz.graph_view(_helpers().small_graph())
    page = Page(browser, viz.write_html(_helpers().small_graph(), tmp_path / "graph.html"))
    p = page.page
    shown = p.locator("#kg-shown")
    assert shown.inner_text() == "13 of 13 nodes shown"

    p.fill("#kg-search", "KHARK")
    assert p.locator("#kg-search-results button").all_inner_texts() == ["Kharkiv"]
    p.press("#kg-search", "Enter")
    kharkiv = _node_id(view, "Kharkiv")
    assert p.evaluate("window.kgNetwork.getSelectedNodes()") == [kharkiv]
    assert p.locator("#kg-details .kg-title").inner_text() == "Kharkiv"
    assert "Russia attacked the Ukrainian power grid" in p.locator("#kg-details").inner_text()
    p.fill("#kg-search", "russia")  # the entity first, then the events that name it
    assert p.locator("#kg-search-results button").all_inner_texts()[0] == "Russia"
    assert len(p.locator("#kg-search-results button").all_inner_texts()) == 3
    p.fill("#kg-search", "no such thing")
    assert "no label contains" in p.locator("#kg-search-results").inner_text()

    def hidden() -> set[str]:
        return set(p.evaluate("window.kgNodes.get({filter: n => n.hidden}).map(n => n.id)"))

    # event type: both attacks go, and the entities only they involve
    p.uncheck("input[data-kg-type=Attack]")
    only_attacks = {_node_id(view, label) for label in (
        "Attack: Russia → Ukrainian power grid (2024-03-14)", "Attack: Ukraine → Russia (2024-03-17) (denied)",
        "Russia", "Kharkiv", "Ukrainian power grid", "drones")}
    assert hidden() == only_attacks and shown.inner_text() == "7 of 13 nodes shown"
    p.click("#kg-reset")
    assert hidden() == set()
    # node type
    p.uncheck("input[data-kg-type=Office]")
    assert hidden() == {_node_id(view, "Secretary of State (United States)")}
    p.click("#kg-reset")
    # status: the denied attack goes
    p.uncheck("#kg-show-marked")
    assert hidden() == {_node_id(view, "Attack: Ukraine → Russia (2024-03-17) (denied)")}
    p.click("#kg-reset")
    # date range: events before 15 March go, with what only they involve
    p.fill("#kg-date-from", "2024-03-15")
    assert hidden() == {_node_id(view, label) for label in (
        "Attack: Russia → Ukrainian power grid (2024-03-14)", "Kharkiv", "Ukrainian power grid", "drones")}
    p.fill("#kg-date-to", "2024-03-15")
    assert _node_id(view, "Talks: Antony Blinken, Ukraine (2024-03-15)") not in hidden()
    assert _node_id(view, "Statement: Antony Blinken (2024-03-16)") in hidden()
    # picking a hidden node from the search shows everything again
    p.fill("#kg-search", "drones")
    p.press("#kg-search", "Enter")
    assert hidden() == set() and p.evaluate("window.kgNetwork.getSelectedNodes()") == [_node_id(view, "drones")]
    page.screenshot("search.png")
    page.assert_clean()


def test_big_graph_draws_within_10_seconds(browser, tmp_path):
    """A corpus-sized graph (synthetic: no model needed) draws in seconds, capped and laid out."""
    helpers = _helpers()
    graph = helpers.big_graph()
    text, view = viz.page(graph, title="big")
    full = viz.graph_view(graph).number_of_nodes()
    path = tmp_path / "big.html"
    path.write_text(text, encoding="utf-8")
    page = Page(browser, path)
    p = page.page
    assert page.seconds < 10, f"drawn in {page.seconds:.1f} s"
    assert p.evaluate("window.kgReadyMs") < 10_000
    assert 50 <= p.evaluate("window.kgNetwork.body.data.nodes.length") == view.number_of_nodes() <= 2000
    assert p.evaluate("window.kgNetwork.physics.options.enabled") is False
    assert p.locator("#kg-note").inner_text().startswith(f"showing 1,500 of {full:,} nodes")
    for control in ("#kg-search", "input[data-kg-type=Attack]", "input[data-kg-type=Person]", "#kg-date-from"):
        assert p.locator(control).count() == 1, control
    # an event: its sentence, trigger and fillers marked
    event, attrs = next((n, a) for n, a in view.nodes(data=True) if a["type"] == "Attack")
    page.click_node(event, zoom=1.5)
    assert p.locator("#kg-details .kg-title").inner_text() == attrs["label"]
    sentence = attrs["evidence"][0]["sentence"]
    assert sentence in p.locator("#kg-details").inner_text()
    assert ("trigger", "attacked") in page.marks()
    # the most connected entity: its sentences, the mention marked
    hub = max(view, key=view.degree)
    page.click_node(hub, zoom=1.5)
    assert p.locator("#kg-details .kg-title").inner_text() == view.nodes[hub]["label"]
    assert ("mention", view.nodes[hub]["label"]) in page.marks()
    p.fill("#kg-search", view.nodes[hub]["label"])
    assert p.locator("#kg-search-results button").first.inner_text() == view.nodes[hub]["label"]
    p.evaluate("window.kgNetwork.fit({animation: false})")
    page.screenshot("big.png")
    page.assert_clean()

@pytest.mark.e2e
def test_example_article_page_shows_every_attack_and_talks_with_its_evidence(browser, tmp_path):
    """The bundled example, built with the real model, draws with every network lookup refused,
    and each attack and talks opens on its sentence with the trigger marked."""
    import kg

    example = REPO / "examples" / "russia-ukraine-strikes.txt"
    graph = kg.build([example])
    view = viz.graph_view(graph)
    page = Page(browser, kg.visualize(graph, tmp_path / "graph.html", title="russia-ukraine-strikes"))
    p = page.page
    assert p.evaluate("window.kgNetwork.body.data.nodes.length") == view.number_of_nodes()
    labels = p.evaluate("window.kgNetwork.body.data.nodes.get().map(n => n.label)")
    assert any("Russia" in label for label in labels) and any("Ukraine" in label for label in labels)
    events = [(node, attrs) for node, attrs in view.nodes(data=True) if attrs["type"] in ("Attack", "Talks")]
    assert sum(a["type"] == "Attack" for _, a in events) >= 3 and any(a["type"] == "Talks" for _, a in events)
    for i, (node, attrs) in enumerate(events):
        if i == 0:
            page.click_node(node)  # a real click on the first; the rest through the page's own selection
        else:
            p.evaluate("(id) => window.kgPick(id)", node)
        details = p.locator("#kg-details")
        assert p.locator("#kg-details .kg-title").inner_text() == attrs["label"]
        text = details.inner_text()
        for item in attrs["evidence"]:
            assert item["sentence"] in text
            assert f"rule {item['rule']}" in text
        triggers = details.locator("mark.kg-hl-trigger").all_inner_texts()
        assert triggers, attrs["label"]
        assert all(any(trigger in item["sentence"] for item in attrs["evidence"]) for trigger in triggers)
        assert any(role != "trigger" for role, _ in page.marks()), attrs["label"]  # its fillers are marked too
    page.screenshot("example.png")
    page.assert_clean()


def test_the_query_page_of_kg_serve(tmp_path_factory, browser):
    """The page at / of `kg serve`: pick a bundled query, run it, see the rows; a refused
    update shows its reason. Nothing is asked of any host but the server."""
    from tests.test_serve import Server, build_folder_at, local

    folder = build_folder_at(tmp_path_factory.mktemp("served"))
    server = Server(folder)
    try:
        errors, elsewhere = [], []
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("request", lambda req: None if req.url.startswith(server.url) else elsewhere.append(req.url))
        page.goto(server.url)
        page.wait_for_selector("#bundled option[value=attacks]", state="attached")
        page.select_option("#bundled", "attacks")
        page.click("#run")
        page.wait_for_selector("#results table tbody tr")
        rows = page.locator("#results table tbody tr").count()
        assert rows == len(local(folder, "attacks").rows) > 0
        assert page.locator("#results table th").first.text_content() == "attacker"
        assert "rows in" in page.locator("#status").text_content()
        page.screenshot(path=str(_artifact("serve-query-page.png")))
        page.fill("#query", "DELETE WHERE { ?s ?p ?o }")
        page.click("#run")
        page.wait_for_selector("#error:not([hidden])")
        assert "read-only" in page.locator("#error").text_content()
        assert errors == [] and elsewhere == []
    finally:
        server.stop()


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
