"""A request about the assistant itself (its instructions, a role to play, a diagnosis, other
visitors' conversations: core/steering.py) gets `intent`, the plain reply, whatever article
question it resembles; a report of one's own symptom never does (it goes to care)."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.steering import asks_about_the_assistant
from core.symptoms import describes_symptom
from nlu_components.reading.rule import ReadingRule, State


class NotAQuestion(ReadingRule):
    name = "not_a_question"
    defaults = {"intent": "steer_assistant"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT)
        if describes_symptom(text) or not asks_about_the_assistant(text):
            return None
        return self.settings["intent"]
