"""The lemmas the classifier's word counts are built from (build/spacy_pipeline, built by make).

The lookup lemmatizer knows no part of speech: without nlp/build_spacy.py's KEEP_AS_WRITTEN it
turns "most" into "much", the cost question's word."""
import pytest


def lemmas(nlp, text):
    return [token.lemma_ for token in nlp(text.lower())]


@pytest.mark.parametrize("text, expected", [
    ("what are the most common side effects", "most"),
    ("do i need more sessions", "more"),
    ("does it get worse before it gets better", "worse"),
    ("what's the price", "'s"),
])
def test_degree_words_keep_their_own_form(nlp, text, expected):
    assert expected in lemmas(nlp, text)
    assert "much" not in lemmas(nlp, text)


@pytest.mark.parametrize("text, lemma", [
    ("how many needles", "needle"),
    ("my scars", "scar"),
    ("is peeling normal", "peel"),
])
def test_other_words_are_still_lemmatised(nlp, text, lemma):
    assert lemma in lemmas(nlp, text)


def test_how_much_is_still_much(nlp):
    assert "much" in lemmas(nlp, "how much is it")
