"""The safety plan in core: steps in order, stored in the vault, migrated, escaped when exported."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerapp.core import db
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.migrations import SCHEMA_VERSION
from peerapp.core.safety_plan import (
    SOURCE,
    STEP_KEYS,
    STEPS,
    SafetyPlan,
    SafetyPlanRepository,
    to_html,
    to_markdown,
)
from peerapp.core.vault import Vault
from support import PASSPHRASE

ARABIC_ITEM = "أتصل بصديقتي سارة"
ARABIC_REASON = "قطتي ومستقبلي"


def test_steps_follow_the_intervention_in_order() -> None:
    assert STEP_KEYS == (
        "warning_signs",
        "coping_strategies",
        "distractions",
        "people_to_ask",
        "professionals",
        "safe_environment",
        "reasons_for_living",
    )
    assert [s.number for s in STEPS] == [1, 2, 3, 4, 5, 6, None]
    assert "Stanley" in SOURCE and "19(2)" in SOURCE


def test_repository_round_trip_keeps_order_and_arabic(vault: Vault) -> None:
    repo = SafetyPlanRepository(vault.connect())
    assert repo.load().is_empty()
    plan = SafetyPlan()
    plan.items["people_to_ask"] = [ARABIC_ITEM, "  Alex (chosen family)  ", "", "خالد"]
    plan.items["reasons_for_living"] = [ARABIC_REASON, "my garden"]
    repo.save(plan)
    assert plan.updated_at

    again = SafetyPlanRepository(vault.connect()).load()
    assert again.get("people_to_ask") == [ARABIC_ITEM, "Alex (chosen family)", "خالد"]
    assert again.get("reasons_for_living") == [ARABIC_REASON, "my garden"]
    assert again.get("warning_signs") == []
    assert again.updated_at == plan.updated_at

    # Reordering and removing replace the stored plan, not add to it.
    again.items["people_to_ask"] = ["خالد", ARABIC_ITEM]
    repo.save(again)
    assert repo.load().get("people_to_ask") == ["خالد", ARABIC_ITEM]


def test_unknown_step_is_refused(vault: Vault) -> None:
    from peerapp.core.errors import InvalidInput

    repo = SafetyPlanRepository(vault.connect())
    with pytest.raises(InvalidInput):
        repo.save(SafetyPlan({"not_a_step": ["x"]}))


def test_vault_at_schema_2_migrates(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Build a vault the way the previous release did: only migrations 1 and 2.
    monkeypatch.setattr(db, "SCHEMA_VERSION", 2)
    old = Vault(data_dir, kdf=FAST_KDF)
    old.create(PASSPHRASE)
    conn = old.connect()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'safety_plan'").fetchone()[0] == 0
    old.lock()
    monkeypatch.undo()

    new = Vault(data_dir)
    new.unlock(PASSPHRASE)
    conn = new.connect()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'safety_plan'").fetchone()[0] == 1
    assert SafetyPlanRepository(conn).load().is_empty()
    new.lock()


def test_html_and_markdown_escape_and_cite() -> None:
    plan = SafetyPlan()
    plan.items["warning_signs"] = ["<script>alert(1)</script>", ARABIC_ITEM]
    page = to_html(plan, "24 November 2026")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert f'<li dir="rtl">{ARABIC_ITEM}</li>' in page
    assert "24 November 2026" in page
    assert "Cognitive and Behavioral Practice" in page
    assert "Making my surroundings safer" in page
    markdown = to_markdown(plan, "2026-11-24")
    assert markdown.startswith("# My safety plan")
    assert "## Step 1: Warning signs" in markdown
    assert f"- {ARABIC_ITEM}" in markdown
    assert SOURCE in markdown
