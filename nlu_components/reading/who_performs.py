"""A question that can only ask who performs it ("ok, and who would be doing it?", "who actually
does the treatment?", core/asked_fact.py's `asks_who_performs`) gets `intent`, the procedure
question, whose reply leads with who performs it (actions/asked_fact.py); the classifier had
put such short questions on the risk, the provider advice or who it suits. Taken from
`from_intents`, never inside a form, and not after a reported symptom: "who can treat this?"
then asks for care (care_follow_up)."""
from core.asked_fact import asks_who_performs
from nlu_components.reading.only_asks import OnlyAsks


class WhoPerforms(OnlyAsks):
    name = "who_performs"
    defaults = {"intent": "ask_procedure", "from_intents": []}
    asks = staticmethod(asks_who_performs)
