#!/usr/bin/env python3
"""Kiosk Edge scale run (issue 14): N simulated kiosks (Kiosk.FleetSim) against a real Mosquitto, one and then two
kiosk-fleet instances (MQTT 5 shared subscription, group "fleet") and a real PostgreSQL, all started here on free
loopback ports with their data in a temporary folder, then removed.

The kiosks run in real time (--time-scale 1: their event ts is the wall clock, so the lag is a lag; the model steps
every second, so an event waits up to 1 s in the simulator before it is published; no simulated link drops, so
that "all N connected" is a state the run reaches), with the rest of the
simulator's behaviour (visits peaking about 06:00 and 12:00 Asia/Shanghai, stewards, appliances, alarms).
For each N it prints, for one instance and then two (one window each):
  connections      kiosks whose connection is up (the simulator's count); broker_clients: the broker's own
                   $SYS/broker/clients/connected (the fleet instances' two sessions each included)
  events_s         events ingested per second (rows added to Events over the window / seconds)
  messages_s       kiosk messages stored per second (events, status, state, telemetry; all instances)
  lag_p99_s        ingest lag p99: event ts to row committed (kiosk_fleet_ingest_event_lag, all instances, the window)
  receipt_commit_p99_s  the part of it inside the fleet: receipt to commit and PUBACK (kiosk_fleet_ingest_lag)
  cmd_p99_s        command round trip p99: a signed `unlock` POSTed to the fleet's HTTP API for kiosks picked at
                   random (seeded), to the HTTP answer carrying the kiosk's reply; cmd_ok = answered 200 / sent
  broker_kb_1000, fleet_kb_1000
                   memory per 1,000 kiosks: VmRSS growth of the broker and of the first fleet instance from before
                   the kiosks connected, per 1,000 kiosks (broker_rss_kb, fleet_rss_kb: the absolute VmRSS)
and once per N:
  connect_all_s    from the simulator's start until the broker holds all N (at --connect-rate a second)
  fleet_all_online_s  until the fleet's database has all N online (their births ingested); the windows start then
  restart_all_s    a broker restart (SIGTERM, persistence on, started again at once): seconds from its start until
                   all N kiosks had connected again (broker log, whole seconds rounded up; restart_polled_s: $SYS)
  restart_peak_s   the most kiosk connects in one second meanwhile: the kiosks' jittered backoff spreads them
Once per run (per kiosk, so independent of N), a simulated day: D kiosks (--day-kiosks) run one virtual day at
--day-scale (virtual seconds per wall second), from midnight Asia/Shanghai:
  db_kiosk_day_b   database growth per kiosk per day: pg_total_relation_size of the fleet's tables after minus
                   before the day, per kiosk (raw telemetry is kept 7 days, rollups longer: see docs/scale.md)
  cell_kiosk_day_b cellular data per kiosk per day, sent + received, from the simulator's byte counts (MQTT packet
                   bytes; no TCP/IP or TLS framing; keep-alives under-counted at --day-scale > 1: see docs/scale.md)
  telemetry_dropped  QoS 0 telemetry the fleet dropped meanwhile (non-zero: the day ran faster than ingest)
Nothing is asserted about speed. The exit code is non-zero when a part failed or a figure is missing.
The load average is printed before and after: the machine may be shared; quote it with the figures.

Usage: deploy/scale/scale.py [--smoke] [--sizes 100,1000,5000] [--window S] [--visits-per-day V] [--seed N]
                             [--commands K] [--connect-rate R] [--day-kiosks D] [--day-scale X] [--no-day]
                             [--json FILE] [--keep] [--sim-dll PATH]
  --smoke          CI size: N = 200 for about 60 s (windows of 15 s, 10 commands, 400 visits per station per
                   day so that a window holds events), then 20 kiosks for one virtual day in 30 s
  --sizes          kiosk counts, one full run each (default 100,1000,5000)
  --window S       seconds per measurement window (default 60)
  --visits-per-day V  the simulator's visits per station per day (default 40, the simulator's own)
  --day-kiosks D, --day-scale X  the simulated day (default 50 kiosks at 144: 10 minutes; the simulator's
                   default behaviour, 40 visits per station per day); --no-day skips it
  --json FILE      also append the figures as JSON lines
  --keep           keep the temporary folders (logs, broker log, database)
  --sim-dll PATH   the simulator to run (default: src/Kiosk.FleetSim's Release build, built when missing)
"""
import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figures  # noqa: E402
import servers  # noqa: E402

PREFIX, DAY_PREFIX = "scale", "day"
SIM_PROJECT, SIM_DLL = "Kiosk.FleetSim", "kiosk-fleetsim.dll"
TRUST_STORE = os.path.join(servers.ROOT, "src", "Kiosk.Edge", "demo", "trust-store.json")
# The Development fleet's own simulated kiosks stay off (the run counts only its N), and the alarm settings are the
# production ones (appsettings.json): Development's 10 s telemetry period would raise a no-telemetry alarm for
# every kiosk reporting by exception.
FLEET_ENV = {"Fleet__Simulator__Enabled": "false", "Fleet__Alarms__TelemetryPeriod": "00:15:00", "Fleet__Alarms__OfflineAfter": "00:10:00"}
# Broker connections per fleet instance: its live session and its state session ({ClientId}-state, docs/fleet.md).
FLEET_SESSIONS = 2


def parse(argv):
    ap = argparse.ArgumentParser(prog="deploy/scale/scale.py", description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog="See the module text for each figure.")
    ap.add_argument("--smoke", action="store_true", help="CI size: N = 200, windows of 15 s, 10 commands, 400 visits per station per day, 20 day kiosks at 2880")
    ap.add_argument("--sizes", help="kiosk counts, one full run each (default 100,1000,5000)")
    ap.add_argument("--window", type=float, help="seconds per measurement window (default 60)")
    ap.add_argument("--visits-per-day", type=float, help="the simulator's visits per station per day (default 40)")
    ap.add_argument("--day-scale", type=float, help="virtual seconds per wall second in the simulated day (default 144)")
    ap.add_argument("--seed", type=int, help="the simulator's seed (default 42)")
    ap.add_argument("--commands", type=int, help="commands timed per size (default 50)")
    ap.add_argument("--connect-rate", type=int, help="kiosk connections a second (default 200)")
    ap.add_argument("--day-kiosks", type=int, help="kiosks in the simulated day (default 50)")
    ap.add_argument("--no-day", action="store_true", help="skip the simulated day")
    ap.add_argument("--json", help="also append the figures as JSON lines to this file")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders (logs, broker log, database)")
    ap.add_argument("--sim-dll", help="the simulator to run (default: src/Kiosk.FleetSim's Release build, built when missing)")
    a = ap.parse_args(argv)
    o = {"smoke": a.smoke, "sizes": [100, 1000, 5000], "window": 60.0, "visits_per_day": 40.0, "seed": 42,
         "commands": 50, "connect_rate": 200, "day_kiosks": 50, "day_scale": 144.0, "json": a.json, "keep": a.keep,
         "sim_dll": os.path.abspath(a.sim_dll) if a.sim_dll else None, "day": not a.no_day}
    if a.smoke:
        o.update(sizes=[200], window=15.0, commands=10, visits_per_day=400.0, day_kiosks=20, day_scale=2880.0)
    if a.sizes:
        o["sizes"] = [int(x) for x in a.sizes.split(",") if x]
    for key in ("window", "visits_per_day", "day_scale", "seed", "commands", "connect_rate", "day_kiosks"):
        if getattr(a, key) is not None:
            o[key] = getattr(a, key)
    return o


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
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "n": n, "instances": len(fleets),
        "connections": sim.stats().get("connected"),
        "broker_clients": mq.connected(),
        "events_s": (events1 - events0) / elapsed,
        "messages_s": stored / elapsed,
        "lag_p99_s": figures.quantile(lag_histogram(after, before, "kiosk_fleet_ingest_event_lag"), 0.99),
        "receipt_commit_p99_s": figures.quantile(lag_histogram(after, before, "kiosk_fleet_ingest_lag"), 0.99),
        "cmd_p99_s": figures.percentile([s for _, s in results], 0.99),
        "cmd_ok": f"{statuses.get(200, 0)}/{len(results)}",
        "cmd_status": ",".join(f"{k}:{v}" for k, v in sorted(statuses.items())),
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
    try:
        servers.wait_for(lambda: mq.connected() >= n + FLEET_SESSIONS * len(fleets), max(180.0, n / 10.0), f"all {n} kiosks back after the restart", 1.0)
        polled = time.monotonic() - t0
    except RuntimeError as e:
        print(f"scale.py: {e}", file=sys.stderr)
        polled = None
    time.sleep(2)  # the last connect lines reach the log
    with open(mq.log, errors="replace") as f:
        events = figures.connects(f.readlines(), PREFIX + "-", started)
    all_s, peak, seen = figures.reconnect_figures(events, n, started)
    return {"restart_all_s": all_s, "restart_polled_s": polled, "restart_peak_s": peak, "restart_clients": seen}


def sim_args(o, mq_port, prefix, count, seconds, extra):
    return ["--host", "127.0.0.1", "--port", str(mq_port), "--count", str(count), "--seed", str(o["seed"]),
            "--duration", time.strftime("%H:%M:%S", time.gmtime(seconds)), "--id-prefix", prefix,
            "--connect-rate", str(o["connect_rate"]), "--trust-store", TRUST_STORE, "--stats-interval", "00:00:01", *extra]


def drained(pg, quiet=3, timeout=180):
    """Waits until the fleet has committed what the broker holds: the Events count unchanged for `quiet` seconds."""
    last, same, deadline = -1, 0, time.monotonic() + timeout
    while same < quiet and time.monotonic() < deadline:
        count = pg.rows("Events")
        same, last = (same + 1, last) if count == last else (0, count)
        time.sleep(1)


def simulated_day(o, ctx, work, dlls, fleets):
    """D kiosks for one virtual day from midnight Asia/Shanghai: DB growth and cellular bytes per kiosk per day."""
    pg, mq, d, scale = ctx["pg"], ctx["mq"], o["day_kiosks"], o["day_scale"]
    day = 86400.0 / scale
    midnight = time.strftime("%Y-%m-%dT00:00:00+08:00", time.gmtime(time.time() + 8 * 3600))
    sim = servers.Sim(work, dlls["sim"], sim_args(o, mq.port, DAY_PREFIX, d, d / o["connect_rate"] + day + 120,
                                                 ["--time-scale", f"{scale:g}", "--start", midnight]), "day")
    try:
        servers.wait_for(lambda: sim.stats().get("connected", 0) >= d, d / o["connect_rate"] + 60, f"{d} day kiosks connected")
        before = scrape(fleets)
        db0, t0, s0 = pg.tables_bytes(), pg.table_bytes(), sim.stats()
        servers.wait_for(lambda: sim.stats().get("virtualSeconds", 0) - s0["virtualSeconds"] >= 86400, day + 60, "a simulated day", 1.0)
        s1 = sim.stats()
    finally:
        sim.stop()
    drained(pg)
    db1, t1, after = pg.tables_bytes(), pg.table_bytes(), scrape(fleets)
    virtual = s1["virtualSeconds"] - s0["virtualSeconds"]
    return {"day_kiosks": d, "day_scale": scale, "simulated_hours": virtual / 3600.0,
            "db_kiosk_day_b": figures.per_kiosk_day(db1 - db0, d, virtual),
            "cell_kiosk_day_b": figures.per_kiosk_day(s1["bytesSent"] + s1["bytesReceived"] - s0["bytesSent"] - s0["bytesReceived"], d, virtual),
            "cell_sent_kiosk_day_b": figures.per_kiosk_day(s1["bytesSent"] - s0["bytesSent"], d, virtual),
            "packets_kiosk_day": figures.per_kiosk_day(s1["packetsSent"] + s1["packetsReceived"] - s0["packetsSent"] - s0["packetsReceived"], d, virtual),
            "events_kiosk_day": figures.per_kiosk_day(s1["eventsSent"] - s0["eventsSent"], d, virtual),
            "db_tables_kiosk_day_b": ",".join(f"{t}:{figures.per_kiosk_day(t1[t] - t0.get(t, 0), d, virtual):.0f}"
                                              for t in sorted(t1, key=lambda t: t0.get(t, 0) - t1[t])[:5]),
            "telemetry_dropped": sum(figures.total(a, "kiosk_fleet_telemetry_dropped") - figures.total(b, "kiosk_fleet_telemetry_dropped")
                                     for a, b in zip(after, before))}


def run_size(o, n, dlls, with_day):
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
        # The idle baseline once the fleet has served a scrape and a sign-in (JIT and pools warmed up).
        scrape(fleets)
        fleets[0].login()
        time.sleep(2)
        ctx["base_broker_kb"], ctx["base_fleet_kb"] = servers.rss_kb(mq.process.pid), servers.rss_kb(fleets[0].process.pid)
        connect_budget = n / o["connect_rate"] + 60
        budget = connect_budget + 2 * o["window"] + 120 + n / 10
        ctx["sim"] = sim = servers.Sim(work, dlls["sim"], sim_args(o, mq.port, PREFIX, n, budget, ["--visits-per-day", f"{o['visits_per_day']:g}", "--step", "00:00:01", "--link-drops-per-day", "0"]), "sim")
        started.append(sim)
        t = time.monotonic()
        servers.wait_for(lambda: mq.connected() >= n + FLEET_SESSIONS, connect_budget, f"{n} kiosks connected", 1.0)
        connect_s = time.monotonic() - t
        ctx["kiosks"] = sorted(sim.stats()["perKiosk"])
        # Measured from the moment the fleet knows every kiosk online (births ingested): commands then find them.
        servers.wait_for(lambda: pg.online() >= n, connect_budget + 120, f"the fleet seeing {n} kiosks online", 1.0)
        fleet_s = time.monotonic() - t
        rows.append(window(ctx, fleets, o["window"], o["commands"]))
        fleets.append(servers.Fleet(work, dlls["fleet"], mq.port, pg.connection_string, "fleet-2", FLEET_ENV))
        started.append(fleets[1])
        time.sleep(3)
        rows.append(window(ctx, fleets, o["window"], o["commands"]))
        once = {"n": n, "connect_all_s": connect_s, "fleet_all_online_s": fleet_s}
        once.update(restart_broker(ctx, fleets))
        sim.stop()
        if with_day:
            once.update(simulated_day(o, ctx, work, dlls, fleets))
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
    dlls = {"fleet": servers.build_output("Kiosk.Fleet", "kiosk-fleet.dll"), "sim": o["sim_dll"] or servers.build_output(SIM_PROJECT, SIM_DLL)}
    print(f"scale run: sizes {o['sizes']}, windows {o['window']:g} s, {o['visits_per_day']:g} visits/station/day, seed {o['seed']}, "
          f"open files limit {servers.nofile_limit()}, {os.cpu_count()} cores, load {' '.join(load())}", flush=True)
    missing, out, firsts = 0, open(o["json"], "a") if o["json"] else None, []
    for i, n in enumerate(o["sizes"]):
        rows, once = run_size(o, n, dlls, with_day=o["day"] and i == 0)
        firsts.append((n, rows[0]["broker_rss_kb"], rows[0]["fleet_rss_kb"][0]))
        for r in [*rows, once]:
            print("  ".join(f"{k}={fmt(v)}" for k, v in r.items()), flush=True)
            missing += sum(1 for v in r.values() if v is None)
            if out:
                out.write(json.dumps({**r, "load": load()}) + "\n")
    if len(firsts) >= 2:
        (n0, b0, f0), (n1, b1, f1) = firsts[0], firsts[-1]
        print(f"memory per 1,000 kiosks between N={n0} and N={n1} (one instance): broker {(b1 - b0) * 1000 / (n1 - n0):.0f} kB, "
              f"fleet {(f1 - f0) * 1000 / (n1 - n0):.0f} kB")
    print(f"load after: {' '.join(load())}")
    if missing:
        print(f"scale.py: {missing} figure(s) missing", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
