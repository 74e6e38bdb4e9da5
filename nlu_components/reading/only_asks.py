"""The shape of a question that can only ask one thing, whatever the classifier read: a message
read as one of `from_intents` for which `asks` (a core test: who performs it, the device, what to
ask a provider) holds gets `intent`. Never inside a form, whose answers form_answer reads, and
never after a reported symptom, whose questions care_follow_up reads ("who can treat this?")."""
from typing import Callable, Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.reading.rule import ReadingRule, State, intent_of


class OnlyAsks(ReadingRule):
    defaults = {"intent": "ask_procedure", "from_intents": []}
    asks: Callable[[Optional[Text]], bool]

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if state.requested_slot or state.reported \
                or intent_of(message) not in self.settings["from_intents"]:
            return None
        return self.settings["intent"] if type(self).asks(message.get(TEXT)) else None
