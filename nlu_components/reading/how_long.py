""""for how long?" or "how long is that supposed to last?" after the results answer or the
after-effects answer asks how long *that* lasts; read alone, the classifier takes it for the
session-length question. After an answer on one of `topics` (last topic -> intent), such a
follow-up (core/follow_ups.py) is relabelled as that topic's question."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.follow_ups import asks_how_long_that_lasts
from nlu_components.reading.rule import ReadingRule, State


class HowLong(ReadingRule):
    name = "how_long_follow_up"
    defaults = {"topics": {}}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        intent = self.settings["topics"].get(state.last_topic) if state.last_topic else None
        if intent is None or not asks_how_long_that_lasts(message.get(TEXT)):
            return None
        return intent
