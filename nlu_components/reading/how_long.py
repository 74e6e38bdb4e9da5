""""for how long?" or "how long is that supposed to last?" after the results answer or the
after-effects answer asks how long *that* lasts; read alone, the classifier takes it for the
session-length question. After an answer on one of `topics` (last topic -> intent), such a
follow-up (core/follow_ups.py) is relabelled as that topic's question. Likewise a bare "how
fast?" or "how soon will I see it?" after an answer on one of `soon_topics` (after what it treats:
when results show). Never after a report of the visitor's own."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.follow_ups import asks_how_long_that_lasts, asks_how_soon
from nlu_components.reading.rule import ReadingRule, State


class HowLong(ReadingRule):
    name = "how_long_follow_up"
    defaults = {"topics": {}, "soon_topics": {}}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        # After a report of their own, "how long will that last?" asks about their symptom:
        # care_follow_up's, before it.
        if not state.last_topic or state.reported:
            return None
        text = message.get(TEXT)
        if asks_how_long_that_lasts(text):
            return self.settings["topics"].get(state.last_topic)
        if asks_how_soon(text):
            return self.settings["soon_topics"].get(state.last_topic)
        return None
