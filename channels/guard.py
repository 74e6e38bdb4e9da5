"""Screens visitor messages before Rasa sees them, and makes sure every message gets a reply.

One guard for every channel (REST and socket.io):
- control and invisible characters are dropped; a message with nothing visible left, or over
  MAX_MESSAGE_CHARS, or over MAX_STORED_CHARS once escaped as the tracker store keeps it, or
  with text that cannot be encoded (a lone surrogate), gets a clear reply and is not processed;
- a sender over the rate limit (channels/rate_limit.py) gets "please slow down";
- the channel's metadata is not kept: nothing in the assistant reads it, and storing what a
  client sends there would let one request grow the tracker store without bound (the guard's
  own, {QUESTION_KEY: n} on the n-th question after the first of a message, is all there is);
- a message starting with "/" is an intent only if it is exactly one of VISITOR_PAYLOADS (what
  our buttons and the widget send); anything else ("/restart", '/greet{"slot": "x"}') is read as
  plain words, so visitors cannot set slots or trigger internal intents;
- a message that asks several questions ("how much is it and does it hurt?") is processed as
  one message per question, in order (channels/questions.py); a reply identical to one already
  given to the same visitor message is sent once;
- if processing fails (action server down, lock or tracker store unreachable) or produces no
  reply, the visitor is told we can't answer right now instead of getting silence.
"""
import copy
import json
import logging
import os
import unicodedata
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

from rasa.core.channels.channel import OutputChannel, UserMessage

from channels.questions import split_questions
from channels.rate_limit import SLOW_DOWN_REPLY, RateLimiter
from core.follow_ups import QUESTION_KEY
from core.text import printable_text

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = int(os.environ.get("MAX_MESSAGE_CHARS", "1000"))
# Rasa stores a message's text twice (the event and its parse data), JSON-escaped: a character
# outside ASCII takes 6 or 12 bytes there. This bounds the stored bytes whatever the script
# (1000 ASCII characters, about 260 accented or CJK ones, or 130 emoji).
MAX_STORED_CHARS = 1600
MAX_SENDER_CHARS = 128
# Unicode categories with nothing to read: controls, format (zero-width), surrogates, private
# use, unassigned, separators and lone combining marks.
INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"}

# Payloads a visitor may send as intents: the help menu's buttons, the widget's greeting and
# the help menu's "Delete my conversation" button (utter_help in domain.yml).
VISITOR_PAYLOADS = {
    "/greet", "/affirm", "/deny", "/help",
    "/ask_what_is", "/ask_treats", "/ask_procedure", "/ask_treatment_plan", "/ask_suitability",
    "/ask_pain", "/ask_downtime", "/ask_risk", "/ask_cost", "/ask_results", "/ask_provider",
    "/ask_candidate", "/request_callback", "/delete_conversation",
}

EMPTY_REPLY = ("Your message looks empty. What would you like to know about micro-needling? "
               "Type \"help\" to see the topics.")
TOO_LONG_REPLY = (f"Your message is too long for me (over {MAX_MESSAGE_CHARS} characters). "
                  "Please ask one short question at a time.")
UNREADABLE_REPLY = ("I couldn't read some characters in your message. Please type your "
                    "question again in plain text.")
UNAVAILABLE_REPLY = ("Sorry, I can't answer that right now because part of the service is "
                     "unavailable. Please try again in a minute; your conversation is kept.")


def is_encodable(text: Text) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def visible_text(text: Text) -> Text:
    """The text as core/text.py cleans it; empty when nothing readable is left."""
    kept = printable_text(text)
    if all(unicodedata.category(c) in INVISIBLE for c in kept):
        return ""
    return kept


def screen(text: Optional[Text]) -> Tuple[Optional[Text], Optional[Text]]:
    """Returns (text to process, None), or (None, the reply that refuses it)."""
    if not isinstance(text, str):
        return None, EMPTY_REPLY
    if len(text) > MAX_MESSAGE_CHARS:
        return None, TOO_LONG_REPLY
    if not is_encodable(text):
        return None, UNREADABLE_REPLY
    text = visible_text(text)
    if not text:
        return None, EMPTY_REPLY
    if len(json.dumps(text)) > MAX_STORED_CHARS:
        return None, TOO_LONG_REPLY
    if text.startswith("/") and text not in VISITOR_PAYLOADS:
        text = text.lstrip("/").strip()  # read as words, never as an intent or slot command
        if not text:
            return None, EMPTY_REPLY
    return text, None


VISIBLE = ("text", "buttons", "quick_replies", "image", "attachment", "elements", "custom")


class CountingOutput(OutputChannel):
    """Passes replies through to the real output channel, counts them, and drops a reply that
    repeats one already sent for the same visitor message (two questions, one answer)."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0
        self.seen: set = set()

    def name(self) -> Text:  # type: ignore[override]
        return self.inner.name()

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.sent += 1
        # What the visitor sees: Rasa also stamps each bot message with the time it was sent and
        # with how it was made (a rule's response or an action's), where two equal replies differ.
        key = repr(sorted((k, v) for k, v in message.items() if k in VISIBLE))
        if key in self.seen:
            return
        self.seen.add(key)
        await self.inner.send_response(recipient_id, message)

    def __getattr__(self, attribute: Text) -> Any:
        return getattr(self.inner, attribute)


def guard(on_new_message: Callable[[UserMessage], Awaitable[Any]],
          rate_limiter: Optional[RateLimiter] = None
          ) -> Callable[[UserMessage], Awaitable[Any]]:
    rate_limiter = rate_limiter or RateLimiter()

    async def guarded(message: UserMessage) -> None:
        text, refusal = screen(message.text)
        if refusal is None and not rate_limiter.allow(message.sender_id):
            refusal = SLOW_DOWN_REPLY
        if refusal is not None:
            await message.output_channel.send_text_message(message.sender_id, refusal)
            return
        counting = CountingOutput(message.output_channel)
        questions = [text] if text.startswith("/") else split_questions(text)
        unanswered = False
        for number, question in enumerate(questions):
            part = copy.copy(message)
            part.text = question
            part.output_channel = counting
            # The client's metadata is never kept; a later question of the message says which
            # it is, so a rule can tell "does it hurt?" after "how much is it?" in one message
            # from a follow-up to the answer before (nlu_components/reading/same_topic.py).
            part.metadata = {QUESTION_KEY: number} if number else None
            if number:
                part.message_id = uuid.uuid4().hex
            sent_before = counting.sent
            try:
                await on_new_message(part)
            except Exception as error:  # the visitor must never get silence
                logger.error("Could not process a message (%s): %s", type(error).__name__, error)
            unanswered = unanswered or counting.sent == sent_before
        if unanswered:
            await counting.inner.send_text_message(message.sender_id, UNAVAILABLE_REPLY)

    return guarded
