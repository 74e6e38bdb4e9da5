"""Is this a phone number or an email address? Plain checks shared by the clinic settings
(core/clinic.py) and the callback request form (actions/callback.py).

Deliberately lenient about format (visitors write numbers in many ways) and strict about what
could not reach anyone: a phone number has 7 to 15 digits (the international maximum) and only
the usual separators, and is not a calendar date ("12/05/2026", "2026-12-05": a visitor asked for
a number may answer with the day they want the call); an email has one @, a local part and a
domain with a dot.
"""
import re
from typing import Optional

MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 15  # ITU-T E.164
MAX_CONTACT_CHARS = 254  # the longest email address SMTP allows

PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().\-/]+$")
EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
URL = re.compile(r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d{1,5})?(/\S*)?$")
# Three groups of digits joined by one separator: year first, or year last.
DATE = re.compile(r"^(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})$")


def is_calendar_date(text: str) -> bool:
    """"2026-12-05", "12/05/2026", "5.12.26": a valid day in either order of day and month."""
    found = DATE.match(text.replace(" ", ""))
    if not found:
        return False
    first, middle, last = (int(found.group(i)) for i in (1, 3, 4))
    if len(found.group(1)) == 4:  # year, month, day
        return 1 <= middle <= 12 and 1 <= last <= 31
    if len(found.group(4)) not in (2, 4) or len(found.group(1)) > 2:
        return False
    return (1 <= first <= 12 and 1 <= middle <= 31) or (1 <= first <= 31 and 1 <= middle <= 12)


def normalized_phone(text: Optional[str]) -> Optional[str]:
    """The phone number with its spacing tidied, or None if it is not one."""
    candidate = " ".join((text or "").split())
    if not candidate or len(candidate) > MAX_CONTACT_CHARS:
        return None
    if not PHONE_CHARACTERS.match(candidate):
        return None
    digits = sum(char.isdigit() for char in candidate)
    if not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS or is_calendar_date(candidate):
        return None
    return candidate


def normalized_email(text: Optional[str]) -> Optional[str]:
    """The email address (domain lower-cased), or None if it is not one."""
    candidate = (text or "").strip()
    if not candidate or len(candidate) > MAX_CONTACT_CHARS or not EMAIL.match(candidate):
        return None
    local, domain = candidate.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def is_web_address(text: Optional[str]) -> bool:
    """An http(s) address with a host name that has a dot ("https://example.com/book")."""
    return bool(URL.match((text or "").strip()))


# A contact given inside a sentence ("call me on 555 0100 please"): the first email address,
# else the first run of phone characters with enough digits.
EMAIL_IN_TEXT = re.compile(r"[^\s@<>(),;:\"]+@[^\s@<>(),;:\"]+")
PHONE_IN_TEXT = re.compile(r"\+?\d[\d\s().\-/]{5,}\d")


def contact_in(text: Optional[str]) -> Optional[str]:
    """The phone number or email address a message gives, tidied, or None."""
    text = text or ""
    if len(text) > 2 * MAX_CONTACT_CHARS:
        return None
    for match in EMAIL_IN_TEXT.findall(text):
        email = normalized_email(match.rstrip(".!?"))
        if email:
            return email
    for match in PHONE_IN_TEXT.findall(text):
        phone = normalized_phone(match)
        if phone:
            return phone
    return None
