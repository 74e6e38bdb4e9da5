"""An article question read without confidence, with "not in the article" close behind, is
answered as unsure (nlu_components/reading/unsure_of_scope.py), and the unsure reply gives a
second article answer only when NLU is nearly as sure of it (actions/safety.py)."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from actions.safety import ActionAnswerUnknown, close_second
from conftest import (make_tracker, rasa_tracker_after, rasa_tracker_in_form, reading_rule,
                      reading_rule_settings)
from nlu_components.reading.rule import PLACED_BY

RULE = "unsure_of_scope"
SETTINGS = reading_rule_settings(RULE)
TOP_BELOW = SETTINGS["top_below"]
RATIO = SETTINGS["out_of_scope_ratio"]


def parsed(ranking, entities=()):
    ranking = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message({"text": "is it more expensive if you live in a big city?",
                    "intent": dict(ranking[0]), "intent_ranking": ranking,
                    "entities": list(entities)})


def read(message, topic=None):
    return reading_rule(RULE).process([message], rasa_tracker_after(topic))[0]


def intent(message):
    return message.get("intent")["name"]


def test_unsure_with_out_of_scope_close_behind_is_marked_unsure():
    top = TOP_BELOW - 0.1
    message = read(parsed([("ask_cost", top), ("out_of_scope", RATIO * top + 0.01),
                           ("ask_treatment_plan", 0.05)]))
    assert intent(message) == "nlu_fallback"
    # the ranking is kept: the reply answers the nearest topic after saying it is unsure
    assert [e["name"] for e in message.get("intent_ranking")][:3] == [
        "nlu_fallback", "ask_cost", "out_of_scope"]


@pytest.mark.parametrize("ranking, why", [
    ([("ask_cost", TOP_BELOW + 0.05), ("out_of_scope", TOP_BELOW - 0.1)], "confident enough"),
    ([("ask_cost", 0.5), ("ask_treatment_plan", 0.3), ("out_of_scope", 0.5 * RATIO - 0.05)],
     "out of scope far behind"),
    ([("out_of_scope", 0.5), ("ask_cost", 0.4)], "already out of scope"),
    ([("thanks", 0.5), ("out_of_scope", 0.45)], "not an article question"),
])
def test_otherwise_the_reading_stays(ranking, why):
    assert intent(read(parsed(ranking))) == ranking[0][0], why


def test_a_reading_a_rule_placed_stays():
    message = parsed([("ask_procedure", 0.5), ("out_of_scope", 0.45)])
    message.set(PLACED_BY, "session_length")
    assert intent(read(message)) == "ask_procedure"


def test_a_message_describing_a_symptom_keeps_its_reading():
    # symptom_report decided it; the unsure answer would run the symptom net again
    message = Message({"text": "my face is still swollen since my session, is that ok?",
                       "intent": {"name": "ask_downtime", "confidence": 0.5},
                       "intent_ranking": [{"name": "ask_downtime", "confidence": 0.5},
                                          {"name": "out_of_scope", "confidence": 0.45}],
                       "entities": []})
    assert intent(read(message)) == "ask_downtime"


def test_a_message_naming_a_condition_or_skin_tone_keeps_its_reading():
    # its answer speaks of what the visitor said ("You mentioned ...")
    message = parsed([("ask_suitability", 0.5), ("out_of_scope", 0.45)],
                     entities=[{"entity": "skin_tone", "value": "dark"}])
    assert intent(read(message)) == "ask_suitability"


def test_inside_the_screening_the_reading_stays():
    message = parsed([("ask_cost", 0.5), ("out_of_scope", 0.45)])
    reading_rule(RULE).process([message], rasa_tracker_in_form("open_wounds"))
    assert intent(message) == "ask_cost"


def ranking(*pairs):
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


@pytest.mark.parametrize("pairs, second", [
    ((("ask_cost", 0.4), ("ask_treatment_plan", 0.3)), True),
    ((("ask_cost", 0.4), ("out_of_scope", 0.3), ("ask_treatment_plan", 0.1)), False),
    ((("ask_cost", 0.4),), False),
])
def test_a_second_article_answer_only_when_nlu_is_nearly_as_sure(pairs, second):
    tracker = make_tracker(text="x", intent="nlu_fallback", ranking=ranking(*pairs))
    assert close_second(tracker) is second


def test_the_unsure_reply_gives_one_answer_when_the_second_is_far_behind(dispatcher, domain):
    tracker = make_tracker(text="is it more expensive if you live in a big city?",
                           intent="nlu_fallback",
                           ranking=ranking(("ask_cost", 0.45), ("out_of_scope", 0.3),
                                                  ("ask_treatment_plan", 0.12)))
    ActionAnswerUnknown().run(dispatcher, tracker, domain)
    texts = [m.get("text") or m.get("response") for m in dispatcher.messages]
    assert texts[0].startswith("I'm not sure I can answer that exactly")
    assert "about cost:" in texts[0] and "number of sessions" not in texts[0]
