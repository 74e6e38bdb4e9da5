"""A short question that can only ask about the device ("and the tool?", "how many needles did you
say", core/asked_fact.py's `asks_about_the_device`) gets `intent`, the procedure question, whose
reply leads with the device (actions/asked_fact.py); the classifier had read such fragments as a
follow-up of the last answer ("and the tool?" after what it is) or was unsure. Taken from
`from_intents`, never inside a form, and not after a reported symptom ("the needles left marks"
is for care)."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.asked_fact import asks_about_the_device
from nlu_components.reading.rule import ReadingRule, State, intent_of


class TheDevice(ReadingRule):
    name = "the_device"
    defaults = {"intent": "ask_procedure", "from_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if state.requested_slot or state.reported \
                or intent_of(message) not in self.settings["from_intents"]:
            return None
        return self.settings["intent"] if asks_about_the_device(message.get(TEXT)) else None
