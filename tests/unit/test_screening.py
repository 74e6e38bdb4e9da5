"""The candidate screening: the verdict function and the form's validation action."""
import asyncio

import pytest
from rasa_sdk.events import SlotSet

from core.knowledge import KNOWLEDGE
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


def test_unsure_answers_are_named_and_never_read_as_yes_or_no():
    text = verdict(dict(NO_TO_ALL, screen_poor_healing="unsure"))
    assert "couldn't tell your answer about a history of poor wound healing" in text
    assert "not recommend micro-needling for anyone with a history of poor wound healing" in text
    assert "dermatologist or your provider" in text and "dermatologist makes the decision" in text
    # Not "nothing rules it out" (a no), not "would not recommend it for you" (a yes).
    assert "Nothing you told me" not in text and "would not recommend micro-needling for you" \
        not in text
    assert "can't tell from your answers" in text


def test_unsure_next_to_a_yes_keeps_both():
    text = verdict(dict(NO_TO_ALL, screen_scars="yes", screen_wounds_or_infection="unsure"))
    assert "would not recommend micro-needling for you" in text
    assert "a history of keloid scars or a history of hypertrophic scars." in text
    assert "couldn't tell your answer about open wounds or a skin infection" in text


def test_unsure_about_darker_skin_gives_the_caution_as_conditional():
    text = verdict(dict(NO_TO_ALL, **{DARKER_SKIN_SLOT: "unsure"}))
    assert "couldn't tell whether your skin tone is darker. If it is:" in text
    assert KNOWLEDGE["risk"]["darker_skin_caution"].split()[0] in text
    assert "hyperpigmentation" in text and "Nothing you told me" in text


@pytest.mark.parametrize("stated, denied, named, not_named", [
    (["hypertrophic scars"], ["keloid scars"], "a history of hypertrophic scars", "keloid"),
    (["keloid scars"], ["hypertrophic scars"], "a history of keloid scars", "hypertrophic"),
    # one stated but the other not denied, one denied only, or nothing said: the whole pair
    (["keloid scars"], [], "a history of keloid scars or a history of hypertrophic scars", None),
    ([], ["hypertrophic scars"], "a history of keloid scars or a history of hypertrophic scars",
     None),
    ([], [], "a history of keloid scars or a history of hypertrophic scars", None),
])
def test_the_verdict_names_what_the_yes_is_about(stated, denied, named, not_named):
    text = verdict(dict(NO_TO_ALL, screen_scars="yes"), stated=stated, denied=denied)
    assert f"not recommended for anyone with {named}." in text
    assert not_named is None or not_named not in text


def test_verdict_reads_the_knowledge_list_only():
    knowledge = dict(KNOWLEDGE, contraindications=dict(KNOWLEDGE["contraindications"],
                                                       **{"open wounds": "OPEN-WOUNDS"}))
    assert "OPEN-WOUNDS" in verdict(dict(NO_TO_ALL, screen_wounds_or_infection="yes"),
                                    knowledge)


def validate(slots, text="", intent="", confidence=1.0):
    dispatcher_messages = []

    class Dispatcher:
        def utter_message(self, **kwargs):
            dispatcher_messages.append(kwargs)

    tracker = make_tracker(slots=dict({"requested_slot": None}, **slots), text=text,
                           intent=intent, confidence=confidence)
    domain = {"forms": {"candidate_form": {"required_slots": list(NO_TO_ALL)}},
              "slots": {name: {} for name in list(NO_TO_ALL) + [UNCLEAR_SLOT]}}
    events = asyncio.run(ValidateCandidateForm().run(Dispatcher(), tracker, domain))
    return events, dispatcher_messages


def set_to(events, slot):
    """The value the events leave `slot` at (absent: not set)."""
    values = [e["value"] for e in events if e.get("event") == "slot" and e["name"] == slot]
    return values[-1] if values else "absent"


ASKED = {"requested_slot": "screen_wounds_or_infection"}
# The adversarial run's messages inside the form, with what NLU made of them.
GARBAGE = [("\u200b", "affirm", 0.31), ("\x00", "affirm", 0.31),
           ("\u0301\u0308\u0327", "affirm", 0.33), ("restart", "affirm", 0.61),
           ("restart please", "affirm", 0.33), ("hmm", "affirm", 0.54), ("lol", "affirm", 0.77),
           ("\U0001F600\U0001F44D", "nlu_fallback", 0.25), ("hmm", "inform", 0.6),
           ("lorem ipsum " * 80, "affirm", 0.64), ("no idea", "deny", 0.9)]


def test_earlier_answers_fill_the_questions():
    events, _ = validate({"condition": ["keloid scars"], "skin_tone": "darker skin"},
                         intent="ask_candidate")
    assert SlotSet("screen_scars", "yes") in events
    assert SlotSet(DARKER_SKIN_SLOT, "yes") in events
    assert not any(e.get("name") == "screen_poor_healing" for e in events)


@pytest.mark.parametrize("text,intent,expected", [
    ("no", "deny", "no"), ("nope", "deny", "no"), ("yes", "affirm", "yes"),
    ("/affirm", "affirm", "yes"), ("/deny", "deny", "no"), ("not that I know of", "deny", "no"),
    ("I have never had that", "inform", "no"), ("yes, a small cut", "nlu_fallback", "yes")])
def test_a_clear_answer_fills_the_question(text, intent, expected):
    events, said = validate(ASKED, text=text, intent=intent, confidence=0.4)
    assert set_to(events, "screen_wounds_or_infection") == expected
    assert said == []


@pytest.mark.parametrize("text,intent,confidence", GARBAGE)
def test_garbage_is_asked_again_never_taken_as_yes(text, intent, confidence):
    events, said = validate(ASKED, text=text, intent=intent, confidence=confidence)
    assert set_to(events, "screen_wounds_or_infection") is None
    assert SlotSet(UNCLEAR_SLOT, "screen_wounds_or_infection") in events
    assert said == [{"response": "utter_screening_unclear"}]


@pytest.mark.parametrize("text,intent,confidence", GARBAGE)
def test_garbage_twice_is_marked_unsure(text, intent, confidence):
    events, said = validate(dict(ASKED, **{UNCLEAR_SLOT: "screen_wounds_or_infection"}),
                            text=text, intent=intent, confidence=confidence)
    assert set_to(events, "screen_wounds_or_infection") == "unsure"
    assert set_to(events, UNCLEAR_SLOT) is None
    assert said == []


def test_an_unclear_answer_is_asked_again_once_then_marked_unsure():
    events, said = validate({"requested_slot": "screen_scars"}, text="hmm", intent="inform")
    assert SlotSet(UNCLEAR_SLOT, "screen_scars") in events
    assert said == [{"response": "utter_screening_unclear"}]
    events, _ = validate({"requested_slot": "screen_scars", UNCLEAR_SLOT: "screen_scars"},
                         text="dunno", intent="nlu_fallback")
    assert SlotSet("screen_scars", "unsure") in events


def test_a_clear_answer_after_an_unclear_one_counts_and_resets_the_count():
    events, said = validate({"requested_slot": "screen_scars", UNCLEAR_SLOT: "screen_scars"},
                            text="no", intent="deny")
    assert set_to(events, "screen_scars") == "no" and set_to(events, UNCLEAR_SLOT) is None
    assert said == []


def test_an_unclear_answer_to_the_next_question_is_asked_again_first():
    # The count is per question: one unclear answer to the wounds question does not make the
    # first unclear answer to the scars question "unsure".
    events, said = validate({"requested_slot": "screen_scars",
                             UNCLEAR_SLOT: "screen_wounds_or_infection"},
                            text="restart", intent="affirm", confidence=0.61)
    assert set_to(events, "screen_scars") is None
    assert set_to(events, UNCLEAR_SLOT) == "screen_scars"
    assert said == [{"response": "utter_screening_unclear"}]


def test_restarting_the_screening_forgets_an_old_unclear_answer():
    events, _ = validate({UNCLEAR_SLOT: "screen_scars"}, text="am I a good candidate?",
                         intent="ask_candidate")
    assert set_to(events, UNCLEAR_SLOT) is None


def test_a_named_condition_answers_the_question_unless_it_is_negated_or_hedged():
    asked = {"requested_slot": "screen_scars", "condition": ["keloid scars"]}
    events, _ = validate(asked, text="I had one keloid years ago", intent="inform")
    assert set_to(events, "screen_scars") == "yes"
    events, _ = validate(asked, text="I have never had keloids", intent="inform")
    assert set_to(events, "screen_scars") == "no"
    events, said = validate(asked, text="keloids? no idea", intent="inform")
    assert set_to(events, "screen_scars") is None and said


def test_a_named_skin_tone_answers_the_darker_skin_question():
    events, _ = validate({"requested_slot": DARKER_SKIN_SLOT, "skin_tone": "light skin"},
                         text="I have light skin", intent="inform", confidence=0.8)
    assert set_to(events, DARKER_SKIN_SLOT) == "no"


@pytest.mark.parametrize("text,intent", [("how much is it?", "ask_cost"), ("stop", "stop"),
                                         ("hello", "greet"),
                                         ("my face is swelling", "report_complication")])
def test_another_question_is_not_taken_as_an_answer(text, intent):
    events, said = validate({"requested_slot": "screen_scars"}, text=text, intent=intent)
    assert not any(e.get("name") in ("screen_scars", UNCLEAR_SLOT) for e in events)
    assert said == []


def test_verdict_action_sends_verdict_then_referral(dispatcher, domain):
    tracker = make_tracker(slots=dict(NO_TO_ALL, screen_scars="yes"))
    ActionCandidateVerdict().run(dispatcher, tracker, domain)
    assert "not recommend" in dispatcher.messages[0]["text"]
    assert dispatcher.messages[1]["response"] == "utter_provider_referral"


SCARS_ASKED = {"requested_slot": "screen_scars", "condition": ["keloid scars"]}


def test_a_statement_naming_the_condition_answers_the_question_whatever_its_intent():
    events, _ = validate(SCARS_ASKED, "I had one keloid years ago", "ask_suitability", 0.53)
    assert set_to(events, "screen_scars") == "yes"


@pytest.mark.parametrize("text, intent", [
    ("can I still have it with a keloid?", "ask_suitability"),   # a question: its own rule
    ("my keloid is bleeding", "ask_suitability"),                # a symptom: never an answer
    ("I had one keloid years ago", "report_complication"),       # not a statement intent
])
def test_questions_symptoms_and_other_intents_are_not_read_as_the_answer(text, intent):
    events, _ = validate(SCARS_ASKED, text, intent, 0.6)
    assert set_to(events, "screen_scars") == "absent"


def test_what_the_visitor_denied_answers_no_when_every_condition_is_denied():
    events, said = validate({"denied_conditions": ["open wounds", "skin infection"]},
                            text="no open wounds or infections, am I a candidate?",
                            intent="ask_candidate")
    assert set_to(events, "screen_wounds_or_infection") == "no"
    # One of the question's two conditions denied is not yet an answer.
    events, _ = validate({"denied_conditions": ["keloid scars"]}, text="never had keloids",
                         intent="ask_candidate")
    assert set_to(events, "screen_scars") == "absent"
    events, _ = validate({"denied_conditions": ["darker skin"]}, text="I'm not dark skinned",
                         intent="ask_candidate")
    assert set_to(events, DARKER_SKIN_SLOT) == "no"


def test_a_stated_contraindication_gives_the_verdict_at_once():
    events, _ = validate({"condition": ["keloid scars"]}, text="I have keloids, am I a candidate?",
                         intent="ask_candidate")
    assert set_to(events, "screen_scars") == "yes"
    assert set_to(events, "requested_slot") is None
    # A darker skin tone is no contraindication: the questions go on.
    events, _ = validate({"skin_tone": "darker skin"}, text="I have dark skin, can I do it?",
                         intent="ask_candidate")
    assert set_to(events, "requested_slot") == "absent"
    # A yes once the questions run: the questions run to the end.
    events, _ = validate(ASKED, text="yes", intent="affirm")
    assert set_to(events, "screen_wounds_or_infection") == "yes"
    assert set_to(events, "requested_slot") == "absent"


def test_an_answer_in_the_visitor_s_own_words():
    events, _ = validate(ASKED, text="I scratched my cheek yesterday and it hasn't closed yet",
                         intent="inform", confidence=0.7)
    assert set_to(events, "screen_wounds_or_infection") == "yes"
    events, _ = validate(ASKED, text="no cuts or sores at all", intent="inform",
                         confidence=0.7)
    assert set_to(events, "screen_wounds_or_infection") == "no"


def test_darker_skin_stated_at_the_start_gets_its_caution_at_once():
    events, said = validate({"skin_tone": "darker skin"}, text="I have dark skin, can I do it?",
                            intent="ask_candidate")
    assert set_to(events, DARKER_SKIN_SLOT) == "yes"
    assert said and said[0]["text"].startswith("About darker skin: ")
    # Not again once the questions have started.
    events, said = validate({"skin_tone": "darker skin", DARKER_SKIN_SLOT: "yes",
                             "requested_slot": "screen_scars"}, text="no", intent="deny")
    assert not [m for m in said if "About darker skin" in (m.get("text") or "")]


@pytest.mark.parametrize("slot, text", [
    ("screen_scars", "what keloids? ive never had any"),
    ("screen_wounds_or_infection", "no, it's still open"),
])
def test_words_and_a_plain_answer_that_disagree_are_asked_again(slot, text):
    events, messages = validate({"requested_slot": slot}, text=text, intent="inform")
    assert set_to(events, slot) is None
    assert messages and messages[0].get("response") == "utter_screening_unclear"
