"""The configurable classifier (nlu_components/intent_classifier.py): its defaults are Rasa's
stock classifier, and the config keys reach the sklearn model that is trained and saved."""
import copy

import numpy as np
import pytest
import scipy.sparse
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


def featurized(text, intent, rng):
    """A message with two sparse and two dense sentence features (and sequence features, which
    the classifier must not read), as the pipeline's featurizers leave them."""
    message = Message({TEXT: text, "intent": intent})
    for origin, width in (("regex", 5), ("counts", 40)):
        row = scipy.sparse.coo_matrix(rng.integers(0, 3, (1, width)) * (rng.random((1, width))
                                                                        < 0.2))
        message.add_features(Features(row, "sentence", TEXT, origin))
        message.add_features(Features(scipy.sparse.coo_matrix(np.ones((3, width))), "sequence",
                                      TEXT, origin))
    for origin, width in (("spacy", 6), ("encoder", 4)):
        message.add_features(Features(rng.normal(size=(1, width)), "sentence", TEXT, origin))
        message.add_features(Features(np.ones((3, width)), "sequence", TEXT, origin))
    return message


@pytest.mark.parametrize("ranking_length", [10, 2])
def test_fast_scoring_gives_sklearns_probabilities_and_ranking(tmp_path, ranking_length):
    rng = np.random.default_rng(7)
    examples = [featurized(f"text {i}", f"intent_{i % 4}", rng) for i in range(60)]
    clf = make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path),
               {"class_weight": "none", "ranking_length": ranking_length})
    clf.train(TrainingData(examples))
    for message in [featurized(f"new {i}", None, rng) for i in range(10)]:
        expected = clf.clf.predict_proba(clf._create_X([message]))[0]
        np.testing.assert_allclose(clf.probabilities(message), expected, rtol=1e-12,
                                   atol=1e-15)
        stock = LogisticRegressionClassifier.process(clf, [copy.deepcopy(message)])[0]
        ours = clf.process([message])[0]
        assert len(ours.get("intent_ranking")) == min(4, ranking_length)
        for mine, theirs in zip(ours.get("intent_ranking") + [ours.get("intent")],
                                stock.get("intent_ranking") + [stock.get("intent")]):
            assert mine["name"] == theirs["name"]
            assert mine["confidence"] == pytest.approx(theirs["confidence"], abs=1e-12)


def test_a_two_intent_model_and_non_finite_features_take_rasas_path(tmp_path):
    rng = np.random.default_rng(5)
    clf = make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path), {})
    clf.train(TrainingData([featurized(f"t {i}", f"i{i % 2}", rng) for i in range(20)]))
    assert clf.probabilities(featurized("new", None, rng)) is None  # sklearn's binary case
    (tmp_path / "three").mkdir()
    clf = make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path / "three"), {})
    clf.train(TrainingData([featurized(f"t {i}", f"i{i % 3}", rng) for i in range(30)]))
    broken = featurized("nan", None, rng)
    broken.features[-2].features[0, 0] = np.nan  # a dense sentence feature
    assert clf.probabilities(broken) is None
    with pytest.raises(ValueError):  # Rasa's path: sklearn refuses NaN, as before
        clf.process([broken])


def test_fast_scoring_declines_a_row_of_another_width(tmp_path):
    rng = np.random.default_rng(3)
    clf = make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path), {})
    clf.train(TrainingData([featurized(f"t {i}", f"i{i % 3}", rng) for i in range(30)]))
    narrower = Message({TEXT: "other"})
    narrower.add_features(Features(rng.normal(size=(1, 3)), "sentence", TEXT, "spacy"))
    assert clf.probabilities(narrower) is None
