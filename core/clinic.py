"""The clinic's own details (clinic.yml at the project root): loaded, validated and re-read
when the file changes, so that a clinic edits it without retraining or restarting.

A setting left empty (or left out) is None: "not filled in", never guessed. A bad entry (a
malformed phone, email or web address, a key we do not know, a wrong type) raises ClinicError
naming it: at start-up that stops the action server (actions/clinic.py loads the file on
import); after start-up an edit that breaks the file is logged and the last good settings are
kept, so visitors keep getting answers while the clinic fixes it.
"""
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Tuple

import yaml

from core.contact import is_web_address, normalized_email, normalized_phone

logger = logging.getLogger(__name__)

# Overridable so that tests (and a clinic with its settings elsewhere) can point to another file.
CLINIC_FILE = Path(os.environ.get("CLINIC_FILE",
                                  Path(__file__).resolve().parents[1] / "clinic.yml"))

TEXT, PHONE, EMAIL, URL, YES_NO = "text", "phone", "email", "web address", "true or false"
# Every setting and what it must hold.
SETTINGS = {
    "name": TEXT,
    "phone": PHONE,
    "email": EMAIL,
    "booking_url": URL,
    "opening_hours": TEXT,
    "address": TEXT,
    "callback_requests": YES_NO,
}
MAX_TEXT_CHARS = 300  # a setting is read out in a chat bubble


class ClinicError(ValueError):
    """The clinic settings file is unreadable or holds a bad entry."""


@dataclass(frozen=True)
class ClinicSettings:
    name: Optional[str] = None
    phone: Optional[str] = None
    email: Optional[str] = None
    booking_url: Optional[str] = None
    opening_hours: Optional[str] = None
    address: Optional[str] = None
    callback_requests: bool = False

    @property
    def display_name(self) -> str:
        return self.name or "the clinic"


def _checked(key: str, value: Any, source: str) -> Any:
    kind = SETTINGS[key]
    if kind == YES_NO:
        if value is None:
            return False
        if not isinstance(value, bool):
            raise ClinicError(f"{source}: '{key}' must be true or false, got {value!r}")
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # not filled in
    if kind in (PHONE, EMAIL, URL) and not isinstance(value, str):
        # YAML reads +441632960000 as a number without its "+", and 0123 as octal.
        raise ClinicError(f"{source}: '{key}' must be written in quotes, got {value!r}")
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ClinicError(f"{source}: '{key}' must be a {kind}, got {value!r}")
    text = " ".join(str(value).split())
    if len(text) > MAX_TEXT_CHARS:
        raise ClinicError(f"{source}: '{key}' is longer than {MAX_TEXT_CHARS} characters")
    if kind == PHONE:
        checked = normalized_phone(text)
    elif kind == EMAIL:
        checked = normalized_email(text)
    elif kind == URL:
        checked = text if is_web_address(text) else None
    else:
        checked = text
    if checked is None:
        raise ClinicError(f"{source}: '{key}' is not a valid {kind}: {text!r}")
    return checked


def validate(data: Any, source: str = "clinic settings") -> ClinicSettings:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ClinicError(f"{source}: expected settings (key: value lines) at the top level")
    unknown = sorted(str(key) for key in data if key not in SETTINGS)
    if unknown:
        raise ClinicError(f"{source}: unknown setting '{unknown[0]}' (known: "
                          f"{', '.join(SETTINGS)})")
    return ClinicSettings(**{key: _checked(key, data.get(key), source) for key in SETTINGS})


def load_clinic(path: Path = CLINIC_FILE) -> ClinicSettings:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ClinicError(f"cannot read {path}: {error}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ClinicError(f"{path}: not valid YAML ({error})") from None
    return validate(data, source=str(path))


class ClinicFile:
    """The settings of one file, re-read when its modification time or size changes."""

    def __init__(self, path: Path = CLINIC_FILE):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._stamp = self._file_stamp()
        self._settings = load_clinic(self.path)  # at start-up a bad file is fatal

    def _file_stamp(self) -> Optional[Tuple[int, int]]:
        try:
            status = self.path.stat()
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    def settings(self) -> ClinicSettings:
        stamp = self._file_stamp()
        with self._lock:
            if stamp != self._stamp:
                self._stamp = stamp
                try:
                    self._settings = load_clinic(self.path)
                except ClinicError as error:
                    logger.error("Clinic settings not reloaded, keeping the previous ones: %s",
                                 error)
            return self._settings

