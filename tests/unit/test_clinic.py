"""The clinic settings (clinic.yml, core/clinic.py) and the phone / email checks they share with
the callback form (core/contact.py): validation naming the bad entry, fictional shipped values,
re-reading on change, and the action server refusing to start on a bad file."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from core.clinic import CLINIC_FILE, ClinicError, ClinicFile, load_clinic, validate
from core.contact import contact_in, is_web_address, normalized_email, normalized_phone

SHIPPED = yaml.safe_load((ROOT / "clinic.yml").read_text(encoding="utf-8"))


def write(path, **settings):
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return path


def test_the_shipped_settings_are_valid_and_obviously_fictional():
    assert CLINIC_FILE == ROOT / "clinic.yml"
    settings = load_clinic()
    assert settings.name.startswith("Example")
    assert "555" in settings.phone
    assert settings.email.endswith("@example.com")
    assert settings.booking_url.startswith("https://example.com/")
    assert "Example" in settings.address
    assert settings.opening_hours and settings.callback_requests is True


@pytest.mark.parametrize("key, value, message", [
    ("email", "hello@", "'email' is not a valid email"),
    ("email", "hello example.com", "'email' is not a valid email"),
    ("phone", "call us", "'phone' is not a valid phone"),
    ("phone", "12 34", "'phone' is not a valid phone"),
    ("booking_url", "example.com/book", "'booking_url' is not a valid web address"),
    ("booking_url", "javascript:alert(1)", "'booking_url' is not a valid web address"),
    ("callback_requests", "yes", "'callback_requests' must be true or false"),
    ("opening_hours", ["Mon"], "'opening_hours' must be a text"),
    ("address", "x" * 301, "'address' is longer than 300"),
    ("phone", 441632960000, "'phone' must be written in quotes"),  # +44... read as a number
    ("phone", 0o1234567012, "'phone' must be written in quotes"),  # 01234567012 read as octal
])
def test_a_bad_entry_is_named(key, value, message):
    with pytest.raises(ClinicError, match=message):
        validate(dict(SHIPPED, **{key: value}))


def test_an_unknown_key_is_named_with_the_known_ones():
    with pytest.raises(ClinicError, match="unknown setting 'fax'.*known: name, phone"):
        validate(dict(SHIPPED, fax="555 0199"))


def test_empty_or_missing_settings_are_not_filled_in():
    settings = validate({"name": "", "phone": None, "email": "  "})
    assert settings.name is settings.phone is settings.email is settings.address is None
    assert settings.callback_requests is False
    assert settings.display_name == "the clinic"
    assert validate(None) == settings


def test_malformed_yaml_is_refused(tmp_path):
    broken = tmp_path / "clinic.yml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ClinicError, match="not valid YAML"):
        load_clinic(broken)


def test_an_edit_is_read_without_a_restart_and_a_bad_edit_keeps_the_last_good(tmp_path):
    path = write(tmp_path / "clinic.yml", name="First Clinic", phone="555 0100")
    clinic = ClinicFile(path)
    assert clinic.settings().name == "First Clinic"
    write(path, name="Second Clinic", phone="555 0101")
    os.utime(path, ns=(1, 10**18))  # a different mtime even on a coarse-grained file system
    assert clinic.settings().name == "Second Clinic"
    write(path, name="Third Clinic", phone="not a phone")
    os.utime(path, ns=(1, 2 * 10**18))
    assert clinic.settings().name == "Second Clinic"


def test_action_server_refuses_to_start_on_a_bad_entry(tmp_path):
    broken = write(tmp_path / "clinic.yml", **dict(SHIPPED, email="hello(at)example.com"))
    env = dict(os.environ, CLINIC_FILE=str(broken))
    result = subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "run", "actions", "--actions", "actions",
         "--port", "5998"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "'email' is not a valid email" in result.stdout + result.stderr


@pytest.mark.parametrize("text, expected", [
    ("+1 555 0100", "+1 555 0100"), ("(555) 010-0199", "(555) 010-0199"),
    ("555.0100 123", "555.0100 123"), ("  555  0100 12 ", "555 0100 12"),
    ("12345", None), ("1" * 16, None), ("555-CALL-NOW", None), ("", None), (None, None),
    # a date given where the number was asked for is not a number to call
    ("12/05/2026", None), ("2026-12-05", None), ("31.12.2026", None), ("5/31/2026", None),
    # numbers whose groups could not be a date stay numbers
    ("0123-45-6789", "0123-45-6789"), ("555-0100-12", "555-0100-12"), ("12/45/2026", "12/45/2026"),
])
def test_phone_numbers(text, expected):
    assert normalized_phone(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("sam@Example.COM", "sam@example.com"), ("a.b+c@mail.example.org", "a.b+c@mail.example.org"),
    ("sam@example", None), ("@example.com", None), ("sam@@example.com", None),
    ("sam @example.com", None), ("x" * 250 + "@example.com", None), (None, None),
])
def test_email_addresses(text, expected):
    assert normalized_email(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("call me on 555 0100 123 please", "555 0100 123"),
    ("my email is sam@example.com.", "sam@example.com"),
    ("sam@example.com or 555 0100 123", "sam@example.com"),
    ("tomorrow at 5", None), ("no thanks", None), ("", None),
])
def test_a_contact_inside_a_sentence(text, expected):
    assert contact_in(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("https://example.com/book", True), ("http://clinic.example.org:8443/a?b=c", True),
    ("https://example", False), ("ftp://example.com", False), ("example.com", False),
])
def test_web_addresses(text, expected):
    assert is_web_address(text) is expected
