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
