"""Scale-out: two Rasa servers sharing a PostgreSQL tracker store and a Redis lock store.

One conversation alternates between the servers and keeps its context; then 50 concurrent
conversations run across both, and every turn must be stored exactly once, in order.
Figures go to results/scale-out.json.
"""
import json
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg2
import pytest

from harness.datastores import postgresql, redis_server
from channels.guard import UNAVAILABLE_REPLY
from harness.servers import HOST, ROOT, free_port, reply_text, running_assistant

CONVERSATION = ["how much for my neck?", "and for four sessions?", "what about 2 sessions?"]
CONCURRENT = 50


def stored_user_turns(dsn, sender):
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT data FROM events WHERE sender_id = %s AND type_name = 'user' "
                       "ORDER BY id", (sender,))
        return [json.loads(row[0])["text"] for row in cursor.fetchall()]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("scale-out")
    with postgresql(workdir / "pg") as pg, redis_server(workdir) as redis:
        env = {"TRACKER_STORE_URL": pg.url, "LOCK_STORE_TYPE": "redis",
               "REDIS_HOST": HOST, "REDIS_PORT": str(redis.port)}
        with running_assistant(workdir, env=env) as assistant:
            second_port = free_port()
            assistant.start_rasa_server(second_port)
            yield assistant, [assistant.rasa_port, second_port], pg.dsn, pg, redis


def test_one_conversation_alternating_between_two_servers(cluster):
    assistant, ports, dsn, _, _ = cluster
    replies = [reply_text(assistant.say("alternating", text, port=ports[i % 2]))
               for i, text in enumerate(CONVERSATION)]
    assert "neck" in replies[0] and "$300 to $400" in replies[0]
    assert "For 4 sessions that works out at about $1,200 to $1,600" in replies[1]
    # Turn 3, on the first server again, still knows the area given in turn 1.
    assert "For 2 sessions that works out at about $600 to $800" in replies[2]
    assert "neck" in replies[2]
    assert stored_user_turns(dsn, "alternating") == CONVERSATION


def test_fifty_concurrent_conversations_lose_and_duplicate_nothing(cluster):
    assistant, ports, dsn, _, _ = cluster

    def converse(number):
        sender = f"concurrent-{number}"
        answered = 0
        for turn, text in enumerate(CONVERSATION):
            if reply_text(assistant.say(sender, text, port=ports[(number + turn) % 2],
                                        timeout=120)):
                answered += 1
        return sender, answered

    with ThreadPoolExecutor(max_workers=CONCURRENT) as pool:
        results = list(pool.map(converse, range(CONCURRENT)))

    sent = CONCURRENT * len(CONVERSATION)
    answered = sum(count for _, count in results)
    stored = {sender: stored_user_turns(dsn, sender) for sender, _ in results}
    in_order = sum(1 for turns in stored.values() if turns == CONVERSATION)
    stored_count = sum(len(turns) for turns in stored.values())
    figures = {"conversations": CONCURRENT, "turns_sent": sent, "turns_answered": answered,
               "turns_stored": stored_count, "turns_lost": sent - stored_count,
               "conversations_stored_exactly_in_order": in_order}
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "scale-out.json").write_text(json.dumps(figures, indent=2))
    print(f"\nscale-out: {figures}")
    assert figures["turns_answered"] == sent
    assert stored_count == sent
    assert in_order == CONCURRENT


def answered_after_recovery(assistant, sender, attempts=10):
    """Asks until a real answer comes (a pooled database connection may fail once)."""
    for attempt in range(1, attempts + 1):
        if "numbing cream" in reply_text(assistant.say(sender, "does it hurt?")):
            return attempt
        time.sleep(1)
    return None


def test_redis_down_gives_a_clear_message_and_recovers(cluster):
    assistant, ports, _, _, redis = cluster
    sender = "outage-redis"
    assert "$300 to $400" in reply_text(assistant.say(sender, "how much is it?"))
    redis.stop()
    try:
        # No lock, no processing: the visitor is told, the server stays up.
        assert reply_text(assistant.say(sender, "does it hurt?")) == UNAVAILABLE_REPLY
        assert assistant.rasa_servers[ports[0]].poll() is None
    finally:
        redis.start()
    attempts = answered_after_recovery(assistant, sender)
    print(f"\nredis outage: recovered after {attempts} message(s)")
    assert attempts is not None


def test_postgresql_down_is_reported_and_recovers(cluster):
    assistant, ports, _, pg, _ = cluster
    sender = "outage-postgresql"
    assert "$300 to $400" in reply_text(assistant.say(sender, "how much is it?"))
    log = assistant.workdir / f"rasa-server-{ports[0]}.log"
    log_before = log.read_text(errors="replace")
    pg.stop()
    try:
        # Rasa's fail-safe tracker store answers from memory and logs the error.
        assert reply_text(assistant.say(sender, "does it hurt?", port=ports[0]))
        assert assistant.rasa_servers[ports[0]].poll() is None
        new_log = log.read_text(errors="replace")[len(log_before):]
        assert "Falling back" in new_log and "SQLTrackerStore" in new_log
    finally:
        pg.start()
    attempts = answered_after_recovery(assistant, sender)
    print(f"\npostgresql outage: recovered after {attempts} message(s)")
    assert attempts is not None
