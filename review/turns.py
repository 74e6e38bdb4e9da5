"""Turns the tracker store's events into visitor turns: one message and what the assistant did
about it (the actions it ran, its replies and how long the first reply took).

What counts as what (read from the assistant's own code):
- a visitor message: a stored user event, except the greeting the widget sends by itself when
  it connects (AUTOMATIC_PAYLOADS);
- escalated: the seek-care reply was sent (`utter_seek_care`: the complication rule in
  data/rules/faq.yml, or the symptom net of actions/safety.py);
- not answered: the reply was the "not in the article / not sure" answer
  (action_answer_unknown, see actions/safety.py, which also names gap terms from
  nlu_components/gap_terms.py) or Rasa's own fallback, or NLU put the message out of scope or
  was unsure (out_of_scope, nlu_fallback) and no form took it as an answer (inside the
  screening form an unsure reading is an unclear yes/no, asked again by the form); unless it
  was escalated, which is counted there instead.
"""
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Iterable, Iterator, List, Optional

from store.events_table import StoredEvent

AUTOMATIC_PAYLOADS = {"/greet"}
SEEK_CARE_RESPONSE = "utter_seek_care"
UNANSWERED_INTENTS = {"out_of_scope", "nlu_fallback"}
UNANSWERED_ACTIONS = {"action_answer_unknown", "action_default_fallback"}
GAP_ENTITY = "not_in_article"  # core/gaps.py, repeated so the report needs no Rasa import


@dataclass
class Turn:
    conversation: int  # a number local to one report, never the sender id
    timestamp: float
    text: str
    intent: Optional[str]
    gap_term: Optional[str] = None
    next_intent: Optional[str] = None  # NLU's second guess, a hint for labelling
    actions: List[str] = field(default_factory=list)
    responses: List[str] = field(default_factory=list)  # utter_* names of the replies sent
    first_reply_at: Optional[float] = None

    @property
    def day(self) -> date:
        return datetime.fromtimestamp(self.timestamp, timezone.utc).date()

    @property
    def latency(self) -> Optional[float]:
        if self.first_reply_at is None:
            return None
        return max(0.0, self.first_reply_at - self.timestamp)

    @property
    def escalated(self) -> bool:
        return SEEK_CARE_RESPONSE in self.actions or SEEK_CARE_RESPONSE in self.responses

    @property
    def unanswered(self) -> bool:
        if self.escalated:
            return False
        if UNANSWERED_ACTIONS & set(self.actions):
            return True
        answered_by_a_form = any(action.endswith("_form") for action in self.actions)
        return self.intent in UNANSWERED_INTENTS and not answered_by_a_form


def _user_turn(conversation: int, event: StoredEvent) -> Turn:
    parse = event.data.get("parse_data") or {}
    intent = (parse.get("intent") or {}).get("name")
    gap_term = next((str(e.get("value")) for e in parse.get("entities") or []
                     if e.get("entity") == GAP_ENTITY and e.get("value")), None)
    others = [r.get("name") for r in parse.get("intent_ranking") or []
              if r.get("name") and r.get("name") != intent]
    return Turn(conversation, event.timestamp, str(event.data.get("text") or ""), intent,
                gap_term, others[0] if others else None)


def visitor_turns(events: Iterable[StoredEvent]) -> Iterator[Turn]:
    """The visitor turns, conversation by conversation; `events` come grouped by sender in the
    order they were stored (store.events_table.read_events)."""
    sender, conversation, turn = None, 0, None
    for event in events:
        if event.sender_id != sender:
            if turn is not None:
                yield turn
            sender, turn = event.sender_id, None
            conversation += 1
        if event.type_name == "user":
            if turn is not None:
                yield turn
            turn = _user_turn(conversation, event)
            if turn.text in AUTOMATIC_PAYLOADS:
                turn = None  # the widget's own greeting: its replies are not a visitor's turn
        elif turn is None:
            continue
        elif event.type_name == "action":
            name = event.data.get("name")
            if name and name != "action_listen":
                turn.actions.append(name)
        elif event.type_name == "bot":
            if turn.first_reply_at is None:
                turn.first_reply_at = event.timestamp
            response = (event.data.get("metadata") or {}).get("utter_action")
            if response:
                turn.responses.append(response)
    if turn is not None:
        yield turn
