"""A question for the source of what the assistant says ("Finally, I should like to know who wrote
the information you are relying upon", "fine. then just tell me who wrote the information you're
using", core/asked_fact.py's `asks_for_the_source`) is `intent`, the source question, however
politely or crossly it is put around: the classifier read such long or framed questions as the
provider advice, a request about the assistant or unsure. Taken from `from_intents`; never a
message naming a symptom, how the skin is or anything of the visitor's own ("who wrote the
advice about downtime, mine has been crusty and hot for a week"), which the rules after this one
read."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.asked_fact import asks_for_the_source
from core.symptoms import BODY_STATE, OWN, describes_symptom, mentions_symptom
from nlu_components.reading.rule import ReadingRule, State, intent_of


class TheSource(ReadingRule):
    name = "the_source"
    defaults = {"intent": "ask_source", "from_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT)
        if intent_of(message) not in self.settings["from_intents"] \
                or not asks_for_the_source(text) or mentions_symptom(text) \
                or describes_symptom(text) or BODY_STATE.search(text) or OWN.search(text):
            return None
        return self.settings["intent"]
