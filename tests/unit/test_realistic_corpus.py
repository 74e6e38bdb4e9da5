"""The realistic question corpus (corpus/data/) and the scoring of bench-real."""
from collections import Counter

import pytest
import yaml

from actions import cost, downtime, pain, risk
from actions.context import VisitorContext
from core.knowledge import KNOWLEDGE
from actions.safety import NOT_IN_ARTICLE, NOT_UNDERSTOOD
from bench.realistic import passes
from corpus.sets import (COMPLICATION, OUT_OF_SCOPE, TOPIC_INTENTS, as_training_text, fold_of_sites,
                         held_out_sentences, load_corpus, normalise, site_of, visitors_nlu)
from conftest import ROOT

CORPUS = load_corpus()
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def response(name):
    return DOMAIN["responses"][name][0]["text"]


def test_the_corpus_is_as_large_and_varied_as_the_issue_asks():
    kinds = Counter(item.kind for item in CORPUS.items)
    assert kinds["question"] >= 600
    assert kinds["two_questions"] >= 60
    assert kinds["conversation"] >= 40
    assert len(CORPUS.sites) >= 40
    assert all(item.source.startswith(("http://", "https://")) for item in CORPUS.items)


def test_every_topic_names_an_intent_of_the_domain():
    assert set(TOPIC_INTENTS.values()) <= set(DOMAIN["intents"])


def test_sites_are_registrable_domains_and_folds_keep_them_whole():
    assert site_of("https://ca.feau.com/x") == site_of("https://au.feau.com/y") == "feau.com"
    assert site_of("https://www.clinic.co.uk/faq") == "clinic.co.uk"
    folds = fold_of_sites(CORPUS.sites, 5)
    assert set(folds.values()) == set(range(5))


# Each topic's fact, as our own answer states it: the scorer must recognise it (else no reply
# could pass), and must not find it in the reply to another question.
ANSWERS = {
    "what_is": response("utter_what_is"),
    "treats": response("utter_treats"),
    "session_length": response("utter_procedure"),
    "device": response("utter_procedure"),
    "who_performs": response("utter_procedure"),
    "serums": response("utter_procedure"),
    "numbing": pain.answer(KNOWLEDGE, VisitorContext()),
    "pain": pain.answer(KNOWLEDGE, VisitorContext()),
    "sessions": response("utter_treatment_plan"),
    "maintenance": response("utter_treatment_plan"),
    "skin_types": response("utter_suitability"),
    "darker_skin": response("utter_suitability"),
    "contraindications": response("utter_suitability"),
    "downtime": downtime.answer(KNOWLEDGE, VisitorContext()),
    "side_effects": downtime.answer(KNOWLEDGE, VisitorContext()),
    "risk": risk.answer(KNOWLEDGE, VisitorContext()),
    "provider": response("utter_provider_referral"),
    "results_timing": response("utter_results"),
    "results_after": response("utter_results"),
    "cost": cost.answer(KNOWLEDGE, VisitorContext()),
    "source": response("utter_source"),
    COMPLICATION: response("utter_seek_care"),
}


@pytest.mark.parametrize("topic", sorted(ANSWERS))
def test_the_scorer_recognises_our_own_answer_for_each_topic(topic):
    assert passes(ANSWERS[topic], [topic])


@pytest.mark.parametrize("topic", ["cost", "pain", "sessions", "results_timing", COMPLICATION])
def test_the_scorer_does_not_pass_another_topic_s_answer(topic):
    assert not passes(response("utter_what_is"), [topic])


def test_honest_not_in_article_replies_pass_out_of_scope_only():
    assert passes(NOT_IN_ARTICLE, [OUT_OF_SCOPE]) and passes(NOT_UNDERSTOOD, [OUT_OF_SCOPE])
    assert not passes(response("utter_what_is"), [OUT_OF_SCOPE])
    assert not passes(NOT_IN_ARTICLE, ["cost"])


def test_training_text_has_no_entity_markup():
    assert as_training_text("is it [really] safe (for me)?\n") == "is it (really) safe (for me)?"


def test_no_held_out_sentence_becomes_training_data():
    held_out = {normalise(s) for s in held_out_sentences()}
    generated = visitors_nlu(CORPUS, held_out_sentences(), "#")
    lines = [line.strip()[2:] for line in generated.splitlines() if line.strip().startswith("- ")]
    assert lines and not [line for line in lines if normalise(line) in held_out]


def test_the_visitors_training_file_is_current():
    # data/nlu/visitors.yml is generated from the corpus by corpus/to_nlu.py.
    committed = (ROOT / "data" / "nlu" / "visitors.yml").read_text(encoding="utf-8")
    body = committed[committed.index('version: "3.1"'):]
    generated = visitors_nlu(CORPUS, held_out_sentences(), "#")
    assert body == generated[generated.index('version: "3.1"'):]


def test_the_encoder_variant_is_config_yml_with_the_other_encoder():
    from bench.encoder_variant import variant
    ours = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    other = variant(yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8")))
    encoders = [c for c in other["pipeline"] if c["name"].endswith("SentenceEncoderFeaturizer")]
    assert [c["model"] for c in encoders] == ["use"]
    encoders[0]["model"] = "minilm"
    assert other == ours


def test_bench_real_reports_single_questions_per_gathering():
    from bench.real_questions import report
    from corpus.sets import Item
    items = [Item("question", "https://a.example/x", ["how much?"], [["cost"]], "alpha"),
             Item("question", "https://a.example/x", ["is it safe?"], [["risk"]], "alpha"),
             Item("question", "https://b.example/y", ["insurance?"], [[OUT_OF_SCOPE]], "bravo")]
    text = report([(items[0], [""], [True]), (items[1], [""], [False]),
                   (items[2], [""], [True])], CORPUS, "test")
    assert "| alpha | 0.500 | 2 | - | 0 |" in text
    assert "| bravo | - | 0 | 1.000 | 1 |" in text


def test_every_corpus_item_knows_its_gathering():
    assert {item.gathering for item in CORPUS.items} == {
        path.stem for path in (ROOT / "corpus" / "data" / "questions").glob("*.yml")}


def test_partly_answered_questions_are_not_training_examples_by_default():
    from corpus.sets import Item, training_examples
    partly = Item("question", "https://a.example/x", ["how many sessions for my belly?"],
                  [["sessions", OUT_OF_SCOPE]], "alpha")
    assert training_examples([partly]) == {}
    assert training_examples([partly], partials=True) == {
        "ask_treatment_plan": ["how many sessions for my belly?"]}
