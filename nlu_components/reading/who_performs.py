"""A question that can only ask who performs it ("ok, and who would be doing it?", "who actually
does the treatment?", core/asked_fact.py's `asks_who_performs`) gets `intent`, the procedure
question, whose reply leads with who performs it (actions/asked_fact.py); the classifier had
put such short questions on the risk, the provider advice or who it suits. Taken from
`from_intents`, never inside a form, and not after a reported symptom: "who can treat this?"
then asks for care (care_follow_up)."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.asked_fact import asks_who_performs
from nlu_components.reading.rule import ReadingRule, State, intent_of


class WhoPerforms(ReadingRule):
    name = "who_performs"
    defaults = {"intent": "ask_procedure", "from_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if state.requested_slot or state.reported \
                or intent_of(message) not in self.settings["from_intents"]:
            return None
        return self.settings["intent"] if asks_who_performs(message.get(TEXT)) else None
