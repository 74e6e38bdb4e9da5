"""What the visitor has told us so far, read from the tracker's slots.

Slots are filled from entities by Rasa's slot mappings (domain.yml); entity values arrive
already mapped to their canonical form by the synonyms in data/nlu/synonyms.yml.
"""
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from core.asked_fact import asks_about_pigmentation, asks_timing_before_an_event
from core.follow_ups import asks_what_the_price_covers
from core.symptoms import after_a_treatment_had

DARKER_SKIN = "darker skin"
LAST_TOPIC_SLOT = "last_topic"
LAST_GAP_SLOT = "last_gap"
LAST_FACT_SLOT = "last_fact"
DENIED_SLOT = "denied_conditions"
DENIED_SKIN_TONE_SLOT = "denied_skin_tone"
# Set once the visitor reported a symptom of their own (the seek-care reply was given).
REPORTED_SLOT = "reported_symptom"
# "asked" for a question about a symptom that tells of nothing happening to the visitor
# (nlu_components/reading/report_form.py): no report of theirs.
REPORT_FORM_SLOT = "report_form"


def reported_events(tracker: Tracker) -> List[Dict[str, Any]]:
    """After the seek-care reply: the conversation holds a report of the visitor's own, unless
    the message only asked about a symptom in general."""
    return [] if tracker.get_slot(REPORT_FORM_SLOT) == "asked" else [SlotSet(REPORTED_SLOT, True)]
# The role nlu_components/condition_polarity.py gives a condition the visitor only asks about.
ASKED_ROLE = "asked"


def _clean_text(value: Any) -> Optional[str]:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _clean_list(value: Any) -> List[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    cleaned = []
    for item in value:
        text = _clean_text(item)
        if text and text.lower() not in cleaned:
            cleaned.append(text.lower())
    return cleaned


def _latest(tracker: Tracker, entity: str, role: Optional[str]) -> List[str]:
    """The values of the latest message's `entity` entities with `role` (None: stated)."""
    return _clean_list([e.get("value") for e in
                        (tracker.latest_message or {}).get("entities") or []
                        if e.get("entity") == entity and e.get("role") == role])


@dataclass
class VisitorContext:
    body_area: Optional[str] = None
    skin_tone: Optional[str] = None
    conditions: List[str] = field(default_factory=list)
    sessions_text: Optional[str] = None
    last_topic: Optional[str] = None
    # What the visitor said they do not have (conditions and skin tones), and the conditions
    # the latest message asks about without saying the visitor has them ("what if I had ...").
    denied: List[str] = field(default_factory=list)
    asked: List[str] = field(default_factory=list)
    asked_skin_tones: List[str] = field(default_factory=list)
    # The conditions and skin tones this very message states (role-less entities).
    stated_now: List[str] = field(default_factory=list)
    skin_tones_now: List[str] = field(default_factory=list)
    # The latest message asks what the price covers ("is the numbing included in the price?").
    asks_what_price_covers: bool = False
    # The latest message asks about timing it before an event ("my wedding is in a month, now or
    # wait?"): the article names no lead time (core/asked_fact.py).
    before_an_event: bool = False
    # The latest message tells of a treatment had, and of none to come ("I had it done 3 days ago
    # and now it's infected"): the article's "not recommended" is advice before a treatment
    # (core/symptoms.py's after_a_treatment_had).
    treatment_had: bool = False
    # The latest message asks about the skin darkening ("can it cause hyperpigmentation?").
    asks_pigmentation: bool = False

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> "VisitorContext":
        return cls(
            body_area=_clean_text(tracker.get_slot("body_area")),
            skin_tone=_clean_text(tracker.get_slot("skin_tone")),
            # A condition denied later ("sorry, I don't have keloids") is no longer theirs.
            conditions=[c for c in _clean_list(tracker.get_slot("condition"))
                        if c not in _clean_list(tracker.get_slot(DENIED_SLOT))],
            sessions_text=_clean_text(tracker.get_slot("num_sessions")),
            last_topic=_clean_text(tracker.get_slot(LAST_TOPIC_SLOT)),
            denied=_clean_list(tracker.get_slot(DENIED_SLOT))
            + _clean_list(tracker.get_slot(DENIED_SKIN_TONE_SLOT)),
            asked=_latest(tracker, "condition", ASKED_ROLE),
            asked_skin_tones=_latest(tracker, "skin_tone", ASKED_ROLE),
            stated_now=_latest(tracker, "condition", None),
            skin_tones_now=_latest(tracker, "skin_tone", None),
            asks_what_price_covers=asks_what_the_price_covers(
                (tracker.latest_message or {}).get("text")),
            before_an_event=asks_timing_before_an_event(
                (tracker.latest_message or {}).get("text")) is not None,
            treatment_had=after_a_treatment_had((tracker.latest_message or {}).get("text")),
            asks_pigmentation=asks_about_pigmentation((tracker.latest_message or {}).get("text")),
        )

    @property
    def has_darker_skin(self) -> bool:
        return (self.skin_tone or "").lower() == DARKER_SKIN


def gap_cleared(tracker: Tracker) -> List[Dict[Text, Any]]:
    """An answer on a topic ends the situation a topic the article never covers set (the
    `last_gap` slot, nlu_components/reading/gap_follow_up.py): the event that clears it, if
    it is set."""
    return [SlotSet(LAST_GAP_SLOT, None)] if tracker.get_slot(LAST_GAP_SLOT) else []

