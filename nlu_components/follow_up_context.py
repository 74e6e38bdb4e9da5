"""Reads short follow-ups in the light of the previous answer.

"for how long?" or "how long is that supposed to last?" after the results answer or the
after-effects answer asks how long *that* lasts; read alone, the classifier takes it for the
session-length question. When the conversation's last topic (the `last_topic` slot) is one of
`topics` and the message is such a follow-up (core/follow_ups.py), the message is relabelled as
that topic's question. "is that per session or for all of them?" after any answer asks about
that answer's scope, not about the procedure: it becomes `inform`, the follow-up intent, and
actions/follow_up.py answers the previous topic again. The tracker comes from Rasa with each
message of a conversation; a message parsed on its own (the /model/parse endpoint, `rasa test
nlu`) has none and is left as it is.
"""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.follow_ups import (asks_after_the_series, asks_how_long_that_lasts,
                              asks_one_session_or_all)
from core.gaps import GAP_ENTITY
from nlu_components.relabel import relabel


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class HowLongFollowUp(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # topics: last_topic value -> the intent a "how long?" after it asks.
        return {"slot": "last_topic", "topics": {}}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.slot = config["slot"]
        self.topics = dict(config["topics"])

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "HowLongFollowUp":
        return cls(config)

    def process(self, messages: List[Message],
                tracker: Optional[DialogueStateTracker] = None) -> List[Message]:
        previous = tracker.get_slot(self.slot) if tracker is not None else None
        intent = self.topics.get(previous) if isinstance(previous, str) else None
        if intent is None:
            return messages
        for message in messages:
            if asks_how_long_that_lasts(message.get("text")):
                relabel(message, intent)
        return messages


class ContextFollowUp(GraphComponent, IntentClassifier):
    """A short follow-up after an answer on one of `topics` (the `slot`), relabelled `intent`
    when the classifier read it as one of `from_intents` and it names no topic the article
    never covers. Subclasses say which messages are such a follow-up (`asks`); the entities in
    `drop_entities` are removed from a relabelled message."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"slot": "last_topic", "intent": "inform", "topics": [], "from_intents": [],
                "drop_entities": []}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.slot = config["slot"]
        self.intent = config["intent"]
        self.topics = set(config["topics"])
        self.from_intents = set(config["from_intents"])
        self.drop_entities = set(config["drop_entities"])

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ContextFollowUp":
        return cls(config)

    @staticmethod
    def asks(text: Optional[Text]) -> bool:
        raise NotImplementedError

    def process(self, messages: List[Message],
                tracker: Optional[DialogueStateTracker] = None) -> List[Message]:
        previous = tracker.get_slot(self.slot) if tracker is not None else None
        if previous not in self.topics:
            return messages
        for message in messages:
            entities = message.get(ENTITIES) or []
            if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) not in self.from_intents \
                    or any(e.get("entity") == GAP_ENTITY for e in entities) \
                    or not self.asks(message.get(TEXT)):
                continue
            relabel(message, self.intent)
            if self.drop_entities:
                message.set(ENTITIES, [e for e in entities
                                       if e.get("entity") not in self.drop_entities],
                            add_to_output=True)
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class AfterTheSeriesFollowUp(ContextFollowUp):
    """"and after the last one?" after the series or results answer asks what comes once the
    series is over: relabelled `intent` (config.yml: the results question, whose answer in
    core/knowledge.yml covers after the series). Read alone, its "after" makes it
    the recovery question. `from_intents` are questions, never thanks, "stop" or a complication
    report."""

    asks = staticmethod(asks_after_the_series)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class OneOrAllFollowUp(ContextFollowUp):
    """"is that per session or for all of them?" after an answer on one of `topics`: relabelled
    `intent` (the follow-up intent). Its "one session" / "the whole series" are the scope of the
    question, not a number of sessions: those `drop_entities` are removed, so the follow-up
    answers the topic itself (a count would make it a price question) and no slot keeps "one
    session" for later answers."""

    asks = staticmethod(asks_one_session_or_all)
