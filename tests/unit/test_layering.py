"""The import arrows of docs/ARCHITECTURE.md, checked on the source with ``ast``.

Why our own walk rather than import-linter: the rules are few, and walking every ``import`` node (inside
functions, ``if TYPE_CHECKING:`` blocks and try/except included) catches the lazy imports this code base
uses everywhere, which a run-time import check would miss.

Rules (a module path prefix → what it must not import):
- kiosk/core: kiosk.ui, kiosk.devices, kiosk.integrations, kiosk.app; Qt (PySide6), pyscard (smartcard),
  reportlab;
- kiosk/models: kiosk.core (nor ui, devices, integrations, app);
- kiosk/devices: kiosk.core, kiosk.models (nor ui, integrations, app);
- kiosk/form_content.py (the form content both core and devices use): any other kiosk module but config;
- kiosk/cli: kiosk.ui, except in the launcher commands that open a window.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from pathlib import Path

import kiosk

PACKAGE_ROOT = Path(kiosk.__file__).resolve().parent

# the commands whose job is to open a window (so they must import kiosk.ui): checked by the test below
CLI_LAUNCHERS = frozenset({"run_cmd", "console_cmd", "supervisor_cmd", "hall_cmd", "demo_cmd"})

APP_LAYERS = ("kiosk.ui", "kiosk.devices", "kiosk.integrations", "kiosk.app")
RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kiosk.core", (*APP_LAYERS, "PySide6", "shiboken6", "smartcard", "reportlab")),
    ("kiosk.models", ("kiosk.core", *APP_LAYERS)),
    ("kiosk.devices", ("kiosk.core", "kiosk.models", "kiosk.ui", "kiosk.integrations", "kiosk.app")),
    ("kiosk.form_content", ("kiosk.core", "kiosk.models", *APP_LAYERS)),
)


@dataclass(frozen=True)
class Violation:
    module: str
    line: int
    imported: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.imported}"


def module_name(root: Path, path: Path) -> str:
    """``kiosk.core.queue`` for ``<root>/core/queue.py`` (root is the ``kiosk`` package folder)."""
    rel = path.relative_to(root).with_suffix("")
    parts = [root.name, *rel.parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Every module named by an import statement anywhere in ``tree`` (relative imports resolved); for
    ``from a import b`` both ``a`` and ``a.b`` are given, since ``b`` may be a sub-module."""
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = module.split(".")
                drop = node.level - 1 if is_package else node.level
                base_parts = base_parts[: len(base_parts) - drop] if drop else base_parts
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            out.append((node.lineno, base))
            out.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names if alias.name != "*")
    return out


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def check_tree(root: Path, launchers: frozenset[str] = CLI_LAUNCHERS) -> list[Violation]:
    """All violations of the rules in the package folder ``root`` (named ``kiosk``)."""
    found: set[Violation] = set()
    for path in sorted(root.rglob("*.py")):
        module = module_name(root, path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        banned: list[str] = []
        for prefix, forbidden in RULES:
            if _matches(module, prefix):
                banned.extend(forbidden)
        if _matches(module, "kiosk.cli") and module.rsplit(".", 1)[-1] not in launchers:
            banned.append("kiosk.ui")
        if not banned:
            continue
        for line, name in imported_names(tree, module, path.name == "__init__.py"):
            for bad in banned:
                if _matches(name, bad):
                    found.add(Violation(module, line, bad))
    return sorted(found, key=lambda v: (v.module, v.line, v.imported))


def test_the_package_keeps_its_layers() -> None:
    violations = check_tree(PACKAGE_ROOT)
    assert not violations, "layering violations:\n" + "\n".join(map(str, violations))


def test_launchers_are_commands_that_open_a_window() -> None:
    """Every exempted launcher exists and really starts a UI (else it would be a hole in the rule)."""
    cli = PACKAGE_ROOT / "cli"
    for name in CLI_LAUNCHERS:
        path = cli / f"{name}.py"
        assert path.exists(), f"launcher {name} is gone: drop it from CLI_LAUNCHERS"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [n for _, n in imported_names(tree, f"kiosk.cli.{name}", False)]
        assert any(_matches(n, "kiosk.ui") for n in names), f"{name} does not open a window: not a launcher"


def _plant(root: Path, rel: str, source: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    for parent in path.relative_to(root).parents:  # every folder a package
        init = root / parent / "__init__.py"
        if not init.exists():
            init.write_text("", encoding="utf-8")
    path.write_text(textwrap.dedent(source), encoding="utf-8")


def test_the_checker_catches_planted_violations(tmp_path: Path) -> None:
    root = tmp_path / "kiosk"
    root.mkdir()
    _plant(root, "core/clean.py", """
        from __future__ import annotations
        from kiosk.core import calendar
        from kiosk.models.tables import Dossier
        import sqlalchemy
    """)
    _plant(root, "core/lazy.py", """
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from kiosk.app import App
        def build():
            from kiosk.integrations.sms import make_sms_sender
            import kiosk.devices.printing.service
            return make_sms_sender
        try:
            from PySide6.QtCore import QObject
        except ImportError:
            pass
    """)
    _plant(root, "core/relative.py", "from ..ui import services\nfrom . import calendar\n")
    _plant(root, "core/renderer.py", "import reportlab.pdfgen\nfrom smartcard.System import readers\n")
    _plant(root, "models/tables.py", "from kiosk.core.clock import Clock\n")
    _plant(root, "devices/printing/render.py", "from kiosk.core.documents import ReceiptData\n"
                                               "from ...models import tables\n")
    _plant(root, "devices/card/reader.py", "import smartcard\nfrom kiosk.config import Settings\n")
    _plant(root, "cli/report_cmd.py", "def run():\n    from kiosk.ui.supervisor.window import main\n")
    _plant(root, "cli/run_cmd.py", "from kiosk.ui.application import main\n")
    _plant(root, "ui/services.py", "from kiosk.devices.printing.backends import make_printer\n")

    got = {(v.module, v.imported) for v in check_tree(root)}
    assert got == {
        ("kiosk.core.lazy", "kiosk.app"),
        ("kiosk.core.lazy", "kiosk.integrations"),
        ("kiosk.core.lazy", "kiosk.devices"),
        ("kiosk.core.lazy", "PySide6"),
        ("kiosk.core.relative", "kiosk.ui"),
        ("kiosk.core.renderer", "reportlab"),
        ("kiosk.core.renderer", "smartcard"),
        ("kiosk.models.tables", "kiosk.core"),
        ("kiosk.devices.printing.render", "kiosk.core"),
        ("kiosk.devices.printing.render", "kiosk.models"),
        ("kiosk.cli.report_cmd", "kiosk.ui"),
    }
    # and each planted file's line number points at the import
    lazy = [v for v in check_tree(root) if v.module == "kiosk.core.lazy"]
    assert sorted(v.line for v in lazy) == [4, 6, 7, 10]


def test_app_builds_each_service_once_with_a_real_type() -> None:
    """Every service of the composition root is a cached property typed with its class (never ``Any``), and
    no core module offers a ``from_app`` builder of its own."""
    from functools import cached_property

    from kiosk.app import App

    services = {name: attr for name, attr in vars(App).items() if isinstance(attr, cached_property)}
    assert {"dossiers", "actions", "accounts", "staff", "reports", "queue", "print_jobs", "effects", "submissions",
            "printer", "sms", "payments"} <= set(services)
    untyped = [name for name, attr in services.items()
               if attr.func.__annotations__.get("return", "Any") in ("Any", "typing.Any", "object")]
    assert not untyped, untyped
    core = PACKAGE_ROOT / "core"
    builders = [p.name for p in core.rglob("*.py") if "def from_app" in p.read_text(encoding="utf-8")]
    assert not builders, builders


def test_services_are_shared_not_rebuilt(app) -> None:  # type: ignore[no-untyped-def]
    """The effects, the print jobs and the kiosk submission share the App's single instances."""
    assert app.effects.print_jobs is app.print_jobs and app.print_jobs.printer is app.printer
    assert app.effects.contact is app.contact and app.contact.sms is app.sms and app.accounts.sms is app.sms
    assert app.contact.email is app.email
    assert app.submissions.dossiers is app.dossiers and app.submissions.payments is app.payments
    assert app.submissions.effects is app.effects
