"""The tabs of the unlocked window, imported and built only when first needed: the lock screen needs none.

Each factory imports its page's module when it is called, so `MainWindow.PAGES` names every tab without
loading any of them (the groups tab alone brings the HTTP client and the sync service). MainWindow builds
the first tab while the passphrase is checked and the others one per event-loop turn once the timeline is
on screen, or at once when something asks for them (the View or Groups menu, a named page).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer

from ...core.vault import Vault
from ..common import Page

if TYPE_CHECKING:
    from ..groups.page import GroupsPage
    from ..insights.page import InsightsPage
    from ..journal.page import JournalPage
    from ..library.page import LibraryPage
    from ..safety.page import SafetyPlanPage

_P = TypeVar("_P")
PageFactory = Callable[[Vault], Page]


def journal(vault: Vault) -> Page:
    from ..journal.page import JournalPage

    return JournalPage()


def library(vault: Vault) -> Page:
    from ..library.page import LibraryPage
    from ..tools import TOOL_IDS

    return LibraryPage(tool_ids=TOOL_IDS)


def insights(vault: Vault) -> Page:
    from ..insights.page import InsightsPage

    return InsightsPage()


def safety_plan(vault: Vault) -> Page:
    from ..safety.page import SafetyPlanPage

    return SafetyPlanPage()


def groups(vault: Vault) -> Page:
    from ..groups.page import GroupsPage

    return GroupsPage(vault)


PAGES: tuple[PageFactory, ...] = (journal, library, insights, safety_plan, groups)


class PageBuilder(QObject):
    """Builds the pages from their factories in order, each once, and hands each new one to `built`."""

    def __init__(
        self,
        factories: Sequence[PageFactory],
        vault: Vault,
        built: Callable[[PageFactory, Page], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.factories = tuple(factories)
        self.vault = vault
        self.pages: list[Page] = []
        self._built = built
        # One page per event-loop turn: input and painting go on between two pages.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def done(self) -> bool:
        return len(self.pages) == len(self.factories)

    def next(self) -> Page | None:
        """Build the next page; None when every page is built."""
        if self.done():
            return None
        make = self.factories[len(self.pages)]
        page = make(self.vault)
        self.pages.append(page)
        self._built(make, page)
        return page

    def first(self) -> None:
        """At least the first tab, the one the window shows on unlock."""
        if not self.pages:
            self.next()

    def all(self) -> list[Page]:
        while self.next() is not None:
            pass
        return self.pages

    def find(self, kind: type[_P]) -> _P:
        """The page of type `kind`, building the pages before it (and it) if they are not built yet."""
        index = 0
        while True:
            while index < len(self.pages):
                page = self.pages[index]
                if isinstance(page, kind):
                    return page
                index += 1
            if self.next() is None:
                raise LookupError(kind.__name__)

    def later(self) -> None:
        """Build the remaining pages in the background of the event loop."""
        if not self.done():
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _step(self) -> None:
        self.next()
        self.later()


class NamedPages:
    """MainWindow's ways to its pages (a mixin): all of them, or one by name, each built on first use.

    The menus reach a few pages by name (the Journal menu writes entries, "I tried this" opens the
    editor); attaching, clearing, tabs and View actions never do.
    """

    _builder: PageBuilder

    @property
    def pages(self) -> list[Page]:
        """Every tab, in PAGES order (building the ones not built yet)."""
        return self._builder.all()

    @property
    def journal_page(self) -> JournalPage:
        from ..journal.page import JournalPage

        return self._builder.find(JournalPage)

    @property
    def library_page(self) -> LibraryPage:
        from ..library.page import LibraryPage

        return self._builder.find(LibraryPage)

    @property
    def insights_page(self) -> InsightsPage:
        from ..insights.page import InsightsPage

        return self._builder.find(InsightsPage)

    @property
    def safety_plan_page(self) -> SafetyPlanPage:
        from ..safety.page import SafetyPlanPage

        return self._builder.find(SafetyPlanPage)

    @property
    def groups_page(self) -> GroupsPage:
        from ..groups.page import GroupsPage

        return self._builder.find(GroupsPage)
