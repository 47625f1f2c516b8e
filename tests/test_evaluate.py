"""The scoring protocol on hand-made gold and predictions (no model)."""
from __future__ import annotations

from kg.evaluate import score
from kg.model import Article, Event, Extraction, Mention, Role, Sentence, Span

TEXT = "Rebels attacked the town. Leaders met in Rome. The army shelled a village."


def span(text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span(text, start, start + len(text))


def mention(text: str, kind: str = "Entity") -> Mention:
    return Mention(span(text), kind, text)


def gold_span(text: str) -> dict:
    s = span(text)
    return {"text": s.text, "start": s.start, "end": s.end}


RECORD = {
    "id": "d1", "text": TEXT,
    "events": [
        {"type": "attack", "trigger": gold_span("attacked"),
         "roles": {"attacker": [gold_span("Rebels")], "target": [gold_span("the town")]}},
        {"type": "meeting", "trigger": gold_span("met"), "roles": {"participant": [gold_span("Leaders")], "place": [gold_span("Rome")]}},
        {"type": "attack", "trigger": gold_span("shelled"), "roles": {}},
        {"type": "other", "trigger": gold_span("army"), "roles": {}},
    ],
}


def extraction() -> Extraction:
    sentences = [Sentence(span("Rebels attacked the town.")), Sentence(span("Leaders met in Rome.")),
                 Sentence(span("The army shelled a village."))]
    attack = Event("Attack", span("attacked"), sentences[0].span, "attack-verb/1", 0.8,
                   roles=[Role("attacker", mention("Rebels", "Group")), Role("target", mention("town")),
                          Role("place", mention("town"))])
    wrong = Event("Attack", span("Leaders"), sentences[1].span, "attack-noun/1", 0.7)
    return Extraction(Article("d1", TEXT), sentences=sentences, events=[attack, wrong])


def test_event_detection_counts():
    report = score([RECORD], [extraction()])
    attack = report.events["attack"]
    assert (attack.predicted, attack.matched_predicted, attack.gold, attack.matched_gold) == (2, 1, 2, 1)
    assert attack.precision == 0.5 and attack.recall == 0.5
    assert report.events["meeting"].gold == 1 and report.events["meeting"].recall == 0.0


def test_arguments_scored_inside_matched_events():
    report = score([RECORD], [extraction()])
    assert report.arguments[("attack", "attacker")].recall == 1.0
    assert report.arguments[("attack", "target")].recall == 1.0  # "town" overlaps "the town"
    place = report.arguments[("attack", "place")]
    assert place.predicted == 1 and place.matched_predicted == 0 and place.precision == 0.0


def test_explanations_name_rule_and_sentence():
    report = score([RECORD], [extraction()])
    [fp] = report.false_positives
    assert fp["rule"] == "attack-noun/1" and fp["sentence"] == "Leaders met in Rome."
    assert {m["trigger"] for m in report.misses} == {"met", "shelled"}


def test_first_mentions_leave_out_the_mentions_coreference_joined():
    found = extraction()
    found.events[0].mentions.append(span("army"))  # a later mention the gold marks as no attack
    report = score([RECORD], [found])
    assert report.events["attack"].predicted == 3
    first = report.first_mentions["attack"]
    assert (first.predicted, first.matched_predicted) == (2, 1)
