"""Whether a message NLU could not place reads as a follow-up to the previous answer.

"how long until it stops?", "is that per session?", "and after the last one?" name no topic of
their own: they lean on the answer before them. When NLU is unsure of such a message, the
previous answer's topic is the likeliest reading (actions/safety.py offers it first, after
saying plainly that it may have misunderstood). A long message, or one that names a topic
the article never covers, is not treated as a follow-up.
"""
import re
from typing import Optional

# A follow-up is short: a long message carries its own question.
MAX_FOLLOW_UP_WORDS = 12

# Words that point back at the previous answer, or open a message that continues it.
REFERS_BACK = re.compile(r"\b(it|its|it's|that|this|these|those|they|them|there)\b",
                         re.IGNORECASE)
CONTINUES = re.compile(r"^\W*(and|but|so|ok(ay)?|then|also|what about|how about|same)\b",
                       re.IGNORECASE)


def continues_previous(text: Optional[str]) -> bool:
    """A short message that refers back to, or carries on from, what was said before."""
    text = (text or "").strip()
    words = re.findall(r"[\w']+", text)
    if not words or len(words) > MAX_FOLLOW_UP_WORDS:
        return False
    return bool(REFERS_BACK.search(text) or CONTINUES.match(text))
