"""Model selection (bench/research/dev_split.py): folds split each intent without overlap, and the
re-applied fallback predicts what Rasa's own FallbackClassifier does."""
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bench.research.dev_split import FALLBACK, apply_fallback, folds_of

PAIRS = [(f"{intent} example {n}", intent) for intent, count in (("a", 11), ("b", 7), ("c", 3))
         for n in range(count)]


def test_folds_partition_the_examples_and_spread_every_intent():
    folds = folds_of(PAIRS, 5)
    flat = [pair for fold in folds for pair in fold]
    assert sorted(flat) == sorted(PAIRS)
    for intent, count in (("a", 11), ("b", 7)):
        sizes = [sum(1 for _, i in fold if i == intent) for fold in folds]
        assert max(sizes) - min(sizes) <= 1, (intent, sizes)
    assert folds == folds_of(list(reversed(PAIRS)), 5)  # seeded: input order does not matter


RANKINGS = [
    [{"name": "ask_cost", "confidence": 0.62}, {"name": "inform", "confidence": 0.30}],
    [{"name": "ask_cost", "confidence": 0.45}, {"name": "inform", "confidence": 0.41}],
    [{"name": "ask_cost", "confidence": 0.29}, {"name": "inform", "confidence": 0.20}],
    [{"name": "greet", "confidence": 0.51}, {"name": "goodbye", "confidence": 0.49}],
]


@pytest.mark.parametrize("ranking", RANKINGS)
@pytest.mark.parametrize("threshold, ambiguity", [(0.3, 0.0), (0.4, 0.05), (0.5, 0.1)])
def test_apply_fallback_agrees_with_rasas_fallback_classifier(ranking, threshold, ambiguity):
    classifier = FallbackClassifier.create(
        {**FallbackClassifier.get_default_config(), "threshold": threshold,
         "ambiguity_threshold": ambiguity}, None, None,
        ExecutionContext(graph_schema=None, node_name="fallback"))
    message = Message({TEXT: "x", INTENT: dict(ranking[0]), INTENT_RANKING_KEY: list(ranking)})
    expected = classifier.process([message])[0].get(INTENT)["name"]
    assert apply_fallback(ranking, threshold, ambiguity) == expected
    assert expected in (FALLBACK, ranking[0]["name"])
