"""Messages that are not questions about micro-needling but about the assistant itself: to see,
change or ignore its instructions, to make it play a doctor or diagnose, or to learn what other
visitors said. They get one plain reply saying what the assistant can do
(`utter_not_a_question`), never an article answer picked by similarity and never anything of
another conversation.

The intent classifier learns them from data/nlu/steering.yml; this pattern is the rule behind
it (nlu_components/reading/not_a_question.py), so that a steering message read as an article
question with confidence still gets the plain reply. A report of one's own symptom stays a
report ("can you diagnose this rash I got after my session?" goes to care).
"""
import re
from typing import Optional

STEERING = re.compile(
    # the assistant's instructions, prompt or rules
    r"\b(your|ur|its|system|hidden|initial|original|secret|internal)\s+"
    r"(instructions?|prompts?|rules|guidelines|directives|configuration|config|programming)\b|"
    r"\bsystem\s*prompt\b|\bprompt\s+(above|text)\b|"
    r"\b(instructions?|rules|prompts?|guidelines|directions)\s+(you|u)\s+(were|was|have been|"
    r"got|are|follow)\b|\b(you|u)\s+(were|are|have been)\s+(programmed|instructed|told|"
    r"trained|set up)\s+(to|with)\b|\b(were|are)\s+(you|u)\s+(programmed|instructed|told|"
    r"set up)\s+(to|with)\b|"
    r"\b(ignore|disregard|forget|bypass|override)\s+(all\s+|any\s+|the\s+|your\s+|my\s+)?"
    r"(previous|prior|above|earlier|former|preceding|those|these|original)?\s*"
    r"(instructions?|rules|prompts?|messages?|guidelines|directions|restrictions)\b|"
    r"\b(repeat|print|show|reveal|output|display|paste|dump|leak|recite|spell out|translate)\s+"
    r"(me\s+)?(the\s+|your\s+|everything\s+|all\s+)?(text|words|everything|lines?|messages?)\s+"
    r"(above|before|preceding|so far)\b|"
    r"\b(developer|dev|debug|admin|god|maintenance|jailbreak|jailbroken|unrestricted)\s+mode\b|"
    r"\bjailbreak\w*|\byou\s+are\s+now\b|\bfrom\s+now\s+on\s+you\b|\bact\s+as\s+(an?\s+)?"
    r"(my\s+)?(doctor|dermatologist|physician|nurse|surgeon|unfiltered|unrestricted|ai\s+without)|"
    r"\b(pretend|roleplay|role-play|role\s+play)\b|\bDAN\b|"
    # other visitors' conversations
    r"\b(other|previous|last|earlier|another)\s+(people|persons?|visitors?|users?|patients?|"
    r"customers?|clients?|chats?|conversations?)\b.{0,40}\b(ask|asked|say|said|type|typed|"
    r"told|write|wrote|want|wanted|chat|chatted)|"
    r"\bwhat\s+(did|have|has)\s+(other|others|people|everyone|anyone|somebody|someone|"
    r"the\s+last\s+(person|visitor|user))\b.{0,30}\b(ask|say|said|told|type|typed|chat)\w*|"
    # a diagnosis or a medical assessment of a picture or a description
    r"\b(diagnose|diagnosis)\b",
    re.IGNORECASE)


def asks_about_the_assistant(text: Optional[str]) -> bool:
    """A request about the assistant's instructions, a role to play, a diagnosis, or other
    visitors' conversations."""
    return bool(STEERING.search(text or ""))
