"""Relabelling a parsed message's intent by rule, shared by the guards that run after the
classifiers (the reading rules, nlu_components/reading/; the deletion guard)."""
from typing import Text

from rasa.shared.nlu.constants import (INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY,
                                       PREDICTED_CONFIDENCE_KEY)
from rasa.shared.nlu.training_data.message import Message


def relabel(message: Message, name: Text) -> None:
    """Makes `name` the message's intent, first in the ranking, above the classifier's readings.

    It keeps the replaced intent's confidence (the relabelling is a rule, not a new guess), and
    the classifier's ranking below it, so that a reply can still use the article question NLU
    saw ("what it does say about ...")."""
    intent = message.get(INTENT) or {}
    relabelled = {INTENT_NAME_KEY: name,
                  PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY)}
    ranking = [entry for entry in message.get(INTENT_RANKING_KEY) or []
               if entry.get(INTENT_NAME_KEY) != name]
    message.set(INTENT, relabelled, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [relabelled] + ranking, add_to_output=True)
