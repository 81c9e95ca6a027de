"""Where the review server may listen: loopback freely, anywhere else only with a token."""

from __future__ import annotations

import ipaddress

from factcheck.review.errors import ReviewError

TOKEN_ENVVAR = "FACTCHECK_REVIEW_TOKEN"


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or address, IPv6 with or without brackets) is this machine only."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def normalize_token(token: str | None) -> str | None:
    """An empty or blank token means no token."""
    return token if token and token.strip() else None


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve beyond loopback without a token."""
    if normalize_token(token) is None and not is_loopback(host):
        raise ReviewError(f"refusing to bind {host} without a token: pass --token or set {TOKEN_ENVVAR}")
