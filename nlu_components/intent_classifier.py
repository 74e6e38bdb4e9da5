"""Rasa's LogisticRegressionClassifier with its class weighting and regularisation configurable,
and a faster way to score a message.

Rasa 3.6 hard-codes class_weight="balanced" and sklearn's default C=1. With 24 intents of
unequal size, balanced weights spread the probability thinly and answerable questions fall
under the fallback threshold; 5-fold cross-validation on the training data (make bench-select)
chose the weighting here. Training and persistence are Rasa's own.

Scoring: Rasa builds each message's feature row by stacking scipy sparse matrices (sequence
features included, which the classifier never reads) and lets sklearn validate it, about as
long as the rest of the pipeline's featurizing together. `process` computes the same
probabilities from the sentence features' non-zero entries and the trained weights directly
(tests/unit/test_intent_classifier.py checks them against sklearn's; the load figures are in
the dated bench/summary-*.md).
"""
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from sklearn.utils.extmath import softmax


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class WeightedLogisticRegressionClassifier(LogisticRegressionClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Rasa's defaults, so leaving both keys out behaves exactly like the stock classifier.
        return {**LogisticRegressionClassifier.get_default_config(),
                "C": 1.0, "class_weight": "balanced"}

    def __init__(self, config: Dict[Text, Any], name: Text, model_storage: ModelStorage,
                 resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        # "none" in YAML means unweighted (sklearn's None).
        weight = self.config["class_weight"]
        self.clf.set_params(C=self.config["C"],
                            class_weight=None if weight in (None, "none") else weight)

    def _is_multinomial(self) -> bool:
        """True when sklearn's predict_proba is a softmax of the decision function."""
        clf = self.clf
        return (hasattr(clf, "coef_") and clf.classes_.size > 2
                and clf.multi_class in ("auto", "multinomial") and clf.solver != "liblinear")

    def probabilities(self, message: Message) -> Optional[np.ndarray]:
        """sklearn's predict_proba for one message, from its sentence features (the same row
        Rasa's _create_X builds: the sparse features in pipeline order, then the dense ones).
        None when the model is not one this computes exactly, or the row's width differs."""
        if not self._is_multinomial():
            return None
        sentence = [f for f in message.features
                    if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
        columns, values, offset = [], [], 0
        for feature in (f for f in sentence if f.is_sparse()):
            entries = feature.features.tocoo()
            columns.append(entries.col + offset)
            values.append(entries.data)
            offset += feature.features.shape[1]
        dense = [np.asarray(f.features, dtype=np.float64).ravel()
                 for f in sentence if not f.is_sparse()]
        dense_row = np.concatenate(dense) if dense else np.zeros(0)
        coef = self.clf.coef_
        if offset + dense_row.size != coef.shape[1]:
            return None
        decision = coef[:, offset:] @ dense_row + self.clf.intercept_
        if columns:
            decision += coef[:, np.concatenate(columns)] @ np.concatenate(values).astype(
                np.float64)
        if not np.isfinite(decision).all():
            return None  # Rasa's path refuses such input with sklearn's error
        return softmax(decision[np.newaxis, :], copy=False)[0]

    def process(self, messages: List[Message]) -> List[Message]:
        rows = [self.probabilities(message) for message in messages]
        if any(row is None for row in rows):
            return super().process(messages)
        for message, row in zip(messages, rows):
            ranking = sorted(({"name": name, "confidence": confidence}
                              for name, confidence in zip(self.clf.classes_, row)),
                             key=lambda entry: -entry["confidence"])
            message.set("intent", ranking[0], add_to_output=True)
            if self.config[RANKING_LENGTH] > 0:
                ranking = ranking[: self.config[RANKING_LENGTH]]
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages
