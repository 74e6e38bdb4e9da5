"""Whether a question asks about the visitor's own candidacy ("is it a good fit for me?",
"would I be suitable?") rather than who the treatment suits in general ("who shouldn't get
it?"). A personal one starts the screening (nlu_components/reading/own_candidacy.py), which asks the
article's questions and gives its verdict (core/screening.py).
"""
import re
from typing import Optional

# The visitor asks about themselves...
PERSONAL = re.compile(
    r"\b(for me|for my (skin|face|case)|am i|would i|could i|can i|should i|do i|will i|if i|"
    r"whether i|suits? me|"
    r"someone like me|people like me|in my case|me personally|check me|screen me|"
    r"i('| a)?m\b|i have|ive|i've)\b", re.IGNORECASE)
# ...about whether it suits them.
SUITS = re.compile(
    r"\b(candidates?|suitable|suit|suits|fit|qualify|eligible|right for|ok for|okay for|"
    r"good idea for|an option for|work for me|allowed|able to (get|have|do)|get it done|"
    r"have it done|do it|get microneedling|have microneedling|get micro-needling|"
    r"have micro-needling)\b", re.IGNORECASE)


def asks_own_candidacy(text: Optional[str]) -> bool:
    text = text or ""
    return bool(PERSONAL.search(text) and SUITS.search(text))
