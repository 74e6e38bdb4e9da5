"""The local defaults are the same everywhere: the Makefile's (`make run`), endpoints.yml's (the
stock `rasa` CLI, no variables set), scripts/supervise.py's and the channels' own."""
import re

import yaml

from channels.socketio import DEFAULT_WEB_ORIGIN
from conftest import ROOT
from scripts.supervise import DEFAULTS as SUPERVISE_DEFAULTS


def makefile_defaults():
    """`export NAME ?= VALUE` lines, $(NAME) references expanded."""
    found = {}
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        match = re.match(r"export (\w+)\s*\?=\s*(.*)$", line)
        if match:
            found[match[1]] = re.sub(r"\$\((\w+)\)", lambda ref: found[ref[1]], match[2].strip())
    return found


def test_endpoints_yml_is_endpoints_from_env_with_the_makefile_defaults():
    defaults = makefile_defaults()
    template = (ROOT / "endpoints-from-env.yml").read_text(encoding="utf-8")
    expanded = yaml.safe_load(re.sub(r"\$\{(\w+)\}", lambda ref: defaults[ref[1]], template))
    stock = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    # An in-memory lock store has no address: the stock file leaves it out.
    assert expanded["lock_store"]["type"] == "in_memory"
    expanded["lock_store"] = {"type": "in_memory"}
    assert stock == expanded


def test_supervisor_defaults_are_the_makefile_defaults():
    defaults = makefile_defaults()
    for name, value in SUPERVISE_DEFAULTS.items():
        if name == "ENDPOINTS":  # without the Makefile's variables: the stock file
            assert value == "endpoints.yml" and defaults[name] == "endpoints-from-env.yml"
        else:
            assert defaults[name] == value, name


def test_channel_defaults_are_the_makefile_defaults():
    assert DEFAULT_WEB_ORIGIN == makefile_defaults()["WEB_ORIGIN"]


def test_every_default_in_code_is_the_makefile_default():
    # os.environ.get("NAME", "default") anywhere in the servers' code, for a variable the
    # Makefile sets: run by hand, the code must behave as under make run.
    defaults = makefile_defaults()
    read = re.compile(r'os\.environ\.get\(\s*"(\w+)",\s*(?:str\()?"([^"]*)"')
    checked = 0
    for path in [ROOT / "web" / "serve.py", *(ROOT / "channels").glob("*.py"),
                 *(ROOT / "actions").glob("*.py"), ROOT / "scripts" / "supervise.py"]:
        for name, value in read.findall(path.read_text(encoding="utf-8")):
            if name in defaults:
                assert value == defaults[name], f"{path.relative_to(ROOT)}: {name}"
                checked += 1
    assert checked >= 3  # WEB_HOST, WEB_PORT, RASA_PUBLIC_URL in web/serve.py
