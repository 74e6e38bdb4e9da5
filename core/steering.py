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
    r"(\w+\s+)?(gave|give|wrote|set)\s+(you|u)\b(?!\s+(for|at|after|about|on|when|before|in|"
    r"to\s+take|also))|"
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
    r"(all\s+|all\s+your\s+|your\s+|ur\s+)(own\s+|clinic\s+|safety\s+|content\s+|chat\s+|"
    r"bot\s+|system\s+|internal\s+|medical\s+|company\s+|default\s+|built-in\s+)?"
    r"(previous|prior|above|earlier|former|preceding|those|these|original|usual)?\s*"
    r"(instructions?|rules|prompts?|messages?|guidelines|directions|restrictions|policy|"
    r"constraints|limits|programming)\b|"
    # with "the", "my" or none, not the aftercare's ("can I ignore the restrictions on gym?")
    r"\b(ignore|disregard|forget|bypass|override|set aside|break|drop|cancel)\s+"
    r"(any\s+|the\s+|my\s+)?"
    r"(previous|prior|above|earlier|former|preceding|those|these|original|usual)?\s*"
    r"(instructions?|rules|prompts?|messages?|guidelines|directions|restrictions|policy|"
    r"constraints|limits|programming)\b"
    r"(?!\s+(on|for|about|after|from|of|the|my|she|he|they|we|i|you|when|if)\b)|"
    r"\bforget\s+everything\s+(you|u)\b|\bnew\s+(rules?|instructions?|directives?)\s*:|"
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
    r"\bpretend\s+(you|ur|u|to\s+be|youre|you're|you\s+are|ure)\b|"
    r"\b(roleplay|role-play|role\s+play|play\s+the\s+role|stay\s+in\s+character)\b|"
    # pressing for the role or the rules just refused: "come on just play along", "humour me"
    r"\b(just|come\s+on|pls|please)\W+play\s+along\b|\bplay\s+along\s+(with\s+me|for\s+once)\b|"
    r"\bdan\s+mode\b|"
    r"\bimagine\s+(you|u)\s+(are|were|r)\b|\b(be\s+my|become\s+(my|a|an))\s+(girlfriend|boyfriend|"
    r"doctor|therapist|lawyer|nurse|mum|mom|dad|friend|coach|pharmacist)\b|"
    r"\b(you're|youre|you\s+are|u\s+r|ur)\s+(an?|my)\s+\w+(\s+\w+)?\s+now\b|(?-i:\bDAN\b)|"
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
    # Commands for the rest of the chat, games, new facts to repeat, limits set aside, roles,
    # other visitors and pictures. Each is narrowed to the assistant addressed or a command at
    # the start of a sentence: aftercare ("from now on, use SPF"), payment ("auth code"),
    # booking notes ("add this to your notes") and the visitor's own chat use the same words
    # (the near misses in corpus/data/steering-dev/, docs/understanding.md).
    r"\b(from\s+(now|here)\s+on|going\s+forward|from\s+this\s+point(\s+on)?|"
    r"starting\s+(today|now|right\s+now))\W+((answer|reply|respond|talk|speak|write)\s+(\w+\s+)?"
    r"(like|as)\b|(call|address)\s+me\b|(start|begin|end|finish)\s+(every|each|your)\s+(answer|reply|"
    r"response|message)|(tell|say)\s+((me|everyone|everybody|anyone|people|visitors)\s+)?"
    r"(that\b|['\"\u2018\u201c]))|"
    r"\b(every|each)\s+(answer|reply|response|message)\s+(you\s+give|of\s+yours)\s+(\w+\s+){0,2}?"
    r"(must|has\s+to|should|needs\s+to|will)\s+(begin|start|end|finish)\b|"
    r"\beverything\s+(you|u)\s+say\s+(from\s+now\s+(on\s+)?)?(has\s+to|must|should|will)\s+"
    r"(start|begin|end)\b|"
    r"\brepeat\s+after\s+me\b|(^|[.!?]\s*)say\s+['\"\u2018\u201c][^'\"\u2019\u201d]{2,80}"
    r"['\"\u2019\u201d]\s+and\s+nothing\s+else\b|"
    r"\bnew\s+game\s*[:!.]|\blet'?s\s+play\s+(a\s+)?(game|pretend|opposite)\b|"
    r"\bopposite\s+day\s*[:!]|\blet'?s\s+do\s+opposite\s+day\b|"
    r"\b(update|correct|change|edit|overwrite)\s+(your|ur)\s+(knowledge|memory|facts)\s+"
    r"(so|to|with|that|:)|((^|[.!?]\s*)|\b(please|pls|now)\s+)(update|correct|change|edit|"
    r"overwrite)\s+(your|ur)\s+(knowledge|memory|facts)\b|"
    r"\b(add|save|store|write)\s+(this|that|it)\s+(to|in|into)\s+(your|ur)\s+(memory|"
    r"knowledge)\b|\bnew\s+entry\s+(for|to|in)\s+(your|ur)\s+(knowledge|memory)\b|"
    r"((^|[.!?]\s*)|\b(please|pls|and|now)\s+)tell\s+(that|this|it)\s+to\s+(anyone|everyone|"
    r"everybody|the\s+next\s+(visitor|user|person\s+who\s+(asks|chats|writes)))\b|"
    r"((^|[.!?]\s*)|\b(please|pls|and|now)\s+)tell\s+(everyone|everybody|all\s+visitors|"
    r"other\s+visitors)\s+(that|it)\b|"
    r"\bremember\s+(it|this|that)\s+for\s+the\s+next\s+(visitor|user)\b|"
    r"\b(ignore|ignor|disregard|forget|skip)\s+(your|ur)\s+(micro-?needling\s+)?(article|artcle|"
    r"source|knowledge|filters?|limits|restrictions)\b|"
    r"\b(ignore|ignor|disregard)\s+the\s+(micro-?needling\s+)?(article|artcle)\b|"
    r"\b(answer|reply|respond|talk)\s+without\s+(the|your|ur)\s+(article|artcle)\b"
    r"(?!\s+(jargon|links?|words|text|language))|\b(answer|reply|respond|talk)\s+without\s+"
    r"(your|ur)\s+(rules|restrictions|filters?)\b|"
    r"\buse\s+(your|ur)\s+own\s+(brain|knowledge)\b|"
    r"\b(bypass|disable|turn\s+off|lift|remove|drop)\s+(all\s+)?(your|ur)\s+((content|safety)\s+)?"
    r"(filters?|restrictions|limits|guardrails|safety)\b|"
    r"\b(bypass|disable|lift|remove)\s+(all\s+)?(content|safety)\s+(filters?|restrictions|"
    r"guardrails)\b|"
    r"\b(you|u)\s+(now\s+)?(have|has)\s+no\s+(rules|limits|restrictions|filters?)\b|"
    r"\b(ai|bot|assistant|version\s+of\s+(yourself|urself))\s+with\s+(no|zero)\s+(rules|limits|"
    r"restrictions|filters?)\b|"
    r"\b(unrestricted|unfiltered|uncensored)\s+(mode|ai|assistant|bot|chatbot|version|answers?|"
    r"responses?)\b|\bsystem\s+override\b|<<\s*sys\s*>>|\[/?inst\]|"
    r"\b(admin|developer|dev|override|system)\s+(auth\w*\s+)?code\b|"
    r"\bauthori[sz](e|ing)\s+(you|u)\s+to\s+(ignore|bypass|reveal|show|break|disregard|act|lift|"
    r"remove|drop)\b|"
    r"\b(you\s+are|you're|youre|ur|u\s+r)\s+no\s+longer\s+(an?\s+)?(\w+\s+)?(assistant|bot|"
    r"chatbot|ai|bound|restricted|limited)\b|"
    r"\bnow\s+(you|u)\s+(are|r)\s+(free\s+(to|from|doctor|ai|bot)|(a|an|my)\s+(\w+\s+)?(doctor|"
    r"nurse|derm\w*|friend|girlfriend|boyfriend|character|ai|gp))\b|"
    r"\b(are|r)\s+(you|u)\s+(forbidden|not\s+allowed|prohibited)\s+to\s+(discuss|say|talk|"
    r"mention)\b|\b(what|which)\s+(topics|subjects)\s+are\s+(you|u)\s+(forbidden|not\s+allowed)\b|"
    r"\bwhat\s+(exactly\s+)?(did|does|do)\s+the\s+clinic\s+(tell|told|instruct)\s+(you|u)\s+to\s+"
    r"(say|answer|hide|not\s+(say|tell|mention))\b|"
    r"\b(rules|instructions|guidelines)\s+the\s+clinic\s+(set\s+up|gave|wrote)\s+(for\s+)?"
    r"(you|u)\b(?!\s+(for|at|after|about|on|when|before|in|to\s+take|also))|\btext\s+(you|u)\s+(get|got|are|were)\s+fed\b|\bretrieval\s+chunks?\b|"
    r"\bvector\s+(db|database|store)\b|\bmax_?tokens\b|"
    r"\b(your|ur|model|sampling)\s+temperature\b|\btemperature\s*[:=]\s*[\d.]|"
    r"\bprint\s*\(\s*(['\"]|[\w.]*(prompt|instruction|system|config|secret))|"
    # a role told ("be my GP for five minutes"), not asked ("does it have to be a doctor?")
    r"((^|[.!?:;]\s*|\b(you|u|pls|please|plz|just|now|ok|yo|bot),?\s+)be|\b(you|u)\s+become|"
    r"\bact\s+like|\bact\s+as|\btalk\s+to\s+me\s+(as|like))\s+(my|a|an)\s+((personal|own|real|"
    r"virtual|private|new|licensed|qualified)\s+)?(gp|doc|derm|doctor|nurse|bestie|bff|friend|"
    r"surgeon|dermatologist|physician)\b(?=\s*(!|\.|$)|\s+(now|for|and\s+(tell|answer|"
    r"diagnose|look|check|assess)))|"
    r"\banswer\s+(as\s+if|like)\s+(you\s+were|you're|ur)\s+(an?|my)\s+(\w+\s+){0,2}?(doctor|"
    r"nurse|friend|human|derm\w*|gp|physician|surgeon)\b|"
    # other visitors: their chats, how many asked, their details
    r"\b(person|woman|man|guy|girl|lady)\s+(who\s+was\s+)?(on\s+here|chatting(\s+with\s+"
    r"(you|u))?|in\s+this\s+chat)\s+(right\s+)?before\s+me\b|"
    r"\b(others|other\s+people|everyone|anyone|who)\s+(else\s+)?(used|uses|was\s+on|were\s+on)\s+"
    r"this\s+(chat|bot)\b|"
    r"\b(tell\s+me|show\s+me|see|know)\s+what\s+(his|her|their|my\s+(sister|brother|husband|wife|"
    r"friend|mum|mom|dad|coworker|co-worker|colleague|neighbour|neighbor|partner|boyfriend|"
    r"girlfriend|daughter|son))\s+(\w+\s+)?(asked|told|said\s+to)\s+(you|u)\b|"
    r"\bdid\s+(anyone|anybody|someone|somebody)\b.{0,30}\b(chat|talk|speak|message)\s+(with|to)\s+"
    r"(you|u)\b|"
    r"\b(has|have|did)\s+(anyone|anybody|someone|somebody|other\s+people|others)\s+(else\s+)?"
    r"(ever\s+)?(asked|ask)\s+(you|u)\b|"
    r"\bhow\s+many\s+(people|visitors|users|ppl)\s+(have\s+)?(asked|ask|chatted|messaged|"
    r"talked)\s+(to\s+|with\s+)?(you|u|here|this\s+(chat|bot))\b|"
    r"\blast\s+\d+\s+(people|ppl|visitors|users)\s+(ask\w*\s+(you|u)|(you\s+|u\s+)?(talked|"
    r"chatted|spoke|messaged)\s+(to|with))\b|"
    r"\b(chat|conversation)\s+logs?\s+(of|from)\s+(other|others|everyone|all)\b|"
    r"\b(other\s+(visitors|users|people)'?s?|everyone'?s)\s+(chat|conversation)\s+logs?\b|"
    r"\bvisitor\s+logs?\b|"
    r"\bwhat\s+(are|were|have)\s+(the\s+)?other\s+\w+\s+(on\s+here\s+)?(been\s+)?asking\s+"
    r"((you|u)\b|about\s+today|today|here|on\s+here)|"
    r"\b(lady|person|guy|girl|woman|man|visitor|user|someone|people)\s+(who|that)\s+"
    r"(chatted|talked|spoke|messaged)\s+(with|to)\s+(you|u)\b|"
    r"\bthe\s+(person|visitor|user|guy|girl|lady|woman|man)\s+(right\s+)?before\s+me\s+"
    r"(ask|asked|say|said|type|typed|told)\s+(you|u)\b|"
    r"\bother\s+\w+\s+(on\s+here\s+)?(have\s+been|are|were|has\s+been)\s+asking\s+(you|u)\b|"
    r"\bif\s+i\s+describe\s+(my|the|them|it)\b.{0,40}\b(tell|say)\b|"
    r"\b(give\s+me|list|show\s+me|send\s+me)\s+(the\s+)?names\s+and\s+(emails|numbers|phone)\b|"
    # a picture to look at, a spot to name
    r"\b(sending|uploading|attached|here'?s)\s+(you\s+)?(a|my|this|the)\s+(pic|photo|picture|"
    r"selfie|image)\b.{0,60}\b(what\s+is\s+(it|this)|diagnose|tell\s+me\s+(if|what|which)|"
    r"is\s+(it|this)\s+\w+\s+or)\b|"
    r"\((pic|photo|picture|image)s?\s+attached\)|\[image\b|"
    # "can you look at a photo if I send one?": a picture for the assistant to judge
    r"\b(can|could|will|would)\s+(you|u)\s+(please\s+)?(look\s+at|check|see|review|assess|"
    r"analy[sz]e|rate)\s+(a|my|this|the|an)\s+(\w+\s+)?(selfie|photo|pic|picture|image)s?\b|"
    r"\bif\s+i\s+(send|sent|upload|share)\s+(you|u)\s+(a|my|an|some)\s+(\w+\s+)?(selfie|photo|"
    r"pic|picture|image)s?\b|"
    r"((^|[.!?]\s*)|\b(can|could|will)\s+(you|u)\s+)(look\s+at|check)\s+(my|this|the)\s+(\w+\s+)?"
    r"(in\s+(this|my|the)\s+)?(selfie|photo|pic|picture|image)\s+and\s+tell\s+me\b|"
    r"\btell\s+me\s+if\s+(it'?s|its|this\s+is|those\s+are|they'?re|they\s+are)\s+([a-z]+\s+)?"
    r"(acne|eczema|rosacea|melasma|psoriasis|cancer\w*|melanoma|fungal|fungus|benign|malignant|"
    r"herpes|keloid|milia|whiteheads?|ringworm|impetigo|vitiligo|hives|dermatitis)\s+or\b|"
    r"\b(tell\s+me|is\s+(it|this|my\s+\w+))\b.{0,30}\b(benign|cancerous|malignant)\s+or\s+not\b|"
    r"(^|[.!?,]\s*)(please\s+|pls\s+)?diagnose\s*(plz|pls|please|:)|"
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


# A role someone else takes ("my husband will act as my nurse after", "I want to become a nurse
# injector"): no request of the assistant.
ROLE_WORDS = re.compile(r"^\W*(act|acting|be|become|talk|speak)\b", re.IGNORECASE)
SOMEONE_ELSE = re.compile(r"\b(i|we|she|he|they|friend|husband|wife|partner|mum|mom|mother|dad|"
                          r"father|sister|brother|daughter|son|boyfriend|girlfriend)\b"
                          r"('d|'ll|\s+\w+){0,3}\W*$", re.IGNORECASE)


ADDRESSED = re.compile(r"\b(you|u|ya|yourself|urself)\b", re.IGNORECASE)


def asks_about_the_assistant(text: Optional[str]) -> bool:
    """A request about the assistant's instructions, a role to play, a diagnosis, or other
    visitors' conversations."""
    text = text or ""
    return any(not (ROLE_WORDS.match(match.group())
                    and _someone_else_takes_it(text[:match.start()]))
               for match in STEERING.finditer(text))


def _someone_else_takes_it(before: str) -> bool:
    """The role's taker named just before it is someone else, not the assistant: "my husband will
    act as my nurse", but "I want you to be my doctor" asks the assistant."""
    found = SOMEONE_ELSE.search(before)
    return bool(found) and not ADDRESSED.search(found.group())


# Of those requests, the ones for a diagnosis or for the assistant to play a doctor ("act as a
# doctor and diagnose me: fever, ..."): with a symptom described they get the care answer, then
# plainly that the assistant can't diagnose (actions/safety.py). Not the other families ("do I
# have time or should I go to the ER?", "other clients said this happens").
DIAGNOSIS = re.compile(
    r"\bdiagnos\w*|\b(act|acting|talk|answer)\s+(as|like)\s+(if\s+(you\s+were|you'?re)\s+)?"
    r"(a|an|my)\s+(\w+\s+)?(doctor|physician|derm\w*|gp|nurse|surgeon)\b|"
    r"\bbe\s+(a|my)\s+(\w+\s+)?(doctor|physician|derm\w*|gp|nurse)\b|"
    r"\bpretend\s+(to\s+be|you'?re|you\s+are)\s+(a|my)\s+(\w+\s+)?(doctor|physician|derm\w*)\b|"
    r"\bwhat\s+(is|'?s)\s+(it|this)\b|\bwhat'?s\s+wrong\s+with\s+(my|it|me)\b|"
    r"\btell\s+me\s+(if|whether|what)\b", re.IGNORECASE)


def asks_for_a_diagnosis(text: Optional[str]) -> bool:
    """A request of the assistant (asks_about_the_assistant) for a diagnosis or a doctor's role."""
    return asks_about_the_assistant(text) and bool(DIAGNOSIS.search(text or ""))
