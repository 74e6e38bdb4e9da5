"""What our channels set up on the Rasa server when it registers them, in one place: the HTTP
limits (http_limits.py), the session length limit (session_limit.py), the tracker-store
indexes and query (store_indexes.py), erasing a conversation on request (erasure.py) and the
event class lookup (event_types.py). Each step is idempotent, so both channels call it. Four of
them replace a method of Rasa 3.6: any other Rasa version is refused here, loudly."""
from sanic import Blueprint, Sanic

from rasa_patches import erasure, event_types, session_limit
from channels.http_limits import harden
from rasa_patches.rasa_version import require_supported_rasa
from rasa_patches.store_indexes import index_the_store_on_start


def prepare_server(app: Sanic, blueprint: Blueprint) -> None:
    require_supported_rasa("session_limit.py, store_indexes.py, erasure.py and event_types.py")
    harden(app, blueprint)
    session_limit.apply()
    erasure.apply()
    event_types.apply()
    index_the_store_on_start(app)


class PreparedBlueprint(Blueprint):
    """A Blueprint that prepares the app it is registered on."""

    def register(self, app: Sanic, options) -> None:
        prepare_server(app, self)
        super().register(app, options)
