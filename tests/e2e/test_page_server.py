"""The page server (web/serve.py) under hostile clients, and its security headers.

Runs the real server as a process (no Rasa server needed): silent and byte-by-byte (slowloris)
clients are cut off after READ_TIMEOUT while others are served, more idle connections than
MAX_CONNECTIONS do not block a normal request, odd requests get clean 4xx answers, and every
response carries a CSP without inline scripts or framing. The browser side (no CSP violation
while chatting) is in test_widget.py.
"""
import select
import socket
import subprocess
import threading
import time
from html.parser import HTMLParser

import pytest
import requests

from harness.servers import BIN, HOST, ROOT, free_port, stop
from web.serve import MAX_CONNECTIONS, READ_TIMEOUT

RASA_URL = "http://127.0.0.1:5005"
CUT_OFF_WITHIN = READ_TIMEOUT + 5  # seconds: the timeout plus slack for a busy machine


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("page-server") / "web-server.log"
    process = subprocess.Popen(
        [str(BIN / "python"), "web/serve.py", "--host", HOST, "--port", str(port)],
        cwd=ROOT, env={"RASA_PUBLIC_URL": RASA_URL, "RETENTION_DAYS": "14",
                       "PATH": "/usr/bin:/bin"},
        stdout=log.open("ab"), stderr=subprocess.STDOUT)
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(url + "/", timeout=2)
            break
        except requests.ConnectionError:
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
    process.port, process.url, process.log = port, url, log
    yield process
    stop(process)
    assert "Traceback" not in log.read_text(), log.read_text()


def directives(policy):
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def exchange(port, data: bytes) -> bytes:
    """Sends raw bytes, returns the whole answer (the server closes after one response)."""
    with socket.create_connection((HOST, port), timeout=CUT_OFF_WITHIN) as sock:
        sock.sendall(data)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
        return answer


def status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def test_every_response_has_a_strict_policy_and_hardening_headers(server):
    for path in ("/", "/page.js", "/webchat.js", "/missing"):
        response = requests.get(server.url + path, timeout=10)
        policy = directives(response.headers["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], path
        assert "'unsafe-inline'" not in policy["style-src"], path
        assert policy["frame-ancestors"] == ["'none'"], path
        assert policy["default-src"] == ["'none'"], path
        assert set(policy["connect-src"]) == {"'self'", RASA_URL, "ws://127.0.0.1:5005"}, path
        assert response.headers["X-Frame-Options"] == "DENY", path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "no-referrer", path


class PageScan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.inline, self.meta = [], [], {}
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs.get("src"))
            self.in_script = True
        if tag == "style" or "style" in attrs or any(name.startswith("on") for name in attrs):
            self.inline.append((tag, attrs))
        if tag == "meta" and "name" in attrs:
            self.meta[attrs["name"]] = attrs.get("content")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.inline.append(("script", data))


def test_page_has_no_inline_code_and_gets_the_rasa_address(server):
    scan = PageScan()
    scan.feed(requests.get(server.url + "/", timeout=10).text)
    assert scan.inline == []
    assert scan.scripts == ["/webchat.js", "/a11y.js", "/page.js"]
    assert scan.meta["rasa-url"] == RASA_URL
    page = requests.get(server.url + "/", timeout=10).text
    assert "kept for 14 days after your last" in page  # RETENTION_DAYS, as make purge reads it
    for src in scan.scripts:
        assert requests.get(server.url + src, timeout=10).status_code == 200


@pytest.mark.parametrize("request_bytes, expected", [
    (b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc", 405),
    (b"DELETE /index.html HTTP/1.1\r\n\r\n", 405),
    (b"BREW / HTTP/1.1\r\n\r\n", 405),
    (b"GET /../etc/passwd HTTP/1.1\r\n\r\n", 404),
    (b"GET /%2e%2e/web/serve.py HTTP/1.1\r\n\r\n", 404),
    (b"GET http://elsewhere.example/ HTTP/1.1\r\n\r\n", 404),
    (b"GET /\xc3\xa9 HTTP/1.1\r\n\r\n", 404),
    (b"\x00\x01 nonsense\r\n\r\n", 400),
    (b"GET / NOPE/1.0\r\n\r\n", 400),
    (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
    (b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\n\r\n", 414),
    (b"GET / HTTP/1.1\r\nX-Big: " + b"a" * 20_000 + b"\r\n\r\n", 431),
    (b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: a\r\n" % i for i in range(200)) + b"\r\n", 431),
], ids=["post", "delete", "unknown-method", "dot-dot", "encoded-dot-dot", "absolute-url",
        "non-ascii", "garbage", "bad-version", "line-over-64k", "line-over-16k",
        "header-over-16k", "200-headers"])
def test_odd_requests_get_a_clean_4xx(server, request_bytes, expected):
    answer = exchange(server.port, request_bytes)
    assert status(answer) == expected, answer[:200]
    if expected == 405:
        assert b"\r\nAllow: GET, HEAD\r\n" in answer
    assert b"Traceback" not in answer


def hang_up_after(port, payload: bytes, results, name):
    """Connects and sends `payload` one byte every 0.5 s; records when the server hung up."""
    started = time.monotonic()
    pending = list(payload)
    with socket.create_connection((HOST, port)) as sock:
        sock.settimeout(0.5)
        while time.monotonic() - started < CUT_OFF_WITHIN + 10:  # then give up: test fails
            try:
                if sock.recv(1024) == b"":
                    break  # the server closed the connection
            except socket.timeout:
                pass
            except OSError:  # reset by the server
                break
            if pending:
                try:
                    sock.send(bytes([pending.pop(0)]))
                except OSError:
                    break
    results[name] = time.monotonic() - started


def test_slow_clients_are_cut_off_while_others_are_served(server):
    results = {}
    clients = {
        "silent": b"",  # connects and sends nothing
        "slowloris": b"GET / HTTP/1.1\r\nHost: clinic\r\n" + b"X-Padding: keep-waiting\r\n" * 40,
    }
    threads = [threading.Thread(target=hang_up_after, args=(server.port, payload, results, name))
               for name, payload in clients.items()]
    for thread in threads:
        thread.start()
    served = 0
    while any(thread.is_alive() for thread in threads):
        assert requests.get(server.url + "/", timeout=5).status_code == 200
        served += 1
        time.sleep(1)
    assert served >= 5  # normal visitors were served meanwhile
    assert results["silent"] < CUT_OFF_WITHIN, results
    assert results["slowloris"] < CUT_OFF_WITHIN, results
    assert results["slowloris"] >= READ_TIMEOUT - 1, results  # not cut off for being slow once


def closed(sock) -> bool:
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True


def test_idle_connections_cannot_exhaust_the_server(server):
    extra = 10
    idle = [socket.create_connection((HOST, server.port)) for _ in range(MAX_CONNECTIONS + extra)]
    try:
        response = requests.get(server.url + "/", timeout=5)
        assert response.status_code == 200 and "rasa-url" in response.text
        # At most MAX_CONNECTIONS stay open: the server dropped the oldest idle ones.
        readable, _, _ = select.select(idle, [], [], 3)
        dropped = [sock for sock in readable if closed(sock)]
        assert len(dropped) >= extra + 1, len(dropped)
        assert idle[0] in dropped  # the longest-waiting went first
    finally:
        for sock in idle:
            sock.close()
