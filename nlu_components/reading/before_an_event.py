"""A question about timing it before an event of the visitor's ("my wedding is in a month,
should I do it now or wait?", core/asked_fact.py's `asks_timing_before_an_event`) gets the
article's answer that bears on it: the days after (`topic_intents`' downtime), the series ("all
six done before my wedding, when do I start?") or when results show ("will it fade the spots
before the big day?"). The article names no lead time; the classifier read such questions as
who it suits or out of scope. From `from_intents` only, never inside a form; a topic the article
never covers keeps its honest "not covered"."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.asked_fact import asks_timing_before_an_event
from core.gaps import GAP_ENTITY
from nlu_components.reading.rule import ReadingRule, State, intent_of


class BeforeAnEvent(ReadingRule):
    name = "before_an_event"
    defaults = {"from_intents": [], "topic_intents": {}}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if state.requested_slot or intent_of(message) not in self.settings["from_intents"] \
                or any(e.get("entity") == GAP_ENTITY for e in message.get(ENTITIES) or []):
            return None
        topic = asks_timing_before_an_event(message.get(TEXT))
        return self.settings["topic_intents"].get(topic) if topic else None
