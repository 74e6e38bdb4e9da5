"""The first step of the pipeline applies every patch of Rasa (rasa_patches/): every process that
loads the model (`rasa run`, `rasa shell`, `rasa test`) then runs the same Rasa, whatever channel
it serves. It reads and changes no message."""
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

import rasa_patches


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class ApplyRasaPatches(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ApplyRasaPatches":
        rasa_patches.apply_all()
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        return messages
