"""The fact a question asks, so the reply leads with it: "how long is a session?" gets the
session's length, not the whole procedure paragraph (who performs it, the device, serums,
numbing). Rasa-free: the action server picks the sentences of the topic's fixed reply
(core/knowledge.yml) that state the asked fact (actions/asked_fact.py); the facts themselves
stay written once, in that reply.

Each sub-question has the words that ask it and the words that find its sentence in the reply.
A question asking none, or more than one, gets the whole reply.
"""
import re
from typing import Dict, List, Optional, Pattern, Tuple

from core.knowledge import KNOWLEDGE, citation, render_reply

# topic reply -> sub-question -> (asks it, its sentence in the reply)
SUB_QUESTIONS: Dict[str, Dict[str, Tuple[Pattern, Pattern]]] = {
    "utter_procedure": {
        "session_length": (
            re.compile(r"\bhow\s+(long|much time)\b(?!.*\b(numb\w*|cream|heal\w*|recover\w*|"
                       r"red\w*|results?|last\w*|between|apart)\b)|\b(minutes|hours?|duration|"
                       r"time does it take|lunch break)\b", re.IGNORECASE),
            re.compile(r"\bminutes\b.*\bdermatologist\b|\bsession takes\b", re.IGNORECASE)),
        "device": (
            re.compile(r"\b(device|pen|machine|tool|needles?|dermapen|roller)\b", re.IGNORECASE),
            re.compile(r"\bdevice\b", re.IGNORECASE)),
        "who_performs": (
            re.compile(r"\bwho\s+(does|do|performs?|will|can|should|is)\b|\b(nurse|aesthetician|"
                       r"esthetician|doctor do|dermatologist do)\b", re.IGNORECASE),
            re.compile(r"\bdermatologist or an aesthetician\b", re.IGNORECASE)),
        "serums": (
            re.compile(r"\b(serums?|hyaluronic|growth factors?|what do they put|products? do "
                       r"they (put|use|apply))\b", re.IGNORECASE),
            re.compile(r"\bserums?\b", re.IGNORECASE)),
        "numbing": (
            re.compile(r"\b(numb\w*|anesthe\w*|anaesthe\w*|lidocaine)\b", re.IGNORECASE),
            re.compile(r"\bnumbing\b", re.IGNORECASE)),
    },
    "utter_treatment_plan": {
        "maintenance": (
            re.compile(r"\b(maintenance|maintain|top.?ups?|touch.?ups?|after the series|"
                       r"once (i'?m|i am) done)\b", re.IGNORECASE),
            re.compile(r"\bmaintenance\b", re.IGNORECASE)),
        "spacing": (
            re.compile(r"\b(how (far|long) apart|how often|between (sessions|treatments)|"
                       r"wait between|spacing|interval)\b", re.IGNORECASE),
            re.compile(r"\bweeks apart\b", re.IGNORECASE)),
    },
}
# A question that can only ask how long one session lasts ("and each time how long do i need to
# be there", "how much time for one sitting"), strict enough that a rule may move the message to
# the procedure question whatever the classifier read (nlu_components/reading/session_length.py).
# A duration word, then within the sentence a session or what one does in it; nothing after it
# that times something else: healing, redness, results, the numbing, the series, a course.
_HOW_LONG = (r"\b(how\s+(long|much\s+time|many\s+(minutes|mins|hours?))|what\s+is\s+the\s+time|"
             r"what\s+time\s+(does|will)\s+it\s+take)\b")
_ONE_SESSION = (r"\b(takes?|taking|(each|one|a|per|the|every|1|whole|actual|this)\s+(session|sesh|"
                r"sitting|appointment|appt|visit|treatment|procedure|time|thing|needling)|"
                r"needling\s+(part|bit)|(be|stay|sit|lie|lying|sitting)\s+(there|in\s+the\s+chair)|"
                r"(am\s+i|will\s+i\s+be)\s+(lying|sitting|there|in\s+the\s+chair)|"
                r"under\s+the\s+needles?)\b")
SESSION_LENGTH = re.compile(_HOW_LONG + r"[^.?!]{0,60}?" + _ONE_SESSION, re.IGNORECASE)
TIMES_SOMETHING_ELSE = re.compile(
    r"\b(heal\w*|recover\w*|red\w*|swell\w*|result\w*|(to|it|they)\s+work\w*|working|notice|"
    r"see|last\w*|between|apart|off|numb\w*|cream|normal|away|fade\w*|settle|stop|before|after|"
    r"till|until|wait|peel\w*|scab\w*|bleed\w*|improve\w*|effect\w*|difference|kick|course|training|learn|certif\w*|"
    r"book\w*|shipping|deliver\w*|ready|show|appear|calm\w*)\b", re.IGNORECASE)


def asks_session_length(text: Optional[str]) -> bool:
    """Whether the message asks how long one session takes, and nothing else's duration."""
    found = SESSION_LENGTH.search(text or "")
    return bool(found) and not TIMES_SOMETHING_ELSE.search((text or "")[found.start():])


SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# What the reply offers after the asked fact, so the rest is one question away.
MORE = {"utter_procedure": "Ask me about the device, serums, numbing or who performs it for more.",
        "utter_treatment_plan": "Ask me how many sessions, how far apart or about results for "
                                "more."}


def asked(reply: str, text: Optional[str]) -> Optional[str]:
    """The one sub-question of `reply`'s topic the text asks, if exactly one."""
    found = [name for name, (asks, _) in SUB_QUESTIONS.get(reply, {}).items()
             if asks.search(text or "")]
    return found[0] if len(found) == 1 else None


def focused_reply(reply: str, text: Optional[str], knowledge=KNOWLEDGE) -> Optional[str]:
    """The sentences of the fixed reply that state the asked fact, with the citation and an
    offer of the rest; None when the whole reply should be given."""
    sub = asked(reply, text)
    if sub is None:
        return None
    cite = citation(knowledge)
    full = render_reply(reply, knowledge).replace(cite, "").strip()
    sentences: List[str] = [s for s in SENTENCE.split(full)
                            if SUB_QUESTIONS[reply][sub][1].search(s)]
    if not sentences:
        return None
    return " ".join(sentences + [cite, MORE[reply]])
