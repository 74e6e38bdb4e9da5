"""What every reading rule shares: its settings, what it may know of the conversation, and the
one method it implements."""
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Optional, Text

from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import (INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY,
                                       PREDICTED_CONFIDENCE_KEY)
from rasa.shared.nlu.training_data.message import Message

from core.follow_ups import AFTER_AN_ANSWER

LAST_TOPIC_SLOT = "last_topic"
# The name of the last rule that gave the message its intent (changed or confirmed), kept on the
# message (not in the parse output) by the stage: a later rule can tell a reading a rule chose
# from the classifier's.
PLACED_BY = "reading_rule"
REQUESTED_SLOT = "requested_slot"
REPORTED_SLOT = "reported_symptom"
LAST_GAP_SLOT = "last_gap"


@dataclass(frozen=True)
class State:
    """What the rules know of the conversation: the topic of the last answer (`last_topic`),
    the question a form is asking (`requested_slot`), whether the visitor reported a symptom
    of their own (`reported_symptom`) and the topic the article never covers that the last
    answer named (`last_gap`). Empty for a message parsed on its own (/model/parse,
    `rasa test nlu`), which has no conversation."""
    last_topic: Optional[Text] = None
    requested_slot: Optional[Text] = None
    reported: bool = False
    last_gap: Optional[Text] = None

    @classmethod
    def of(cls, tracker: Optional[DialogueStateTracker]) -> "State":
        if tracker is None:
            return cls()

        def slot(name: Text):
            return tracker.get_slot(name) if name in tracker.slots else None

        text = [slot(name) for name in (LAST_TOPIC_SLOT, REQUESTED_SLOT)]
        gap = slot(LAST_GAP_SLOT)
        # The uncovered topic counts only right after the answer that named it: every other
        # answer has moved on, whether it cleared the slot or not.
        right_after = _last_answer(tracker) == GAP_ANSWER
        return cls(*[v if isinstance(v, str) else None for v in text],
                   reported=slot(REPORTED_SLOT) is True,
                   last_gap=gap if isinstance(gap, str) and right_after else None)


# The action that answers a question on a topic the article never covers (actions/safety.py).
GAP_ANSWER = "action_answer_unknown"


def _last_answer(tracker: DialogueStateTracker) -> Optional[Text]:
    """The last action before the message being read that answered something."""
    for event in reversed(tracker.events):
        name = getattr(event, "action_name", None)
        if name is not None and name not in AFTER_AN_ANSWER:
            return name
    return None


def intent_of(message: Message) -> Optional[Text]:
    return (message.get(INTENT) or {}).get(INTENT_NAME_KEY)


def placed_by(message: Message) -> Optional[Text]:
    """The rule that last gave the message its intent (changed or confirmed), or None for the
    classifier's reading."""
    return message.get(PLACED_BY)


def confidence_of(message: Message) -> float:
    return (message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY) or 0.0


def best_of(message: Message, intents: Iterable[Text], minimum: float, fallback: Text) -> Text:
    """The highest-ranked of `intents` in the classifier's ranking at `minimum` or above, else
    `fallback`: how a rule that takes a reading away gives the message the next one."""
    allowed = set(intents)
    for entry in message.get(INTENT_RANKING_KEY) or []:
        if entry.get(INTENT_NAME_KEY) in allowed \
                and (entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= minimum:
            return entry[INTENT_NAME_KEY]
    return fallback


class ReadingRule:
    """One rule of the stage. `settings` are its entry in config.yml (its `name` included).
    `rewrite` returns the intent the message should have, or None to leave it; it may also
    change the message's entities (a rule that reads a count adds it)."""

    name = ""
    defaults: Dict[Text, Any] = {}

    def __init__(self, settings: Dict[Text, Any]) -> None:
        self.settings = {**self.defaults, **settings}
        # config.yml names the article's intents once (a YAML anchor) and what a rule adds to
        # them in `also_<kind>`: `also_from` to `from_intents`, `also_question` to
        # `question_intents`.
        for key in [key for key in self.settings if key.startswith("also_")]:
            target = f"{key[len('also_'):]}_intents"
            anchored = list(self.settings.get(target) or [])
            self.settings[target] = anchored + [i for i in self.settings.pop(key)
                                                if i not in anchored]

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        raise NotImplementedError
