"""Marks a question about something the article never covers, so the answer says so plainly.

"Is microneedling safe during pregnancy?" reads as an article question (is it risky?), but the
article says nothing about pregnancy: answering only its risk paragraph would imply it covers
that. The lookup table named by `lookup` (data/nlu/out_of_scope.yml: topics the article never
mentions; a unit test checks none is in the article's facts) is learned at training time and kept
in the model. At parse time a message that names one of them gets a `not_in_article` entity with
the term, and if its intent is one of `article_intents` it is relabelled `out_of_scope`, with the
article question kept second in the ranking: the reply (actions/safety.py) says the article
doesn't cover the term and then what it does say on the nearest topic.
"""
import json
import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY,
                                       PREDICTED_CONFIDENCE_KEY, TEXT)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from core.gaps import GAP_ENTITY
from nlu_components.relabel import relabel

OUT_OF_SCOPE = "out_of_scope"
TERMS_FILE = "terms.json"


def gap_pattern(terms: List[Text]) -> Optional["re.Pattern"]:
    if not terms:
        return None
    # Longest first, so "vitamin c" wins over a shorter term inside it.
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class GapGuard(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"lookup": "topic_not_in_article", "article_intents": []}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage,
                 resource: Resource, terms: Optional[List[Text]] = None) -> None:
        self.config = config
        self.article_intents = set(config["article_intents"])
        self.model_storage = model_storage
        self.resource = resource
        self.terms = terms or []
        self.pattern = gap_pattern(self.terms)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "GapGuard":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "GapGuard":
        try:
            with model_storage.read_from(resource) as directory:
                terms = json.loads((directory / TERMS_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            terms = []
        return cls(config, model_storage, resource, terms)

    def train(self, training_data: TrainingData) -> Resource:
        tables = [t for t in training_data.lookup_tables if t.get("name") == self.config["lookup"]]
        if not tables:
            raise ValueError(f"GapGuard: no lookup table named '{self.config['lookup']}' in "
                             "the training data")
        self.terms = sorted({str(e).strip().lower() for t in tables for e in t["elements"]
                             if str(e).strip()})
        self.pattern = gap_pattern(self.terms)
        with self.model_storage.write_to(self.resource) as directory:
            (directory / TERMS_FILE).write_text(json.dumps(self.terms), encoding="utf-8")
        return self.resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def find_term(self, text: Optional[Text]) -> Optional[re.Match]:
        return self.pattern.search(text or "") if self.pattern else None

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = self.find_term(message.get(TEXT))
            if found is None:
                continue
            entity = {"entity": GAP_ENTITY, "value": found.group(1).lower(),
                      "start": found.start(1), "end": found.end(1),
                      "extractor": self.__class__.__name__}
            message.set(ENTITIES, (message.get(ENTITIES) or []) + [entity], add_to_output=True)
            intent = message.get(INTENT) or {}
            if intent.get(INTENT_NAME_KEY) not in self.article_intents:
                continue
            relabel(message, OUT_OF_SCOPE)  # the article question stays next: the reply uses it
        return messages


FALLBACK = "nlu_fallback"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CloseCallGuard(GraphComponent, IntentClassifier):
    """Marks a close call between two article questions as unsure (`nlu_fallback`), keeping the
    ranking, so the reply says so and gives the article's answer to both
    (actions/safety.py): "How Much Time Does A Session Take?" read as cost at 0.45 and as the
    procedure at 0.35 gets both answers instead of the wrong one alone. A close call: the top
    intent is an article question below `top_below`, and the next article question has at least
    `second_ratio` of its confidence."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"article_intents": [], "top_below": 0.0, "second_ratio": 1.0}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.article_intents = set(config["article_intents"])
        self.top_below = float(config["top_below"])
        self.second_ratio = float(config["second_ratio"])

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CloseCallGuard":
        return cls(config)

    def is_close_call(self, message: Message) -> bool:
        ranking = message.get(INTENT_RANKING_KEY) or []
        if len(ranking) < 2 or (message.get(INTENT) or {}).get(INTENT_NAME_KEY) != \
                ranking[0].get(INTENT_NAME_KEY):
            return False
        first, second = ranking[0], ranking[1]
        if not {first.get(INTENT_NAME_KEY), second.get(INTENT_NAME_KEY)} <= self.article_intents:
            return False
        top = first.get(PREDICTED_CONFIDENCE_KEY) or 0.0
        return top < self.top_below and \
            (second.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= self.second_ratio * top

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not self.is_close_call(message):
                continue
            relabel(message, FALLBACK)
        return messages
