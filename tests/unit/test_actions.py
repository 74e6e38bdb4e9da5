"""Custom actions, run as the action server runs them: a tracker in, messages and events out."""
import re

import pytest
from rasa_sdk.events import SlotSet

from actions.cost import ActionAnswerCost, cost_range, parse_session_count
from actions.downtime import ActionAnswerDowntime
from actions.follow_up import ActionAnswerFollowUp
from core.knowledge import KNOWLEDGE
from actions.pain import ActionAnswerPain
from actions.risk import ActionAnswerRisk
from conftest import make_tracker


def run(action, dispatcher, domain, **slots):
    events = action.run(dispatcher, make_tracker(slots=slots), domain)
    texts = [m.get("text") for m in dispatcher.messages if m.get("text")]
    responses = [m.get("response") for m in dispatcher.messages if m.get("response")]
    return events, " ".join(texts), responses


# --- pain and downtime ---------------------------------------------------------------------
def test_pain_mentions_mild_pricking_and_numbing_cream(dispatcher, domain):
    events, text, _ = run(ActionAnswerPain(), dispatcher, domain)
    assert "pricking" in text and "mild" in text
    assert "numbing cream" in text and "20 to 30 minutes" in text
    assert "well tolerated" in text
    assert events == [SlotSet("last_topic", "pain")]


def test_downtime_gives_24_hours_and_side_effects(dispatcher, domain):
    events, text, _ = run(ActionAnswerDowntime(), dispatcher, domain)
    assert "24 hours" in text
    assert "red" in text and "bleeding" in text
    assert "contact the provider who treated you, or a doctor" in text
    assert "chemical or laser" in text
    assert "dryness or peeling" in text
    assert events == [SlotSet("last_topic", "downtime")]


# --- risk ------------------------------------------------------------------------------------
def test_risk_without_context_adds_the_provider_referral(dispatcher, domain):
    events, text, responses = run(ActionAnswerRisk(), dispatcher, domain)
    assert "not performed appropriately" in text
    assert "hyperpigmentation" not in text
    assert "not recommended" not in text
    assert responses == ["utter_provider_referral"]
    assert events == [SlotSet("last_topic", "risk")]


def test_risk_for_darker_skin_warns_of_hyperpigmentation(dispatcher, domain):
    _, text, responses = run(ActionAnswerRisk(), dispatcher, domain, skin_tone="darker skin")
    assert "hyperpigmentation" in text
    assert responses == ["utter_provider_referral"]


@pytest.mark.parametrize("text, caution", [
    ("Can microneedling cause hyperpigmentation?", True),
    ("is it normal to get darker spots after microneedling", True),
    ("could it make them darker instead", True),
    ("is there a risk of skin darkening?", True),
    ("is microneedling risky?", False),
    ("can it leave a scar?", False),
])
def test_a_risk_question_about_darkening_gets_the_articles_caution(dispatcher, domain, text,
                                                                   caution):
    tracker = make_tracker(text=text, intent="ask_risk")
    ActionAnswerRisk().run(dispatcher, tracker, domain)
    reply = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert ("hyperpigmentation" in reply) is caution
    assert reply.count("hyperpigmentation") <= 1


def test_the_darkening_caution_is_said_once_for_darker_skin(dispatcher, domain):
    tracker = make_tracker(slots={"skin_tone": "darker skin"}, intent="ask_risk",
                           text="I have dark skin, can it cause hyperpigmentation?")
    ActionAnswerRisk().run(dispatcher, tracker, domain)
    reply = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert reply.count("hyperpigmentation") == 1


def test_risk_for_lighter_skin_has_no_darker_skin_caution(dispatcher, domain):
    _, text, _ = run(ActionAnswerRisk(), dispatcher, domain, skin_tone="lighter skin")
    assert "hyperpigmentation" not in text


@pytest.mark.parametrize("condition", list(KNOWLEDGE["contraindications"]))
def test_risk_with_a_contraindication_is_not_recommended(dispatcher, domain, condition):
    _, text, _ = run(ActionAnswerRisk(), dispatcher, domain, condition=[condition])
    assert "not recommended" in text
    assert KNOWLEDGE["contraindications"][condition] in text
    assert "dermatologist" in text


def test_risk_ignores_a_condition_the_article_does_not_name(dispatcher, domain):
    _, text, _ = run(ActionAnswerRisk(), dispatcher, domain, condition=["sunburn"])
    assert "not recommended" not in text


# --- cost ------------------------------------------------------------------------------------
def test_cost_without_context_gives_session_and_series_ranges(dispatcher, domain):
    events, text, _ = run(ActionAnswerCost(), dispatcher, domain)
    assert "$300 to $400" in text
    assert "6 sessions" in text and "$1,800 to $2,400" in text
    assert "maintenance" in text
    assert events == [SlotSet("last_topic", "cost")]


@pytest.mark.parametrize("said, low, high", [
    ("3 sessions", "$900", "$1,200"),
    ("four treatments", "$1,200", "$1,600"),
    ("ten sessions", "$3,000", "$4,000"),
])
def test_cost_multiplies_the_visitors_number_of_sessions(dispatcher, domain, said, low, high):
    _, text, _ = run(ActionAnswerCost(), dispatcher, domain, num_sessions=said)
    assert f"{low} to {high}" in text


def test_cost_for_one_session_still_gives_the_series(dispatcher, domain):
    # "how much is one session?" fills the slot; later cost answers must keep the series total.
    _, text, _ = run(ActionAnswerCost(), dispatcher, domain, num_sessions="one session")
    assert "$300 to $400" in text and "$1,800 to $2,400" in text


def test_cost_acknowledges_an_area_without_inventing_a_price(dispatcher, domain):
    _, text, _ = run(ActionAnswerCost(), dispatcher, domain, body_area="neck")
    assert "neck" in text
    assert "doesn't give a separate price" in text
    prices = set(re.findall(r"\$\d[\d,]*\d", text))
    assert prices == {"$300", "$400", "$1,800", "$2,400"}


def test_cost_refuses_to_multiply_an_absurd_number(dispatcher, domain):
    _, text, _ = run(ActionAnswerCost(), dispatcher, domain, num_sessions="999999 sessions")
    assert "won't multiply" in text
    assert "$299" not in text and "$399" not in text


@pytest.mark.parametrize("text, expected", [
    ("six sessions", 6), ("6 sessions", 6), ("12 treatments", 12), ("one session", 1),
    ("the full series", 6), ("a full series", 6), ("several sessions", None), ("", None),
    (None, None), ("1234567890 sessions", None),
])
def test_parse_session_count(text, expected):
    assert parse_session_count(text, series_sessions=6) == expected


def test_cost_range_multiplies_both_ends():
    assert cost_range(6, KNOWLEDGE) == (1800, 2400)


# --- follow-ups ------------------------------------------------------------------------------
def test_area_after_cost_answers_about_cost(dispatcher, domain):
    events, text, _ = run(ActionAnswerFollowUp(), dispatcher, domain,
                          last_topic="cost", body_area="neck")
    assert "$300 to $400" in text and "neck" in text
    assert events == [SlotSet("last_topic", "cost")]


def test_sessions_after_cost_are_multiplied(dispatcher, domain):
    _, text, _ = run(ActionAnswerFollowUp(), dispatcher, domain,
                     last_topic="cost", num_sessions="six sessions")
    assert "$1,800 to $2,400" in text


def test_darker_skin_without_a_topic_gives_the_caution_and_topics(dispatcher, domain):
    events, text, responses = run(ActionAnswerFollowUp(), dispatcher, domain,
                                  skin_tone="darker skin")
    assert "hyperpigmentation" in text
    assert responses == ["utter_help"]
    assert events == [SlotSet("last_topic", None)]


def test_plain_detail_without_a_topic_does_not_invent_anything(dispatcher, domain):
    _, text, responses = run(ActionAnswerFollowUp(), dispatcher, domain, body_area="neck")
    assert "$" not in text and "not recommended" not in text
    assert responses == ["utter_help"]


@pytest.mark.parametrize("last_topic", [None, "cost"])
def test_a_symptom_told_as_a_detail_goes_to_a_provider_or_doctor(dispatcher, domain, last_topic):
    tracker = make_tracker(slots={"last_topic": last_topic}, text="I think it's infected now",
                           intent="inform")
    events = ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert [m.get("response") or m.get("text") for m in dispatcher.messages] == ["utter_seek_care"]
    # The conversation now holds a report: questions about it go to care too.
    assert events == [SlotSet("last_topic", None), SlotSet("reported_symptom", True)]


def test_a_named_condition_is_a_screening_detail_not_a_complication(dispatcher, domain):
    tracker = make_tracker(slots={"condition": ["skin infection"]},
                           text="I've got a skin infection", intent="inform",
                           entities=[{"entity": "condition", "value": "skin infection"}])
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    text = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "skin infection" in text and "not recommended" in text
    assert "utter_seek_care" not in [m.get("response") for m in dispatcher.messages]


def test_a_question_opening_with_ok_and_no_topic_before_is_answered_not_noted(dispatcher,
                                                                             domain):
    # "ok what about the acne scars on my jaw" after an answer the article doesn't cover: a
    # question, answered as any NLU could not place, never "Thanks, noted".
    tracker = make_tracker(text="ok what about the acne scars on my jaw", intent="inform")
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    text = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "Thanks, noted" not in text


def test_a_treated_concern_with_no_topic_before_asks_what_it_treats(dispatcher, domain):
    tracker = make_tracker(text="and wrinkles?", intent="inform")
    events = ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    responses = [m.get("response") for m in dispatcher.messages]
    assert "utter_treats" in responses
    assert SlotSet("last_topic", "treats") in events


def test_unknown_last_topic_is_treated_as_none(dispatcher, domain):
    _, _, responses = run(ActionAnswerFollowUp(), dispatcher, domain, last_topic="weather")
    assert responses == ["utter_help"]


# --- questions the article doesn't answer -------------------------------------------------
from actions.safety import (NOT_IN_ARTICLE, NOT_UNDERSTOOD, ActionAfterSeekCare,  # noqa: E402
                            ActionAnswerUnknown)


@pytest.mark.parametrize("text, intent, expected", [
    ("does insurance cover it?", "out_of_scope", NOT_IN_ARTICLE),
    ("asdf qwerty", "nlu_fallback", NOT_UNDERSTOOD),
    ("my skin is burning and it's been two days", "out_of_scope", "utter_seek_care"),
    ("I think something is infected", "nlu_fallback", "utter_seek_care"),
])
def test_unknown_questions_and_the_symptom_safety_net(dispatcher, domain, text, intent,
                                                      expected):
    tracker = make_tracker(text=text, intent=intent)
    events = ActionAnswerUnknown().run(dispatcher, tracker, domain)
    assert events == ([SlotSet("reported_symptom", True)] if expected == "utter_seek_care"
                      else [])
    assert [m.get("response") or m.get("text") for m in dispatcher.messages] == [expected]


def test_a_question_in_general_sent_to_care_marks_no_report(dispatcher, domain):
    # "can it make you dizzy?" (report_form "asked", nlu_components/reading/report_form.py):
    # the seek-care reply as a condition, and later questions are not read as about a report.
    tracker = make_tracker(slots={"report_form": "asked"}, text="can it make you dizzy?",
                           intent="out_of_scope")
    events = ActionAnswerUnknown().run(dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages][:1] == ["utter_seek_care"]
    assert SlotSet("reported_symptom", True) not in events


def test_a_question_in_general_the_article_doesn_t_cover_says_so_after_the_care_line(
        dispatcher, domain):
    # "could I be allergic to the numbing cream they use?": read as a complication, nothing the
    # article answers at 0.3; the care line as a condition, then the honest "doesn't cover".
    tracker = make_tracker(slots={"report_form": "asked"},
                           text="could I be allergic to the numbing cream they use?",
                           intent="report_complication",
                           ranking=[{"name": "report_complication", "confidence": 0.6},
                                    {"name": "ask_pain", "confidence": 0.2}])
    events = ActionAfterSeekCare().run(dispatcher, tracker, domain)
    said = [m.get("response") or m.get("text") for m in dispatcher.messages]
    assert said[0].startswith("The article I rely on doesn't cover that exactly")
    assert "utter_pain" in said or any("pricking" in (t or "") for t in said)
    assert SlotSet("reported_symptom", True) not in events
    # The same words told as a report: the care reply only, and the report is kept.
    told = make_tracker(slots={"report_form": "told"}, text="I'm allergic to it, my face is hot",
                        intent="report_complication",
                        ranking=[{"name": "report_complication", "confidence": 0.6},
                                 {"name": "ask_pain", "confidence": 0.2}])
    dispatcher.messages.clear()
    assert ActionAfterSeekCare().run(dispatcher, told, domain) == [
        SlotSet("reported_symptom", True)]


def test_risk_for_a_skin_tone_stated_now_gives_all_the_article_says_of_skin_types(
        dispatcher, domain):
    tracker = make_tracker(slots={"skin_tone": "olive skin"}, text="my skin is olive, risky?",
                           entities=[{"entity": "skin_tone", "value": "olive skin"}])
    ActionAnswerRisk().run(dispatcher, tracker, domain)
    text = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "all skin types" in text and "hyperpigmentation" in text


def test_risk_for_lighter_skin_stated_now_has_no_darker_skin_caution(dispatcher, domain):
    tracker = make_tracker(slots={"skin_tone": "lighter skin"}, text="im fair, risky?",
                           entities=[{"entity": "skin_tone", "value": "lighter skin"}])
    ActionAnswerRisk().run(dispatcher, tracker, domain)
    text = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "all skin types" in text and "hyperpigmentation" not in text
