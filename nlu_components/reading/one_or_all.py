""""is that per session or for all of them?" after an answer on one of `topics`: relabelled
`intent` (the follow-up intent, answered by actions/follow_up.py). Its "one session" / "the whole
series" are the scope of the question, not a number of sessions: those `drop_entities` are
removed, so the follow-up answers the topic itself (a count would make it a price question) and
no slot keeps "one session" for later answers."""
from core.follow_ups import asks_one_session_or_all
from nlu_components.reading.context_follow_up import ContextFollowUp


class OneOrAll(ContextFollowUp):
    name = "one_or_all"
    asks = staticmethod(asks_one_session_or_all)
