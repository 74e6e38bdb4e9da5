"""Custom actions of the micro-needling assistant (rasa-sdk), one module per concern.

The facts come from core/knowledge.py (Rasa-free); context.py reads what the visitor told us;
topic_action.py is the shape of every topic answer, and cost, pain, downtime and risk phrase
theirs for the visitor's context (topics.py says which answers each topic); notes.py says what
the article says of the visitor's own circumstances; asked_fact.py answers the asked sub-question
first; follow_up.py reads follow-ups in context; suitability.py and screening.py are the
candidacy flow; safety.py the symptom net and unknown questions; clinic.py, callback.py,
feedback.py and privacy.py the clinic's details, a way to a person, "was this helpful?" and what
is kept.
"""
