"""The framework's ceiling for bench_server.py: a bare Starlette app started exactly like the group server.

It does no validation, no signatures and no database: GET /hello returns a tiny JSON object and
PUT /hello reads the body and returns {"seq": 1}. Same uvicorn settings as peerapp.server.run.
"""

from __future__ import annotations

import argparse
import asyncio
import socket

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


async def hello(request: Request) -> Response:
    return Response(b'{"status":"ok"}', media_type="application/json")


async def hello_put(request: Request) -> Response:
    await request.body()
    return Response(b'{"seq":1}', media_type="application/json")


app = Starlette(routes=[Route("/hello", hello, methods=["GET"]), Route("/hello", hello_put, methods=["PUT"])])


async def main(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # TCP_NODELAY, as in run.py
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    config = uvicorn.Config(
        app,
        http="httptools",
        access_log=False,
        log_level="warning",
        server_header=False,
        date_header=False,
        proxy_headers=False,
        timeout_keep_alive=30,
    )

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=sockets)
            print(f"listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)

    await Server(config).serve(sockets=[sock])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    asyncio.run(main(parser.parse_args().port))
