"""A bad outcome the visitor heard of, asked about: "my cousin got an infection after hers at a
salon, how do I make sure that doesn't happen to me?", "someone online said it made her scars
worse, is that true?". The article's answer is its word on risk (only when not performed
appropriately) and on choosing a qualified provider; read alone, such a message looks like a
question about who it suits, what it treats or the pain. Someone else's symptoms are no report
of the visitor's own (core/symptoms.py decides that; this reads only the question)."""
import re
from typing import Optional

from core.symptoms import ANYONE_ELSE

# Where the story comes from: someone else, or something heard, read or seen.
HEARD = re.compile(
    r"\b(said|says|saying|told|tells|telling|heard|hear|read|saw|seen|watched|claims?|claimed|"
    r"reckons?|online|tiktok|reddit|youtube|instagram|facebook|forum|reviews?|stor(y|ies)|"
    r"videos?|posts?|news|articles?|horror)\b", re.IGNORECASE)
# The bad outcome.
HARM = re.compile(
    r"\b(infect\w*|(made|make|makes|making|left|leave|leaves)\s+(\w+\s+){0,2}?(worse|more\s+scars)|"
    r"worse\s+(scars?|skin)|more\s+scars|burn(s|t|ed|ing)?|hiv|hepatitis|hep\s?[bc]|diseases?|"
    r"ruin\w*|damag\w*|wreck\w*|destroy\w*|messed\s+up|botched|(bad|terrible|awful|horrible)\s+"
    r"(results?|experiences?)|disfigur\w*|went\s+wrong|gone\s+wrong|goes\s+wrong|"
    r"bad\s+reactions?|(bad|terrible|awful|horrible|nasty|allergic)\s+(rash\w*|reactions?)|"
    r"orange\s+peel|scar(red|ring|s)?\s+(me|you|u|her|him|people|them|your\s+skin|my\s+skin)\b|permanent\s+\w+|scarred|(dark|darker|brown)\s+"
    r"(spots|patches|marks))\b", re.IGNORECASE)
# What they ask of it: whether it is true or likely, or how to avoid it.
ASKS = re.compile(
    r"\b(true|real|legit|a\s+thing|myth|how\s+(common|likely|often|rare|possible)|"
    r"(make|making)\s+sure|avoid\w*|prevent\w*|not\s+end\s+up|(be|get|feel)\s+(worried|scared|"
    r"concerned|nervous)|(is|are)\s+(it|that|this|they)\s+(safe|common|normal|possible|likely|"
    r"rare)|(does|do|can|could|would|will)\s+(that|this|it)\s+happen|happen\s+(a\s+lot|often|"
    r"to\s+me)|(un)?lucky|risks?|risky|chances?|odds|safe)\b", re.IGNORECASE)


def asks_about_harm_heard_of(text: Optional[str]) -> bool:
    """A bad outcome told of someone else or heard of, with a question whether it is true or
    likely, or how to avoid it."""
    text = text or ""
    return bool(HARM.search(text) and (HEARD.search(text) or ANYONE_ELSE.search(text))
                and ASKS.search(text))
