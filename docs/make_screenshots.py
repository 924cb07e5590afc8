"""Regenerate the README screenshots: a sample journal and a peer group shown in English and in Arabic.

Run: QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from peerapp.core.journal import CopingUse, Entry
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from peerapp.gui import theme
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.main_window import MainWindow
from peerapp.sync.service import GroupService

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_screenshots_more as more  # beside this script, not a package

OUT = Path(__file__).resolve().parent / "screenshots"
SAMPLES = [
    (
        0,
        4,
        "أشعر بالهدوء بعد التنفس",
        "جربت تمرين **التنفس المربع** قبل النوم.\n\nشعرت أن صدري أخف، وكتبت ثلاثة أشياء ممتنة لها.",
        ["calm", "grateful"],
        ["تنفس", "نوم"],
        [CopingUse("box-breathing", 7, 3, 4)],
    ),
    (
        1,
        2,
        "Family dinner",
        "Questions about marriage again. I stepped out for a walk and used **5-4-3-2-1**.\n\nIt helped a little.",
        ["anxious", "overwhelmed"],
        ["family"],
        [CopingUse("grounding-5-4-3-2-1", 8, 5, 3)],
    ),
    (
        1,
        5,
        "Online group meetup",
        "Met two people from the group. For the first time in weeks I didn't feel alone.",
        ["connected", "hopeful"],
        ["friends", "group"],
        [],
    ),
    (
        3,
        3,
        "يوم عمل طويل",
        "اجتماع طويل ومتعب، لكن المساء كان هادئًا. Tomorrow I'll try worry time.",
        ["tired"],
        ["عمل"],
        [],
    ),
    (
        5,
        1,
        "Bad news",
        "A hard day. Wrote it down so it doesn't stay in my head.",
        ["sad", "lonely"],
        ["news"],
        [],
    ),
]


def settle(seconds: float = 2.0) -> None:
    """Let background jobs finish and the window repaint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        # processEvents leaves deleteLater() for the event loop, which this script never enters: without
        # this, widgets a screen replaced would still be drawn where they were.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        time.sleep(0.02)


THEMES = (("", False), ("-dark", True))


def shoot(widget: QWidget, name: str) -> None:
    settle(0.4)  # the layouts a language or theme switch posts, done before the picture
    widget.grab().save(str(OUT / f"{name}.png"))


def first_run_screenshots(window: MainWindow) -> None:
    """The first run's language and passphrase steps, before any vault exists."""
    setup = window.setup_page
    for suffix, dark in THEMES:
        theme.set_dark(dark)
        for lang in ("en", "ar"):
            window.languages.set_language(lang, remember=False)
            setup._show_step(0)
            QApplication.processEvents()
            shoot(window, f"first-run-{lang}{suffix}")
            setup._show_step(1)
            setup.form.passphrase.setText("a long and happy sentence")
            setup.form.repeat.setText("a long and happy sentence")
            QApplication.processEvents()
            shoot(window, f"passphrase-{lang}{suffix}")
            setup.form.passphrase.clear()
            setup.form.repeat.clear()
    theme.set_dark(False)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp()) / "vault"
    window = build_window(data, "en", settings=Settings(language="en"))
    window.resize(1200, 760)
    window.show()
    QApplication.processEvents()
    first_run_screenshots(window)
    window.vault.kdf = FAST_KDF
    window.vault.create("screenshot passphrase")
    window._on_unlocked()
    repo = window.repo
    assert repo is not None
    now = datetime.now().astimezone().replace(hour=21, minute=30, second=0, microsecond=0)
    for days, mood, title, text, emotions, tags, coping in SAMPLES:
        repo.add(
            Entry(
                at=now - timedelta(days=days, hours=days),
                mood=mood,
                title=title,
                text=text,
                emotions=emotions,
                tags=tags,
                coping=coping,
            )
        )
    assert window.session is not None
    window.journal_page.attach(window.session)
    for suffix, dark in THEMES:
        theme.set_dark(dark)
        for lang in ("en", "ar"):
            main_screens(window, lang, suffix)
    theme.set_dark(False)
    more.journal_extras(window, shoot, settle)
    group_screenshots(window)
    window.lock()


def main_screens(window: MainWindow, lang: str, suffix: str) -> None:
    """The five tabs, the quick check-in, the editor and the lock screen in one language and theme."""
    window.languages.set_language(lang, remember=False)
    window.show_tab(window.journal_page)
    QApplication.processEvents()
    window.journal_page.list.setCurrentIndex(window.journal_page.model.index(0))
    QApplication.processEvents()
    shoot(window, f"journal-{lang}{suffix}")
    window.check_in()
    dialog = window.checkin_dialog
    assert dialog is not None
    dialog.faces.buttons[3].click()
    QApplication.processEvents()
    shoot(dialog, f"checkin-{lang}{suffix}")
    dialog.reject()
    QApplication.processEvents()
    window.show_tab(window.library_page)
    window.library_page.categories.setCurrentRow(2)
    window.library_page.select("box-breathing")
    QApplication.processEvents()
    shoot(window, f"library-{lang}{suffix}")
    window.show_tab(window.insights_page)
    window.insights_page.range_combo.setCurrentIndex(window.insights_page.range_combo.count() - 1)
    settle()  # the figures are worked out on the job host
    shoot(window, f"insights-{lang}{suffix}")
    window.show_tab(window.safety_plan_page)
    QApplication.processEvents()
    shoot(window, f"safety-plan-{lang}{suffix}")
    window.show_tab(window.journal_page)
    window.journal_page.new_entry()
    editor = window.journal_page.editor
    assert editor is not None
    editor.title.setText("أشعر بالقلق قبل المقابلة" if lang == "ar" else "Nervous before the interview")
    editor.mood_buttons[2].setChecked(True)
    editor.body.setPlainText("...")
    QApplication.processEvents()
    shoot(editor, f"editor-{lang}{suffix}")
    editor.dirty = False
    editor.keep_and_close()
    window.lock()
    QApplication.processEvents()
    shoot(window, f"locked-{lang}{suffix}")
    window.vault.unlock("screenshot passphrase")
    window._on_unlocked()
    QApplication.processEvents()


WAITING = "غيمة عابرة"  # asks to join and waits for an admin
GROUP_POSTS = [
    (
        "نجمة مشرقة",
        "",
        "أول أسبوع في العمل الجديد. كنت قلقة جدًا، لكن زميلة لطيفة ساعدتني.\n\nThank you all for listening last week.",
    ),
    (
        "Steady Stone",
        "panic attack",
        "Had a panic attack on the bus today. I used **box breathing** until my stop.",
    ),
    (
        "Steady Stone",
        "",
        "Does anyone else find Sunday evenings the hardest? Planning one small nice thing helps me.",
    ),
]


def group_screenshots(window: MainWindow) -> None:
    """The Groups tab with a real local server, two other members and a few posts."""
    folder = Path(tempfile.mkdtemp())
    server = subprocess.Popen(
        [sys.executable, "-m", "peerapp.server", "--db", f"sqlite:///{folder / 'server.db'}", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        url = line.strip().rsplit(" ", 1)[-1]
        page = window.groups_page
        service = page.service
        assert service is not None and url.startswith("http://")
        # A group where an admin lets people in: the members dialog then shows every role.
        group, invite = service.create_group(
            url, "Evening circle", "Quiet River", approval=True, expires_days=14
        )
        service.sync(group.id)
        others = {}
        for number, (author, _cw, _text) in enumerate([*GROUP_POSTS, (WAITING, "", "")]):
            if author not in others:
                vault = Vault(folder / f"member{number}", kdf=FAST_KDF)
                vault.create("screenshot passphrase")
                member = GroupService(vault.connect())
                others[author] = (member, member.join_group(invite, author).id)
                member.sync(others[author][1])  # asks to join
        service.sync(group.id)
        for author in others:
            if author != WAITING:
                service.approve(group.id, author)
        service.sync(group.id)  # seals the group's secret to those let in
        for member, gid in others.values():
            member.sync(gid)
        service.sync(group.id)  # reads their joins: they are members now
        service.promote(group.id, "Steady Stone")
        more.set_rules(service, group.id)
        service.sync(group.id)
        for author, cw, text in GROUP_POSTS:
            member, gid = others[author]
            member.sync(gid)
            member.post(gid, text, content_warning=cw)
            member.sync(gid)
        service.sync(group.id)
        first = service.feed(group.id)[-1]
        service.toggle_me_too(group.id, first.id)
        service.post(group.id, "Congratulations! That first week is the hardest.", reply_to=first.id)
        service.sync(group.id)
        arabic_member, arabic_gid = others["نجمة مشرقة"]
        arabic_member.sync(arabic_gid)
        arabic_member.post(arabic_gid, "شكرًا لكم ❤", reply_to=first.id)
        arabic_member.sync(arabic_gid)
        service.sync(group.id)
        service.post(group.id, "Tonight I'm going for a short walk before dinner.")  # not sent yet
        page._fill_groups(select=group.id)
        page.feed.refresh()
        card = page.feed.card(first.id)
        assert card is not None
        card.thread_button.setChecked(True)
        window.show_tab(page)
        for suffix, dark in THEMES:
            theme.set_dark(dark)
            for lang in ("en", "ar"):
                window.languages.set_language(lang, remember=False)
                QApplication.processEvents()
                shoot(window, f"groups-{lang}{suffix}")
        theme.set_dark(False)
        more.group_v2_extras(window, service, service.group(group.id), shoot)
    finally:
        server.terminate()
        server.wait(20)


if __name__ == "__main__":
    main()
