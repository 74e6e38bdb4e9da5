"""The end-to-end tests' shared fixture: one real action server and Rasa server per module."""
import pytest

from harness.servers import running_assistant


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("assistant")) as running:
        yield running
