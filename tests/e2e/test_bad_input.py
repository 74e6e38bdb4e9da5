"""Bad input over REST and socket.io: every kind gets a clear reply or a clear 4xx, the server
stays up, and the same conversation still works afterwards. Figures: results/bad-input.json."""
import asyncio
import json
import re
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import socketio

from channels.guard import EMPTY_REPLY, TOO_LONG_REPLY
from channels.rate_limit import BURST, RATE_PER_MINUTE, SLOW_DOWN_REPLY
from harness.servers import ROOT, reply_text

JSON = {"Content-Type": "application/json"}
RESULTS = {"kinds": 0, "server_errors": 0, "follow_ups_ok": 0}
LOCK = threading.Lock()


def body(message, sender="visitor"):
    return json.dumps({"sender": sender, "message": message}).encode()


# (kind, raw request body, expected: "reply" = 200 with a bot message, or a 4xx status)
REST_CASES = [
    ("empty message", body(""), "reply"),
    ("whitespace-only message", body("   \n\t  "), "reply"),
    ("missing message", json.dumps({"sender": "visitor"}).encode(), "reply"),
    ("null message", json.dumps({"sender": "visitor", "message": None}).encode(), "reply"),
    ("number as message", json.dumps({"sender": "visitor", "message": 42}).encode(), 400),
    ("list as message", json.dumps({"sender": "visitor", "message": ["a"]}).encode(), 400),
    ("10 kB message", body("a" * 10_000), "reply"),
    ("1 MB message", body("b" * 1_000_000), 413),  # over the body limit (http_limits.py)
    ("binary body", bytes(range(256)) * 4, 400),
    ("invalid UTF-8", b'{"sender": "visitor", "message": "\xff\xfe\xfa"}', 400),
    ("malformed JSON", b'{"sender": "visitor", "message": ', 400),
    ("JSON array", b'["visitor", "hello"]', 400),
    ("JSON string", b'"hello"', 400),
    ("JSON null", b"null", 400),
    ("empty body", b"", 400),
    ("missing sender", json.dumps({"message": "hi"}).encode(), 400),
    ("empty sender", body("hi", sender=""), 400),
    ("very long sender id", body("hi", sender="s" * 10_000), 400),
    ("number as sender", json.dumps({"sender": 7, "message": "hi"}).encode(), 400),
    ("HTML script payload", body("<script>alert('x')</script>"), "reply"),
    ("HTML img onerror payload", body('<img src=x onerror="alert(1)">'), "reply"),
    ("emoji only", body("😀😀🙏"), "reply"),
    ("Spanish", body("¿cuánto cuesta el microneedling?"), "reply"),
    ("Chinese", body("微针治疗疼吗"), "reply"),
    ("slash /restart", body("/restart"), "reply"),
    ("slash intent with slot", body('/greet{"num_sessions": "99 sessions"}'), "reply"),
    ("slash unknown intent", body("/nonexistent_intent"), "reply"),
    ("only slashes", body("////"), "reply"),
    ("NUL and control characters", body("hi\u0000\u0007\u001b[31m"), "reply"),
    ("one 900-character word", body("x" * 900), "reply"),
    ("SQL-looking text", body("'; DROP TABLE events; --"), "reply"),
    ("extra unknown fields", json.dumps({"sender": "visitor", "message": "hi",
                                         "metadata": {"a": 1}, "x": [1]}).encode(), "reply"),
]


def follow_up_works(assistant, sender):
    return "numbing cream" in reply_text(assistant.say(sender, "does it hurt?"))


def record(kind_ok, status):
    with LOCK:
        RESULTS["kinds"] += 1
        RESULTS["server_errors"] += int(status >= 500)
        RESULTS["follow_ups_ok"] += int(kind_ok)


@pytest.mark.parametrize("kind, raw, expected", REST_CASES, ids=[c[0] for c in REST_CASES])
def test_rest_bad_input(assistant, kind, raw, expected):
    sender = "bad-" + re.sub(r"[^A-Za-z0-9]+", "-", kind)
    raw = raw.replace(b'"visitor"', json.dumps(sender).encode(), 1)
    response = requests.post(f"{assistant.url}/webhooks/rest/webhook", data=raw, headers=JSON,
                             timeout=60)
    assert response.status_code < 500, response.text[:200]
    if expected == "reply":
        assert response.status_code == 200
        assert reply_text(response.json()).strip()
    else:
        assert response.status_code == expected
        assert response.text.strip()  # a message saying what is wrong
    ok = follow_up_works(assistant, sender)
    record(ok, response.status_code)
    assert ok
    assert assistant.rasa_servers[assistant.rasa_port].poll() is None


def test_limits_and_injections_have_the_documented_effect(assistant):
    assert reply_text(assistant.say("limits", "")) == EMPTY_REPLY
    assert reply_text(assistant.say("limits", "z" * 5000)) == TOO_LONG_REPLY
    # "/restart" is read as a word: the stored conversation has no restart in it.
    assistant.say("limits", "how much is it?")
    assert reply_text(assistant.say("limits", "/restart"))
    with sqlite3.connect(assistant.workdir / "tracker.db") as database:
        types = [row[0] for row in database.execute(
            "SELECT type_name FROM events WHERE sender_id = 'limits'")]
    assert "restart" not in types and types.count("user") == 2
    # A slot command in a payload is read as words: the slot is not set.
    text = reply_text(assistant.say("inject", '/ask_cost{"body_area": "moon"}'))
    assert text and "moon" not in text
    record(True, 200)


def test_many_messages_in_one_second_from_one_sender(assistant):
    """Beyond the burst, the rate limit answers "slow down"; after a pause the same
    conversation goes on."""
    def send(i):
        return requests.post(f"{assistant.url}/webhooks/rest/webhook",
                             json={"sender": "burst", "message": f"does it hurt? {i}"},
                             timeout=120)

    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(send, range(20)))
    assert [r.status_code for r in responses] == [200] * 20
    texts = [reply_text(r.json()) for r in responses]
    assert all(texts)
    slowed = sum(text == SLOW_DOWN_REPLY for text in texts)
    assert 20 - BURST - 2 <= slowed < 20  # the bucket may refill a little while they arrive
    time.sleep(1.5 * 60 / RATE_PER_MINUTE)  # a token comes back
    record(follow_up_works(assistant, "burst"), max(r.status_code for r in responses))


SOCKET_CASES = [("empty", ""), ("10 kB", "c" * 10_000), ("slash /restart", "/restart"),
                ("script", "<script>alert(1)</script>"), ("emoji", "🙂")]


def test_socketio_bad_input(assistant):
    async def run():
        client = socketio.AsyncClient()  # long-polling: this aiohttp lacks the client WS API
        replies = []
        client.on("bot_uttered", lambda data: replies.append(data))
        await client.connect(assistant.url, socketio_path="/socket.io", transports=["polling"])
        await client.emit("session_request", {"session_id": "socket-bad-input"})
        outcomes = {}
        for kind, text in SOCKET_CASES + [("normal", "does it hurt?")]:
            before = len(replies)
            await client.emit("user_uttered", {"message": text, "session_id": "socket-bad-input"})
            for _ in range(100):
                if len(replies) > before:
                    break
                await asyncio.sleep(0.1)
            outcomes[kind] = " ".join(r.get("text", "") for r in replies[before:])
        await client.emit("user_uttered", "not an object")  # must not take the server down
        await asyncio.sleep(0.5)
        await client.disconnect()
        return outcomes

    outcomes = asyncio.run(run())
    assert all(outcomes[kind] for kind, _ in SOCKET_CASES), outcomes
    assert "numbing cream" in outcomes["normal"]
    for kind, _ in SOCKET_CASES:
        record(True, 200)
    assert follow_up_works(assistant, "after-socket")
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "bad-input.json").write_text(json.dumps(RESULTS, indent=2))
    print(f"\nbad input: {RESULTS}")
