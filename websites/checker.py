"""The automatic website checker: finds the «Наставничество» section of an organisation's site and
proposes which checklist items are present by the words of link texts and file names.

Polite and bounded: a timeout per request, an overall deadline per site, a size limit per response, a limit
on pages per site, links of the same site only, robots.txt obeyed, and (unless WEBSITE_CHECK_ALLOW_PRIVATE)
no address inside the server's own network. Whatever the site does (down, slow, a redirect loop, garbage),
the outcome is a Russian message for that organisation; nothing is raised to the caller. A site whose home
page cannot be read is «недоступен»: nothing is proposed for it, and it does not count as checked.
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import ssl
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 5.0
DEADLINE_SECONDS = 30.0  # the whole site, all its pages (WEBSITE_CHECK_DEADLINE_SECONDS)
MAX_BYTES = 2 * 1024 * 1024
MAX_PAGES = 20
MAX_REDIRECTS = 5
USER_AGENT = "MSHN-site-check/1.0"
SECTION_MARKERS = ("наставнич", "nastavnich", "nastavnik", "mentor")
DOCUMENT_EXTENSIONS = (
    ".pdf",
    ".doc",
    ".docx",
    ".odt",
    ".rtf",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".jpg",
    ".png",
)


class SiteError(Exception):
    """A page could not be read; the message says why, in Russian."""


@dataclass
class Link:
    url: str
    text: str

    @property
    def words(self) -> str:
        """Link text and file name, lower case, the way keywords are matched."""
        path = unquote(urlsplit(self.url).path).rsplit("/", 1)[-1]
        return f"{self.text} {path.replace('_', ' ').replace('-', ' ')}".lower()

    @property
    def is_document(self) -> bool:
        return urlsplit(self.url).path.lower().endswith(DOCUMENT_EXTENSIONS)


@dataclass
class CheckOutcome:
    section_url: str = ""
    found: dict[int, str] = field(default_factory=dict)  # checklist item id → address
    message: str = ""
    pages: int = 0
    reachable: bool = True  # False: the home page could not be read, nothing was checked


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, list[str]]] = []
        self._open: list[str] | None = None
        self.tags = 0

    def handle_starttag(self, tag, attrs):
        self.tags += 1
        if tag == "a":
            href = dict(attrs).get("href") or ""
            title = dict(attrs).get("title") or ""
            self._open = [title]
            self.links.append((href, self._open))

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)


def parse_links(html: str, base_url: str) -> tuple[list[Link], int]:
    """The page's links, absolute, with their texts; and how many tags the page had."""
    parser = _LinkParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient, but a page is never worth a crash
        logger.info("HTML не разобран: %s", base_url)
    links = []
    for href, texts in parser.links:
        href = href.strip()
        if not href or href.startswith(("mailto:", "tel:", "javascript:", "#")):
            continue
        url = urldefrag(urljoin(base_url, href))[0]
        links.append(Link(url, " ".join(" ".join(texts).split())))
    return links, parser.tags


NETWORK_FAILURES = (
    # The most specific first: what happened, in words a methodologist can act on.
    (socket.gaierror, "имя сайта не найдено (DNS): проверьте адрес сайта в справочнике организаций"),
    (ConnectionRefusedError, "сервер сайта отказал в соединении"),
    (ssl.SSLCertVerificationError, "сертификат сайта не прошёл проверку"),
    (ssl.SSLError, "ошибка защищённого соединения (HTTPS)"),
    (ConnectionResetError, "сервер сайта оборвал соединение"),
    (http.client.RemoteDisconnected, "сервер сайта закрыл соединение, не ответив"),
    (http.client.HTTPException, "сервер сайта ответил не по протоколу HTTP"),
    (OSError, "сетевая ошибка"),
)


def network_failure(reason) -> str:
    for kind, words in NETWORK_FAILURES:
        if isinstance(reason, kind):
            return words
    return "сетевая ошибка"


def refuse_private(url: str) -> None:
    """In production a site must not lead the server into its own network (loopback, private ranges)."""
    if settings.WEBSITE_CHECK_ALLOW_PRIVATE:
        return
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError) as error:
        raise SiteError(_("%(why)s (%(url)s)") % {"why": network_failure(error), "url": url}) from error
    for address in sorted(addresses):
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise SiteError(
                _("адрес сайта ведёт во внутреннюю сеть (%(ip)s): такие адреса не проверяются (%(url)s)")
                % {"ip": ip, "url": url}
            )


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        refuse_private(newurl)  # a public site may redirect inwards
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """Reads pages of one site within the limits."""

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT_SECONDS,
        max_bytes: int = MAX_BYTES,
        deadline: float = DEADLINE_SECONDS,
    ):
        self.timeout, self.max_bytes, self.deadline = timeout, max_bytes, deadline
        self.ends_at = time.monotonic() + deadline
        self.opener = urllib.request.build_opener(_LimitedRedirects)

    def time_left(self, url: str) -> float:
        left = self.ends_at - time.monotonic()
        if left <= 0:
            raise SiteError(
                _("проверка сайта не уложилась в %(seconds)s с: сайт отвечает слишком медленно (%(url)s)")
                % {"seconds": f"{self.deadline:g}", "url": url}
            )
        return left

    def get(self, url: str) -> tuple[str, str, str]:
        """(final url, content type, text) of the page, or SiteError."""
        timeout = min(self.timeout, self.time_left(url))
        refuse_private(url)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with self.opener.open(request, timeout=timeout) as response:
                body = response.read(self.max_bytes + 1)
                final, content_type = response.geturl(), response.headers.get_content_type()
                charset = response.headers.get_content_charset() or "utf-8"
        except urllib.error.HTTPError as error:
            if 300 <= error.code < 400:
                raise SiteError(_("сайт перенаправляет по кругу (%(url)s)") % {"url": url}) from error
            raise SiteError(
                _("сайт ответил ошибкой %(code)s (%(url)s)") % {"code": error.code, "url": url}
            ) from error
        except ValueError as error:
            raise SiteError(_("адрес сайта записан неверно (%(url)s)") % {"url": url}) from error
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError | socket.timeout):
                self.time_left(url)  # the deadline, if that is what ran out
                raise SiteError(
                    _("сайт не ответил за %(seconds)s с (%(url)s)") % {"seconds": f"{timeout:g}", "url": url}
                ) from error
            if isinstance(reason, SiteError):  # refused on a redirect
                raise reason from error
            raise SiteError(_("%(why)s (%(url)s)") % {"why": network_failure(reason), "url": url}) from error
        if len(body) > self.max_bytes:
            raise SiteError(
                _("страница больше %(mb)s МБ (%(url)s)")
                % {"mb": self.max_bytes // (1024 * 1024) or 1, "url": url}
            )
        return final, content_type, body.decode(_known(charset), errors="replace")  # fmt: skip


def _known(charset: str) -> str:
    try:
        "".encode(charset)
    except LookupError:
        return "utf-8"
    return charset


def same_site(url: str, home: str) -> bool:
    a, b = urlsplit(url), urlsplit(home)
    return a.scheme in ("http", "https") and a.hostname == b.hostname and a.port == b.port


class Robots:
    def __init__(self, home: str, fetcher: Fetcher):
        self.parser = urllib.robotparser.RobotFileParser()
        try:
            _final, _type, text = fetcher.get(urljoin(home, "/robots.txt"))
        except SiteError:
            text = ""  # no robots.txt: everything is allowed
        self.parser.parse(text.splitlines())

    def allows(self, url: str) -> bool:
        return self.parser.can_fetch(USER_AGENT, url)


def is_section_link(link: Link) -> bool:
    text = f"{link.text} {unquote(link.url)}".lower()
    return any(marker in text for marker in SECTION_MARKERS)


def matches(item, link: Link) -> bool:
    words = link.words
    return any(key and all(word in words for word in key) for key in item.keyword_list())


def check_site(
    website: str,
    items,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    deadline: float | None = None,
) -> CheckOutcome:
    """Visit the site and propose what of the checklist it shows. Never raises."""
    outcome = CheckOutcome()
    if not website:
        outcome.message = _("У организации в справочнике не указан сайт.")
        outcome.reachable = False
        return outcome
    try:
        deadline = deadline or settings.WEBSITE_CHECK_DEADLINE_SECONDS
        _crawl(
            website,
            items,
            outcome,
            Fetcher(timeout=timeout, max_bytes=max_bytes, deadline=deadline),
            max_pages,
        )
    except SiteError as error:
        if outcome.pages == 0:
            outcome.reachable = False
            outcome.message = _("Сайт недоступен: %(why)s. Пункты не отмечены; проверьте позже.") % {
                "why": error
            }
        else:
            outcome.message = _("Проверка не выполнена: %(why)s.") % {"why": error}
    except Exception:  # noqa: BLE001 - one organisation's odd site must not stop the round
        logger.exception("Проверка сайта %s", website)
        outcome.message = _("Проверка не выполнена: непредвиденная ошибка при чтении сайта.")
    return outcome


def _crawl(website: str, items, outcome: CheckOutcome, fetcher: Fetcher, max_pages: int) -> None:
    robots = Robots(website, fetcher)
    if not robots.allows(website):
        raise SiteError(_("robots.txt сайта запрещает проверку"))
    home, content_type, html = fetcher.get(website)
    outcome.pages = 1
    links, tags = parse_links(html, home)
    if "html" not in content_type and not tags:
        raise SiteError(_("главная страница сайта не похожа на HTML"))
    sections = [link for link in links if is_section_link(link) and same_site(link.url, home)]
    if not sections:
        outcome.message = _("Раздел «Наставничество» на главной странице сайта не найден.")
        return
    outcome.section_url = sections[0].url
    found_links = _section_links(sections, home, robots, fetcher, outcome, max_pages)
    for item in items:
        if item.is_section:
            outcome.found[item.pk] = outcome.section_url
            continue
        hit = next((link for link in found_links if matches(item, link)), None)
        if hit is not None:
            outcome.found[item.pk] = hit.url
    outcome.message = _("Раздел найден, просмотрено страниц: %(pages)s, найдено пунктов: %(found)s.") % {
        "pages": outcome.pages,
        "found": len(outcome.found),
    }


def _section_links(sections, home, robots, fetcher, outcome, max_pages) -> list[Link]:
    """Links of the section's pages: the section and its subpages, breadth first, within the page limit."""
    queue = [link.url for link in sections]
    seen: set[str] = set()
    collected: list[Link] = []
    while queue and outcome.pages < max_pages:
        url = queue.pop(0)
        if url in seen or not robots.allows(url):
            continue
        seen.add(url)
        try:
            final, content_type, html = fetcher.get(url)
        except SiteError as error:
            if not collected:
                raise
            outcome.message = str(error)
            break
        outcome.pages += 1
        if "html" not in content_type:
            continue
        links, _tags = parse_links(html, final)
        collected.extend(links)
        queue.extend(
            link.url
            for link in links
            if same_site(link.url, home)
            and not link.is_document
            and is_section_link(link)
            and link.url not in seen
        )
    return collected
