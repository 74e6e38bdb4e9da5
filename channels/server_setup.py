"""What our channels set up on the Rasa server when it registers them, in one place: the HTTP
limits (http_limits.py) and the tracker-store indexes, created once at start
(rasa_patches/store_indexes.py). Each step is idempotent, so both channels call it. Rasa's own
code is patched from the pipeline's first step (rasa_patches/), not here."""
from sanic import Blueprint, Sanic

from channels.http_limits import harden
from rasa_patches.store_indexes import index_the_store_on_start


def prepare_server(app: Sanic, blueprint: Blueprint) -> None:
    harden(app, blueprint)
    index_the_store_on_start(app)


class PreparedBlueprint(Blueprint):
    """A Blueprint that prepares the app it is registered on."""

    def register(self, app: Sanic, options) -> None:
        prepare_server(app, self)
        super().register(app, options)
