"""`Register.in_use(path)`: whether the register is open somewhere, asked without opening it (the GUI asks before
the passphrase)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from reviewer.register import Register
from tests.support.pdf_copies import ORIGINAL
from tests.support.register import PASSPHRASE


def test_in_use_follows_the_lock_of_another_process_and_of_this_one(register_path):
    assert not Register.in_use(register_path)  # no file yet
    Register.open(register_path, PASSPHRASE).close()
    assert not Register.in_use(register_path)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from reviewer.register import Register
        r = Register.open({str(register_path)!r}, {PASSPHRASE!r}, create=False)
        print("open", flush=True)
        sys.stdin.readline()
        r.close()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert Register.in_use(register_path)
        assert Register.in_use(register_path)  # asking took nothing: still the other process's
    finally:
        holder.communicate("\n", timeout=30)
    assert not Register.in_use(register_path)
    with Register.open(register_path, PASSPHRASE) as reg:
        assert Register.in_use(register_path)
        assert reg.reports.count() == 0  # asking dropped none of this process's locks: the register still reads
        assert reg.reports.import_file(ORIGINAL).status == "imported"
    assert not Register.in_use(register_path)
