"""The review report, "delete my conversation" and `make purge` against the real servers, on
both tracker stores: SQLite (the default) and PostgreSQL with the Redis lock store (scale-out).

For each store, in this order (the first test needs the store empty):
- the report on scripted conversations shows their known counts and no sender id;
- "do you store my data?" is answered with the retention period and deletes nothing; "delete my
  conversation" during the screening leaves the form and erases the conversation;
- a visitor who asks to delete their conversation is told so and has zero rows left (and no
  Redis lock), while another visitor's rows stay exactly as they were; the visitor can then
  start again;
- the purge deletes a conversation whose last activity is older than RETENTION_DAYS (its
  timestamps moved back 40 days) and leaves every other row alone.
Figures (rows before and after) go to results/privacy-<store>.json.
"""
import json
import os
import re
import subprocess

import pytest
import redis
import sqlalchemy as sa

from harness.datastores import postgresql, redis_server
from harness.servers import BIN, HOST, ROOT, reply_text, running_assistant

DELETED = "I've deleted this conversation"
DAY = 24 * 3600
SCRIPTED = {  # known outcomes, each asserted by tests/e2e/test_rest.py or test_safety.py
    "review-first": ["how much is it?", "does health insurance pay for microneedling?",
                     "is microneedling safe during pregnancy?"],
    "review-second": ["does it hurt?", "hi, my face is swollen and hot"],
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory):
    workdir = tmp_path_factory.mktemp(f"privacy-{request.param}")
    if request.param == "sqlite":
        with running_assistant(workdir) as assistant:
            yield request.param, assistant, assistant.env["TRACKER_STORE_URL"], None
        return
    with postgresql(workdir / "pg") as pg, redis_server(workdir) as lock_store:
        env = {"TRACKER_STORE_URL": pg.url, "LOCK_STORE_TYPE": "redis",
               "REDIS_HOST": HOST, "REDIS_PORT": str(lock_store.port)}
        with running_assistant(workdir, env=env) as assistant:
            yield request.param, assistant, pg.url, lock_store.port


def rows_by_sender(url):
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("events"):
                return {}
            return dict(connection.execute(sa.text(
                "SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id")).fetchall())
    finally:
        engine.dispose()


def run_script(module, url, *args, **env):
    return subprocess.run([str(BIN / "python"), "-m", module, *args], cwd=ROOT,
                          env=dict(os.environ, TRACKER_STORE_URL=url, **env),
                          capture_output=True, text=True, check=True, timeout=120).stdout


def save_figures(kind, name, figures):
    path = ROOT / "results" / f"privacy-{kind}.json"
    path.parent.mkdir(exist_ok=True)
    saved = json.loads(path.read_text()) if path.exists() else {}
    saved[name] = figures
    path.write_text(json.dumps(saved, indent=2))
    print(f"\n{kind} {name}: {figures}")


def test_the_report_shows_the_scripted_conversations(store, tmp_path):
    kind, assistant, url, _ = store
    assert rows_by_sender(url) == {}
    for sender, messages in SCRIPTED.items():
        for message in messages:
            assert reply_text(assistant.say(sender, message))
    page, export = tmp_path / "review.html", tmp_path / "unanswered.yml"
    out = run_script("review", url, "--out", str(page), "--export", str(export))
    assert "2 conversation(s), 5 message(s), 2 not answered in 2 group(s), 1 sent to care" in out
    html = page.read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert all(sender not in html for sender in SCRIPTED)
    assert "Conversations 2 " in text and "Visitor messages 5 " in text
    assert "Not answered 2 " in text and "Complications sent to care 1 " in text
    assert "not in the article: insurance" in text and "not in the article: pregnancy" in text
    assert "hi, my face is swollen and hot" in text
    assert re.search(r"Reply time, median \d+ ms", text)
    assert html.count("data:image/png;base64,") == 3
    exported = export.read_text(encoding="utf-8")
    assert "- does health insurance pay for microneedling?" in exported
    assert "- is microneedling safe during pregnancy?" in exported


def test_asking_what_is_stored_is_answered_and_deletes_nothing(store):
    _, assistant, url, _ = store
    assistant.say("curious", "how much is it?")
    before = rows_by_sender(url)["curious"]
    text = reply_text(assistant.say("curious", "do you store my data?"))
    assert "deleted 30 days after your last message" in text and DELETED not in text
    assert rows_by_sender(url)["curious"] > before


def test_deleting_during_the_screening_leaves_the_form_and_erases(store):
    _, assistant, url, _ = store
    assert "open wounds" in reply_text(assistant.say("screened", "am I a good candidate?"))
    replies = reply_text(assistant.say("screened", "delete my conversation"))
    assert DELETED in replies and "?" not in replies.split(DELETED)[1]  # no form question after
    assert "screened" not in rows_by_sender(url)
    assert "open wounds" not in reply_text(assistant.say("screened", "yes"))  # form gone


def test_delete_my_conversation_erases_it_and_nothing_else(store):
    kind, assistant, url, redis_port = store
    for sender in ("stays", "leaves", "presses-the-button"):
        assistant.say(sender, "how much is it?")
        assistant.say(sender, "does it hurt?")
    before = rows_by_sender(url)
    assert before["leaves"] > 0 and before["presses-the-button"] > 0

    assert DELETED in reply_text(assistant.say("leaves", "please delete my conversation"))
    assert DELETED in reply_text(assistant.say("presses-the-button", "/delete_conversation"))
    after = rows_by_sender(url)
    assert "leaves" not in after and "presses-the-button" not in after
    assert after == {k: v for k, v in before.items()
                     if k not in ("leaves", "presses-the-button")}
    if redis_port is not None:  # and no lock left behind for the conversation
        keys = redis.Redis(host=HOST, port=redis_port).keys("*")
        assert [k for k in keys if b"leaves" in k or b"presses" in k] == []

    # The visitor can go on: a new conversation, answered, with nothing of the old one.
    assert "numbing cream" in reply_text(assistant.say("leaves", "does it hurt?"))
    assert 0 < rows_by_sender(url)["leaves"] < before["leaves"]
    save_figures(kind, "delete", {
        "rows_of_the_visitor_before": before["leaves"], "rows_of_the_visitor_after": 0,
        "rows_of_the_button_visitor_before": before["presses-the-button"],
        "rows_of_others_before": sum(v for k, v in before.items()
                                     if k not in ("leaves", "presses-the-button")),
        "rows_of_others_after": sum(after.values()),
        "total_rows_before": sum(before.values()), "total_rows_after": sum(after.values())})


def test_purge_deletes_conversations_inactive_for_the_retention_period(store):
    kind, assistant, url, _ = store
    for sender in ("inactive", "active"):
        assistant.say(sender, "what is microneedling?")
    engine = sa.create_engine(url)
    with engine.begin() as connection:  # the last activity of "inactive" was 40 days ago
        connection.execute(sa.text("UPDATE events SET timestamp = timestamp - :age "
                                   "WHERE sender_id = 'inactive'"), {"age": 40 * DAY})
    engine.dispose()
    before = rows_by_sender(url)

    out = run_script("store.purge", url, RETENTION_DAYS="30")
    after = rows_by_sender(url)
    assert "inactive" not in after
    assert after == {k: v for k, v in before.items() if k != "inactive"}
    assert f"deleted 1 conversation(s), {before['inactive']} event(s)" in out
    assert "inactive" not in out  # counts only, no sender id
    save_figures(kind, "purge", {
        "conversations_before": len(before), "rows_before": sum(before.values()),
        "conversations_after": len(after), "rows_after": sum(after.values()),
        "rows_of_the_inactive_conversation": before["inactive"]})
