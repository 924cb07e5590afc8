"""Locking the journal empties the search's word caches, on the one lock path the GUI and the CLI share."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerapp.core import related_forms, textnorm
from peerapp.core.journal import Entry, EntryFilter
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.session import Session, create_journal, open_journal
from support import PASSPHRASE, ROOT

TZ = timezone(timedelta(hours=3))
# Words no test or module text holds, so finding them in a cache means this journal put them there.
WRITTEN = "zanzibarite"
SEARCHED = "quokkaful"
STEM = "zanzibar"  # what every form of WRITTEN starts with


def _stemmer_words() -> str:
    """Everything the stemmer objects hold, as text (snowballstemmer keeps its last word)."""
    return " ".join(repr(vars(s)) for s in textnorm._stemmers.values() if hasattr(s, "__dict__"))


def _use(session: Session) -> None:
    """Write an entry and search it, as a person would, so every cache takes journal words."""
    session.journal.add(Entry(at=datetime(2024, 5, 1, 9, tzinfo=TZ), text=f"a {WRITTEN} day", title="حزين"))
    session.journal.count(EntryFilter(query=f"{SEARCHED} hopeless"))  # nothing: related forms are tried
    session.journal.search(WRITTEN)
    assert textnorm.stem.cache_info().currsize > 0
    assert related_forms.related_stems.cache_info().currsize > 0
    textnorm.stem(WRITTEN + "s")  # not cached yet: a stemmer keeps it (as its stem) as its last word
    assert STEM in _stemmer_words()


def _assert_forgotten() -> None:
    assert textnorm.stem.cache_info().currsize == 0
    assert related_forms.related_stems.cache_info().currsize == 0
    assert STEM not in _stemmer_words()


def _close(session: Session) -> None:
    session.close()  # the CLI's way: the session locks its vault


def _vault_lock(session: Session) -> None:
    session.vault.lock()  # the GUI's way (MainWindow.lock)


@pytest.mark.parametrize("lock", [_close, _vault_lock], ids=["session.close", "vault.lock"])
def test_locking_empties_the_word_caches(data_dir: Path, lock: Callable[[Session], None]) -> None:
    session, _ = create_journal(data_dir, PASSPHRASE, kdf=FAST_KDF)
    _use(session)
    lock(session)
    _assert_forgotten()
    # Search works again after the next unlock, with the caches filling anew.
    again = open_journal(data_dir, PASSPHRASE)
    try:
        assert [e.text for e in again.journal.search(WRITTEN)] == [f"a {WRITTEN} day"]
        assert again.journal.count(EntryFilter(query="حزن")) == 1  # a related form, through fresh stemmers
    finally:
        again.close()
    _assert_forgotten()


def test_a_lock_does_not_load_the_stemmer(tmp_path: Path) -> None:
    """The lock screen never needs the stemmer: locking a journal that never searched leaves it unloaded."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from peerapp.core.keyslot import FAST_KDF\n"
        "from peerapp.core.vault import Vault\n"
        f"vault = Vault(Path({str(tmp_path / 'vault')!r}), kdf=FAST_KDF)\n"
        f"vault.create({PASSPHRASE!r})\n"
        "vault.lock()\n"
        "print(sorted(m for m in sys.modules if m.startswith('snowballstemmer') or m.endswith('textnorm')))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
