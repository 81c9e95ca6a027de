"""Who may talk to the review server: the token check and a few browser defences.

With a token, every request must carry it, as ``Authorization: Bearer TOKEN``
or as the cookie that ``/login?token=TOKEN`` sets. Without one the server only
runs on loopback, and then answers only requests addressed to a loopback host
name (a page elsewhere cannot reach it through DNS rebinding). Posts whose
``Origin`` is another site are refused either way.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import cookie_parser
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from factcheck.review.bind import is_loopback, normalize_token

COOKIE_NAME = "factcheck_review_token"
LOGIN_PATH = "/login"

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


def token_matches(given: str | None, token: str) -> bool:
    """Constant-time comparison of a presented token with the server's."""
    return given is not None and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def _host_name(host_header: str) -> str:
    return urlsplit(f"//{host_header}").hostname or ""


def _bearer(headers: Headers) -> str | None:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


class AccessGuard:
    """ASGI middleware: checks each HTTP request, and adds security headers to each response."""

    def __init__(self, app: ASGIApp, *, token: str | None) -> None:
        self.app = app
        self.token = normalize_token(token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope)
        if refusal is not None:
            status, message = refusal
            headers = {"www-authenticate": "Bearer"} if status == 401 else None
            response = PlainTextResponse(message, status_code=status, headers=headers)
            await response(scope, receive, self._with_headers(send))
            return
        await self.app(scope, receive, self._with_headers(send))

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        """Why a request is refused, as (status, message), or None when it may pass."""
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        if self.token is None and not is_loopback(_host_name(host)):
            return 403, "forbidden: this review server answers loopback host names only"
        origin = headers.get("origin")
        if scope["method"] not in _SAFE_METHODS and origin is not None and urlsplit(origin).netloc != host:
            return 403, "forbidden: cross-site request"
        if self.token is None or scope["path"] == LOGIN_PATH:
            return None
        cookie = cookie_parser(headers.get("cookie", "")).get(COOKIE_NAME)
        if token_matches(_bearer(headers), self.token) or token_matches(cookie, self.token):
            return None
        return 401, f"unauthorized: open {LOGIN_PATH}?token=... once, or send Authorization: Bearer <token>"

    def _with_headers(self, send: Send) -> Send:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        return send_with_headers
