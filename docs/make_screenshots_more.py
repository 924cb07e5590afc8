"""The README screenshots of the newer screens: prompts, templates, reminders, self-checks, looking back, v2 groups.

Called by docs/make_screenshots.py (run that one); every function here shoots en and ar, light and dark.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from peerapp.core import prompts, self_checks
from peerapp.core.journal import Entry
from peerapp.gui import theme
from peerapp.gui.shell.main_window import MainWindow
from peerapp.sync.models import Contact, Group
from peerapp.sync.service import GroupService

# The prompt the "prompt" shots use: the same one in both languages, whatever today's prompt is.
PROMPT_ID = "belonging-03"
PROMPT_ANSWER = {
    "en": "At the group's online meetup on Tuesday. Someone laughed at my joke before I finished it.",
    "ar": "في لقاء المجموعة على الإنترنت يوم الثلاثاء. ضحك أحدهم على نكتتي قبل أن أكملها.",
}
# "On this day" a year and two years ago, so the look-back card has something to show.
MEMORIES = [
    (1, 4, "أول عشاء مع عائلتي المختارة", "طبخنا معًا وضحكنا كثيرًا. شعرت أنني في بيتي."),
    (
        2,
        2,
        "A hard first week",
        "New city, no one to talk to yet. I wrote to the helpline's chat and it helped.",
    ),
]
# A few weekly self-checks per outcome, oldest first: (weeks ago, answers).
CHECKS: dict[str, list[tuple[int, list[int]]]] = {
    "coping": [(6, [2, 3, 2, 3]), (4, [3, 3, 3, 3]), (2, [3, 4, 4, 2]), (0, [4, 4, 4, 2])],
    "belonging": [(6, [2, 2, 1, 4]), (4, [3, 3, 2, 3]), (2, [4, 4, 3, 2]), (0, [4, 5, 4, 2])],
    "resilience": [(5, [3, 3, 3, 3, 2, 3]), (1, [4, 2, 4, 3, 3, 2])],
}
RULES = {
    "text": "Be kind. What is said here stays here: no screenshots, no real names.\n"
    "كونوا لطفاء. ما يُقال هنا يبقى هنا: لا لقطات شاشة ولا أسماء حقيقية.",
    "contacts": [
        ("Helpline chat (evenings)", "Write to the chat on the helpline's website"),
        ("سلمى، متطوعة", "رسالة إلى حساب المجموعة، وتردّ خلال يوم"),
    ],
}

Shoot = Callable[[QWidget, str], None]
D = TypeVar("D", bound=QDialog)
THEMES = (("", False), ("-dark", True))


def each_look(window: MainWindow, act: Callable[[str, str], None]) -> None:
    """Run `act(lang, suffix)` in light and dark, English and Arabic."""
    for suffix, dark in THEMES:
        theme.set_dark(dark)
        for lang in ("en", "ar"):
            window.languages.set_language(lang, remember=False)
            QApplication.processEvents()
            act(lang, suffix)
    theme.set_dark(False)


def seed_journal_extras(window: MainWindow) -> None:
    """Entries on today's date in earlier years and a few weeks of self-checks."""
    repo = window.repo
    assert repo is not None
    now = datetime.now().astimezone().replace(hour=20, minute=15, second=0, microsecond=0)
    for years, mood, title, text in MEMORIES:
        repo.add(Entry(at=now.replace(year=now.year - years), mood=mood, title=title, text=text))
    for key, rows in CHECKS.items():
        for weeks, answers in rows:
            self_checks.record(repo.conn, key, answers, now - timedelta(weeks=weeks, hours=1))
    self_checks.set_every(repo.conn, "week")


def journal_extras(window: MainWindow, shoot: Shoot, settle: Callable[[float], None]) -> None:
    """Every newer journal, Preferences and Insights screen in the four looks."""
    seed_journal_extras(window)
    each_look(window, lambda lang, suffix: _journal_extras(window, shoot, settle, lang, suffix))


def _journal_extras(
    window: MainWindow, shoot: Shoot, settle: Callable[[float], None], lang: str, suffix: str
) -> None:
    _prompt(window, shoot, lang, suffix)
    _templates(window, shoot, suffix, lang)
    _preferences(window, shoot, lang, suffix)
    _self_check(window, shoot, lang, suffix)
    _insights(window, shoot, settle, lang, suffix)


def _prompt(window: MainWindow, shoot: Shoot, lang: str, suffix: str) -> None:
    """The editor with a prompt from the belonging theme in use and a first line written to it."""
    window.show_tab(window.journal_page)
    window.journal_page.new_entry()
    editor = window.journal_page.editor
    assert editor is not None
    panel = editor.prompt
    panel.fold(False, remember=False)
    panel.current = prompts.by_id(panel.lang, PROMPT_ID)
    panel.daily = False
    panel.use_button.setChecked(True)
    editor.mood_buttons[4].setChecked(True)
    editor.body.setPlainText(PROMPT_ANSWER[lang])
    QApplication.processEvents()
    shoot(editor, f"prompt-{lang}{suffix}")
    editor.dirty = False
    editor.keep_and_close()
    QApplication.processEvents()


def _templates(window: MainWindow, shoot: Shoot, suffix: str, lang: str) -> None:
    """The template picker on its second template, then the templates manager on the same one."""
    from peerapp.gui.journal.template_picker import TemplatePicker, start_from_template
    from peerapp.gui.journal.templates_dialog import TemplatesDialog

    start_from_template(window)
    picker = _open(window, TemplatePicker)
    picker.list.setCurrentRow(1)
    QApplication.processEvents()
    shoot(picker, f"template-picker-{lang}{suffix}")
    picker.manage()
    manager = _open(window, TemplatesDialog)
    manager.list.setCurrentRow(1)
    QApplication.processEvents()
    shoot(manager, f"templates-{lang}{suffix}")
    manager.reject()
    picker.reject()
    QApplication.processEvents()


def _open(window: MainWindow, kind: type[D]) -> D:
    QApplication.processEvents()
    found = [d for d in window.findChildren(kind) if d.isVisible()]
    assert found, kind.__name__
    return found[-1]


def _preferences(window: MainWindow, shoot: Shoot, lang: str, suffix: str) -> None:
    """Preferences with reminders on at two times on weekdays, and the in-window reminder notice."""
    from peerapp.gui.shell.dialogs import PreferencesDialog
    from peerapp.gui.shell.reminder_notice import ReminderNotice

    # A copy: the window's own settings keep reminders off, so none comes up while shooting.
    settings = dataclasses.replace(
        window.settings, reminders_on=True, reminder_times=["08:30", "21:00"], reminder_days=[0, 1, 2, 3, 6]
    )
    dialog = PreferencesDialog(settings, window)
    # The offscreen platform has no system tray; a desktop with one (most) does not show that note.
    dialog.reminders.no_tray.hide()
    dialog.show()
    dialog.reminders.enabled.setFocus()
    dialog.adjustSize()
    QApplication.processEvents()
    shoot(dialog, f"reminders-{lang}{suffix}")
    dialog.reject()
    notice = ReminderNotice(window)
    notice.set_texts(*window.reminders.message(), False)
    notice.show()
    notice.adjustSize()
    QApplication.processEvents()
    shoot(notice, f"reminder-notice-{lang}{suffix}")
    notice.reject()
    notice.deleteLater()


def _self_check(window: MainWindow, shoot: Shoot, lang: str, suffix: str) -> None:
    """The Brief Resilience Scale check, answered (its citation and notes under the questions)."""
    from peerapp.gui.insights.self_check_dialog import SelfCheckDialog

    assert window.repo is not None
    dialog = SelfCheckDialog(window.repo.conn, "resilience", window)
    for group, value in zip(dialog.groups, (4, 2, 4, 3, 3, 2), strict=True):
        button = group.button(value)
        assert button is not None
        button.setChecked(True)
    dialog.show()
    dialog.save_button.setFocus()  # not a focus frame over the first answer
    QApplication.processEvents()
    shoot(dialog, f"self-check-{lang}{suffix}")
    dialog.reject()
    dialog.deleteLater()


def _insights(
    window: MainWindow, shoot: Shoot, settle: Callable[[float], None], lang: str, suffix: str
) -> None:
    """Insights scrolled to "Looking back" and the coping, belonging and resilience card under it."""
    page = window.insights_page
    window.show_tab(page)
    page.range_combo.setCurrentIndex(0)
    # Read again as on opening in this language (a live switch keeps the months' names it had: reported).
    page.lookback.load()
    page.refresh()
    settle(2.0)  # the figures and the look-back summary are worked out on the job host
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(page.lookback.y() - page.content_layout.spacing())
    QApplication.processEvents()
    shoot(window, f"insights-lookback-{lang}{suffix}")
    bar.setValue(0)


def group_v2_extras(window: MainWindow, service: GroupService, group: Group, shoot: Shoot) -> None:
    """The members dialog (roles, safety codes, a request waiting), the group's rules and the admin's invite
    (who it lets in, until when, a new one), in the four looks."""
    from peerapp.gui.groups.invite_admin import admin_invite_dialog
    from peerapp.gui.groups.members import MembersDialog
    from peerapp.gui.groups.rules import RulesDialog

    def act(lang: str, suffix: str) -> None:
        members = MembersDialog(service, group, window)
        members.show()
        QApplication.processEvents()
        shoot(members, f"group-members-{lang}{suffix}")
        members.reject()
        members.deleteLater()
        rules = RulesDialog(service, group, window)
        rules.show()
        QApplication.processEvents()
        shoot(rules, f"group-rules-{lang}{suffix}")
        rules.reject()
        rules.deleteLater()
        # A throwaway group on a local server made for these pictures: its invite shows no real secret.
        invite = admin_invite_dialog(service, group, service.invite(group.id), window)
        invite.show()
        QApplication.processEvents()
        shoot(invite, f"group-invite-{lang}{suffix}")
        invite.reject()
        invite.deleteLater()

    each_look(window, act)


def set_rules(service: GroupService, group_id: int) -> None:
    contacts = [Contact(name, how) for name, how in RULES["contacts"]]
    service.set_rules(group_id, str(RULES["text"]), contacts)
