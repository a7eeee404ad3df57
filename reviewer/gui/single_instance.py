"""One app per register: the running app listens on a local socket, and a second `reviewer gui FILE...` hands it
the files instead of asking for the passphrase again.

As single-instance desktop apps do, the running app keeps a QLocalServer (a Unix socket; a named pipe on Windows)
named per user and per register file, so two registers can be open at once, each in its own app. The socket sits in
the user's private runtime folder (XDG_RUNTIME_DIR) when there is one, and is made accessible to the user only
(`UserAccessOption`) in any case. A second app sends one JSON line {"files": [absolute paths]} and waits for "ok";
the running app imports the files (once unlocked) and comes to the front. Only file paths cross the socket.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 1500
REPLY_TIMEOUT_MS = 5000
MAX_MESSAGE_BYTES = 1 << 20  # a million bytes of paths is far more than any drop; more is not a request
ACK = b"ok\n"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container's bare uid)
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(register_path: Path) -> str:
    """The socket's name for this user and this register file (by its real path: a symlink names the same)."""
    key = f"{_user()}\0{os.path.realpath(register_path)}".encode()
    name = f"reviewer-{hashlib.sha256(key).hexdigest()[:24]}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime) and os.name != "nt":
        return os.path.join(runtime, name)
    return name  # Qt puts it in the temporary folder (a named pipe on Windows)


def hand_off(register_path: Path, files: list[Path]) -> bool:
    """Give `files` to the app that has this register open; True when it took them (False: no app listens)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(register_path))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    try:
        message = json.dumps({"files": [str(Path(f).absolute()) for f in files]}).encode() + b"\n"
        socket.write(message)
        if not socket.waitForBytesWritten(REPLY_TIMEOUT_MS):
            return False
        reply = b""
        while ACK not in reply and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
            reply += bytes(socket.readAll().data())
        return ACK in reply
    finally:
        socket.disconnectFromServer()


class InstanceServer(QObject):
    """Listens for second apps on this register; `files_received(list[Path])` for each hand-off."""

    files_received = Signal(list)

    def __init__(self, register_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(register_path)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening. Called once no app answered on the name, so a socket file left there is stale (an
        app that crashed) and is removed."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def socket_path(self) -> str:
        return self.server.fullServerName()

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE_BYTES:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            files = json.loads(line.decode("utf-8"))["files"]
        except (ValueError, KeyError, TypeError):
            socket.abort()
            return
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        self.files_received.emit([Path(f) for f in files])
