"""The candidate screening: the verdict function and the form's validation action."""
import asyncio

import pytest
from rasa_sdk.events import SlotSet

from actions.knowledge import KNOWLEDGE
from actions.screening import (DARKER_SKIN_SLOT, UNCLEAR_SLOT, ActionCandidateVerdict,
                               ValidateCandidateForm, verdict)
from conftest import make_tracker

NO_TO_ALL = {"screen_wounds_or_infection": "no", "screen_scars": "no",
             "screen_poor_healing": "no", DARKER_SKIN_SLOT: "no"}


def test_nothing_rules_it_out():
    text = verdict(NO_TO_ALL)
    assert "Nothing you told me" in text and "not recommended" not in text
    assert "dermatologist makes the decision" in text and "hyperpigmentation" not in text


@pytest.mark.parametrize("slot", list(KNOWLEDGE["screening"]))
def test_each_contraindication_makes_it_not_recommended(slot):
    text = verdict(dict(NO_TO_ALL, **{slot: "yes"}))
    assert "not recommend" in text
    for name in KNOWLEDGE["screening"][slot]:
        assert KNOWLEDGE["contraindications"][name] in text
    assert "dermatologist makes the decision" in text


def test_darker_skin_adds_the_caution_but_does_not_rule_it_out():
    text = verdict(dict(NO_TO_ALL, **{DARKER_SKIN_SLOT: "yes"}))
    assert "hyperpigmentation" in text and "Nothing you told me" in text


def test_unsure_answers_are_named():
    text = verdict(dict(NO_TO_ALL, screen_poor_healing="unsure"))
    assert "weren't sure about a history of poor wound healing" in text


def test_verdict_reads_the_knowledge_list_only():
    knowledge = dict(KNOWLEDGE, contraindications=dict(KNOWLEDGE["contraindications"],
                                                       **{"open wounds": "OPEN-WOUNDS"}))
    assert "OPEN-WOUNDS" in verdict(dict(NO_TO_ALL, screen_wounds_or_infection="yes"),
                                    knowledge)


def validate(slots, text="", intent=""):
    dispatcher_messages = []

    class Dispatcher:
        def utter_message(self, **kwargs):
            dispatcher_messages.append(kwargs)

    tracker = make_tracker(slots=dict({"requested_slot": None}, **slots), text=text,
                           intent=intent)
    domain = {"forms": {"candidate_form": {"required_slots": list(NO_TO_ALL)}},
              "slots": {name: {} for name in list(NO_TO_ALL) + [UNCLEAR_SLOT]}}
    events = asyncio.run(ValidateCandidateForm().run(Dispatcher(), tracker, domain))
    return events, dispatcher_messages


def test_earlier_answers_fill_the_questions():
    events, _ = validate({"condition": ["keloid scars"], "skin_tone": "darker skin"},
                         intent="ask_candidate")
    assert SlotSet("screen_scars", "yes") in events
    assert SlotSet(DARKER_SKIN_SLOT, "yes") in events
    assert not any(e.get("name") == "screen_poor_healing" for e in events)


def test_an_unclear_answer_is_asked_again_once_then_marked_unsure():
    events, said = validate({"requested_slot": "screen_scars"}, text="hmm", intent="inform")
    assert SlotSet(UNCLEAR_SLOT, "screen_scars") in events
    assert said == [{"response": "utter_screening_unclear"}]
    events, _ = validate({"requested_slot": "screen_scars", UNCLEAR_SLOT: "screen_scars"},
                         text="dunno", intent="nlu_fallback")
    assert SlotSet("screen_scars", "unsure") in events


def test_another_question_is_not_taken_as_an_answer():
    events, said = validate({"requested_slot": "screen_scars"}, text="how much is it?",
                            intent="ask_cost")
    assert not any(e.get("name") in ("screen_scars", UNCLEAR_SLOT) for e in events)
    assert said == []


def test_verdict_action_sends_verdict_then_referral(dispatcher, domain):
    tracker = make_tracker(slots=dict(NO_TO_ALL, screen_scars="yes"))
    ActionCandidateVerdict().run(dispatcher, tracker, domain)
    assert "not recommend" in dispatcher.messages[0]["text"]
    assert dispatcher.messages[1]["response"] == "utter_provider_referral"
