"""The SQLite results store: one writer (the batch parent), WAL mode, a versioned schema.

Resuming rests on one fact: a row in `files` exists only once its persons and findings are
committed with it (one transaction per flush), so a killed run loses at most uncommitted work.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3

SCHEMA_VERSION = 1
MIGRATIONS = {
    1: """
    CREATE TABLE files (
        path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, format TEXT, form_type TEXT, issuer TEXT,
        cusip TEXT, event_date TEXT, filed_date TEXT, status TEXT NOT NULL, error TEXT,
        catalogue_version TEXT NOT NULL, checked_at TEXT NOT NULL, line TEXT NOT NULL);
    CREATE TABLE persons (
        path TEXT NOT NULL, ordinal INTEGER NOT NULL, name TEXT, aggregate REAL, percent REAL,
        sole_voting REAL, shared_voting REAL, sole_dispositive REAL, shared_dispositive REAL,
        line INTEGER, PRIMARY KEY (path, ordinal));
    CREATE TABLE findings (
        path TEXT NOT NULL, ordinal INTEGER NOT NULL, rule_id TEXT, rule TEXT, category TEXT,
        severity TEXT, message TEXT, person TEXT, line INTEGER, fingerprint TEXT,
        PRIMARY KEY (path, ordinal));
    """,
}
PERSON_COLS = ("name", "aggregate", "percent", "sole_voting", "shared_voting",
               "sole_dispositive", "shared_dispositive", "line")
FINDING_COLS = ("rule_id", "rule", "category", "severity", "message", "person", "line", "fingerprint")


class Store:
    def __init__(self, path: str):
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = row[0] or 0
        for version in range(current + 1, SCHEMA_VERSION + 1):
            self.db.execute("BEGIN")
            for stmt in filter(str.strip, MIGRATIONS[version].split(";")):
                self.db.execute(stmt)
            self.db.execute("INSERT INTO schema_version VALUES (?)", (version,))
            self.db.execute("COMMIT")

    def done(self, path: str, sha256: str, catalogue: str,
             retry: frozenset[str] = frozenset()) -> tuple[str, str] | None:
        """(JSON line, status) when this exact file was checked with this catalogue, unless its
        stored status is one of `retry` (a timed-out or crashed file the user asks to try again)."""
        row = self.db.execute("SELECT line, status FROM files WHERE path=? AND sha256=? AND catalogue_version=?",
                              (path, sha256, catalogue)).fetchone()
        if row is None or row[1] in retry:
            return None
        return row[0], row[1]

    def write(self, records: list[dict], catalogue: str) -> None:
        """Records of one flush in a single transaction (all or nothing on a kill)."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.db.execute("BEGIN")
        for rec in records:
            self._write_one(rec, catalogue, now)
        self.db.execute("COMMIT")

    def _write_one(self, rec: dict, catalogue: str, now: str) -> None:
        obj = json.loads(rec["line"])
        path = rec["path"]
        for table in ("files", "persons", "findings"):
            self.db.execute(f"DELETE FROM {table} WHERE path=?", (path,))
        self.db.execute(
            "INSERT INTO files VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (path, rec["sha256"], obj.get("format"), obj.get("form_type"), obj.get("issuer"),
             obj.get("cusip"), obj.get("event_date"), rec.get("filed_date"), rec["status"],
             rec["error"], catalogue, now, rec["line"]))
        for i, p in enumerate(obj.get("reporting_persons", [])):
            self.db.execute("INSERT INTO persons VALUES (?,?,?,?,?,?,?,?,?,?)",
                            (path, i, *(p.get(c) for c in PERSON_COLS)))
        for i, f in enumerate(obj.get("findings", [])):
            self.db.execute("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?,?)",
                            (path, i, *(f.get(c) for c in FINDING_COLS)))

    def close(self) -> None:
        self.db.close()
