"""The tabs of the unlocked window, imported and built only when first needed: the lock screen needs none.

Each factory imports its page's module when it is called, so `MainWindow.PAGES` names every tab without
loading any of them (the groups tab alone brings the HTTP client and the sync service). MainWindow builds
the first tab while the passphrase is checked and the others one at a time, a short pause between two,
once the timeline is on screen; or at once when something asks for them (the View or Groups menu, a
named page)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QLocale, QObject, QTimer

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


def _warm_markdown() -> None:
    from ...core import markdown_render

    markdown_render.render("")  # the first Markdown object reads every installed package's entry points


def _warm_techniques() -> None:
    from ...core import library

    library.techniques(QLocale().name()[:2])  # the bundled articles, in the language the entry view asks


# What the journal's first screen loads that no journal holds (the entry view's Markdown and technique
# names). Loaded after the unlock, these held the first timeline page back by a few hundred milliseconds
# at 50,000 entries (bench/bench_startup.py); they are loaded while the passphrase is typed instead.
FIRST_SCREEN: tuple[Callable[[], object], ...] = (_warm_markdown, _warm_techniques)


class PageBuilder(QObject):
    """Builds the pages from their factories in order, each once, and hands each new one to `built`.

    Work ahead of time runs one step per timer tick, a short pause between two, so typing and painting
    go on in between: `prepare()` while the passphrase is typed or checked, `later()` after the unlock.
    """

    PAUSE_MS = 50
    # After the unlock the timeline is painted first: its paint can come some tens of milliseconds
    # after the unlock handler returns, and a page built in between would hold it back.
    SETTLE_MS = 250

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
        self._steps: list[Callable[[], object]] = []
        self._prepared = False
        self._building_rest = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
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

    def prepare(self, extra: Sequence[Callable[[], object]] = ()) -> None:
        """Ahead of an unlock (once): the first tab, then `extra`, one step at a time."""
        if not self._prepared:
            self._prepared = True
            self._steps += [self.first, *extra]
            self._timer.start(self.PAUSE_MS)

    def later(self) -> None:
        """After the unlock: the remaining pages, one at a time."""
        self._building_rest = True
        self._timer.start(self.SETTLE_MS)

    def stop(self) -> None:
        """Locking: the pages not built yet wait for the next unlock."""
        self._building_rest = False

    def _step(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        elif self._building_rest:
            self.next()
        if self._steps or (self._building_rest and not self.done()):
            self._timer.start(self.PAUSE_MS)


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
