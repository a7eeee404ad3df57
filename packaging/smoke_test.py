"""Smoke test of the built app (dist/reviewer): does the bundle work on its own, offline?

Run by `packaging/build.py` after PyInstaller, or alone: `.venv/bin/python packaging/smoke_test.py [DIST_DIR]`.
It copies the bundle to a temporary folder (away from the source tree and the venv) and runs it there with
an empty environment, a PATH whose only `python3`/`python` is a trap that records being called, and a
temporary HOME, so the checks pass only if the bundle carries everything itself. It checks:

1. `reviewer --version` prints the source tree's version;
2. `reviewer extract --json` on a sample report prints one JSON object per file with the schema id
   "soc-extraction/1", the file's sha256 and page count (a tiny PDF made here when resources/samples/ is empty);
   on the scanned sample (image-only pages), OCR in the bundle reads every page and the report's facts;
3. `reviewer import` and `list --json` on a temporary register: the file is encrypted (no SQLite header, no
   listed value in plain text) and a wrong passphrase exits 3; `reviewer demo` imports the bundled samples;
   `reviewer gui` with a temporary register starts offscreen and is still running after a few seconds;
4. the bundle holds the native parts: sqlcipher3's extension, pdfium, the Qt platform plugins; no QtNetwork;
   no bundled library links to a library the spec left out (Linux);
5. under strace (when installed): no AF_INET/AF_INET6 connect or send in extract, import and gui, and no file read from
   the build machine's Python or venv. Without strace this check is skipped with a note.
Exit 0 when every check passes; the failures are listed otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "reviewer"
SCHEMA_ID = "soc-extraction/1"
REQUIRED_KEYS = ("schema", "file", "document_type", "report", "warnings", "evidence")
GUI_SECONDS = 6.0
IS_WINDOWS = sys.platform == "win32"
IS_LINUX = sys.platform.startswith("linux")
EXE_NAME = "reviewer.exe" if IS_WINDOWS else "reviewer"


def source_version() -> str:
    text = (ROOT / "reviewer" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)  # type: ignore[union-attr]


def tiny_pdf(text: str) -> bytes:
    """A valid one-page PDF with one line of text, written by hand (no PDF library needed)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def sample_reports(work: Path) -> list[Path]:
    samples = sorted((ROOT / "resources" / "samples").glob("*.pdf"))
    if samples:  # a copy: the app must not read anything in the source tree (see `offline`)
        copy = work / samples[0].name
        shutil.copyfile(samples[0], copy)
        return [copy]
    made = work / "tiny-report.pdf"
    made.write_bytes(tiny_pdf("Independent Service Auditor's Report - Example Corp SOC 2 Type II"))
    print(f"  (no resources/samples/*.pdf yet: using a one-page PDF made here, {made.name})")
    return [made]


class Smoke:
    """Runs the checks against a copy of the bundle and collects the failures."""

    def __init__(self, bundle: Path, work: Path) -> None:
        self.bundle = bundle
        self.work = work
        self.exe = bundle / EXE_NAME
        self.failures: list[str] = []
        self.strace = None if IS_WINDOWS else shutil.which("strace")
        self.trap_marker = work / "python-was-called"
        self.env = self._clean_environment()

    # --- environment -------------------------------------------------------------------------------------
    def _clean_environment(self) -> dict[str, str]:
        """Like `env -i PATH=...`: nothing from this shell, and a PATH where python is a trap."""
        trap_dir = self.work / "trap-bin"
        trap_dir.mkdir()
        home = self.work / "home"
        home.mkdir()
        runtime = self.work / "runtime"
        runtime.mkdir(mode=0o700)
        if IS_WINDOWS:
            return {"SYSTEMROOT": os.environ.get("SYSTEMROOT", r"C:\Windows"), "PATH": str(trap_dir),
                    "USERPROFILE": str(home), "APPDATA": str(home), "LOCALAPPDATA": str(home),
                    "TEMP": str(self.work), "TMP": str(self.work)}
        for name in ("python3", "python", f"python{sys.version_info[0]}.{sys.version_info[1]}"):
            trap = trap_dir / name
            trap.write_text(f"#!/bin/sh\necho called >> '{self.trap_marker}'\nexit 97\n")
            trap.chmod(0o755)
        return {"PATH": f"{trap_dir}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
                "XDG_RUNTIME_DIR": str(runtime), "XDG_DATA_HOME": str(home / ".local/share"),
                "XDG_CONFIG_HOME": str(home / ".config"), "TMPDIR": str(self.work)}

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"  {'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""))
        if not ok:
            self.failures.append(f"{name}: {detail}" if detail else name)
        return ok

    def command(self, args: list[str], trace: Path | None = None) -> list[str]:
        cmd = [str(self.exe), *args]
        if trace is not None and self.strace:
            cmd = [self.strace, "-f", "-qq", "-o", str(trace),
                   "-e", "trace=connect,sendto,sendmsg,open,openat", *cmd]
        return cmd

    def run(self, args: list[str], trace: Path | None = None, extra_env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.command(args, trace), capture_output=True, text=True, timeout=timeout,
                              cwd=self.work, env={**self.env, **(extra_env or {})})

    # --- the checks ----------------------------------------------------------------------------------------
    def version(self) -> None:
        done = self.run(["--version"])
        expected = f"reviewer {source_version()}"
        self.check("--version", done.returncode == 0 and done.stdout.strip() == expected,
                   f"exit {done.returncode}, printed {done.stdout.strip()!r} {last_line(done.stderr)}")

    def extract(self) -> None:
        reports = sample_reports(self.work)
        done = self.run(["extract", "--json", *map(str, reports)], trace=self.work / "extract.trace")
        if not self.check("extract --json exits 0", done.returncode == 0,
                          f"exit {done.returncode}: {last_line(done.stderr)}"):
            return
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        self.check("extract --json prints one object per file", len(lines) == len(reports),
                   f"{len(lines)} lines for {len(reports)} files")
        for report, line in zip(reports, lines, strict=False):
            try:
                result = json.loads(line)
            except json.JSONDecodeError as err:
                self.check(f"extract --json output of {report.name} is JSON", False, str(err))
                continue
            missing = [key for key in REQUIRED_KEYS if key not in result]
            file_info = result.get("file") or {}
            self.check(f"{report.name}: schema {SCHEMA_ID}", result.get("schema") == SCHEMA_ID,
                       f"schema is {result.get('schema')!r}")
            self.check(f"{report.name}: the schema's required keys", not missing, f"missing {missing}")
            sha = hashlib.sha256(report.read_bytes()).hexdigest()
            self.check(f"{report.name}: file.sha256 and page count", file_info.get("sha256") == sha
                       and isinstance(file_info.get("pages"), int) and file_info["pages"] >= 1,
                       f"file is {file_info!r}")

    def scanned(self) -> None:
        """The bundled OCR engine and model read the scanned sample (no text layer) like its manifest says."""
        folder = ROOT / "resources" / "samples"
        manifest = json.loads((folder / "manifest.json").read_text()) if (folder / "manifest.json").exists() else {}
        entries = manifest.get("scanned") or []
        if not entries:
            print("  (no scanned sample in resources/samples: OCR not checked)")
            return
        entry = entries[0]
        copy = self.work / entry["file"]
        shutil.copyfile(folder / entry["file"], copy)
        done = self.run(["extract", "--json", str(copy)], trace=self.work / "ocr.trace", timeout=300)
        if not self.check("extract --json on a scanned report exits 0", done.returncode == 0,
                          f"exit {done.returncode}: {last_line(done.stderr)}"):
            return
        result = json.loads(done.stdout.splitlines()[0])
        want = entry["truth"]
        pages = result["file"].get("ocr_pages")
        self.check("OCR read every page of the scanned sample", pages == list(range(1, want["file"]["pages"] + 1)),
                   f"ocr_pages {pages}")
        for key in ("service_organization", "service_auditor", "opinion", "as_of", "period_end"):
            self.check(f"scanned sample: {key}", result["report"].get(key) == want["report"].get(key),
                       f"{result['report'].get(key)!r}, want {want['report'].get(key)!r}")

    def register(self) -> None:
        """The encrypted register works in the bundle: import a report, list it, find no plain text on disk."""
        reports = sample_reports(self.work)
        register = self.work / "cli-register" / "register.db"
        register.parent.mkdir()
        env = {"REVIEWER_PASSPHRASE": "smoke-test passphrase"}
        done = self.run(["import", "--register", str(register), str(reports[0])], trace=self.work / "import.trace",
                        extra_env=env)
        if not self.check("import into a new register exits 0", done.returncode == 0,
                          f"exit {done.returncode}: {last_line(done.stderr)} {last_line(done.stdout)}"):
            return
        done = self.run(["list", "--json", "--register", str(register)], extra_env=env)
        try:
            rows = json.loads(done.stdout)
        except json.JSONDecodeError:
            rows = None
        listed = done.returncode == 0 and isinstance(rows, list) and len(rows) == 1
        if not self.check("list --json shows the imported report", listed,
                          f"exit {done.returncode}: {done.stdout[:200]!r} {last_line(done.stderr)}"):
            return
        on_disk = b"".join(p.read_bytes() for p in register.parent.iterdir() if p.name.startswith(register.name))
        self.check("the register file is encrypted (no SQLite header)",
                   not register.read_bytes().startswith(b"SQLite format 3\x00"))
        words = {v for v in rows[0].values() if isinstance(v, str) and len(v) >= 8}
        plain = [w for w in words if w.encode("utf-8") in on_disk]
        self.check("no listed value appears in plain text in the register's files", bool(words) and not plain,
                   f"found {plain}" if plain else "list --json gave no text value to look for")
        wrong = self.run(["list", "--register", str(register)], extra_env={"REVIEWER_PASSPHRASE": "wrong"})
        self.check("a wrong passphrase exits 3 with one line", wrong.returncode == 3
                   and len(wrong.stderr.strip().splitlines()) == 1, f"exit {wrong.returncode}: {wrong.stderr[:200]!r}")

    def demo(self) -> None:
        done = self.run(["demo"])
        bundled = sorted((self.bundle / "_internal" / "resources" / "samples").glob("*.pdf"))
        self.check(f"demo imports the {len(bundled)} bundled samples and exits 0",
                   done.returncode == 0 and bool(bundled) and "Register" in done.stdout,
                   f"exit {done.returncode}: {last_line(done.stderr)}")

    def gui(self) -> None:
        register = self.work / "gui-register" / "register.db"
        register.parent.mkdir()
        env = {**self.env, "QT_QPA_PLATFORM": "offscreen", "REVIEWER_PASSPHRASE": "smoke-test passphrase"}
        process = subprocess.Popen(
            self.command(["gui", "--register", str(register)], trace=self.work / "gui.trace"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=self.work, env=env,
            start_new_session=not IS_WINDOWS,  # one process group: strace and the app end together
        )
        time.sleep(GUI_SECONDS)
        running = process.poll() is None
        if running:
            if IS_WINDOWS:
                process.terminate()
            else:
                os.killpg(process.pid, signal.SIGTERM)
        try:
            _, err = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            if IS_WINDOWS:
                process.kill()
            else:
                os.killpg(process.pid, signal.SIGKILL)
            _, err = process.communicate()
        self.check(f"gui (offscreen) still running after {GUI_SECONDS:.0f} s", running,
                   f"exited {process.returncode}: {last_line(err)}")
        self.check("gui wrote no traceback", "Traceback" not in err, last_line(err))

    def contents(self) -> None:
        internal = self.bundle / "_internal"
        files = [p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file()]
        sqlcipher = [f for f in files if re.match(r"sqlcipher3/_sqlite3\.", f)]
        pdfium = [f for f in files if re.match(r"pypdfium2_raw/(lib)?pdfium\.", f)]
        self.check("sqlcipher3's extension module is bundled", bool(sqlcipher))
        self.check("pdfium is bundled", bool(pdfium))
        self.check("resources/ is bundled", (internal / "resources" / "icons" / "reviewer.svg").is_file())
        platforms = {re.sub(r"^(lib)?q", "", Path(f).name.split(".")[0]) for f in files if "/platforms/" in f}
        wanted = {"offscreen"} | ({"xcb", "wayland"} if IS_LINUX else {"windows"} if IS_WINDOWS else {"cocoa"})
        self.check("Qt platform plugins " + ", ".join(sorted(wanted)), wanted <= platforms,
                   f"found {sorted(platforms)}")
        network = [f for f in files if re.search(r"Qt6?Network|QtNetwork", Path(f).name)]
        self.check("no QtNetwork in the bundle", not network, ", ".join(network))
        if IS_LINUX and shutil.which("ldd"):
            self.check("no bundled library links to one the spec left out", not (dangling := dangling_links(internal)),
                       "; ".join(dangling[:5]))

    def offline(self) -> None:
        self.check("python3 on PATH was never called", not self.trap_marker.exists())
        if not self.strace:
            print("  NOTE strace is not installed: the no-network and no-system-Python checks are skipped "
                  "(install it with 'sudo apt-get install strace' to run them)")
            return
        network, python_files = [], []
        python_dirs = {sysconfig.get_paths()[key] for key in ("stdlib", "platstdlib", "purelib", "platlib")}
        forbidden_roots = {Path(p).resolve().as_posix() for p in (*python_dirs, sys.prefix, ROOT)}
        for trace in (self.work / "extract.trace", self.work / "ocr.trace", self.work / "import.trace",
                      self.work / "gui.trace"):
            if not trace.exists():
                self.check(f"strace log {trace.name} was written", False)
                continue
            lines = trace.read_text(errors="replace").splitlines()
            self.check(f"strace saw the app open its files ({trace.name})",
                       any("_internal" in line and "open" in line for line in lines))
            for line in lines:
                if re.search(r"\b(connect|sendto|sendmsg)\(.*AF_INET6?\b", line):
                    network.append(line.strip())
                match = re.search(r'\bopen(?:at)?\([^"]*"([^"]+)"', line)
                if match and "ENOENT" not in line and any(match.group(1).startswith(r + "/")
                                                          for r in forbidden_roots):
                    python_files.append(match.group(1))
        self.check("no AF_INET/AF_INET6 connection or send (strace)", not network, "; ".join(network[:3]))
        self.check("no file opened from the build machine's Python, venv or source tree (strace)",
                   not python_files, ", ".join(sorted(set(python_files))[:5]))


def dangling_links(internal: Path) -> list[str]:
    """Bundled ELF files whose NEEDED libraries look like our own (Qt, PySide, Python, pdfium) but are missing.

    System libraries the build machine lacks (e.g. libxcb-icccm) are the user's desktop's business; a missing Qt
    or Python library means the spec dropped too much.
    """
    ours = re.compile(r"lib(Qt6|pyside6|shiboken6|python3|pdfium|icu)")
    problems = []
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    for path in internal.rglob("*.so*"):
        if not path.is_file() or path.is_symlink():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            if "not found" in line and ours.search(line):
                problems.append(f"{path.relative_to(internal)} needs {line.split()[0]}")
    return problems


def last_line(text: str) -> str:
    """The line of stderr that says most: the exception's, if there was one, else the last."""
    lines = [line.strip() for line in (text or "").strip().splitlines() if line.strip()]
    errors = [line for line in lines if re.match(r"^[\w.]+(Error|Exception|Exit)\b", line)]
    return (errors or lines or [""])[-1][:300]


def run_smoke_test(dist: Path = DIST) -> int:
    if not (dist / EXE_NAME).is_file():
        print(f"smoke test: no built app at {dist / EXE_NAME}; run 'make package' first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="reviewer-smoke-") as tmp:
        work = Path(tmp)
        bundle = work / "app" / "reviewer"
        shutil.copytree(dist, bundle, symlinks=True)
        smoke = Smoke(bundle, work)
        print(f"smoke test of a copy of {dist} in {bundle.parent}")
        steps: list[Callable[[], None]] = [smoke.version, smoke.extract, smoke.scanned, smoke.register, smoke.demo,
                                           smoke.gui, smoke.contents, smoke.offline]
        for step in steps:
            try:
                step()
            except (OSError, subprocess.SubprocessError) as err:
                smoke.check(step.__name__, False, f"{type(err).__name__}: {err}")
    if smoke.failures:
        print(f"smoke test FAILED ({len(smoke.failures)}):\n  " + "\n  ".join(smoke.failures))
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(run_smoke_test(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DIST))
