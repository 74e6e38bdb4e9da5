"""The entity that names a topic the article never covers, found in a question by the Rasa
server (nlu_components/gap_guard.py) and named in the reply by the action server
(actions/safety.py)."""

GAP_ENTITY = "not_in_article"
