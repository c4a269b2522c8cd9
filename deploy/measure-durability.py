#!/usr/bin/env python3
"""Cost of making one small record durable on this disk: a SQLite insert (WAL, synchronous=FULL, the
kiosk's replay.db) against an append to a preallocated log with fsync, fdatasync or O_DSYNC. Prints p50,
p99 and max in microseconds.

A kiosk waits between scans, and on the x64 build machine a sync after an idle gap costs two to four
times one made back to back (docs/deployment.md, "Scan to relay"), so back-to-back figures are the
optimistic ones: give GAP_MS to measure as a kiosk commits. Run it on the disk you care about (--dir on
the board's SD card)."""
import argparse
import os
import shutil
import sqlite3
import tempfile
import time

RECORD = b"x" * 40 + b"\n"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1)]


def report(name, latencies):
    print(f"{name:28s} p50 {percentile(latencies, 50):8.0f} us  p99 {percentile(latencies, 99):8.0f} us  "
          f"max {max(latencies):8.0f} us", flush=True)


def timed(records, gap, write):
    latencies = []
    for i in range(records):
        if gap:
            time.sleep(gap)
        start = time.perf_counter_ns()
        write(i)
        latencies.append((time.perf_counter_ns() - start) / 1000)
    return latencies


def sqlite_inserts(folder, records, gap):
    db = sqlite3.connect(os.path.join(folder, "replay.db"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE replay (jti TEXT PRIMARY KEY, keep_until INTEGER NOT NULL) WITHOUT ROWID")
    try:
        return timed(records, gap, lambda i: db.execute("INSERT OR IGNORE INTO replay VALUES (?, ?)", (f"jti-{i:08d}", i)))
    finally:
        db.close()


def appends(folder, name, flags, sync, records, gap):
    fd = os.open(os.path.join(folder, name), os.O_RDWR | os.O_CREAT | flags, 0o600)
    try:
        os.posix_fallocate(fd, 0, max(1 << 20, records * len(RECORD)))  # an overwrite inside the file changes no size metadata
        os.fsync(fd)

        def write(i):
            os.pwrite(fd, RECORD, i * len(RECORD))
            if sync:
                sync(fd)

        return timed(records, gap, write)
    finally:
        os.close(fd)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records", nargs="?", type=int, default=300, metavar="N", help="records per method (default 300)")
    parser.add_argument("gap_ms", nargs="?", type=float, default=0.0, metavar="GAP_MS",
                        help="milliseconds to wait before each record, as between scans (default 0: back to back)")
    parser.add_argument("--dir", default=os.environ.get("DIR", "."),
                        help="measure on the disk holding this folder (default: $DIR, else the current folder)")
    args = parser.parse_args()
    if args.records < 1:
        parser.error("N must be at least 1")
    if args.gap_ms < 0:
        parser.error("GAP_MS must not be negative")

    folder = tempfile.mkdtemp(prefix="durable-", dir=args.dir)
    gap = args.gap_ms / 1000
    try:
        report("sqlite WAL synchronous=FULL", sqlite_inserts(folder, args.records, gap))
        for name, flags, sync in (("append+fsync", 0, os.fsync), ("append+fdatasync", 0, os.fdatasync),
                                  ("append O_DSYNC", os.O_DSYNC, None)):
            report(name, appends(folder, name.replace(" ", "_").replace("+", "_"), flags, sync, args.records, gap))
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
