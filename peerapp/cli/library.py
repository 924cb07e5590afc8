"""The `library ...` commands: read and search the coping library, no journal needed (design section 7)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..core.i18n import translate
from ..core.library import Article, library_dir, load_articles
from ..core.library_index import LibraryIndex
from ..core.settings import LANGUAGES, Settings
from .common import EXIT_OK, CommandError, Handler, Subparsers, json_option


def add_parsers(commands: Subparsers) -> None:
    library = commands.add_parser("library", help="read and search the coping library (no journal needed)")
    lcmd = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    llist = lcmd.add_parser("list", help="every article, by category")
    _content_options(llist)
    json_option(llist)
    lshow = lcmd.add_parser("show", help="one article in full")
    lshow.add_argument("id", metavar="ID")
    _content_options(lshow)
    lsearch = lcmd.add_parser("search", help="find articles, best first")
    lsearch.add_argument("query", metavar="QUERY")
    lsearch.add_argument("--limit", type=int, default=10, metavar="N")
    _content_options(lsearch)
    json_option(lsearch)


def _content_options(p: argparse.ArgumentParser) -> None:
    # dest differs from the global --lang (messages), which a subcommand default would overwrite.
    p.add_argument(
        "--lang",
        dest="content_lang",
        choices=LANGUAGES,
        help="language of the articles (default: the global --lang, else the saved language)",
    )
    p.add_argument(
        "--resources",
        type=Path,
        metavar="DIR",
        help="a folder holding library/<lang>/<id>.md (default: the bundled articles)",
    )


def _content_language(args: argparse.Namespace) -> str:
    lang: str = args.content_lang or args.lang or Settings.load().language or "en"
    return lang


def _library_articles(lang: str, resources: Path | None) -> list[Article]:
    folder = library_dir(resources) / lang
    if not folder.is_dir():
        raise CommandError(translate("CLI", "There is no library in %1.").replace("%1", str(folder)))
    return load_articles(lang, resources)


def cmd_library(args: argparse.Namespace) -> int:
    lang = _content_language(args)
    if args.library_command == "list":
        articles = _library_articles(lang, args.resources)
        if args.json:
            items = [{"id": a.id, "title": a.title, "category": a.category, "tags": a.tags} for a in articles]
            print(json.dumps(items, ensure_ascii=False, indent=1))
        else:
            for a in articles:
                print(f"{a.id}\t{a.category}\t{a.title}")
    elif args.library_command == "show":
        found = [a for a in _library_articles(lang, args.resources) if a.id == args.id]
        if not found:
            raise CommandError(
                translate("CLI", "There is no library article with the id %1.").replace("%1", args.id)
            )
        _print_article(found[0])
    elif args.library_command == "search":
        _library_articles(lang, args.resources)  # a missing folder is an error, not "no results"
        hits = LibraryIndex(lang, args.resources).search(args.query, limit=max(args.limit, 0))
        if args.json:
            print(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=1))
        elif not hits:
            print(translate("CLI", "No article matches that search."))
        else:
            for hit in hits:
                print(f"{hit.id}\t{hit.title}")
                if hit.snippet:
                    print(f"    {hit.snippet}")
    return EXIT_OK


def _print_article(article: Article) -> None:
    print(article.title or article.id)
    if article.body:
        print(f"\n{article.body}")
    if article.sources:
        print()
        print(translate("CLI", "Sources:"))
        for source in article.sources:
            print(f"- {source}")


COMMANDS: dict[str, Handler] = {"library": cmd_library}
