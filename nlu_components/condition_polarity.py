"""Marks each condition or skin tone the visitor names with what they say of it.

The entity ruler finds "keloids" in "I've never had keloids" as readily as in "I have keloids".
This step reads each `condition` and `skin_tone` entity with core/polarity.py (ConText) and gives
it a role when it is not the visitor's own: `denied` ("no keloids"), `asked` ("what if I had
keloids?", "not sure if it's infected") or `other` ("my sister gets keloids"). A stated one keeps
no role. The domain's slot mappings follow the roles: only role-less entities fill `condition`
and `skin_tone` (what replies may say the visitor has); denied ones fill `denied_conditions`
(the screening's "no" answers). A condition named by its opposite ("my skin heals fine", "I
don't heal well") is added as an entity with its polarity. Why and how: docs/understanding.md.
"""
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (ENTITIES, ENTITY_ATTRIBUTE_END, ENTITY_ATTRIBUTE_ROLE,
                                       ENTITY_ATTRIBUTE_START, ENTITY_ATTRIBUTE_TYPE,
                                       ENTITY_ATTRIBUTE_VALUE, EXTRACTOR, TEXT)
from rasa.shared.nlu.training_data.message import Message

from core.knowledge import KNOWLEDGE, fact
from core.polarity import (ASKED, DENIED, OTHER, RESOLVED, UNSURE, Reading, opposites,
                           other_names, read)

DENIED_ROLE, ASKED_ROLE, OTHER_ROLE = "denied", "asked", "other"
ROLES = [DENIED_ROLE, ASKED_ROLE, OTHER_ROLE]


def role_of(reading: Reading, current: bool = False) -> Any:
    """The entity role for a reading: None for the visitor's own statement. A condition that is
    over ("an infection last month, cleared up now") is denied when it matters only while it
    lasts (`current`: an open wound, an infection); a history (keloid scars) stays stated."""
    if reading.experiencer == OTHER:
        return OTHER_ROLE
    if reading.polarity == DENIED or (reading.polarity == RESOLVED and current):
        return DENIED_ROLE
    if reading.polarity in (ASKED, UNSURE):
        return ASKED_ROLE
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class ConditionPolarity(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"entities": ["condition", "skin_tone"], "opposite_entity": "condition"}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.entities = set(config["entities"])
        self.opposite_entity = config["opposite_entity"]
        self.current = set(fact(KNOWLEDGE, "current_contraindications"))

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ConditionPolarity":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self.mark(message)
        return messages

    def mark(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        entities = [dict(e) for e in message.get(ENTITIES) or []]
        mentions = [e for e in entities if e.get(ENTITY_ATTRIBUTE_TYPE) in self.entities
                    and isinstance(e.get(ENTITY_ATTRIBUTE_START), int)
                    and isinstance(e.get(ENTITY_ATTRIBUTE_END), int)]
        spans = [(e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END]) for e in mentions]
        for entity, reading in zip(mentions, read(text, spans)):
            role = role_of(reading, entity.get(ENTITY_ATTRIBUTE_VALUE) in self.current)
            if role is not None:
                entity[ENTITY_ATTRIBUTE_ROLE] = role
        named = {e.get(ENTITY_ATTRIBUTE_VALUE) for e in mentions}
        for condition, polarity in opposites(text):
            if condition not in named:
                added = {ENTITY_ATTRIBUTE_TYPE: self.opposite_entity,
                         ENTITY_ATTRIBUTE_VALUE: condition, EXTRACTOR: type(self).__name__}
                if polarity == DENIED:
                    added[ENTITY_ATTRIBUTE_ROLE] = DENIED_ROLE
                entities.append(added)
                named.add(condition)
        for condition, reading in other_names(text):
            # "a cut on my chin", "my chin is infected": the ruler's words miss them.
            if condition not in named:
                added = {ENTITY_ATTRIBUTE_TYPE: self.opposite_entity,
                         ENTITY_ATTRIBUTE_VALUE: condition, EXTRACTOR: type(self).__name__}
                role = role_of(reading, condition in self.current)
                if role is not None:
                    added[ENTITY_ATTRIBUTE_ROLE] = role
                entities.append(added)
                named.add(condition)
        if mentions or len(entities) != len(message.get(ENTITIES) or []):
            message.set(ENTITIES, entities, add_to_output=True)
