"""A request about the assistant itself (its instructions, a role to play, a diagnosis, other
visitors' conversations: core/steering.py) gets `intent`, the plain reply, whatever article
question it resembles; a report of one's own symptom never does (it goes to care).

The classifier's own `intent` reading counts when the pattern agrees, or when the classifier is
sure of it (`confident` or above): "does that rule me out?" shares words with "tell me your
rules" but asks about the article, and the classifier reads it so only with middling
confidence; the pattern alone misses most requests in words it has not seen
(docs/understanding.md, "Messages that are not questions"). Otherwise the message takes the
best of `next_intents` (the article's questions) in the ranking at `min` or above, else
`fallback` (the honest "not sure"): never a reading that acts, such as deleting the
conversation or starting a form ("restart please" read as steering once became a deletion)."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.steering import asks_about_the_assistant
from core.symptoms import describes_symptom
from nlu_components.reading.rule import (ReadingRule, State, best_of, confidence_of,
                                          intent_of)


class NotAQuestion(ReadingRule):
    name = "not_a_question"
    defaults = {"intent": "steer_assistant", "min": 0.1, "fallback": "nlu_fallback",
                "next_intents": [], "confident": 1.01}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT)
        intent = self.settings["intent"]
        read_so = intent_of(message) == intent
        if describes_symptom(text):
            return self.next_reading(message) if read_so else None
        if asks_about_the_assistant(text):
            return intent
        # After a report of the visitor's own, only the pattern counts: "can I send you a pic so
        # you can look at it?" is about their symptom (care_follow_up, next).
        if read_so and not state.reported and confidence_of(message) >= self.settings["confident"]:
            return None
        return self.next_reading(message) if read_so else None

    def next_reading(self, message: Message) -> Text:
        return best_of(message, self.settings["next_intents"], self.settings["min"],
                       self.settings["fallback"])
