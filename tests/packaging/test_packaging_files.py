"""The packaging's static files, checked without building the bundle (a build takes minutes; `make package`
builds and smoke-tests it): the Linux menu entry and AppStream metadata, the Windows installer script and
version resource, the icons, the spec, and the rules that decide what the bundle leaves out."""

from __future__ import annotations

import ast
import configparser
import re
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path, PureWindowsPath

import pytest

from reviewer import __version__
from reviewer.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)

sys.path.insert(0, str(PACKAGING))
import bundle_rules  # noqa: E402
import smoke_test  # noqa: E402


def spec_text() -> str:
    return (PACKAGING / "reviewer.spec").read_text(encoding="utf-8")


def spec_executable_names() -> list[str]:
    return re.findall(r'EXE\([^)]*name="([^"]+)"', spec_text())


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(PACKAGING / "linux" / "reviewer.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


# --- the spec -------------------------------------------------------------------------------------------------
def test_spec_compiles_as_python():
    compile(spec_text(), str(PACKAGING / "reviewer.spec"), "exec")


def test_spec_builds_the_cli_main_as_executable_named_reviewer():
    assert "reviewer" in spec_executable_names()
    entry = (PACKAGING / "entry.py").read_text(encoding="utf-8")
    assert "from reviewer.cli import main" in entry and "sys.exit(main())" in entry
    assert '"entry.py"' in spec_text()


def test_spec_bundles_resources_and_the_native_libraries():
    spec = spec_text()
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert 'collect_dynamic_libs("pypdfium2_raw")' in spec
    assert '"sqlcipher3"' in spec


def test_spec_bundles_the_ocr_engine_and_its_model_where_the_app_looks():
    from reviewer.extract import ocr_engine

    spec = spec_text()
    assert '"tesserocr"' in spec
    assert '(str(TESSDATA / "eng.traineddata"), "share/tessdata")' in spec
    # the bundle's _internal is sys._MEIPASS: the engine looks there first
    assert ocr_engine.model_dir() is not None and ocr_engine.model_dir().parts[-2:] == ("share", "tessdata")


def test_spec_macos_bundle_declares_pdf_documents_and_high_resolution():
    spec = spec_text()
    for key in ("CFBundleDocumentTypes", "com.adobe.pdf", "NSHighResolutionCapable", "LSMinimumSystemVersion",
                'bundle_identifier=APP_ID', "io.github.reviewer.Reviewer"):
        assert key in spec


def test_every_module_of_the_app_is_collected_even_those_imported_by_name():
    modules = set(bundle_rules.package_modules(ROOT / "reviewer"))
    on_disk = {".".join(p.relative_to(ROOT).with_suffix("").parts) for p in (ROOT / "reviewer").rglob("*.py")}
    assert modules == {name.removesuffix(".__init__") for name in on_disk}
    # the CLI's commands are imported by name, which PyInstaller cannot see: they must be listed
    assert {f"reviewer.cli.{module}" for module in COMMANDS.values()
            if (ROOT / "reviewer" / "cli" / f"{module}.py").exists()} <= modules


# --- what the bundle leaves out -------------------------------------------------------------------------------
@pytest.mark.parametrize("plugin", ["libqoffscreen.so", "libqxcb.so", "libqwayland.so", "qwindows.dll",
                                    "libqcocoa.dylib"])
def test_platform_plugins_the_app_needs_are_kept(plugin):
    assert bundle_rules.keep(f"PySide6/Qt/plugins/platforms/{plugin}")


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqvnc.so",  # links QtNetwork
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt6Network.dll",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/translations/qtbase_de.qm",
])
def test_unused_plugins_libraries_and_translations_are_dropped(dest):
    assert not bundle_rules.keep(dest)


@pytest.mark.parametrize("dest", ["resources/icons/reviewer.svg", "resources/samples/example.pdf",
                                  "sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so",
                                  "pypdfium2_raw/libpdfium.so", "PySide6/Qt/lib/libQt6Widgets.so.6",
                                  "PySide6/Qt/plugins/imageformats/libqjpeg.so"])
def test_the_app_and_its_libraries_are_kept(dest):
    assert bundle_rules.keep(dest)


def test_libraries_only_dropped_plugins_need_are_removed_shared_ones_stay():
    links = {  # source -> libraries it links to
        "gtk3theme": ["libpango.so", "libglib.so"],
        "libpango.so": ["libcairo.so", "libglib.so"],
        "libcairo.so": [],
        "libglib.so": [],
        "libQt6Gui.so": ["libglib.so"],
        "libpdfium.so": [],  # loaded by ctypes: nothing links to it
    }
    kept = [(name, name, "BINARY") for name in ("libpango.so", "libcairo.so", "libglib.so", "libQt6Gui.so",
                                                "libpdfium.so")]
    dropped = [("gtk3theme", "gtk3theme", "BINARY")]
    result = {entry[0] for entry in bundle_rules.without_orphans(kept, dropped, links.__getitem__)}
    assert result == {"libglib.so", "libQt6Gui.so", "libpdfium.so"}


def test_the_build_stops_when_the_app_starts_importing_an_excluded_qt_module():
    assert bundle_rules.unused_qt_imported("from PySide6.QtWidgets import QWidget\n") == []
    assert bundle_rules.unused_qt_imported("from PySide6.QtNetwork import QTcpSocket\n") == ["QtNetwork"]
    assert bundle_rules.unused_qt_imported("from PySide6 import QtCore, QtSql\n") == ["QtSql"]


def test_the_app_source_imports_no_excluded_qt_module():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "reviewer").rglob("*.py"))
    assert bundle_rules.unused_qt_imported(source) == []


def test_pillow_is_left_out_only_while_the_app_does_not_use_it():
    assert "PIL" in bundle_rules.excluded_modules("import pypdfium2\n")
    assert "PIL" not in bundle_rules.excluded_modules("from PIL import Image\n")
    assert "PIL" not in bundle_rules.excluded_modules("image = page.render().to_pil()\n")


# --- Linux ----------------------------------------------------------------------------------------------------
def test_desktop_entry_runs_the_bundled_executable_with_its_icon_for_pdfs():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] in spec_executable_names()
    assert entry["Exec"].split()[1:2] == ["gui"]
    assert entry["TryExec"] == "reviewer"
    assert entry["Icon"] == "reviewer"
    assert (ICONS / f"{entry['Icon']}.svg").is_file()
    assert "application/pdf" in entry["MimeType"].split(";")
    assert entry["Terminal"] == "false"
    for key in ("MimeType", "Categories", "Keywords"):
        assert entry[key].endswith(";")


def test_metainfo_parses_and_names_the_desktop_entry_binary_and_version():
    path = PACKAGING / "linux" / "io.github.reviewer.Reviewer.metainfo.xml"
    component = ET.parse(path).getroot()
    assert component.tag == "component" and component.get("type") == "desktop-application"
    assert component.findtext("id") == path.name.removesuffix(".metainfo.xml")
    assert component.findtext("launchable") == "reviewer.desktop"
    assert component.findtext("provides/binary") == "reviewer"
    assert component.findtext("provides/mediatype") == "application/pdf"
    assert component.find("releases/release").get("version") == __version__
    assert component.findtext("summary") and component.find("description/p") is not None


def test_linux_install_script_installs_every_icon_size_and_the_menu_entry():
    script = (PACKAGING / "linux" / "install.sh").read_text(encoding="utf-8")
    assert f'SIZES="{" ".join(map(str, PNG_SIZES))}"' in script
    assert "reviewer.desktop" in script and "io.github.reviewer.Reviewer.metainfo.xml" in script


# --- Windows --------------------------------------------------------------------------------------------------
def iss_defines() -> dict[str, str]:
    text = (PACKAGING / "windows" / "reviewer.iss").read_text(encoding="utf-8")
    return dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', text))


def test_inno_setup_script_installs_the_dist_folder_at_this_version():
    text = (PACKAGING / "windows" / "reviewer.iss").read_text(encoding="utf-8")
    defines = iss_defines()
    assert defines["AppVersion"] == __version__
    dist = (PACKAGING / "windows" / Path(*PureWindowsPath(defines["DistDir"]).parts)).resolve()
    assert dist == (ROOT / "dist" / "reviewer").resolve()
    assert 'Source: "{#DistDir}\\*"' in text and "recursesubdirs" in text
    assert "OutputBaseFilename=reviewer-{#AppVersion}-setup" in text
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.M).group(1)
    assert (PACKAGING / "windows" / Path(*PureWindowsPath(icon).parts)).resolve() == ICONS / "reviewer.ico"
    # the shortcut starts the windowed executable the spec builds on Windows
    assert defines["AppExeName"].removesuffix(".exe") in spec_executable_names()
    assert defines["CliExeName"].removesuffix(".exe") in spec_executable_names()


def test_windows_version_resource_matches_the_package_version():
    text = (PACKAGING / "windows" / "version_info.txt").read_text(encoding="utf-8")
    tree = ast.parse(text, mode="eval")  # PyInstaller eval()s it on Windows
    calls = {node.func.id: node for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert "VSVersionInfo" in calls and "FixedFileInfo" in calls
    numbers = tuple(int(p) for p in __version__.split(".")) + (0,) * (4 - len(__version__.split(".")))
    fixed = {kw.arg: ast.literal_eval(kw.value) for kw in calls["FixedFileInfo"].keywords if kw.arg.endswith("vers")}
    assert fixed == {"filevers": numbers, "prodvers": numbers}
    strings = dict(re.findall(r"StringStruct\('(\w+)', '((?:[^'\\]|\\.)*)'\)", text))
    assert strings["FileVersion"] == strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "reviewer.exe"


# --- icons ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_exists_at_its_size(size):
    assert png_size(ICONS / f"reviewer-{size}.png") == (size, size)


def test_svg_icon_parses_with_a_square_view_box():
    root = ET.parse(ICONS / "reviewer.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"


def test_windows_ico_holds_the_sizes_from_16_to_256():
    data = (ICONS / "reviewer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}  # 0 means 256 in an ICO directory
    assert {16, 32, 48, 256} <= sizes


def test_macos_icns_is_well_formed_and_holds_a_large_image():
    data = (ICONS / "reviewer.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kind, length = struct.unpack(">4sI", data[offset:offset + 8])
        kinds.add(kind)
        offset += length
    assert offset == len(data)
    assert kinds & {b"ic09", b"ic10"}  # 512 px or 512@2x


# --- the smoke test's own PDF ---------------------------------------------------------------------------------
def test_smoke_tests_fallback_pdf_is_readable_by_pdfium():
    import pypdfium2

    pdf = pypdfium2.PdfDocument(smoke_test.tiny_pdf("Example Corp SOC 2 Type II"))
    try:
        assert len(pdf) == 1
        assert "Example Corp SOC 2 Type II" in pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
