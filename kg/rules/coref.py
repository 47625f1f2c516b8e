"""Event coreference within an article: later mentions of an event already reported join it.

- Talks with the same name ("peace talks" in the headline, "prepared for peace talks",
  "peace talks are scheduled for March 15") are one event; who led or made up a delegation
  ("The Russian team was led by X", "Y also took part") joins the latest talks told.
- An attack mention that names no attacker and hits the same kind of target as an earlier
  attack ("Moscow targeted Ukrainian power infrastructure ..." then "The bombardment of
  Ukrainian infrastructure ...") is that attack again; so is a definite mention with no
  attacker or target of its own ("the attack", "Tuesday's shooting").
- A definite mention that names an attacker but no target ("Gunmen attacked a bus ... The
  group said it carried out the attack") is the latest attack whose attackers were not
  named; the named attacker takes the place of "gunmen". So is a bare claim ("TRF claimed
  responsibility"), which is dropped when there is no such attack.

The first mention stays the event; the others add their role fillers, date and evidence, and
their triggers are kept in `Event.mentions`.
"""
from __future__ import annotations

from ..lexicon import words
from ..model import Event, Mention, OfficeHolding
from .attacks import BLAME_RULE, CLAIM_RULE, DISOWNING_RULE, HAPPENING_RULE

MERGEABLE = {"asserted", "planned"}
LOCATING = {"in", "near", "at", "of", "outside", "on", "north", "south", "east", "west"}


def merge_events(events: list[Event], offices: list[OfficeHolding] = (), home: Mention | None = None) -> list[Event]:
    """`events` with coreferent mentions merged into the first mention, in text order.

    A denial by the attacker's side of an attack told earlier ("X's forces hit a hospital
    ... X's defence minister denied that his forces had targeted the hospital"; "Y denied
    carrying out the strike") makes that attack denied: one side's claim, not a fact. `home`
    is the country of the article's dateline, whose side the holders of a place's offices are
    on ("RAIPUR, India - ... the police chief of the Bastar region denied that ...").
    """
    kept: list[Event] = []
    sides = _sides(offices, home)
    for event in events:
        denied = _denied_attack(event, kept, sides)
        if denied is not None:
            denied.status = "denied"
            denied.roles += [r for r in event.roles if r.role == "source" and r not in denied.roles]
            denied.evidence += [event.sentence] if event.sentence not in denied.evidence else []
            continue
        target = _antecedent(event, kept)
        if target is not None:
            if event.type == "Attack" and _restated(event):
                event.roles = [r for r in event.roles if r.role != "target"]  # "the aircraft": what was named before
            _merge(target, event)
            if event.type == "Attack" and event.anaphoric and _fillers(event, "attacker"):
                for earlier in _unnamed_before(kept, target):
                    _name_attackers(earlier, event)
        elif not event.anaphoric or (_fillers(event, "attacker") and event.rule not in (CLAIM_RULE, BLAME_RULE)):
            kept.append(event)  # "X claimed the attack" with no attack told before still says X attacked
    return kept


def _sides(offices, home: Mention | None = None) -> dict[str, set[str]]:
    """For each office holder's key, the keys of the countries and bodies they speak for: a
    place's officials (no country of their own known) speak for the dateline's country too."""
    sides: dict[str, set[str]] = {}
    for office in offices:
        if office.organization is not None and office.organization.key:
            sides.setdefault(_person_key(office.person), set()).add(office.organization.key)
        if office.organization is not None and office.organization.type == "Place" and home is not None:
            sides.setdefault(_person_key(office.person), set()).add(home.key)
    return sides


def _person_key(mention) -> str:
    return mention.key or f"name/{mention.name}"


def _keys(mentions, sides: dict[str, set[str]]) -> set[str]:
    """The keys of `mentions` and of the sides they speak for; a surname alone ("Tiwari denied
    ...") is the office holder named in full before ("Rakesh Tiwari, the police chief")."""
    keys = {_person_key(m) for m in mentions}
    keys |= {holder for m in mentions if m.type == "Person" and m.key is None and " " not in m.name
             for holder in sides if holder.startswith("name/") and holder.endswith(" " + m.name)}
    return keys | {k for key in keys for k in sides.get(key, ())}


def _denied_attack(event: Event, earlier: list[Event], sides: dict[str, set[str]]) -> Event | None:
    """The earlier asserted attack that a denied attack mention denies, if its attacker's side
    is who denies it (not "Iran denied any role in the attack" after Hamas's attack); a denial
    that it happened denies the attack told last, whoever says so; "X denied any involvement",
    only the attack the sentence before told."""
    if event.type != "Attack" or event.status != "denied":
        return None
    deniers = _keys([r.mention for r in event.roles if r.role in ("attacker", "source")], sides)
    pointed = _pointed(event)
    for candidate in reversed(earlier):
        if candidate.type != "Attack" or candidate.status not in MERGEABLE:
            continue
        if event.rule == HAPPENING_RULE:
            return candidate  # "officials denied that any such attack had taken place": whoever denies it
        if event.rule == DISOWNING_RULE and not _next_to(candidate, event):
            return None  # "X denied any involvement": in what the sentence before told, if an attack
        if not (event.anaphoric or _heads(event) & _heads(candidate)):
            continue
        if deniers & {r.mention.key for r in _fillers(candidate, "attacker") if r.mention.key}:
            return candidate
        if _heads(event) & _heads(candidate) or pointed:
            return None  # the attack denied is this one ("that shooting": the last told), denied by someone else
    return None


def _next_to(earlier: Event, event: Event) -> bool:
    """Whether `event` is told in the sentence right after one that told `earlier`."""
    return any(0 <= event.sentence.start - s.end <= 3 for s in [earlier.sentence, *earlier.evidence])


def _pointed(event: Event) -> bool:
    """Whether an attack is pointed back to with "that" or "this": the one told last."""
    before = event.sentence.text[:event.trigger.start - event.sentence.start].lower().split()
    return bool(before) and before[-1] in ("that", "this", "those", "these")


def _antecedent(event: Event, earlier: list[Event]) -> Event | None:
    if event.status not in MERGEABLE:
        return None
    for candidate in reversed(earlier):
        if candidate.type != event.type or candidate.status not in MERGEABLE:
            continue
        if event.type == "Talks" and event.anaphoric:
            return candidate  # "The Congolese delegation was led by ...": the latest talks told
        if event.type == "Talks" and event.name and candidate.name == event.name:
            if not (candidate.time and event.time and candidate.time.value != event.time.value) and not _apart(candidate, event):
                return candidate
        if event.type == "Attack" and event.anaphoric and _fillers(event, "attacker"):
            if not _fillers(candidate, "target") and not _fillers(candidate, "attacker"):
                continue  # "the fighting": nothing to join; "gunmen ambushed ..." (target unparsed) is one
            if all(_unnamed(r.mention) for r in _fillers(candidate, "attacker")):
                return candidate
            return None  # the latest attack told already has its attacker named
        if (event.type == "Attack" and _restated(event) and _fillers(candidate, "target")
                and not (candidate.time and event.time and not _same_day(event, candidate))):
            if {_person_key(r.mention) for r in _fillers(event, "attacker")} & {_person_key(r.mention) for r in _fillers(candidate, "attacker")}:
                return candidate  # "fired on a police helicopter ... its fighters had shot at the aircraft"
        if event.type == "Attack" and not _fillers(event, "attacker"):
            if event.anaphoric and (event.time is None or _same_day(event, candidate)):
                return candidate  # "the attack" after an attack was told; "the strikes on March 14"
            if _fillers(candidate, "attacker") and _heads(event) & _heads(candidate):
                return candidate
    return None


def _unnamed_before(kept: list[Event], target: Event) -> list[Event]:
    """The attacks by unnamed attackers, or by none told, before `target` since the last
    attack whose attackers were named ("Jihadists stormed a base ... The attackers overran the
    base and set fire to barracks ... JNIM claimed responsibility": all of them were JNIM's;
    "their patrol was ambushed ... Islamic State claimed responsibility"). An attack with no
    attacker told by an army's weapon or way ("a drone hit a vehicle", "Kharkiv was shelled")
    is an army's, and ends the search."""
    found = []
    for candidate in reversed(kept[:kept.index(target)]):
        attackers = _fillers(candidate, "attacker")
        if candidate.type != "Attack" or candidate.status not in MERGEABLE:
            continue
        if not all(_unnamed(r.mention) for r in attackers) or (not attackers and _by_army(candidate)):
            break
        found.append(candidate)
    return found


def _by_army(event: Event) -> bool:
    """Whether an attack is told by a weapon or a way of attacking that armies use from afar."""
    lex = words("roles")
    trigger = event.trigger.text.lower()
    return (any(r.mention.name in lex["army_weapons"] for r in _fillers(event, "instrument"))
            or any(trigger.startswith(word) for word in lex["army_attacks"]))


def _name_attackers(event: Event, named: Event) -> None:
    """`event`'s unnamed attackers ("gunmen") are the ones `named` names."""
    event.roles = [r for r in event.roles if not (r.role == "attacker" and _unnamed(r.mention))]
    event.roles += [r for r in _fillers(named, "attacker") if r not in event.roles]
    event.evidence += [named.sentence] if named.sentence not in event.evidence else []


def _merge(target: Event, event: Event) -> None:
    if _fillers(event, "attacker"):  # the named attacker replaces "gunmen", "militants"
        target.roles = [r for r in target.roles if not (r.role == "attacker" and _unnamed(r.mention))]
    target.roles += [role for role in event.roles if role not in target.roles]
    target.time = target.time or event.time
    target.evidence += [s for s in [event.sentence, *event.evidence] if s != target.sentence and s not in target.evidence]
    target.mentions += [event.trigger, *event.mentions]
    if event.status == "asserted":
        target.status = "asserted"
    target.confidence = max(target.confidence, event.confidence)


def _unnamed(mention) -> bool:
    """ "Gunmen", "militants": a group told by a common noun, not by its name."""
    return mention.unnamed


def _apart(a: Event, b: Event) -> bool:
    """Two talks told apart by where they were held, or by who took part: "X met Y in Damascus
    ... Z met W in Bogota" are two meetings, whatever both are called."""
    def keys(event: Event, roles: tuple[str, ...]) -> set[str]:
        return {r.mention.key or r.mention.name for r in event.roles if r.role in roles}
    places = keys(a, ("place",)), keys(b, ("place",))
    parties = keys(a, ("participant", "host")), keys(b, ("participant", "host"))
    return (all(places) and not places[0] & places[1]) or (all(len(p) > 1 for p in parties) and not parties[0] & parties[1])


def _restated(event: Event) -> bool:
    """An attack told again by who did it, with "the" and one common noun for what it hit:
    "the aircraft", "the ship" (what was named before)."""
    targets = _fillers(event, "target")
    if not targets or not _fillers(event, "attacker"):
        return False
    sentence = event.sentence
    places = words("roles")["settlement_nouns"] | words("roles")["place_nouns"]
    for role in targets:
        span = role.mention.span
        before = sentence.text[:span.start - sentence.start].lower().split()[-1:]
        after = sentence.text[span.end - sentence.start:].lower().split()[:1]
        if (role.mention.type != "Entity" or " " in span.text or not span.text.islower() or before != ["the"]
                or span.text in places  # "also struck the city": another attack on the place
                or after and after[0] in LOCATING):  # "the airport in Sittwe": told for the first time
            return False
    return True


def _same_day(a: Event, b: Event) -> bool:
    return a.time is not None and b.time is not None and a.time.value == b.time.value


def _fillers(event: Event, role: str) -> list:
    return [r for r in event.roles if r.role == role]


def _heads(event: Event) -> set[str]:
    """Head words of the targets: "Ukrainian power infrastructure" -> {"infrastructure"}."""
    return {r.mention.span.text.split()[-1].lower().rstrip("s") for r in event.roles if r.role == "target"}
