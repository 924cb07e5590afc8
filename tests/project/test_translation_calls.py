"""No hidden translation wrappers: pyside6-lupdate finds a message only where `translate("Context",
"literal")` or `self.tr("literal")` is written out. A helper such as `def _tr(text): return
QCoreApplication.translate("Ctx", text)` hides every string passed to it, and those screens silently
stay in English (it happened to the emotion chips and the editor's draft line). The few wrappers that
exist on purpose take their strings from QT_TRANSLATE_NOOP tables or plural-aware calls lupdate reads."""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

# (module, function): wrappers whose messages lupdate finds another way.
ALLOWED = {
    ("peerapp/gui/shell/language.py", "_qt_translate"),  # core's translate() hook: strings are NOOP-marked
    ("peerapp/gui/shell/translations.py", "_translate"),  # the CLI's hook, the same
    ("peerapp/cli/common.py", "tr"),  # CLI messages are QT_TRANSLATE_NOOP-marked in cli/catalog
    ("peerapp/core/insight_summaries.py", "tr"),  # InsightSummary.tr(...): lupdate reads it as context.tr
    ("peerapp/gui/widgets/locale_format.py", "translate"),  # QTranslator.translate override
    ("peerapp/gui/transfer/parts.py", "file_filters"),  # filters are NOOP-marked in core.transfer
}


def wrappers(path: Path) -> list[str]:
    """Functions that pass one of their own parameters as the text of a translate() call."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        params = {a.arg for a in node.args.args + node.args.kwonlyargs}
        for call in ast.walk(node):
            if not isinstance(call, ast.Call) or len(call.args) < 2:
                continue
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            text = call.args[1]
            if name == "translate" and isinstance(text, ast.Name) and text.id in params:
                found.append(node.name)
    return found


def test_no_module_hides_its_strings_from_lupdate() -> None:
    hidden = [
        f"{path.relative_to(ROOT)}: {name}()"
        for path in sorted((ROOT / "peerapp").rglob("*.py"))
        for name in wrappers(path)
        if (str(path.relative_to(ROOT)), name) not in ALLOWED
    ]
    assert hidden == [], 'write translate("Context", "text") at each call instead of a wrapper'


def lowercase_tr_calls(path: Path) -> list[str]:
    """`dialog.tr("...")` on a variable: lupdate files the message under the context "dialog" (the
    variable's name), while Qt looks it up under the object's class, so the translation is never found."""
    found = []
    for call in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (
            not isinstance(call, ast.Call)
            or not isinstance(call.func, ast.Attribute)
            or call.func.attr != "tr"
        ):
            continue
        owner = call.func.value
        if isinstance(owner, ast.Name) and owner.id != "self" and owner.id[:1].islower():
            found.append(f"{owner.id}.tr (line {call.lineno})")
    return found


def test_no_tr_call_is_filed_under_a_variables_name() -> None:
    misfiled = [
        f"{path.relative_to(ROOT)}: {call}"
        for path in sorted((ROOT / "peerapp").rglob("*.py"))
        for call in lowercase_tr_calls(path)
    ]
    assert misfiled == [], 'write QCoreApplication.translate("Class", "text") or self.tr("text") instead'
