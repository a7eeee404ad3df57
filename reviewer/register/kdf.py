"""Key derivation for the register: the passphrase rule, the scrypt parameters, and where they are recorded.

The parameters live in the register file itself, in clear, inside the 16-byte salt that SQLCipher keeps at the
start of the file (the salt is not secret; it is chosen by us on creation and on `passwd`). A salt of the current
format is `MAGIC (2 bytes) | log2(N) | r | p | 11 random bytes`; the whole 16 bytes are the scrypt salt. A salt
without the magic is a register of the first format: random, scrypt N=2^15, r=8, p=1 (`LEGACY`). So a register
always says how its key was derived, the cost can be raised in a later version without breaking old files, and
`passwd` (re-keying with a new salt) moves a register to `CURRENT`.

CURRENT is OWASP's minimum for scrypt (N=2^17, r=8, p=1: 128 MiB, about 0.45 s on a 2-core laptop).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from reviewer.register.errors import RegisterError

SALT_BYTES = 16
KEY_BYTES = 32
MAGIC = b"\x52\xd1"  # marks a salt that records its KDF parameters
MIN_PASSPHRASE_LENGTH = 10  # the one rule for a new passphrase, in the CLI and the GUI
MAX_MEMORY = 1024 * 1024 * 1024  # a recorded cost above this is not ours: refuse rather than exhaust memory


@dataclass(frozen=True)
class KdfParameters:
    """scrypt's cost parameters; `memory` is what one derivation needs (128 * N * r bytes)."""

    name: str
    n: int
    r: int
    p: int

    @property
    def memory(self) -> int:
        return 128 * self.n * self.r

    def describe(self) -> str:
        return f"{self.name} N=2^{self.n.bit_length() - 1} r={self.r} p={self.p}"


LEGACY = KdfParameters("scrypt", 2**15, 8, 1)
CURRENT = KdfParameters("scrypt", 2**17, 8, 1)


def new_salt(params: KdfParameters = CURRENT) -> bytes:
    """A fresh salt that records `params` (11 random bytes, 88 bits, follow the 5-byte header)."""
    header = MAGIC + bytes([params.n.bit_length() - 1, params.r, params.p])
    return header + secrets.token_bytes(SALT_BYTES - len(header))


def kdf_parameters(salt: bytes) -> KdfParameters:
    """The parameters a register's salt records (LEGACY for a salt of the first format)."""
    if len(salt) != SALT_BYTES or salt[:2] != MAGIC:
        return LEGACY
    log_n, r, p = salt[2], salt[3], salt[4]
    if not (10 <= log_n <= 30 and 1 <= r <= 64 and 1 <= p <= 16):
        return LEGACY  # a random first-format salt that happens to start with the magic
    params = KdfParameters("scrypt", 2**log_n, r, p)
    if params.memory > MAX_MEMORY:
        raise RegisterError("the register asks for a key derivation costing more than 1 GiB of memory; "
                            "it was not written by reviewer")
    return params


def passphrase_problem(passphrase: str) -> str | None:
    """Why a NEW passphrase is not acceptable, or None. (An existing register opens with whatever it has.)"""
    if not passphrase:
        return "the passphrase cannot be empty"
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return f"the passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters"
    return None


def check_new_passphrase(passphrase: str) -> None:
    problem = passphrase_problem(passphrase)
    if problem:
        raise RegisterError(problem)


def scrypt_key(passphrase: str, salt: bytes) -> bytes:
    """The slow step: scrypt(passphrase, salt) with the parameters the salt records -> a 32-byte raw key."""
    if not passphrase:
        raise RegisterError("the register's passphrase cannot be empty")
    params = kdf_parameters(salt)
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=params.n, r=params.r, p=params.p,
                          maxmem=params.memory + 32 * 1024 * 1024, dklen=KEY_BYTES)
