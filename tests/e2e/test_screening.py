"""The whole screening form over REST, with the transcript saved to results/screening.txt."""
import json
import sqlite3

import pytest

from channels.guard import EMPTY_REPLY, screen
from harness.servers import ROOT, reply_text

WOUNDS, SCARS = "screen_wounds_or_infection", "screen_scars"
WOUNDS_QUESTION = "open wounds or a skin infection"
# Messages an adversarial run got recorded as "yes" to the first question (NLU: affirm at
# 0.33-0.64). "/restart" reaches Rasa as "restart"; nothing-visible messages never reach Rasa
# (channels/guard.py).
GARBAGE = {
    "zero-width space": "\u200b",
    "NUL": "\x00",
    "combining marks": "\u0301\u0308\u0327",
    "slash restart": "/restart",
    "restart please": "restart please",
    "emoji": "\U0001F600\U0001F44D",
    "long text": "lorem ipsum dolor sit amet " * 30,
}


def slot_values(assistant, sender, slot):
    """Every value the stored conversation ever gave `slot`, in order."""
    with sqlite3.connect(assistant.workdir / "tracker.db") as database:
        rows = database.execute("SELECT data FROM events WHERE sender_id = ? AND "
                                "type_name = 'slot' ORDER BY id", (sender,)).fetchall()
    return [event["value"] for event in map(json.loads, (row[0] for row in rows))
            if event.get("name") == slot]


def slot_value(assistant, sender, slot):
    values = slot_values(assistant, sender, slot)
    return values[-1] if values else None


@pytest.mark.parametrize("garbage", list(GARBAGE.values()), ids=list(GARBAGE))
def test_garbage_in_the_form_is_never_recorded_as_an_answer(assistant, garbage):
    sender = "garbage-" + str(list(GARBAGE.values()).index(garbage))
    say = lambda text: reply_text(assistant.say(sender, text))  # noqa: E731
    assert WOUNDS_QUESTION in say("am I a good candidate?")
    if screen(garbage)[0] is None:
        # Nothing readable: the input guard answers it and the form never sees it.
        assert say(garbage) == say(garbage) == EMPTY_REPLY
        assert slot_values(assistant, sender, WOUNDS) == []
        say("yes")
        assert slot_value(assistant, sender, WOUNDS) == "yes"
        return
    text = say(garbage)
    assert WOUNDS_QUESTION in text  # asked again
    assert slot_value(assistant, sender, WOUNDS) is None
    text = say(garbage)
    # Asked twice: marked unsure and the next question comes (or, for a message that is not
    # an attempt at an answer, such as emoji read as out of scope, asked once more).
    assert slot_value(assistant, sender, WOUNDS) in (None, "unsure")
    current = SCARS if slot_value(assistant, sender, WOUNDS) == "unsure" else WOUNDS
    assert ("keloid" if current == SCARS else WOUNDS_QUESTION) in text
    assert "yes" not in slot_values(assistant, sender, WOUNDS)
    # A clear answer still works, yes and no.
    say("yes")
    assert slot_value(assistant, sender, current) == "yes"
    say("no")
    following = "screen_poor_healing" if current == SCARS else SCARS
    assert slot_value(assistant, sender, following) == "no"


def test_an_unsure_answer_reaches_the_verdict_honestly(assistant):
    sender = "screening-unsure"
    say = lambda text: reply_text(assistant.say(sender, text))  # noqa: E731
    assert WOUNDS_QUESTION in say("am I a good candidate?")
    text = say("restart")
    assert "Please answer yes or no" in text and WOUNDS_QUESTION in text
    assert "keloid" in say("restart please")
    assert slot_value(assistant, sender, WOUNDS) == "unsure"
    say("no")
    say("no")
    text = say("no")
    assert "couldn't tell your answer about open wounds or a skin infection" in text
    assert "dermatologist or your provider" in text
    assert "Nothing you told me" not in text and "would not recommend micro-needling for you" \
        not in text


def test_stop_still_leaves_the_form_after_an_unclear_answer(assistant):
    sender = "screening-stop"
    say = lambda text: reply_text(assistant.say(sender, text))  # noqa: E731
    say("am I a good candidate?")
    say("restart please")
    assert "no more questions" in say("stop")
    assert slot_value(assistant, sender, WOUNDS) is None


def test_screening_form_end_to_end(assistant):
    sender = "screening-e2e"
    transcript = []

    def say(text):
        messages = assistant.say(sender, text)
        transcript.append(f"visitor: {text}")
        for message in messages:
            buttons = [b["title"] for b in message.get("buttons", [])]
            transcript.append(f"bot: {message.get('text', '')}"
                              + (f"  [buttons: {', '.join(buttons)}]" if buttons else ""))
        return reply_text(messages), messages

    say("I have dark skin")                                  # given before the form
    text, messages = say("am I a good candidate?")
    assert "open wounds or a skin infection" in text
    assert [b["payload"] for b in messages[-1]["buttons"]] == ["/affirm", "/deny"]
    text, _ = say("nope")
    assert "keloid" in text
    text, messages = say("hmm, maybe?")                      # unclear: asked once more
    assert "keloid" in text and messages[-1].get("buttons")
    text, _ = say("I had one keloid years ago")              # free text with the answer
    assert "heal poorly or slowly" in text
    text, _ = say("not that I know of")
    # Darker skin was said before the form: not asked again; the verdict comes now.
    assert "Would you describe your skin tone as darker?" not in text
    assert "not recommend" in text and "a history of keloid scars" in text
    assert "hyperpigmentation" in text and "dermatologist makes the decision" in text
    assert "background and training" in text
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "screening.txt").write_text("\n".join(transcript) + "\n")
