"""Keeps the held-out NLU test set honest and the synonyms consistent with the actions."""
import re

import pytest
import yaml

from actions.context import DARKER_SKIN
from core.knowledge import KNOWLEDGE
from conftest import ROOT


def normalise(text):
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # entity annotations
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def examples(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for block in data.get("nlu", []):
        for line in block.get("examples", "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                yield block.get("intent") or block.get("synonym") or block.get("lookup"), line[2:]


def training_sentences():
    return {normalise(text) for path in (ROOT / "data" / "nlu").glob("*.yml")
            for _, text in examples(path)}


def test_no_heldout_sentence_is_in_the_training_data():
    training = training_sentences()
    leaked = [text for _, text in examples(ROOT / "tests" / "nlu_heldout.yml")
              if normalise(text) in training]
    assert leaked == []


def test_heldout_set_covers_every_intent():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    tested = {intent for intent, _ in examples(ROOT / "tests" / "nlu_heldout.yml")}
    assert set(domain["intents"]) <= tested


def test_synonym_targets_are_values_the_actions_know():
    synonyms = {name for name, _ in examples(ROOT / "data" / "nlu" / "synonyms.yml")}
    known = set(KNOWLEDGE["contraindications"]) | {DARKER_SKIN, "lighter skin"}
    assert synonyms <= known
    assert set(KNOWLEDGE["contraindications"]) <= synonyms


def test_no_safety_phrasing_is_in_the_training_data():
    phrasings = yaml.safe_load((ROOT / "tests" / "safety_heldout.yml").read_text())["phrasings"]
    assert len(phrasings) >= 20
    training = training_sentences()
    assert [p for p in phrasings if normalise(p) in training] == []


def project_knowledge_text():
    """What the assistant says the article says: the knowledge file and the domain's responses.
    The repository stands alone, so the check reads these rather than a copy of the article."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    responses = " ".join(variant.get("text", "") for variants in domain["responses"].values()
                         for variant in variants)
    return ((ROOT / "core" / "knowledge.yml").read_text(encoding="utf-8") + " " +
            responses).lower()


def test_topics_marked_not_in_article_are_not_in_the_knowledge():
    # The lookup feature pushes toward "the article doesn't cover that": a word the article
    # (as the project states it) does use would push an answerable question away from its answer.
    knowledge = project_knowledge_text()
    words = [text for name, text in examples(ROOT / "data" / "nlu" / "out_of_scope.yml")
             if name == "topic_not_in_article"]
    assert len(words) > 20
    in_knowledge = [w for w in words if re.search(rf"\b{re.escape(w.lower())}\b", knowledge)]
    assert in_knowledge == []


def gap_terms():
    return {text.strip().lower() for name, text in
            examples(ROOT / "data" / "nlu" / "out_of_scope.yml") if name == "topic_not_in_article"}


def test_every_gap_term_with_a_reply_name_is_in_the_lookup_table():
    from core.gaps import GAP_TERM_NAMES
    assert set(GAP_TERM_NAMES) - gap_terms() == set()


@pytest.mark.parametrize("term, why", [
    ("compared to", "recovery is minimal compared with chemical or laser treatments"),
    ("oily skin", "a skin type: the article says all skin types"),
    ("oily", "a skin type: the article says all skin types"),
    ("dark spots", "the darkened patches of hyperpigmentation, the risk for darker skin"),
    ("licensed", "who performs it: a dermatologist or an aesthetician"),
    ("medicine", "the numbing cream is a medicine"),
    ("cystic acne", "acne scars"),
    ("cold sore", "a report after a treatment must reach the symptom net, not the gap reply"),
    ("herpes", "a report after a treatment must reach the symptom net, not the gap reply"),
])
def test_words_the_article_covers_in_other_words_are_no_gap_term(term, why):
    # The lookup also feeds the classifier: a gap term pulls a message away from its answer.
    assert term not in gap_terms(), why


def test_the_articles_own_device_is_not_a_gap_term():
    # The article's device is an electronic pen with fine needles; "Dermapen" is a brand of that
    # kind of pen, so "does dermapen hurt?" is an article question, not a topic it never covers.
    assert "dermapen" not in gap_terms()


def test_no_sentence_of_a_held_out_set_is_in_the_training_data():
    # The held-out NLU set, the safety phrasings and the polarity set
    # (corpus/data/polarity/) are only ever asked, never learned.
    from corpus.sets import held_out_sentences, load_polarity
    training = training_sentences()
    held_out = held_out_sentences()
    assert len(load_polarity()) >= 150 and {p.text for p in load_polarity()} <= set(held_out)
    assert [text for text in held_out if normalise(text) in training] == []
