// Starts the rasa-webchat widget on the clinic page. A separate file (not an inline <script>)
// so the page's Content-Security-Policy can forbid inline scripts; web/serve.py writes the
// Rasa server's address into the page's <meta name="rasa-url"> tag.
window.WebChat.default({
  socketUrl: document.querySelector('meta[name="rasa-url"]').content,
  socketPath: "/socket.io/",
  initPayload: "/greet",
  title: "Micro-needling questions",
  subtitle: "General information, not medical advice",
  inputTextFieldHint: "Ask about micro-needling...",
  customData: { language: "en" },
  params: { storage: "local" }
}, null);
