"""A short "how long?" read with the previous answer's topic (core/follow_ups.py and
nlu_components/reading/how_long.py)."""
import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from conftest import ROOT, reading_rule, reading_rule_settings
from conftest import rasa_tracker_after as tracker_after
from core.follow_ups import asks_how_long_that_lasts

RULE = "how_long_follow_up"


@pytest.mark.parametrize("text", [
    "for how long",
    "how long?",
    "and for how long?",
    "how long is that supposed to last?",
    "how long will it stay like this",
    "ok how long does that last",
    "how long until it goes away?",
    "and how long till that settles down",
    "how long does it take for it to fade",
    "for how many months",
    "and how many weeks does that last?",
])
def test_a_short_how_long_leans_on_the_answer_before(text):
    assert asks_how_long_that_lasts(text)


@pytest.mark.parametrize("text", [
    "how long does a session take?",
    "how long until I see results",
    "how long is the recovery",
    "how long do I wait between sessions",
    "how long does the numbing cream stay on",
    "how long will it take",
    "what is it",
    "how long have people been doing microneedling on their faces at home like this",
    "how long until the numbing cream wears off",
    "how long until the redness stops after a treatment",
    "how long until it ends up looking good",
    "how many weeks between sessions",
    "how many months until I see results",
])
def test_a_how_long_with_a_topic_of_its_own_is_left_alone(text):
    assert not asks_how_long_that_lasts(text)


def component():
    return reading_rule(RULE)


def parsed(text, intent="ask_procedure"):
    ranking = [{"name": intent, "confidence": 0.9}, {"name": "ask_results", "confidence": 0.05}]
    return Message({"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking})


@pytest.mark.parametrize("topic, intent", [("results", "ask_results"),
                                           ("downtime", "ask_downtime"),
                                           # after the series and its maintenance: the results'
                                           ("treatment_plan", "ask_results")])
def test_after_results_or_after_effects_it_asks_about_them(topic, intent):
    message = component().process([parsed("for how long")], tracker_after(topic))[0]
    assert message.get("intent")["name"] == intent
    assert message.get("intent_ranking")[1]["name"] == "ask_procedure"


@pytest.mark.parametrize("topic", [None, "cost", "procedure"])
def test_after_any_other_answer_the_reading_stays(topic):
    message = component().process([parsed("for how long")], tracker_after(topic))[0]
    assert message.get("intent")["name"] == "ask_procedure"


def test_a_message_parsed_on_its_own_stays():
    assert component().process([parsed("for how long")])[0].get("intent")["name"] == \
        "ask_procedure"


def test_a_question_with_its_own_topic_stays_after_results():
    text = "how long does a session take?"
    message = component().process([parsed(text)], tracker_after("results"))[0]
    assert message.get("intent")["name"] == "ask_procedure"


def test_the_configured_intents_exist_in_the_domain():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(reading_rule_settings(RULE)["topics"].values()) <= set(domain["intents"])


@pytest.mark.parametrize("text, soon", [
    ("how fast", True),
    ("how fast?", True),
    ("ok how soon would I see it", True),
    ("and how quickly does it work?", True),
    ("how soon would they look smaller", True),
    ("how soon will it look better", True),
    ("how quick is it?", False),    # the session's length
    ("how soon could i get in?", False),
    ("how soon can I start?", False),
    ("how quickly does it heal?", False),
    ("how fast does the numbing cream work", False),   # a topic of its own
    ("how soon can I book?", False),
    ("how fast can I get an appointment", False),
    ("how soon after a session can I wear makeup", False),
    ("", False),
    (None, False),
])
def test_a_bare_how_soon_leans_on_the_answer_before(text, soon):
    from core.follow_ups import asks_how_soon
    assert asks_how_soon(text) is soon


@pytest.mark.parametrize("topic, intent", [("treats", "ask_results"), ("what_is", "ask_results"),
                                           ("downtime", "ask_procedure"), ("cost", "ask_procedure"),
                                           (None, "ask_procedure")])
def test_how_fast_after_an_answer_asks_when_that_shows(topic, intent):
    message = component().process([parsed("how fast")], tracker_after(topic))[0]
    assert message.get("intent")["name"] == intent


@pytest.mark.parametrize("text", ["how long will that last?", "how fast"])
def test_after_a_report_of_their_own_neither_applies(text):
    # care_follow_up, before it, reads the question as about the visitor's symptom.
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.slots import BooleanSlot
    tracker = tracker_after("downtime")
    tracker.slots["reported_symptom"] = BooleanSlot("reported_symptom", mappings=[])
    tracker.update(SlotSet("reported_symptom", True))
    message = component().process([parsed(text, "report_complication")], tracker)[0]
    assert message.get("intent")["name"] == "report_complication"
