"""Event coreference within an article: the same named talks mentioned again are one event.

"peace talks" in the headline, "prepared for peace talks" and "peace talks are scheduled for
March 15" describe one event: we keep the first mention as the event and add the others'
role fillers, date and evidence to it.
"""
from __future__ import annotations

from ..model import Event

MERGEABLE = {"asserted", "planned"}


def merge_talks(events: list[Event]) -> list[Event]:
    """`events` with mentions of the same named talks merged into the first one."""
    first_by_name: dict[str, Event] = {}
    kept: list[Event] = []
    for event in events:
        key = event.name if event.type == "Talks" and event.status in MERGEABLE and event.name else None
        target = first_by_name.get(key) if key else None
        if target is None or (target.time and event.time and target.time.value != event.time.value):
            if key and target is None:
                first_by_name[key] = event
            kept.append(event)
            continue
        target.roles += [role for role in event.roles if role not in target.roles]
        target.time = target.time or event.time
        target.evidence += [s for s in [event.sentence, *event.evidence] if s not in target.evidence and s != target.sentence]
        if event.status == "asserted":
            target.status = "asserted"
        target.confidence = max(target.confidence, event.confidence)
    return kept
