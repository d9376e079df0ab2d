"""A stand-in for CBS's open-data service: recorded-shape JSON pages on 127.0.0.1.

Never the network: tests point ``BRIEF_CBS_URL`` at ``StandIn.url``.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from brievenbus.cbs.odata import DEFAULT_BASE_URL

FIXTURES = Path(__file__).parent / "fixtures" / "cbs_odata"


class StandIn:
    """Serves fixtures/cbs_odata/<table>/<entity>.json page by page ($skiptoken).

    ``status``, ``body`` and ``delay`` make it answer badly, for error tests;
    ``requests`` records every path and query asked for.
    """

    def __init__(self, fixtures: Path = FIXTURES) -> None:
        self.fixtures = fixtures
        self.status = 200
        self.body: bytes | None = None
        self.delay = 0.0
        self.stopping = threading.Event()  # ends a delayed answer early
        self.requests: list[str] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                stand_in.requests.append(urllib.parse.unquote(self.path))
                if stand_in.delay and stand_in.stopping.wait(stand_in.delay):
                    return  # stopped while the client waited: say nothing
                status, body = stand_in.answer(self.path)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json;charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (a timeout test): nothing to tell it

            def log_message(self, format: str, *args: object) -> None:
                pass  # quiet

        class QuietServer(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # never print into the output of the test that runs next

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        host, port = self.server.server_address[:2]
        self.url = f"http://{host!s}:{port}/ODataFeed/odata"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def answer(self, path: str) -> tuple[int, bytes]:
        """The status and body for one request."""
        if self.status != 200 or self.body is not None:
            return self.status, self.body or b'{"odata.error": {"code": "", "message": {}}}'
        parts = urllib.parse.urlsplit(path)
        table, entity = parts.path.removeprefix("/ODataFeed/odata/").split("/", 1)
        fixture = self.fixtures / table / f"{entity}.json"
        if not fixture.is_file():
            return 404, b'{"odata.error": {"code": "", "message": {"value": "not found"}}}'
        query = urllib.parse.parse_qs(parts.query)
        page = json.loads(fixture.read_text(encoding="utf-8"))[query.get("$skiptoken", [""])[0]]
        text = json.dumps(page, ensure_ascii=False).replace(DEFAULT_BASE_URL, self.url)
        return 200, text.encode("utf-8")

    def start(self) -> StandIn:
        """Answer requests from now on."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop answering; the port is closed."""
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
