"""Times `make run` in a project folder: seconds until the first REST reply, then stops it.

Usage: python -m bench.time_make_run [PROJECT_DIR]   (fresh clone or warm checkout)
Uses the Makefile's default ports; nothing else may be listening on them.
"""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

project = sys.argv[1] if len(sys.argv) > 1 else "."
url = "http://127.0.0.1:5005/webhooks/rest/webhook"
start = time.monotonic()
process = subprocess.Popen(["make", "run"], cwd=project, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
first_reply = None
try:
    while time.monotonic() - start < 1800 and process.poll() is None:
        try:
            request = urllib.request.Request(
                url, data=json.dumps({"sender": "timer", "message": "does it hurt?"}).encode(),
                headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=10) as response:
                if json.load(response):
                    first_reply = time.monotonic() - start
                    break
        except OSError:
            time.sleep(0.5)
finally:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait()
print(f"make run in {project}: first REST reply after "
      f"{first_reply:.1f} s" if first_reply else "no reply")
