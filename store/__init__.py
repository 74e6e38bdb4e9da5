"""Direct access to Rasa's SQL tracker store (its `events` table), for what Rasa itself cannot
do: erase one conversation, purge old ones, and read every event for the review report.
The same SQL runs on SQLite and PostgreSQL."""
