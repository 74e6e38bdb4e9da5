"""Direct SQL access to the database the assistant already uses (the tracker store's URL):
tables Rasa does not manage, read and written with SQLAlchemy, the same SQL on SQLite and
PostgreSQL. Imports no Rasa and no server package (tests/unit/test_layout.py)."""
