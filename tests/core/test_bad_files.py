"""Damaged and hostile outside files (issue 11, item 9): imports, settings.json, a --resources folder.

Every rejected import goes through the real CLI and must give exit 1, one line on stderr,
no traceback, and leave the vault byte-identical.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerapp.core import errors
from peerapp.core.journal import CopingUse, Entry, EntryFilter, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.transfer import export_entries
from peerapp.core.untrusted import MAX_DEPTH, MAX_PART_CHARS
from peerapp.core.vault import DB_NAME, SLOTS_NAME, Vault
from support import PASSPHRASE, ROOT, CliResult

Cli = Callable[..., CliResult]
TZ = timezone(timedelta(hours=3))
MIB = 1024 * 1024
HEADER = '{"format": "peerapp-journal", "version": 1, "entries": [\n'


def entry(n: int) -> str:
    """A valid entry the sample vault does not hold yet."""
    return json.dumps({"uid": f"new-{n}", "at": "2024-06-01T10:00:00+03:00", "text": f"fresh {n}"})


@dataclass
class Exports:
    """A vault holding the sample entries, and valid files that import into it as duplicates."""

    vault: Path
    json: bytes
    csv: bytes
    jrnl: bytes


def _run(args: list[str], data: Path, home: Path) -> CliResult:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PEERAPP_CONFIG_DIR"] = str(home / "config")
    env["PEERAPP_CACHE_DIR"] = str(home / "cache")
    proc = subprocess.run(
        [sys.executable, "-m", "peerapp", "--data-dir", str(data), *args],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def _sample(repo: JournalRepository) -> None:
    repo.add(
        Entry(
            at=datetime(2024, 5, 1, 21, 30, tzinfo=TZ),
            mood=5,
            emotions=["hopeful", "calm"],
            tags=["work", "عائلة"],
            coping=[CopingUse("box-breathing", 7, 3, 4)],
            title="A good day",
            text='A note\nover two lines, with "quotes"\nسطر ثانٍ',
        )
    )
    repo.add(Entry(at=datetime(2024, 5, 2, 8, 0, tzinfo=TZ), mood=1, text="hard morning"))
    repo.add(Entry(at=datetime(2024, 5, 3, 9, 15, tzinfo=TZ), mood=3, tags=["x"], text="to the trash"))
    trashed = repo.page(EntryFilter(), limit=1)[0]
    assert trashed.id is not None
    repo.delete(trashed.id)
    repo.add(Entry(at=datetime(2024, 5, 4, 10, 0, tzinfo=TZ), mood=4, text="يوم هادئ في البيت"))


JRNL = {
    "tags": {"@work": 1},
    "entries": [
        {"title": "Meeting", "body": "went fine", "date": "2024-02-03", "time": "14:20", "tags": ["@work"]},
        {"title": "Walk", "body": "في الحديقة", "date": "2024-02-04", "time": "07:00", "tags": []},
    ],
}


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Exports:
    base = tmp_path_factory.mktemp("bad-files")
    source = Vault(base / "source", kdf=FAST_KDF)
    source.create(PASSPHRASE)
    try:
        conn = source.connect()
        _sample(JournalRepository(conn))
        export_entries(conn, "json", base / "valid.json")
        export_entries(conn, "csv", base / "valid.csv")
    finally:
        source.lock()
    (base / "valid-jrnl.json").write_text(json.dumps(JRNL, ensure_ascii=False), "utf-8")
    target = base / "vault"
    Vault(target, kdf=FAST_KDF).create(PASSPHRASE)
    # Fill the target through the CLI, so the first unlock's own writes happen before any snapshot.
    for kind, name in (("json", "valid.json"), ("daylio", "valid.csv"), ("jrnl", "valid-jrnl.json")):
        done = _run(["import", "--from", kind, str(base / name), "--passphrase-stdin"], target, base)
        assert done.code == 0 and "Traceback" not in done.stderr, done.stderr
    return Exports(
        target,
        (base / "valid.json").read_bytes(),
        (base / "valid.csv").read_bytes(),
        (base / "valid-jrnl.json").read_bytes(),
    )


def vault_state(folder: Path) -> dict[str, str]:
    """Every file name in the vault folder, with the hash of the two files that are the journal."""
    state = {p.name: "" for p in folder.iterdir()}
    for name in (DB_NAME, SLOTS_NAME):
        state[name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    return state


def one_line(result: CliResult) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- the damage matrix ------------------------------------------------------------------------


def cut(data: bytes, fraction: float) -> bytes:
    return data[: int(len(data) * fraction)]


def flip(data: bytes, fraction: float) -> bytes:
    """One byte with its top bit flipped: never valid UTF-8 in that place (see the test below)."""
    i = min(int(len(data) * fraction), len(data) - 1)
    return data[:i] + bytes([data[i] ^ 0x80]) + data[i + 1 :]


def nested(depth: int, inner: str = "") -> str:
    return "[" * depth + inner + "]" * depth


def entry_with(field: str, raw_value: str) -> bytes:
    return (
        HEADER + f'{{"uid": "u", "at": "2024-06-01T10:00:00+03:00", "{field}": {raw_value}}}\n]}}'
    ).encode()


def replace_once(data: bytes, old: bytes, new: bytes) -> bytes:
    assert old in data
    return data.replace(old, new, 1)


# name -> (source, how to make the file from the valid exports, English message expected on stderr)
Maker = Callable[[Exports, Path], None]


def writes(make: Callable[[Exports], bytes]) -> Maker:
    def write(ex: Exports, path: Path) -> None:
        path.write_bytes(make(ex))

    return write


def cut_json(fraction: float) -> Maker:
    return writes(lambda ex: cut(ex.json, fraction))


def flip_json(fraction: float) -> Maker:
    return writes(lambda ex: flip(ex.json, fraction))


def sparse(ex: Exports, path: Path) -> None:
    with path.open("wb") as fh:
        fh.truncate(2 * 1024**3)


def fifo(ex: Exports, path: Path) -> None:
    os.mkfifo(path)


def folder(ex: Exports, path: Path) -> None:
    path.mkdir()
    (path / "inside.json").write_bytes(ex.json)


INVALID = errors.ImportFileInvalid.message
NOT_TEXT = errors.ImportNotText.message
TOO_DEEP = errors.ImportTooDeep.message
TOO_BIG = errors.ImportPartTooLarge.message
NOT_A_FILE = errors.ImportNotAFile.message
CSV_HEADER = b"full_date,date,weekday,time,mood,activities,note_title,note\r\n"

CASES: dict[str, tuple[str, Maker, str]] = {
    # our JSON export cut short anywhere, including inside an Arabic letter
    **{f"json-cut-{f}": ("json", cut_json(f), "") for f in (0.0, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9)},
    "json-cut-last-2-bytes": ("json", writes(lambda ex: ex.json[:-2]), INVALID),
    "json-cut-in-arabic": (
        "json",
        writes(lambda ex: ex.json[: ex.json.index("يوم".encode()) + 1]),
        NOT_TEXT,
    ),
    # one byte damaged: the top bit of a byte flipped
    **{f"json-flip-{f}": ("json", flip_json(f), NOT_TEXT) for f in (0.0, 0.03, 0.2, 0.45, 0.7, 0.99)},
    "json-flip-in-arabic": (
        "json",
        writes(lambda ex: flip(ex.json, ex.json.index("عائلة".encode()) / len(ex.json))),
        NOT_TEXT,
    ),
    # structure broken
    "json-brace-to-bracket": ("json", writes(lambda ex: replace_once(ex.json, b"{", b"[")), INVALID),
    "json-colon-to-semicolon": (
        "json",
        writes(lambda ex: replace_once(ex.json, b'"format":', b'"format";')),
        INVALID,
    ),
    "json-comma-between-entries": (
        "json",
        writes(lambda ex: replace_once(ex.json, b"},\n{", b"};\n{")),
        INVALID,
    ),
    "json-no-closing-bracket": ("json", writes(lambda ex: replace_once(ex.json, b"\n]}", b"\n}")), INVALID),
    "json-extra-brace": ("json", writes(lambda ex: ex.json + b"}"), INVALID),
    "json-twice": ("json", writes(lambda ex: ex.json + ex.json), INVALID),
    "json-top-level-array": ("json", writes(lambda ex: b"[" + ex.json + b"]"), INVALID),
    "json-entries-not-a-list": (
        "json",
        writes(lambda ex: b'{"format": "peerapp-journal", "version": 1, "entries": {}}'),
        INVALID,
    ),
    "json-version-2": (
        "json",
        writes(lambda ex: replace_once(ex.json, b'"version": 1', b'"version": 2')),
        INVALID,
    ),
    "json-no-format": (
        "json",
        writes(lambda ex: replace_once(ex.json, b'"peerapp-journal"', b'"other"')),
        INVALID,
    ),
    # NUL bytes and invalid UTF-8
    "json-nul-in-text": (
        "json",
        writes(lambda ex: replace_once(ex.json, b"hard morning", b"hard\0morning")),
        NOT_TEXT,
    ),
    "json-nul-between-tokens": ("json", writes(lambda ex: replace_once(ex.json, b", ", b",\0")), NOT_TEXT),
    "json-overlong-slash": (
        "json",
        writes(lambda ex: replace_once(ex.json, b"hard morning", b"hard \xc0\xaf")),
        NOT_TEXT,
    ),
    "json-encoded-surrogate": (
        "json",
        writes(lambda ex: replace_once(ex.json, b"hard morning", b"\xed\xa0\x80")),
        NOT_TEXT,
    ),
    "json-utf16": ("json", writes(lambda ex: ex.json.decode("utf-8").encode("utf-16")), NOT_TEXT),
    # nesting bombs
    "json-top-level-bomb": ("json", writes(lambda ex: b"[" * 100_000), INVALID),
    "json-entry-bomb": ("json", writes(lambda ex: (HEADER + "[" * 100_000).encode()), TOO_DEEP),
    "json-tags-bomb": ("json", writes(lambda ex: entry_with("tags", nested(100_000))), TOO_DEEP),
    "json-tags-one-too-deep": (
        "json",
        writes(lambda ex: entry_with("tags", nested(MAX_DEPTH - 2))),
        TOO_DEEP,
    ),
    "json-object-bomb": (
        "json",
        writes(lambda ex: entry_with("text", '{"a": ' * 70 + "1" + "}" * 70)),
        TOO_DEEP,
    ),
    "json-member-bomb": (
        "json",
        writes(
            lambda ex: replace_once(
                ex.json, b'"version": 1', b'"x": ' + nested(100_000).encode() + b', "version": 1'
            )
        ),
        TOO_DEEP,
    ),
    "json-bomb-in-string-then-cut": (
        "json",
        writes(lambda ex: entry_with("text", '"' + "[" * 100_000)),
        INVALID,
    ),
    # huge values and numbers
    "json-huge-text": (
        "json",
        writes(lambda ex: entry_with("text", '"' + "a" * (MAX_PART_CHARS + 1) + '"')),
        TOO_BIG,
    ),
    "json-huge-key": (
        "json",
        writes(lambda ex: ('{"' + "k" * (MAX_PART_CHARS + 1) + '": 1}').encode()),
        TOO_BIG,
    ),
    "json-huge-number": ("json", writes(lambda ex: entry_with("mood", "1" * (MAX_PART_CHARS + 1))), TOO_BIG),
    "json-giant-integer": ("json", writes(lambda ex: entry_with("mood", "9" * 5000)), INVALID),
    "json-giant-version": (
        "json",
        writes(lambda ex: replace_once(ex.json, b'"version": 1', b'"version": 1' + b"0" * 5000)),
        INVALID,
    ),
    "json-float-overflow": ("json", writes(lambda ex: entry_with("mood", "1e999")), INVALID),
    "json-nan": ("json", writes(lambda ex: entry_with("mood", "NaN")), INVALID),
    "json-infinity": ("json", writes(lambda ex: entry_with("mood", "Infinity")), INVALID),
    "json-minus-infinity": ("json", writes(lambda ex: entry_with("mood", "-Infinity")), INVALID),
    "json-sparse-2gb": ("json", sparse, errors.ImportFileTooLarge.message),
    "json-too-many-bad-rows": (
        "json",
        writes(lambda ex: (HEADER + ",\n".join(["{}"] * 1001) + "\n]}").encode()),
        errors.ImportTooManyBadRows.message,
    ),
    # not a file at all (the core refusal is also tested below, as the GUI meets it)
    "json-directory": ("json", folder, NOT_A_FILE),
    "json-fifo": ("json", fifo, NOT_A_FILE),
    # Daylio CSV
    "csv-empty": ("daylio", writes(lambda ex: b""), INVALID),
    "csv-cut-in-header": ("daylio", writes(lambda ex: ex.csv[:20]), INVALID),
    "csv-cut-in-quoted-note": (
        "daylio",
        writes(lambda ex: ex.csv[: ex.csv.index(b"over two lines")]),
        INVALID,
    ),
    "csv-flip": ("daylio", writes(lambda ex: flip(ex.csv, 0.5)), NOT_TEXT),
    "csv-nul": (
        "daylio",
        writes(lambda ex: replace_once(ex.csv, b"hard morning", b"hard\0morning")),
        NOT_TEXT,
    ),
    "csv-no-mood-column": (
        "daylio",
        writes(lambda ex: replace_once(ex.csv, b",mood,", b",feeling,")),
        INVALID,
    ),
    "csv-huge-field": (
        "daylio",
        writes(
            lambda ex: CSV_HEADER + b'2024-06-01,x,x,10:00,rad,,,"' + b"a" * (MAX_PART_CHARS + 1) + b'"\r\n'
        ),
        TOO_BIG,
    ),
    "csv-quote-never-closed": (
        "daylio",
        writes(lambda ex: CSV_HEADER + b'2024-06-01,x,x,10:00,rad,,,"' + b"line\r\n" * (2 * MIB)),
        TOO_BIG,
    ),
    "csv-huge-line": ("daylio", writes(lambda ex: CSV_HEADER + b"a" * (MAX_PART_CHARS + 1)), TOO_BIG),
    "csv-unknown-moods": (
        "daylio",
        writes(lambda ex: ex.csv + b"2024-06-01,x,x,10:00,ecstatic,,,x\r\n"),
        errors.UnknownMoodLabels.message,
    ),
    "csv-too-many-unknown-moods": (
        "daylio",
        writes(
            lambda ex: CSV_HEADER + b"".join(b"2024-06-01,x,x,10:00,label%d,,,x\r\n" % i for i in range(200))
        ),
        INVALID,
    ),
    "csv-too-many-bad-rows": (
        "daylio",
        writes(lambda ex: CSV_HEADER + b"".join(b"bad-%d,x,x,10:00,rad,,,x\r\n" % i for i in range(1001))),
        errors.ImportTooManyBadRows.message,
    ),
    # jrnl JSON
    "jrnl-cut": ("jrnl", writes(lambda ex: cut(ex.jrnl, 0.5)), ""),
    "jrnl-flip": ("jrnl", writes(lambda ex: flip(ex.jrnl, 0.6)), NOT_TEXT),
    "jrnl-tags-bomb": (
        "jrnl",
        writes(
            lambda ex: b'{"entries": [{"date": "2024-01-01", "tags": ' + nested(100_000).encode() + b"}]}"
        ),
        TOO_DEEP,
    ),
    "jrnl-summary-bomb": (
        "jrnl",
        writes(lambda ex: b'{"tags": ' + nested(100_000).encode() + b', "entries": []}'),
        TOO_DEEP,
    ),
    "jrnl-nan": (
        "jrnl",
        writes(lambda ex: b'{"entries": [{"date": "2024-01-01", "starred": NaN}]}'),
        INVALID,
    ),
    "jrnl-no-entries": ("jrnl", writes(lambda ex: b'{"tags": {}}'), INVALID),
}


def test_flip_always_breaks_utf8(exports: Exports) -> None:
    """The flip cases rely on this: a top-bit flip anywhere in a UTF-8 text leaves invalid UTF-8."""
    for data in (exports.json, exports.csv, exports.jrnl):
        for i in range(len(data)):
            damaged = data[:i] + bytes([data[i] ^ 0x80]) + data[i + 1 :]
            try:
                text = damaged.decode("utf-8")
            except UnicodeDecodeError:
                continue
            assert "\0" in text, i  # a flipped 0x80 continuation byte becomes NUL


@pytest.mark.parametrize("name", sorted(CASES))
def test_damage_matrix(name: str, exports: Exports, cli: Cli, tmp_path: Path) -> None:
    source, make, expected = CASES[name]
    bad = tmp_path / "incoming" / "file"
    bad.parent.mkdir()
    make(exports, bad)
    before = vault_state(exports.vault)
    # No passphrase on standard input: the file is refused before the vault is asked for (asking
    # would end with exit status 2), so a bad file never opens the journal.
    result = cli("import", "--from", source, str(bad), "--passphrase-stdin", stdin="", data=exports.vault)
    assert result.code == 1, (result.stdout, result.stderr)
    line = one_line(result)
    assert line.startswith("peerapp: ")
    assert expected in line, line
    assert "nothing was imported" in line.lower()
    assert vault_state(exports.vault) == before
    assert [p.name for p in bad.parent.iterdir()] == ["file"]  # no leftover beside the file


# -- not a file, straight to the core (the GUI calls it without the CLI's check) ----------------


@pytest.mark.parametrize("kind", ["directory", "fifo", "device"])
@pytest.mark.parametrize("source", ["json", "jrnl", "daylio"])
def test_core_refuses_what_is_not_a_file(
    kind: str, source: str, repo: JournalRepository, tmp_path: Path
) -> None:
    from peerapp.core.transfer import daylio_unknown_moods, import_entries

    path = tmp_path / "x"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)  # a blocking open would wait here forever for a writer
    else:
        path.symlink_to("/dev/zero")
    raised: list[BaseException] = []

    def attempt() -> None:
        for call in (lambda: import_entries(repo.conn, source, path), lambda: daylio_unknown_moods(path)):  # type: ignore[arg-type]
            try:
                call()
            except BaseException as exc:  # noqa: BLE001 - checked below
                raised.append(exc)

    worker = threading.Thread(target=attempt)
    worker.start()
    hung = False
    for _ in range(10):
        worker.join(30)  # waits only if an open blocks: then release it, so the suite goes on
        if not worker.is_alive() or kind != "fifo":
            break
        hung = True
        with contextlib.suppress(OSError):  # ENXIO if the open moved on meanwhile
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    assert not hung, "opening a FIFO blocked until something wrote to it"
    assert [type(exc) for exc in raised] == [errors.ImportNotAFile] * 2
    assert repo.count() == 0


# -- bad rows: reported by line while the rest imports (unchanged behaviour) -------------------


def test_bad_rows_are_reported_and_the_rest_imports(exports: Exports, cli: Cli, tmp_path: Path) -> None:
    rows = [
        entry(1),
        '{"uid": "bad-date", "at": "yesterday"}',
        '{"uid": "bad-tags", "at": "2024-06-01T10:00:00+03:00", "tags": ' + nested(40) + "}",
        '{"uid": "bad-surrogate", "at": "2024-06-01T10:00:00+03:00", "text": "\\ud800"}',
        '{"uid": "bad-nul", "at": "2024-06-01T10:00:00+03:00", "text": "a\\u0000b"}',
        '{"uid": "bad-year", "at": "0001-01-01T00:00:00+14:00"}',
        '{"uid": "bad-coping", "at": "2024-06-01T10:00:00+03:00", "coping": 5}',
        '{"uid": "bad-mood", "at": "2024-06-01T10:00:00+03:00", "mood": true}',
        '{"uid": "%s", "at": "2024-06-01T10:00:00+03:00"}' % ("u" * 500),
        entry(2),
    ]
    path = tmp_path / "mixed.json"
    path.write_text(HEADER + ",\n".join(rows) + "\n]}", "utf-8")
    before = vault_state(exports.vault)
    result = cli(
        "import", "--from", "json", str(path), "--passphrase-stdin", stdin=PASSPHRASE, data=exports.vault
    )
    assert result.code == 0 and "Traceback" not in result.stderr, result.stderr
    assert "Added 2 entries." in result.stdout
    reported = [line.split(":")[0] for line in result.stdout.splitlines() if line.startswith("Line ")]
    assert reported == [f"Line {n}" for n in range(2, 10)]
    assert vault_state(exports.vault) != before
    again = cli(
        "import", "--from", "json", str(path), "--passphrase-stdin", stdin=PASSPHRASE, data=exports.vault
    )
    assert again.code == 0 and "Added 0 entries." in again.stdout


def test_a_long_value_in_a_bad_row_is_shown_short(repo: JournalRepository, tmp_path: Path) -> None:
    from peerapp.core.transfer import import_entries

    path = tmp_path / "long.csv"
    path.write_bytes(CSV_HEADER + b'"' + b"9" * 100_000 + b'\nline two",x,x,10:00,rad,,,x\r\n')
    report = import_entries(repo.conn, "daylio", path)
    [(line, message)] = report.errors
    assert line == 2 and len(message) < 200 and "\n" not in message


def test_exactly_the_limit_of_bad_rows_still_imports(repo: JournalRepository, tmp_path: Path) -> None:
    from peerapp.core.transfer import import_entries
    from peerapp.core.untrusted import MAX_BAD_ROWS

    rows = ["{}"] * MAX_BAD_ROWS + [entry(1)]
    path = tmp_path / "bad.json"
    path.write_text(HEADER + ",\n".join(rows) + "\n]}", "utf-8")
    report = import_entries(repo.conn, "json", path)
    assert report.added == 1 and len(report.errors) == MAX_BAD_ROWS
    path.write_text(HEADER + ",\n".join(["{}", *rows]) + "\n]}", "utf-8")
    with pytest.raises(errors.ImportTooManyBadRows):
        import_entries(repo.conn, "json", path)
    assert repo.count() == 1


def test_depth_limit_is_exact(repo: JournalRepository, tmp_path: Path) -> None:
    """Top object, entries, entry, then tags nested to depth MAX_DEPTH: a bad row, not a bad file."""
    from peerapp.core.transfer import import_entries

    path = tmp_path / "deep.json"
    path.write_bytes(entry_with("tags", nested(MAX_DEPTH - 3)))
    report = import_entries(repo.conn, "json", path)
    assert [line for line, _m in report.errors] == [1]
    path.write_bytes(entry_with("tags", nested(MAX_DEPTH - 2)))
    with pytest.raises(errors.ImportTooDeep):
        import_entries(repo.conn, "json", path)


def test_file_level_damage_after_many_batches_writes_nothing(repo: JournalRepository, tmp_path: Path) -> None:
    """The whole file is checked before the first batch is committed."""
    from peerapp.core.transfer import BATCH, import_entries

    rows = [entry(i) for i in range(3 * BATCH)]
    path = tmp_path / "late.json"
    path.write_text(HEADER + ",\n".join(rows) + ",\n" + "[" * 1000, "utf-8")
    with pytest.raises(errors.ImportTooDeep):
        import_entries(repo.conn, "json", path)
    path.write_text(HEADER + ",\n".join(rows) + "\n]", "utf-8")  # cut before the final }
    with pytest.raises(errors.ImportFileInvalid):
        import_entries(repo.conn, "json", path)
    assert repo.count() == 0


# -- the streaming readers against the standard library -----------------------------------------


def _chunked(text: str, sizes: list[int]) -> list[str]:
    out, i, k = [], 0, 0
    while i < len(text):
        n = sizes[k % len(sizes)]
        out.append(text[i : i + n])
        i, k = i + n, k + 1
    return out


def test_text_lines_split_like_stringio() -> None:
    import io
    import random

    from peerapp.core.untrusted import TextLines

    rng = random.Random(7)
    for _ in range(400):
        text = "".join(
            rng.choice(["a", "bc", "\r", "\n", "\r\n", '"', ",", "ع"]) for _ in range(rng.randint(0, 60))
        )
        sizes = [rng.randint(1, 9) for _ in range(5)]
        assert list(TextLines(iter(_chunked(text, sizes)))) == list(io.StringIO(text, newline=""))


def test_json_stream_reads_what_json_loads_reads() -> None:
    import random

    from peerapp.core.untrusted import STREAMED_ARRAY, JsonStream

    rng = random.Random(11)

    def value(depth: int) -> object:
        kind = rng.randint(0, 7 if depth < 4 else 4)
        if kind == 0:
            return rng.choice([None, True, False])
        if kind == 1:
            return rng.randint(-(10**20), 10**20)
        if kind == 2:
            return rng.random() * 10 ** rng.randint(-5, 5)
        if kind in (3, 4):
            return "".join(
                rng.choice(["a", '"', "\\", "[", "}", "ع", "\n", "\u2028", " "])
                for _ in range(rng.randint(0, 12))
            )
        if kind == 5:
            return [value(depth + 1) for _ in range(rng.randint(0, 4))]
        return {f"k{i}": value(depth + 1) for i in range(rng.randint(0, 4))}

    for _ in range(300):
        doc = {"a": value(1), "entries": [value(2) for _ in range(rng.randint(0, 5))], "z": value(1)}
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 0, 2]))
        sizes = [rng.randint(1, 17) for _ in range(5)]
        got: dict[str, object] = {}
        for member in JsonStream(iter(_chunked(text, sizes))).members("entries"):
            if member.value is STREAMED_ARRAY:
                got[member.key] = []
            elif member.index:
                items = got[member.key]
                assert isinstance(items, list) and member.index == len(items) + 1
                items.append(member.value)
            else:
                got[member.key] = member.value
        assert got == json.loads(text)


def test_loads_refuses_what_is_not_strict_json() -> None:
    from peerapp.core.untrusted import loads

    assert loads('{"a": [1, 2.5, "x"]}') == {"a": [1, 2.5, "x"]}
    for text in ("NaN", "[Infinity]", "[-Infinity]", "[1e999]", "9" * 5000, '{"a": 1} x'):
        with pytest.raises(ValueError):
            loads(text)
    with pytest.raises(errors.ImportTooDeep):
        loads(nested(100_000))
    assert loads(nested(MAX_DEPTH)) == json.loads(nested(MAX_DEPTH))


# -- settings.json: damage never stops start-up ---------------------------------------------


SETTINGS_DAMAGE: dict[str, bytes] = {
    "truncated": b'{"language": "ar", "autolock',
    "invalid-utf8": b'{"language": "\xff\xfe"}',
    "nul": b'{"language": "ar"\0}',
    "deep": b"[" * 100_000,
    "deep-in-extra": b'{"language": "ar", "extra": ' + nested(100_000).encode() + b"}",
    "giant-integer": b'{"autolock_minutes": ' + b"9" * 5000 + b"}",
    "nan": b'{"autolock_minutes": NaN}',
    "huge": b'{"window_geometry": "' + b"A" * (2 * MIB) + b'"}',
    "not-an-object": b'["ar"]',
    "empty": b"",
}


@pytest.mark.parametrize("name", sorted(SETTINGS_DAMAGE))
def test_damaged_settings_fall_back_to_defaults(name: str, tmp_path: Path) -> None:
    from peerapp.core.settings import FILE_NAME, Settings

    (tmp_path / FILE_NAME).write_bytes(SETTINGS_DAMAGE[name])
    assert Settings.load(tmp_path) == Settings()


def test_settings_of_the_wrong_type_are_defaults(tmp_path: Path) -> None:
    from peerapp.core.settings import FILE_NAME, Settings

    (tmp_path / FILE_NAME).write_text(
        json.dumps(
            {
                "language": ["ar"],
                "autolock_minutes": True,
                "window_geometry": 5,
                "appearance": {"a": 1},
                "exit_view": None,
                "extra": "x",
            }
        ),
        "utf-8",
    )
    assert Settings.load(tmp_path) == Settings()
    (tmp_path / FILE_NAME).write_text(json.dumps({"language": "ar", "autolock_minutes": 10}), "utf-8")
    loaded = Settings.load(tmp_path)
    assert (loaded.language, loaded.autolock_minutes) == ("ar", 10)


@pytest.mark.parametrize("kind", ["fifo", "directory", "sparse", "symlink-loop"])
def test_settings_that_are_no_file_do_not_stop_the_cli(kind: str, cli: Cli, tmp_path: Path) -> None:
    """Through the CLI, which reads settings.json first: a FIFO must not hang it."""
    config = Path(os.environ["PEERAPP_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    path = config / "settings.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "sparse":
        with path.open("wb") as fh:
            fh.truncate(2 * 1024**3)
    else:
        path.symlink_to(path)
    result = cli("library", "list")
    assert result.code == 0 and "Traceback" not in result.stderr, result.stderr
    assert "box-breathing" in result.stdout


# -- a hostile --resources folder --------------------------------------------------------------


@pytest.fixture
def hostile_resources(tmp_path: Path) -> Path:
    folder = tmp_path / "resources"
    en = folder / "library" / "en"
    en.mkdir(parents=True)
    (en / "good.md").write_text(
        "Title: Slow breathing\nCategory: coping\nTags: calm\n\nBreathe out slowly.\n", "utf-8"
    )
    (en / "not-utf8.md").write_bytes(b"Title: \xff\xfe\n\nbody")
    (en / "nul.md").write_bytes(b"Title: x\n\n\0\0")
    with (en / "huge.md").open("wb") as fh:
        fh.truncate(2 * 1024**3)
    (en / "loop.md").symlink_to("loop.md")
    os.mkfifo(en / "fifo.md")
    (en / "folder.md").mkdir()
    (en / "device.md").symlink_to("/dev/zero")
    # Within the size cap, but each of these took minutes in the Markdown renderer or the index.
    (en / "nested-lists.md").write_text(
        "Title: Lists\n\n" + "".join("  " * i + "- item\n" for i in range(700)), "utf-8"
    )  # ~490 KB
    (en / "brackets.md").write_text("Title: Brackets\n\n" + "![" * 200_000 + "\n", "utf-8")
    (en / "long-word.md").write_text("Title: Word\n\n" + "a" * 200_000 + "\n", "utf-8")
    return folder


def test_hostile_resources_folder(hostile_resources: Path, cli: Cli) -> None:
    listed = cli("library", "list", "--lang", "en", "--resources", str(hostile_resources))
    assert listed.code == 0 and "Traceback" not in listed.stderr, listed.stderr
    ids = sorted(line.split("\t")[0] for line in listed.stdout.splitlines())
    assert ids == ["brackets", "good", "long-word", "nested-lists"]
    for name in ("not-utf8", "nul", "huge", "loop", "fifo", "folder", "device"):
        refused = cli("library", "show", name, "--lang", "en", "--resources", str(hostile_resources))
        assert refused.code == 1, name
        assert "no library article with the id" in one_line(refused)
    found = cli("library", "search", "breathing", "--lang", "en", "--resources", str(hostile_resources))
    assert found.code == 0 and "Traceback" not in found.stderr, found.stderr
    assert found.stdout.splitlines()[0].startswith("good\t")


def test_resources_folder_that_is_a_symlink_loop(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "resources"
    (folder / "library").mkdir(parents=True)
    (folder / "library" / "en").symlink_to("en")
    for args in (["list"], ["show", "x"], ["search", "breathing"]):
        result = cli("library", *args, "--lang", "en", "--resources", str(folder))
        assert result.code == 1
        assert "There is no library in" in one_line(result)


def test_own_header_parser_reads_the_bundled_articles_as_markdown_does() -> None:
    """library._split_header replaced Python-Markdown's meta extension for reading; same results."""
    from peerapp.core.library import _split_header, library_dir
    from peerapp.core.markdown_render import render_with_meta

    samples = [p.read_text("utf-8") for p in sorted(library_dir().glob("*/*.md"))]
    assert len(samples) > 50
    samples += [
        "No header at all\n\nJust text.",
        "---\nTitle: Fenced\nTags: a, b\n---\n\nBody",
        "Title: Long\n    continued here\nCategory: coping\n\nBody",
        "Title:\tTabbed\r\nCategory: safety\r\n\r\nWindows lines",
        "   Title: indented three\n\nbody",
        "Title: x\nnot a header line\n\nbody",
        "",
    ]
    for text in samples:
        _html, meta = render_with_meta(text)
        expected_body = text.partition("\n\n")[2] if meta else text
        assert _split_header(text) == (meta, expected_body), text[:80]


def test_long_words_stay_out_of_the_spelling_vocabulary(tmp_path: Path) -> None:
    """The spelling index keeps a variant per letter of each word; a 5,000-letter word would be 25 MB."""
    from peerapp.core.library_index import MAX_VOCABULARY_WORD, LibraryIndex

    en = tmp_path / "library" / "en"
    en.mkdir(parents=True)
    long_word = "b" * 5000
    (en / "a.md").write_text(f"Title: Breathing\n\nslow breathing {long_word}\n", "utf-8")
    with LibraryIndex("en", tmp_path, cache=tmp_path / "cache") as index:
        assert index._conn is not None
        words = [str(r[0]) for r in index._conn.execute("SELECT word FROM word")]
        assert "breathing" in words and max(map(len, words)) <= MAX_VOCABULARY_WORD
        assert [hit.id for hit in index.search("breathing")] == ["a"]
