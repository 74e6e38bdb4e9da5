"""The REST channel (Rasa's URL: POST /webhooks/rest/webhook, {"sender", "message"}) for tests,
integrations and `curl`, with strict request checks and the guard.

Visitors never need REST (the widget uses socket.io), so it is closed to the public:
- with REST_TOKEN set, every request needs `Authorization: Bearer <REST_TOKEN>`;
- without it, only callers on this machine (loopback) are served.
A request must be `Content-Type: application/json` (a browser cannot send that cross-origin
without a CORS preflight, which the server refuses for other origins). The body must be a JSON
object with a plain `sender` (SENDER_FORM) and a string `message`; anything else, including
text that cannot be encoded, JSON nested too deep or numbers too long, gets a 400 with the
reason. A sender of the widget's id form is refused, so REST never touches a widget
conversation. Replies are returned as a JSON list, as by Rasa's REST channel.
"""
import hmac
import ipaddress
import json
import os
import re
from typing import Any, Awaitable, Callable, Dict, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage, Unauthorized
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import session_ids
from channels.guard import MAX_SENDER_CHARS, guard, is_encodable
from channels.server_setup import PreparedBlueprint

SENDER_FORM = re.compile(r"[A-Za-z0-9_.:@-]{1,%d}" % MAX_SENDER_CHARS)
MAX_JSON_DEPTH = 4
USAGE = 'Send JSON: {"sender": "<id>", "message": "<text>"}.'


def caller_allowed(request: Request, token: str) -> bool:
    if token:
        given = request.headers.get("authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    try:
        return ipaddress.ip_address(request.ip).is_loopback
    except ValueError:
        return False


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def _all_encodable(value: Any) -> bool:
    if isinstance(value, str):
        return is_encodable(value)
    if isinstance(value, dict):
        return all(_all_encodable(k) and _all_encodable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_all_encodable(v) for v in value)
    return True


def parse_request(request: Request) -> Dict[Text, Any]:
    """The request's sender and message, or InvalidUsage saying what is wrong."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise InvalidUsage("The request must have Content-Type: application/json. " + USAGE)
    try:
        body = json.loads(request.body.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidUsage("The request body must be UTF-8 encoded JSON.")
    except (ValueError, RecursionError):  # bad JSON, too deep, or a number too long
        raise InvalidUsage("The request body must be valid JSON. " + USAGE)
    if not isinstance(body, dict):
        raise InvalidUsage("The request body must be a JSON object. " + USAGE)
    if _depth(body) > MAX_JSON_DEPTH or not _all_encodable(body):
        raise InvalidUsage("The request body has nesting or characters we cannot read. " + USAGE)
    sender, message = body.get("sender"), body.get("message")
    if not isinstance(sender, str) or not SENDER_FORM.fullmatch(sender):
        raise InvalidUsage(f'"sender" is required: 1 to {MAX_SENDER_CHARS} letters, digits '
                           'or "_.:@-".')
    if session_ids.ID_FORM.fullmatch(sender):
        raise InvalidUsage('"sender" may not have the form of a widget conversation id.')
    if message is not None and not isinstance(message, str):
        raise InvalidUsage('"message" must be a string.')
    return {"sender": sender, "message": message}


class GuardedRestInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        guarded = guard(on_new_message)
        token = os.environ.get("REST_TOKEN", "")
        webhook = PreparedBlueprint("rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not caller_allowed(request, token):
                raise Unauthorized("The REST channel is for this machine, or needs REST_TOKEN.")
            fields = parse_request(request)
            collector = CollectingOutputChannel()
            await guarded(UserMessage(fields["message"], collector, fields["sender"],
                                      input_channel=self.name()))
            return response.json(collector.messages)

        return webhook
