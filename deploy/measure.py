#!/usr/bin/env python3
"""Measures the JIT and the Native AOT build of kiosk-edge side by side, in one run, in simulation.

For each build (deploy/publish.sh output: RID/kiosk-edge and RID/kioskctl) it prints:
  ready_ms        exec to READY=1 on a fake NOTIFY_SOCKET (what systemd waits for: Type=notify);
                  median of --starts starts on the same state (the first one creates the databases)
  rss_idle_kb     VmRSS after --idle seconds of idling (60 s in a full run)
  pss_idle_kb, dirty_idle_kb
                  at the same moment, from /proc/PID/smaps_rollup: PSS (shared pages divided among the
                  processes that map them) and private dirty memory (what only this process holds and the
                  kernel cannot drop and re-read: the real cost); RSS also counts clean file pages of the
                  executable and shared libraries, mapped in 64 kB fault-around windows
  status_ms       wall time of `kioskctl status` (the build's own kioskctl), median of --status-runs
  scan_p50_us, scan_p99_us, scan_max_us
                  scan to relay over --scans scans (1,000 in a full run): from writing the scanned
                  pass on the simulated scanner line (the sim.scan control operation, on a control
                  connection already accepted, so connecting is not counted) to the rest
                  cabin's lock output changing on the simulated chip, stamped by the service on the
                  same monotonic clock (sim.gpio follow). Every pass is fresh and granted; between
                  scans the door is opened and closed, which relocks it. The replay record is
                  committed (SQLite WAL, synchronous=FULL) before the relay moves: PassAuthority
                  consumes the jti before the door is released, and after each batch of passes
                  (while they are still valid, so none is pruned yet) the script checks that
                  replay.db holds the jti of every pass scanned.
  rss_scans_kb    VmRSS after the scans (and hwm_kb, the peak)
  deb_bytes       size of the .deb built from that publish (deploy/build-deb.sh --no-publish)
  stop_ms, exit   SIGTERM to exit, and the exit code (0 expected)
Once per run, not per build:
  disk_p50_us, disk_p99_us
                  the replay record's commit alone on this disk: --disk-commits SQLite commits with
                  replay.db's settings (WAL, synchronous=FULL; deploy/measure-durability.py), each after
                  30 ms idle, as the service's replay commit comes about 30 ms after its previous sync in
                  this script's scan loop (docs/deployment.md, "Scan to relay"), in the file system of the
                  service's state. Scan to relay waits for that commit, so its p99 cannot be much under
                  this p99: on a virtual disk it tells the machine's share of a missed target from the kiosk's.
The service runs with the unit's DOTNET_* settings (systemd/kiosk-edge.service), Development
configuration, a temporary state and runtime directory and the embedded broker on a free port.
Targets for AOT (issue 10) are printed next to the figures; they are not asserted (the machine may be
shared: the load average is printed before and after). The exit code is non-zero only when something
did not work (no READY=1, a scan not granted, a missing replay record, a non-zero exit).

Usage: deploy/measure.py [--smoke] [--smaps] [--builds jit,aot] [--rid linux-x64|linux-arm64]
                         [--jit-root DIR] [--aot-root DIR] [--idle S] [--scans N] [--starts N] [--status-runs N] [--gap S]
                         [--latencies FILE] [--disk-commits N]
  --smoke        CI size: 5 s idle, 50 scans, 1 start, 3 status runs, 30 disk commits
  --smaps        also print where the RSS is, after the idle time and after the scans (executable code,
                 read-only data, data, anonymous memory (GC heap, thread stacks), the malloc heap, each
                 library), from /proc/PID/smaps
  --builds       which builds (default jit,aot)
  --status-runs  timed `kioskctl status` runs (default 10, 3 with --smoke)
  --X-root DIR   publish root of build X (default artifacts/measure/X, published when missing)
  --rid          linux-arm64 on an x64 machine runs the arm64 builds under qemu-aarch64-static
  --gap S        wait S seconds after each door cycle before the next scan (default 0: back to back), to
                 see whether the previous cycle's work (journal commits, publications) is in the tail
  --latencies F  append every scan's time to the CSV file F (build,scan,us), to see the tail's shape
  --disk-commits N
                 commits timed for the disk's own figure (default 300, 30 with --smoke; 0 skips it)
"""
import argparse
import base64
import concurrent.futures
import importlib.util
import json
import os
import queue
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCK_PIN = 17  # the rest cabin's lock relay in appsettings.Development.json (active high, fail-secure)
TARGETS = {"ready_ms": 500, "rss_idle_kb": 30 * 1024, "rss_scans_kb": 30 * 1024, "status_ms": 50,
           "scan_p99_us": 2000, "deb_bytes": 25 * 1024 * 1024}
TARGETS_ARM64_EMULATED = {"ready_ms": 4000, "deb_bytes": 25 * 1024 * 1024}


def parse(argv):
    ap = argparse.ArgumentParser(prog="deploy/measure.py", description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog="See the module text for each figure.")
    ap.add_argument("--smoke", action="store_true", help="CI size: 5 s idle, 50 scans, 1 start, 3 status runs, 30 disk commits")
    ap.add_argument("--smaps", action="store_true", help="also print where the RSS is (from /proc/PID/smaps)")
    ap.add_argument("--builds", default="jit,aot", help="which builds, comma-separated (default jit,aot)")
    ap.add_argument("--rid", choices=["linux-x64", "linux-arm64"], help="default: this machine's")
    ap.add_argument("--jit-root", help="publish root of the JIT build (default artifacts/measure/jit, published when missing)")
    ap.add_argument("--aot-root", help="publish root of the AOT build (default artifacts/measure/aot, published when missing)")
    ap.add_argument("--idle", type=float, help="seconds of idling before the idle RSS (default 60)")
    ap.add_argument("--scans", type=int, help="scans timed (default 1000)")
    ap.add_argument("--starts", type=int, help="starts timed (default 3)")
    ap.add_argument("--status-runs", type=int, help="timed `kioskctl status` runs (default 10, 3 with --smoke)")
    ap.add_argument("--gap", type=float, default=0.0, help="seconds to wait after each door cycle (default 0)")
    ap.add_argument("--latencies", help="write every scan's scan-to-relay time to this CSV (build,scan,us)")
    ap.add_argument("--disk-commits", type=int, help="replay-like commits timed alone on this disk (default 300, 30 with --smoke; 0: none)")
    a = ap.parse_args(argv)
    builds = [b for b in a.builds.split(",") if b]
    if any(b not in ("jit", "aot") for b in builds):
        ap.error("--builds takes jit and/or aot")
    if a.disk_commits is not None and a.disk_commits < 0:
        ap.error("--disk-commits must not be negative")
    sizes = ({"idle": 5.0, "scans": 50, "starts": 1, "status_runs": 3, "disk_commits": 30} if a.smoke
             else {"idle": 60.0, "scans": 1000, "starts": 3, "status_runs": 10, "disk_commits": 300})
    return {"smoke": a.smoke, "smaps": a.smaps, "builds": builds,
            "rid": a.rid or ("linux-arm64" if os.uname().machine == "aarch64" else "linux-x64"),
            "roots": {b: os.path.abspath(d) for b, d in (("jit", a.jit_root), ("aot", a.aot_root)) if d},
            **{k: default if getattr(a, k) is None else getattr(a, k) for k, default in sizes.items()},
            "gap": a.gap, "latencies": a.latencies}


def emulated(rid):
    return rid == "linux-arm64" and os.uname().machine != "aarch64"


def publish(build, rid, root):
    if os.path.exists(os.path.join(root, rid, "kiosk-edge", "kiosk-edge")):
        return
    args = ["bash", os.path.join(ROOT, "deploy/publish.sh"), "--rid", rid, "--out", root]
    if build == "jit":
        args.append("--jit")
    print(f"== publishing {build} for {rid} into {root}", flush=True)
    subprocess.run(args, check=True, stdout=sys.stderr)


def deb_size(rid, root):
    arch = "arm64" if rid == "linux-arm64" else "amd64"
    out = tempfile.mkdtemp(prefix="kiosk-measure-deb-")
    try:
        deb = subprocess.run(["bash", os.path.join(ROOT, "deploy/build-deb.sh"), "--arch", arch, "--no-publish",
                              "--publish", root, "--out", out], check=True, capture_output=True, text=True).stdout.split()[-1]
        return os.path.getsize(deb)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def unit_environment():
    env = {}
    with open(os.path.join(ROOT, "systemd/kiosk-edge.service")) as f:
        for line in f:
            m = re.match(r"^Environment=(DOTNET_[A-Za-z0-9_]+)=(\S+)", line.strip())
            if m and m.group(1) != "DOTNET_ENVIRONMENT":
                env[m.group(1)] = m.group(2)
    return env


def service_environment(scratch):
    """The service's environment: the unit's DOTNET_* settings, Development configuration, state and runtime
    directories in scratch, the embedded broker on a free port."""
    env = dict(os.environ)
    env.pop("WATCHDOG_USEC", None)
    env.update(unit_environment())
    env.update({
        "DOTNET_ENVIRONMENT": "Development",
        "KIOSK_Kiosk__StateDirectory": os.path.join(scratch, "state"),
        "KIOSK_Kiosk__RuntimeDirectory": os.path.join(scratch, "run"),
        "KIOSK_Mqtt__Embedded__Port": str(free_port()),
        "KIOSK_Intercom__ClipDirectory": os.path.join(scratch, "clips"),
        "KIOSK_Intercom__OutputDirectory": os.path.join(scratch, "audio-out"),
    })
    return env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(path, op, args=None, timeout=30, sent=None):
    """One control request (a JSON line); returns the parsed answer line. With sent (a list), the
    connection is set up first and the monotonic time just before the line is written is appended to it."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(path)
        line = json.dumps({"op": op, "args": args or {}}).encode() + b"\n"
        if sent is not None:
            time.sleep(0.002)  # the service accepts and starts reading: not part of the scanner line
            sent.append(time.monotonic_ns())
        s.sendall(line)
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    return json.loads(data)


def request_lines(path, op, args=None, timeout=30):
    """A request whose answer is several lines (events): every line until the service closes."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(path)
        s.sendall(json.dumps({"op": op, "args": args or {}}).encode() + b"\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.decode()


def vm(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def rollup(pid):
    """Pss and private dirty memory (kB) of the whole process."""
    values = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("Pss", "Private_Dirty"):
                values[key] = int(rest.split()[0])
    return values


def smaps_breakdown(pid, executable):
    """RSS, PSS and private dirty (kB) per part of the address space, largest first."""
    parts = {}
    part = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            m = re.match(r"^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$", line)
            if m:
                perms, path = m.group(1), m.group(2).strip()
                if os.path.basename(path) == os.path.basename(executable):
                    kind = {"r-xp": "code", "r--p": "read-only data", "rw-p": "data"}.get(perms, perms)
                    part = f"{os.path.basename(path)} {kind}"
                elif path == "[heap]":
                    part = "malloc heap"
                elif path.startswith("/"):
                    part = os.path.basename(path).split(".so")[0]
                else:
                    part = "anonymous (GC heap, thread stacks)" if not path else path
                parts.setdefault(part, [0, 0, 0])
                continue
            key, _, rest = line.partition(":")
            index = {"Rss": 0, "Pss": 1, "Private_Dirty": 2}.get(key)
            if index is not None and part is not None:
                parts[part][index] += int(rest.split()[0])
    return sorted(parts.items(), key=lambda kv: -kv[1][0])


def print_breakdown(title, pid, executable):
    print(f"== {title}", flush=True)
    for part, (rss, pss, dirty) in smaps_breakdown(pid, executable):
        if rss >= 64:
            print(f"{rss:8d} rss {pss:8d} pss {dirty:8d} private dirty  {part}", flush=True)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


class Service:
    """kiosk-edge in simulation with a fake NOTIFY_SOCKET."""

    def __init__(self, command, env, scratch):
        self.command, self.env, self.scratch = command, env, scratch
        self.notify_path = os.path.join(scratch, "notify")
        self.notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.notify.bind(self.notify_path)
        self.env["NOTIFY_SOCKET"] = self.notify_path
        self.proc = None
        self.log = open(os.path.join(scratch, "service.log"), "a")

    def start(self, timeout):
        start = time.monotonic()
        self.proc = subprocess.Popen(self.command, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
                                     cwd=os.path.dirname(self.command[-1]))
        self.notify.settimeout(0.2)
        while time.monotonic() - start < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the service exited with {self.proc.returncode} during start; log {self.log.name}")
            try:
                if "READY=1" in self.notify.recv(4096).decode().split("\n"):
                    return (time.monotonic() - start) * 1000
            except socket.timeout:
                pass
        raise RuntimeError(f"no READY=1 within {timeout} s; log {self.log.name}")

    def stop(self):
        begin = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=120)
        return (time.monotonic() - begin) * 1000, code

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class RelayWatch:
    """Follows the simulated chip's output changes (sim.gpio follow) into a queue."""

    def __init__(self, sock_path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(sock_path)
        self.sock.sendall(b'{"op":"sim.gpio","args":{"follow":true}}\n')
        self.changes = queue.Queue()
        self.file = self.sock.makefile("rb")
        self.snapshot = json.loads(self.file.readline())
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.file:
            change = json.loads(line)
            if change.get("pin") == LOCK_PIN:
                self.changes.put(change)

    def wait(self, level, timeout=15):
        while True:
            change = self.changes.get(timeout=timeout)
            if change["level"] == level:
                return change["t_ns"]

    def close(self):
        self.sock.close()


def issue_passes(ctl, ctl_env, banner, first, count):
    """Fresh passes from the Development banner's `kioskctl token issue` line, one subject each, valid
    for the longest lifetime a kiosk accepts (300 s): issued in batches just before they are scanned."""
    m = re.search(r"issue a demo pass: PASS=\$\(kioskctl (.*)\)$", banner, re.M)
    if not m:
        raise RuntimeError("the Development banner did not say how to issue a demo pass")
    words = [w for w in m.group(1).split() if w]
    if "--sub" in words:
        i = words.index("--sub")
        del words[i:i + 2]
    if "--ttl" in words:
        i = words.index("--ttl")
        del words[i:i + 2]

    def one(n):
        return subprocess.run(ctl + words + ["--sub", f"measure-{n:05d}", "--ttl", "300"], env=ctl_env, check=True,
                              capture_output=True, text=True, cwd=os.path.dirname(ctl[-1])).stdout.strip()

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        return list(pool.map(one, range(first, first + count)))


def jti_of(token):
    """The jti claim of the compact JWS inside a scanned pass text."""
    m = re.search(r"[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+", token)
    if not m:
        raise RuntimeError(f"no compact JWS in the issued pass: {token[:80]}")
    payload = m.group(1)
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["jti"]


def check_replay(scratch, jtis):
    """Every scanned pass's jti is in replay.db (a pass is valid 300 s and pruned only after that)."""
    if not jtis:
        return 0
    with sqlite3.connect(f"file:{os.path.join(scratch, 'state', 'replay.db')}?mode=ro", uri=True) as db:
        found = db.execute(f"SELECT count(*) FROM replay WHERE jti IN ({','.join('?' * len(jtis))})", jtis).fetchone()[0]
    if found != len(jtis):
        raise RuntimeError(f"replay.db holds {found} of the {len(jtis)} jtis just scanned")
    return found


def measure(build, rid, root, o):
    edge = os.path.join(root, rid, "kiosk-edge", "kiosk-edge")
    ctl_path = os.path.join(root, rid, "kioskctl", "kioskctl")
    prefix = ["qemu-aarch64-static"] if emulated(rid) else []
    scratch = tempfile.mkdtemp(prefix=f"kiosk-measure-{build}-")
    env = service_environment(scratch)
    if emulated(rid):
        env["DOTNET_EnableWriteXorExecute"] = "0"  # qemu-user misses code written through the JIT's second mapping
    sock_path = os.path.join(scratch, "run", "kiosk.sock")
    ctl_env = dict(env, KIOSK_SOCKET=sock_path)
    ctl = prefix + [ctl_path]
    service = Service(prefix + [edge], env, scratch)
    r = {"build": build}
    try:
        ready = []
        for n in range(o["starts"]):
            ready.append(service.start(600 if emulated(rid) else 120))
            if n < o["starts"] - 1:
                service.stop()
        r["ready_ms"] = round(statistics.median(ready))
        r["ready_all_ms"] = "/".join(str(round(x)) for x in ready)
        time.sleep(o["idle"])
        r["rss_idle_kb"] = vm(service.proc.pid)["VmRSS"]
        mem = rollup(service.proc.pid)
        r["pss_idle_kb"], r["dirty_idle_kb"] = mem["Pss"], mem["Private_Dirty"]
        if o["smaps"]:
            print_breakdown(f"{build}: where the idle RSS is (kB)", service.proc.pid, edge)

        runs = []
        for _ in range(o["status_runs"]):
            begin = time.monotonic()
            subprocess.run(ctl + ["status"], env=ctl_env, check=True, capture_output=True, cwd=os.path.dirname(ctl_path))
            runs.append((time.monotonic() - begin) * 1000)
        r["status_ms"] = round(statistics.median(runs), 1)

        with open(service.log.name) as f:
            banner = f.read()
        watch = RelayWatch(sock_path)
        if watch.snapshot.get(str(LOCK_PIN), {}).get("level") != "low":
            raise RuntimeError(f"the rest lock relay (GPIO {LOCK_PIN}) is not released-low before the scans: {watch.snapshot}")
        latencies = []
        passes = []
        scanned = []
        r["replay_records"] = 0
        for n in range(o["scans"]):
            if not passes:
                r["replay_records"] += check_replay(scratch, scanned)
                scanned = []
                passes = issue_passes(ctl, ctl_env, banner, n, min(100, o["scans"] - n))
            token = passes.pop(0)
            scanned.append(jti_of(token))
            sent = []
            answer = request(sock_path, "sim.scan", {"text": token}, sent=sent)
            t0 = sent[0]
            if not answer.get("ok"):
                raise RuntimeError(f"sim.scan refused: {answer}")
            try:
                latencies.append((watch.wait("high") - t0) / 1000)
            except queue.Empty:
                events = request_lines(sock_path, "events", {})
                raise RuntimeError(f"scan {n}: the lock relay did not move (not granted?); last events: {events[-800:]}")
            request(sock_path, "sim.door", {"action": "open"})
            request(sock_path, "sim.door", {"action": "close"})
            watch.wait("low")
            if o["gap"]:
                time.sleep(o["gap"])
        watch.close()
        r["replay_records"] += check_replay(scratch, scanned)
        if o["latencies"]:
            with open(o["latencies"], "a") as f:
                f.writelines(f"{build},{n},{us:.0f}\n" for n, us in enumerate(latencies))
        r["scan_p50_us"] = round(percentile(latencies, 50))
        r["scan_p99_us"] = round(percentile(latencies, 99))
        r["scan_max_us"] = round(max(latencies))
        time.sleep(1)
        mem = vm(service.proc.pid)
        r["rss_scans_kb"], r["hwm_kb"] = mem["VmRSS"], mem["VmHWM"]
        if o["smaps"]:
            print_breakdown(f"{build}: where the RSS is after the scans (kB)", service.proc.pid, edge)
        r["stop_ms"], r["exit"] = service.stop()
        r["stop_ms"] = round(r["stop_ms"])
        if r["exit"] != 0:
            raise RuntimeError(f"exit code {r['exit']} after SIGTERM; log {service.log.name}")
    finally:
        service.kill()
    r["deb_bytes"] = deb_size(rid, root)
    shutil.rmtree(scratch, ignore_errors=True)
    return r


def disk_commits(count):
    """The replay record's commit alone on this disk, after 30 ms idle (deploy/measure-durability.py's SQLite case)."""
    spec = importlib.util.spec_from_file_location("measure_durability", os.path.join(ROOT, "deploy", "measure-durability.py"))
    durability = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(durability)
    folder = tempfile.mkdtemp(prefix="kiosk-measure-disk-")
    try:
        latencies = durability.sqlite_inserts(folder, count, 0.030)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"disk_p50_us": round(percentile(latencies, 50)), "disk_p99_us": round(percentile(latencies, 99))}


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main(argv):
    o = parse(argv)
    print(f"measure: {o['rid']}{' under qemu-user' if emulated(o['rid']) else ''}, builds {','.join(o['builds'])}, "
          f"idle {o['idle']:g} s, {o['scans']} scans, {o['starts']} starts; {os.cpu_count()} cores", flush=True)
    roots = {b: o["roots"].get(b, os.path.join(ROOT, "artifacts", "measure", b)) for b in o["builds"]}
    for b in o["builds"]:
        publish(b, o["rid"], roots[b])
    print(f"measure: load average before: {load()}", flush=True)
    results = []
    for b in o["builds"]:
        r = measure(b, o["rid"], roots[b], o)
        print(" ".join(f"{k}={v}" for k, v in r.items()), flush=True)
        results.append(r)
    disk = disk_commits(o["disk_commits"]) if o["disk_commits"] else {}
    if disk:
        print(" ".join(f"{k}={v}" for k, v in disk.items()), flush=True)
    print(f"measure: load average after: {load()}")
    targets = TARGETS_ARM64_EMULATED if emulated(o["rid"]) else TARGETS
    rows = [("start to READY=1 (ms, median)", "ready_ms"), ("RSS after idle (kB)", "rss_idle_kb"),
            ("PSS after idle (kB)", "pss_idle_kb"), ("private dirty after idle (kB)", "dirty_idle_kb"),
            (f"RSS after {o['scans']} scans (kB)", "rss_scans_kb"), ("peak RSS (kB)", "hwm_kb"),
            ("kioskctl status (ms, median)", "status_ms"), ("scan to relay p50 (us)", "scan_p50_us"),
            ("scan to relay p99 (us)", "scan_p99_us"), ("scan to relay max (us)", "scan_max_us"),
            (".deb (bytes)", "deb_bytes"), ("SIGTERM to exit (ms)", "stop_ms")]
    print("| figure | " + " | ".join(r["build"].upper() for r in results) + " | AOT target |")
    print("| --- |" + " --- |" * len(results) + " --- |")
    for label, key in rows:
        target = targets.get(key)
        verdict = ""
        aot = next((r for r in results if r["build"] == "aot"), None)
        if target is not None and aot is not None:
            verdict = f"<= {target} ({'met' if aot[key] <= target else 'MISSED'})"
        print(f"| {label} | " + " | ".join(str(r[key]) for r in results) + f" | {verdict} |")
    if disk:
        print(f"| the replay commit alone on this disk, after 30 ms idle: p50 / p99 (us) | "
              + " | ".join(f"{disk['disk_p50_us']} / {disk['disk_p99_us']}" for _ in results) + " | |")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (RuntimeError, subprocess.CalledProcessError) as e:
        print(f"measure: FAIL: {e}", file=sys.stderr)
        sys.exit(1)
