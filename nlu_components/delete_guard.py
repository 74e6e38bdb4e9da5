"""Keeps "delete my conversation" for messages that ask to delete something.

Reading a message as `delete_conversation` erases the whole conversation
(rasa_patches/erasure.py), which cannot be undone, so a classifier's guess is not enough:
"restart please" read as a deletion because the training examples often say "please" would
wipe the visitor's screening answers. After the classifiers, a message read as `intent`
whose text has none of DELETE_WORDS (delete, erase, remove, wipe, forget, get rid of, ...)
is relabelled `fallback` (nlu_fallback): it gets the honest "I'm not sure" answer, and
inside the screening form it counts as an unclear answer. The widget's button payload
"/delete_conversation" names the word itself.
"""
import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.relabel import relabel

DELETE_WORDS = re.compile(
    r"(?<!\w)(delet\w*|eras\w*|remov\w*|wip\w*|forget\w*|forgot|clear\w*|get(ting)? rid|destroy\w*|"
    r"scrap\w*|bin|throw\w* away|discard\w*|purg\w*|"
    r"(do not|don'?t)( want( you)? to)? (keep|store|save))(?!\w)", re.IGNORECASE)


def asks_to_delete(text: Optional[Text]) -> bool:
    return bool(DELETE_WORDS.search(text or ""))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class DeleteRequestGuard(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"intent": "delete_conversation", "fallback": "nlu_fallback"}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.intent = config["intent"]
        self.fallback = config["fallback"]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "DeleteRequestGuard":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if intent == self.intent and not asks_to_delete(message.get(TEXT)):
                relabel(message, self.fallback)
        return messages
