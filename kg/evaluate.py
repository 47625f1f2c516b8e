"""Scoring extraction against annotated data, by the protocol of `shared/eval/README.md`.

Event detection, per type: a predicted event matches a gold event of the same type when the
trigger spans overlap. Arguments: inside a matched event, a gold argument is found when a
predicted filler of the same role overlaps it; precision is the share of predicted fillers
that overlap some gold argument of their role in that event.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .articles import parse_date
from .errors import InputError
from .model import Article, Extraction

# our event type -> the normalised gold type
EVENT_TYPES = {"Attack": "attack", "Talks": "meeting"}
# our role -> the normalised gold role
ROLES = {"attacker": "attacker", "target": "target", "instrument": "instrument", "place": "place",
         "participant": "participant", "host": "participant"}
SCORED_ROLES = {"attack": ("attacker", "target", "instrument", "place"), "meeting": ("participant", "place")}


@dataclass(frozen=True)
class Predicted:
    """One predicted event mention, flattened for scoring."""

    doc: str
    type: str  # gold type name: attack, meeting
    start: int
    end: int
    trigger: str
    rule: str
    status: str
    sentence: str
    roles: tuple[tuple[str, int, int, str], ...]  # (gold role, start, end, text)
    sentence_start: int = 0
    sentence_end: int = 0
    merged: bool = False  # a later mention of an event, joined to it by coreference


@dataclass
class Counts:
    predicted: int = 0
    matched_predicted: int = 0
    gold: int = 0
    matched_gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    dataset: str
    documents: int = 0
    events: dict[str, Counts] = field(default_factory=dict)  # gold type -> counts
    arguments: dict[tuple[str, str], Counts] = field(default_factory=dict)  # (type, role) -> counts
    false_positives: list[dict] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    by_rule: dict[str, Counter] = field(default_factory=dict)  # rule -> {"correct": n, "wrong": n}
    # predictions in sentences where the gold marks no event of any type: where annotation is
    # sparse, many of these are real events the annotators left out
    in_annotated: dict[str, Counts] = field(default_factory=dict)
    # the first mention of each event only: where the gold leaves repeated mentions ("the
    # attack" again) unmarked, the mentions coreference joins count as false positives
    first_mentions: dict[str, Counts] = field(default_factory=dict)

    def as_dict(self) -> dict:
        def figures(c: Counts) -> dict:
            return {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "f1": round(c.f1, 3),
                    "predicted": c.predicted, "gold": c.gold}
        return {
            "dataset": self.dataset,
            "documents": self.documents,
            "events": {t: figures(c) for t, c in self.events.items()},
            "arguments": {f"{t}.{r}": figures(c) for (t, r), c in self.arguments.items()},
            "rules": {rule: dict(c) for rule, c in sorted(self.by_rule.items())},
            "precision_in_sentences_with_gold_events": {t: round(c.precision, 3) for t, c in self.in_annotated.items()},
            "precision_of_first_mentions": {t: round(c.precision, 3) for t, c in self.first_mentions.items()},
        }


def read_gold(path: str | Path) -> Iterator[dict]:
    """The annotated records of a JSONL file in the shared evaluation schema."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError as err:
        raise InputError(f"{path}: {err.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{number}: not valid JSON ({err.msg})") from None
            if "text" not in record or "events" not in record:
                raise InputError(f"{path}:{number}: not an evaluation record (needs text and events)")
            yield record


def article_of(record: dict) -> Article:
    date = None
    if record.get("date"):
        date = parse_date(record["date"], str(record.get("id")))
    return Article(id=str(record["id"]), text=record["text"], title=record.get("title"), date=date)


def predictions(extraction: Extraction) -> list[Predicted]:
    """Every scored event mention of an article: the first mention of each event and the
    mentions merged into it, each with the fillers found in its own sentence."""
    found: list[Predicted] = []
    sentences = [s.span for s in extraction.sentences]
    for event in extraction.events:
        kind = EVENT_TYPES.get(event.type)
        if kind is None:
            continue
        for trigger in [event.trigger, *event.mentions]:
            sentence = next((s for s in sentences if s.start <= trigger.start < s.end), event.sentence)
            roles = tuple(
                (ROLES[r.role], r.mention.span.start, r.mention.span.end, r.mention.span.text)
                for r in event.roles
                if r.role in ROLES and (trigger is event.trigger or sentence.start <= r.mention.span.start < sentence.end)
            )
            found.append(Predicted(extraction.article.id, kind, trigger.start, trigger.end, trigger.text,
                                   event.rule, event.status, sentence.text, roles, sentence.start, sentence.end,
                                   merged=trigger is not event.trigger))
    return found


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(records: Iterable[dict], extractions: Iterable[Extraction], dataset: str = "") -> Report:
    """Score `extractions` against the gold `records` (matched by article id)."""
    report = Report(dataset)
    for kind, roles in SCORED_ROLES.items():
        report.events[kind] = Counts()
        report.in_annotated[kind] = Counts()
        report.first_mentions[kind] = Counts()
        for role in roles:
            report.arguments[(kind, role)] = Counts()
    gold_by_id = {str(r["id"]): r for r in records}
    for extraction in extractions:
        record = gold_by_id.get(extraction.article.id)
        if record is None:
            continue
        report.documents += 1
        _score_document(report, record, predictions(extraction))
    return report


def _score_document(report: Report, record: dict, predicted: list[Predicted]) -> None:
    gold = [e for e in record["events"] if e["type"] in report.events and e.get("trigger")]
    text = record["text"]
    matched_gold: set[int] = set()
    triggers = [e["trigger"]["start"] for e in record["events"] if e.get("trigger")]
    for p in predicted:
        counts = report.events[p.type]
        counts.predicted += 1
        partners = [i for i, g in enumerate(gold)
                    if g["type"] == p.type and _overlaps(p.start, p.end, g["trigger"]["start"], g["trigger"]["end"])]
        if any(p.sentence_start <= t < p.sentence_end for t in triggers):
            report.in_annotated[p.type].predicted += 1
            report.in_annotated[p.type].matched_predicted += bool(partners)
        if not p.merged:
            report.first_mentions[p.type].predicted += 1
            report.first_mentions[p.type].matched_predicted += bool(partners)
        rule_counts = report.by_rule.setdefault(p.rule, Counter())
        if not partners:
            rule_counts["wrong"] += 1
            report.false_positives.append({"doc": p.doc, "type": p.type, "trigger": p.trigger, "rule": p.rule,
                                           "status": p.status, "sentence": p.sentence})
            continue
        counts.matched_predicted += 1
        rule_counts["correct"] += 1
        first = partners[0]
        if first not in matched_gold:
            matched_gold.add(first)
            _score_arguments(report, p, gold[first])
    for i, g in enumerate(gold):
        report.events[g["type"]].gold += 1
        if i in matched_gold:
            report.events[g["type"]].matched_gold += 1
        else:
            start = g["trigger"]["start"]
            left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
            right = min([i for i in (text.find(".", start), text.find("\n", start)) if i >= 0] or [len(text)])
            report.misses.append({"doc": record["id"], "type": g["type"], "trigger": g["trigger"]["text"],
                                  "sentence": text[left:right + 1].strip()})


def _score_arguments(report: Report, p: Predicted, gold_event: dict) -> None:
    for role in SCORED_ROLES[p.type]:
        counts = report.arguments[(p.type, role)]
        golds = gold_event.get("roles", {}).get(role, [])
        fillers = [(s, e) for r, s, e, _ in p.roles if r == role]
        counts.gold += len(golds)
        counts.matched_gold += sum(any(_overlaps(s, e, g["start"], g["end"]) for s, e in fillers) for g in golds)
        counts.predicted += len(fillers)
        counts.matched_predicted += sum(any(_overlaps(s, e, g["start"], g["end"]) for g in golds) for s, e in fillers)


def to_table(report: Report) -> str:
    """The report as a readable table."""
    lines = [f"{report.dataset}: {report.documents} documents", "",
             f"{'events':<24}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}"]
    for kind, c in report.events.items():
        lines.append(f"{kind:<24}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.predicted:>7}{c.gold:>7}")
    lines += ["", f"{'arguments (in matched)':<24}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}"]
    for (kind, role), c in report.arguments.items():
        lines.append(f"{kind + '.' + role:<24}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.predicted:>7}{c.gold:>7}")
    lines += ["", "precision counting only sentences where the gold marks some event (a check on sparse annotation):"]
    for kind, c in report.in_annotated.items():
        lines.append(f"  {kind:<22}{c.precision:>7.3f}  ({c.predicted} of {report.events[kind].predicted} predictions)")
    lines += ["precision of first mentions only (later mentions joined by coreference left out):"]
    for kind, c in report.first_mentions.items():
        lines.append(f"  {kind:<22}{c.precision:>7.3f}  ({c.predicted} of {report.events[kind].predicted} predictions)")
    return "\n".join(lines) + "\n"


def explain(report: Report, limit: int = 40) -> str:
    """False positives and misses with their rule and sentence: where precision and recall go."""
    lines = ["", "rules (correct / wrong):"]
    for rule, c in sorted(report.by_rule.items()):
        lines.append(f"  {rule:<28} {c['correct']:>5} / {c['wrong']:<5}")
    lines += ["", f"false positives ({len(report.false_positives)}, first {limit}):"]
    for fp in report.false_positives[:limit]:
        lines.append(f"  [{fp['type']} {fp['rule']} {fp['status']}] {fp['trigger']!r} in {fp['doc']}: {fp['sentence'][:160]}")
    lines += ["", f"misses ({len(report.misses)}, first {limit}):"]
    for miss in report.misses[:limit]:
        lines.append(f"  [{miss['type']}] {miss['trigger']!r} in {miss['doc']}: {miss['sentence'][:160]}")
    return "\n".join(lines) + "\n"
