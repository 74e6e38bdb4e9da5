""""and after?", "what about the day after?" or "but does it hurt after?" after an answer about the
session itself (config.yml: the pain, the procedure and other topics whose answer says nothing
of the days after) asks about the time after it: relabelled `intent`, the after-effects
question. `from_intents` are questions and details, never thanks, "stop" or a complication
report."""
from core.follow_ups import asks_after_the_session
from nlu_components.reading.context_follow_up import ContextFollowUp


class AfterTheSession(ContextFollowUp):
    name = "after_the_session"
    asks = staticmethod(asks_after_the_session)
