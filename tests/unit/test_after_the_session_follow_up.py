"""A bare "after" follow-up, read with the previous answer's topic (core/follow_ups.py and
nlu_components/reading/after_the_session.py)."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from conftest import reading_rule
from conftest import rasa_tracker_after as tracker_after
from core.follow_ups import asks_after_the_session

RULE = "after_the_session"


@pytest.mark.parametrize("text", [
    "and after?", "what about after", "ok and afterwards?", "and the day after?",
    "so right after that?", "um and after the treatment?",
    "fine, a little sting is ok. but is it sore afterwards", "n after does it hurt?",
])
def test_a_bare_after_follow_up(text):
    assert asks_after_the_session(text)


@pytest.mark.parametrize("text", [
    "and after the last one?",              # the end of the series: after_the_series
    "after that how long is my face red",   # a question of its own
    "can I wear makeup after?",
    "after?? how much is it",
    "does it hurt after the numbing wears off",  # a question of the session's own pain
    "does it still hurt after that",             # after the numbing: the pain with it on
    "after " + "really " * 30,
])
def test_a_follow_up_with_more_to_it_is_left_alone(text):
    assert not asks_after_the_session(text)


def parsed(text, intent="inform"):
    ranking = [{"name": intent, "confidence": 0.8}, {"name": "ask_downtime", "confidence": 0.1}]
    return Message({"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking,
                    "entities": []})


@pytest.mark.parametrize("topic, intent", [
    ("pain", "ask_downtime"), ("procedure", "ask_downtime"),
    # after the price or the series "after" may ask what they cost or what comes next
    ("cost", "inform"), ("treatment_plan", "inform"), (None, "inform"),
])
def test_after_an_answer_on_the_session_it_asks_about_the_days_after(topic, intent):
    message = reading_rule(RULE).process([parsed("and after?")], tracker_after(topic))[0]
    assert message.get("intent")["name"] == intent


def test_thanks_and_reports_keep_their_reading():
    for intent in ("thank", "stop", "report_complication"):
        message = reading_rule(RULE).process([parsed("and after?", intent)],
                                             tracker_after("pain"))[0]
        assert message.get("intent")["name"] == intent


@pytest.mark.parametrize("text, intent", [
    ("ok and after?", "inform"), ("ok cool. n after is it sore?", "ask_pain"),
])
def test_the_whole_stage_keeps_the_after_effects_over_pointing_back(text, intent):
    # same_topic, later in the stage, would point "and after?" back at the pain answer: it
    # leaves alone an article question a rule before it chose.
    from test_reading_rules import read
    ranking = {"second": "ask_downtime", "confidence": 0.35}
    assert read(text, intent, topic="pain", **ranking).get("intent")["name"] == "ask_downtime"


def test_the_whole_stage_still_points_a_bare_why_back():
    from test_reading_rules import read
    assert read("why?", "affirm", topic="pain", confidence=0.29,
                second="ask_pain").get("intent")["name"] == "ask_pain"
