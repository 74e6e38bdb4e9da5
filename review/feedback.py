"""The answers visitors rated: actions/feedback.py stores each "Was this helpful?" reply as one
`answer_feedback` slot event ({"helpful", "topic", "question"}) in the conversation, then clears
the slot (the clearing event has no value and is skipped here)."""
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Iterable, List, Optional

from store.events_table import StoredEvent

FEEDBACK_SLOT = "answer_feedback"  # actions/feedback.py; tests/unit/test_review.py checks it


@dataclass
class Feedback:
    timestamp: float
    helpful: bool
    topic: Optional[str]
    question: Optional[str]

    @property
    def day(self) -> date:
        return datetime.fromtimestamp(self.timestamp, timezone.utc).date()


def answer_feedback(events: Iterable[StoredEvent]) -> List[Feedback]:
    found = []
    for event in events:
        if event.type_name != "slot" or event.data.get("name") != FEEDBACK_SLOT:
            continue
        value = event.data.get("value")
        if not isinstance(value, dict) or not isinstance(value.get("helpful"), bool):
            continue  # the clearing event, or something this version did not write
        topic, question = value.get("topic"), value.get("question")
        found.append(Feedback(event.timestamp, value["helpful"],
                              str(topic) if topic else None,
                              str(question) if question else None))  # bounded when stored
    return found
