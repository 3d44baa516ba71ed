"""Which address a request came from, for rate limits: behind a load balancer every request's
peer is the balancer, so the client is read from X-Forwarded-For, but only as far as proxies
the council trusts (`TRUSTED_PROXIES`, a list of CIDRs) vouch for it. Nobody else can forge it.
The address is used for counting in the cache and never stored."""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(cidrs):
    return tuple(ipaddress.ip_network(cidr.strip(), strict=False) for cidr in cidrs if cidr.strip())


def _parsed(address):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def _trusted(address, networks):
    parsed = _parsed(address)
    return parsed is not None and any(parsed in network for network in networks)


def client_address(request):
    """The nearest address no trusted proxy stands for: REMOTE_ADDR itself when the peer isn't
    a trusted proxy, otherwise X-Forwarded-For read from the right past every trusted hop."""
    peer = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not _trusted(peer, networks):
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not _trusted(hop, networks):
            return hop if _parsed(hop) else peer
    return peer
