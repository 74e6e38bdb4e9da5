// Starts the rasa-webchat widget on the clinic page. A separate file (not an inline <script>)
// so the page's Content-Security-Policy can forbid inline scripts; web/serve.py writes the
// Rasa server's address into the page's <meta name="rasa-url"> tag.
//
// Besides the widget's settings, two small page-level rules on sending: a question sent before
// the greeting is on screen is held in the input box and sent right after the greeting, so on
// a fast first message the visitor's question never appears above the greeting; and nothing is
// sent while the connection is down (the widget itself disables the input box then).
window.WebChat.default({
  socketUrl: document.querySelector('meta[name="rasa-url"]').content,
  socketPath: "/socket.io/",
  initPayload: "/greet",
  title: "Micro-needling questions",
  subtitle: "General information, not medical advice",
  inputTextFieldHint: "Ask about micro-needling...",
  customData: { language: "en" },
  params: { storage: "local" },
  // rasa-webchat's default simulates typing: 30 ms a character, 0.8 to 3 s per bubble, one
  // bubble after another. The server answers in tens of milliseconds, so show answers at once.
  customMessageDelay: () => 0,
  // The greeting is asked for as soon as the socket is connected (the widget's "tooltip"
  // message, shown in the conversation, not as a tooltip), so it is already there when the
  // visitor opens the chat; a new conversation's first reply takes the server ~0.3 s. The
  // widget sends it once per conversation, and then not initPayload as well.
  tooltipPayload: "/greet",
  tooltipDelay: 0,
  disableTooltips: true,
  // The default hides the whole widget while the socket is down, and its "rules" option keeps
  // it hidden until the first connection: the visitor would lose what they were reading. We
  // keep it on screen; the widget disables the input and shows connectingText in the header
  // until socket.io (which retries by itself) is back and the same conversation is confirmed.
  hideWhenNotConnected: false,
  withRules: false,
  connectingText: "Reconnecting… your conversation is kept; you can type again in a moment.",
  onSocketEvent: {
    disconnect(reason) {
      // socket.io retries on its own after a lost connection, but not after the server said
      // goodbye (e.g. while shutting down for a restart): ask it to retry then too.
      if (reason === "io server disconnect") this.connect();
    }
  }
}, null);

// How long a question waits for the greeting at most: if the greeting never comes (a failing
// server still answers, but a reply can be lost), the question is sent anyway.
const GREETING_WAIT_MS = 5000;
let held = null; // the widget's form while a question waits for the greeting
let releasing = false;

function greetingShown() {
  // Not the typing indicator, which the widget draws as an empty bot bubble just before it.
  return document.querySelector(
    ".rw-messages-container .rw-message:not(.rw-typing-indication) .rw-response") !== null;
}

function releaseHeld(force) {
  if (!held || !(force || greetingShown())) return;
  const form = held;
  held = null;
  releasing = true;
  try {
    form.dispatchEvent(new Event("submit", { cancelable: true })); // as the widget's Enter does
  } finally {
    releasing = false;
  }
}

// Capture phase on window: runs before the widget's own submit handler, which we stop while
// the greeting is not there yet; the text stays in the input box until it is sent.
window.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains("rw-sender")) return;
  if (releasing) return;
  // While reconnecting the widget disables the box but not its send button, whose message
  // socket.io would only buffer: refuse it; the text stays in the box, the header says why.
  const box = form.querySelector(".rw-new-message");
  if (box && box.disabled) {
    event.preventDefault();
    event.stopImmediatePropagation();
    return;
  }
  if (greetingShown()) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  if (!held) setTimeout(() => releaseHeld(true), GREETING_WAIT_MS);
  held = form;
}, true);

new MutationObserver(() => releaseHeld(false))
  .observe(document.body, { childList: true, subtree: true });
