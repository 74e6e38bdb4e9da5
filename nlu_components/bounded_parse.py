"""Keeps what Rasa stores of each parsed message small, whatever the message.

Rasa keeps every message's parse data in the tracker store. Two parts grow with what the
visitor typed: the token offsets (`text_tokens`, about 2.6 bytes per character, read by
nothing in this assistant) and the entities (a message repeating a condition word 100 times
would store 100 entities). This last pipeline step drops the offsets and keeps the first
`max_entities` entities, so the bytes stored per message stay bounded (issue #18; measured in
tests/e2e/test_adversarial.py). A visitor names a few conditions at most; the slots read the
first ones.
"""
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT_TOKENS
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class BoundedParseData(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"max_entities": 8}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.max_entities = int(config["max_entities"])

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "BoundedParseData":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            message.output_properties.discard(TEXT_TOKENS)
            entities = message.get(ENTITIES) or []
            if len(entities) > self.max_entities:
                message.set(ENTITIES, entities[:self.max_entities], add_to_output=True)
        return messages
