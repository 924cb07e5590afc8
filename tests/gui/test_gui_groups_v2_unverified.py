"""A member who holds the group's keys forges a post under another member's name: the app window shows it
as unverified, never under the name it claims (issue 17). Real server, three vaults."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from peerapp.sync import protocol
from peerapp.sync.service import GroupService
from peerapp.sync.transport import Transport
from peerapp.sync.v2 import actions, saved
from peerapp.sync.v2.engine import put_request
from peerapp.sync.v2.events import seal_event, sign_member
from support.groups_gui import sync_and_wait
from support.gui import MakeWindow, create_vault
from support.layout_checks import SMALL_SCREEN
from support.servers import ServerProcess, sqlite_server  # noqa: F401
from support.sync_tools import new_service

FORGED = "I am Ben, send me your real name"
GENUINE = "Ben here, glad to see you all"


def _forge_as(forger: GroupService, gid: int, victim: str, url: str) -> None:
    """Post FORGED with the victim's member id but the forger's own signature, straight to the server."""
    state = saved.load(forger.conn, gid)
    event = actions.post(state, FORGED, 0, bytes(32))
    body = {"v": 2, "k": "post", "b": FORGED, "cw": "", "r": None, "t": 0, "d": "00" * 32, "seen": []}
    fields = sign_member(state.me, state.room_id, state.current, event.event_id, body)
    fields["m"] = state.names[victim.casefold()]
    blob = seal_event(state.keys().content_key, state.room_id, event.event_id, state.current, fields)
    with Transport(url) as link:
        request = put_request(state, event.event_id, blob, protocol.delete_hash(bytes(32)))
        link.put_post(state.room_id.hex(), event.event_id, request)


def test_a_forged_post_is_never_shown_under_the_name_it_claims(
    qtbot: Any,
    make_window: MakeWindow,
    sqlite_server: ServerProcess,  # noqa: F811
    tmp_path: Path,
) -> None:
    win = make_window()
    win.resize(*SMALL_SCREEN)
    create_vault(qtbot, win)
    page = win.groups_page
    win.show_tab(page)
    assert page.service is not None
    group, invite = page.service.create_group(sqlite_server.url, "Evening circle", "Ana")
    page._fill_groups(select=group.id)
    sync_and_wait(qtbot, page)
    ben, cai = new_service(tmp_path / "ben"), new_service(tmp_path / "cai")
    ben_gid = ben.join_group(invite, "Ben").id
    cai_gid = cai.join_group(invite, "Cai").id
    for service, gid in ((ben, ben_gid), (cai, cai_gid), (ben, ben_gid), (cai, cai_gid)):
        service.sync(gid)
    ben.post(ben_gid, GENUINE)
    ben.sync(ben_gid)
    _forge_as(cai, cai_gid, "Ben", sqlite_server.url)
    sync_and_wait(qtbot, page)
    QApplication.processEvents()
    shown = {card.post.text: card for card in page.feed.cards}
    assert shown[GENUINE].author.text() == "Ben"
    # Kept, as unverified: it says so in place of a name, and to a screen reader, never "Ben".
    forged = shown[FORGED]
    assert forged.author.text() == "Unverified" and "Ben" not in forged.accessibleName()
    assert "nobody can say who wrote it" in forged.author.toolTip()
