"""nlp/minilm.py against the reference: the token ids and vectors below were produced by Hugging
Face transformers 4.46.3 (BertTokenizer, BertModel on torch 2.13.0, mean pooling and unit length,
as sentence-transformers does) from the same package's files, once, outside this project."""
import numpy as np
import pytest

from nlp.minilm import shared_model

REFERENCE = {
    "Is microneedling safe for darker skin?": (
        [101, 2003, 12702, 24045, 14423, 3647, 2005, 9904, 3096, 1029, 102],
        [0.07063, 0.0118, 0.0529, 0.0004, 0.03866, -0.03902]),
    "hw much 4 3 sesions??": (
        [101, 1044, 2860, 2172, 1018, 1017, 7367, 27466, 1029, 1029, 102],
        [0.02627, 0.00621, -0.04956, -0.01592, -0.09946, -0.04526]),
    "Café naïve—résumé!": (
        [101, 7668, 15743, 1517, 13746, 999, 102],
        [-0.02423, -0.00221, 0.02611, 0.04157, 0.06074, 0.06521]),
}


@pytest.fixture(scope="module")
def model():
    return shared_model()


@pytest.mark.parametrize("text", sorted(REFERENCE))
def test_word_pieces_match_bert_uncased(model, text):
    assert model.tokenizer.encode(text) == REFERENCE[text][0]


def test_vectors_match_the_reference_in_a_padded_batch(model):
    texts = sorted(REFERENCE)
    vectors = model.encode(texts)
    for text, vector in zip(texts, vectors):
        assert vector[:6] == pytest.approx(REFERENCE[text][1], abs=2e-4)
        assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)


def test_a_text_alone_gets_the_same_vector_as_in_a_batch(model):
    texts = sorted(REFERENCE)
    alone = model.encode(["hw much 4 3 sesions??"])[0]
    batched = model.encode(texts)[texts.index("hw much 4 3 sesions??")]
    assert alone == pytest.approx(batched, abs=1e-5)


def test_long_messages_are_cut_and_odd_input_still_encodes(model):
    assert len(model.tokenizer.encode("needle " * 1000)) == 128
    vectors = model.encode(["", "\u200b\u0000\ufffd", "😀" * 50, "x" * 500])
    assert vectors.shape == (4, 384) and np.isfinite(vectors).all()


def test_8_bit_weights_keep_each_vector_close_to_the_float_one(model):
    texts = sorted(REFERENCE) + ["does it hurt?", "how long until the redness goes away",
                                 "Can I get it done if I have keloids?"]
    float_vectors = model.encode(texts)
    eight_bit = shared_model(quantized=True).encode(texts)
    cosines = (float_vectors * eight_bit).sum(axis=1)
    # Just under the lowest cosine measured on the training sentences (docs/performance.md, MiniLM).
    assert cosines.min() > 0.95
    assert cosines.max() < 0.99999  # the quantized graph really is another computation
    assert np.linalg.norm(eight_bit, axis=1) == pytest.approx(np.ones(len(texts)), abs=1e-5)
