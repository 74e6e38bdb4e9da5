"""The clinic's side end to end over REST (real action server and Rasa server, trained model):
answers from clinic.yml, an empty setting never invented, an edit read without a restart, the
way to a person with its callback request stored only with consent (SQLite, and PostgreSQL),
answer feedback stored as a tracker event, and both in the review report.

The handoff conversation is written to results/handoff-transcript.md."""
import json
import shutil
import sqlite3

import pytest
import sqlalchemy as sa
import yaml

from harness.datastores import PG_BIN, postgresql
from harness.servers import ROOT, reply_text, running_assistant
import review.__main__ as review


def write_settings(path, **changes):
    settings = yaml.safe_load((ROOT / "clinic.yml").read_text(encoding="utf-8"))
    settings.update(changes)
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")


@pytest.fixture(scope="module")
def clinic_site(tmp_path_factory):
    """The assistant reading its own copy of clinic.yml (the test edits it while it runs)."""
    workdir = tmp_path_factory.mktemp("clinic")
    settings = workdir / "clinic.yml"
    shutil.copy(ROOT / "clinic.yml", settings)
    with running_assistant(workdir, env={"CLINIC_FILE": str(settings)}) as assistant:
        assistant.settings = settings
        assistant.database = workdir / "tracker.db"
        yield assistant


def stored_requests(database):
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT name, contact, preferred_time FROM callback_requests").fetchall()


def last_slot_value(database, sender, slot):
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot' ORDER BY id",
            (sender,)).fetchall()
    values = [json.loads(data)["value"] for (data,) in rows if json.loads(data)["name"] == slot]
    assert values, f"{slot} was never set for {sender}"
    return values[-1]


def review_sections(url, out):
    """The review report of the store at `url`, as text from "Answers rated not helpful" on."""
    assert review.main(["--url", url, "--out", str(out)]) == 0
    text = " ".join(out.read_text(encoding="utf-8").replace("<", " <").split())
    return text[text.index("Answers rated not helpful </h2>"):]


def buttons(messages):
    return [button["payload"] for message in messages for button in message.get("buttons", [])]


def test_clinic_questions_are_answered_from_the_settings(clinic_site):
    assert "1 Example Street" in reply_text(clinic_site.say("e2e-where", "where r u located?"))
    assert "Monday to Friday" in reply_text(clinic_site.say("e2e-hours", "when are you open"))
    text = reply_text(clinic_site.say("e2e-book", "how do i book an appointment"))
    assert "https://example.com/book" in text
    text = reply_text(clinic_site.say("e2e-price", "what are your prices?"))
    assert "2017 figures were $300 to $400 a session" in text
    assert "current prices, call +1 555 0100" in text


def test_an_empty_setting_is_never_invented_and_an_edit_needs_no_restart(clinic_site):
    write_settings(clinic_site.settings, address="", phone="")
    try:
        text = reply_text(clinic_site.say("e2e-empty", "what's your address?"))
        assert "I don't have the address of Example Skin Clinic" in text
        assert "contact the clinic directly: email hello@example.com" in text
        assert "Example Street" not in text and "555" not in text
    finally:
        shutil.copy(ROOT / "clinic.yml", clinic_site.settings)


class Transcript:
    """Says each message and keeps the exchange, buttons included, as Markdown."""

    def __init__(self, assistant, sender):
        self.assistant, self.sender, self.lines = assistant, sender, []

    def say(self, message):
        messages = self.assistant.say(self.sender, message)
        self.lines.append(f"**Visitor:** {message}  ")
        for reply in messages:
            shown = reply.get("text", "")
            if reply.get("buttons"):
                shown += " " + " ".join(f"[{b['title']}]" for b in reply["buttons"])
            self.lines.append(f"**Assistant:** {shown}  ")
        self.lines.append("")
        return messages

    def write(self, path):
        path.parent.mkdir(exist_ok=True)
        path.write_text("# A handoff to a person (tests/e2e/test_clinic.py, over REST)\n\n"
                        + "\n".join(self.lines), encoding="utf-8")


def test_a_person_then_a_callback_request_stored_with_consent(clinic_site):
    chat = Transcript(clinic_site, "e2e-callback")
    messages = chat.say("can I talk to a human?")
    assert "call +1 555 0100" in reply_text(messages)
    assert buttons(messages) == ["/request_callback"]
    text = reply_text(chat.say("/request_callback"))
    assert "Do you agree?" in text
    assert "name" in reply_text(chat.say("yes"))
    assert "phone number or email" in reply_text(chat.say("Sam Lee"))
    text = reply_text(chat.say("sam at example"))  # not an address: asked again
    assert "doesn't look like a phone number or an email address" in text
    assert "good time" in reply_text(chat.say("sam@example.com"))
    text = reply_text(chat.say("weekday mornings"))
    assert "they will contact you at sam@example.com (weekday mornings)" in text
    assert ("Sam Lee", "sam@example.com", "weekday mornings") in stored_requests(
        clinic_site.database)
    chat.write(ROOT / "results" / "handoff-transcript.md")


def test_no_request_is_stored_without_consent_or_after_stop(clinic_site):
    before = stored_requests(clinic_site.database)
    clinic_site.say("e2e-no-consent", "I'd like a callback")
    assert "nothing" in reply_text(clinic_site.say("e2e-no-consent", "no")).lower()
    clinic_site.say("e2e-stop", "/request_callback")
    clinic_site.say("e2e-stop", "yes")
    clinic_site.say("e2e-stop", "Kim")
    text = reply_text(clinic_site.say("e2e-stop", "stop"))
    assert "nothing was stored" in text
    for message in ("/request_callback", "yes", "Kim Example", "kim@example.com"):
        clinic_site.say("e2e-refused-late", message)
    text = reply_text(clinic_site.say("e2e-refused-late", "no, cancel it"))
    assert "nothing was stored" in text
    assert stored_requests(clinic_site.database) == before
    # The details given before the stop or the refusal are cleared from the conversation.
    for sender, name in (("e2e-stop", "Kim"), ("e2e-refused-late", "Kim Example")):
        assert last_slot_value(clinic_site.database, sender, "callback_name") is None, name


def test_feedback_is_asked_after_an_article_answer_and_stored(clinic_site):
    sender = "e2e-feedback"
    messages = clinic_site.say(sender, "does it hurt?")
    assert "Was this helpful?" in reply_text(messages)
    assert buttons(messages) == ["/affirm", "/deny"]
    messages = clinic_site.say(sender, "/deny")
    assert "asking in other words" in reply_text(messages)
    assert "/request_callback" in buttons(messages)
    # A clinic answer is not followed by the question.
    assert "helpful" not in reply_text(clinic_site.say(sender, "what are your opening hours"))
    with sqlite3.connect(clinic_site.database) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot'",
            (sender,)).fetchall()
    values = [json.loads(data)["value"] for (data,) in rows
              if json.loads(data)["name"] == "answer_feedback"]
    assert {"helpful": False, "topic": "pain", "question": "does it hurt?"} in values


def test_the_review_report_lists_the_request_and_the_answer_rated_not_helpful(clinic_site,
                                                                               tmp_path):
    sender = "e2e-review"
    clinic_site.say(sender, "what are the side effects?")
    clinic_site.say(sender, "/deny")
    for message in ("/request_callback", "yes", "Robin Example", "+1 555 0199", "evenings"):
        clinic_site.say(sender, message)
    report = review_sections(f"sqlite:///{clinic_site.database}", tmp_path / "review.html")
    rated, requests_section = report.split("Callback requests </h2>")
    assert "what are the side effects?" in rated
    assert "Robin Example" in requests_section and "+1 555 0199" in requests_section
    assert sender not in report


def test_a_rating_given_just_after_a_long_session_was_cut_is_still_recorded(tmp_path):
    """rasa_patches/session_limit.py starts a new session once one is full, even after "Was this
    helpful?"; the new session starts with the question, so 👍 still reaches its rule."""
    with running_assistant(tmp_path, env={"MAX_SESSION_EVENTS": "12"}) as assistant:
        sender = "e2e-cut"
        assistant.say(sender, "how much does it cost?")
        assert "Was this helpful?" in reply_text(assistant.say(sender, "does it hurt?"))
        assert "Thanks for letting me know" in reply_text(assistant.say(sender, "/affirm"))
        with sqlite3.connect(tmp_path / "tracker.db") as connection:
            types = [row[0] for row in connection.execute(
                "SELECT type_name FROM events WHERE sender_id = ? ORDER BY id", (sender,))]
            values = [json.loads(data)["value"] for (data,) in connection.execute(
                "SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot'", (sender,))
                if json.loads(data)["name"] == "answer_feedback"]
    assert types.count("session_started") >= 2  # the session was cut before the rating
    assert {"helpful": True, "topic": "pain", "question": "does it hurt?"} in values


@pytest.mark.skipif(PG_BIN is None, reason="PostgreSQL is not installed")
def test_a_callback_request_and_a_rating_are_stored_in_postgresql(tmp_path):
    with postgresql(tmp_path / "pg") as database:
        with running_assistant(tmp_path, env={"TRACKER_STORE_URL": database.url}) as assistant:
            sender = "e2e-pg-callback"
            for message in ("/request_callback", "yes", "Ana", "+1 555 0100 12", "any time"):
                assistant.say(sender, message)
            assistant.say("e2e-pg-refused", "/request_callback")
            assistant.say("e2e-pg-refused", "no")
            assistant.say("e2e-pg-rating", "how long does a session take?")
            assistant.say("e2e-pg-rating", "/deny")
        engine = sa.create_engine(database.url)
        with engine.connect() as connection:
            rows = connection.execute(sa.text(
                "SELECT name, contact, preferred_time FROM callback_requests")).fetchall()
        engine.dispose()
        report = review_sections(database.url, tmp_path / "review.html")
    assert [tuple(row) for row in rows] == [("Ana", "+1 555 0100 12", "any time")]
    assert "how long does a session take?" in report
    assert "Ana" in report.split("Callback requests </h2>")[1]
