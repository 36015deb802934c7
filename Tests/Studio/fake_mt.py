"""A fake machine-translation server speaking LibreTranslate's protocol, for the browser tests.

Parley's `libretranslate` backend is pointed at it, so the Studio's machine suggestions are
real answers through Parley's engine, only predictable: a text is "translated" by prefixing
`[<target>] `, which keeps every `<x0/>`-style marker Parley protects placeholders with.

  GET  /languages  -> the eight languages, each targeting the other seven
  GET  /health     -> {"status": "ok"} (Parley probes it)
  POST /translate  -> {"q": str | [str], "source", "target"} -> {"translatedText": same shape}

Usage: python3 fake_mt.py PORT   (prints "ready" once listening; stops on SIGTERM)
FAKE_MT_DELAY_MS=N makes every translation take N ms (Benchmarks/drain.sh: requests in flight).
"""

import json
import os
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

LANGUAGES = [("en", "English"), ("es", "Spanish"), ("ru", "Russian"), ("ar", "Arabic"),
             ("uk", "Ukrainian"), ("ga", "Irish"), ("sw", "Swahili"), ("ha", "Hausa")]


DELAY_SECONDS = int(os.environ.get("FAKE_MT_DELAY_MS", "0")) / 1000


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the test output is what matters
        pass

    def reply(self, status, payload):
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/languages":
            codes = [code for code, _ in LANGUAGES]
            return self.reply(200, [{"code": code, "name": name, "targets": [c for c in codes if c != code]}
                                    for code, name in LANGUAGES])
        if path == "/health":
            return self.reply(200, {"status": "ok"})
        return self.reply(404, {"error": "Not Found"})

    def do_POST(self):
        if self.path.split("?")[0] != "/translate":
            return self.reply(404, {"error": "Not Found"})
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            if "json" in (self.headers.get("Content-Type") or ""):
                request = json.loads(raw or b"{}")
            else:
                request = {k: (v if len(v) > 1 else v[0]) for k, v in parse_qs(raw.decode("utf-8")).items()}
        except ValueError:
            return self.reply(400, {"error": "Invalid request"})
        q, target = request.get("q"), request.get("target")
        if q is None or not target:
            return self.reply(400, {"error": "Invalid request: missing q or target"})
        if target not in dict(LANGUAGES):
            return self.reply(400, {"error": f"{target} is not supported"})
        if DELAY_SECONDS:
            time.sleep(DELAY_SECONDS)
        translate = lambda text: f"[{target}] {text}"
        translated = [translate(t) for t in q] if isinstance(q, list) else translate(q)
        return self.reply(200, {"translatedText": translated})


def main():
    port = int(sys.argv[1])
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    print("ready", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
