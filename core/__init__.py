"""Rasa-free modules that both servers import: the Rasa server's NLU components and the action
server's actions read the same facts and word lists from here, and never import each other
(tests/unit/test_layout.py checks it).

knowledge.yml / knowledge.py  the article's facts, citation and fixed replies, loaded and checked
render.py                     writes the fixed replies into domain.yml and web/index.html
screening.py                  the screening's questions and verdict
symptoms.py                   the symptom words of the safety net
gaps.py                       the entity naming a topic the article never covers
answers.py                    reading a yes/no reply
clinic.py                     the clinic's settings (clinic.yml), checked and re-read on change
contact.py                    is this a phone number, an email address, a web address
"""
