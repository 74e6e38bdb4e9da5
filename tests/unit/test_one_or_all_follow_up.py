""""is that per session or for all of them?" read as a follow-up to the previous answer
(core/follow_ups.py and nlu_components/reading/)."""
import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from conftest import ROOT, reading_rule, reading_rule_settings
from conftest import rasa_tracker_after as tracker_after
from core.follow_ups import asks_one_session_or_all

RULE = "one_or_all"
SETTINGS = reading_rule_settings(RULE)


@pytest.mark.parametrize("text", [
    "is that per session or for the whole series?",
    "was that for a single visit or the entire course",
    "ok so is it per treatment or total?",
    "per sitting or for all of them?",
    "wait, are those figures for one appointment or the full package",
    "That's for the complete course or each session?",
    # the scope alone
    "and per session",
    "and for each visit?",
    "for the whole course?",
    # one side of it, asked of that answer
    "is that per session",
    "is that each time?",
    "ok is it every time?",
    "was that price for one visit?",
    # after a reaction to the answer
    "bruh. per time??",
    "wow ok and per session",
    # and a reaction after it that asks nothing
    "per session?? ngl thats a lot",
])
def test_asking_whether_that_was_for_one_session_or_all(text):
    assert asks_one_session_or_all(text)


@pytest.mark.parametrize("text", [
    "is one session enough or does it take the whole series",
    "how much is one session or a package of three",
    "how long is one session",
    "do they use new needles each time?",
    "is it just one session?",      # how many sessions
    "is it a single session?",
    "is that per session? and does it hurt",
    "is that per session? i have keloids",      # told, not a reaction
    "is that per session? face feels hot and tight",
    "is it painful each time?",
    "is that each time you go back for the maintenance ones after the series is done and paid",
    "do all of them hurt?",
    "is it per session or for all of them, and could you tell me about the numbing cream they use "
    "on my face beforehand",
    "does it hurt the first time or every time after that?",
    "does it work after one session or the full series?",
    "is it one treatment or do I need several of them?",
    "for one session or the whole series, how long is the downtime?",
    "",
    None,
])
def test_other_questions_are_not_that_follow_up(text):
    assert not asks_one_session_or_all(text)


def component():
    return reading_rule(RULE)


def parsed(text, intent="ask_procedure", entities=()):
    ranking = [{"name": intent, "confidence": 0.9}, {"name": "ask_cost", "confidence": 0.05}]
    return Message({"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking,
                    "entities": list(entities)})


QUESTION = "is that for one session or all of them?"
ONE_SESSION = {"entity": "num_sessions", "value": "one session"}


@pytest.mark.parametrize("topic", ["cost", "results", "downtime", "treatment_plan", "procedure"])
def test_after_an_answer_on_a_scoped_topic_it_becomes_the_follow_up_intent(topic):
    message = component().process([parsed(QUESTION, entities=[ONE_SESSION])],
                                  tracker_after(topic))[0]
    assert message.get("intent")["name"] == "inform"
    assert message.get("intent_ranking")[1]["name"] == "ask_procedure"
    # "one session" is the question's scope, not a count to price (actions/follow_up.py).
    assert message.get("entities") == []


@pytest.mark.parametrize("topic", [None, "what_is", "source", "provider"])
def test_with_no_answer_on_a_scoped_topic_before_it_the_reading_stays(topic):
    message = component().process([parsed(QUESTION, entities=[ONE_SESSION])],
                                  tracker_after(topic))[0]
    assert message.get("intent")["name"] == "ask_procedure"
    assert message.get("entities") == [ONE_SESSION]


def test_a_message_parsed_on_its_own_stays():
    assert component().process([parsed(QUESTION)])[0].get("intent")["name"] == "ask_procedure"


@pytest.mark.parametrize("intent", ["report_complication", "greet", "delete_conversation"])
def test_a_reading_that_is_not_a_question_stays(intent):
    message = component().process([parsed(QUESTION, intent)], tracker_after("cost"))[0]
    assert message.get("intent")["name"] == intent


def test_a_topic_the_article_never_covers_keeps_its_reading():
    gap = {"entity": "not_in_article", "value": "vs"}
    message = component().process([parsed(QUESTION, "out_of_scope", [gap])],
                                  tracker_after("cost"))[0]
    assert message.get("intent")["name"] == "out_of_scope"


def test_other_messages_keep_their_reading_after_an_answer():
    text = "how long does a session take?"
    message = component().process([parsed(text)], tracker_after("cost"))[0]
    assert message.get("intent")["name"] == "ask_procedure"


def test_the_configured_intents_and_topics_exist():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    from actions.topics import TOPIC_TITLES
    assert SETTINGS["intent"] in domain["intents"]
    assert set(SETTINGS["from_intents"]) - {"nlu_fallback"} <= set(domain["intents"])
    assert set(SETTINGS["topics"]) <= set(TOPIC_TITLES)
