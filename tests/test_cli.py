"""The command line as a user runs it (Click's runner; no model needed): exit codes,
messages and files. Every command has help with an example."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "sample.ttl"


@pytest.fixture
def out(build_folder) -> Path:
    return build_folder


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("command", ["build", "query", "export", "viz", "eval"])
def test_every_command_is_documented_with_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output and f"kg {command}" in result.output


def test_query_table_csv_json(out):
    table = invoke("query", out, "attacks")
    assert table.exit_code == 0 and "Veloria" in table.output and "(1 row)" in table.output
    csv = invoke("query", out, "offices", "--format", "csv")
    assert csv.output.splitlines()[0] == "person,office,organization,sentence,doc"
    rows = json.loads(invoke("query", out / "graph.ttl", "talks", "-f", "json").output)
    assert {r["participant"] for r in rows} == {"Ilse Varga", "Veloria"}


def test_query_lists_bundled_queries(out):
    result = invoke("query", out)
    assert result.exit_code == 0
    for name in ("attacks", "talks", "offices", "entities", "event_mentions"):
        assert name in result.output


@pytest.mark.parametrize("args, message", [
    (["query", "missing-folder", "attacks"], "no such build folder"),
    (["query", "{out}", "nonsense"], "unknown query"),
    (["query", "{out}", "SELECT ?x WHERE {"], "query failed"),
    (["export", "{out}", "--format", "nt", "-o", "{out}/x.nt", "--format", "bogus"], "Invalid value"),
])
def test_errors_are_one_line_without_traceback(out, args, message):
    result = CliRunner().invoke(main, [a.replace("{out}", str(out)) for a in args])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fmt, parser", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"),
                                         ("trig", "trig"), ("xml", "xml")])
def test_export_round_trips(out, tmp_path, fmt, parser):
    target = tmp_path / f"graph.{fmt}"
    result = invoke("export", out, "--format", fmt, "-o", target)
    assert result.exit_code == 0
    assert isomorphic(Graph().parse(FIXTURE), Graph().parse(target, format=parser))


def test_export_format_from_suffix_and_graphml(out, tmp_path):
    assert invoke("export", out, "-o", tmp_path / "g.nt").exit_code == 0
    assert isomorphic(Graph().parse(FIXTURE), Graph().parse(tmp_path / "g.nt", format="nt"))
    assert invoke("export", out, "-o", tmp_path / "g.graphml").exit_code == 0
    import networkx as nx
    view = nx.read_graphml(tmp_path / "g.graphml")
    labels = {d.get("label") for _, d in view.nodes(data=True)}
    assert {"Veloria", "Ilse Varga"} <= labels


def test_viz_writes_one_self_contained_file(out, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("viz", out, "-o", "page.html")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "page.html"]
    assert "Veloria" in (tmp_path / "page.html").read_text()


def test_query_refuses_service_without_allow_network(out):
    result = invoke("query", out, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert result.exit_code == 1
    assert "SERVICE" in result.output and "--allow-network" in result.output and "Traceback" not in result.output
