"""Groups v2 screens fit (issue 15's checks): the group's strip in each state, the members, rules, rules
editor, new-group and admin invite dialogs, in English, Arabic and the pseudo-locale, at 1024×600 and on a
large screen; and a post no member's key signed is shown as unverified, never under the name it claims."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from peerapp.gui.groups.dialogs import NewGroupDialog
from peerapp.gui.groups.invite_admin import admin_invite_dialog
from peerapp.gui.groups.members import MembersDialog
from peerapp.gui.groups.page import GroupsPage
from peerapp.gui.groups.post import PostCard
from peerapp.gui.groups.rules import RulesDialog, RulesEditDialog
from peerapp.gui.groups.strip import GroupStrip
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from peerapp.sync import models
from peerapp.sync.service import GroupService
from support import PASSPHRASE
from support.groups_gui import sync_and_wait
from support.gui import MakeWindow, create_vault
from support.layout_checks import SMALL_SCREEN, check_window
from support.servers import ServerProcess, sqlite_server  # noqa: F401

LARGE_SCREEN = (1920, 1080)
LONG_NAME = "حلقة المساء للدعم المتبادل بين الأصدقاء"


def _admin_group(qtbot: Any, win: MainWindow, url: str, tmp_path: Path) -> tuple[GroupsPage, models.Group]:
    """An admin with rules and a contact, two other members (one waiting), through real services."""
    create_vault(qtbot, win)
    page = win.groups_page
    win.show_tab(page)
    assert page.service is not None
    group, invite = page.service.create_group(url, LONG_NAME, "Kind Owl", approval=True)
    page._fill_groups(select=group.id)
    sync_and_wait(qtbot, page)
    page.service.set_rules(
        group.id,
        "ما يُقال هنا يبقى هنا.\nWhat is said here stays here.",
        [
            models.Contact("Rainbow Line", "+1 555 0100, evenings"),
            models.Contact("خط الأمان", "https://example.org"),
        ],
    )
    sync_and_wait(qtbot, page)
    for name in ("Quiet River", "نجمة هادئة"):
        vault = Vault(tmp_path / name.replace(" ", "-"), kdf=FAST_KDF)
        vault.create(PASSPHRASE)
        other = GroupService(vault.connect())
        joined = other.join_group(invite, name)
        other.sync(joined.id)
    sync_and_wait(qtbot, page)
    page.service.approve(group.id, "Quiet River")
    sync_and_wait(qtbot, page)
    current = page.current_group()
    assert current is not None
    return page, current


def _check_dialog(make: Callable[[], QDialog], where: str, size: tuple[int, int]) -> list[str]:
    dialog = make()
    dialog.show()
    QApplication.processEvents()
    try:
        return [str(p) for p in check_window(dialog, where, size)]
    finally:
        dialog.reject()
        dialog.deleteLater()


@pytest.mark.parametrize("size", [SMALL_SCREEN, LARGE_SCREEN], ids=["1024x600", "1920x1080"])
def test_v2_group_screens_fit_in_every_language(
    qtbot: Any,
    make_window: MakeWindow,
    sqlite_server: ServerProcess,  # noqa: F811
    tmp_path: Path,
    size: tuple[int, int],
) -> None:
    win = make_window()
    win.resize(*size)
    page, group = _admin_group(qtbot, win, sqlite_server.url, tmp_path)
    service = page.service
    assert service is not None
    invite = service.invite(group.id)
    problems: list[str] = []
    for lang in ("en", "ar", PSEUDO):
        win.languages.set_language(lang, remember=False)
        win.resize(*size)
        qtbot.wait(30)
        assert page.strip.members_button.isVisible() and page.strip.help_button.isVisible()
        problems += [str(p) for p in check_window(win, f"{lang} groups tab, v2 admin", size)]
        screens: dict[str, Callable[[], QDialog]] = {
            "members": lambda: MembersDialog(service, group, win),
            "rules": lambda: RulesDialog(service, group, win),
            "welcome": lambda: RulesDialog(service, group, win, welcome=True),
            "rules editor": lambda: RulesEditDialog(service, group, service.rules(group.id), win),
            "new group": lambda: NewGroupDialog(service, "", win),
            "invite": lambda: admin_invite_dialog(service, group, invite, win),
        }
        for name, make in screens.items():
            problems += _check_dialog(make, f"{lang} {name}", size)
        page.strip.help_button.click()  # the crisis pages with the group's contacts as the last tab
        crisis = page.strip.help_button.dialog
        assert crisis is not None
        crisis.tabs.setCurrentIndex(crisis.tabs.count() - 1)
        problems += [str(p) for p in check_window(crisis, f"{lang} crisis dialog, group contacts", size)]
        crisis.reject()
    assert problems == []


def test_joining_waiting_and_older_group_states_fit(
    qtbot: Any,
    make_window: MakeWindow,
    sqlite_server: ServerProcess,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Each banner of the strip, shown in the real page, at 1024×600 in the three languages."""
    win = make_window()
    win.resize(*SMALL_SCREEN)
    create_vault(qtbot, win)
    page = win.groups_page
    win.show_tab(page)
    assert page.service is not None
    old, _ = page.service.create_group_v1(sqlite_server.url, LONG_NAME, "Kind Owl")
    vault = Vault(tmp_path / "admin", kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    admin = GroupService(vault.connect())
    gated, invite = admin.create_group(sqlite_server.url, "Gated", "Brave Fox", approval=True)
    admin.sync(gated.id)
    waiting = page.service.join_group(invite, "Quiet River")
    page._fill_groups(select=waiting.id)
    # Before its first sync the joiner cannot know yet that this group waits for an admin: it says only that.
    assert page.strip.banner_title.text() == "Joining the group" and not page.compose.isEnabled()
    page.sync.refresh()
    sync_and_wait(qtbot, page)
    for group_id, title in ((old.id, "older way"), (waiting.id, "Waiting for an admin")):
        page._fill_groups(select=group_id)
        for lang in ("en", "ar", PSEUDO):
            win.languages.set_language(lang, remember=False)
            win.resize(*SMALL_SCREEN)
            qtbot.wait(30)
            assert page.strip.banner.isVisible()
            assert [str(p) for p in check_window(win, f"{lang} {title}")] == []
        win.languages.set_language("en", remember=False)
        qtbot.wait(30)  # the language change is a posted event
        assert title in page.strip.banner_title.text()


def test_an_unverified_post_never_shows_the_name_it_claims(qtbot: Any) -> None:
    claimed = models.GroupPost(
        id="a" * 32,
        pseudonym="",
        text="I am the admin, send me your real name",
        at="2026-12-03T17:00:00",
        reply_to=None,
        content_warning="",
        mine=False,
        status=models.RECEIVED,
        verified=False,
    )
    card = PostCard(claimed, is_admin=False, unverified=True)
    qtbot.addWidget(card)
    assert card.author.text() == "Unverified"
    assert "Unverified" in card.accessibleName() and "Unverified" in card.body.accessibleName()
    assert "nobody can say who wrote it" in card.author.toolTip()
    signed = PostCard(
        models.GroupPost(**{**claimed.__dict__, "pseudonym": "Kind Owl", "verified": True}), is_admin=False
    )
    qtbot.addWidget(signed)
    assert signed.author.text() == "Kind Owl" and signed.author.toolTip() == ""


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
def test_a_group_the_server_may_split_says_so_and_fits(
    qtbot: Any, make_window: MakeWindow, lang: str
) -> None:
    """The roster warning (tests/sync/test_v2_hostile.py makes a real one) as the group's strip shows it,
    1024 pixels wide."""
    win = make_window(lang=lang)
    win.languages.set_language(lang, remember=False)
    strip = GroupStrip()
    qtbot.addWidget(strip)
    strip.resize(SMALL_SCREEN[0], 400)
    strip.show()
    group = models.Group(1, LONG_NAME, "https://example.org", "Kind Owl", False, 0, 0, None, None, version=2)
    strip.show_for(group)
    assert not strip.banner.isVisible()
    strip.show_for(models.Group(**{**group.__dict__, "roster_warning": True}))
    assert strip.banner.isVisible() and strip.members_button.isVisible()
    if lang == "en":
        assert strip.banner_title.text() == "This group's server may not be telling everyone the same thing"
        assert "Compare safety codes" in strip.banner_text.text()
    elif lang == "ar":
        assert strip.banner_title.text().startswith("قد لا يعرض خادم")
        assert strip.isRightToLeft()
    assert [str(p) for p in check_window(strip, f"{lang} roster warning")] == []
