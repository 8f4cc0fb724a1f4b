"""The store's file and its tables (its own, unrelated to the program's database)."""

from __future__ import annotations

DB_FILE = "regulator.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS companies (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, sealed_secret BLOB NOT NULL,
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nonces (
    company TEXT NOT NULL, nonce TEXT NOT NULL, seen REAL NOT NULL,
    PRIMARY KEY (company, nonce)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nonces_seen ON nonces (seen);
CREATE TABLE IF NOT EXISTS idempotency (
    company TEXT NOT NULL, key TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,
    body TEXT NOT NULL, status INTEGER NOT NULL, response TEXT NOT NULL, created REAL NOT NULL,
    PRIMARY KEY (company, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idempotency_created ON idempotency (created);
CREATE TABLE IF NOT EXISTS orders (
    n INTEGER PRIMARY KEY AUTOINCREMENT, company TEXT NOT NULL, id TEXT NOT NULL,
    tier TEXT NOT NULL, report TEXT NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0,
    last_status TEXT NOT NULL DEFAULT 'accepted', received_at TEXT NOT NULL,
    UNIQUE (company, id));
CREATE TABLE IF NOT EXISTS events (
    order_n INTEGER NOT NULL REFERENCES orders (n), seq INTEGER NOT NULL, status TEXT NOT NULL,
    body TEXT NOT NULL, received_at TEXT NOT NULL,
    PRIMARY KEY (order_n, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS callbacks (
    n INTEGER PRIMARY KEY AUTOINCREMENT, order_n INTEGER NOT NULL REFERENCES orders (n),
    body TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tickets (
    n INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id TEXT UNIQUE, company TEXT NOT NULL,
    item TEXT NOT NULL, reply_due REAL NOT NULL,
    acked_work_order_id TEXT, acked_at TEXT, ack_received_at TEXT);
CREATE INDEX IF NOT EXISTS tickets_open ON tickets (company, acked_work_order_id, n);
CREATE TABLE IF NOT EXISTS replies (
    n INTEGER PRIMARY KEY AUTOINCREMENT, ticket_n INTEGER NOT NULL REFERENCES tickets (n),
    body TEXT NOT NULL, received REAL NOT NULL, received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS replies_ticket ON replies (ticket_n);
CREATE TABLE IF NOT EXISTS supervisions (
    n INTEGER PRIMARY KEY AUTOINCREMENT, supervision_id TEXT UNIQUE, company TEXT NOT NULL,
    item TEXT NOT NULL, acked_at TEXT, ack_received_at TEXT);
CREATE INDEX IF NOT EXISTS supervisions_open ON supervisions (company, ack_received_at, n);
CREATE TABLE IF NOT EXISTS disclosures (
    n INTEGER PRIMARY KEY AUTOINCREMENT, company TEXT NOT NULL, project_code TEXT NOT NULL,
    period TEXT NOT NULL, version INTEGER NOT NULL, published REAL NOT NULL, body TEXT NOT NULL,
    received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS disclosures_period ON disclosures (company, project_code, period);
"""
