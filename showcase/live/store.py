"""The live day's store: one SQLite file with an append-only `events` table.

Every act — a code issued or used, a score, a correction, a lock, a reopen, a vote, a publication, a
refusal — is one row with its time, device and judge. Triggers make UPDATE and DELETE fail, WAL with
synchronous=FULL makes a committed row survive a crash or `kill -9`; the state is the replay of the rows.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

BEIJING = timezone(timedelta(hours=8))

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    kind   TEXT NOT NULL,
    device TEXT NOT NULL DEFAULT '',
    judge  TEXT NOT NULL DEFAULT '',
    round  TEXT NOT NULL DEFAULT '',
    entry  TEXT NOT NULL DEFAULT '',
    data   TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
"""


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    kind: str
    device: str = ""
    judge: str = ""
    round: str = ""
    entry: str = ""
    data: dict = field(default_factory=dict)


def now_text() -> str:
    return datetime.now(BEIJING).isoformat(timespec="milliseconds")


class Store:
    """The events of one competition's live day (`live/<competition-id>/events.sqlite`)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()  # one connection shared by the server's worker threads
        self._commit_lock = threading.Lock()
        self._inserted = self._committed = 0  # the last event id inserted / known committed
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA busy_timeout=5000")  # `--codes` may write while the server runs
        self._db.executescript(SCHEMA)

    def append(self, kind: str, **columns) -> Event:
        """Write one event and return it once it is committed (durable: synchronous=FULL)."""
        event = self.insert(kind, **columns)
        self.commit_through(event.id)
        return event

    def insert(self, kind: str, *, device: str = "", judge: str = "", round: str = "", entry: str = "",
               data: dict | None = None) -> Event:
        """Add one event to the open transaction; it is durable only after `commit_through(event.id)`."""
        at, text = now_text(), json.dumps(data or {}, ensure_ascii=False, sort_keys=True)
        with self._lock:
            if not self._db.in_transaction:
                self._db.execute("BEGIN IMMEDIATE")
            cursor = self._db.execute(
                "INSERT INTO events (at, kind, device, judge, round, entry, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (at, kind, device, judge, round, entry, text))
            self._inserted = cursor.lastrowid
        return Event(cursor.lastrowid, at, kind, device, judge, round, entry, json.loads(text))

    def commit_through(self, event_id: int) -> None:
        """Return once `event_id` is on disk. Group commit: one COMMIT (one fsync) covers every event
        inserted before it, so judges submitting at the same moment share the wait instead of queueing."""
        with self._commit_lock:
            if self._committed >= event_id:
                return  # a commit made for another act already covered this one
            with self._lock:
                if self._db.in_transaction:
                    self._db.execute("COMMIT")
                self._committed = self._inserted

    def since(self, after: int = 0) -> list[Event]:
        """Events with an id above `after`, in order."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, at, kind, device, judge, round, entry, data FROM events WHERE id > ? ORDER BY id",
                (after,)).fetchall()
        return [Event(*row[:7], json.loads(row[7])) for row in rows]

    def close(self) -> None:
        with self._lock:
            if self._db.in_transaction:
                self._db.execute("COMMIT")
            self._db.close()
