"""Rasa's REST channel (same URL: /webhooks/rest/webhook) with request checks and the guard."""
import json
from typing import Any, Awaitable, Callable, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from channels.guard import MAX_SENDER_CHARS, guard


def request_body(request: Request) -> dict:
    try:
        body = json.loads(request.body.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidUsage("The request body must be UTF-8 encoded JSON.")
    except json.JSONDecodeError:
        raise InvalidUsage("The request body must be JSON: "
                           '{"sender": "<id>", "message": "<text>"}.')
    if not isinstance(body, dict):
        raise InvalidUsage('The request body must be a JSON object: '
                           '{"sender": "<id>", "message": "<text>"}.')
    return body


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        sender = request_body(req).get("sender")
        if not isinstance(sender, str) or not sender.strip():
            raise InvalidUsage('"sender" is required: a non-empty string.')
        if len(sender) > MAX_SENDER_CHARS:
            raise InvalidUsage(f'"sender" may be at most {MAX_SENDER_CHARS} characters.')
        return sender

    def _extract_message(self, req: Request) -> Optional[Text]:
        message = request_body(req).get("message")
        if message is not None and not isinstance(message, str):
            raise InvalidUsage('"message" must be a string.')
        return message

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return super().blueprint(guard(on_new_message))
