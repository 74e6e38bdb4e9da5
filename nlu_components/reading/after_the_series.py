""""and after the last one?" after the series or results answer asks what comes once the series
is over: relabelled `intent` (config.yml: the results question, whose answer in
core/knowledge.yml covers after the series). Read alone, its "after" makes it the recovery
question. `from_intents` are questions, never thanks, "stop" or a complication report."""
from core.follow_ups import asks_after_the_series
from nlu_components.reading.context_follow_up import ContextFollowUp


class AfterTheSeries(ContextFollowUp):
    name = "after_the_series"
    asks = staticmethod(asks_after_the_series)
