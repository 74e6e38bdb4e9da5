"""Direct SQL access to the database the assistant already uses (the tracker store's URL), for
what Rasa itself cannot do: erase one conversation, purge old ones, read every event for the
review report, and the callback requests table. The same SQL runs on SQLite and PostgreSQL;
imports no Rasa and no server package (tests/unit/test_layout.py)."""
