"""The configurable classifier (nlu_components/intent_classifier.py): its defaults are Rasa's
stock classifier, and the config keys reach the sklearn model that is trained and saved."""
import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu_components.intent_classifier import WeightedLogisticRegressionClassifier


def make(cls, storage, config):
    return cls.create({**cls.get_default_config(), **config}, storage, Resource("clf"),
                      ExecutionContext(graph_schema=None, node_name="clf"))


def messages():
    """Two intents, 9 to 3 examples, told apart by one dense feature."""
    out = []
    for index, (intent, value) in enumerate([("big", 1.0)] * 9 + [("small", -1.0)] * 3):
        message = Message({TEXT: f"text {index}", "intent": intent})
        message.add_features(Features(np.array([[value, 0.5]]), "sentence", TEXT, "test"))
        out.append(message)
    return out


def test_defaults_are_rasas_stock_classifier(tmp_path):
    ours = make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path), {})
    stock = make(LogisticRegressionClassifier, LocalModelStorage(tmp_path), {})
    assert ours.clf.get_params() == stock.clf.get_params()


def test_config_reaches_the_trained_and_reloaded_model(tmp_path):
    storage = LocalModelStorage(tmp_path)
    config = {"C": 7.0, "class_weight": "none"}
    trained = make(WeightedLogisticRegressionClassifier, storage, config)
    trained.train(TrainingData(messages()))
    loaded = WeightedLogisticRegressionClassifier.load(
        {**WeightedLogisticRegressionClassifier.get_default_config(), **config}, storage,
        Resource("clf"), ExecutionContext(graph_schema=None, node_name="clf"))
    assert loaded.clf.get_params()["C"] == 7.0
    assert loaded.clf.get_params()["class_weight"] is None
    parsed = loaded.process([m for m in messages() if m.get("intent") == "small"][:1])[0]
    assert parsed.get("intent")["name"] == "small"


def test_unweighted_gives_the_larger_intent_more_prior_than_balanced(tmp_path):
    # An input with no signal: balanced weights split it evenly, unweighted leans to "big".
    blank = Message({TEXT: "blank"})
    blank.add_features(Features(np.array([[0.0, 0.5]]), "sentence", TEXT, "test"))
    confidence = {}
    for weight in ("balanced", "none"):
        (tmp_path / weight).mkdir()
        clf = make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path / weight),
                   {"class_weight": weight})
        clf.train(TrainingData(messages()))
        ranking = clf.process([blank])[0].get("intent_ranking")
        confidence[weight] = {r["name"]: r["confidence"] for r in ranking}["big"]
    assert confidence["none"] > confidence["balanced"]
