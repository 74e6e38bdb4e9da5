"""The clinic's review report (`make review`): what visitors asked, what the assistant could not
answer, complications sent to care and reply times, read from the tracker store."""
