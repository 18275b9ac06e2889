"""Small websites served by the tests on 127.0.0.1 (a random port, a thread): never the internet."""

from __future__ import annotations

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD = {
    "/robots.txt": "User-agent: *\nDisallow: /nastavnichestvo/closed/\n",
    "/": """<html><head><title>МБОУ СОШ № 1</title></head><body>
        <a href="/news/">Новости</a> <a href="/nastavnichestvo/">Наставничество</a>
        <a href="http://example.invalid/nastavnichestvo/">Наставничество в крае</a></body></html>""",
    "/nastavnichestvo/": """<html><body><h1>Наставничество</h1><ul>
        <li><a href="/docs/%D0%9F%D0%BE%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5.pdf">Положение</a></li>
        <li><a href="/docs/plan.docx">Дорожная карта на 2025/2026 учебный год</a></li>
        <li><a href="/docs/prikaz_kurator.pdf">Приказ о назначении куратора</a></li>
        <li><a href="/nastavnichestvo/baza/">База наставников и наставляемых</a></li>
        <li><a href="/nastavnichestvo/closed/">Служебное</a></li>
        </ul></body></html>""",
    "/nastavnichestvo/baza/": """<html><body>
        <a href="/docs/baza.xlsx">База наставников (обезличенная)</a>
        <a href="/docs/cases.pdf">Лучшие кейсы персонализированных программ</a></body></html>""",
    "/nastavnichestvo/closed/": "<html><body><a href='/docs/prikaz_pary.pdf'>Приказ о закреплении пар</a></body></html>",
}


class Site:
    """A running local site; `requests` lists the paths it was asked for."""

    def __init__(self, handler_class):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
        self.server.requests = []
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    @property
    def requests(self) -> list[str]:
        return self.server.requests


class _Handler(BaseHTTPRequestHandler):
    pages: dict[str, str] = {}

    def log_message(self, *args):  # keep the test output clean
        pass

    def do_GET(self):
        self.server.requests.append(self.path)
        self.answer()

    def answer(self):
        if self.path not in self.pages:
            self.send_error(404)
            return
        self.send_body(self.pages[self.path].encode(), "text/html; charset=utf-8")

    def send_body(self, body: bytes, content_type: str):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


def handler(pages: dict[str, str]):
    return type("PagesHandler", (_Handler,), {"pages": pages})


class SlowHandler(_Handler):
    def answer(self):
        time.sleep(2)
        self.send_body("<a href='/nastavnichestvo/'>Наставничество</a>".encode(), "text/html")


class LoopHandler(_Handler):
    def answer(self):
        if self.path == "/robots.txt":
            self.send_error(404)
            return
        self.send_response(302)
        self.send_header("Location", "/b" if self.path != "/b" else "/")
        self.send_header("Content-Length", "0")
        self.end_headers()


class HugeHandler(_Handler):
    size = 300_000

    def answer(self):
        if self.path == "/robots.txt":
            self.send_error(404)
            return
        self.send_body(b"<a href='/nastavnichestvo/'>" + b"x" * self.size + b"</a>", "text/html")


class GarbageHandler(_Handler):
    def answer(self):
        if self.path == "/robots.txt":
            self.send_error(404)
            return
        self.send_body(bytes(range(256)) * 50, "application/octet-stream")


@contextlib.contextmanager
def serving(handler_class):
    site = Site(handler_class)
    site.thread.start()
    try:
        yield site
    finally:
        site.server.shutdown()
        site.server.server_close()
