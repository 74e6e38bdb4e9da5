"""Sends a symptom that NLU read as small talk, or as a question it is unsure of, to the
seek-care answer.

Small-talk intents (greet, thanks, goodbye, help, ...) are answered by rules with a plain
response, so the symptom net in the actions never sees them: "thanks, but it's still bleeding"
read as `thanks` would get "You're welcome". Likewise "help my skin is burning" read as
`ask_treats` at 0.31 would get the article's list of treatable conditions. After the
classifiers and the FallbackClassifier, this component relabels a message `report_complication`
when its text describes a symptom (core/symptoms.py, the word list the actions use) and its
intent is small talk, or any other intent below `uncertain_below`, and whatever its intent when
it names a serious sign (infection, pus, fever, an allergy: "how can I tell if it got infected?")
or is a report rather than a question ("thank you. my skin is still bleeding though"). A
confident article question about a usual after-effect keeps its intent: "is bleeding normal?" is
answered by the article. `keep_intents` are never
relabelled: affirm/deny answer the screening form, and the others' actions have their own net.
"""
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

from core.symptoms import asks_a_question, describes_serious_symptom, describes_symptom
from nlu_components.relabel import relabel

COMPLICATION_INTENT = "report_complication"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SymptomGuard(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"small_talk_intents": [], "uncertain_below": 0.0, "keep_intents": []}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.small_talk_intents = set(config["small_talk_intents"])
        self.uncertain_below = config["uncertain_below"]
        self.keep_intents = set(config["keep_intents"]) | {COMPLICATION_INTENT}

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SymptomGuard":
        return cls(config)

    def should_relabel(self, message: Message) -> bool:
        intent = message.get(INTENT) or {}
        name = intent.get(INTENT_NAME_KEY)
        if name is None or name in self.keep_intents or not describes_symptom(message.get("text")):
            return False
        text = message.get("text")
        return name in self.small_talk_intents \
            or describes_serious_symptom(text) or not asks_a_question(text) \
            or (intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0) < self.uncertain_below

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not self.should_relabel(message):
                continue
            # The article question stays next in the ranking: the reply after the seek-care
            # answer may use it (actions/safety.py).
            relabel(message, COMPLICATION_INTENT)
        return messages
