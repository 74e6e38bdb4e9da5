"""A short question of what to ask a provider ("what do i ask them" after the provider advice,
"what questions should I ask", core/asked_fact.py's `asks_what_to_ask`) is `intent`, the
provider question, whose answer says what to ask; the classifier read "what do i ask" as a
request for the help menu. Taken from `from_intents`, never inside a form or after a reported
symptom ("what do I ask the doctor about this rash?" is for care)."""
from core.asked_fact import asks_what_to_ask
from nlu_components.reading.only_asks import OnlyAsks


class WhatToAsk(OnlyAsks):
    name = "what_to_ask"
    defaults = {"intent": "ask_provider", "from_intents": []}
    asks = staticmethod(asks_what_to_ask)
