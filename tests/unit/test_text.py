"""The one cleaner of visitors' text (core/text.py) and the one list of question starts."""
import pytest

from core.text import QUESTION_START, asks_a_question, printable_text


@pytest.mark.parametrize("text, expected, words_only", [
    ("  yes\n\tplease ", "yes please", "yes please"),
    ("does\x00it\u200b hurt", "does it hurt", "does it hurt"),
    ("Zo\u00eb", "Zo\u00eb", "Zoe"),
    ("ye\u0301s", "y\u00e9s", "yes"),
    ("\U0001F469\u200d\u2695\ufe0f ok", "\U0001F469\u200d\u2695\ufe0f ok",
     "\U0001F469\u200d\u2695 ok"),
    (None, "", ""),
])
def test_printable_text_keeps_what_can_be_read(text, expected, words_only):
    assert printable_text(text) == expected
    assert printable_text(text, drop_marks=True) == words_only


@pytest.mark.parametrize("text", ["how much is it", "whats the price", "is it safe",
                                  "should i wait", "anything i should know"])
def test_question_starts(text):
    assert QUESTION_START.match(text)


@pytest.mark.parametrize("text", ["my face is red", "thanks", "i think so"])
def test_statements_do_not_start_a_question(text):
    assert not QUESTION_START.match(text)


@pytest.mark.parametrize("text", [
    # a question put as a request is one for the segmenter only: with a symptom told, a report
    "my skin is burning since the treatment this morning, tell me if that's normal",
    "my face is bleeding, tell me what to do",
    "I was wondering if my face is still bleeding",
])
def test_a_request_to_be_told_is_no_question_for_the_symptom_net(text):
    assert not asks_a_question(text)
