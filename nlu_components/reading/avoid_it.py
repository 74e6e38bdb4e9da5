""""how do they avoid that?", "so would they go gentler on me?" after the answer on risk or on who
it suits (`topics`: their caution for darker skin, "only risky when not performed
appropriately") asks how that risk is avoided (core/follow_ups.py): `intent`, the risk question,
whose answer gives the caution and the advice on choosing a qualified provider. Read alone, the
classifier put such questions on the provider, the procedure or what it treats."""
from core.follow_ups import asks_how_to_avoid_it
from nlu_components.reading.context_follow_up import ContextFollowUp


class AvoidIt(ContextFollowUp):
    name = "avoid_it"
    asks = staticmethod(asks_how_to_avoid_it)
