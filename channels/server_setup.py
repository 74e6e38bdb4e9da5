"""What our channels set up on the Rasa server when it registers them, in one place: the HTTP
limits (http_limits.py), the session length limit (session_limit.py), the tracker-store
indexes and query (store_indexes.py) and erasing a conversation on request (erasure.py). Each
step is idempotent, so both channels call it. Three of them replace a method of Rasa 3.6: any
other Rasa version is refused here, loudly."""
from sanic import Blueprint, Sanic

from channels import erasure, session_limit
from channels.http_limits import harden
from channels.rasa_version import require_supported_rasa
from channels.store_indexes import index_the_store_on_start


def prepare_server(app: Sanic, blueprint: Blueprint) -> None:
    require_supported_rasa("session_limit.py, store_indexes.py and erasure.py")
    harden(app, blueprint)
    session_limit.apply()
    erasure.apply()
    index_the_store_on_start(app)


class PreparedBlueprint(Blueprint):
    """A Blueprint that prepares the app it is registered on."""

    def register(self, app: Sanic, options) -> None:
        prepare_server(app, self)
        super().register(app, options)
