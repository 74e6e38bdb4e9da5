"""What the visitor says of their own conditions or skin, with no article question of its own,
outside the screening:
- every condition named denied ("i dont have any infection or open wound, only a few pimples",
  "no keloids here"): they are asking whether it suits them, so `denied_intent` (the article's
  suitability answer, which lists what rules it out and never tells a denial back);
- a condition or skin tone stated in a message the classifier left unsure or out of scope that
  asks nothing ("im medium brown if that helps"): `detail_intent`, the follow-up that answers
  with what the article says of it (actions/follow_up.py).
Not for a message that names a topic the article never covers (its honest "not covered" comes
first) or that describes a symptom (the safety net's)."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_ROLE, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.gaps import GAP_ENTITY
from core.symptoms import describes_symptom
from core.text import asks_a_question
from nlu_components.condition_polarity import DENIED_ROLE
from nlu_components.reading.rule import ReadingRule, State, intent_of

CONTEXT_ENTITIES = ("condition", "skin_tone")


class ConditionStatement(ReadingRule):
    name = "condition_statement"
    defaults = {"from_intents": [], "unsure_intents": [], "denied_intent": "ask_suitability",
                "detail_intent": "inform"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        entities = message.get(ENTITIES) or []
        text = message.get(TEXT) or ""
        named = [e for e in entities if e.get("entity") in CONTEXT_ENTITIES]
        if state.requested_slot or not named or intent_of(message) not in \
                self.settings["from_intents"] \
                or any(e.get("entity") == GAP_ENTITY for e in entities) \
                or describes_symptom(text):
            return None
        conditions = [e for e in named if e.get("entity") == "condition"]
        if conditions and all(e.get(ENTITY_ATTRIBUTE_ROLE) == DENIED_ROLE for e in named):
            return self.settings["denied_intent"]
        if intent_of(message) in self.settings["unsure_intents"] and not asks_a_question(text) \
                and any(e.get(ENTITY_ATTRIBUTE_ROLE) is None for e in named):
            return self.settings["detail_intent"]
        return None
