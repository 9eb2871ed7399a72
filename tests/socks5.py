"""A small SOCKS5 proxy for tests (RFC 1928 CONNECT, RFC 1929 user/password), on loopback.

It runs an asyncio server in a thread and records what went through it, so a test can prove
the bot's traffic took the proxy: `proxy.tunnels` lists each (host, port) it connected to and
`proxy.relayed` counts the bytes carried from the client.

    with Socks5Proxy(user="u", password="p") as proxy:
        ...  # point the client at proxy.url
        assert proxy.tunnels
"""

from __future__ import annotations

import asyncio
import ipaddress
import struct
import threading
from dataclasses import dataclass, field

NO_AUTH, USER_PASSWORD, NO_ACCEPTABLE = 0x00, 0x02, 0xFF
SUCCEEDED, REFUSED, UNSUPPORTED = 0x00, 0x05, 0x07


@dataclass
class Socks5Proxy:
    user: str | None = None
    password: str | None = None
    tunnels: list[tuple[str, int]] = field(default_factory=list)
    refused_logins: int = 0
    relayed: int = 0
    port: int = 0
    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None
    _stop: asyncio.Event | None = None

    def url(
        self, scheme: str = "socks5", *, user: str | None = None, password: str | None = None
    ) -> str:
        auth = f"{user}:{password}@" if user is not None else ""
        return f"{scheme}://{auth}127.0.0.1:{self.port}"

    def __enter__(self) -> Socks5Proxy:
        ready = threading.Event()
        self._loop = asyncio.new_event_loop()

        async def serve() -> None:
            self._stop = asyncio.Event()
            server = await asyncio.start_server(self._client, "127.0.0.1", 0)
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
            await self._stop.wait()
            server.close()
            clients = asyncio.all_tasks() - {asyncio.current_task()}
            for task in clients:
                task.cancel()
            await asyncio.gather(*clients, return_exceptions=True)

        def run() -> None:
            assert self._loop is not None
            self._loop.run_until_complete(serve())
            self._loop.close()

        self._thread = threading.Thread(target=run, name="socks5", daemon=True)
        self._thread.start()
        assert ready.wait(10), "the SOCKS5 proxy did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._loop is not None and self._thread is not None and self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            target = await self._handshake(reader, writer)
            if target is None:
                return
            try:
                up_reader, up_writer = await asyncio.open_connection(*target)
            except OSError:
                writer.write(bytes([5, REFUSED, 0, 1, 0, 0, 0, 0, 0, 0]))
                await writer.drain()
                return
            self.tunnels.append(target)
            writer.write(bytes([5, SUCCEEDED, 0, 1, 127, 0, 0, 1, 0, 0]))
            await writer.drain()
            await asyncio.gather(
                self._pipe(reader, up_writer, count=True), self._pipe(up_reader, writer)
            )
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def _handshake(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> tuple[str, int] | None:
        version, count = await reader.readexactly(2)
        methods = await reader.readexactly(count)
        wanted = NO_AUTH if self.user is None else USER_PASSWORD
        if version != 5 or wanted not in methods:
            writer.write(bytes([5, NO_ACCEPTABLE]))
            await writer.drain()
            return None
        writer.write(bytes([5, wanted]))
        await writer.drain()
        if wanted == USER_PASSWORD:
            _, size = await reader.readexactly(2)
            user = (await reader.readexactly(size)).decode()
            (size,) = await reader.readexactly(1)
            password = (await reader.readexactly(size)).decode()
            ok = (user, password) == (self.user, self.password)
            writer.write(bytes([1, 0 if ok else 1]))
            await writer.drain()
            if not ok:
                self.refused_logins += 1
                return None
        _, command, _, kind = await reader.readexactly(4)
        if kind == 1:
            host = str(ipaddress.IPv4Address(await reader.readexactly(4)))
        elif kind == 4:
            host = str(ipaddress.IPv6Address(await reader.readexactly(16)))
        else:
            (size,) = await reader.readexactly(1)
            host = (await reader.readexactly(size)).decode()
        (port,) = struct.unpack("!H", await reader.readexactly(2))
        if command != 1:  # CONNECT only
            writer.write(bytes([5, UNSUPPORTED, 0, 1, 0, 0, 0, 0, 0, 0]))
            await writer.drain()
            return None
        return host, port

    async def _pipe(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, count: bool = False
    ) -> None:
        try:
            while data := await reader.read(65536):
                if count:
                    self.relayed += len(data)
                writer.write(data)
                await writer.drain()
        finally:
            writer.close()
