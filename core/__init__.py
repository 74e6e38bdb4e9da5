"""Rasa-free modules that both servers import: the Rasa server's NLU components and the action
server's actions read the same facts and word lists from here, and never import each other."""
