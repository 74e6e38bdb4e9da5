"""Whether a question asks about the visitor's own candidacy ("is it a good fit for me?",
"would I be suitable?") rather than who the treatment suits in general ("who shouldn't get
it?"). A personal one starts the screening (nlu_components/reading/own_candidacy.py), which asks the
article's questions and gives its verdict (core/screening.py).
"""
import re
from typing import Optional

from core.symptoms import NEW_MARK, after_a_treatment_had

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


# With a skin tone or condition of their own told, a question ending on whether they can have
# it ("hi, I'm black and want to fix my acne scars. can I get microneedling?", "im a black woman
# with acne scars, is microneedling safe for me"): read as what it treats, it asks about them
# (nlu_components/reading/own_candidacy.py). Only a question that ends there: "how much to get
# it done on my whole face?" or "can I get microneedling at your clinic on saturday?" ask other
# things.
_IT = (r"(it|this|that|microneedling|micro-needling|micro\s+needling|the\s+treatment|"
       r"the\s+procedure)(\s+(treatment|done|on\s+my\s+\w+|with\s+my\s+(skin(\s+tone)?|\w+)))?")
CAN_I_HAVE_IT = re.compile(
    r"\b((can|could|may|should)\s+i\s+(still\s+|even\s+|safely\s+)?(get|have|do|try)\s+" + _IT +
    r"|(would|will)\s+i\s+be\s+able\s+to\s+(get|have|do)\s+" + _IT +
    r"|is\s+(it|this|microneedling|micro-needling|micro\s+needling)\s+(safe|ok|okay|fine|"
    r"alright)\s+(for\s+(me|my\s+skin|my\s+face|someone\s+like\s+me)"
    r"(\s+to\s+(get|have|do)\s+" + _IT + r")?)"
    r"|am\s+i\s+(able|allowed)\s+to\s+(get|have|do)\s+" + _IT + r")\s*\?*\s*$",
    re.IGNORECASE)


def asks_own_candidacy(text: Optional[str]) -> bool:
    text = text or ""
    return bool(PERSONAL.search(text) and SUITS.search(text))


def asks_if_they_can_have_it(text: Optional[str]) -> bool:
    """Not from a visitor who has had it ("had it done 3 days ago, can I still do it?"): that
    asks about their own skin now."""
    text = (text or "").strip()
    return bool(CAN_I_HAVE_IT.search(text)) and not after_a_treatment_had(text) \
        and not NEW_MARK.search(text)


# "and when it heals can I book?", "how long should I wait after it's healed?": when a wound or
# an infection that rules it out for now is over. The article says only that it is not
# recommended with one; it names no wait (nlu_components/reading/once_it_heals.py). A question
# about the days after a session ("once it heals will the redness be gone?") asks nothing of
# booking or waiting.
ONCE_OVER = re.compile(
    r"\b(once|when|after|as\s+soon\s+as)\s+(it|that|they|the\s+\w+|my\s+\w+|it'?s|that'?s|"
    r"they'?re)\s+(\w+\s+){0,4}?(heals?|healed|closes?|closed|clears?|cleared|goes\s+away|gone|"
    r"better|scabs?\s+over)\b", re.IGNORECASE)
TO_BOOK_OR_WAIT = re.compile(
    r"\b((can|could|should|do|may|would)\s+i\s+(still\s+)?(book|come|get|do|have|start|go|"
    r"schedule|reschedule)|how\s+(long|soon|many\s+(days|weeks))|wait|book\w*|is\s+(it|that)\s+"
    r"(ok|okay|fine|safe|alright)|then\s+(can|could|is)|good\s+to\s+go|go\s+ahead)\b",
    re.IGNORECASE)


def asks_once_it_heals(text: Optional[str]) -> bool:
    text = text or ""
    return bool(ONCE_OVER.search(text) and TO_BOOK_OR_WAIT.search(text))
