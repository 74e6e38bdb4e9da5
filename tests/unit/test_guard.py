"""The input guard's screening rules (channels/guard.py)."""
import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.guard import (EMPTY_REPLY, MAX_MESSAGE_CHARS, TOO_LONG_REPLY, UNAVAILABLE_REPLY,
                            guard, screen)


@pytest.mark.parametrize("text, expected", [
    ("does it hurt?", ("does it hurt?", None)),
    ("  padded  ", ("padded", None)),
    ("", (None, EMPTY_REPLY)),
    ("   \n\t", (None, EMPTY_REPLY)),
    (None, (None, EMPTY_REPLY)),
    ("x" * (MAX_MESSAGE_CHARS + 1), (None, TOO_LONG_REPLY)),
    ("x" * MAX_MESSAGE_CHARS, ("x" * MAX_MESSAGE_CHARS, None)),
    ("/ask_cost", ("/ask_cost", None)),          # a help-menu button
    ("/restart", ("restart", None)),             # not for visitors: read as a word
    ('/greet{"slot": "x"}', ('greet{"slot": "x"}', None)),
    ("/ask_cost{\"num_sessions\": \"9\"}", ("ask_cost{\"num_sessions\": \"9\"}", None)),
    ("///", (None, EMPTY_REPLY)),
])
def test_screen(text, expected):
    assert screen(text) == expected


def run_guarded(handler, text):
    output = CollectingOutputChannel()
    asyncio.run(guard(handler)(UserMessage(text, output, "visitor")))
    return [m.get("text") for m in output.messages]


def test_a_refused_message_never_reaches_rasa():
    called = []

    async def handler(message):
        called.append(message.text)

    assert run_guarded(handler, "") == [EMPTY_REPLY]
    assert called == []


def test_a_failure_gets_the_unavailable_reply():
    async def handler(message):
        raise ConnectionError("action server down")

    assert run_guarded(handler, "does it hurt?") == [UNAVAILABLE_REPLY]


def test_silence_gets_the_unavailable_reply():
    async def handler(message):
        return None  # processed, but nothing was said (e.g. a failed custom action)

    assert run_guarded(handler, "does it hurt?") == [UNAVAILABLE_REPLY]


def test_a_normal_reply_passes_through_alone():
    async def handler(message):
        await message.output_channel.send_response(message.sender_id, {"text": "answer"})

    assert run_guarded(handler, "does it hurt?") == ["answer"]


def test_two_questions_are_processed_in_order_as_two_messages():
    seen = []

    async def handler(message):
        seen.append((message.text, message.sender_id, message.message_id))
        await message.output_channel.send_response(message.sender_id,
                                                   {"text": f"answer to {message.text}"})

    replies = run_guarded(handler, "how much is it and does it hurt?")
    assert replies == ["answer to how much is it", "answer to does it hurt?"]
    assert [sender for _, sender, _ in seen] == ["visitor", "visitor"]
    assert seen[0][2] != seen[1][2]  # each question its own message id


def test_the_same_reply_to_both_questions_is_sent_once():
    async def handler(message):
        await message.output_channel.send_response(message.sender_id, {"text": "what it is"})

    assert run_guarded(handler, "what is it and how does it work?") == ["what it is"]


def test_the_same_reply_sent_at_two_times_is_still_sent_once():
    # Rasa's bot messages carry the time each was sent (BotUttered.message()).
    import itertools
    clock = itertools.count()

    async def handler(message):
        await message.output_channel.send_response(
            message.sender_id, {"text": "what it is", "timestamp": next(clock)})

    assert run_guarded(handler, "what is it and how does it work?") == ["what it is"]


def test_the_same_reply_made_two_ways_is_still_sent_once():
    # The seek-care reply from a rule's response and from an action carry different
    # bookkeeping (how it was made), the same words.
    replies = iter([{"text": "care", "template_name": "utter_seek_care"},
                    {"text": "care", "utter_action": "action_answer_unknown"}])

    async def handler(message):
        await message.output_channel.send_response(message.sender_id, next(replies))

    assert run_guarded(handler, "swelling?? and can I wash my face that night?") == ["care"]


def test_a_failed_second_question_is_not_silent():
    async def handler(message):
        if "hurt" in message.text:
            raise ConnectionError("action server down")
        await message.output_channel.send_response(message.sender_id, {"text": "cost"})

    assert run_guarded(handler, "how much is it and does it hurt?") == ["cost", UNAVAILABLE_REPLY]


def test_a_button_payload_is_never_split():
    seen = []

    async def handler(message):
        seen.append(message.text)
        await message.output_channel.send_response(message.sender_id, {"text": "ok"})

    run_guarded(handler, "/ask_cost")
    assert seen == ["/ask_cost"]
