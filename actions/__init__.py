"""Custom actions of the micro-needling assistant (rasa-sdk).

One module per concern: knowledge (the article's facts), context (what the visitor told us),
one module per answered topic, and follow_up (context-dependent follow-up questions).
"""
