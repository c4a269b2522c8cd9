#!/usr/bin/env python3
"""Cost of making one small record durable on this disk: SQLite (WAL, synchronous=FULL) insert vs an
append to a preallocated log with fsync, fdatasync or O_DSYNC. Prints p50/p99 in microseconds.

Usage: deploy/measure-durability.py [N] [GAP_MS]. GAP_MS waits that long before each record, as a kiosk
does between scans: on the x64 build machine a sync after an idle gap costs two to four times one made
back to back (docs/deployment.md), so back-to-back figures are the optimistic ones."""
import os, sqlite3, statistics, sys, tempfile, time
N = int(sys.argv[1]) if len(sys.argv) > 1 else 300
GAP = float(sys.argv[2]) / 1000 if len(sys.argv) > 2 else 0.0
d = tempfile.mkdtemp(prefix="durable-", dir=os.environ.get("DIR", "/work"))
rec = b"x" * 40 + b"\n"
def pct(v, p): v = sorted(v); return v[min(len(v) - 1, int(round(p / 100 * len(v) + 0.5)) - 1)]
def report(name, lat): print(f"{name:28s} p50 {pct(lat,50):8.0f} us  p99 {pct(lat,99):8.0f} us  max {max(lat):8.0f} us", flush=True)
db = sqlite3.connect(os.path.join(d, "replay.db"), isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE replay (jti TEXT PRIMARY KEY, keep_until INTEGER NOT NULL) WITHOUT ROWID")
lat = []
for i in range(N):
    if GAP: time.sleep(GAP)
    t = time.perf_counter_ns(); db.execute("INSERT OR IGNORE INTO replay VALUES (?, ?)", (f"jti-{i:08d}", i)); lat.append((time.perf_counter_ns() - t) / 1000)
report("sqlite WAL synchronous=FULL", lat)
for name, flags, sync in (("append+fsync", 0, os.fsync), ("append+fdatasync", 0, os.fdatasync), ("append O_DSYNC", os.O_DSYNC, None)):
    path = os.path.join(d, name.replace(" ", "_").replace("+", "_"))
    fd = os.open(path, os.O_RDWR | os.O_CREAT | flags, 0o600)
    os.posix_fallocate(fd, 0, 1 << 20)  # preallocated: an overwrite inside the file changes no size metadata
    os.fsync(fd)
    lat = []
    for i in range(N):
        if GAP: time.sleep(GAP)
        t = time.perf_counter_ns(); os.pwrite(fd, rec, i * len(rec))
        if sync: sync(fd)
        lat.append((time.perf_counter_ns() - t) / 1000)
    os.close(fd); report(name, lat)
import shutil; shutil.rmtree(d)
