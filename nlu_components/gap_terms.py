"""Finds a topic the article never covers in a message, so the answer says so plainly.

"Is microneedling safe during pregnancy?" reads as an article question (is it risky?), but the
article says nothing about pregnancy: answering only its risk paragraph would imply it covers
that. The lookup table named by `lookup` (data/nlu/out_of_scope.yml: topics the article never
mentions; a unit test checks none is in the article's facts) is learned at training time and kept
in the model. At parse time a message that names one of them gets a `not_in_article` entity with
the term; the reading rule topic_not_in_article (nlu_components/reading/) then makes an article
question out_of_scope, and the reply (actions/safety.py) names the term.
"""
import json
import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from core.gaps import GAP_ENTITY
from nlu_components.source_fingerprint import source_fingerprint

TERMS_FILE = "terms.json"


def gap_pattern(terms: List[Text]) -> Optional["re.Pattern"]:
    if not terms:
        return None
    # Longest first, so "vitamin c" wins over a shorter term inside it.
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class GapTermExtractor(GraphComponent):
    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        # An edit to this code retrains the component (nlu_components/source_fingerprint.py).
        return source_fingerprint("nlu_components.gap_terms", "core.gaps")

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"lookup": "topic_not_in_article"}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage,
                 resource: Resource, terms: Optional[List[Text]] = None) -> None:
        self.config = config
        self.model_storage = model_storage
        self.resource = resource
        self.terms = terms or []
        self.pattern = gap_pattern(self.terms)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "GapTermExtractor":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "GapTermExtractor":
        try:
            with model_storage.read_from(resource) as directory:
                terms = json.loads((directory / TERMS_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            terms = []
        return cls(config, model_storage, resource, terms)

    def train(self, training_data: TrainingData) -> Resource:
        tables = [t for t in training_data.lookup_tables if t.get("name") == self.config["lookup"]]
        if not tables:
            raise ValueError(f"GapTermExtractor: no lookup table named "
                             f"'{self.config['lookup']}' in the training data")
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
        return messages
