"""A trivial keyword intent classifier: the NLU of the framework's floor in the load benchmark.

First keyword found wins; no match gives nlu_fallback. Rasa's own KeywordIntentClassifier
can't train on our data (it builds unescaped regexes and fails on shared keywords).
"""
import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

KEYWORDS = [
    ("ask_pain", ["hurt", "pain", "numb", "sting"]),
    ("ask_cost", ["cost", "price", "much is", "expensive", "sessions?"]),
    ("inform", ["neck", "face", "dark skin", "keloid", "what about"]),
    ("ask_downtime", ["downtime", "recover", "red ", "side effect"]),
    ("ask_risk", ["safe", "risk", "danger"]),
    ("ask_results", ["result", "see a difference"]),
    ("ask_treatment_plan", ["how many", "how often"]),
    ("ask_procedure", ["session take", "procedure", "device"]),
    ("ask_treats", ["treat", "scar", "wrinkle", "pore"]),
    ("ask_suitability", ["everyone", "candidate", "skin type"]),
    ("ask_provider", ["provider", "qualified"]),
    ("ask_what_is", ["what is", "how does it work"]),
    ("ask_source", ["source", "where does"]),
    ("out_of_scope", ["insurance", "pregnan", "prp", "retinol", "makeup"]),
    ("thanks", ["thank", "thx"]),
    ("goodbye", ["bye"]),
    ("help", ["help"]),
    ("bot_challenge", ["bot", "human"]),
    ("greet", ["hello", "hi", "hey"]),
    ("affirm", ["yes", "yeah"]),
    ("deny", ["no", "nope"]),
]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER],
                          is_trainable=False)
class FloorKeywordClassifier(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "FloorKeywordClassifier":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = (message.get(TEXT) or "").lower()
            name = next((intent for intent, words in KEYWORDS
                         if any(re.search(r"\b" + re.escape(w), text) for w in words)),
                        "nlu_fallback")
            message.set(INTENT, {"name": name, "confidence": 1.0}, add_to_output=True)
        return messages
