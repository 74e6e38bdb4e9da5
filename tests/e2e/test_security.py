"""Security: the HTTP API is off by default and needs a token when an operator enables it;
servers bind 127.0.0.1; visitor text never reaches the logs at INFO level."""
import secrets
import socket
import subprocess

import pytest
import requests

from harness.servers import HOST, running_assistant


def test_http_api_is_off_by_default(assistant):
    for path in ("/status", "/conversations/someone/tracker", "/model/parse"):
        assert requests.get(assistant.url + path, timeout=10).status_code == 404


def test_enabled_api_refuses_requests_without_the_token(tmp_path):
    # hex: a urlsafe token may start with "-", which argparse takes for an option
    token = secrets.token_hex(24)
    with running_assistant(tmp_path) as assistant:
        assistant.stop_rasa_server()
        assistant.start_rasa_server(extra_args=["--enable-api", "--auth-token", token])
        url = assistant.url + "/conversations/someone/tracker"
        assert requests.get(url, timeout=10).status_code == 401
        assert requests.get(url, params={"token": "wrong"}, timeout=10).status_code == 401
        assert requests.get(url, params={"token": token}, timeout=10).status_code == 200


def machine_addresses():
    output = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout
    return [address for address in output.split() if ":" not in address]


@pytest.mark.skipif(not machine_addresses(), reason="this machine has no non-loopback address")
def test_servers_listen_on_loopback_only(assistant):
    for address in machine_addresses():
        for port in (assistant.rasa_port, assistant.action_port):
            with socket.socket() as sock:
                sock.settimeout(2)
                assert sock.connect_ex((address, port)) != 0, f"{address}:{port} is reachable"
    with socket.create_connection((HOST, assistant.rasa_port), timeout=2):
        pass


def test_visitor_text_is_not_logged_at_info_level(assistant):
    marker = "my-private-health-detail-" + secrets.token_hex(4)
    assistant.say("privacy", f"I have {marker}, does it hurt?")
    assistant.say("privacy", f"{marker} how much is it")
    for log in assistant.workdir.glob("*.log"):
        assert marker not in log.read_text(errors="replace"), log.name
