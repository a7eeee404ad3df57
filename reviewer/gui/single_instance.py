"""One app per register: the running app listens on a local (Unix domain) socket, and a second
`reviewer gui FILE...` hands it the files instead of asking for the passphrase again.

As single-instance desktop apps do, the running app listens on a socket named per user and per register file, so
two registers can be open at once, each in its own app. It is a Unix socket served from Qt's event loop through a
QSocketNotifier, not QLocalServer: QtNetwork stays out of the app and its bundle (`packaging/bundle_rules.py`), as
the app has no network code at all. The socket lives in the user's private runtime folder (XDG_RUNTIME_DIR), or
else in a private (0700) folder of the user's in the temporary folder, and is created 0600. A second app sends one
JSON line {"files": [absolute paths]} and waits for "ok"; the running app imports the files (once unlocked) and
comes to the front. Only file paths cross the socket. Where Python has no Unix sockets (Windows), there is no
hand-off: a second app is told the register is in use.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import socket
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Signal

SUPPORTED = hasattr(socket, "AF_UNIX")
REPLY_TIMEOUT_S = 5.0
MAX_MESSAGE_BYTES = 1 << 20  # a million bytes of paths is far more than any drop; more is not a request
ACK = b"ok\n"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container's bare uid)
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def _private_folder() -> Path:
    """XDG_RUNTIME_DIR (the user's own, 0700 by the spec), else `<tmp>/reviewer-<user>` made 0700 and checked."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return Path(runtime)
    folder = Path(tempfile.gettempdir()) / f"reviewer-{hashlib.sha256(_user().encode()).hexdigest()[:12]}"
    folder.mkdir(mode=0o700, exist_ok=True)
    st = os.lstat(folder)
    if not stat.S_ISDIR(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
        raise OSError(f"{folder} is not this user's folder")
    os.chmod(folder, 0o700)
    return folder


def socket_path(register_path: Path) -> Path:
    """The socket for this user and this register file (by its real path: a symlink names the same)."""
    key = f"{_user()}\0{os.path.realpath(register_path)}".encode()
    return _private_folder() / f"reviewer-{hashlib.sha256(key).hexdigest()[:24]}.sock"


def hand_off(register_path: Path, files: list[Path]) -> bool:
    """Give `files` to the app that has this register open; True when it took them (False: no app listens)."""
    if not SUPPORTED:
        return False
    try:
        path = socket_path(register_path)
        if not stat.S_ISSOCK(os.stat(path).st_mode):
            return False
    except OSError:
        return False
    message = json.dumps({"files": [str(Path(f).absolute()) for f in files]}).encode() + b"\n"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(REPLY_TIMEOUT_S)
        try:
            client.connect(str(path))
            client.sendall(message)
            reply = b""
            while ACK not in reply:
                chunk = client.recv(64)
                if not chunk:
                    break
                reply += chunk
        except OSError:  # a socket left by an app that crashed, or an app that does not answer
            return False
    return ACK in reply


class InstanceServer(QObject):
    """Listens for second apps on this register; `files_received(list[Path])` for each hand-off."""

    files_received = Signal(list)

    def __init__(self, register_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.register_path = Path(register_path)
        self.path: Path | None = None
        self._listener: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._clients: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}

    def listen(self) -> bool:
        """Start listening. Called once no app answered on the socket, so a socket file left there is stale (an
        app that crashed) and is replaced."""
        if not SUPPORTED or self._listener is not None:
            return self._listener is not None
        try:
            path = socket_path(self.register_path)
            path.unlink(missing_ok=True)
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            old_mask = os.umask(0o177)  # the socket file is born 0600: no moment where others may connect
            try:
                listener.bind(str(path))
            finally:
                os.umask(old_mask)
            listener.listen(8)
            listener.setblocking(False)
        except OSError:
            return False
        self.path, self._listener = path, listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return True

    def socket_path(self) -> str:
        return str(self.path) if self.path is not None else ""

    def close(self) -> None:
        for fd in list(self._clients):
            self._drop(fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
            if self.path is not None:
                self.path.unlink(missing_ok=True)

    def __del__(self) -> None:
        # a server dropped without close() (its launcher gone) still lets go of its socket and file
        listener, self._listener = getattr(self, "_listener", None), None
        for conn, _notifier, _buffer in getattr(self, "_clients", {}).values():
            conn.close()
        if listener is not None:
            listener.close()
            if self.path is not None:
                self.path.unlink(missing_ok=True)

    def _accept(self) -> None:
        if self._listener is None:
            return
        try:
            conn, _address = self._listener.accept()
        except OSError:  # BlockingIOError: another wake-up took it
            return
        conn.setblocking(False)
        notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        fd = conn.fileno()
        self._clients[fd] = (conn, notifier, bytearray())
        notifier.activated.connect(lambda *_a, fd=fd: self._read(fd))

    def _drop(self, fd: int) -> None:
        conn, notifier, _buffer = self._clients.pop(fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        conn.close()

    def _read(self, fd: int) -> None:
        if fd not in self._clients:
            return
        conn, _notifier, buffer = self._clients[fd]
        try:
            chunk = conn.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        buffer += chunk
        if not chunk or len(buffer) > MAX_MESSAGE_BYTES:
            self._drop(fd)
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        try:
            files = json.loads(line.decode("utf-8"))["files"]
        except (ValueError, KeyError, TypeError):
            files = None
        if isinstance(files, list) and all(isinstance(f, str) for f in files):
            try:
                conn.setblocking(True)
                conn.settimeout(REPLY_TIMEOUT_S)
                conn.sendall(ACK)
            except OSError:
                pass
            self._drop(fd)
            self.files_received.emit([Path(f) for f in files])
        else:
            self._drop(fd)
