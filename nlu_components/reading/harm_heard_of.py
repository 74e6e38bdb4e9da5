"""A bad outcome the visitor heard of, asked about ("my cousin got an infection after hers at a
salon, how do I make sure that doesn't happen to me?", core/hearsay.py), is `intent`: the
article's word on risk and on choosing a provider, not who it suits or what it treats, which
the classifier often reads there. After the safety rules, so the visitor's own symptom
(core/symptoms.py) keeps its report; a message naming a topic the article never covers keeps
its honest "not covered", and so does one naming a condition or skin tone of the visitor's own
or asked about ("is it safe for people prone to skin infections?"): the article's word on
that condition answers it."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_ROLE, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.gaps import GAP_ENTITY
from core.hearsay import asks_about_harm_heard_of
from core.symptoms import describes_symptom
from core.text import asks_a_question
from nlu_components.condition_polarity import OTHER_ROLE
from nlu_components.reading.rule import ReadingRule, State, intent_of

CONDITION_ENTITIES = ("condition", "skin_tone")


class HarmHeardOf(ReadingRule):
    name = "harm_heard_of"
    defaults = {"intent": "ask_risk", "from_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT) or ""
        entities = message.get(ENTITIES) or []
        if state.requested_slot or intent_of(message) not in self.settings["from_intents"] \
                or any(e.get("entity") == GAP_ENTITY for e in entities) \
                or any(e.get("entity") in CONDITION_ENTITIES
                       and e.get(ENTITY_ATTRIBUTE_ROLE) != OTHER_ROLE for e in entities) \
                or not asks_a_question(text) or describes_symptom(text):
            return None
        return self.settings["intent"] if asks_about_harm_heard_of(text) else None
