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
docs/performance.md).

Neighbour vote (`neighbours` > 0): the probabilities are mixed with a vote of the training
questions nearest to the message by the sentence encoder's vectors (cosine, each of the
`neighbours` nearest voting for its intent with its similarity), `neighbour_share` of the
vote to the rest. A question worded like no training example as a whole may still sit right
beside one in meaning; the counts the regression leans on miss that. Only the questions of
`neighbour_intents` vote, and the vote only shares out the probability the regression gave
those intents: it chooses which question a message asks, never whether "stop" or "no" was a
question ("is that going to stop soon?" sits near "stop"). Chosen on real visitors'
questions, folds by site (docs/performance.md).
"""
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.engine.graph import ExecutionContext
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from sklearn.utils.extmath import softmax
from nlu_components.source_fingerprint import source_fingerprint


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class WeightedLogisticRegressionClassifier(LogisticRegressionClassifier):
    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        # An edit to this code retrains the component (nlu_components/source_fingerprint.py).
        return source_fingerprint("nlu_components.intent_classifier")

    # Inside the class, so that Rasa's fingerprint of it changes when they do.
    NEIGHBOURS_FILE = "neighbours.npz"
    # Cosine at or above which the message is a training question as worded, give or take
    # punctuation ("is it safe for dark skin?" against the example without "?": 0.990). It moved
    # no figure of the research proxy (docs/performance.md, the vote).
    SAME_QUESTION = 0.98

    @staticmethod
    def unit_rows(matrix: np.ndarray) -> np.ndarray:
        """Each row scaled to length 1 (a zero row stays zero), as float32."""
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32)

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Rasa's defaults, so leaving both keys out behaves exactly like the stock classifier.
        return {**LogisticRegressionClassifier.get_default_config(),
                "C": 1.0, "class_weight": "balanced",
                # 0: no neighbour vote. neighbour_features: the dense featurizer whose sentence
                # vectors find the neighbours (a part of its component name).
                # neighbour_intents: the intents whose questions vote (empty: all of them).
                "neighbours": 0, "neighbour_share": 0.5,
                "neighbour_features": "SentenceEncoderFeaturizer", "neighbour_intents": []}

    def __init__(self, config: Dict[Text, Any], name: Text, model_storage: ModelStorage,
                 resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        # "none" in YAML means unweighted (sklearn's None).
        weight = self.config["class_weight"]
        self.clf.set_params(C=self.config["C"],
                            class_weight=None if weight in (None, "none") else weight)
        if int(self.config["neighbours"]) < 0 \
                or not 0.0 <= float(self.config["neighbour_share"]) <= 1.0 \
                or not isinstance(self.config["neighbour_intents"] or [], list):
            raise ValueError("WeightedLogisticRegressionClassifier: neighbours must be 0 or "
                             "more, neighbour_share between 0 and 1 and neighbour_intents a "
                             "list of intents")
        # The training questions' unit vectors and intents, when the vote is on.
        self.neighbour_vectors: Optional[np.ndarray] = None
        self.neighbour_intents: List[Text] = []
        self.voting_intents = set(self.config["neighbour_intents"] or [])

    def votes_for(self, intent: Text) -> bool:
        return not self.voting_intents or intent in self.voting_intents

    def neighbour_vector(self, message: Message) -> Optional[np.ndarray]:
        """The message's sentence vector from the configured featurizer, if it has one."""
        for feature in message.features:
            if feature.attribute == TEXT and feature.type == FEATURE_TYPE_SENTENCE \
                    and not feature.is_sparse() \
                    and self.config["neighbour_features"] in (feature.origin or ""):
                return np.asarray(feature.features, dtype=np.float32).ravel()
        return None

    def train(self, training_data: TrainingData) -> Resource:
        if int(self.config["neighbours"]) > 0:
            examples = [e for e in training_data.intent_examples
                        if e.get(INTENT) and e.get(TEXT) and self.votes_for(e.get(INTENT))]
            vectors = [self.neighbour_vector(e) for e in examples]
            if any(v is None for v in vectors):
                raise ValueError(
                    "WeightedLogisticRegressionClassifier: the neighbour vote needs sentence "
                    f"features from a '{self.config['neighbour_features']}' before it in the "
                    "pipeline")
            self.neighbour_vectors = self.unit_rows(np.vstack(vectors)) if vectors \
                else np.zeros((0, 0), dtype=np.float32)
            self.neighbour_intents = [e.get(INTENT) for e in examples]
        return super().train(training_data)

    def persist(self) -> None:
        super().persist()
        if self.neighbour_vectors is not None:
            with self._model_storage.write_to(self._resource) as model_dir:
                np.savez(model_dir / self.NEIGHBOURS_FILE, vectors=self.neighbour_vectors,
                         intents=np.array(self.neighbour_intents))

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any
             ) -> "WeightedLogisticRegressionClassifier":
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        if int(component.config["neighbours"]) > 0 and hasattr(component.clf, "classes_"):
            # A model trained with the vote always has the file; without it, answers would
            # silently differ from what was measured, so refuse to load.
            try:
                with model_storage.read_from(resource) as model_dir:
                    stored = np.load(model_dir / cls.NEIGHBOURS_FILE, allow_pickle=False)
                    component.neighbour_vectors = stored["vectors"]
                    component.neighbour_intents = [str(i) for i in stored["intents"]]
            except (ValueError, OSError) as error:
                raise ValueError("The intent classifier's model has no neighbour vote although "
                                 "config.yml asks for one: retrain the model.") from error
        return component

    def neighbour_votes(self, message: Message) -> Optional[np.ndarray]:
        """The nearest training questions' votes, per class of the classifier, summing to 1;
        None when the vote is off or has nothing to go on."""
        if self.neighbour_vectors is None or not self.neighbour_vectors.shape[0] \
                or not hasattr(self.clf, "classes_"):
            return None
        vector = self.neighbour_vector(message)
        if vector is None or vector.shape[0] != self.neighbour_vectors.shape[1]:
            return None
        norm = float(np.linalg.norm(vector))
        if not np.isfinite(norm) or norm == 0.0:
            return None
        similarity = self.neighbour_vectors @ (vector / norm)
        if float(similarity.max()) >= self.SAME_QUESTION:
            # A question the regression was trained on as worded: its label is known, and the
            # vote is for wordings unlike any example ("is it safe for dark skin?" is a risk
            # question in our data, though real visitors' near-copies are labelled suitability).
            return None
        k = min(int(self.config["neighbours"]), similarity.size)
        nearest = np.argpartition(-similarity, k - 1)[:k]
        index = {name: i for i, name in enumerate(self.clf.classes_)}
        votes = np.zeros(len(self.clf.classes_))
        for j in nearest:
            if self.neighbour_intents[j] in index:
                votes[index[self.neighbour_intents[j]]] += max(float(similarity[j]), 0.0)
        total = votes.sum()
        return votes / total if total > 0 else None

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
            if self.neighbour_vectors is None:
                return super().process(messages)
            rows = list(self.clf.predict_proba(self._create_X(messages)))
        share = float(self.config["neighbour_share"])
        voting = np.array([self.votes_for(name) for name in self.clf.classes_]) \
            if self.neighbour_vectors is not None else None
        for index, message in enumerate(messages):
            votes = self.neighbour_votes(message)
            if votes is not None:
                row = np.array(rows[index], dtype=np.float64)
                mass = row[voting].sum()  # what the regression gave the voting intents
                row[voting] = (1.0 - share) * row[voting] + share * votes[voting] * mass
                rows[index] = row
        for message, row in zip(messages, rows):
            ranking = sorted(({"name": name, "confidence": confidence}
                              for name, confidence in zip(self.clf.classes_, row)),
                             key=lambda entry: -entry["confidence"])
            message.set("intent", ranking[0], add_to_output=True)
            if self.config[RANKING_LENGTH] > 0:
                ranking = ranking[: self.config[RANKING_LENGTH]]
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages

