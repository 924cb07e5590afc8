"""Interactive coping tools that go with the library's technique articles, and how to open one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...core.journal import JournalRepository
from .base import CopingTool
from .breathing import BOX, FOUR_SEVEN_EIGHT, BreathingPacer
from .dialog import ToolDialog
from .distress import DistressDialog, DistressPrompt, HelpfulnessPrompt
from .grounding import GroundingTool
from .pmr import RelaxationGuide
from .thought_record import ThoughtRecordTool

GROUNDING = GroundingTool.technique
THOUGHT_RECORD = ThoughtRecordTool.technique
PMR = RelaxationGuide.technique

# Library article ids that have a tool (the library page can show "Try it now" for these).
TOOL_IDS: frozenset[str] = frozenset({BOX, FOUR_SEVEN_EIGHT, GROUNDING, THOUGHT_RECORD, PMR})


def create_tool(technique_id: str, repo: JournalRepository | None = None) -> CopingTool | None:
    """A fresh tool widget for a library technique id, or None when there is no tool for it."""
    if technique_id in (BOX, FOUR_SEVEN_EIGHT):
        return BreathingPacer(technique_id)
    if technique_id == GROUNDING:
        return GroundingTool()
    if technique_id == THOUGHT_RECORD:
        return ThoughtRecordTool(repo)
    if technique_id == PMR:
        return RelaxationGuide()
    return None


def open_tool(
    technique_id: str,
    repo: JournalRepository | None,
    parent: QWidget | None = None,
    ask_distress: bool = True,
) -> ToolDialog | None:
    """Show the tool for `technique_id` in a non-modal ToolDialog; None when the id has no tool.

    With `repo` None (journal locked) the tool works but offers no logging. The caller keeps the
    dialog and must call `close_for_lock()` on it when the journal locks.
    """
    tool = create_tool(technique_id, repo)
    if tool is None:
        return None
    dialog = ToolDialog(tool, repo, parent, ask_distress=ask_distress)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


__all__ = [
    "TOOL_IDS",
    "BreathingPacer",
    "CopingTool",
    "DistressDialog",
    "DistressPrompt",
    "GroundingTool",
    "HelpfulnessPrompt",
    "RelaxationGuide",
    "ThoughtRecordTool",
    "ToolDialog",
    "create_tool",
    "open_tool",
]
