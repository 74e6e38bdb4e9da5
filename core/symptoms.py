"""The words that make a message describe a symptom: the safety net's trigger.

Read by the action server (actions/safety.py: unknown questions and follow-up details) and by the
Rasa server (nlu_components/symptom_guard.py: small talk or an unsure intent), so that both nets
catch exactly the same messages.
"""
import re
from typing import Optional

SYMPTOM_WORDS = re.compile(
    r"\b(bleed\w*|blood\w*|swell\w*|swollen|puff\w*|infect\w*|pus|ooz\w*|weep\w*|discharge|"
    r"fever\w*|temperature|rash\w*|hives|welts?|blister\w*|burn\w*|breath\w*|faint\w*|"
    r"dizz\w*|allerg\w*|emergency|throat)\b", re.IGNORECASE)


def describes_symptom(text: Optional[str]) -> bool:
    return bool(SYMPTOM_WORDS.search(text or ""))
