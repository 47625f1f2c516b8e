"""Scoring a built graph against expected facts, through the bundled queries — the way a
reader checks the answers: who attacked what, who took part in talks, who holds which office.

Expected facts are a JSON object: "attacks": [[attacker, target, doc]], "talks":
[[participant, doc]], "offices": [[person, office, organization]], and "not_facts": attacks
that must not be reported (denied, threatened, metaphorical). Names match when one contains
the other, ignoring case.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .errors import InputError
from .evaluate import Counts
from .query import run


@dataclass
class FactScore(Counts):
    """Counts of facts: predicted = reported rows, gold = expected facts."""

    missing: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "reported": self.predicted, "expected": self.gold, "missing": self.missing, "wrong": self.wrong}


def same(a: str, b: str) -> bool:
    """Names match when one contains the other, ignoring case and a leading "the", or when
    the bundled lexicon knows both as names of one entity ("RSF", "Rapid Support Forces")."""
    known_a, known_b = (_known(x) for x in (a, b))
    if known_a is not None and known_a == known_b:
        return True
    a, b = (x.lower().removeprefix("the ").strip() for x in (a, b))
    return bool(a and b) and (a in b or b in a)


def _known(name: str):
    from .lexicon import load

    lexicon = load()
    entity = lexicon.lookup(name) or lexicon.demonym(name)
    return lexicon.actor(entity).key if entity is not None else None


def _score(expected: list[tuple], reported: list[tuple]) -> FactScore:
    score = FactScore(gold=len(expected), predicted=len(reported))
    for fact in expected:
        if any(all(same(e, r) for e, r in zip(fact, row)) for row in reported):
            score.matched_gold += 1
        else:
            score.missing.append(fact)
    for row in reported:
        if any(all(same(e, r) for e, r in zip(fact, row)) for fact in expected):
            score.matched_predicted += 1
        else:
            score.wrong.append(row)
    return score


def score_facts(graph: Graph, expected: dict) -> dict[str, FactScore]:
    """Scores for attacks, talks and offices, and the not-facts the graph reports as facts."""
    attacks = {(r["attacker"], r["target"], r["doc"]) for r in run(graph, "attacks").rows if r["attacker"] and r["target"]}
    talks = {(r["participant"], r["doc"]) for r in run(graph, "talks").rows}
    offices = {(r["person"], r["office"], r["organization"]) for r in run(graph, "offices").rows}
    scores = {
        "attacks": _score([tuple(f[:3]) for f in expected.get("attacks", [])], sorted(attacks)),
        "talks": _score([tuple(f[:2]) for f in expected.get("talks", [])], sorted(talks)),
        "offices": _score([tuple(f[:3]) for f in expected.get("offices", [])], sorted(offices)),
    }
    bad = FactScore()
    for fact in expected.get("not_facts", []):
        attacker, target, doc = fact[:3]
        bad.gold += 1
        # the reported target must name at least what the not-fact names: an asserted attack on
        # "Zaporizhzhia" (the city) is not the denied one on "Zaporizhzhia nuclear power plant"
        if any((not attacker or same(attacker, a)) and target.lower() in t.lower() and d == doc for a, t, d in attacks):
            bad.wrong.append(tuple(fact))
    scores["not_facts_reported"] = bad
    return scores


def load_expected(path: str | Path) -> dict:
    """The expected facts in `path`; raises InputError when it is not a JSON object."""
    try:
        expected = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: not valid JSON ({err})") from None
    if not isinstance(expected, dict):
        raise InputError(f"{path}: expected facts must be a JSON object with attacks, talks, offices")
    return expected


def to_table(scores: dict[str, FactScore]) -> str:
    lines = [f"{'facts':<12}{'P':>7}{'R':>7}{'F1':>7}{'reported':>10}{'expected':>10}"]
    for kind in ("attacks", "talks", "offices"):
        s = scores[kind]
        lines.append(f"{kind:<12}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.predicted:>10}{s.gold:>10}")
    bad = scores["not_facts_reported"]
    lines.append(f"denied, threatened or metaphorical attacks reported as fact: {len(bad.wrong)} of {bad.gold}")
    for kind in ("attacks", "talks", "offices"):
        for fact in scores[kind].missing:
            lines.append(f"  missing {kind[:-1]}: {' | '.join(fact)}")
        for row in scores[kind].wrong:
            lines.append(f"  wrong   {kind[:-1]}: {' | '.join(row)}")
    for fact in bad.wrong:
        lines.append(f"  reported as fact: {' | '.join(fact)}")
    return "\n".join(lines) + "\n"
