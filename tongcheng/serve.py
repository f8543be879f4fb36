"""One replica of a process of the suite: ``python -m tongcheng.serve points.main:create_app --port 8101``.

Several replicas of a service (``tongcheng up --replicas N``) listen on the same port with ``SO_REUSEPORT``: the
kernel spreads new connections over the replicas that are listening, so callers (the gateway, the other services,
the platform) keep one URL per service. A replica joins only once started (uvicorn listens after its lifespan
start-up: migrations, ready), leaves when it stops (SIGTERM: stops accepting, finishes what is in flight, hands its
leases back) or dies (SIGKILL: its connections break, and the callers' retries reach a live replica).
"""

from __future__ import annotations

import argparse
import socket
import sys

import uvicorn


def reuseport_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` with ``SO_REUSEPORT`` (not yet listening: uvicorn listens after start)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tongcheng.serve", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("app", help="the app factory, e.g. points.main:create_app")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--timeout-graceful-shutdown", type=float, default=5.0,
                        help="seconds a SIGTERM waits for requests in flight")
    args = parser.parse_args(argv)
    config = uvicorn.Config(args.app, factory=True, host=args.host, port=args.port, access_log=False,
                            timeout_graceful_shutdown=args.timeout_graceful_shutdown)
    uvicorn.Server(config).run(sockets=[reuseport_socket(args.host, args.port)])


if __name__ == "__main__":
    sys.exit(main())
