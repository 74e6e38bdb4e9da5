// Page-level accessibility for the rasa-webchat 1.0.1 widget (issue #15), without forking it.
// The widget renders icon-only buttons without names, quick replies as plain <div>s, no live
// region and no Escape key. A MutationObserver re-applies names and roles whenever React
// re-renders (it replaces elements as the chat opens, closes and grows); key handlers on the
// document give quick replies Enter/Space, close the chat on Escape, and keep focus where a
// keyboard or screen-reader user expects it. Loaded before web/page.js so it sees the first render.
(function () {
  "use strict";

  var FEEDBACK_NAMES = { "\uD83D\uDC4D": "Yes, helpful", "\uD83D\uDC4E": "No, not helpful" };
  var wasOpen = null; // null until the first look: a chat restored open on load is no transition

  function set(element, name, value) {
    // Only when different: cheap, and no attribute churn for assistive technology.
    if (element && element.getAttribute(name) !== value) element.setAttribute(name, value);
  }

  function root() {
    return document.getElementById("rasaWebchatPro");
  }

  function launcher() {
    return document.querySelector(".rw-launcher");
  }

  function input() {
    return document.querySelector(".rw-new-message");
  }

  function isOpen() {
    return document.querySelector(".rw-conversation-container") !== null;
  }

  function enhance() {
    var open = isOpen();
    var button = launcher();
    set(button, "aria-label", open ? "Close chat" : "Open chat");
    set(button, "aria-expanded", String(open));
    set(document.querySelector(".rw-close-button"), "aria-label", "Close chat");
    set(document.querySelector(".rw-send"), "aria-label", "Send");
    set(input(), "aria-label", "Your question");

    // The conversation: a log (polite live region) so new replies are read out as they come;
    // focusable so keyboard users can scroll it (it is a scrolling box).
    var messages = document.getElementById("rw-messages");
    set(messages, "role", "log");
    set(messages, "aria-live", "polite");
    set(messages, "aria-label", "Conversation");
    set(messages, "tabindex", "0");

    // Quick replies are <div>s with a click handler: make them buttons in the tab order.
    // The feedback replies are bare emoji ("Was this helpful? 👍 / 👎"): name them in words.
    var replies = document.querySelectorAll(".rw-reply");
    for (var i = 0; i < replies.length; i++) {
      if (replies[i].tagName !== "BUTTON" && replies[i].tagName !== "A") {
        set(replies[i], "role", "button");
        set(replies[i], "tabindex", "0");
      }
      var word = FEEDBACK_NAMES[replies[i].textContent.trim()];
      if (word) set(replies[i], "aria-label", word);
    }

    if (wasOpen === false && open) {
      // Opened: the widget autofocuses its input; make sure, in case a re-render stole it.
      if (document.activeElement === document.body || document.activeElement === button) {
        var field = input();
        if (field) field.focus();
      }
    } else if (wasOpen === true && !open) {
      // Closed (launcher, close button or Escape): focus went away with the removed window.
      var active = document.activeElement;
      if (button && (!active || active === document.body || !active.isConnected)) button.focus();
    }
    wasOpen = open;
  }

  function close() {
    // The phone layout hides the launcher while open and shows a close button; the desktop
    // layout the reverse. Either one toggles the widget, hidden or not.
    var closer = document.querySelector(".rw-close-button") || launcher();
    if (closer) closer.click();
    enhance();
    var button = launcher();
    if (button) button.focus();
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Escape" && isOpen()) {
      var widget = root();
      if (target === document.body || (widget && widget.contains(target))) {
        event.preventDefault();
        close();
      }
      return;
    }
    if ((event.key === "Enter" || event.key === " ") && target.classList &&
        target.classList.contains("rw-reply") && target.getAttribute("role") === "button") {
      event.preventDefault(); // Space would scroll the conversation
      target.click();
      // The replies disappear once one is chosen: continue in the input, not on <body>.
      var field = input();
      if (field) field.focus();
    }
  });

  // Focus returning after a click on the (mobile) close button is handled by enhance().
  new MutationObserver(enhance).observe(document.body, { childList: true, subtree: true });
  enhance();
})();
