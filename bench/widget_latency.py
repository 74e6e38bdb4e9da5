"""How long a visitor waits in the widget: from pressing Enter to the whole answer on screen,
and from opening the chat to the greeting. Headless Chromium against a real local action
server, Rasa server and page server (the same ones tests/e2e starts).

Two setups in one run, same servers, same questions:
- "now": web/page.js as it is (customMessageDelay returns 0);
- "old delay": web/page.js without its timing settings (customMessageDelay and the greeting
  fetched at connect), i.e. rasa-webchat's defaults as before issue #15: simulated typing
  (30 ms a character, 0.8 to 3 s per bubble, one bubble after another) and the greeting asked
  for when the chat opens. Page requests for /page.js get that variant; nothing else changes.

Times are taken in the page (performance.now()): Enter's keydown, then the animation frame
after the last bubble of the answer was added to the page. The answer is complete when the
page shows as many new bot bubbles as `bot_uttered` events arrived on the socket for it.

The per-conversation rate limit (8 at once, then 30 a minute) is turned off for this run
(RATE_LIMIT_PER_MINUTE=0): the benchmark sends questions back to back, faster than a person,
to measure the widget, not the limit.

Usage: python -m bench.widget_latency [--messages 50] [--old-messages 20]
Writes bench/results/widget-latency.md and prints it.
"""
import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.servers import CHROMIUM, CHROMIUM_ARGS, HOST, free_port, running_assistant

ROOT = Path(__file__).resolve().parents[1]

RESULTS = ROOT / "bench" / "results" / "widget-latency.md"
# Ordinary visitors' questions (topics, follow-ups, one that gets quick-reply buttons).
QUESTIONS = [
    "does it hurt?", "how much does it cost?", "is it safe for dark skin?",
    "what is micro-needling?", "how long is the downtime?", "what can it treat?",
    "how many sessions do I need?", "what are the risks?", "when will I see results?",
    "what happens during the procedure?", "per session or for all of them?",
    "what can you answer?", "can it help with acne scars?", "is that per session?",
    "thanks",
]
BUBBLES = ".rw-messages-container .rw-message:not(.rw-typing-indication) .rw-response"
# In the page: Enter's time, the launcher click's time, and for every bot bubble (in order) the
# animation frame after it was added (the typing indicator's empty bubble is not counted).
PROBE = """
window.__bench = {enter: null, opened: null, shown: [], arrived: []};
const NativeWebSocket = window.WebSocket;  // when each bot message arrives on the socket
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", e => {
      if (typeof e.data === "string" && e.data.includes('"bot_uttered"'))
        window.__bench.arrived.push(performance.now());
    });
  }
};
document.addEventListener("keydown", e => {
  if (e.key === "Enter") window.__bench.enter = performance.now(); }, true);
document.addEventListener("click", e => {
  if (e.target.closest && e.target.closest(".rw-launcher"))
    window.__bench.opened = performance.now();
}, true);
let seen = 0;
new MutationObserver(() => {
  const count = document.querySelectorAll('%s').length;
  if (count <= seen) return;
  const added = count - seen;
  seen = count;
  requestAnimationFrame(() => {
    const t = performance.now();
    for (let i = 0; i < added; i++) window.__bench.shown.push(t);
  });
}).observe(document, {childList: true, subtree: true});
""" % BUBBLES


TIMING_SETTINGS = ("customMessageDelay:", "tooltipPayload:", "tooltipDelay:", "disableTooltips:")


def old_delay_page_js() -> str:
    """web/page.js without its timing settings: rasa-webchat's defaults for them."""
    lines = (ROOT / "web" / "page.js").read_text().splitlines(keepends=True)
    kept = [line for line in lines if not line.strip().startswith(TIMING_SETTINGS)]
    assert len(kept) == len(lines) - len(TIMING_SETTINGS), "web/page.js settings changed"
    return "".join(kept)


def wait_for(page, check, timeout: float, what: str) -> None:
    """Polls with the page's wait, not time.sleep: Playwright's sync API delivers events
    (the socket frames counted here) only while one of its calls runs."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        page.wait_for_timeout(10)


def run(browser, origin: str, messages: int, old_delay: bool):
    """One conversation: greeting time, then `messages` questions; times in ms."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    if old_delay:
        body = old_delay_page_js()
        page.route("**/page.js", lambda route: route.fulfill(
            status=200, body=body, content_type="text/javascript; charset=utf-8"))
    frames = []
    page.on("websocket", lambda ws: ws.on(
        "framereceived", lambda p: frames.append(p)
        if isinstance(p, str) and '"bot_uttered"' in p else None))
    logged = []  # the widget's console lines (connects, disconnects), shown if a run fails
    page.on("console", lambda message: logged.append(message.text))
    page.add_init_script(PROBE)
    page.goto(origin + "/")
    page.locator(".rw-launcher").wait_for()
    page.wait_for_timeout(1000)  # a visitor looks at the page first; the socket connects
    page.locator(".rw-launcher").click()
    page.locator(BUBBLES).first.wait_for(timeout=30_000)
    page.wait_for_function("() => window.__bench.shown.length > 0")
    greeting = page.evaluate("window.__bench.shown[0] - window.__bench.opened")

    answers = []
    box = page.locator(".rw-new-message")
    for i in range(messages):
        question = QUESTIONS[i % len(QUESTIONS)]
        if box.is_disabled():
            raise RuntimeError(f"widget disconnected before question {i}: {logged[-10:]}")
        shown_before = page.locator(BUBBLES).count()
        frames_before = len(frames)
        box.fill(question)
        box.press("Enter")
        # The server sends an answer's bubbles together: done when none came for 0.5 s.
        wait_for(page, lambda: len(frames) > frames_before, 30, f"no answer to {question!r}")
        last = (len(frames), time.monotonic())
        while time.monotonic() - last[1] < 0.5:
            if len(frames) != last[0]:
                last = (len(frames), time.monotonic())
            page.wait_for_timeout(20)
        expected = len(frames) - frames_before
        wait_for(page, lambda: page.locator(BUBBLES).count() >= shown_before + expected, 60,
                 f"answer to {question!r} not shown")
        last_bubble = shown_before + expected - 1
        page.wait_for_function(f"() => window.__bench.shown.length > {last_bubble}")
        page.wait_for_function(f"() => window.__bench.arrived.length >= {len(frames)}")
        answers.append(page.evaluate(f"""[
            window.__bench.shown[{last_bubble}] - window.__bench.enter,
            window.__bench.arrived[{len(frames) - 1}] - window.__bench.enter]"""))
    context.close()
    return greeting, answers


def p95(values):
    if len(values) < 2:
        return max(values)
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def row(name, values):
    return (f"| {name} | {len(values)} | {statistics.median(values):.0f} | {p95(values):.0f} | "
            f"{max(values):.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=50)
    parser.add_argument("--old-messages", type=int, default=20,
                        help="questions with the old delay (each takes seconds)")
    parser.add_argument("--conversations", type=int, default=5,
                        help="fresh visitors per setup, for the greeting time")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    web_port = free_port()
    origin = f"http://{HOST}:{web_port}"
    workdir = Path(tempfile.mkdtemp(prefix="widget-latency-"))
    with running_assistant(workdir, cors_origin=origin,
                           env={"RATE_LIMIT_PER_MINUTE": "0"}) as assistant:
        assistant.start_web_server(web_port)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=CHROMIUM_ARGS)
            results = {}
            for name, old, count in (("now", False, args.messages),
                                     ("old delay", True, args.old_messages)):
                run(browser, origin, 2, old)  # warm-up: first model calls are slower
                greetings, answers, servers = [], [], []
                for c in range(args.conversations):
                    greeting, times = run(browser, origin, count if c == 0 else 0, old)
                    greetings.append(greeting)
                    answers += [shown for shown, _ in times]
                    servers += [arrived for _, arrived in times]
                results[name] = (greetings, answers, servers)
                print(name, "done", flush=True)
            browser.close()

    lines = [
        "# Widget latency",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}, bench/widget_latency.py: headless Chromium "
        "(/usr/bin/chromium) against local servers (action server, Rasa server, web/serve.py), "
        f"rate limit off. Milliseconds, measured in the page. Machine: {os.cpu_count()} CPUs, "
        f"load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after the run "
        "(other jobs were running: the server's share is sensitive to that).",
        "",
        "Answer: from Enter's keydown to the animation frame after the answer's last bubble "
        "was added; \"arrived\": to the WebSocket frame carrying the answer's last message "
        "(the server's and network's share; the rest is the widget's). Greeting: from the "
        "click on the launcher to the greeting's frame "
        f"({args.conversations} fresh visitors each).",
        "",
        "| what | n | median | p95 | max |",
        "|---|---|---|---|---|",
    ]
    for name, (greetings, answers, servers) in results.items():
        lines.append(row(f"answer visible, {name}", answers))
        lines.append(row(f"answer's last message arrived, {name}", servers))
        lines.append(row(f"greeting visible, {name}", greetings))
    lines += ["", "now = web/page.js (customMessageDelay 0, greeting asked for at connect); "
              "old delay = the same page with rasa-webchat's defaults for those settings. "
              "The launcher is clicked 1 s after the page loaded; a visitor who opens the chat "
              "sooner waits for the server's first reply (about 0.3 s for a new conversation).",
              ""]
    text = "\n".join(lines)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
