"""The HTML graph view in a real headless Chromium (Playwright), with the network switched off.

Needs Debian's chromium at /usr/bin/chromium and the `playwright` Python package (no
`playwright install`): `apt-get install -y chromium` and `pip install playwright`.
"""
from __future__ import annotations

import importlib.util
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



@pytest.mark.e2e
def test_example_article_page_draws_offline(tmp_path):
    """The bundled example, built with the real model, draws with every network lookup refused."""
    import kg

    example = REPO / "examples" / "russia-ukraine-strikes.txt"
    graph = kg.build([example])
    view = viz.graph_view(graph)
    page_path = kg.visualize(graph, tmp_path / "graph.html", title="russia-ukraine-strikes")
    errors, remote = [], []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("request", lambda req: None if req.url.startswith("file:") else remote.append(req.url))
            page.route("**/*", _refuse_network)
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=60_000)
            assert page.evaluate("window.kgNetwork.body.data.nodes.length") == view.number_of_nodes()
            labels = page.evaluate("window.kgNetwork.body.data.nodes.get().map(n => n.label)")
            assert any("Russia" in label for label in labels) and any("Ukraine" in label for label in labels)
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "example.png"))
        finally:
            browser.close()
    assert errors == [] and remote == []
