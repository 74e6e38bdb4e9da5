"""A short question of what to ask a provider ("what do i ask them" after the provider advice,
"what questions should I ask", core/asked_fact.py's `asks_what_to_ask`) is `intent`, the
provider question, whose answer says what to ask; the classifier read "what do i ask" as a
request for the help menu. Taken from `from_intents`, never inside a form or after a reported
symptom ("what do I ask the doctor about this rash?" is for care)."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.asked_fact import asks_what_to_ask
from nlu_components.reading.rule import ReadingRule, State, intent_of


class WhatToAsk(ReadingRule):
    name = "what_to_ask"
    defaults = {"intent": "ask_provider", "from_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if state.requested_slot or state.reported \
                or intent_of(message) not in self.settings["from_intents"]:
            return None
        return self.settings["intent"] if asks_what_to_ask(message.get(TEXT)) else None
