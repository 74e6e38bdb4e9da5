"""The socket.io channel for the website widget, with the guard in front and conversations kept
apart.

Rasa's stock channel takes the conversation id from whatever each message says and sends
replies to a room every socket with that id joins, so a second socket naming someone's id
reads their replies. Here:
- the conversation id is issued by the server (channels/session_ids.py): a `session_request`
  naming an id we issued continues that conversation (the widget reconnecting), anything else
  starts a new one;
- a socket's messages go to the conversation confirmed for that socket, whatever the message
  says, and replies go to that socket only;
- connections are accepted only from the page's origin: the origins given to `rasa run --cors`
  (as `make run` does with WEB_ORIGIN), else WEB_ORIGIN; requests without an Origin header, i.e.
  not from a browser, are let through, as for CORS;
- an event's size is bounded (MAX_EVENT_BYTES) and malformed events are ignored.
"""
import logging
import os
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Union

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from channels import session_ids
from channels.guard import guard
from channels.server_setup import prepare_server

logger = logging.getLogger(__name__)

MAX_EVENT_BYTES = 16 * 1024  # a message is at most MAX_MESSAGE_CHARS (channels/guard.py)
DEFAULT_WEB_ORIGIN = "http://127.0.0.1:8080"


def allowed_origins(app: Optional[Sanic] = None) -> Union[str, list]:
    """The origins given to `rasa run --cors` (Sanic-CORS keeps them on the app), else
    WEB_ORIGIN (comma-separated if the widget is on several sites)."""
    cors = getattr(getattr(app, "ctx", None), "sanic_cors", None)
    resources = getattr(cors, "_options", {}).get("resources", {}) if cors else {}
    origins = resources.get(r"/*", {}).get("origins") if isinstance(resources, dict) else None
    if isinstance(origins, str):
        origins = [origins] if origins else []
    if origins:
        return "*" if "*" in origins else [o.rstrip("/") for o in origins]
    configured = os.environ.get("WEB_ORIGIN", DEFAULT_WEB_ORIGIN)
    return [origin.strip().rstrip("/") for origin in configured.split(",") if origin.strip()]


class HardenedSocketBlueprint(SocketBlueprint):
    def register(self, app: Sanic, options: Dict[Text, Any]) -> None:
        prepare_server(app, self)
        # Rasa configures CORS before it registers the channels: the socket takes the same
        # origins. Checked in `connect`, not by engine.io's own CORS option: that one would add
        # a second Access-Control-Allow-Origin header beside Sanic-CORS's, which browsers refuse.
        self.ctx.allowed_origins = allowed_origins(app)
        super().register(app, options)


class GuardedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        guarded = guard(on_new_message)
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[],
                          max_http_buffer_size=MAX_EVENT_BYTES)
        webhook = HardenedSocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        webhook.ctx.allowed_origins = allowed_origins()
        self.sio = sio  # Rasa's get_output_channel uses it

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            allowed = webhook.ctx.allowed_origins
            return origin is None or allowed == "*" or origin.rstrip("/") in allowed

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any = None) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            conversation = requested if session_ids.is_issued(requested) else session_ids.issue()
            await sio.save_session(sid, {"conversation": conversation}, namespace=self.namespace)
            await sio.emit("session_confirm", conversation, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any = None) -> None:
            session = await sio.get_session(sid, namespace=self.namespace)
            conversation = session.get("conversation")
            if conversation is None:  # no session_request yet: start one for this socket
                conversation = session_ids.issue()
                await sio.save_session(sid, {"conversation": conversation},
                                       namespace=self.namespace)
                await sio.emit("session_confirm", conversation, room=sid,
                               namespace=self.namespace)
            text = data.get("message") if isinstance(data, dict) else None
            output = SocketIOOutput(sio, self.bot_message_evt)
            # Replies are addressed to this socket (`sid`), not to the conversation's room.
            await guarded(SocketUserMessage(text, output, conversation, sid))

        return webhook


class SocketUserMessage(UserMessage):
    """A UserMessage whose replies go to one socket, not to everyone naming its conversation."""

    def __init__(self, text: Optional[Text], output: SocketIOOutput, conversation: Text,
                 sid: Text) -> None:
        super().__init__(text if isinstance(text, str) else None, SidOutput(output, sid),
                         conversation, input_channel="socketio")


class SidOutput(SocketIOOutput):
    """Sends every reply to one socket id, whatever recipient Rasa names."""

    def __init__(self, inner: SocketIOOutput, sid: Text) -> None:
        super().__init__(inner.sio, inner.bot_message_evt)
        self.sid = sid

    async def _send_message(self, socket_id: Text, response: Any) -> None:
        await self.sio.emit(self.bot_message_evt, response, room=self.sid)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any],
                               **kwargs: Any) -> None:
        json_message = dict(json_message, room=self.sid)
        await self.sio.emit(self.bot_message_evt, **json_message)
