"""A short question about what comes once the series is over, read with the previous answer's
topic (core/follow_ups.py and nlu_components/reading/)."""
import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from conftest import ROOT, reading_rule, reading_rule_settings
from conftest import rasa_tracker_after as tracker_after
from core.follow_ups import asks_after_the_series

RULE = "after_the_series"
SETTINGS = reading_rule_settings(RULE)


@pytest.mark.parametrize("text", [
    "and after the last one?",
    "after that",
    "once ive finished them all is that it",
    "when the series is over do i need more",
    "so after that, do i ever go back?",
    "after my final session does it keep improving",
    "ok and after the 6 sessions are done?",
    "once im through, are the results permanent",
    "and when I'm done with all of them?",
])
def test_a_question_about_the_end_of_the_series(text):
    assert asks_after_the_series(text)


@pytest.mark.parametrize("text", [
    "after that how long is my face red",
    "after the last session can i wear makeup",
    "how long after a session can I wash my face",
    "what happens after a session",
    "after the first one will i see anything",
    "and then?",
    "when will i see results",
    "once I'm done what does the whole thing cost",
    "after my last session I want to ask you about something else entirely that is on my mind",
    "ok then that's all, thanks!",
    "then those are all my questions",
    "when can I book them?",
    "when should I space them out",
    "is it once a month for those?",
    "after that, any risk of infection?",
    "after the last one, what are the side effects",
    "after that I want to talk to a person",
    "when am I allowed to go out again",
    "once I'm allergic to something can I still do it",
])
def test_a_message_with_a_topic_of_its_own_or_not_about_the_end_is_left_alone(text):
    assert not asks_after_the_series(text)


def component():
    return reading_rule(RULE)


def parsed(text, intent="ask_downtime", entities=()):
    ranking = [{"name": intent, "confidence": 0.8}, {"name": "ask_results", "confidence": 0.1}]
    return Message({"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking,
                    "entities": list(entities)})


@pytest.mark.parametrize("topic", ["treatment_plan", "results"])
def test_after_the_series_or_results_answer_it_asks_for_results(topic):
    message = component().process([parsed("and after the last one?")], tracker_after(topic))[0]
    assert message.get("intent")["name"] == "ask_results"
    assert message.get("intent_ranking")[0]["name"] == "ask_results"


@pytest.mark.parametrize("topic", [None, "cost", "downtime", "procedure"])
def test_after_any_other_answer_the_reading_stays(topic):
    message = component().process([parsed("and after the last one?")], tracker_after(topic))[0]
    assert message.get("intent")["name"] == "ask_downtime"


def test_a_message_parsed_on_its_own_stays():
    assert component().process([parsed("after that")])[0].get("intent")["name"] == \
        "ask_downtime"


def test_a_term_the_article_never_covers_keeps_its_reading():
    gap = {"entity": "not_in_article", "value": "botox"}
    message = component().process([parsed("after that can I get botox", "out_of_scope", [gap])],
                                  tracker_after("treatment_plan"))[0]
    assert message.get("intent")["name"] == "out_of_scope"


def test_the_configured_names_exist_in_the_domain():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert SETTINGS["intent"] in domain["intents"]
    from actions.topics import TOPIC_TITLES
    assert set(SETTINGS["topics"]) <= set(TOPIC_TITLES)


def test_after_this_one_session_is_not_the_end_of_the_series():
    assert not asks_after_the_series("and will I notice a change after just this one?")


@pytest.mark.parametrize("intent", ["thanks", "stop", "goodbye", "report_complication",
                                    "ask_human", "ask_booking"])
def test_only_a_question_the_classifier_read_is_relabelled(intent):
    message = component().process([parsed("and after the last one?", intent)],
                                  tracker_after("treatment_plan"))[0]
    assert message.get("intent")["name"] == intent



def test_a_long_message_is_never_read_as_this_follow_up():
    # Word count first: the regex never sees a long (or hostile) message.
    assert not asks_after_the_series("and after the last one " + "really " * 20 + "?")
