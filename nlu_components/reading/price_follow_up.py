"""After the price answer (`topics`), "and for five?" asks the price of five sessions: the
message becomes the follow-up `intent` with the count as a `num_sessions` entity; "is the serum
part of that price?" asks what the price covers, which the price answer says
(core/follow_ups.py). After any other answer, or none, a short question naming the price and
what it covers or what moves it ("is the numbing included in the price?") is `price_intent`,
the price question. A message naming a topic the article never covers keeps its reading."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.follow_ups import (asks_about_the_price, asks_what_the_price_covers,
                             session_count_follow_up)
from core.gaps import GAP_ENTITY
from nlu_components.reading.rule import ReadingRule, State, intent_of

COUNT_ENTITY = "num_sessions"


class PriceFollowUp(ReadingRule):
    name = "price_follow_up"
    defaults = {"topics": [], "from_intents": [], "intent": "inform", "price_intent": "ask_cost"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        entities = message.get(ENTITIES) or []
        if intent_of(message) not in self.settings["from_intents"] \
                or any(e.get("entity") == GAP_ENTITY for e in entities):
            return None
        text = message.get(TEXT)
        if state.last_topic not in self.settings["topics"]:
            return self.settings["price_intent"] if asks_about_the_price(text) else None
        count = session_count_follow_up(text)
        if count is not None:
            kept = [e for e in entities if e.get("entity") != COUNT_ENTITY]
            kept.append({"entity": COUNT_ENTITY, "value": f"{count} sessions",
                         "extractor": type(self).__name__})
            message.set(ENTITIES, kept, add_to_output=True)
            return self.settings["intent"]
        return self.settings["intent"] if asks_what_the_price_covers(text) else None
