"""The chat widget for every visitor: accessibility and phones, in a real browser (issue #15).

Against the real assistant and page server (started once for the module), in Debian's headless
chromium driven by Playwright:
- axe-core (build/web/axe.min.js, pinned by scripts/fetch-axe) with the WCAG 2.1 A/AA rules finds
  no violation with the chat closed, open, showing quick-reply buttons and in the screening form;
- the chat works from the keyboard alone (Tab, Enter, Space, Escape) and new replies are in a
  polite live region of the browser's own accessibility tree;
- text contrast, 200% zoom and prefers-reduced-motion;
- on two phone sizes the chat fills the screen, the input stays visible, nothing scrolls
  sideways and tap targets are at least 44 px; the screenshots go to results/screenshots/
  (`make screenshots` copies them to docs/).
axe is run with page.evaluate of the file's text: DevTools evaluation is not subject to the
page's Content-Security-Policy, so the CSP stays on (no bypass_csp) and the check sees the page
exactly as visitors get it; the tests also assert that the CSP blocked nothing.
"""
import json
import re

import pytest
from playwright.sync_api import expect, sync_playwright

from harness.servers import CHROMIUM, CHROMIUM_ARGS, ROOT, running_site

AXE = ROOT / "build" / "web" / "axe.min.js"
# Test output, not the docs' copies: `make screenshots` copies them to docs/screenshots/, so a
# test run leaves the work tree as it was.
SCREENSHOTS = ROOT / "results" / "screenshots"
RESULTS = ROOT / "results" / "browser"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e =>
  console.error("securitypolicyviolation", e.violatedDirective, e.blockedURI, e.sample));"""
MIN_TAP = 44  # px, WCAG 2.5.5's target size (and Apple's and Google's guidance)
PHONES = [(390, 844), (360, 640)]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test-e2e` runs scripts/fetch-axe")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with running_site(tmp_path_factory.mktemp("widget-a11y")) as assistant:
        yield assistant.origin


@pytest.fixture(scope="module")
def browser(site):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, site):
    """new_page(**context_options) opens the clinic page in a fresh context (own storage)."""
    contexts = []

    def open_page(**options):
        options.setdefault("viewport", {"width": 1100, "height": 900})
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.csp_violations = []
        page.add_init_script(REPORT_CSP_VIOLATIONS)
        page.on("console", lambda message: page.csp_violations.append(message.text)
                if "securitypolicyviolation" in message.text
                or "Content Security Policy" in message.text else None)
        page.goto(site + "/")
        # The widget shows its launcher once its socket is connected: slow on a busy machine.
        page.locator(".rw-launcher").wait_for(timeout=60_000)
        page.wait_for_timeout(700)  # the launcher's entrance (or none, with reduced motion)
        return page

    yield open_page
    for context in contexts:
        context.close()


# --- helpers ---------------------------------------------------------------------------------
def axe_violations(page):
    """The WCAG 2.1 A/AA violations axe finds on the page, as {rule id: [element, ...]}."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text())
    found = page.evaluate("""async tags => {
        const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
        return result.violations.map(v => [v.id + " (" + v.impact + ")",
                                           v.nodes.map(n => n.target.join(" "))]);
    }""", WCAG_21_AA)
    return dict(found)


def settle(page):
    """Waits until no animation or transition runs: answers now arrive at once (web/page.js),
    so checks would otherwise catch a bubble mid-fade or the window mid-slide."""
    for _ in range(100):  # page.evaluate, not wait_for_function: the page's CSP forbids eval
        if page.evaluate("document.getAnimations().every(a => a.playState !== 'running')"):
            return
        page.wait_for_timeout(100)
    pytest.fail("animations still running after 10 s")


def bot_says(page, text, timeout=30_000):
    expect(page.locator(".rw-response", has_text=text).last).to_be_visible(timeout=timeout)
    settle(page)


def ask(page, question):
    page.locator(".rw-new-message").fill(question)
    page.locator(".rw-new-message").press("Enter")


def open_chat(page):
    page.locator(".rw-launcher").click()
    bot_says(page, "not medical advice")  # the greeting


def focused(page):
    return page.evaluate("""() => { const e = document.activeElement;
        return {cls: e.className || "", tag: e.tagName, text: (e.innerText || "").trim()}; }""")


def tab_to(page, wanted, key="Tab", limit=40):
    """Presses Tab (or Shift+Tab) until wanted(focused element) holds; fails after `limit`."""
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        element = focused(page)
        if wanted(element):
            return element
        seen.append(f"{element['tag']}.{element['cls']} {element['text'][:20]!r}")
    pytest.fail(f"{key} never reached it; focus went through: {seen[:12]}")


def chat_is_open(page):
    return page.locator(".rw-new-message").count() > 0


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def no_sideways_scroll(page):
    return page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")


def inside_viewport(page, selector):
    b = box(page, selector)
    size = page.viewport_size
    return (b is not None and b["x"] >= 0 and b["y"] >= 0
            and b["x"] + b["width"] <= size["width"] + 0.5
            and b["y"] + b["height"] <= size["height"] + 0.5)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two computed CSS colours (rgb()/rgba(), opaque)."""
    def luminance(color):
        r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", color)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# --- axe -------------------------------------------------------------------------------------
def test_axe_finds_no_wcag_21_aa_violation_closed_open_with_buttons_and_in_the_form(new_page):
    page = new_page()
    results = {"closed": axe_violations(page)}
    open_chat(page)
    results["open"] = axe_violations(page)
    ask(page, "what can you answer?")
    expect(page.locator(".rw-reply", has_text="Downtime")).to_be_visible(timeout=30_000)
    results["quick replies"] = axe_violations(page)
    page.screenshot(path=str(SCREENSHOTS / "desktop-quick-replies.png"))
    ask(page, "does it hurt?")  # an article answer ends with "Was this helpful? 👍 / 👎"
    feedback = page.locator(".rw-reply[aria-label='No, not helpful']")
    expect(feedback).to_be_visible(timeout=30_000)
    expect(feedback).to_have_attribute("role", "button")
    results["feedback"] = axe_violations(page)
    ask(page, "is it for everyone?")  # ends with the offer of the screening questions
    page.locator(".rw-reply", has_text="Am I a good candidate?").click(timeout=30_000)
    bot_says(page, "open wounds or a skin infection")  # the form's first question
    expect(page.locator(".rw-reply", has_text="No")).to_be_visible()
    results["screening form"] = axe_violations(page)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "axe.json").write_text(json.dumps(results, indent=1))
    assert results == {state: {} for state in results}, json.dumps(results, indent=1)
    assert page.csp_violations == []


# --- keyboard and screen readers -------------------------------------------------------------
def test_keyboard_only_visitor(new_page):
    page = new_page()
    tab_to(page, lambda e: "rw-launcher" in e["cls"])
    launcher = page.locator(".rw-launcher")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    bot_says(page, "not medical advice")
    assert "rw-new-message" in focused(page)["cls"], "focus is not in the input after opening"

    page.keyboard.type("what can you answer?")
    page.keyboard.press("Enter")  # Enter sends
    expect(page.locator(".rw-reply", has_text="Downtime")).to_be_visible(timeout=30_000)
    # Back from the input to the quick replies (they come before it); Enter activates one.
    reply = tab_to(page, lambda e: e["text"] == "Downtime", key="Shift+Tab")
    assert "rw-reply" in reply["cls"]
    expect(page.locator(".rw-reply", has_text="Downtime")).to_have_attribute("role", "button")
    page.keyboard.press("Enter")
    bot_says(page, "24 hours")
    # The chosen reply's buttons are gone; focus waits in the input, not lost on <body>.
    assert "rw-new-message" in focused(page)["cls"], focused(page)

    page.keyboard.type("what can you answer?")
    page.keyboard.press("Enter")
    expect(page.locator(".rw-reply", has_text="Cost")).to_be_visible(timeout=30_000)
    tab_to(page, lambda e: e["text"] == "Cost", key="Shift+Tab")
    page.keyboard.press(" ")  # Space activates a button too
    bot_says(page, "$300 to $400")

    page.keyboard.press("Escape")
    expect(page.locator(".rw-new-message")).to_have_count(0)
    assert "rw-launcher" in focused(page)["cls"], "focus did not return to the launcher"
    expect(launcher).to_have_attribute("aria-expanded", "false")
    assert page.csp_violations == []


def accessibility_tree(page):
    """Chromium's own accessibility tree (what a screen reader gets), by DevTools protocol."""
    session = page.context.new_cdp_session(page)
    try:
        return session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()


def test_new_replies_are_announced_by_a_polite_live_log(new_page):
    page = new_page()
    open_chat(page)
    ask(page, "does it hurt?")
    bot_says(page, "numbing cream")
    nodes = accessibility_tree(page)
    by_id = {node["nodeId"]: node for node in nodes}
    logs = [node for node in nodes if node.get("role", {}).get("value") == "log"]
    assert len(logs) == 1, "no role=log region in the accessibility tree"
    properties = {p["name"]: p["value"].get("value") for p in logs[0].get("properties", [])}
    assert properties.get("live") == "polite", properties

    def texts(node):
        yield node.get("name", {}).get("value", "")
        for child in node.get("childIds", []):
            if child in by_id:
                yield from texts(by_id[child])
    assert any("numbing cream" in text for text in texts(logs[0])), "the reply is not in the log"
    # Each control has a name a screen reader can say.
    names = {node.get("name", {}).get("value", "") for node in nodes
             if node.get("role", {}).get("value") in ("button", "textbox")}
    assert {"Close chat", "Send", "Your question"} <= names, names


# --- seeing and moving -----------------------------------------------------------------------
def test_text_contrast_at_least_4_5_to_1(new_page):
    """axe's color-contrast rule checks the visible text; it skips placeholders, checked here."""
    page = new_page()
    open_chat(page)
    colors = page.evaluate("""() => { const input = document.querySelector(".rw-new-message");
        return [getComputedStyle(input, "::placeholder").color,
                getComputedStyle(input).backgroundColor]; }""")
    assert contrast(*colors) >= 4.5, colors
    assert "color-contrast (serious)" not in axe_violations(page)


def test_no_motion_for_visitors_who_prefer_reduced_motion(new_page):
    page = new_page(reduced_motion="reduce")
    open_chat(page)
    ask(page, "what can you answer?")
    expect(page.locator(".rw-reply", has_text="Downtime")).to_be_visible(timeout=30_000)
    moving = page.evaluate("""() => {
        const longer = value => value.split(",").some(d =>
            parseFloat(d) * (d.trim().endsWith("ms") ? 1 : 1000) > 10);
        return [...document.querySelectorAll("#rasaWebchatPro, #rasaWebchatPro *")]
            .filter(e => { const s = getComputedStyle(e);
                return (s.animationName !== "none" && longer(s.animationDuration))
                    || longer(s.transitionDuration); })
            .map(e => e.tagName + "." + (e.getAttribute("class") || ""));
    }""")
    assert moving == [], f"still animated: {sorted(set(moving))}"
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") != "smooth"


def test_usable_at_200_percent_zoom(new_page):
    """A 1280x800 window at 200% zoom lays out as 640x400 CSS px (the same media queries)."""
    page = new_page(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    open_chat(page)
    ask(page, "what can you answer?")
    expect(page.locator(".rw-reply", has_text="Downtime")).to_be_visible(timeout=30_000)
    assert inside_viewport(page, ".rw-new-message"), box(page, ".rw-new-message")
    assert inside_viewport(page, ".rw-close-button"), "no visible way to close the chat"
    assert no_sideways_scroll(page)
    page.locator(".rw-reply", has_text="Choosing a provider").scroll_into_view_if_needed()
    assert inside_viewport(page, ".rw-reply >> text=Choosing a provider")
    assert axe_violations(page) == {}
    page.screenshot(path=str(SCREENSHOTS / "zoom-200.png"))


# --- phones ----------------------------------------------------------------------------------
@pytest.mark.parametrize("width,height", PHONES, ids=[f"{w}x{h}" for w, h in PHONES])
def test_phone(new_page, width, height):
    page = new_page(viewport={"width": width, "height": height}, device_scale_factor=2,
                    is_mobile=True, has_touch=True)
    assert no_sideways_scroll(page)
    launcher = box(page, ".rw-launcher")
    assert launcher["width"] >= MIN_TAP and launcher["height"] >= MIN_TAP, launcher
    page.locator(".rw-launcher").tap()
    bot_says(page, "not medical advice")

    chat = box(page, ".rw-conversation-container")  # fills the screen
    assert (chat["x"], chat["y"], chat["width"]) == (0, 0, width), chat
    assert abs(chat["height"] - height) <= 1, chat
    ask(page, "what can you answer?")
    expect(page.locator(".rw-reply", has_text="Downtime")).to_be_visible(timeout=30_000)
    for selector in (".rw-send", ".rw-close-button", ".rw-reply"):
        for target in page.locator(selector).all():
            b = target.bounding_box()
            assert b["width"] >= MIN_TAP and b["height"] >= MIN_TAP, (selector, b)
    assert inside_viewport(page, ".rw-new-message"), box(page, ".rw-new-message")
    assert no_sideways_scroll(page)
    page.screenshot(path=str(SCREENSHOTS / f"phone-{width}x{height}.png"))

    # A longer conversation scrolls inside the chat; the input stays on screen.
    for question in ("does it hurt?", "how much does it cost?", "is it safe for dark skin?"):
        ask(page, question)
    bot_says(page, "darker skin")
    assert inside_viewport(page, ".rw-new-message"), box(page, ".rw-new-message")
    assert no_sideways_scroll(page)

    page.locator(".rw-close-button").tap()
    expect(page.locator(".rw-new-message")).to_have_count(0)
    assert "rw-launcher" in focused(page)["cls"], "focus did not return to the launcher"
    assert page.csp_violations == []
