#!/usr/bin/env python3
"""Kiosk Edge scale run (issue 14): N simulated kiosks against a real Mosquitto, one and then two kiosk-fleet
instances (MQTT 5 shared subscription, group "fleet") and a real PostgreSQL, all started here on free
loopback ports with their data in a temporary folder, then removed.

For each N it prints, for one instance and then two:
  connections      kiosk connections the broker holds ($SYS/broker/clients/connected less the fleet's)
  events_s         events ingested per second (rows added to Events over the window / seconds)
  messages_s       kiosk messages stored per second (events, status, state, telemetry; all instances)
  lag_p99_s        ingest lag p99: event ts (the simulator stamps it with the wall clock, --wall-ts) to row
                   committed, from the fleets' kiosk_fleet_ingest_event_lag histogram over the window
  cmd_p99_s        command round trip p99: a signed `unlock` POSTed to the fleet's HTTP API for a sample of
                   kiosks, to the HTTP answer (the kiosk's reply); with the count answered 200
  broker_kb_1000, fleet_kb_1000
                   memory per 1,000 kiosks: VmRSS growth from before the kiosks connected, per 1,000
and once per N:
  restart_all_s    after a broker restart (SIGTERM, persistence kept): seconds until all N kiosks had
                   connected again (broker log, whole seconds rounded up)
  restart_peak_s   the peak connects in one second meanwhile (the kiosks' jittered backoff spreads them)
  db_kiosk_day_b   database growth per kiosk per day: pg_total_relation_size of the fleet's tables,
                   before/after both windows, per kiosk and per simulated day (--time-scale)
  cell_kiosk_day_b cellular data per kiosk per day, sent+received, from the simulator's byte counts over
                   the same period (MQTT payload + MQTT overhead estimate; no TCP/IP/TLS overhead)
Nothing is asserted about speed. The exit code is non-zero when a part failed or a figure is missing.
The load average is printed before and after: the machine may be shared; quote it with the figures.

Usage: deploy/scale/scale.py [--smoke] [--sizes 100,1000,5000] [--window S] [--time-scale X] [--seed N]
                             [--commands K] [--connect-rate R] [--json FILE] [--keep]
  --smoke          CI size: N = 200, the simulator runs about 60 s (windows of 15 s, 10 commands)
  --sizes          kiosk counts, one full run each (default 100,1000,5000)
  --window S       seconds per measurement window (default 60)
  --time-scale X   simulated seconds per wall second (default: 1440 at N <= 200, else 288000 / N: about
                   the same offered load at every N; a smoke run covers one simulated day)
  --json FILE      also write the figures as JSON lines
  --keep           keep the temporary folders (logs, broker log, database)
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figures  # noqa: E402
import servers  # noqa: E402

PREFIX = "scale"
SIM_PROJECT, SIM_DLL = "Kiosk.FleetSim", "Kiosk.FleetSim.dll"
TRUST_STORE = os.path.join(servers.ROOT, "src", "Kiosk.Edge", "demo", "trust-store.json")
# The Development fleet's own simulated kiosks stay off: the run counts only its N.
FLEET_ENV = {"Fleet__Simulator__Enabled": "false", "Fleet__Alarms__OfflineAfter": "00:10:00"}


def parse(argv):
    o = {"smoke": False, "sizes": [100, 1000, 5000], "window": 60.0, "time_scale": None, "seed": 42,
         "commands": 50, "connect_rate": 200, "json": None, "keep": False}
    while argv:
        flag = argv.pop(0)
        if flag == "--smoke":
            o.update(smoke=True, sizes=[200], window=15.0, commands=10)
        elif flag == "--sizes":
            o["sizes"] = [int(x) for x in argv.pop(0).split(",") if x]
        elif flag in ("--window", "--time-scale"):
            o[flag[2:].replace("-", "_")] = float(argv.pop(0))
        elif flag in ("--seed", "--commands", "--connect-rate"):
            o[flag[2:].replace("-", "_")] = int(argv.pop(0))
        elif flag == "--json":
            o["json"] = argv.pop(0)
        elif flag == "--keep":
            o["keep"] = True
        else:
            sys.exit(f"scale.py: unknown argument {flag}\n{__doc__}")
    return o


def time_scale(o, n):
    return o["time_scale"] or (1440.0 if n <= 200 else 288000.0 / n)


def load():
    return open("/proc/loadavg").read().split()[:3]


def scrape(fleets):
    return [figures.parse_metrics(f.metrics()) for f in fleets]


def lag_histogram(after, before, name):
    return figures.merge(*(figures.delta(figures.buckets(a, name), figures.buckets(b, name)) for a, b in zip(after, before)))


def send_commands(fleet, token, kiosks, count, spacing, out, rng):
    for _ in range(count):
        t = time.monotonic()
        out.append(fleet.command(token, rng.choice(kiosks), "unlock", {"door": "rest"}))
        time.sleep(max(0.0, spacing - (time.monotonic() - t)))


def window(ctx, fleets, seconds, commands):
    """One measurement window with `fleets` running: figures from the difference of two samples."""
    pg, mq, sim, n = ctx["pg"], ctx["mq"], ctx["sim"], ctx["n"]
    before, events0, t0 = scrape(fleets), pg.rows("Events"), time.monotonic()
    results, token = [], fleets[0].login()
    sender = threading.Thread(target=send_commands, args=(fleets[0], token, ctx["kiosks"], commands,
                                                          seconds / max(1, commands), results, ctx["rng"]))
    sender.start()
    time.sleep(seconds)
    sender.join()
    after, events1, elapsed = scrape(fleets), pg.rows("Events"), time.monotonic() - t0
    stored = sum(figures.total(a, "kiosk_fleet_ingest_messages", outcome="stored") -
                 figures.total(b, "kiosk_fleet_ingest_messages", outcome="stored") for a, b in zip(after, before))
    ok = sum(1 for status, _ in results if status == 200)
    return {
        "n": n, "instances": len(fleets),
        "connections": mq.connected() - len(fleets),
        "events_s": (events1 - events0) / elapsed,
        "messages_s": stored / elapsed,
        "lag_p99_s": figures.quantile(lag_histogram(after, before, "kiosk_fleet_ingest_event_lag"), 0.99),
        "receipt_commit_p99_s": figures.quantile(lag_histogram(after, before, "kiosk_fleet_ingest_lag"), 0.99),
        "cmd_p99_s": figures.percentile([s for _, s in results], 0.99),
        "cmd_ok": f"{ok}/{len(results)}",
        "broker_kb_1000": (servers.rss_kb(mq.process.pid) - ctx["base_broker_kb"]) * 1000.0 / n,
        "fleet_kb_1000": (servers.rss_kb(fleets[0].process.pid) - ctx["base_fleet_kb"]) * 1000.0 / n,
        "broker_rss_kb": servers.rss_kb(mq.process.pid),
        "fleet_rss_kb": [servers.rss_kb(f.process.pid) for f in fleets],
    }


def restart_broker(ctx, fleets):
    mq, n = ctx["mq"], ctx["n"]
    mq.stop()
    started = int(time.time())
    t0 = time.monotonic()
    mq.start()
    servers.wait_for(lambda: mq.connected() >= n + len(fleets), max(180.0, n / 10.0), f"all {n} kiosks back after the restart", 1.0)
    polled = time.monotonic() - t0
    time.sleep(2)  # the last connect lines reach the log
    with open(mq.log, errors="replace") as f:
        events = figures.connects(f.readlines(), PREFIX + "-", started)
    all_s, peak, seen = figures.reconnect_figures(events, n, started)
    return {"restart_all_s": all_s, "restart_polled_s": polled, "restart_peak_s": peak, "restart_clients": seen}


def sim_args(o, n, mq_port, wall_ts, seconds):
    args = ["--host", "127.0.0.1", "--port", str(mq_port), "--count", str(n), "--seed", str(o["seed"]),
            "--duration", time.strftime("%H:%M:%S", time.gmtime(seconds)), "--time-scale", f"{time_scale(o, n):g}",
            "--id-prefix", PREFIX, "--connect-rate", str(o["connect_rate"]), "--trust-store", TRUST_STORE,
            "--stats-interval", "00:00:01"]
    return args + (["--wall-ts"] if wall_ts else [])


def run_size(o, n, dlls, wall_ts):
    work = tempfile.mkdtemp(prefix=f"kiosk-scale-{n}-")
    ctx = {"n": n, "rng": random.Random(o["seed"])}
    started, rows = [], []
    try:
        ctx["pg"] = pg = servers.Postgres(work)
        started.append(pg)
        ctx["mq"] = mq = servers.Mosquitto(work)
        started.append(mq)
        fleets = [servers.Fleet(work, dlls["fleet"], mq.port, pg.connection_string, "fleet-1", FLEET_ENV)]
        started.append(fleets[0])
        scrape(fleets)
        ctx["base_broker_kb"], ctx["base_fleet_kb"] = servers.rss_kb(mq.process.pid), servers.rss_kb(fleets[0].process.pid)
        connect_budget = n / o["connect_rate"] + 60
        budget = connect_budget + 3 * o["window"] + 240 + n / 10
        ctx["sim"] = sim = servers.Sim(work, dlls["sim"], sim_args(o, n, mq.port, wall_ts, budget))
        started.append(sim)
        t = time.monotonic()
        servers.wait_for(lambda: mq.connected() >= n + 1, connect_budget, f"{n} kiosks connected", 1.0)
        connect_s = time.monotonic() - t
        servers.wait_for(lambda: len(sim.stats().get("perKiosk", {})) >= n, 30, "the simulator's stats")
        ctx["kiosks"] = sorted(sim.stats()["perKiosk"])
        time.sleep(min(10.0, o["window"] / 3))  # births and retained state ingested before measuring
        db0, s0 = pg.tables_bytes(), sim.stats()
        rows.append(window(ctx, fleets, o["window"], o["commands"]))
        fleets.append(servers.Fleet(work, dlls["fleet"], mq.port, pg.connection_string, "fleet-2", FLEET_ENV))
        started.append(fleets[1])
        time.sleep(3)
        rows.append(window(ctx, fleets, o["window"], o["commands"]))
        db1, s1 = pg.tables_bytes(), sim.stats()
        virtual = s1["virtualSeconds"] - s0["virtualSeconds"]
        once = {"n": n, "time_scale": time_scale(o, n), "connect_all_s": connect_s,
                "db_kiosk_day_b": figures.per_kiosk_day(db1 - db0, n, virtual),
                "cell_kiosk_day_b": figures.per_kiosk_day(s1["bytesSent"] + s1["bytesReceived"] - s0["bytesSent"] - s0["bytesReceived"], n, virtual),
                "cell_sent_kiosk_day_b": figures.per_kiosk_day(s1["bytesSent"] - s0["bytesSent"], n, virtual),
                "simulated_hours": virtual / 3600.0}
        once.update(restart_broker(ctx, fleets))
        return rows, once
    finally:
        for part in reversed(started):
            try:
                part.stop()
            except Exception as e:  # stopping is best effort: report, keep stopping the others
                print(f"scale.py: stopping {type(part).__name__}: {e}", file=sys.stderr)
        if o["keep"]:
            print(f"kept {work}")
        else:
            servers.cleanup(work)


def fmt(v):
    if v is None:
        return "MISSING"
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 10 else f"{v:.0f}"
    return str(v)


def main():
    o = parse(sys.argv[1:])
    dlls = {"fleet": servers.build_output("Kiosk.Fleet", "kiosk-fleet.dll"), "sim": servers.build_output(SIM_PROJECT, SIM_DLL)}
    sim_help = subprocess.run(["dotnet", dlls["sim"], "run", "--help"], capture_output=True, text=True).stdout
    wall_ts = "--wall-ts" in sim_help
    print(f"scale run: sizes {o['sizes']}, windows {o['window']:g} s, seed {o['seed']}, open files limit {servers.nofile_limit()}, "
          f"{os.cpu_count()} cores, load {' '.join(load())}")
    if not wall_ts:
        print("scale.py: the simulator has no --wall-ts: lag_p99_s measures from a simulated ts and is not a lag")
    missing, out = 0, open(o["json"], "a") if o["json"] else None
    for n in o["sizes"]:
        rows, once = run_size(o, n, dlls, wall_ts)
        for r in rows:
            print("  ".join(f"{k}={fmt(v)}" for k, v in r.items()))
            missing += sum(1 for v in r.values() if v is None)
        print("  ".join(f"{k}={fmt(v)}" for k, v in once.items()))
        missing += sum(1 for v in once.values() if v is None)
        for r in [*rows, once]:
            if out:
                out.write(json.dumps({**r, "load": load()}) + "\n")
    print(f"load after: {' '.join(load())}")
    if missing or not wall_ts:
        print(f"scale.py: {missing} figure(s) missing" + ("" if wall_ts else "; no wall-clock ts"), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
