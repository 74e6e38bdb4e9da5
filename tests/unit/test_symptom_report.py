"""The symptom_report reading rule (nlu_components/reading/symptom_report.py): small talk, or an
intent the classifier is unsure of, that reports a symptom is relabelled report_complication;
everything else keeps the classifier's intent. And the close_call rule."""
import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from conftest import ROOT, reading_rule, reading_rule_settings

CONFIG = yaml.safe_load((ROOT / "config.yml").read_text())
RULE = "symptom_report"


def guard_config():
    return reading_rule_settings(RULE)


def parsed(text, intent, confidence=0.6):
    ranking = [{"name": intent, "confidence": confidence},
               {"name": "report_complication", "confidence": 0.2},
               {"name": "ask_cost", "confidence": 0.1}]
    return Message({"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking})


def guarded(text, intent, confidence=0.6):
    return reading_rule(RULE).process([parsed(text, intent, confidence)])[0]


@pytest.mark.parametrize("text, intent", [
    ("thanks, but my cheek is still bleeding", "thanks"),
    ("bye, my face is really swollen", "goodbye"),
    ("hi there, I think I'm having an allergic reaction", "greet"),
    ("help!! my skin is burning", "help"),
    ("stop, I feel dizzy", "stop"),
])
def test_a_symptom_read_as_small_talk_becomes_a_complication(text, intent):
    message = guarded(text, intent)
    assert message.get("intent") == {"name": "report_complication", "confidence": 0.6}
    names = [entry["name"] for entry in message.get("intent_ranking")]
    assert names == ["report_complication", intent, "ask_cost"]
    assert "intent" in message.output_properties


def test_a_symptom_read_as_an_uncertain_question_becomes_a_complication():
    below = guard_config()["uncertain_below"]
    message = guarded("help my skin is burning", "ask_treats", confidence=below - 0.01)
    assert message.get("intent")["name"] == "report_complication"


@pytest.mark.parametrize("text, intent", [
    ("how can I tell if my skin got infected after microneedling?", "ask_results"),
    ("what if there's pus coming out of a spot", "ask_downtime"),
    ("I think I'm allergic to the serum they used", "ask_procedure"),
])
def test_a_serious_sign_becomes_a_complication_however_sure_nlu_is(text, intent):
    message = guarded(text, intent, confidence=0.95)
    assert message.get("intent")["name"] == "report_complication"
    assert [entry["name"] for entry in message.get("intent_ranking")][1] == intent


@pytest.mark.parametrize("text, intent, confidence", [
    ("thanks a lot", "thanks", 0.6),                     # small talk without a symptom
    ("will I bleed?", "ask_downtime", 0.9),              # a confident article question
    ("is it safe?", "ask_risk", 0.3),                    # unsure, but no symptom
    ("yes I have an infection", "affirm", 0.3),          # a screening form answer
    ("I've got a skin infection", "inform", 0.3),        # follow-up action's own net
    ("what is this rash on my arm", "out_of_scope", 0.6),  # action_answer_unknown's net
    ("my face is swollen", "nlu_fallback", 0.2),
])
def test_everything_else_keeps_its_intent(text, intent, confidence):
    message = guarded(text, intent, confidence)
    assert message.get("intent")["name"] == intent
    assert [entry["name"] for entry in message.get("intent_ranking")][0] == intent


def test_a_message_without_an_intent_is_left_alone():
    message = reading_rule(RULE).process([Message({"text": "bleeding"})])[0]
    assert message.get("intent") is None


def test_the_rule_runs_after_the_fallback_and_names_real_intents():
    names = [c["name"].split(".")[-1] for c in CONFIG["pipeline"]]
    assert names.index("ReadingRules") > names.index("FallbackClassifier")
    domain_intents = set(yaml.safe_load((ROOT / "domain.yml").read_text())["intents"])
    small_talk = set(guard_config()["small_talk_intents"])
    assert small_talk <= domain_intents
    assert not small_talk & {"affirm", "deny", "report_complication"}


# --- the close_call rule (nlu_components/reading/close_call.py) -----------------------------


@pytest.mark.parametrize("first, second, unsure", [
    (("ask_cost", 0.45), ("ask_procedure", 0.35), True),
    (("ask_cost", 0.45), ("ask_procedure", 0.10), False),   # not close
    (("ask_cost", 0.90), ("ask_procedure", 0.09), False),   # sure
    (("ask_cost", 0.45), ("greet", 0.40), False),           # not two article questions
    (("thanks", 0.45), ("goodbye", 0.40), False),
])
def test_a_close_call_between_article_questions_is_marked_unsure(first, second, unsure):
    ranking = [{"name": n, "confidence": c} for n, c in (first, second)]
    message = Message({"text": "x", "intent": dict(ranking[0]), "intent_ranking": ranking})
    reading_rule("close_call").process([message])
    assert (message.get("intent")["name"] == "nlu_fallback") == unsure
    if unsure:  # the readings stay in the ranking for the reply
        assert [e["name"] for e in message.get("intent_ranking")] == \
            ["nlu_fallback", first[0], second[0]]


@pytest.mark.parametrize("text, intent", [
    ("microneedling has made my face worse, what should I do?", "ask_what_is"),
    ("my acne got a lot worse after my second session", "ask_treats"),
    ("the redness is getting worse, not better", "ask_downtime"),
    ("it made things so much worse", "ask_results"),
])
def test_a_report_that_it_made_things_worse_goes_to_care_however_sure_nlu_is(text, intent):
    assert guarded(text, intent, confidence=0.95).get("intent")["name"] == \
        "report_complication"


@pytest.mark.parametrize("text, intent", [
    ("can microneedling make scars worse?", "ask_risk"),
    ("is it worse than a laser treatment?", "ask_pain"),
    ("will my acne get worse before it gets better", "ask_results"),
])
def test_a_question_whether_it_could_make_things_worse_keeps_its_answer(text, intent):
    assert guarded(text, intent, confidence=0.95).get("intent")["name"] == intent


def test_a_general_question_about_looking_worse_at_first_keeps_its_answer():
    message = guarded("why does the skin look worse in the first week?", "ask_downtime", 0.95)
    assert message.get("intent")["name"] == "ask_downtime"


@pytest.mark.parametrize("text, intent", [
    ("really bad pain 4 days after my session and nothing helps", "ask_pain"),
    ("my cheeks still hurt a week later", "ask_downtime"),
    ("face keeps hurting since friday", "ask_pain"),
])
def test_a_report_of_strong_or_lasting_pain_goes_to_care(text, intent):
    assert guarded(text, intent, confidence=0.95).get("intent")["name"] == \
        "report_complication"


@pytest.mark.parametrize("text, intent", [
    ("is there a lot of pain?", "ask_pain"),
    ("how bad is the pain", "ask_pain"),
    ("does it still hurt the next day?", "ask_downtime"),
])
def test_a_question_about_pain_keeps_its_answer(text, intent):
    assert guarded(text, intent, confidence=0.95).get("intent")["name"] == intent


@pytest.mark.parametrize("text", [
    "I have a lot of pain tolerance so needles don't scare me",
    "my first session went fine, not bad pain at all",
])
def test_pain_that_is_not_a_report_is_not_a_symptom(text):
    from core.symptoms import describes_symptom
    assert not describes_symptom(text)


@pytest.mark.parametrize("text, intent", [
    ("since yesterday there are sore hard lumps under my chin where she worked", "ask_results"),
    ("got these tender bumps near my nose 2 days later, are they normal?", "ask_downtime"),
    ("a few pustules popped up on my forehead after the treatment", "thanks"),
    ("my cheek feels warm to the touch and looks angry", "ask_downtime"),
    ("there's a red streak going down from the spot she needled", "ask_risk"),
])
def test_signs_of_infection_in_other_words_go_to_care(text, intent):
    from core.symptoms import describes_serious_symptom
    # out_of_scope keeps its intent here; action_answer_unknown sends a symptom to care
    assert describes_serious_symptom(text)
    assert guarded(text, intent, confidence=0.95).get("intent")["name"] == \
        "report_complication"


@pytest.mark.parametrize("text", [
    "does it help with bumpy skin texture?",
    "can it get rid of the small bumps from old acne",
    "will my skin be red afterwards?",
])
def test_questions_about_bumps_or_redness_are_not_infection_signs(text):
    from core.symptoms import INFECTION_SIGNS
    assert not INFECTION_SIGNS.search(text)


@pytest.mark.parametrize("text, intent", [
    ("the brown patches on my cheeks are getting darker since my session", "ask_treats"),
    ("two weeks after the treatment the spots have gone darker and they're spreading",
     "ask_downtime"),
    ("dark patches appeared on my forehead after the second treatment", "thanks"),
    ("the needling left me with brown marks all over my jaw", "ask_suitability"),
    ("I had microneedling a month ago and the patches are now darker", "ask_results"),
])
def test_skin_that_got_darker_after_treatment_goes_to_care(text, intent):
    from core.symptoms import describes_serious_symptom
    assert describes_serious_symptom(text)
    assert guarded(text, intent, confidence=0.95).get("intent")["name"] == "report_complication"


@pytest.mark.parametrize("text", [
    "my melasma keeps getting darker every summer, can microneedling help?",
    "my freckles got darker this summer, can I still do it?",
    "dark patches formed during my pregnancy, will microneedling help?",
])
def test_darkening_not_tied_to_a_treatment_keeps_a_confident_answer(text):
    from core.symptoms import describes_serious_symptom, describes_symptom
    assert describes_symptom(text)  # an unsure or unknown reading still goes to care
    assert not describes_serious_symptom(text)
    assert guarded(text, "ask_treats", confidence=0.95).get("intent")["name"] == "ask_treats"


@pytest.mark.parametrize("text", [
    "will it give me dark spots?",
    "my skin is darker than most, is it safe for me?",
    "I have darker skin, can I still have it?",
    "can it make melasma darker?",
    "why do some people get dark patches after it?",
    "lasers gave me dark marks before, will needling do the same",
    "my skin is darker, will I get dark spots?",
    "my skin tone is darker so is it risky",
    "is it spreading to other areas of the face, like the neck?",
])
def test_questions_about_dark_spots_and_darker_skin_are_not_darkening_reports(text):
    from core.symptoms import DARKENING
    assert not DARKENING.search(text)
