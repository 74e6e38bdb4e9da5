"""A tracker store seeded with known conversations, written by Rasa's own SQLTrackerStore
(the rows are exactly what a Rasa server stores), for the review report and purge tests.

SEEDED describes three visitors on two days; EXPECTED holds the counts a correct report shows.
Each turn: (text, intent, actions, utter responses sent, seconds to the first reply, gap term).
RATINGS adds "Was this helpful?" answers as actions/feedback.py stores them (a slot event set,
then cleared).
"""
import asyncio
from datetime import datetime, timezone
from typing import Dict, List, Optional

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.slots import AnySlot
from rasa.shared.core.events import (ActionExecuted, BotUttered, SessionStarted, SlotSet,
                                     UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker

DAY_1 = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc).timestamp()
DAY_2 = datetime(2026, 11, 2, 15, 0, tzinfo=timezone.utc).timestamp()

SEEDED = {
    "visitor-alice-4f2a": (DAY_1, [
        ("how much is it?", "ask_cost", ["action_answer_cost"], [], 0.1, None),
        ("is it safe during pregnancy?", "out_of_scope", ["action_answer_unknown"], [], 0.2,
         "pregnancy"),
    ]),
    "visitor-bob-77c1": (DAY_1 + 600, [
        ("/greet", "greet", ["utter_greet"], ["utter_greet"], 0.05, None),  # the widget's own
        ("could I get it done in pregnancy?", "out_of_scope", ["action_answer_unknown"], [], 0.3,
         "pregnancy"),
        ("do you accept insurance?", "nlu_fallback", ["action_answer_unknown"], [], 0.4, None),
        ("my face is swollen and bleeding", "report_complication",
         ["utter_seek_care", "action_after_seek_care"], ["utter_seek_care"], 0.5, None),
    ]),
    "visitor-carol-0b93": (DAY_2, [
        ("Do you accept my insurance?", "nlu_fallback", ["action_answer_unknown"], [], 0.6,
         None),
        ("what is microneedling", "ask_what_is", ["utter_what_is"], ["utter_what_is"], 0.7,
         None),
        ("I think it's infected, is that normal?", "out_of_scope", ["action_answer_unknown"],
         ["utter_seek_care"], 0.8, None),
    ]),
}

RATINGS = {  # sender: [(seconds after its start, helpful, topic, question)]
    "visitor-alice-4f2a": [(30, False, "cost", "how much is it?")],
    "visitor-carol-0b93": [(90, True, "what_is", "what is microneedling")],
}

EXPECTED = {
    "conversations": 3,
    "messages": 8,  # the widget's /greet is not a visitor message
    "per_day": {"2026-11-01": (2, 5), "2026-11-02": (1, 3)},
    "per_intent": {"out_of_scope": 3, "nlu_fallback": 2, "ask_cost": 1, "ask_what_is": 1,
                   "report_complication": 1},
    "unanswered": 4,
    "unanswered_groups": {"pregnancy": 2, "do you accept insurance?": 2},
    "escalated": 2,  # a complication report, and a symptom caught by the unknown-answer net
    "median_ms": 400,
    "p95_ms": 800,
    "helpful": 1,
    "not_helpful": 1,
}


def tracker_events(start: float, turns) -> List:
    events = [ActionExecuted("action_session_start", timestamp=start - 1),
              SessionStarted(timestamp=start - 1),
              ActionExecuted("action_listen", timestamp=start - 1)]
    for number, (text, intent, actions, responses, latency, gap) in enumerate(turns):
        at = start + 60 * number
        entities = [{"entity": "not_in_article", "value": gap}] if gap else []
        parse = {"text": text, "intent": {"name": intent, "confidence": 0.9},
                 "entities": entities,
                 "intent_ranking": [{"name": intent, "confidence": 0.9},
                                    {"name": "ask_risk", "confidence": 0.05}]}
        events.append(UserUttered(text, parse["intent"], entities, parse, timestamp=at))
        for index, action in enumerate(actions):
            events.append(ActionExecuted(action, timestamp=at + latency))
            response = responses[index] if index < len(responses) else None
            events.append(BotUttered(f"reply to {text}", metadata=(
                {"utter_action": response} if response else {}), timestamp=at + latency))
        events.append(ActionExecuted("action_listen", timestamp=at + latency + 0.01))
    return events


def rating_events(start: float, ratings) -> List:
    events = []
    for after, helpful, topic, question in ratings:
        value = {"helpful": helpful, "topic": topic, "question": question}
        events += [SlotSet("answer_feedback", value, timestamp=start + after),
                   SlotSet("answer_feedback", None, timestamp=start + after)]
    return events


def seed(url: str, conversations: Optional[Dict] = None,
         ratings: Optional[Dict] = None) -> SQLTrackerStore:
    """Writes the conversations (default SEEDED, with RATINGS) with Rasa's SQLTrackerStore at
    `url`; a sender already stored gets a new session after its events."""
    store = SQLTrackerStore(Domain.empty(), host=url)
    if conversations is None:
        conversations, ratings = SEEDED, RATINGS if ratings is None else ratings
    for sender, (start, turns) in conversations.items():
        stored = asyncio.run(store.retrieve_full_tracker(sender))
        earlier = list(stored.events) if stored else []
        new = tracker_events(start, turns) + rating_events(start, (ratings or {}).get(sender, []))
        tracker = DialogueStateTracker.from_events(
            sender, earlier + new, slots=[AnySlot("answer_feedback", mappings=[])])
        asyncio.run(store.save(tracker))
    return store
