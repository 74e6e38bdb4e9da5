"""Widget conversation ids: issued by the server, random, signed, of one fixed form.

A widget conversation is read and written only through its id, so the id must be
unguessable and chosen by the server, never by the client: `issue()` makes 16 random bytes
and signs them with a key only the Rasa servers know; `is_issued()` accepts an id only if the
signature matches. The widget keeps its id (rasa-webchat stores it) and sends it back when it
reconnects; anything else is refused and a new id is issued.

The key comes from SESSION_ID_KEY (hex) if set; every Rasa server that serves the same
conversations needs the same key. Otherwise a key is made once and kept in SESSION_ID_KEY_FILE
(default `.rasa/session-id.key`, mode 0600) so ids stay valid across restarts.
"""
import hashlib
import hmac
import os
import re
import secrets
from functools import lru_cache
from pathlib import Path

ID_FORM = re.compile(r"[0-9a-f]{32}\.[0-9a-f]{32}")
DEFAULT_KEY_FILE = ".rasa/session-id.key"


@lru_cache(maxsize=1)
def _key() -> bytes:
    configured = os.environ.get("SESSION_ID_KEY", "").strip()
    if configured:
        return bytes.fromhex(configured)
    path = Path(os.environ.get("SESSION_ID_KEY_FILE", DEFAULT_KEY_FILE))
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:  # O_EXCL: two servers starting at once keep the first key written
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
        except FileExistsError:
            pass
    return bytes.fromhex(path.read_text().strip())


def _signature(random_part: str) -> str:
    return hmac.new(_key(), random_part.encode(), hashlib.sha256).hexdigest()[:32]


def issue() -> str:
    random_part = secrets.token_hex(16)
    return f"{random_part}.{_signature(random_part)}"


def is_issued(candidate: object) -> bool:
    if not isinstance(candidate, str) or not ID_FORM.fullmatch(candidate):
        return False
    random_part, signature = candidate.split(".")
    return hmac.compare_digest(signature, _signature(random_part))
