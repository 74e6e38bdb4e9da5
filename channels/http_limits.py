"""HTTP limits for the Rasa server: bad framing is refused before Sanic reads a body.

Sanic 21.12 trusts the Content-Length header: a negative value sends it into a busy loop that
ignores SIGTERM, a non-numeric one or an unknown Transfer-Encoding ends in a 500. The check
below runs on Sanic's `http.lifecycle.request` signal, after the headers are parsed and before
any body is read, and answers 400 (the connection is then closed). The other limits bound what
one request may cost: body size, header size, and how long a slow client may take to send it.
Applied by our channels' blueprints when the Rasa server registers them (server_setup.py).
"""
import re

from sanic import Blueprint, Sanic
from sanic.exceptions import InvalidUsage
from sanic.request import Request

MAX_BODY_BYTES = 64 * 1024  # a visitor message is at most a few kB (channels/guard.py)
MAX_HEADER_BYTES = 8 * 1024
REQUEST_TIMEOUT_SECONDS = 10  # a client that has not sent its whole request by then is dropped
_DIGITS = re.compile(r"[0-9]{1,12}")


def check_framing(request: Request) -> None:
    """Raises InvalidUsage (400) for framing Sanic would mishandle."""
    headers = request.headers
    lengths = headers.getall("content-length", [])
    encodings = headers.getall("transfer-encoding", [])
    if lengths and encodings:
        raise InvalidUsage("Send either Content-Length or Transfer-Encoding, not both.")
    if len(lengths) > 1:
        raise InvalidUsage("Send one Content-Length header.")
    if lengths and not _DIGITS.fullmatch(lengths[0].strip()):
        raise InvalidUsage("Content-Length must be a non-negative whole number.")
    if encodings and [e.strip().lower() for e in encodings] != ["chunked"]:
        raise InvalidUsage("The only Transfer-Encoding accepted is chunked.")


def harden(app: Sanic, blueprint: Blueprint) -> None:
    """Sets the request limits on `app` and the framing check on `blueprint` (the signal runs
    for every request of the app, whichever blueprint registered it). Idempotent per app."""
    app.config.REQUEST_MAX_SIZE = min(app.config.REQUEST_MAX_SIZE, MAX_BODY_BYTES)
    app.config.REQUEST_MAX_HEADER_SIZE = min(app.config.REQUEST_MAX_HEADER_SIZE,
                                             MAX_HEADER_BYTES)
    app.config.REQUEST_TIMEOUT = min(app.config.REQUEST_TIMEOUT, REQUEST_TIMEOUT_SECONDS)
    if getattr(app.ctx, "framing_checked", False):
        return
    app.ctx.framing_checked = True

    async def refuse_bad_framing(request: Request) -> None:
        check_framing(request)

    blueprint.signal("http.lifecycle.request")(refuse_bad_framing)

