"""End to end over the REST channel: real action server, real Rasa server, trained model."""
from harness.servers import reply_text


def test_pain_answer_mentions_numbing_cream(assistant):
    text = reply_text(assistant.say("e2e-pain", "does it hurt?"))
    assert "numbing cream" in text and "mild" in text


def test_cost_answer_gives_the_price_range_and_follows_up_on_an_area(assistant):
    text = reply_text(assistant.say("e2e-cost", "how much is it?"))
    assert "$300 to $400" in text
    text = reply_text(assistant.say("e2e-cost", "what about my neck?"))
    assert "$300 to $400" in text and "neck" in text
    text = reply_text(assistant.say("e2e-cost", "and for three sessions?"))
    assert "$900 to $1,200" in text


def test_dark_skin_question_gets_the_caution_and_the_provider_questions(assistant):
    text = reply_text(assistant.say("e2e-skin", "is it safe for dark skin?"))
    assert "hyperpigmentation" in text
    assert "background and training" in text
    assert "how often they perform micro-needling" in text


def test_downtime_answer_gives_24_hours(assistant):
    text = reply_text(assistant.say("e2e-downtime", "how long is the recovery?"))
    assert "24 hours" in text


def test_a_question_the_article_does_not_answer_is_not_guessed(assistant):
    messages = assistant.say("e2e-oos", "does health insurance pay for microneedling?")
    # First the plain word that the article doesn't cover it; what may follow is the article's
    # nearest topic (its prices), never a word about insurance.
    assert "doesn't cover insurance" in messages[0]["text"]
    assert "dermatologist" in messages[0]["text"]
    assert "insurance" not in reply_text(messages[1:])


def test_two_questions_in_one_message_get_both_answers_in_order(assistant):
    text = reply_text(assistant.say("e2e-two", "how much is it and does it hurt?"))
    assert "$300 to $400" in text and "numbing cream" in text
    assert text.index("$300") < text.index("numbing cream")


def test_a_follow_up_after_a_fixed_answer_stays_on_its_topic(assistant):
    assistant.say("e2e-treats", "what does microneedling treat?")
    text = reply_text(assistant.say("e2e-treats", "what about wrinkles?"))
    assert "acne scars" in text and "Thanks, noted" not in text


def test_how_long_after_the_results_answer_asks_how_long_results_go_on(assistant):
    assistant.say("e2e-how-long", "when will I see results?")
    text = reply_text(assistant.say("e2e-how-long", "for how long?"))
    assert "months after" in text and "minutes" not in text


def test_one_session_or_all_after_the_cost_answer_asks_about_the_cost(assistant):
    # Read alone, the message is the number-of-sessions question (the one_or_all reading rule).
    assistant.say("e2e-one-or-all", "how much does it cost?")
    text = reply_text(assistant.say("e2e-one-or-all",
                                    "is it for one appointment or the full course?"))
    assert "$300" in text and "$1,800" in text and "weeks apart" not in text


def test_a_topic_the_article_never_covers_is_named_then_the_nearest_answer(assistant):
    text = reply_text(assistant.say("e2e-gap", "is microneedling safe during pregnancy?"))
    assert "doesn't cover pregnancy" in text


def test_a_usual_after_effect_gets_the_article_and_when_to_call(assistant):
    text = reply_text(assistant.say("e2e-peel", "is a little bleeding normal after microneedling?"))
    assert "24 hours" in text and "provider" in text


def test_contraindication_then_risk_is_not_recommended(assistant):
    assistant.say("e2e-keloid", "I have a history of keloid scars")
    text = reply_text(assistant.say("e2e-keloid", "is it risky?"))
    assert "not recommended" in text and "dermatologist" in text
