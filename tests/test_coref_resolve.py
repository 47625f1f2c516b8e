"""Event coreference and entity resolution on plain dataclasses (no model): a claim of "the
attack" names who did it, and an abbreviation the article spells out is one entity."""
from __future__ import annotations

from kg.model import Article, Event, Extraction, Mention, Role, Span
from kg.resolve import resolve
from kg.rules.coref import merge_events

TEXT = ("Militants fired on an army vehicle near the border. "
        "The People's Anti-Fascist Front (PAFF) said it had carried out the attack. PAFF vowed more.")


def span(text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Span(text, start, start + len(text))


def mention(text: str, kind: str, key: str | None = None, nth: int = 0, unnamed: bool = False) -> Mention:
    return Mention(span(text, nth), kind, text, key=key, label=text if key else None, unnamed=unnamed)


MILITANTS = mention("Militants", "Group", key="group/militants", unnamed=True)
VEHICLE = mention("army vehicle", "Entity", key="entity/army-vehicle")
PAFF = mention("People's Anti-Fascist Front", "Organization")


def attack(trigger: str, roles: list[Role], anaphoric: bool = False) -> Event:
    return Event("Attack", span(trigger), span(trigger), "attack-noun/1", 0.7, roles=roles, anaphoric=anaphoric)


def test_the_claimed_attack_names_the_attackers_told_as_gunmen_or_militants():
    fired = attack("fired", [Role("attacker", MILITANTS), Role("target", VEHICLE)])
    claimed = attack("attack", [Role("attacker", PAFF)], anaphoric=True)
    [event] = merge_events([fired, claimed])
    assert {(r.role, r.mention.name) for r in event.roles} == {("attacker", PAFF.name), ("target", VEHICLE.name)}
    assert event.mentions == [claimed.trigger]


def test_a_claim_with_no_attack_told_before_still_says_who_attacked():
    claimed = attack("attack", [Role("attacker", PAFF)], anaphoric=True)
    assert merge_events([claimed]) == [claimed]


def test_a_claim_does_not_replace_an_attacker_already_named():
    named = mention("Anti-Fascist Front", "Organization")
    fired = attack("fired", [Role("attacker", named), Role("target", VEHICLE)])
    claimed = attack("attack", [Role("attacker", PAFF)], anaphoric=True)
    assert len(merge_events([fired, claimed])) == 2


def test_an_abbreviation_spelled_out_in_the_article_is_one_entity_with_both_names():
    short = mention("PAFF", "Organization", nth=1)
    extraction = Extraction(Article("a", TEXT), mentions=[PAFF, short])
    entities = resolve(extraction)
    assert entities[PAFF] == entities[short]
    assert entities[PAFF].label == "People's Anti-Fascist Front (PAFF)"


def test_a_claim_joins_the_latest_attack_by_unnamed_attackers_even_when_its_target_was_missed():
    earlier = attack("near", [Role("target", VEHICLE)])  # an attack with no attacker told before
    fired = attack("fired", [Role("attacker", MILITANTS)])  # its target lost to the parse
    claimed = attack("attack", [Role("attacker", PAFF)], anaphoric=True)
    first, second = merge_events([earlier, fired, claimed])
    assert {(r.role, r.mention.name) for r in second.roles} == {("attacker", PAFF.name)}
    # the earlier attack is not what the claim joins, but its attackers, never told, are the claimants too
    assert first is earlier and {r.mention.name for r in earlier.roles} == {VEHICLE.name, PAFF.name}


def test_a_claim_names_every_attack_by_unnamed_attackers_since_the_last_named_one():
    named = attack("army vehicle", [Role("attacker", mention("Anti-Fascist Front", "Organization")),
                                    Role("target", mention("border", "Entity"))])
    stormed = attack("fired", [Role("attacker", MILITANTS), Role("target", VEHICLE)])
    burned = attack("border", [Role("attacker", MILITANTS), Role("target", mention("border", "Entity"))])
    claimed = attack("attack", [Role("attacker", PAFF)], anaphoric=True)
    kept = merge_events([named, stormed, burned, claimed])
    assert [{r.mention.name for r in e.roles if r.role == "attacker"} for e in kept] == [
        {"Anti-Fascist Front"}, {PAFF.name}, {PAFF.name}]


def test_an_unnamed_group_without_a_key_stays_unnamed_as_an_entity():
    militants = mention("Militants", "Group", unnamed=True)  # "Communist guerrillas": a creed, no key
    assert resolve(Extraction(Article("a", TEXT), mentions=[militants]))[militants].unnamed
