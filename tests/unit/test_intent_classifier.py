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


# The neighbour vote: the encoder's sentence vectors of the training questions, nearest first.
NEIGHBOUR_CONFIG = {"class_weight": "none", "neighbours": 3, "neighbour_share": 0.5,
                    "neighbour_features": "SentenceEncoder"}


def with_encoder(text, intent, counts, vector):
    """A message with a dense counts-like feature and the encoder's vector."""
    message = Message({TEXT: text, "intent": intent})
    message.add_features(Features(np.array([counts], dtype=float), "sentence", TEXT, "spacy"))
    message.add_features(Features(np.array([vector], dtype=float), "sentence", TEXT,
                                  "run_SentenceEncoderFeaturizer2"))
    return message


def neighbour_training():
    return [with_encoder("a1", "a", [1, 0], [1, 0, 0]),
            with_encoder("a2", "a", [1, 0], [1, .1, 0]),
            with_encoder("a3", "a", [1, 0], [.9, 0, .1]),
            with_encoder("b1", "b", [0, 1], [0, 1, 0]),
            with_encoder("b2", "b", [0, 1], [0, 1, .1]),
            with_encoder("c1", "c", [.5, .5], [0, 0, 1])]


def test_the_neighbour_vote_mixes_the_nearest_questions_votes_in(tmp_path):
    storage = LocalModelStorage(tmp_path)
    trained = make(WeightedLogisticRegressionClassifier, storage, NEIGHBOUR_CONFIG)
    trained.train(TrainingData(neighbour_training()))
    # Worded like "a" (counts), meaning like "b" (the encoder's vector).
    question = with_encoder("q", None, [1, 0], [0.3, 1, 0.15])
    regression = trained.clf.predict_proba(trained._create_X([question]))[0]
    vectors = np.array([[1, 0, 0], [1, .1, 0], [.9, 0, .1], [0, 1, 0], [0, 1, .1], [0, 0, 1]])
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    similarity = vectors @ (np.array([0.3, 1, 0.15]) / np.linalg.norm([0.3, 1, 0.15]))
    nearest = np.argsort(-similarity)[:3]  # b1, b2 and a2
    votes = {"a": 0.0, "b": 0.0, "c": 0.0}
    for j in nearest:
        votes["aaabbc"[j]] += similarity[j]
    votes = np.array([votes[c] for c in trained.clf.classes_]) / sum(votes.values())
    expected = 0.5 * regression + 0.5 * votes
    ranking = trained.process([question])[0].get("intent_ranking")
    got = {r["name"]: r["confidence"] for r in ranking}
    assert [got[c] for c in trained.clf.classes_] == pytest.approx(list(expected), abs=1e-6)
    assert ranking[0]["name"] == "b"
    assert trained.clf.classes_[regression.argmax()] == "a"


def test_the_neighbour_vote_survives_saving_and_loading(tmp_path):
    storage = LocalModelStorage(tmp_path)
    trained = make(WeightedLogisticRegressionClassifier, storage, NEIGHBOUR_CONFIG)
    trained.train(TrainingData(neighbour_training()))
    loaded = WeightedLogisticRegressionClassifier.load(
        {**WeightedLogisticRegressionClassifier.get_default_config(), **NEIGHBOUR_CONFIG},
        storage, Resource("clf"), ExecutionContext(graph_schema=None, node_name="clf"))
    assert loaded.neighbour_intents == ["a", "a", "a", "b", "b", "c"]
    question = with_encoder("q", None, [1, 0], [0.3, 1, 0.15])
    assert loaded.process([copy.deepcopy(question)])[0].get("intent_ranking") == \
        trained.process([copy.deepcopy(question)])[0].get("intent_ranking")


def test_without_the_vote_the_regression_alone_decides(tmp_path):
    storage = LocalModelStorage(tmp_path)
    plain = make(WeightedLogisticRegressionClassifier, storage,
                 {**NEIGHBOUR_CONFIG, "neighbours": 0})
    plain.train(TrainingData(neighbour_training()))
    question = with_encoder("q", None, [1, 0], [0.3, 1, 0.15])
    regression = plain.clf.predict_proba(plain._create_X([question]))[0]
    ranking = plain.process([question])[0].get("intent_ranking")
    assert {r["name"]: r["confidence"] for r in ranking} == pytest.approx(
        dict(zip(plain.clf.classes_, regression)), abs=1e-9)


def test_the_vote_without_the_encoder_before_it_is_a_clear_error(tmp_path):
    trained = make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path),
                   NEIGHBOUR_CONFIG)
    with pytest.raises(ValueError, match="sentence features"):
        trained.train(TrainingData(messages()))


@pytest.mark.parametrize("bad", [{"neighbours": -1}, {"neighbour_share": 1.5},
                                 {"neighbour_intents": "ask_cost"}])
def test_bad_vote_settings_are_refused(tmp_path, bad):
    with pytest.raises(ValueError):
        make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path),
             {**NEIGHBOUR_CONFIG, **bad})


def test_a_message_without_an_encoder_vector_gets_the_regression_alone(tmp_path):
    trained = make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path),
                   NEIGHBOUR_CONFIG)
    trained.train(TrainingData(neighbour_training()))
    # The same width of features, but none from the encoder: nothing to find neighbours by.
    bare = Message({TEXT: "q"})
    bare.add_features(Features(np.array([[1.0, 0.0]]), "sentence", TEXT, "spacy"))
    bare.add_features(Features(np.array([[0.3, 1.0, 0.15]]), "sentence", TEXT, "other"))
    assert trained.neighbour_votes(bare) is None
    regression = trained.clf.predict_proba(trained._create_X([bare]))[0]
    ranking = trained.process([bare])[0].get("intent_ranking")
    assert {r["name"]: r["confidence"] for r in ranking} == pytest.approx(
        dict(zip(trained.clf.classes_, regression)), abs=1e-9)


def test_a_model_without_its_neighbours_is_refused(tmp_path):
    storage = LocalModelStorage(tmp_path)
    make(WeightedLogisticRegressionClassifier, storage,
         {**NEIGHBOUR_CONFIG, "neighbours": 0}).train(TrainingData(neighbour_training()))
    with pytest.raises(ValueError, match="retrain"):
        WeightedLogisticRegressionClassifier.load(
            {**WeightedLogisticRegressionClassifier.get_default_config(), **NEIGHBOUR_CONFIG},
            storage, Resource("clf"), ExecutionContext(graph_schema=None, node_name="clf"))


def test_only_the_voting_intents_vote_and_only_their_share_is_moved(tmp_path):
    # "c" stands for a control intent such as "stop": it never votes, and the vote moves only
    # the probability the regression gave "a" and "b".
    config = {**NEIGHBOUR_CONFIG, "neighbour_intents": ["a", "b"]}
    trained = make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path), config)
    trained.train(TrainingData(neighbour_training()))
    assert trained.neighbour_intents == ["a", "a", "a", "b", "b"]
    # Right on c1's vector: without the restriction, c1 would vote for "c".
    question = with_encoder("q", None, [.5, .5], [0.05, 0.1, 1])
    regression = dict(zip(trained.clf.classes_,
                          trained.clf.predict_proba(trained._create_X([question]))[0]))
    got = {r["name"]: r["confidence"]
           for r in trained.process([question])[0].get("intent_ranking")}
    assert got["c"] == pytest.approx(regression["c"], abs=1e-9)
    assert got["a"] + got["b"] == pytest.approx(regression["a"] + regression["b"], abs=1e-9)
    assert got["b"] != pytest.approx(regression["b"], abs=1e-6)


def test_the_configured_voting_intents_exist_in_the_domain():
    import yaml
    from conftest import ROOT
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    classifier = next(c for c in config["pipeline"]
                      if c["name"].endswith("WeightedLogisticRegressionClassifier"))
    assert classifier["neighbours"] > 0
    assert set(classifier["neighbour_intents"]) <= set(domain["intents"])
    # Answers to a question only: no control intent may be chosen by neighbours.
    assert not {"stop", "deny", "affirm", "delete_conversation", "greet", "goodbye",
                "thanks"} & set(classifier["neighbour_intents"])


def test_a_training_question_as_worded_gets_the_regression_alone(tmp_path):
    trained = make(WeightedLogisticRegressionClassifier, LocalModelStorage(tmp_path),
                   NEIGHBOUR_CONFIG)
    trained.train(TrainingData(neighbour_training()))
    same = with_encoder("a2", None, [1, 0], [1, .1, 0])  # a2's own vector
    assert trained.neighbour_votes(same) is None
    near = with_encoder("q", None, [1, 0], [1, .3, 0.1])  # cosine 0.977 to a2, the nearest
    assert trained.neighbour_votes(near) is not None
