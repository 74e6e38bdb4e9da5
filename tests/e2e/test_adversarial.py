"""An adversarial run against the real Rasa and action servers: what an anonymous client on the
open internet could send. It counts probes, 5xx answers, crashes and hangs, bytes stored per
message, the cost of message k of one long conversation, what a flooding client does to other
visitors, and whether conversations stay apart. The figures are printed and written to
results/adversarial.md; the asserts are the promises of SECURITY.md.
"""
import asyncio
import json
import socket
import sqlite3
import statistics
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import socketio

from channels.guard import MAX_MESSAGE_CHARS, MAX_STORED_CHARS
from channels.rate_limit import SLOW_DOWN_REPLY
from harness.servers import HOST, ROOT, reply_text, running_assistant

PAGE_ORIGIN = "http://127.0.0.1:8080"
MAX_STORED_BYTES_PER_MESSAGE = 8 * 1024
GROWTH_POINTS = (1, 100, 500, 1000, 2000)
GROWTH_WINDOW = 10  # message k's cost: the median of messages k .. k+9 (a session or more)
REPORT = {"probes": 0, "5xx": 0, "crashes": 0, "hangs": 0, "closed without a status": 0}
CLOSED = 0  # raw_http's status for a connection closed without an answer
LINES = []


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    # The rate limit is off here so that the growth table measures the cost of each message
    # itself; test_flood_* starts its own server with the limit on.
    workdir = tmp_path_factory.mktemp("adversarial")
    with running_assistant(workdir, env={"RATE_LIMIT_PER_MINUTE": "0",
                                         "WEB_ORIGIN": PAGE_ORIGIN}) as running:
        yield running


def server_is_up(assistant) -> bool:
    if assistant.rasa_servers[assistant.rasa_port].poll() is not None:
        return False
    try:
        return requests.get(assistant.url, timeout=5).ok
    except requests.RequestException:
        return False


def count_probe(assistant, status) -> None:
    REPORT["probes"] += 1
    if status is None:
        REPORT["hangs"] += 1
    elif status == CLOSED:
        REPORT["closed without a status"] += 1
    elif status >= 500:
        REPORT["5xx"] += 1
    if not server_is_up(assistant):
        REPORT["crashes"] += 1


def raw_http(assistant, request: bytes, timeout: float = 15):
    """Sends bytes as they are; returns the response's status code, CLOSED if the server closed
    the connection without one, or None if nothing came in `timeout` seconds (a hang)."""
    with socket.create_connection((HOST, assistant.rasa_port), timeout=timeout) as conn:
        conn.sendall(request)
        try:
            head = conn.recv(64)
        except socket.timeout:
            return None
        except ConnectionResetError:
            return CLOSED
    if not head:
        return CLOSED
    try:
        return int(head.split(b" ")[1])
    except (IndexError, ValueError):
        return None


def post(path: str, body: bytes, headers: str = "Content-Type: application/json\r\n") -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\n{headers}"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


WEBHOOK = "/webhooks/rest/webhook"
RAW_PROBES = {
    "negative Content-Length": b"POST " + WEBHOOK.encode()
    + b" HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n",
    "Content-Length -1 on /": b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    "non-numeric Content-Length": b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n",
    "two Content-Lengths": b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
    b"Content-Length: 3\r\n\r\n{}",
    "Transfer-Encoding gzip, chunked": b"POST " + WEBHOOK.encode()
    + b" HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
    "Transfer-Encoding and Content-Length": b"POST " + WEBHOOK.encode()
    + b" HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n",
    "bad chunk size": b"POST " + WEBHOOK.encode()
    + b" HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
    "oversize header": b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20_000 + b"\r\n\r\n",
    "10 000 headers": b"GET / HTTP/1.1\r\n" + b"X-A: b\r\n" * 10_000 + b"\r\n",
    "bad request line": b"HELLO\r\n\r\n",
    "HTTP/0.9": b"GET /\r\n\r\n",
    "unknown method": b"BREW / HTTP/1.1\r\nHost: x\r\n\r\n",
    # Sanic 21.12 cannot build an error response for a URL httptools refuses: it closes the
    # connection without a status (and stays up).
    "NUL in path": b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
    "non-UTF-8 header": b"GET / HTTP/1.1\r\nHost: \xff\xfe\r\n\r\n",
    "body over the limit": post(WEBHOOK, b'{"sender": "a", "message": "' + b"a" * 200_000 + b'"}'),
    "5000-level nested arrays": post(WEBHOOK, b'{"sender": "a", "message": '
                                     + b"[" * 5000 + b"]" * 5000 + b"}"),
    "5000-digit number": post(WEBHOOK, b'{"sender": "a", "message": ' + b"9" * 5000 + b"}"),
    "lone surrogate sender": post(WEBHOOK, b'{"sender": "\\ud800", "message": "hi"}'),
    "lone surrogate message": post(WEBHOOK, b'{"sender": "s1", "message": "hi \\udfff"}'),
    "lone surrogate in a key": post(WEBHOOK, b'{"sender": "s2", "message": "hi", "\\ud800": 1}'),
    "1 MB metadata": post(WEBHOOK, json.dumps({"sender": "s3", "message": "hi",
                                               "metadata": {"x": "m" * 1_000_000}}).encode()),
    "text/plain body (cross-site form)": post(WEBHOOK, b'{"sender": "s4", "message": "hi"}',
                                              "Content-Type: text/plain\r\n"),
    "invalid UTF-8 body": post(WEBHOOK, b'{"sender": "s5", "message": "\xff"}'),
    "NaN and Infinity": post(WEBHOOK, b'{"sender": "s6", "message": NaN, "x": Infinity}'),
    "duplicate keys": post(WEBHOOK, b'{"sender": "s7", "sender": "s8", "message": "hi"}'),
    "widget-form sender": post(WEBHOOK, json.dumps({"sender": "0" * 32 + "." + "0" * 32,
                                                    "message": "hi"}).encode()),
    "HTTP API path": b"GET /conversations/a/tracker HTTP/1.1\r\nHost: x\r\n\r\n",
    "path traversal": b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
}


@pytest.mark.parametrize("name", list(RAW_PROBES))
def test_raw_http_probe_gets_a_clear_answer(assistant, name):
    status = raw_http(assistant, RAW_PROBES[name])
    count_probe(assistant, status)
    assert status is not None, f"{name}: no answer (a hang)"
    assert status < 500, f"{name}: {status}"
    assert status != CLOSED or name == "NUL in path", f"{name}: closed without a status"
    assert server_is_up(assistant)


SLOW_TIMEOUT = 10  # channels/http_limits.py REQUEST_TIMEOUT_SECONDS


def test_a_slow_client_is_dropped_and_others_are_served(assistant):
    with socket.create_connection((HOST, assistant.rasa_port), timeout=60) as slow:
        slow.sendall(b"POST " + WEBHOOK.encode() + b" HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        assert reply_text(assistant.say("while-slow", "does it hurt?"))
        slow.settimeout(SLOW_TIMEOUT + 20)
        try:
            while slow.recv(1024):
                pass
        except ConnectionResetError:
            pass
        waited = time.monotonic() - started
    count_probe(assistant, 408)
    assert waited < SLOW_TIMEOUT + 15
    LINES.append(f"- a client that never finishes its request is dropped after {waited:.0f} s")


def socket_session(url, origin=PAGE_ORIGIN):
    client = socketio.AsyncClient()  # long-polling: this aiohttp lacks the client WS API
    state = {"id": None, "replies": []}
    client.on("session_confirm", lambda data: state.__setitem__("id", data))
    client.on("bot_uttered", lambda data: state["replies"].append(data))
    return client, state


async def wait_for(condition, seconds=30):
    for _ in range(int(seconds * 10)):
        if condition():
            return True
        await asyncio.sleep(0.1)
    return False


SOCKET_PROBES = {
    "lone surrogate message": {"message": "hi \ud800"},
    "lone surrogate session id": {"message": "hi", "session_id": "\udfff"},
    "900 kB session id": {"message": "hi", "session_id": "s" * 900_000},
    "1 MB metadata": {"message": "hi", "metadata": {"x": "m" * 1_000_000}},
    "metadata as a string": {"message": "hi", "metadata": "{not json"},
    "message as a list": {"message": ["a", "b"]},
    "message as a number": {"message": 42},
    "no message": {},
    "zero-width space only": {"message": "\u200b"},
    "NUL only": {"message": "\x00"},
    "combining marks only": {"message": "\u0301\u0301"},
    "over-long message": {"message": "x" * (MAX_MESSAGE_CHARS + 1)},
}


def test_socketio_probes_never_crash_and_conversations_stay_apart(assistant):
    async def run():
        outcomes = {}
        visitor, seen = socket_session(assistant.url)
        await visitor.connect(assistant.url, socketio_path="/socket.io", transports=["polling"],
                              headers={"Origin": PAGE_ORIGIN})
        await visitor.emit("session_request", {"session_id": "alice"})
        assert await wait_for(lambda: seen["id"])
        outcomes["chosen id refused"] = seen["id"] != "alice"
        await visitor.emit("user_uttered", {"message": "I have had keloids, can I get it?",
                                            "session_id": seen["id"]})
        assert await wait_for(lambda: seen["replies"])

        # A second socket: with a made-up id, the visitor's id in a message, or no request.
        intruder, stolen = socket_session(assistant.url)
        await intruder.connect(assistant.url, socketio_path="/socket.io", transports=["polling"],
                               headers={"Origin": PAGE_ORIGIN})
        # The visitor's id with its last character changed (an id already ending in "0" would
        # otherwise be "forged" into itself: the failure of 1 run in 16 seen in CI).
        forged = seen["id"][:-1] + ("1" if seen["id"].endswith("0") else "0")
        await intruder.emit("session_request", {"session_id": forged})
        assert await wait_for(lambda: stolen["id"])
        outcomes["forged id refused"] = stolen["id"] != seen["id"]
        before = len(seen["replies"])
        await intruder.emit("user_uttered", {"message": "what did I say before?",
                                             "session_id": seen["id"]})
        await wait_for(lambda: stolen["replies"])
        await visitor.emit("user_uttered", {"message": "does it hurt?"})
        assert await wait_for(lambda: len(seen["replies"]) > before)
        outcomes["intruder got none of the visitor's replies"] = not any(
            "keloid" in r.get("text", "").lower() for r in stolen["replies"])
        # A late bubble of the first answer can satisfy the wait above: let the second message
        # reach the store before reading it.
        await wait_for(lambda: len(user_texts(assistant, seen["id"])) >= 2, 10)
        outcomes["intruder's message not in the visitor's conversation"] = (
            user_texts(assistant, seen["id"]) == ["I have had keloids, can I get it?",
                                                  "does it hurt?"])

        for name, data in SOCKET_PROBES.items():
            client, state = socket_session(assistant.url)
            try:
                await client.connect(assistant.url, socketio_path="/socket.io",
                                     transports=["polling"], headers={"Origin": PAGE_ORIGIN})
                await client.emit("session_request", {"session_id": data.get("session_id")})
                await wait_for(lambda: state["id"], 10)
                await client.emit("user_uttered", data)
                await wait_for(lambda: state["replies"], 10)
            except (socketio.exceptions.SocketIOError, ValueError):
                pass  # refused by the server (event too large): fine, as long as it stays up
            finally:
                await client.disconnect()
            count_probe(assistant, 200)
            outcomes[f"probe: {name}"] = server_is_up(assistant)

        foreign, _ = socket_session(assistant.url)
        try:
            await foreign.connect(assistant.url, socketio_path="/socket.io",
                                  transports=["polling"],
                                  headers={"Origin": "https://attacker.example"})
            outcomes["other origin refused"] = False
            await foreign.disconnect()
        except socketio.exceptions.ConnectionError:
            outcomes["other origin refused"] = True
        count_probe(assistant, 400)
        await intruder.disconnect()
        await visitor.disconnect()
        return outcomes

    outcomes = asyncio.run(run())
    checks = {k: v for k, v in outcomes.items() if not k.startswith("probe: ")}
    LINES.append("- isolation: " + ", ".join(f"{k}: {'yes' if v else 'NO'}"
                                            for k, v in checks.items()))
    assert all(outcomes.values()), outcomes


def user_texts(assistant, sender) -> list:
    with sqlite3.connect(assistant.workdir / "tracker.db") as database:
        rows = database.execute("SELECT data FROM events WHERE sender_id = ? AND "
                                "type_name = 'user' ORDER BY id", (sender,)).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def stored_bytes(assistant, sender=None) -> int:
    with sqlite3.connect(assistant.workdir / "tracker.db") as database:
        query = ("SELECT COALESCE(SUM(LENGTH(data) + LENGTH(sender_id) + LENGTH(type_name)"
                 " + COALESCE(LENGTH(intent_name), 0) + COALESCE(LENGTH(action_name), 0)), 0)"
                 " FROM events")
        if sender is None:
            return database.execute(query).fetchone()[0]
        return database.execute(query + " WHERE sender_id = ?", (sender,)).fetchone()[0]


def user_messages(assistant, sender) -> int:
    with sqlite3.connect(assistant.workdir / "tracker.db") as database:
        return database.execute("SELECT COUNT(*) FROM events WHERE sender_id = ? AND "
                                "type_name = 'user'", (sender,)).fetchone()[0]


STORAGE_CASES = {
    "a short question": "does it hurt?",
    f"{MAX_MESSAGE_CHARS} ASCII characters": ("how long is the downtime " * 80)[:MAX_MESSAGE_CHARS],
    "a long story, then a question": ("I have had acne scars for years and tried many "
                                      "creams. " * 20)[:900] + " is it for me?",
    "three questions": "how much is it? does it hurt? how long is the downtime?",
    "accented text": "¿cuánto cuesta el microneedling y duele mucho? " * 7,
    "emoji up to the stored-size limit": "🙂" * ((MAX_STORED_CHARS - 2) // 12),
    "500 one-letter words": "a " * 499 + "a",
    "a condition named 90 times": "keloids " * 90 + "can I get it?",
    "1 MB metadata": "hi",
}


def test_bytes_stored_per_message_are_bounded(assistant):
    rows = []
    for name, text in STORAGE_CASES.items():
        sender = "store-" + uuid.uuid4().hex[:12]
        assistant.say(sender, "hi")
        before, messages_before = stored_bytes(assistant), user_messages(assistant, sender)
        body = {"sender": sender, "message": text}
        if name == "1 MB metadata":
            body["metadata"] = {"x": "m" * 1_000_000}
        status = requests.post(f"{assistant.url}{WEBHOOK}", json=body, timeout=60).status_code
        count_probe(assistant, status)
        grown = stored_bytes(assistant) - before
        messages = max(1, user_messages(assistant, sender) - messages_before)
        rows.append((name, status, grown, messages, grown / messages))
    LINES.append("\n| request | status | bytes stored | messages processed | bytes per message |")
    LINES.append("|---|---|---|---|---|")
    LINES.extend(f"| {name} | {status} | {grown} | {messages} | {per:.0f} |"
                 for name, status, grown, messages, per in rows)
    assert max(per for *_, per in rows) <= MAX_STORED_BYTES_PER_MESSAGE, rows


def timed_say(assistant, sender, text) -> float:
    started = time.perf_counter()
    assert reply_text(assistant.say(sender, text))
    return (time.perf_counter() - started) * 1000


QUESTIONS = ["does it hurt?", "how much does it cost?", "what is the downtime?",
             "how many sessions do I need?", "who should not get it?"]


def test_cost_per_message_stays_flat_in_a_long_conversation(assistant):
    sender = "long-" + uuid.uuid4().hex[:8]
    samples = {k: [] for k in GROWTH_POINTS}
    for k in range(1, GROWTH_POINTS[-1] + GROWTH_WINDOW):
        took = timed_say(assistant, sender, QUESTIONS[k % len(QUESTIONS)])
        for point in GROWTH_POINTS:
            if point <= k < point + GROWTH_WINDOW:
                samples[point].append(took)
    medians = {k: statistics.median(v) for k, v in samples.items()}
    LINES.append(f"\n| message k of one conversation | median ms (k..k+{GROWTH_WINDOW - 1}) "
                 "| × message 1 |")
    LINES.append("|---|---|---|")
    LINES.extend(f"| {k} | {medians[k]:.1f} | {medians[k] / medians[1]:.2f} |"
                 for k in GROWTH_POINTS)
    # A ratio, not a time limit: without the session limit the cost grew many times over by
    # message 1000 (docs/performance.md, the session limit); 2x leaves room for a busy machine.
    assert medians[GROWTH_POINTS[-1]] <= 2 * medians[1], medians
    # Nothing the visitor said is lost: every message is in the store.
    assert user_messages(assistant, sender) == GROWTH_POINTS[-1] + GROWTH_WINDOW - 1


def test_flood_in_one_conversation_does_not_slow_other_visitors(tmp_path):
    with running_assistant(tmp_path, env={"WEB_ORIGIN": PAGE_ORIGIN}) as assistant:
        def others_p50() -> float:
            times = []
            for number in range(30):
                times.append(timed_say(assistant, f"other-{number % 10}-{uuid.uuid4().hex[:6]}",
                                       QUESTIONS[number % len(QUESTIONS)]))
            return statistics.median(times)

        for _ in range(5):  # warm up
            timed_say(assistant, "warm-" + uuid.uuid4().hex[:6], "does it hurt?")
        quiet = others_p50()
        stop, sent, slowed = [False], [0], [0]

        def flood():
            with requests.Session() as session:
                while not stop[0]:
                    response = session.post(f"{assistant.url}{WEBHOOK}",
                                            json={"sender": "flooder", "message": "does it hurt?"},
                                            timeout=30)
                    sent[0] += 1
                    slowed[0] += reply_text(response.json()) == SLOW_DOWN_REPLY

        with ThreadPoolExecutor(max_workers=2) as pool:
            floods = [pool.submit(flood) for _ in range(2)]
            while not slowed[0] and not all(f.done() for f in floods):  # past the burst
                time.sleep(0.05)
            flooded = others_p50()
            stop[0] = True
            for future in floods:
                future.result()
    LINES.append(f"\n- flood: one client, 2 connections, {sent[0]} messages in one conversation "
                 f"({slowed[0]} answered \"slow down\"); other visitors' p50 {quiet:.1f} ms "
                 f"quiet, {flooded:.1f} ms during the flood ({flooded / quiet:.2f}x)")
    assert flooded <= 2 * quiet, (quiet, flooded)


def test_zz_report(assistant):
    """Runs last (by name, within this module): writes the figures and checks the totals."""
    assert server_is_up(assistant)
    summary = (f"probes tried: {REPORT['probes']}, 5xx: {REPORT['5xx']}, crashes: "
               f"{REPORT['crashes']}, hangs: {REPORT['hangs']}")
    text = "# Adversarial run (tests/e2e/test_adversarial.py)\n\n- " + summary + "\n" + "\n".join(
        LINES) + "\n"
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "adversarial.md").write_text(text)
    print("\n" + text)
    assert REPORT["5xx"] == REPORT["crashes"] == REPORT["hangs"] == 0, summary
