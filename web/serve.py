"""Serves the clinic page, its script and the widget bundle on 127.0.0.1 (a tiny static server).

The page gets the Rasa server's address from RASA_PUBLIC_URL (written into a <meta> tag that
web/page.js reads) and the retention period it tells visitors from RETENTION_DAYS (as `make
purge` does). Every response carries a strict Content-Security-Policy (no inline scripts,
no framing) and the usual hardening headers. Slow or idle clients cannot hold the server: a
request must arrive within READ_TIMEOUT seconds and MAX_HEAD_BYTES, at most MAX_CONNECTIONS are
handled at once, and when all are taken the one that has waited longest for its request is
dropped so that a normal request is still served.
Usage: python web/serve.py [--host 127.0.0.1] [--port 8080]
"""
import argparse
import html
import http.client
import io
import os
import socket
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "web"
FILES = {
    "/": (WEB / "index.html", "text/html; charset=utf-8"),
    "/index.html": (WEB / "index.html", "text/html; charset=utf-8"),
    "/page.js": (WEB / "page.js", "text/javascript; charset=utf-8"),
    "/a11y.js": (WEB / "a11y.js", "text/javascript; charset=utf-8"),
    "/page.css": (WEB / "page.css", "text/css; charset=utf-8"),
    "/webchat.js": (ROOT / "build" / "web" / "webchat.js", "text/javascript; charset=utf-8"),
}
READ_TIMEOUT = 10.0  # seconds for a whole request line + headers (slowloris sends byte by byte)
WRITE_TIMEOUT = 30.0  # seconds for a whole response (sendall's timeout covers the total)
MAX_HEAD_BYTES = 16 * 1024  # request line + headers; browsers send well under 8 KiB
MAX_CONNECTIONS = 50  # handler threads at once; a new connection beyond evicts an idle one

# rasa-webchat 1.0.1 injects <style> elements at runtime (webpack's style-loader, one per CSS
# module, first empty, then filled; and its highlight animation). Their texts are fixed by the
# pinned bundle, so style-src allows exactly those texts by sha256 rather than 'unsafe-inline'
# (which would let injected markup restyle the page). The hashes were read in Chromium; if one
# is missing (e.g. after a bundle upgrade) tests/e2e/test_widget.py fails with Chromium's message
# naming it. Styles the widget sets from script (CSSOM) are not restricted by CSP.
WIDGET_STYLE_HASHES = (
    "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "2chj6Wkbmu6GnqSZJzwSYM9YdT65WGJsy5XPGZGFXX8=",
    "73fksy6OLWxzylHF9346xcDqRa02BZu1YSkVZ7dUUDY=", "n+95qE1PmNHIV57VSb+8c48k4eWsBuPBqQ7q5Fsjrs0=",
    "fIXNnLLp1GyQDOY0O2LyKPqS2lLqZgSG4NAjBbV95Zg=", "mGdYNwdYgtoNX6IorMqIj1ukTf5Z1HKPjsmv0mAf61k=",
    "C0wqv19ujDOZgJVFGyaNPziZtg1mAp4nhtDY9vq/OQU=", "4R/47uH1nMdCkKV2TWz1h3HO8y3xU9n6iO4MYvnqzgs=",
    "z4A3OMwgrDUr9dnuu9x2Vnee5GJFaUxGiI9hSDMtQVk=", "HbT6c6vhBHmcZDCoOp28cvTuuLUqj/FgtYQoXTPgKT4=",
    "AcwNtXyFS25tmRW2gWgo24pWAuyjYPFWxz+U6RYKxiE=", "lk2/KQMlqQpMq9QcyoAU5FwREmDPtdWXWinJ7oExl3A=",
    "wWYeJJfG4qLUg3ngtm58OLBLgLnAFX4b1UZ1QiPqn60=", "v+TdkwReplrQkwGLsUYfvIWCzp9of9jokiJZypyKtag=",
    "jbAlruiQoREW6B5rTA/aItos4wBh+QrCmD0XW0rweFk=", "sT6NRgXHRjxBDbtETUMf3/ika8C+iEOZ2hJ69fbGc+0=",
    "Z5GBCql4KIGMn7dezaedc8EJTwUpkOgZJbCRqvH2pKc=", "p3X2z0Ygv4CSCbWNoGP+TBaERyTHBBwwLXhGukFkKF4=",
)


def content_security_policy(rasa_url: str) -> str:
    ws_url = rasa_url.replace("http://", "ws://", 1).replace("https://", "wss://", 1)
    styles = " ".join(f"'sha256-{h}'" for h in WIDGET_STYLE_HASHES)
    return ("default-src 'none'; script-src 'self'; "
            f"style-src 'self' {styles}; "
            f"connect-src 'self' {rasa_url} {ws_url}; img-src 'self' data: blob:; "
            "font-src 'self' data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")


class HeadTooLarge(http.client.LineTooLong):
    """The request line and headers went over MAX_HEAD_BYTES (http.server answers 431)."""


class DeadlineReader(io.RawIOBase):
    """Reads a request from a socket within a total time and byte budget, not per recv()."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.start()

    def start(self) -> None:
        self.deadline = time.monotonic() + READ_TIMEOUT
        self.left = MAX_HEAD_BYTES

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("request not received in time")
        if self.left <= 0:
            raise HeadTooLarge(f"request head over {MAX_HEAD_BYTES} bytes")
        self.sock.settimeout(remaining)
        try:
            received = self.sock.recv_into(buffer, min(len(buffer), self.left))
        finally:
            self.sock.settimeout(WRITE_TIMEOUT)
        self.left -= received
        return received


class PageServer(ThreadingHTTPServer):
    """A thread per connection, at most MAX_CONNECTIONS; the oldest still-waiting connection
    is dropped when a new one needs its place (a normal request arrives right after connect)."""

    daemon_threads = True

    def __init__(self, address, handler, max_connections: int = MAX_CONNECTIONS):
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(max_connections)
        self.lock = threading.Lock()
        self.waiting = {}  # socket -> when it connected, until its request head is read

    def process_request(self, request, client_address):
        if not self.slots.acquire(blocking=False):
            with self.lock:
                oldest = min(self.waiting, key=self.waiting.get, default=None)
                if oldest is not None:
                    self.waiting.pop(oldest)
                    try:
                        oldest.shutdown(socket.SHUT_RDWR)  # its thread sees EOF and ends
                    except OSError:
                        pass
            if not self.slots.acquire(timeout=1.0):  # every slot is busy sending: refuse
                self.shutdown_request(request)
                return
        with self.lock:
            self.waiting[request] = time.monotonic()
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.finished(request)
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.finished(request)

    def head_read(self, request) -> None:
        with self.lock:
            self.waiting.pop(request, None)

    def finished(self, request) -> None:
        self.head_read(request)
        self.slots.release()

    def handle_error(self, request, client_address):
        """A client that hangs up or times out is routine, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


def make_handler(rasa_url: str, retention_days: int = 30):
    policy = content_security_policy(rasa_url)
    page_url = html.escape(rasa_url, quote=True).encode()
    retention = str(retention_days).encode()

    class Handler(BaseHTTPRequestHandler):
        timeout = WRITE_TIMEOUT  # socket timeout outside DeadlineReader's reads
        default_request_version = "HTTP/1.0"  # so errors in a bad request line get a status line

        def setup(self):
            super().setup()
            self.rfile = io.BufferedReader(DeadlineReader(self.connection))

        def handle_one_request(self):
            self.rfile.raw.start()  # the time and byte budget are per request
            try:
                super().handle_one_request()
            except HeadTooLarge:  # in the request line; header lines get http.server's 431
                self.requestline = self.request_version = self.command = ""
                self.close_connection = True
                self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)

        def parse_request(self):
            parsed = super().parse_request()
            self.server.head_read(self.connection)
            if parsed and self.command not in ("GET", "HEAD"):
                self.allow = "GET, HEAD"
                self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)
                return False
            return parsed

        def do_GET(self):  # noqa: N802 (http.server's naming)
            self.respond(with_body=True)

        def do_HEAD(self):  # noqa: N802
            self.respond(with_body=False)

        def respond(self, with_body: bool):
            path = self.path.split("?", 1)[0]
            file, content_type = FILES.get(path, (None, None))
            if file is None or not file.is_file():
                self.send_error(HTTPStatus.NOT_FOUND, "Not found")
                return
            body = file.read_bytes()
            if file.suffix == ".html":
                body = body.replace(b"__RASA_URL__", page_url)
                body = body.replace(b"__RETENTION_DAYS__", retention)
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def end_headers(self):  # on every response, errors included
            if getattr(self, "allow", None):
                self.send_header("Allow", self.allow)
            self.send_header("Content-Security-Policy", policy)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("X-Frame-Options", "DENY")
            self.send_header("Referrer-Policy", "no-referrer")
            super().end_headers()

        def log_message(self, format, *args):  # requests are not logged (visitor privacy)
            pass

    return Handler


def checked_rasa_url(url: str) -> str:
    """The address goes into the CSP header and the page: only a plain http(s) origin."""
    parts = urlsplit(url)
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/")
            or parts.query or parts.fragment or parts.username
            or any(c.isspace() or c in ";,'\"<>" for c in url)):
        raise SystemExit(f"RASA_PUBLIC_URL must be like https://chat.example:5005, not {url!r}")
    return url.rstrip("/")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default=os.environ.get("WEB_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEB_PORT", "8080")))
    args = parser.parse_args()
    rasa_url = checked_rasa_url(os.environ.get("RASA_PUBLIC_URL", "http://127.0.0.1:5005"))
    retention_days = os.environ.get("RETENTION_DAYS", "30")
    if not retention_days.isdigit() or int(retention_days) < 1:
        raise SystemExit(f"RETENTION_DAYS must be a whole number of days, not {retention_days!r}")
    server = PageServer((args.host, args.port), make_handler(rasa_url, int(retention_days)))
    print(f"Clinic page: http://{args.host}:{args.port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
