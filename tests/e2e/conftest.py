import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # channels/, for its constants

from servers import running_assistant  # noqa: E402


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("assistant")) as running:
        yield running
