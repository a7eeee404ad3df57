"""Why the register could not do what was asked: errors whose `str()` is one line a user can act on."""


class RegisterError(Exception):
    """The register could not be opened or changed; nothing was changed."""


class WrongPassphrase(RegisterError):
    """The passphrase does not open this register (SQLCipher reads it as "file is not a database")."""


class RegisterInUse(RegisterError):
    """Another process holds the register's lock file."""


class RegisterFull(RegisterError):
    """A write failed because the disk (or the register's size limit) is full; the transaction was rolled back."""
