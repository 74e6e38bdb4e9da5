"""The widget's live behaviour in a real browser: answers shown at once, the greeting first,
and the conversation kept on screen and continued when the Rasa server restarts.

Uses the browser fixture of test_widget.py with its own assistant (the restart test stops and
starts this module's Rasa server). Timings are not asserted here: bench/widget_latency.py
measures them. The tests check behaviour: an answer of several bubbles is complete once it has
arrived (no simulated typing delay, checked with the page's clock paused), a question typed at
once comes after the greeting, and the widget reconnects by itself with its context.
"""

import pytest
from playwright.sync_api import expect

from harness.servers import ROOT, running_site
from test_widget import ask, bot_says, page  # noqa: F401 (page is a fixture)

# Test output, not the docs' copies: `make screenshots` copies them to docs/screenshots/, so a
# test run leaves the work tree as it was.
SCREENSHOTS = ROOT / "results" / "screenshots"
TRANSCRIPT = ROOT / "results" / "reconnect-transcript.md"
# In a fresh conversation this question gets several bubbles (an answer and "Was this
# helpful?", or the "not sure" notice and topics); rasa-webchat's default delay would show them
# one by one, 0.8 s or more apart.
MULTI_BUBBLE_QUESTION = "is that per session?"


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    with running_site(tmp_path_factory.mktemp("widget-live")) as assistant:
        yield assistant


@pytest.fixture
def site(live):
    return live.origin


def bubbles(page):
    return page.locator(".rw-messages-container .rw-message")


def transcript(page):
    """The conversation on screen, one line a bubble: 'visitor: ...' or 'assistant: ...'."""
    lines = []
    for message in bubbles(page).all():
        who = "visitor" if message.locator(".rw-client").count() else "assistant"
        lines.append(f"{who}: {' '.join(message.inner_text().split())}")
    return lines


def test_an_answer_of_several_bubbles_is_shown_as_soon_as_it_arrives(site, page):
    """With the page's clock paused, timers cannot run: bubbles waiting behind a simulated
    typing delay stay hidden. Once the bot's messages have arrived, letting 50 ms of page time
    pass must show them all (the old default waited at least 800 ms for each)."""
    frames = []
    page.on("websocket", lambda ws: ws.on(
        "framereceived", lambda payload: frames.append(payload)
        if isinstance(payload, str) and '"bot_uttered"' in payload else None))
    page.clock.install()
    page.goto(site + "/")
    page.locator(".rw-launcher").click()
    bot_says(page, "not medical advice")
    before = page.locator(".rw-response").count()
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 1)  # seconds
    greeted = len(frames)
    ask(page, MULTI_BUBBLE_QUESTION)
    page.wait_for_timeout(3000)  # real time for the server's three messages to arrive
    arrived = len(frames) - greeted  # the answer's bubbles, "Was this helpful?" after an answer
    assert arrived >= 2, frames
    page.clock.run_for(50)
    expect(page.locator(".rw-response")).to_have_count(before + arrived)
    page.clock.resume()


def without_feedback_replies(lines):
    return [line.replace(" 👍 👎", "") for line in lines]


def test_a_question_typed_at_once_comes_after_the_greeting(site, page):
    page.goto(site + "/")
    page.locator(".rw-launcher").click()
    ask(page, "does it hurt?")  # no wait for the greeting: typed as soon as the box takes it
    bot_says(page, "numbing cream")
    bot_says(page, "Was this helpful?")
    lines = transcript(page)
    assert len(lines) == 4, lines
    assert lines[3].startswith("assistant: Was this helpful?"), lines
    assert lines[0].startswith("assistant:") and "not medical advice" in lines[0], lines
    assert lines[1] == "visitor: does it hurt?", lines
    assert "numbing cream" in lines[2], lines
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "widget-desktop.png"))


def test_the_conversation_stays_and_goes_on_when_the_rasa_server_restarts(live, page):
    logged = []
    page.on("console", lambda message: logged.append(message.text))
    page.goto(live.origin + "/")
    page.locator(".rw-launcher").click()
    bot_says(page, "not medical advice")
    ask(page, "how much does it cost?")
    bot_says(page, "$300 to $400")
    bot_says(page, "Was this helpful?")
    # The 👍 / 👎 quick replies are hidden while the server is away: compare the bubbles' text.
    before = without_feedback_replies(transcript(page))
    follow_up = "per session or for all of them?"  # answered from the earlier topic, cost
    box = page.locator(".rw-new-message")
    box.fill(follow_up)  # typed, not sent yet, when the server goes away
    notes = [f"The visitor types {follow_up!r} (not sent yet); the Rasa server is stopped."]

    live.stop_rasa_server()
    notice = page.locator(".rw-loading")
    expect(notice).to_be_visible(timeout=15_000)
    expect(notice).to_contain_text("Reconnecting")
    expect(page.locator(".rw-conversation-container")).to_be_visible()
    assert without_feedback_replies(transcript(page)) == before  # stays on screen
    # While the server is away the widget takes no message: the box is disabled, keeps what
    # was typed, and the header says why. Nothing can be sent and silently lost.
    expect(box).to_be_disabled()
    page.keyboard.type(" more")
    page.keyboard.press("Enter")
    page.locator(".rw-send").click()  # the widget leaves its send button enabled: refused too
    expect(box).to_have_value(follow_up)
    assert without_feedback_replies(transcript(page)) == before
    reasons = [text for text in logged if "close" in text or "disconnect" in text]
    notes.append(f"Server down (socket: {', '.join(reasons) or 'closed'}): the header shows "
                 f"{notice.inner_text()!r}; the input is disabled and keeps the typed text; "
                 f"typing, Enter and the send button do nothing; the {len(before)} bubbles stay "
                 "on screen.")
    page.screenshot(path=str(SCREENSHOTS / "widget-reconnecting.png"))

    live.start_rasa_server()
    expect(notice).to_be_hidden(timeout=30_000)  # socket.io retries by itself, no reload
    expect(box).to_be_enabled()
    expect(box).to_have_value(follow_up)
    # rasa-webchat logs "session_confirm:<socket> session_id:<conversation>" on each connect.
    confirmed = [text.split("session_id:")[1] for text in logged if "session_confirm" in text]
    assert len(confirmed) >= 2 and len(set(confirmed)) == 1, confirmed
    notes.append("Rasa server back: the widget reconnected by itself (no page reload), the "
                 "same conversation id was confirmed; the visitor presses Enter.")
    box.press("Enter")
    expect(bubbles(page)).to_have_count(len(before) + 2, timeout=30_000)
    after = without_feedback_replies(transcript(page))
    assert after[:len(before)] == before
    assert after[-2] == f"visitor: {follow_up}"
    assert "$300 to $400" in after[-1], after  # without context: "Thanks, noted. ..."

    text = ("# Widget reconnect transcript\n\nWritten by tests/e2e/test_widget_live.py "
            "(test_the_conversation_stays_and_goes_on_when_the_rasa_server_restarts).\n\n"
            + "\n".join(f"- {line}" for line in before) + "\n"
            + "\n".join(f"\n*{note}*" for note in notes) + "\n\n"
            + "\n".join(f"- {line}" for line in after[len(before):]) + "\n")
    TRANSCRIPT.parent.mkdir(parents=True, exist_ok=True)
    TRANSCRIPT.write_text(text)
    print(text)
