"""The coping tools driven through real widgets: pacer, grounding, thought record, PMR, the hosting dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from peerapp.core.coping_log import ThoughtRecord, emotion_key, log_tool_use, save_thought_record
from peerapp.core.errors import InvalidInput
from peerapp.core.journal import CopingUse, JournalRepository
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from peerapp.gui.shell import main_window
from peerapp.gui.shell.language import LanguageManager
from peerapp.gui.tools import (
    TOOL_IDS,
    BreathingPacer,
    GroundingTool,
    RelaxationGuide,
    ThoughtRecordTool,
    ToolDialog,
    create_tool,
    open_tool,
)
from peerapp.gui.tools.breathing import HOLD_IN, HOLD_OUT, IN, OUT
from peerapp.gui.tools.dialog import AFTER, BEFORE, TOOL
from peerapp.gui.tools.pmr import RELEASE, TENSE
from support.gui import answer_next_box

ARABIC_SITUATION = "على العشاء سألني ابن عمي لماذا لم أتزوج بعد"


@pytest.fixture(autouse=True)
def no_double_escape_quick_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Main windows left by other test modules keep their app-wide double-Esc filter; these tests press
    Esc in quick succession on purpose, which must not count as a quick exit here."""
    monkeypatch.setattr(main_window, "DOUBLE_ESC_SECONDS", -1.0)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Arabic included, as key events (QTest.keyClicks only handles ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def fresh_repo(vault: Vault) -> JournalRepository:
    """A second connection, so what a test reads back really came from the vault."""
    return JournalRepository(vault.connect())


@pytest.fixture
def pacer(qtbot) -> BreathingPacer:  # type: ignore[no-untyped-def]
    widget = BreathingPacer("box-breathing")
    widget.auto_tick = False  # the test is the clock
    qtbot.addWidget(widget)
    return widget


def phases_through(pacer: BreathingPacer, total_ms: int, step_ms: int = 250) -> list[int]:
    seen: list[int] = []
    pacer.phase_changed.connect(seen.append)
    for _ in range(total_ms // step_ms):
        pacer.advance(step_ms)
    pacer.phase_changed.disconnect(seen.append)
    return seen


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from `widget`: the next widget in the focus chain that takes Tab focus."""
    current = widget.nextInFocusChain()
    while not (current.focusPolicy() & Qt.FocusPolicy.TabFocus) or not current.isEnabled():
        current = current.nextInFocusChain()
    return current


# -- breathing pacer -------------------------------------------------------------------


def test_box_breathing_cycles_in_hold_out_hold(pacer: BreathingPacer) -> None:
    assert pacer.lengths() == (4, 4, 4, 4)
    assert pacer.technique == "box-breathing"
    pacer.advance(5000)  # not started: nothing moves
    assert pacer.state.elapsed_ms == 0
    pacer.start()
    assert pacer.phase_label.text() == "Breathe in"
    assert pacer.counter_label.text() == "1"
    pacer.advance(3999)
    assert pacer.state.phase == IN and pacer.counter_label.text() == "4"
    pacer.advance(1)
    assert pacer.state.phase == HOLD_IN and pacer.phase_label.text() == "Hold"
    pacer.advance(4000)
    assert pacer.state.phase == OUT and pacer.phase_label.text() == "Breathe out"
    pacer.advance(4000)
    assert pacer.state.phase == HOLD_OUT and pacer.phase_label.text() == "Hold"
    assert pacer.state.breaths == 0
    pacer.advance(4000)
    assert pacer.state.phase == IN and pacer.state.breaths == 1
    assert "1 breath" in pacer.status_label.text()
    # two more whole cycles in small steps: the phases come in order, four per breath
    assert phases_through(pacer, 32_000) == [HOLD_IN, OUT, HOLD_OUT, IN] * 2
    assert pacer.state.breaths == 3
    # the circle grows on the in-breath and is largest on the hold
    pacer.advance(1000)
    small = pacer.circle.size_fraction()
    pacer.advance(2000)
    assert pacer.circle.size_fraction() > small
    pacer.advance(1000)
    assert pacer.circle.size_fraction() == pytest.approx(1.0)
    pacer.grab()  # paints without errors


def test_four_seven_eight_has_no_second_hold(qtbot) -> None:  # type: ignore[no-untyped-def]
    pacer = BreathingPacer("breathing-4-7-8")
    pacer.auto_tick = False
    qtbot.addWidget(pacer)
    assert pacer.lengths() == (4, 7, 8, 0)
    assert pacer.title() == "4-7-8 breathing"
    pacer.start()
    assert phases_through(pacer, 19_000) == [HOLD_IN, OUT, IN]
    assert pacer.state.breaths == 1
    pacer.advance(4000)
    assert pacer.state.phase == HOLD_IN
    pacer.advance(6999)
    assert pacer.state.phase == HOLD_IN and pacer.counter_label.text() == "7"
    pacer.advance(1)
    assert pacer.state.phase == OUT


def test_custom_lengths_and_switching_presets(pacer: BreathingPacer) -> None:
    pacer.spins[IN].setValue(3)
    pacer.spins[HOLD_IN].setValue(0)
    pacer.spins[OUT].setValue(5)
    pacer.spins[HOLD_OUT].setValue(2)
    assert pacer.pattern.currentData() == "custom"
    assert pacer.spins[HOLD_IN].text() == "No hold"
    assert pacer.technique == "box-breathing"  # custom lengths keep the technique they came from
    pacer.start()
    seen: list[int] = []
    pacer.phase_changed.connect(seen.append)
    pacer.advance(3000)
    assert pacer.state.phase == OUT
    pacer.advance(5000)
    assert pacer.state.phase == HOLD_OUT
    pacer.advance(2000)
    assert pacer.state.phase == IN and pacer.state.breaths == 1
    assert seen == [OUT, HOLD_OUT, IN]
    # one 10-second jump is exactly one more cycle
    pacer.advance(10_000)
    assert pacer.state.phase == IN and pacer.state.breaths == 2
    # choosing a preset sets its lengths and the technique that will be logged
    pacer.set_preset("breathing-4-7-8")
    assert pacer.lengths() == (4, 7, 8, 0)
    assert pacer.technique == "breathing-4-7-8"
    # and typing the box lengths back selects that preset again
    pacer.set_lengths((4, 4, 4, 4))
    assert pacer.pattern.currentData() == "box-breathing"
    assert pacer.technique == "box-breathing"


def test_session_ends_after_the_breath_in_progress(pacer: BreathingPacer) -> None:
    pacer.session.setValue(1)
    assert pacer.session.text().startswith("1 min")  # "1 minute" once the English plurals are installed
    done: list[bool] = []
    pacer.completed.connect(lambda: done.append(True))
    pacer.start()
    assert "1:00 left" in pacer.status_label.text()
    pacer.advance(30_000)
    assert "0:30 left" in pacer.status_label.text()
    # a minute is up at 60 s, in the middle of the fourth 16-second breath: that breath is finished
    pacer.advance(30_000)
    assert pacer.running and not done
    pacer.advance(3999)
    assert pacer.running and not done
    pacer.advance(1)
    assert done == [True]
    assert not pacer.running and pacer.state.finished
    assert pacer.state.breaths == 4
    assert pacer.phase_label.text() == "Well done. Notice how you feel."
    assert pacer.start_button.text() == "&Start"
    # starting again begins a new session; one big jump ends at the same place
    pacer.start()
    assert pacer.state.breaths == 0 and pacer.running
    pacer.advance(10 * 60_000)
    assert pacer.state.finished and pacer.state.elapsed_ms == 64_000
    assert pacer.session.minimum() == 0 and pacer.session.specialValueText() == "Until I stop"


def test_pacer_starts_and_stops_from_the_keyboard(pacer: BreathingPacer, qtbot) -> None:  # type: ignore[no-untyped-def]
    pacer.auto_tick = True
    pacer.show()
    assert pacer.focusProxy() is pacer.start_button
    qtbot.keyClick(pacer.start_button, Qt.Key.Key_Space)
    assert pacer.running and pacer.timer.isActive()
    assert pacer.start_button.text() == "&Stop"
    qtbot.keyClick(pacer.circle, Qt.Key.Key_Return)
    assert not pacer.running and not pacer.timer.isActive()
    qtbot.keyClick(pacer.circle, Qt.Key.Key_Space)
    assert pacer.running
    qtbot.keyClick(pacer.circle, Qt.Key.Key_Enter)
    assert not pacer.running
    # the guide, the button and the settings are all reachable and named
    assert pacer.circle.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert pacer.circle.accessibleName() == "Breathing guide"
    assert next_tab_stop(pacer.start_button) is pacer.circle
    assert next_tab_stop(pacer.circle) is pacer.pattern
    for spin in pacer.spins:
        assert spin.isEnabled()


# -- grounding -------------------------------------------------------------------------


def test_grounding_steps_through_fifteen_things_and_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    tool = GroundingTool()
    qtbot.addWidget(tool)
    tool.show()
    done: list[bool] = []
    tool.completed.connect(lambda: done.append(True))
    assert tool.heading.text() == "Five things you can see"
    assert tool.step_label.text() == "Step 1 of 5"
    assert not tool.back_button.isEnabled()
    headings = []
    for step, count in enumerate((5, 4, 3, 2, 1)):
        assert tool.step == step
        headings.append(tool.heading.text())
        fields = tool.fields[step]
        assert len(fields) == count
        for number, field in enumerate(fields, 1):
            assert field.accessibleName().endswith(f"{number} of {count}")
            qtbot.keyClicks(field, f"thing {step}.{number}")
            qtbot.keyClick(field, Qt.Key.Key_Return)  # next field, and after the last one the next step
    assert headings == [
        "Five things you can see",
        "Four things you can feel",
        "Three things you can hear",
        "Two things you can smell",
        "One thing you can taste",
    ]
    assert tool.noticed() == 15 and tool.progress.value() == 15
    assert tool.step == 5 and done == [True]
    assert not tool.next_button.isVisible()
    assert tool.closing.text().startswith("Finish with another slow breath")
    # and all the way back, with what was typed still there
    for step in (4, 3, 2, 1, 0):
        qtbot.mouseClick(tool.back_button, Qt.MouseButton.LeftButton)
        assert tool.step == step
        assert tool.fields[step][0].text() == f"thing {step}.1"
    assert not tool.back_button.isEnabled()
    assert tool.next_button.text() == "&Next"
    for _ in range(4):
        tool.next_button.click()
    assert tool.next_button.text() == "&Finish"
    # going round again forgets everything (nothing is ever saved)
    tool.next()
    tool.restart_button.click()
    assert tool.step == 0 and tool.noticed() == 0


# -- thought record --------------------------------------------------------------------


def fill_thought_record(tool: ThoughtRecordTool) -> None:
    type_text(tool.texts["situation"], ARABIC_SITUATION)
    first = tool.emotion_rows[0]
    first.name.setCurrentIndex(first.name.findData("afraid"))
    first.intensity.slider.setValue(80)
    second = tool.add_emotion()
    type_text(second.name.lineEdit(), "worried about family")
    second.intensity.spin.setValue(60)
    type_text(tool.texts["automatic_thought"], "They suspect. Everyone can see it.")
    type_text(tool.texts["evidence_for"], "My aunt changed the subject.")
    type_text(tool.texts["evidence_against"], "He asks everyone this.")
    type_text(tool.texts["balanced_thought"], "This question is common in my family.")
    tool.rerate_input(first).spin.setValue(45)


def test_thought_record_saves_an_entry_with_every_field(qtbot, repo: JournalRepository, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    tool = ThoughtRecordTool(repo)
    qtbot.addWidget(tool)
    assert not tool.save_button.isEnabled()  # nothing written yet
    fill_thought_record(tool)
    first, second = tool.emotion_rows
    assert first.emotion() == "afraid" and first.intensity.value() == 80
    assert second.emotion() == "worried about family"
    assert tool.rerate_input(second).value() is None  # not re-rated, so left out
    assert tool.has_unsaved_work() and tool.save_button.isEnabled()
    with qtbot.waitSignal(tool.saved, timeout=1000) as signal:
        qtbot.mouseClick(tool.save_button, Qt.MouseButton.LeftButton)
    entry = fresh_repo(vault).get(signal.args[0])
    assert entry.title == "Thought record"
    assert entry.emotions == ["afraid"]  # the free-text feeling is kept in the body only
    assert entry.coping == [CopingUse("thought-record", None, None, None)]
    text = entry.text
    headings = [
        "## Situation",
        "## Emotions",
        "## Automatic thought",
        "## Evidence for",
        "## Evidence against",
        "## Balanced thought",
        "## Emotions after re-rating",
    ]
    positions = [text.index(h + "\n") for h in headings]
    assert positions == sorted(positions)
    assert ARABIC_SITUATION in text
    assert "- afraid: 80\n- worried about family: 60" in text
    assert text.rstrip().endswith("## Emotions after re-rating\n\n- afraid: 45")
    assert "They suspect. Everyone can see it." in text and "He asks everyone this." in text
    assert not tool.has_unsaved_work() and not tool.save_button.isEnabled()
    assert tool.status.text() == "Saved in your journal."


def test_thought_record_core(repo: JournalRepository) -> None:
    assert emotion_key("Anxious") == "anxious" and emotion_key(" safe ") == "safe"
    assert emotion_key("dread") is None
    record = ThoughtRecord(
        situation="exam", emotions=[("Anxious", 70), ("dread", 50)], automatic_thought="I will fail"
    )
    entry = repo.get(save_thought_record(repo, record, distress_before=8, distress_after=5).id or 0)
    assert entry.emotions == ["anxious"]
    assert entry.coping == [CopingUse("thought-record", 8, 5, None)]
    assert "## Evidence for" not in entry.text  # empty fields get no section
    assert "- anxious: 70\n- dread: 50" in entry.text
    with pytest.raises(InvalidInput):
        save_thought_record(repo, ThoughtRecord())
    with pytest.raises(InvalidInput):
        save_thought_record(repo, ThoughtRecord(situation="x", emotions=[("sad", 101)]))
    logged = log_tool_use(repo, "box-breathing", 6, 3, 4, note="on the bus", title="Box breathing")
    again = repo.get(logged.id or 0)
    assert again.coping == [CopingUse("box-breathing", 6, 3, 4)]
    assert (again.text, again.title) == ("on the bus", "Box breathing")
    with pytest.raises(InvalidInput):
        log_tool_use(repo, "box-breathing", 11, None)


# -- the dialog ------------------------------------------------------------------------


@pytest.fixture
def dialogs(qtbot) -> Iterator[list[ToolDialog]]:  # type: ignore[no-untyped-def]
    opened: list[ToolDialog] = []
    yield opened
    for dialog in opened:
        dialog.close_for_lock()


def test_tool_dialog_logs_distress_before_and_after(
    qtbot,
    repo: JournalRepository,
    vault: Vault,  # type: ignore[no-untyped-def]
    dialogs: list[ToolDialog],
) -> None:
    dialog = open_tool("grounding-5-4-3-2-1", repo, None)
    assert isinstance(dialog, ToolDialog)
    dialogs.append(dialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "5-4-3-2-1 grounding"
    assert dialog.page() == BEFORE
    assert dialog.before.value() is None
    qtbot.mouseClick(dialog.before.scale.buttons[7], Qt.MouseButton.LeftButton)
    assert dialog.before.value() == 7
    qtbot.keyClick(dialog.before.scale.buttons[7], Qt.Key.Key_Return)  # Enter continues
    assert dialog.page() == TOOL
    assert isinstance(dialog.tool, GroundingTool)
    assert dialog.focusWidget() is dialog.tool.fields[0][0]  # ready to type the first thing seen
    qtbot.keyClicks(dialog.tool.fields[0][0], "a crack in the wall")
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert dialog.page() == AFTER
    dialog.after.scale.buttons[3].click()
    dialog.helpfulness.scale.buttons[4].click()
    qtbot.keyClicks(dialog.note, "felt calmer")
    with qtbot.waitSignal(dialog.logged, timeout=1000) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    entry = fresh_repo(vault).get(signal.args[0])
    assert entry.coping == [CopingUse("grounding-5-4-3-2-1", 7, 3, 4)]
    assert entry.text == "felt calmer" and entry.title == "5-4-3-2-1 grounding"
    assert "a crack in the wall" not in entry.text  # grounding answers are never stored


def test_skipping_both_questions_still_logs_the_use(
    qtbot,
    repo: JournalRepository,  # type: ignore[no-untyped-def]
    dialogs: list[ToolDialog],
) -> None:
    dialog = open_tool("breathing-4-7-8", repo, None)
    assert dialog is not None
    dialogs.append(dialog)
    qtbot.addWidget(dialog)
    dialog.skip_button.click()
    assert dialog.page() == TOOL
    pacer = dialog.tool
    assert isinstance(pacer, BreathingPacer)
    pacer.auto_tick = False
    pacer.start()
    pacer.advance(19_000)
    dialog.done_button.click()
    assert not pacer.running  # finishing stops the pacer
    with qtbot.waitSignal(dialog.logged, timeout=1000) as signal:
        dialog.save_button.click()
    entry = repo.get(signal.args[0])
    assert entry.coping == [CopingUse("breathing-4-7-8", None, None, None)]
    assert entry.title == "4-7-8 breathing"


def test_thought_record_in_dialog_keeps_one_entry(
    qtbot,
    repo: JournalRepository,
    vault: Vault,  # type: ignore[no-untyped-def]
    dialogs: list[ToolDialog],
) -> None:
    dialog = open_tool("thought-record", repo, None)
    assert dialog is not None
    dialogs.append(dialog)
    qtbot.addWidget(dialog)
    assert not dialog.done_button.isVisible()  # the record has its own Save
    dialog.before.scale.buttons[6].click()
    dialog.continue_button.click()
    tool = dialog.tool
    assert isinstance(tool, ThoughtRecordTool)
    fill_thought_record(tool)
    tool.save_button.click()
    assert dialog.page() == AFTER
    assert not dialog.note.isVisible()
    dialog.after.scale.buttons[2].click()
    dialog.helpfulness.scale.buttons[5].click()
    with qtbot.waitSignal(dialog.logged, timeout=1000) as signal:
        dialog.save_button.click()
    check = fresh_repo(vault)
    assert check.count() == 1
    entry = check.get(signal.args[0])
    assert entry.coping == [CopingUse("thought-record", 6, 2, 5)]
    assert "## Balanced thought" in entry.text


def test_tools_work_while_locked_without_logging(qtbot, dialogs: list[ToolDialog]) -> None:  # type: ignore[no-untyped-def]
    assert TOOL_IDS == {
        "box-breathing",
        "breathing-4-7-8",
        "grounding-5-4-3-2-1",
        "thought-record",
        "progressive-muscle-relaxation",
    }
    assert open_tool("worry-time", None, None) is None
    for technique in sorted(TOOL_IDS):
        dialog = open_tool(technique, None, None)
        assert dialog is not None
        dialogs.append(dialog)
        qtbot.addWidget(dialog)
        assert dialog.page() == TOOL  # no distress questions: there is nowhere to keep them
        # each says that nothing will be saved (the thought record in its own status line)
        assert dialog.locked_note.isVisible() != (technique == "thought-record")
        assert not dialog.done_button.isVisible()
        assert dialog.tool.technique == technique
    record = next(d.tool for d in dialogs if isinstance(d.tool, ThoughtRecordTool))
    type_text(record.texts["situation"], "something happened")
    assert not record.save_button.isEnabled()
    assert "locked" in record.status.text()
    # locking (again) wipes what was typed and closes without asking
    holder = next(d for d in dialogs if d.tool is record)
    holder.close_for_lock()
    assert not holder.isVisible() and record.texts["situation"].toPlainText() == ""


def test_closing_an_unsaved_thought_record_asks_first(
    qtbot,
    repo: JournalRepository,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_tool("thought-record", repo, None, ask_distress=False)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert isinstance(dialog.tool, ThoughtRecordTool)
    type_text(dialog.tool.texts["situation"], "half a thought")
    buttons: list[str] = []
    answer_next_box(accept=False, seen=buttons)
    qtbot.keyClick(dialog.tool.texts["situation"], Qt.Key.Key_Escape)
    assert dialog.isVisible()  # cancelled: still open
    assert sorted(buttons) == ["&Close without saving", "Cancel"], buttons  # our words, not Qt's "Discard"
    answer_next_box(accept=True)
    qtbot.keyClick(dialog.tool.texts["situation"], Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert repo.count() == 0


def test_escape_closes_and_stops_the_tool(qtbot, repo: JournalRepository, dialogs: list[ToolDialog]) -> None:  # type: ignore[no-untyped-def]
    dialog = open_tool("box-breathing", repo, None, ask_distress=False)
    assert dialog is not None
    dialogs.append(dialog)
    qtbot.addWidget(dialog)
    assert dialog.page() == TOOL
    pacer = dialog.tool
    assert isinstance(pacer, BreathingPacer)
    qtbot.keyClick(pacer.start_button, Qt.Key.Key_Space)
    assert pacer.running
    qtbot.keyClick(pacer.circle, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not pacer.running
    assert repo.count() == 0  # closing does not log anything


# -- progressive muscle relaxation -----------------------------------------------------


def test_pmr_tenses_releases_and_moves_through_groups(qtbot) -> None:  # type: ignore[no-untyped-def]
    guide = RelaxationGuide()
    guide.auto_tick = False
    qtbot.addWidget(guide)
    guide.show()
    done: list[bool] = []
    guide.completed.connect(lambda: done.append(True))
    assert guide.group_label.text() == "Hands" and guide.position_label.text() == "Group 1 of 12"
    qtbot.keyClick(guide.start_button, Qt.Key.Key_Space)
    assert guide.running and guide.start_button.text() == "&Pause"
    assert guide.phase_label.text() == "Tense" and guide.instruction.text() == "Make fists."
    assert guide.countdown.text() == "5"
    guide.advance(4999)
    assert guide.state.phase == TENSE and guide.countdown.text() == "1"
    guide.advance(1)
    assert guide.state.phase == RELEASE and guide.phase_label.text() == "Release"
    assert guide.countdown.text() == "30"
    guide.advance(30_000)
    assert guide.group_label.text() == "Upper arms" and guide.state.phase == TENSE
    # pause from the keyboard: time stands still
    qtbot.keyClick(guide.start_button, Qt.Key.Key_Space)
    assert not guide.running and guide.start_button.text() == "Res&ume"
    guide.advance(60_000)
    assert guide.group_label.text() == "Upper arms"
    guide.next_button.click()
    assert guide.group_label.text() == "Shoulders" and guide.progress.value() == 2
    guide.previous_button.click()
    assert guide.group_label.text() == "Upper arms"
    # shorter timings and the short version (hands, shoulders and face)
    guide.release_spin.setValue(10)
    guide.short_box.setChecked(True)
    assert [guide.group_texts()[g][0] for g in guide.state.groups] == [
        "Hands",
        "Shoulders",
        "Forehead",
        "Eyes and cheeks",
        "Jaw",
    ]
    assert guide.position_label.text() == "Group 1 of 5"
    guide.start()
    guide.advance(5 * 15_000 - 1)
    assert not done and guide.group_label.text() == "Jaw"
    guide.advance(1)
    assert done == [True] and not guide.running
    assert guide.group_label.text() == "Well done"
    assert guide.start_button.text() == "&Start again"
    guide.start()
    assert guide.group_label.text() == "Hands" and guide.running
    guide.stop()


# -- language --------------------------------------------------------------------------


class MarkingTranslator(QTranslator):
    """Wraps every tool string in «», so a test can see which texts were retranslated."""

    CONTEXTS = (
        "BreathingPacer",
        "GroundingTool",
        "ThoughtRecordTool",
        "RelaxationGuide",
        "ToolDialog",
        "DistressPrompt",
        "HelpfulnessPrompt",
        "EmotionRow",
    )

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,  # type: ignore[override]
        n: int = -1,
    ) -> str | None:
        # None (not "") lets the next translator, or the source text, answer for other contexts.
        return f"«{source}»" if context in self.CONTEXTS else None


def visible_texts(widget: QWidget) -> list[str]:
    texts = []
    for child in widget.findChildren(QWidget):
        if isinstance(child, QLabel | QAbstractButton) and child.isVisibleTo(widget) and child.text():
            texts.append(child.text())
    return texts


def test_switching_language_retranslates_every_tool(
    qtbot,
    repo: JournalRepository,  # type: ignore[no-untyped-def]
    dialogs: list[ToolDialog],
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for technique in sorted(TOOL_IDS):
        dialog = open_tool(technique, repo, None)
        assert dialog is not None
        dialogs.append(dialog)
        qtbot.addWidget(dialog)
        dialog.continue_button.click()
    languages = LanguageManager(app, Settings())
    marker = MarkingTranslator()
    try:
        languages.set_language("ar", remember=False)
        assert dialogs[0].isRightToLeft()
        app.installTranslator(marker)
        QCoreApplication.processEvents()  # LanguageChange is posted to every widget
        for dialog in dialogs:
            assert dialog.windowTitle().startswith("«")
            texts = visible_texts(dialog)
            assert texts
            # every word on screen came through tr(); numbers, emotion words and user text aside
            untranslated = [t for t in texts if not t.startswith("«") and not t.strip("0123456789٠١٢٣٤٥٦٧٨٩")]
            assert untranslated == [], (dialog.tool.technique, untranslated)
        pacer = next(d.tool for d in dialogs if isinstance(d.tool, BreathingPacer))
        assert pacer.phase_label.text() == "«Press Start when you are ready»"
    finally:
        app.removeTranslator(marker)
        languages.set_language("en", remember=False)
        QCoreApplication.processEvents()
    pacer = next(d.tool for d in dialogs if isinstance(d.tool, BreathingPacer))
    assert pacer.phase_label.text() == "Press Start when you are ready"
    assert not dialogs[0].isRightToLeft()


def test_create_tool_and_direct_language_change_event(qtbot) -> None:  # type: ignore[no-untyped-def]
    for technique in sorted(TOOL_IDS):
        tool = create_tool(technique)
        assert tool is not None
        qtbot.addWidget(tool)
        QApplication.sendEvent(tool, QEvent(QEvent.Type.LanguageChange))
        assert tool.title()
