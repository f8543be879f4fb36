"""Where a webhook may point (issue 13, SSRF): a public ``https`` host, never an address inside the suite's network.

A URL is refused (422 ``webhook_url_forbidden``) when its scheme is not ``https``, when its host is an IP literal in
any spelling (``127.0.0.1``, ``2130706433``, ``0x7f.1``, ``017700000001``, ``[::ffff:127.0.0.1]``) or when the name
resolves to an address that is not public: loopback, private, link-local (``169.254.169.254``, the cloud metadata
service), shared, multicast, reserved or unspecified, IPv4 or IPv6 (an IPv4-mapped or 6to4/Teredo IPv6 address is
judged by the IPv4 address it carries). A name that does not resolve now is taken; the delivery checks again.

At delivery (:func:`pin`) the name is resolved once more, every address checked, and the request goes to the
checked address (the ``Host`` header and TLS SNI keep the name, so the certificate is still checked against it):
a name whose DNS changed to an inside address after registration is not reached. ``ENROLLMENT_WEBHOOK_ALLOW_PRIVATE``
(tests, a local rehearsal) turns every check off and allows ``http``.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

import httpx

from enrollment.errors import Invalid

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class WebhookUrlForbidden(Invalid):
    """A webhook URL that is not public ``https`` (422)."""

    code = "webhook_url_forbidden"


def public(ip: IPAddress) -> bool:
    """Whether ``ip`` is a public unicast address (an IPv4 one carried in IPv6 is judged as itself)."""
    if isinstance(ip, ipaddress.IPv6Address):
        carried = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if carried is not None and not public(carried):
            return False
    return ip.is_global and not (ip.is_multicast or ip.is_private or ip.is_loopback or ip.is_link_local
                                 or ip.is_reserved or ip.is_unspecified)


def ip_literal(host: str) -> bool:
    """Whether ``host`` spells an IP address: IPv6, dotted IPv4, or the decimal / octal / hex / short forms the C
    resolver also takes (``2130706433``, ``0x7f.1``, ``127.1``)."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    try:
        socket.inet_aton(host)
        return True
    except (OSError, ValueError):
        return False


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to now ([] when it does not resolve)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def _parts(url: str) -> tuple[str, str, int]:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise WebhookUrlForbidden(f"not a URL: {exc}", field="url") from None
    if not parsed.host:
        raise WebhookUrlForbidden("the URL has no host", field="url")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return parsed.scheme, parsed.host, port


def check(url: str, *, allow_private: bool) -> None:
    """Refuse ``url`` (:class:`WebhookUrlForbidden`) unless it is ``https`` to a name whose addresses are all public
    (a name that does not resolve yet passes; :func:`pin` checks again). ``allow_private``: only the syntax."""
    scheme, host, port = _parts(url)
    if allow_private:
        return
    if scheme != "https":
        raise WebhookUrlForbidden("a webhook URL must be https", field="url")
    if ip_literal(host):
        raise WebhookUrlForbidden("a webhook URL names its host, not an IP address", field="url")
    if host.rstrip(".").lower().split(".")[-1] == "localhost":  # RFC 6761: always loopback
        raise WebhookUrlForbidden("a webhook URL cannot name localhost", field="url")
    if any(not public(ip) for ip in resolve(host, port)):
        raise WebhookUrlForbidden("the webhook's host resolves to a non-public address", field="url")


@dataclass(frozen=True)
class Pinned:
    """A delivery's target: ``url`` to connect to (the checked address in place of the name), ``headers`` and
    ``extensions`` that keep the name for ``Host`` and TLS SNI."""

    url: str
    headers: dict[str, str]
    extensions: dict[str, str]


def pin(url: str, *, allow_private: bool) -> Pinned | None:
    """The checked target of one delivery, or None when the name does not resolve, an address is not public or the
    URL is not allowed any more (the delivery then fails as ``unreachable``)."""
    try:
        check(url, allow_private=allow_private)
    except WebhookUrlForbidden:
        return None
    if allow_private:
        return Pinned(url, {}, {})
    _, host, port = _parts(url)
    addresses = resolve(host, port)
    if not addresses or any(not public(ip) for ip in addresses):
        return None
    ip = addresses[0]
    parsed = httpx.URL(url)
    literal = f"[{ip}]" if ip.version == 6 else str(ip)
    host_header = host if parsed.port is None else f"{host}:{parsed.port}"
    return Pinned(str(parsed.copy_with(host=literal)), {"Host": host_header}, {"sni_hostname": host})
