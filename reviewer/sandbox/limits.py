"""The limits a child reading an untrusted PDF works under, and how a child applies them to itself."""

from __future__ import annotations

import os
import sys
from dataclasses import asdict, dataclass

MIB = 1024 * 1024
ENV_LIMITS = "REVIEWER_EXTRACT_LIMITS"  # "seconds=5,memory_mib=512,...": for tests and unusual reports


@dataclass(frozen=True)
class ExtractionLimits:
    """Per file: its size, its pages, the child's address space, and its time (wall and CPU), which grows with the
    page count and the pages read by OCR: `seconds + seconds_per_page * pages + seconds_per_scanned_page *
    scanned`. OCR took about a second of processor time a page (the scanned sample, read at 300 dpi, two pages at
    a time) and two seconds of wall time on a loaded 2-core machine, so a scanned page gets 10 s on top, wall and
    CPU: room for a slow machine, still a bound. The address space fits Tesseract: the child reading that scan
    peaked at 440 MiB of it (VmPeak; 250 MiB resident), far inside `memory_mib`, and read it under a 400 MiB cap."""

    max_file_mib: int = 256
    max_pages: int = 5_000
    memory_mib: int = 2_048
    seconds: float = 60.0
    seconds_per_page: float = 1.0
    seconds_per_scanned_page: float = 10.0

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mib * MIB

    def budget(self, pages: int | None, scanned: int = 0) -> float:
        return self.seconds + self.seconds_per_page * (pages or 0) + self.seconds_per_scanned_page * scanned

    def to_json(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> ExtractionLimits:
        """The defaults, with any `name=value` pairs of REVIEWER_EXTRACT_LIMITS applied (bad pairs are ignored)."""
        text = (os.environ if environ is None else environ).get(ENV_LIMITS, "")
        values: dict[str, float] = {}
        for pair in text.split(","):
            name, _, value = pair.partition("=")
            if name.strip() in cls.__dataclass_fields__:
                try:
                    values[name.strip()] = float(value)
                except ValueError:
                    continue
        default = cls()
        return cls(**{k: type(getattr(default, k))(v) for k, v in values.items() if v > 0})


def limit_self(memory_mib: int) -> None:
    """In a child, once its imports are done: cap the address space, forbid file writes and core dumps."""
    if sys.platform == "win32":  # pragma: no cover - no setrlimit on Windows
        return
    import resource

    def lower(which: int, value: int) -> None:
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, hard))

    lower(resource.RLIMIT_AS, memory_mib * MIB)
    lower(resource.RLIMIT_CORE, 0)  # a core dump would hold a decrypted PDF
    lower(resource.RLIMIT_FSIZE, 0)  # the child writes nothing to disk: any write fails


def cpu_used() -> float:
    """The processor time this process has used so far, in seconds (0 on Windows, which has no limit to set)."""
    if sys.platform == "win32":  # pragma: no cover
        return 0.0
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_budget(seconds: float, since: float | None = None) -> None:
    """The processor time the child may use from now on (or from `since`, a `cpu_used()` reading) before the
    kernel stops it (SIGXCPU)."""
    if sys.platform == "win32":  # pragma: no cover
        return
    import math
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    wanted = math.ceil((cpu_used() if since is None else since) + seconds)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (wanted, hard))
