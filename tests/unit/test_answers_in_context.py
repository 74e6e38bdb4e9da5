"""Answers that depend on more than the intent: the nearest article topic after "not in the
article", follow-ups on every topic, the visitor's own circumstances, after-effects beside the
seek-care reply."""
import pytest
from rasa_sdk.events import SlotSet

from actions.cost import ActionAnswerCost
from actions.downtime import after_effects_note
from actions.follow_up import ActionAnswerFollowUp
from core.knowledge import KNOWLEDGE
from actions.safety import (CANNOT_DIAGNOSE, NOT_IN_ARTICLE, ActionAfterSeekCare,
                            ActionAnswerUnknown)
from actions.suitability import ActionPersonalNotes
from actions.topics import TOPIC_RESPONSES, TOPIC_TITLES, topic_of_intent
from conftest import ROOT, make_tracker


def said(dispatcher):
    return [m.get("response") or m.get("text") for m in dispatcher.messages]


def ranking(*pairs):
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


def test_a_gap_term_is_named_and_the_nearest_topic_answered(dispatcher, domain):
    tracker = make_tracker(
        text="is microneedling safe when pregnant?", intent="out_of_scope",
        entities=[{"entity": "not_in_article", "value": "pregnant"}],
        ranking=ranking(("out_of_scope", 0.7), ("ask_risk", 0.7), ("ask_pain", 0.1)))
    events = ActionAnswerUnknown().run(dispatcher, tracker, domain)
    messages = said(dispatcher)
    assert "doesn't cover pregnancy" in messages[0]
    assert "what it does say about risks" in messages[0]
    assert "not performed appropriately" in messages[1]     # the risk answer
    # the likelier reading for a follow-up, and the uncovered term for one in its situation
    # ("what about the numbing cream?": nlu_components/reading/gap_follow_up.py)
    assert events[-2:] == [SlotSet("last_topic", "risk"), SlotSet("last_gap", "pregnant")]


def test_the_same_uncovered_term_asked_again_stays(dispatcher, domain):
    tracker = make_tracker(
        slots={"last_gap": "pregnant"}, text="so is it risky when pregnant?",
        intent="out_of_scope", entities=[{"entity": "not_in_article", "value": "pregnant"}],
        ranking=ranking(("out_of_scope", 0.7), ("ask_risk", 0.7)))
    events = ActionAnswerUnknown().run(dispatcher, tracker, domain)
    assert events[-1] == SlotSet("last_gap", "pregnant")


def test_the_uncovered_term_is_cleared_by_the_next_answer(dispatcher, domain):
    tracker = make_tracker(slots={"last_gap": "pregnant"}, text="how much is it?",
                           intent="ask_cost")
    assert SlotSet("last_gap", None) in ActionAnswerCost().run(dispatcher, tracker, domain)
    tracker = make_tracker(slots={"last_gap": "pregnant"}, text="is it ok when breastfeeding?",
                           intent="out_of_scope",
                           entities=[{"entity": "not_in_article", "value": "breastfeeding"}],
                           ranking=ranking(("out_of_scope", 0.9)))
    assert ActionAnswerUnknown().run(dispatcher, tracker, domain) == [
        SlotSet("last_gap", "breastfeeding")]


@pytest.mark.parametrize("term, named", [("vs", "comparisons with other treatments"),
                                         ("years old", "age"),
                                         ("pregnancy", "pregnancy")])
def test_a_gap_term_is_named_in_words_a_visitor_reads(dispatcher, domain, term, named):
    tracker = make_tracker(
        text=f"question with {term} in it", intent="out_of_scope",
        entities=[{"entity": "not_in_article", "value": term}],
        ranking=ranking(("out_of_scope", 0.7), ("ask_cost", 0.2)))
    ActionAnswerUnknown().run(dispatcher, tracker, domain)
    assert f"doesn't cover {named}," in said(dispatcher)[0]


def test_unsure_between_two_topics_both_are_answered_and_it_says_so(dispatcher, domain):
    tracker = make_tracker(
        text="How Much Time Does A Session Take?", intent="nlu_fallback",
        ranking=ranking(("nlu_fallback", 0.45), ("ask_cost", 0.45), ("ask_procedure", 0.35),
                        ("ask_pain", 0.05)))
    events = ActionAnswerUnknown().run(dispatcher, tracker, domain)
    messages = said(dispatcher)
    assert "not sure" in messages[0] and "about cost and about the procedure" in messages[0]
    assert "$300 to $400" in messages[1] and messages[2] == "utter_procedure"
    assert events[-1] == SlotSet("last_topic", "cost")


def test_a_distant_topic_is_not_offered(dispatcher, domain):
    tracker = make_tracker(text="do you take insurance", intent="out_of_scope",
                           ranking=ranking(("out_of_scope", 0.9), ("ask_cost", 0.05)))
    assert ActionAnswerUnknown().run(dispatcher, tracker, domain) == []
    assert said(dispatcher) == [NOT_IN_ARTICLE]


def test_a_fixed_answer_topic_is_offered_by_its_response(dispatcher, domain):
    tracker = make_tracker(text="can it fix my hair", intent="out_of_scope",
                           entities=[{"entity": "not_in_article", "value": "hair"}],
                           ranking=ranking(("out_of_scope", 0.6), ("ask_treats", 0.4)))
    ActionAnswerUnknown().run(dispatcher, tracker, domain)
    assert said(dispatcher)[1:] == ["utter_treats"]


def test_an_unplaced_follow_up_is_answered_on_the_previous_topic_first(dispatcher, domain):
    tracker = make_tracker(
        slots={"last_topic": "downtime"}, text="how long until it stops", intent="nlu_fallback",
        ranking=ranking(("nlu_fallback", 0.4), ("ask_procedure", 0.35), ("ask_results", 0.2)))
    events = ActionAnswerUnknown().run(dispatcher, tracker, domain)
    messages = said(dispatcher)
    assert "not sure" in messages[0]
    assert "about downtime and after-effects and about the procedure" in messages[0]
    assert events[-1] == SlotSet("last_topic", "downtime")


def test_a_question_of_its_own_is_not_read_as_a_follow_up(dispatcher, domain):
    # Names an uncovered term: said plainly, whatever came before.
    tracker = make_tracker(
        slots={"last_topic": "cost"}, text="does insurance pay for it?", intent="out_of_scope",
        entities=[{"entity": "not_in_article", "value": "insurance"}],
        ranking=ranking(("out_of_scope", 0.9), ("ask_cost", 0.05)))
    assert ActionAnswerUnknown().run(dispatcher, tracker, domain) == [
        SlotSet("last_gap", "insurance")]
    # A long message carries its own question: the previous topic is not pushed on it.
    tracker = make_tracker(
        slots={"last_topic": "cost"}, intent="out_of_scope",
        text="my sister had something done at a spa last year and hated it, "
             "what should she have asked them first",
        ranking=ranking(("out_of_scope", 0.9), ("ask_provider", 0.05)))
    assert ActionAnswerUnknown().run(dispatcher, tracker, domain) == []


@pytest.mark.parametrize("text, follows", [
    ("how long until it stops", True), ("is that per session?", True),
    ("and after the last one?", True), ("ok so can i go to work tomorrow or nah", True),
    ("what about my neck", True), ("do you take insurance", False), ("", False),
    ("I had microneedling last month at a spa and want to know whether the results "
     "will get better over time or whether this is it", False),
])
def test_what_reads_as_a_follow_up(text, follows):
    from core.follow_ups import continues_previous
    assert continues_previous(text) is follows


def test_a_symptom_still_goes_to_care_first(dispatcher, domain):
    tracker = make_tracker(text="is a little bleeding normal?", intent="out_of_scope",
                           ranking=ranking(("out_of_scope", 0.5), ("ask_downtime", 0.4)))
    ActionAnswerUnknown().run(dispatcher, tracker, domain)
    messages = said(dispatcher)
    assert messages[0] == "utter_seek_care"
    assert "within 24 hours" in messages[1] and "peeling" in messages[1]


def test_a_diagnosis_asked_with_symptoms_gets_the_care_advice_and_the_plain_reply(dispatcher,
                                                                                   domain):
    tracker = make_tracker(text="act as a doctor and diagnose me: fever, sore throat, red spots",
                           intent="report_complication")
    ActionAfterSeekCare().run(dispatcher, tracker, domain)
    assert said(dispatcher)[0] == CANNOT_DIAGNOSE


@pytest.mark.parametrize("text", [
    "my face is swollen and hot since my session",
    # other requests about the assistant: no word of a diagnosis
    "my face is really swollen since my session, do I have time or should I go to the ER?",
    "I'm swollen after my session and other clients said this happens, is it normal?",
])
def test_a_report_asking_no_diagnosis_gets_no_plain_reply(dispatcher, domain, text):
    tracker = make_tracker(text=text, intent="report_complication")
    ActionAfterSeekCare().run(dispatcher, tracker, domain)
    assert CANNOT_DIAGNOSE not in said(dispatcher)


@pytest.mark.parametrize("topic", sorted(TOPIC_RESPONSES))
def test_a_follow_up_after_a_fixed_answer_repeats_that_answer(dispatcher, domain, topic):
    tracker = make_tracker(slots={"last_topic": topic}, text="what about stretch marks?",
                           intent="inform")
    events = ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert said(dispatcher) == [TOPIC_RESPONSES[topic]]
    assert events == [SlotSet("last_topic", topic)]


def test_a_question_with_no_answer_before_it_gets_the_nearest_topic(dispatcher, domain):
    tracker = make_tracker(text="whats the serum she's rubbing in for?", intent="inform",
                           ranking=ranking(("inform", 0.5), ("ask_procedure", 0.3)))
    events = ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    messages = said(dispatcher)
    assert "doesn't cover that exactly" in messages[0] and "the procedure" in messages[0]
    assert messages[1] == "utter_procedure"
    assert events[-1] == SlotSet("last_topic", "procedure")


def test_a_detail_with_no_answer_before_it_is_noted(dispatcher, domain):
    tracker = make_tracker(text="my sister is coming with me", intent="inform",
                           ranking=ranking(("inform", 0.5), ("ask_procedure", 0.3)))
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert said(dispatcher)[0].startswith("Thanks, noted.")


@pytest.mark.parametrize("slots", [{}, {"last_topic": "cost"}])
def test_a_skin_tone_stated_now_gets_what_the_article_says_of_skin_types(dispatcher, domain,
                                                                          slots):
    tracker = make_tracker(slots=dict(slots, skin_tone="olive skin"), text="mine is olive",
                           intent="inform",
                           entities=[{"entity": "skin_tone", "value": "olive skin"}])
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    first = said(dispatcher)[0]
    assert "all skin types" in first and "hyperpigmentation" in first


def test_a_skin_tone_only_asked_about_gets_no_skin_type_note(dispatcher, domain):
    tracker = make_tracker(text="and for olive skin?", intent="inform",
                           entities=[{"entity": "skin_tone", "value": "olive skin",
                                      "role": "asked"}])
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert not any("all skin types" in (m or "") for m in said(dispatcher))


def test_a_session_count_after_a_fixed_answer_is_about_the_price(dispatcher, domain):
    tracker = make_tracker(slots={"last_topic": "what_is", "num_sessions": "six sessions"},
                           text="and for six sessions?", intent="inform",
                           entities=[{"entity": "num_sessions", "value": "six sessions"}])
    events = ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert "$1,800 to $2,400" in said(dispatcher)[0]
    assert events == [SlotSet("last_topic", "cost")]


@pytest.mark.parametrize("topic, response", [("results", "utter_results"),
                                             ("treatment_plan", "utter_treatment_plan")])
def test_a_session_count_after_an_answer_about_sessions_keeps_its_topic(
        dispatcher, domain, topic, response):
    tracker = make_tracker(slots={"last_topic": topic, "num_sessions": "one session"},
                           text="is that after one session or the whole series?",
                           intent="inform",
                           entities=[{"entity": "num_sessions", "value": "one session"}])
    events = ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == response
    assert events == [SlotSet("last_topic", topic)]


def test_a_correction_after_cost_recomputes_the_price(dispatcher, domain):
    tracker = make_tracker(slots={"last_topic": "cost", "num_sessions": "3 sessions"},
                           text="sorry, I meant 3 sessions", intent="inform")
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert "$900 to $1,200" in said(dispatcher)[0]


def test_keloids_named_in_a_suitability_question_lead_the_answer(dispatcher, domain):
    tracker = make_tracker(slots={"condition": ["keloid scars"]},
                           text="I've had keloids, am I a candidate?", intent="ask_suitability")
    ActionPersonalNotes().run(dispatcher, tracker, domain)
    assert "keloid scars" in said(dispatcher)[0] and "not recommended" in said(dispatcher)[0]


def test_no_personal_notes_without_circumstances(dispatcher, domain):
    ActionPersonalNotes().run(dispatcher, make_tracker(text="is it for everyone?"), domain)
    assert said(dispatcher) == []


@pytest.mark.parametrize("text, expected", [
    ("is peeling on day 3 normal?", True),
    ("my face won't stop bleeding", True),
    ("face is super pink since yesterday", True),
    ("looks like a bad sunburn", True),
    ("is my skin supposed to feel tight", True),
    ("I have a question about cost", False),
    ("I think it's infected", False),
    ("I'm having trouble breathing", False),
])
def test_the_after_effects_note_comes_with_after_effects_only(text, expected):
    assert (after_effects_note(KNOWLEDGE, text) is not None) == expected


def test_after_care_the_usual_after_effects(dispatcher, domain):
    events = ActionAfterSeekCare().run(dispatcher, make_tracker(text="still red, normal?"),
                                       domain)
    assert "24 hours" in said(dispatcher)[0]
    # "how long is that supposed to last?" then asks about these after-effects.
    assert events == [SlotSet("reported_symptom", True), SlotSet("last_topic", "downtime")]


def test_after_care_a_question_gets_its_article_topic(dispatcher, domain):
    tracker = make_tracker(text="can it give you an infection?", intent="report_complication",
                           ranking=ranking(("report_complication", 0.8), ("ask_risk", 0.8)))
    events = ActionAfterSeekCare().run(dispatcher, tracker, domain)
    assert "not performed appropriately" in " ".join(said(dispatcher))
    assert events == [SlotSet("reported_symptom", True), SlotSet("last_topic", "risk")]


def test_after_care_a_report_gets_nothing_more(dispatcher, domain):
    tracker = make_tracker(text="I think it's infected", intent="report_complication",
                           ranking=ranking(("report_complication", 0.8), ("ask_risk", 0.8)))
    assert ActionAfterSeekCare().run(dispatcher, tracker, domain) == [
        SlotSet("reported_symptom", True)]
    assert said(dispatcher) == []


def test_every_topic_has_an_intent_a_title_and_an_answer():
    import yaml
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    stage = next(c for c in config["pipeline"] if c["name"].endswith("ReadingRules"))
    gaps = next(r for r in stage["rules"] if r["name"] == "topic_not_in_article")
    article_intents = {i for i in domain["intents"] if topic_of_intent(i)}
    assert set(gaps["article_intents"]) == article_intents - {"ask_source"}
    assert {topic_of_intent(i) for i in article_intents} == set(TOPIC_TITLES)
    assert set(TOPIC_RESPONSES.values()) <= set(domain["responses"])


def test_the_gap_entity_is_declared_in_the_domain():
    import yaml
    from core.gaps import GAP_ENTITY
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert GAP_ENTITY in domain["entities"]


def test_an_area_the_article_does_not_speak_of_is_said_plainly(dispatcher, domain):
    tracker = make_tracker(slots={"last_topic": "treats"}, text="and on my back?",
                           intent="inform", entities=[{"entity": "body_area", "value": "back"}])
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    messages = said(dispatcher)
    assert "doesn't say anything about the back" in messages[0]
    assert messages[1] == "utter_treats"


@pytest.mark.parametrize("topic, response", [("treats", "utter_treats"),
                                             ("results", "utter_results")])
def test_a_follow_up_naming_a_topic_the_article_never_covers_says_so(dispatcher, domain, topic,
                                                                     response):
    tracker = make_tracker(slots={"last_topic": topic}, text="and saggy jowls?", intent="inform",
                           entities=[{"entity": "not_in_article", "value": "saggy"}])
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    messages = said(dispatcher)
    assert "doesn't cover sagging skin" in messages[0] and "What it says in general" in messages[0]
    assert messages[1] == response


def test_a_follow_up_with_no_uncovered_term_gets_no_such_sentence(dispatcher, domain):
    tracker = make_tracker(slots={"last_topic": "treats"}, text="and smile lines?",
                           intent="inform")
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_treats"]


def test_the_price_follow_up_speaks_of_the_area_itself(dispatcher, domain):
    tracker = make_tracker(slots={"last_topic": "cost", "body_area": "back"},
                           text="and on my back?", intent="inform",
                           entities=[{"entity": "body_area", "value": "back"}])
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    messages = said(dispatcher)
    assert len(messages) == 1 and "separate price for the back" in messages[0]


@pytest.mark.parametrize("text, says_it_doesnt_say", [
    ("is the numbing part of that price?", True),
    ("does that include the serum", True),
    ("does the serum change the price?", False),   # the article says it depends on the serum
    ("how much do you charge?", False),
])
def test_what_the_price_covers_is_said_not_to_be_in_the_article(dispatcher, domain, text,
                                                                 says_it_doesnt_say):
    tracker = make_tracker(slots={"last_topic": "cost"}, text=text, intent="inform")
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    reply = " ".join(said(dispatcher))
    assert "$300 to $400" in reply
    assert ("doesn't say what the price includes" in reply) == says_it_doesnt_say


def test_darker_skin_after_the_price_gets_the_caution_then_the_price(dispatcher, domain):
    tracker = make_tracker(slots={"last_topic": "cost"}, text="what if I have dark skin?",
                           intent="inform", entities=[{"entity": "skin_tone",
                                                       "value": "darker skin", "role": "asked"}])
    ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    messages = said(dispatcher)
    assert messages[0].startswith("If your skin is darker: ") and "hyperpigmentation" in messages[0]
    assert "$300 to $400" in messages[1]


def test_a_contraindication_stated_with_a_symptom_follows_the_seek_care_reply(dispatcher,
                                                                               domain):
    tracker = make_tracker(text="my skin is infected around my nose, does it hurt?",
                           intent="report_complication",
                           entities=[{"entity": "condition", "value": "skin infection"}],
                           ranking=ranking(("report_complication", 0.8), ("ask_pain", 0.15)))
    ActionAfterSeekCare().run(dispatcher, tracker, domain)
    messages = said(dispatcher)
    assert messages[0].startswith("You mentioned a skin infection: the article says")


@pytest.mark.parametrize("text, told", [
    ("I had it done 3 days ago and now one spot is infected", False),
    ("after my session my chin is infected", False),
    ("after my session my chin is infected, can I still do the next one?", True),
])
def test_the_contraindication_note_is_advice_before_a_treatment(dispatcher, domain, text, told):
    # "Please talk to a dermatologist before considering it" is no answer to a visitor who has
    # had it done; for a treatment still to come it is.
    tracker = make_tracker(text=text, intent="report_complication",
                           entities=[{"entity": "condition", "value": "skin infection"}],
                           ranking=ranking(("report_complication", 0.9)))
    ActionAfterSeekCare().run(dispatcher, tracker, domain)
    assert any(m.startswith("You mentioned a skin infection") for m in said(dispatcher)) == told


@pytest.mark.parametrize("text, before_an_event", [
    ("my wedding is in a month, should I get it now or wait?", True),
    ("how long is the downtime?", False),
])
def test_the_downtime_before_an_event_says_the_article_gives_no_lead_time(dispatcher, domain,
                                                                          text,
                                                                          before_an_event):
    from actions.downtime import BEFORE_AN_EVENT, ActionAnswerDowntime
    ActionAnswerDowntime().run(dispatcher, make_tracker(text=text, intent="ask_downtime"),
                               domain)
    reply = said(dispatcher)[0]
    assert reply.startswith(BEFORE_AN_EVENT) == before_an_event
    assert "24 hours" in reply


def test_a_note_the_reply_after_it_states_is_not_said_twice(dispatcher, domain):
    # utter_suitability states the article's caution for darker skin itself; a keloid history
    # it names only in its list, so that note stays.
    tracker = make_tracker(text="I have dark skin and keloids, is it suitable for me?",
                           intent="ask_suitability",
                           slots={"skin_tone": "darker skin", "condition": ["keloid scars"]})
    ActionPersonalNotes().run(dispatcher, tracker, domain)
    notes = said(dispatcher)
    assert len(notes) == 1 and notes[0].startswith("You mentioned a history of keloid scars")
    assert "About darker skin" not in notes[0]


def test_two_answers_in_one_reply_say_the_darker_skin_note_once(dispatcher, domain):
    tracker = make_tracker(text="is it safe with darker skin?", intent="nlu_fallback",
                           slots={"skin_tone": "darker skin"},
                           ranking=ranking(("nlu_fallback", 0.53), ("ask_risk", 0.53),
                                           ("ask_suitability", 0.47)))
    ActionAnswerUnknown().run(dispatcher, tracker, domain)
    reply = " ".join(m for m in said(dispatcher) if not m.startswith("utter_"))
    assert reply.count("About darker skin") == 1


def test_when_it_is_over_the_reply_says_the_article_names_no_wait(dispatcher, domain):
    from actions.suitability import NO_WAIT_NAMED
    tracker = make_tracker(text="once the cut has closed up how soon can I book?",
                           intent="ask_suitability")
    ActionPersonalNotes().run(dispatcher, tracker, domain)
    assert said(dispatcher) == [NO_WAIT_NAMED]
    dispatcher.messages.clear()
    ActionPersonalNotes().run(dispatcher, make_tracker(text="is it for everyone?"), domain)
    assert said(dispatcher) == []
