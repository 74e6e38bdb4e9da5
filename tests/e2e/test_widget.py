"""The website widget in a real browser (Debian's chromium, headless, driven by Playwright).

Opens the clinic page, chats through rasa-webchat over socket.io, clicks a quick reply,
reloads and checks the history is restored, and checks that no request left 127.0.0.1 and
that the page's Content-Security-Policy blocked nothing (no inline code is needed). The help
menu's "Delete my conversation" erases the widget conversation from the tracker store.
"""
import json
from urllib.parse import urlparse

import pytest
import requests
from playwright.sync_api import expect, sync_playwright

from harness.datastores import stored_rows
from harness.servers import CHROMIUM, CHROMIUM_ARGS, HOST, ROOT, running_site

OUTPUT = ROOT / "results" / "browser"
# Flags for a closed network: no background calls home, no component updates.
# Reports every CSP violation to the console, where the fixture collects it with Chromium's own
# CSP messages (console messages outlive a reload, a page's variables do not).
REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e =>
  console.error("securitypolicyviolation", e.violatedDirective, e.blockedURI, e.sample));"""


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    with running_site(tmp_path_factory.mktemp("widget")) as assistant:
        yield assistant


@pytest.fixture(scope="module")
def site(running):
    return running.origin


@pytest.fixture
def page(site):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        page = context.new_page()
        page.requested_hosts = set()
        page.csp_violations = []
        page.add_init_script(REPORT_CSP_VIOLATIONS)
        page.on("console", lambda message: page.csp_violations.append(message.text)
                if "securitypolicyviolation" in message.text
                or "Content Security Policy" in message.text else None)
        page.on("request", lambda request: page.requested_hosts.add(
            urlparse(request.url).hostname or request.url.split(":", 1)[0]))
        yield page
        context.close()
        browser.close()


def ask(page, question):
    page.locator(".rw-new-message").fill(question)
    page.locator(".rw-new-message").press("Enter")


def bot_says(page, text, timeout=30_000):
    expect(page.locator(".rw-response", has_text=text).last).to_be_visible(timeout=timeout)


def test_visitor_chats_in_the_widget(site, page):
    page.goto(site + "/")
    page.locator(".rw-launcher").click()
    bot_says(page, "not medical advice")  # the greeting, triggered by initPayload

    ask(page, "does it hurt?")
    bot_says(page, "numbing cream")
    ask(page, "what can you answer?")
    page.locator(".rw-reply", has_text="Downtime").last.click()  # a quick-reply button
    bot_says(page, "24 hours")
    ask(page, "how much does it cost?")
    bot_says(page, "$300 to $400")
    page.screenshot(path=str(OUTPUT / "widget.png"))

    page.reload()
    page.locator(".rw-launcher").wait_for()
    page.wait_for_timeout(1000)  # the widget restores its open/closed state from storage
    if page.locator(".rw-new-message").count() == 0:
        page.locator(".rw-launcher").click()
    bot_says(page, "numbing cream", timeout=15_000)  # history restored after reload
    bot_says(page, "24 hours", timeout=15_000)
    ask(page, "and for six sessions?")  # the same conversation goes on with its context
    bot_says(page, "For 6 sessions that works out at about $1,800 to $2,400")
    page.screenshot(path=str(OUTPUT / "widget-after-reload.png"))

    assert page.requested_hosts == {HOST}, page.requested_hosts
    assert page.csp_violations == []


def test_csp_blocks_inline_code_and_the_check_sees_it(site, page):
    """The violation check above can fail: an inline script and style are blocked and reported."""
    page.goto(site + "/")
    page.locator(".rw-launcher").wait_for()
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.__inline = 1";
        document.body.appendChild(script);
        const style = document.createElement("style");
        style.textContent = "body { background: red }";
        document.head.appendChild(style);
    }""")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__inline") is None
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 0, 0)"
    assert any("script-src" in text for text in page.csp_violations), page.csp_violations
    assert any("style-src" in text for text in page.csp_violations), page.csp_violations


def test_cors_allows_the_page_origin_only(site):
    html = requests.get(site + "/", timeout=10).text
    rasa_url = html.split('<meta name="rasa-url" content="', 1)[1].split('"', 1)[0]
    polling = f"{rasa_url}/socket.io/?EIO=4&transport=polling"
    allowed = requests.get(polling, headers={"Origin": site}, timeout=10)
    assert allowed.headers.get("Access-Control-Allow-Origin") == site
    other = requests.get(polling, headers={"Origin": "http://elsewhere.example"}, timeout=10)
    assert "Access-Control-Allow-Origin" not in other.headers


def test_html_in_a_bot_reply_is_shown_as_text_not_run(site, page):
    """Injects a bot message carrying an <img onerror> into the widget's live socket.io
    connection (Playwright's WebSocket routing) and checks the browser ran no script."""
    sockets = []

    def relay(ws):
        ws.connect_to_server()  # pass everything through; keep the route to inject into
        sockets.append(ws)

    page.route_web_socket("**/socket.io/**", relay)
    page.goto(site + "/")
    page.locator(".rw-launcher").click()
    bot_says(page, "not medical advice")
    ask(page, "does it hurt?")
    bot_says(page, "numbing cream")
    assert sockets, "the widget never upgraded to a WebSocket"
    payload = '<img src=x onerror="window.__xss = 1">injected'
    sockets[-1].send('42["bot_uttered",' + json.dumps({"text": payload}) + "]")
    bot_says(page, "injected")
    assert page.evaluate("window.__xss") is None
    assert page.locator(".rw-response img[src='x']").count() == 0
    assert page.locator(".rw-response", has_text="onerror").count() >= 1  # shown as text
    page.screenshot(path=str(OUTPUT / "widget-html-as-text.png"))
    assert page.csp_violations == []



def test_the_help_menu_deletes_the_conversation(running, page):
    page.goto(running.origin + "/")
    page.locator(".rw-launcher").click()
    bot_says(page, "not medical advice")
    ask(page, "does it hurt?")
    bot_says(page, "numbing cream")
    conversation = page.evaluate("JSON.parse(localStorage.getItem('chat_session')).session_id")
    url = running.env["TRACKER_STORE_URL"]
    assert stored_rows(url, conversation) > 0

    ask(page, "help")
    entry = page.locator(".rw-reply", has_text="Delete my conversation").last
    expect(entry).to_have_attribute("role", "button")  # web/a11y.js: in the Tab order
    entry.click()
    bot_says(page, "deleted this conversation")
    page.wait_for_timeout(500)  # the erasure follows the reply within the same message
    assert stored_rows(url, conversation) == 0
