"""Starting a sandbox child and talking to it: a clean environment, and framed messages over its stdin/stdout.

The child is a fresh interpreter (`python -B -c ...`, or the frozen app with `CHILD_FLAG`), so it inherits no
memory from the parent: no key, no passphrase, no register. Its environment is rebuilt from a short allow-list
(locale and the interpreter's own paths), so REVIEWER_PASSPHRASE and the like never reach it, not even in
/proc/<pid>/environ. Messages are `multiprocessing.connection` frames: JSON from the parent (with raw bytes frames
for a PDF) and JSON (or raw pixel frames) from the child, so a child taken over by a hostile PDF cannot make the
parent unpickle anything. The pipes are OS pipes, not sockets (tests forbid sockets).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from multiprocessing.connection import Connection
from typing import Any

CHILD_FLAG = "--reviewer-sandbox-child"  # the frozen app's argv[1] that runs a child (see packaging/entry.py)
ENV_ALLOWED = ("PATH", "PYTHONPATH", "PYTHONHOME", "LANG", "LC_ALL", "LC_CTYPE", "SYSTEMROOT", "WINDIR")
CHILDREN = {"extract": "reviewer.sandbox.extract_child", "render": "reviewer.sandbox.render_child"}


def clean_environment(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The child's whole environment: the allow-listed variables, nothing else."""
    source = os.environ if environ is None else environ
    env = {k: v for k, v in source.items() if k in ENV_ALLOWED}
    if sys.platform != "win32":
        env.setdefault("LC_ALL", "C.UTF-8")
    return env


def child_command(kind: str, *args: str) -> list[str]:
    module = CHILDREN[kind]
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_FLAG, kind, *args]
    return [sys.executable, "-B", "-c", f"import {module} as m; m.main()", *args]


def run_frozen_child(argv: list[str]) -> bool:
    """For the frozen app's entry point: run the child named in `argv` if it is a child's command line."""
    if len(argv) < 3 or argv[1] != CHILD_FLAG or argv[2] not in CHILDREN:
        return False
    import importlib

    sys.argv = [argv[0], *argv[3:]]
    importlib.import_module(CHILDREN[argv[2]]).main()
    return True


def _connection(fd: int, *, readable: bool) -> Any:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt
        from multiprocessing.connection import PipeConnection  # type: ignore[attr-defined]

        return PipeConnection(msvcrt.get_osfhandle(fd), readable=readable, writable=not readable)
    return Connection(fd, readable=readable, writable=not readable)


class Child:
    """One running child: `send(header, data)`, `poll(timeout)`, `receive()`, `raw()`, and ending it."""

    def __init__(self, kind: str, *args: str) -> None:
        self.process = subprocess.Popen(
            child_command(kind, *args), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=clean_environment(), close_fds=True,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._requests = _connection(os.dup(self.process.stdin.fileno()), readable=False)
        self._replies = _connection(os.dup(self.process.stdout.fileno()), readable=True)
        self.process.stdin.close()
        self.process.stdout.close()

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, header: dict[str, Any], data: bytes | None = None) -> None:
        """Raises OSError when the child is gone."""
        self._requests.send_bytes(json.dumps(header).encode("utf-8"))
        if data is not None:
            self._requests.send_bytes(data)

    def poll(self, timeout: float) -> bool:
        return bool(self._replies.poll(timeout))

    def receive(self, max_bytes: int) -> dict[str, Any]:
        """The next JSON message. Raises EOFError/OSError (the child is gone) or ValueError (not our message)."""
        message = json.loads(self._replies.recv_bytes(max_bytes))
        if not isinstance(message, dict):
            raise ValueError("not a message")
        return message

    def raw(self, max_bytes: int) -> bytes:
        return self._replies.recv_bytes(max_bytes)

    def exit_code(self, wait: float = 1.0) -> int | None:
        try:
            return self.process.wait(wait)
        except subprocess.TimeoutExpired:
            return None

    def end(self, *, grace: float = 2.0) -> None:
        """Close the pipes (a healthy child exits on end-of-file), then terminate or kill what is left; reap it."""
        for conn in (self._requests, self._replies):
            try:
                conn.close()
            except OSError:
                pass
        if self.process.poll() is None:
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.end(grace=0)


def child_streams() -> tuple[Any, Any]:
    """In the child: its request and reply connections; fds 0 and 1 then point at the null device, so a library
    that prints cannot corrupt a frame."""
    requests, replies = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    return _connection(requests, readable=True), _connection(replies, readable=False)
