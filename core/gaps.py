"""The entity that names a topic the article never covers, found in a question by the Rasa
server (nlu_components/gap_terms.py) and named in the reply by the action server
(actions/safety.py)."""

GAP_ENTITY = "not_in_article"

# How the reply names a term of the lookup table (data/nlu/out_of_scope.yml) that reads badly
# on its own: "the article doesn't cover vs" tells a visitor nothing. Every key must be in the
# lookup table (tests/unit/test_training_data.py); other terms are named as found.
GAP_TERM_NAMES = {
    "vs": "comparisons with other treatments",
    "versus": "comparisons with other treatments",
    "better than": "comparisons with other treatments",
    "difference between": "comparisons with other treatments",
    "safer than": "that comparison",
    "riskier than": "that comparison",
    "less risky than": "that comparison",
    "more effective than": "that comparison",
    "superior to": "that comparison",
    "which is better": "that comparison",
    "which one is better": "that comparison",
    "which is safer": "that comparison",
    "which is best": "that comparison",
    "cheaper than": "that comparison",
    "years old": "age",
    "at home": "treating yourself at home",
    "diy": "treating yourself at home",
    "at-home": "treating yourself at home",
    "home use": "treating yourself at home",
    "home kit": "treating yourself at home",
    "home kits": "treating yourself at home",
    "how deep": "needle depth",
    "depth": "needle depth",
    "other than the face": "other parts of the body",
    "other than my face": "other parts of the body",
    "besides the face": "other parts of the body",
    "besides my face": "other parts of the body",
    "parts of the body": "other parts of the body",
    "part of the body": "other parts of the body",
    "body parts": "other parts of the body",
    "areas of the body": "other parts of the body",
    "on the body": "other parts of the body",
    "pregnant": "pregnancy",
    "conceive": "trying to conceive",
    "conceiving": "trying to conceive",
    "trying for a baby": "trying to conceive",
    "nursing": "breastfeeding",
    "insured": "insurance",
    "reimburse": "insurance reimbursement",
    "reimbursed": "insurance reimbursement",
    "saggy": "sagging skin",
    "sagging": "sagging skin",
    "sunspots": "sun spots",
    "supervision": "supervision by a doctor",
    "supervising": "supervision by a doctor",
    "supervise": "supervision by a doctor",
    "legal": "what the law allows",
    "legally": "what the law allows",
    "exosome": "exosomes",
    "rf microneedling": "radiofrequency micro-needling",
    "morpheus": "radiofrequency micro-needling",
    "mnrf": "radiofrequency micro-needling",
    "meds": "medications",
    "medication": "medications",
    "radiofrequency": "radiofrequency micro-needling",
    "reuse": "whether needles are reused",
    "reused": "whether needles are reused",
    "new needles": "whether needles are reused",
}


def gap_term_name(term: str) -> str:
    """The words a reply uses for a term the article never covers."""
    return GAP_TERM_NAMES.get(term.strip().lower(), term)
