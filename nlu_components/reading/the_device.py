"""A short question that can only ask about the device ("and the tool?", "how many needles did you
say", core/asked_fact.py's `asks_about_the_device`) gets `intent`, the procedure question, whose
reply leads with the device (actions/asked_fact.py); the classifier had read such fragments as a
follow-up of the last answer ("and the tool?" after what it is) or was unsure. Taken from
`from_intents`, never inside a form, and not after a reported symptom ("the needles left marks"
is for care)."""
from core.asked_fact import asks_about_the_device
from nlu_components.reading.only_asks import OnlyAsks


class TheDevice(OnlyAsks):
    name = "the_device"
    defaults = {"intent": "ask_procedure", "from_intents": []}
    asks = staticmethod(asks_about_the_device)
