"""The asked fact first (core/asked_fact.py, actions/asked_fact.py): a question about one part
of the procedure or of the series gets that part's sentences of the fixed reply, which keep
every figure from the facts; any other question gets the whole reply."""
import pytest

from actions.asked_fact import ActionAnswerAskedFact
from conftest import make_tracker
from core.asked_fact import asked, focused_reply
from core.knowledge import KNOWLEDGE, citation, render_reply


@pytest.mark.parametrize("reply, text, sub", [
    ("utter_procedure", "how long is a session?", "session_length"),
    ("utter_procedure", "how long does the numbing take?", "numbing"),
    ("utter_procedure", "what device do they use", "device"),
    ("utter_procedure", "who does the procedure", "who_performs"),
    ("utter_procedure", "what serums do they put on", "serums"),
    ("utter_procedure", "how is it done?", None),
    ("utter_treatment_plan", "do I need maintenance after?", "maintenance"),
    ("utter_treatment_plan", "do I need to come back after the six sessions?", "maintenance"),
    ("utter_treatment_plan", "will I have to keep going back forever?", "maintenance"),
    ("utter_treatment_plan", "what about upkeep?", "maintenance"),
    ("utter_treatment_plan", "how far apart are sessions", "spacing"),
    ("utter_treatment_plan", "at what intervals are the treatments given?", "spacing"),
    # both asked: the whole reply
    ("utter_treatment_plan", "before the maintenance stage, how many treatments and at what "
                             "intervals?", None),
    ("utter_treatment_plan", "how many sessions do I need", None),
])
def test_the_sub_question_asked(reply, text, sub):
    assert asked(reply, text) == sub


def test_the_focused_reply_is_sentences_of_the_fixed_reply():
    full = render_reply("utter_procedure", KNOWLEDGE)
    focused = focused_reply("utter_procedure", "how long does the numbing take?")
    first = focused.split(citation(KNOWLEDGE))[0].strip()
    assert first and first in full and "numbing" in first.lower()
    assert "hyaluronic" not in focused  # the serums' sentence is left for its own question
    assert citation(KNOWLEDGE) in focused


def test_two_sub_questions_get_the_whole_reply():
    assert focused_reply("utter_procedure", "what device and what serums?") is None


def test_the_action_answers_the_asked_fact_or_the_whole_reply(dispatcher, domain):
    tracker = make_tracker(text="how long is a session?", intent="ask_procedure")
    ActionAnswerAskedFact().run(dispatcher, tracker, domain)
    assert "minutes" in dispatcher.messages[0]["text"]
    assert "hyaluronic" not in dispatcher.messages[0]["text"]
    dispatcher.messages.clear()
    tracker = make_tracker(text="how many sessions?", intent="ask_treatment_plan")
    ActionAnswerAskedFact().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_treatment_plan"


def after(answered_by, slots, text):
    """A tracker whose previous answer was given by `answered_by`, then the visitor's `text`."""
    tracker = make_tracker(slots=slots, text=text, intent="ask_treatment_plan")
    tracker.events[:0] = [{"event": "user", "text": "earlier question"},
                          {"event": "action", "name": answered_by},
                          {"event": "action", "name": "action_ask_feedback"}]
    return tracker


@pytest.mark.parametrize("answered_by, slots, text", [
    ("action_answer_asked_fact", {"last_fact": "maintenance"}, "how often tho"),
    # the results answer ends on the maintenance treatments
    ("utter_results", {}, "how often would those be"),
])
def test_how_often_after_the_maintenance_answer_asks_of_maintenance(dispatcher, domain,
                                                                    answered_by, slots, text):
    tracker = after(answered_by, slots, text)
    events = ActionAnswerAskedFact().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("The article doesn't say how often maintenance treatments")
    assert "weeks apart" in text  # and the series' own spacing, from the fixed reply
    assert events == [{"event": "slot", "timestamp": None, "name": "last_fact",
                       "value": "spacing"}]


@pytest.mark.parametrize("answered_by, slots, text", [
    # the maintenance answer was not the last one: the slot is stale
    ("action_answer_cost", {"last_fact": "maintenance"}, "how often"),
    # the series asked by name
    ("action_answer_asked_fact", {"last_fact": "maintenance"}, "how often are the sessions"),
    ("action_answer_asked_fact", {"last_fact": "session_length"}, "how often"),
])
def test_how_often_otherwise_gets_the_series_spacing(dispatcher, domain, answered_by, slots,
                                                     text):
    ActionAnswerAskedFact().run(dispatcher, after(answered_by, slots, text), domain)
    assert not dispatcher.messages[0]["text"].startswith("The article doesn't say")
    assert "weeks apart" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize("text", ["so how often maintnance", "how often do i need maintenance "
                                  "treatments", "how far apart are the touch-ups"])
def test_how_often_maintenance_comes_is_said_plainly_after_any_answer(dispatcher, domain, text):
    ActionAnswerAskedFact().run(dispatcher, after("utter_cost", {}, text), domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("The article doesn't say how often maintenance treatments")
    assert "weeks apart" in text


def test_how_often_the_sessions_come_before_maintenance_is_the_series_spacing(dispatcher,
                                                                             domain):
    text = "how often are the sessions and is there maintenance"
    ActionAnswerAskedFact().run(dispatcher, after("utter_cost", {}, text), domain)
    assert not (dispatcher.messages[0].get("text") or "").startswith("The article doesn't say")
