"""core/answers.py: a reply to a yes/no question is "yes", "no" or None (unclear)."""
import pytest

from core.answers import (CONTRADICTION_AT, MAX_WORDS, NLU_ALONE_AT, is_hedged, read_yes_no,
                          visible_text)

CLEAR_YES = ["yes", "Yes.", "YES!", "yeah", "yep", "yup", "ya", "yess", "y", "Y", "sure",
             "correct", "of course", "absolutely", "definitely", "I do", "i have", "I did",
             "I had", "yes I do", "yes, I have", "yep, I have", "unfortunately yes",
             "yes please", "that's right", "that\u2019s right", "I think so", "mhm", "uh huh",
             "they do", "it does", "I would", "right", "yes I have had that", "ok yes",
             "yes, a small cut on my chin", "I do, a small cut", "y\u00e9s", "y\u200bes",
             "yeahh", "yepp"]
CLEAR_NO = ["no", "No.", "NO!", "nope", "nah", "n", "N", "never", "none", "nothing",
            "negative", "no way", "not really", "not at all", "I don't", "i dont",
            "I don\u2019t", "I do not", "I haven't", "I have not", "I didn't", "I'm not",
            "I have never", "I never had that", "never had that", "nah never had that",
            "no, never", "not that I know of", "not that I'm aware of", "not as far as I know",
            "not to my knowledge", "I don't think so", "I don't believe so",
            "I have never had keloids", "I have no wounds", "I don't have any open wounds",
            "I had no problems", "not correct", "no thanks", "nope, none", "not right now",
            "I wouldn't", "noo", "nooo", "nop", "nahh", "not that i'm aware", "nope all good"]
# Garbage: nothing left after dropping invisible, control and combining characters, or words
# that answer nothing. NLU labelled several of these affirm (confidence 0.3-0.6).
GARBAGE = {
    "empty": "",
    "spaces": "   \t\n ",
    "zero-width space": "\u200b",
    "zero-width spaces and joiners": "\u200b\u200c\u200d\u2060\ufeff",
    "NUL": "\x00",
    "control characters": "\x00\x01\x07\x1b\x7f",
    "combining marks only": "\u0301\u0308\u0327",
    "many combining marks": "\u0301" * 50,
    "restart (the guard's reading of /restart)": "restart",
    "restart please": "restart please",
    "/restart": "/restart",
    "emoji only": "\U0001F600\U0001F44D",
    "emoji with skin tone": "\U0001F44D\U0001F3FD",
    "punctuation": "?!...",
    "hmm": "hmm",
    "ok": "ok",
    "lol": "lol",
    "whatever": "whatever",
    "other script": "\u0434\u0430",
    "very long text": "lorem ipsum dolor sit amet " * 40,
    "very long yes": "yes " * 200,
    "very long no": "no " * 200,
}
HEDGES = ["maybe", "hmm, maybe?", "not sure", "I'm not sure", "I don't know", "dunno", "idk",
          "no idea", "I have no idea", "possibly", "perhaps", "probably", "kind of",
          "sometimes", "a little", "I can't remember", "yes maybe", "no, not sure",
          "hard to say", "I guess"]
BOTH = ["yes and no", "yes no", "no, I have", "yes, I don't", "nope, yes", "yeah nah"]
STATEMENTS = ["I have light skin", "I don't heal well", "my wounds never heal properly",
              "I have a cut on my chin", "they do heal slowly", "how much does it cost?",
              "what do you mean?", "I had one keloid years ago"]


@pytest.mark.parametrize("text", CLEAR_YES)
def test_clear_yes(text):
    assert read_yes_no(text) == "yes"
    assert read_yes_no(text, "affirm", 0.3) == "yes"


@pytest.mark.parametrize("text", CLEAR_NO)
def test_clear_no(text):
    assert read_yes_no(text) == "no"
    assert read_yes_no(text, "deny", 0.3) == "no"


@pytest.mark.parametrize("text", list(GARBAGE.values()), ids=list(GARBAGE))
@pytest.mark.parametrize("intent,confidence", [(None, None), ("affirm", 0.33), ("affirm", 0.64),
                                               ("deny", 0.64), ("affirm", 1.0), ("deny", 1.0)])
def test_garbage_is_never_an_answer(text, intent, confidence):
    assert read_yes_no(text, intent, confidence) is None


def test_unknown_words_count_only_when_nlu_is_very_sure():
    # "asdf" was read as affirm at 0.33 by the shipped model: unclear. Only a short message
    # that NLU reads as affirm or deny at NLU_ALONE_AT or more gets through (misspellings).
    assert read_yes_no("asdf", "affirm", 0.33) is None
    assert read_yes_no("asdf", "affirm", NLU_ALONE_AT) == "yes"


@pytest.mark.parametrize("text", HEDGES)
def test_hedges_are_unclear_whatever_nlu_says(text):
    assert is_hedged(text)
    for intent in (None, "affirm", "deny"):
        assert read_yes_no(text, intent, 1.0) is None


@pytest.mark.parametrize("text", BOTH)
def test_yes_and_no_words_together_are_unclear(text):
    assert read_yes_no(text) is None
    assert read_yes_no(text, "affirm", 1.0) is None


@pytest.mark.parametrize("text", STATEMENTS)
def test_statements_without_a_yes_or_no_are_unclear(text):
    # "I have light skin" is not "yes" to "is your skin darker?"; "I don't heal well" is not
    # "no" to "do your wounds heal poorly?". (A named condition is read by the form itself.)
    assert read_yes_no(text) is None
    assert read_yes_no(text, "inform", 0.9) is None


def test_nlu_confidently_saying_the_opposite_makes_it_unclear():
    assert read_yes_no("yes", "deny", CONTRADICTION_AT) is None
    assert read_yes_no("no", "affirm", 0.9) is None
    # A weak opposite reading does not overrule the words.
    assert read_yes_no("yes", "deny", CONTRADICTION_AT - 0.01) == "yes"
    assert read_yes_no("nope", "affirm", 0.2) == "no"


def test_nlu_alone_counts_only_when_very_sure_on_a_short_non_acknowledgement():
    # Misspellings the word lists do not know: NLU's char n-grams do.
    assert read_yes_no("yse", "affirm", NLU_ALONE_AT) == "yes"
    assert read_yes_no("noe", "deny", 0.95) == "no"
    assert read_yes_no("yse", "affirm", NLU_ALONE_AT - 0.01) is None
    assert read_yes_no("noe", "inform", 0.99) is None
    assert read_yes_no("yse", None, None) is None
    # Acknowledgements and unrelated words are not answers, however sure NLU is.
    for text in ("ok", "great", "cool", "alright", "thanks", "restart", "whatever"):
        assert read_yes_no(text, "affirm", 0.99) is None
    # A longer message with no yes/no words is not an answer through NLU alone.
    assert read_yes_no("the thing on my face", "affirm", 0.99) is None


def test_our_buttons_are_answers():
    assert read_yes_no("/affirm", "affirm", 1.0) == "yes"
    assert read_yes_no("/deny", "deny", 1.0) == "no"
    assert read_yes_no(" /deny ") == "no"
    assert read_yes_no("/affirmx") is None


def test_answers_up_to_the_word_limit_count():
    long_no = "no, " + " ".join(["skin"] * (MAX_WORDS - 1))
    assert read_yes_no(long_no) == "no"
    assert read_yes_no(long_no + " skin") is None


def test_visible_text_drops_invisible_control_and_combining_characters():
    assert visible_text("\u200b\x00\u0301") == ""
    assert visible_text(" y\u200be\u0301s\n\tplease ") == "yes please"
    assert visible_text(None) == ""


def test_none_and_non_strings_are_unclear():
    assert read_yes_no(None) is None
    assert read_yes_no(None, "affirm", 1.0) is None


@pytest.mark.parametrize("text, expected", [
    # a question that opens the reply answers nothing, and "make sure" is no "sure"
    ("um how can I make sure whoever does it has done dark skin before", None),
    ("so what would happen if I had one", None),
    # what follows the question still answers
    ("what if i say no? no", "no"),
    ("sure", "yes"),
])
def test_a_question_in_reply_is_no_answer(text, expected):
    assert read_yes_no(text) == expected


@pytest.mark.parametrize("text", [
    # what follows a question is part of it, or the question contradicts it: no answer
    "what if I've had none, do I still tick yes",
    "what if I never had one, yes?",
    "what happens if I say no, do you say yes anyway",
])
def test_what_the_question_contradicts_or_still_asks_is_no_answer(text):
    assert read_yes_no(text) is None
