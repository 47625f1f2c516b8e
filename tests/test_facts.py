"""Fact-level scoring through the bundled queries, on the fixture graph (no model)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.facts import same, score_facts

FIXTURE = Path(__file__).parent / "fixtures" / "sample.ttl"


def test_names_match_by_containment():
    assert same("the Drelin power grid", "Drelin power grid")
    assert same("Veloria", "veloria") and not same("Veloria", "Tarsia") and not same("", "x")


def test_scores_and_not_facts():
    expected = {
        "attacks": [["Veloria", "power grid", "sample"], ["Tarsia", "Morv", "sample"]],
        "talks": [["Ilse Varga", "sample"], ["Veloria", "sample"]],
        "offices": [["Ilse Varga", "Foreign Minister", "Tarsia"]],
        "not_facts": [["Tarsia", "Morv", "sample", "denied"]],
    }
    scores = score_facts(Graph().parse(FIXTURE), expected)
    assert (scores["attacks"].precision, scores["attacks"].recall) == (1.0, 0.5)
    assert scores["attacks"].missing == [("Tarsia", "Morv", "sample")]
    assert scores["talks"].f1 == 1.0 and scores["offices"].f1 == 1.0
    assert scores["not_facts_reported"].wrong == []  # the denied attack is not reported as fact
