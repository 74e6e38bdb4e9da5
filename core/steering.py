"""Messages that are not questions about micro-needling but about the assistant itself: to see,
change or ignore its instructions, to make it play a doctor or diagnose, or to learn what other
visitors said. They get one plain reply saying what the assistant can do
(`utter_not_a_question`), never an article answer picked by similarity and never anything of
another conversation.

The intent classifier learns them from data/nlu/steering.yml; this pattern stands beside it
(nlu_components/reading/not_a_question.py): a steering message it finds gets the plain reply
even when read as an article question, and the classifier's own steering reading needs the
pattern unless it is sure. A report of one's own symptom stays a
report ("can you diagnose this rash I got after my session?" goes to care).
"""
import re
from typing import Optional

STEERING = re.compile(
    # the assistant's instructions, prompt, rules, setup or workings
    r"\b(your|ur|its|system|hidden|initial|original|secret|internal)\s+"
    r"((usual|own|current|exact|full)\s+)?"
    r"(instructions?|prompts?|rules|guidelines|directives|configuration|config|programming|"
    r"source code)\b|\b(system|setup|set-up|initial|hidden|secret)\s+(message|text|prompt)\b|"
    r"\bsystem\s*prompt\b|\bprompt\s+(above|text)\b|\bsource\s+code\b|"
    r"\b(instructions?|rules|prompts?|guidelines|directions)\s+(that\s+)?(you|u)\s+(were|was|"
    r"have been|got|are|follow|following)\b|"
    r"\b(instructions?|rules|guidelines|prompts?)\s+(that\s+|did\s+|do\s+)?(your|the|they|ur)\s+"
    r"(\w+\s+)?(gave|give|wrote|set)\s+(you|u)\b|"
    r"\b(rules|instructions|guidelines)\s+(are|r)\s+(you|u)\s+(following|using|under)\b|"
    r"\b(you|u)\s+(were|are|have been)\s+(programmed|instructed|told|trained|set up)\s+"
    r"(to|with|on)\b|\b(were|are)\s+(you|u)\s+(programmed|instructed|told|set up)\s+"
    r"(to|with|on)\b|\bwho\s+(programmed|trained|built|made|created|coded)\s+(you|u)\b|"
    r"\b(which|what)\s+(llm|language model|ai model|model version)\s+(are|r|is|powers)\b|"
    r"\b(which|what)\s+model\s+(are|r)\s+(you|u)\b|"
    r"\bare\s+(you|u)\s+(chatgpt|gpt|claude|gemini|openai|an\s+llm|a\s+language\s+model|"
    r"built\s+on)\b|\bcontext\s+window\b|\bunder\s+the\s+hood\b|"
    # to ignore or change them
    r"\b(ignore|disregard|forget|bypass|override|set aside|break|drop|cancel)\s+"
    r"(all\s+|any\s+|the\s+|your\s+|my\s+|ur\s+)?(own\s+)?"
    r"(previous|prior|above|earlier|former|preceding|those|these|original|usual)?\s*"
    r"(instructions?|rules|prompts?|messages?|guidelines|directions|restrictions|policy|"
    r"constraints|limits|programming)\b|"
    r"\bforget\s+everything\s+(you|u)\b|\bnew\s+rules\s*:|"
    r"\b(restrictions|filters|limits|safety)\s*(=|:)\s*(off|false|none|0)\b|"
    r"\brules\s+are\s+(cancelled|canceled|void|off)\b|\banswer\s+freely\b|"
    r"\b(reset|reboot)\s+(yourself|urself)\b|\bfactory\s+settings\b|"
    r"\bstop\s+being\s+(a|an|the)\b|"
    r"\b(repeat|print|show|reveal|output|display|paste|dump|leak|recite|spell out|translate)\s+"
    r"(me\s+)?(the\s+|your\s+|everything\s+|all\s+)?(text|words|everything|lines?|messages?)\s+"
    r"(that\s+)?(sits\s+|came\s+|is\s+|comes\s+)?(above|before|preceding|so far)\b|"
    r"\b(developer|dev|debug|admin|god|maintenance|jailbreak|jailbroken|unrestricted)\s+mode\b|"
    r"\bjailbreak\w*|\byou\s+are\s+now\b|\bfrom\s+(now|here)\s+on\s+(you|u|ur|you're)\b|"
    # a role to play
    r"\b(act|acting|speak|talk|answer|respond)\s+(as|like)\s+(if\s+)?(you\s+were\s+)?"
    r"(an?\s+|my\s+)?(real\s+|personal\s+)?(doctor|dermatologist|physician|nurse|surgeon|"
    r"plastic surgeon|pharmacist|lawyer|therapist|pirate|human|person|girlfriend|boyfriend|"
    r"mum|mom|dad|coach|skincare coach|assistant|chatbot|ai|dr)\b|"
    r"\bpretend\s+(you|ur|u|to\s+be)\b|"
    r"\b(roleplay|role-play|role\s+play|play\s+the\s+role|stay\s+in\s+character)\b|"
    r"\bimagine\s+(you|u)\s+(are|were|r)\b|\b(be\s+my|become\s+(my|a|an))\s+(girlfriend|boyfriend|"
    r"doctor|therapist|lawyer|nurse|mum|mom|dad|friend|coach|pharmacist)\b|"
    r"\b(you're|youre|you\s+are|u\s+r|ur)\s+(an?|my)\s+\w+(\s+\w+)?\s+now\b|\bDAN\b|"
    # other visitors' conversations or data
    r"\b(other|previous|last|earlier|another)\s+(people|persons?|visitors?|users?|patients?|"
    r"customers?|clients?)\b.{0,40}\b(ask|asked|say|said|type|typed|told|write|wrote|chat|"
    r"chatted)\w*\s+(to\s+)?(you|u|here|this)\b|"
    r"\b(other|previous|earlier|another)\s+(chats?|conversations?)\b|"
    r"\bwhat\s+(did|have|has)\s+(other|others|people|everyone|anyone|somebody|someone|"
    r"the\s+last\s+(person|visitor|user))\b.{0,30}\b(ask|say|said|told|type|typed|chat)\w*|"
    r"\bwho\s+else\s+(has\s+)?(talked|chatted|spoke|asked|wrote|messaged)\b|"
    r"\b(users?|visitors?|customers?)'?\s+(emails?|phone\s+numbers?|addresses|database)\b|"
    r"\buser\s+database\b|\bsomeone\s+else'?s\s+(question|chat|conversation|messages?)\b|"
    r"\bvisitor\s+(chats?|conversations?)\b|"
    # other visitors' chats, and the assistant's internals: only words a visitor asking about
    # micro-needling, the clinic or their own data would not use
    r"\b(other|previous|earlier)\s+(people'?s|visitors'?|users'?)\s+(chats?|conversations?|"
    r"messages?)\b|"
    r"\b(last|previous)\s+(person|visitor|user)\s+(you|u)\s+(talked|spoke|chatted)\b|"
    r"\b(weirdest|strangest|funniest|craziest|dumbest)\s+(thing|question)\s+(someone|anyone|"
    r"somebody|people)\s+(has\s+|have\s+|ever\s+)*(asked|said|told|typed)\s+(you|u)\b|"
    r"\bapi\s+key\b|\bconnection\s+string\b|\bknowledge\s+cut-?off\b|"
    r"\bhow\s+many\s+parameters\s+(do|does)\s+(you|u|it)\s+have\b|"
    r"\b(tables?|columns?|schema)\s+(in|of)\s+(your|ur)\s+database\b|"
    r"\b(are|r)\s+(you|u)\s+(gpt|claude|gemini|llama)\w*\b|"
    # a diagnosis or a medical assessment of a picture or a description
    r"\b(can|could|will|would)\s+(you|u)\s+(please\s+)?diagnose\b|"
    # "diagnose my rash" asked of the assistant, not of a provider ("will the doctor diagnose
    # my scars?", "someone to diagnose my scars")
    r"\b(you|u)\s+(\w+\s+){0,3}?diagnose\s+(me|my|this|it|what)\b|"
    r"(^|[.!?]\s*|\bplease\s+|\bpls\s+)diagnose\s+(me|my|this|it|what)\b|"
    r"\b(give|tell)\s+me\s+(a|my|the)\s+diagnosis\b|"
    r"\bwhat\s+(skin\s+)?(condition|disease|illness)\s+(do\s+i\s+have|is\s+(this|that|it)"
    r"\s*(\?|$|,|\.))|"
    r"\bwhat\s+(skin\s+)?(condition|disease)\s+i\s+have\b|"
    r"\b(confirm|tell\s+me)\s+(whether|if|that)\s+i\s+have\b(?!\s+to\b)|"
    r"\bwhat'?s\s+wrong\s+with\s+(my|it|me)\b|"
    r"\btell\s+me\s+what\s+(i'?ve\s+got|i\s+have)\b(?!\s+to\b)|"
    r"\bdo\s+i\s+have\s+[a-z]{4,}\s+or\s+[a-z]{4,}\b|"
    r"\bis\s+(my|this|the)\s+(mole|spot|lump|bump|mark|growth)\s+(cancer|cancerous|melanoma)\b|"
    r"\b((can|could|will|would)\s+(you|u)\s+|please\s+|^\s*)(assess|grade|examine|identify)\s+"
    r"my\s+(acne|skin|rash|spots?|condition|symptoms)\b",
    re.IGNORECASE)


def asks_about_the_assistant(text: Optional[str]) -> bool:
    """A request about the assistant's instructions, a role to play, a diagnosis, or other
    visitors' conversations."""
    return bool(STEERING.search(text or ""))
