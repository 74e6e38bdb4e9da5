"""Serves the clinic page and the widget bundle on 127.0.0.1 (a tiny static server).

The page gets the Rasa server's address from RASA_PUBLIC_URL; a Content-Security-Policy
keeps every request on this page's own origin and the Rasa server's.
Usage: python web/serve.py [--host 127.0.0.1] [--port 8080]
"""
import argparse
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = {
    "/": (ROOT / "web" / "index.html", "text/html; charset=utf-8"),
    "/index.html": (ROOT / "web" / "index.html", "text/html; charset=utf-8"),
    "/webchat.js": (ROOT / "build" / "web" / "webchat.js", "application/javascript"),
}


def make_handler(rasa_url: str):
    ws_url = rasa_url.replace("http://", "ws://").replace("https://", "wss://")
    policy = (f"default-src 'self'; connect-src 'self' {rasa_url} {ws_url}; "
              "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
              "script-src 'self' 'unsafe-inline'; font-src 'self' data:")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            path = self.path.split("?", 1)[0]
            if path not in FILES:
                self.send_error(404, "Not found")
                return
            file, content_type = FILES[path]
            body = file.read_bytes()
            if file.suffix == ".html":
                body = body.replace(b"__RASA_URL__", rasa_url.encode())
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", policy)
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):  # requests are not logged (visitor privacy)
            pass

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default=os.environ.get("WEB_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEB_PORT", "8080")))
    args = parser.parse_args()
    rasa_url = os.environ.get("RASA_PUBLIC_URL", "http://127.0.0.1:5005")
    server = ThreadingHTTPServer((args.host, args.port), make_handler(rasa_url))
    print(f"Clinic page: http://{args.host}:{args.port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
