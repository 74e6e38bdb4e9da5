""""When should I call my provider after microneedling instead of waiting it out?" asks when to
seek care (core/symptoms.py's `asks_when_to_seek_care`): `intent`, the seek-care reply, which
report_form puts as a condition ("if this is happening to you after a treatment ...") with its
signs of an emergency, followed by what the article says of the days after. The classifier read
such questions as the downtime, whose answer ends with "contact the provider" but names no sign
of an emergency. Not a question telling a symptom of the visitor's own (symptom_report's), nor
one inside a form."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.symptoms import asks_when_to_seek_care
from nlu_components.reading.rule import ReadingRule, State, intent_of


class WhenToSeekCare(ReadingRule):
    name = "when_to_seek_care"
    defaults = {"intent": "report_complication", "from_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if state.requested_slot or intent_of(message) not in self.settings["from_intents"]:
            return None
        return self.settings["intent"] if asks_when_to_seek_care(message.get(TEXT)) else None
