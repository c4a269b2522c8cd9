#!/usr/bin/env python3
"""Writes the method order file of the Native AOT kiosk-edge (src/Kiosk.Edge/Properties/code-order.txt).

Why: the kernel maps an executable's pages in 64 kB windows around each fault (fault-around), so a
method that runs every few seconds keeps 64 kB of code resident, and the few hundred such methods of an
idle kiosk lie spread over the 11 MB of compiled code: about 6 MB stays resident for them. The AOT
compiler places methods in the order of a file (IlcOrderFile: ilc --order, --method-layout:explicit);
placing the methods a running kiosk uses next to each other packs those windows.

How: it publishes the AOT build (deploy/publish.sh, linux-x64) unless --publish-root is given, starts
it in simulation like deploy/measure.py (Development, the embedded broker, temporary state) with
pagetrace.so preloaded (deploy/code-order/pagetrace.c: one-page VMAs, so no fault-around and one
resident page per page touched), and reads /proc/PID/smaps:
  - start-up pages: resident once READY=1 is sent and the first cycles have run (--settle seconds);
  - steady pages: accessed (Referenced, after a write of 1 to /proc/PID/clear_refs) while the kiosk
    idles for --idle seconds, answers `kioskctl status`, and grants --scans fresh passes, each followed
    by the door opening and closing.
A method is on a page when its symbol (nm of kiosk-edge.dbg) overlaps that page. The file lists the
steady methods, then the start-up-only methods, each group in its present address order (the compiler's
own order keeps callers near callees); every other method follows in the compiler's default order.

The order file only moves code: a method renamed or added since it was written is placed with the
cold rest, so a stale file costs memory, never correctness. Regenerate it after larger changes and
compare `deploy/measure.py --smaps` before and after.

Usage: deploy/code-order/profile_order.py [--publish-root DIR] [--idle S] [--scans N] [--settle S] [--out FILE]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "deploy"))
import measure  # noqa: E402  (deploy/measure.py: the service harness, scans and the relay watch)

RID = "linux-x64"
CODE_SECTIONS = ("__managedcode",)  # the compiled methods; the compiler orders only these


def parse(argv):
    ap = argparse.ArgumentParser(prog="deploy/code-order/profile_order.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--publish-root", dest="root", help="an AOT publish root (deploy/publish.sh output); default: publish one")
    ap.add_argument("--idle", type=float, default=60.0, help="seconds of idling while steady pages are traced (default 60)")
    ap.add_argument("--scans", type=int, default=200, help="passes scanned while steady pages are traced (default 200)")
    ap.add_argument("--settle", type=float, default=5.0, help="seconds after READY=1 that still count as start-up (default 5)")
    ap.add_argument("--out", default=os.path.join(ROOT, "src", "Kiosk.Edge", "Properties", "code-order.txt"),
                    help="the order file to write (default src/Kiosk.Edge/Properties/code-order.txt)")
    return vars(ap.parse_args(argv))


def build_shim(scratch):
    shim = os.path.join(scratch, "pagetrace.so")
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", shim, os.path.join(HERE, "pagetrace.c")], check=True)
    return shim


def executable_pages(pid, executable):
    """{(start, end): [resident, referenced]} of the executable's read-only mappings (one page each under
    pagetrace.so; a larger one counts whole), and the executable's load base."""
    pages, base, current = {}, None, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            m = re.match(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) ([0-9a-f]+) \S+ \S+\s*(.*)$", line)
            if m:
                start, perms, offset, path = int(m.group(1), 16), m.group(3), int(m.group(4), 16), m.group(5).strip()
                mine = os.path.realpath(path) == os.path.realpath(executable) if path.startswith("/") else False
                if mine and offset == 0:
                    base = start
                current = (start, int(m.group(2), 16)) if mine and perms[1] != "w" else None
                if current is not None:
                    pages[current] = [False, False]
                continue
            if current is not None and line.startswith("Rss:"):
                pages[current][0] = int(line.split()[1]) > 0
            elif current is not None and line.startswith("Referenced:"):
                pages[current][1] = int(line.split()[1]) > 0
    if base is None:
        raise RuntimeError("the executable's first mapping was not found in smaps")
    return pages, base


def code_symbols(dbg):
    """[(address, size, name)] of the compiled methods, in address order."""
    sections = subprocess.run(["readelf", "-SW", dbg], check=True, capture_output=True, text=True).stdout
    ranges = []
    for line in sections.splitlines():
        m = re.match(r"^\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
        if m and m.group(1) in CODE_SECTIONS:
            ranges.append((int(m.group(2), 16), int(m.group(2), 16) + int(m.group(3), 16)))
    if not ranges:
        raise RuntimeError(f"no {'/'.join(CODE_SECTIONS)} section in {dbg}")
    symbols = []
    out = subprocess.run(["nm", "-S", "-n", "--defined-only", dbg], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 4 and parts[2] in ("t", "T"):
            address, size = int(parts[0], 16), int(parts[1], 16)
            if any(lo <= address < hi for lo, hi in ranges):
                symbols.append((address, max(size, 1), parts[3]))
    return symbols


def page_set(pages, base, page_size, flag):
    """Link-time addresses of the pages whose flag (0 resident, 1 referenced) is set."""
    return {a - base for (start, end), flags in pages.items() if flags[flag] for a in range(start, end, page_size)}


def methods_on(symbols, page_set, page_size):
    return [name for address, size, name in symbols
            if any(p in page_set for p in range(address // page_size * page_size, address + size, page_size))]


def workload(service, sock_path, ctl, ctl_env, o):
    time.sleep(o["idle"])
    for _ in range(5):
        subprocess.run(ctl + ["status"], env=ctl_env, check=True, capture_output=True)
    with open(service.log.name) as f:
        banner = f.read()
    watch = measure.RelayWatch(sock_path)
    passes = []
    for n in range(o["scans"]):
        if not passes:
            passes = measure.issue_passes(ctl, ctl_env, banner, n, min(100, o["scans"] - n))
        answer = measure.request(sock_path, "sim.scan", {"text": passes.pop(0)})
        if not answer.get("ok"):
            raise RuntimeError(f"sim.scan refused: {answer}")
        watch.wait("high")
        measure.request(sock_path, "sim.door", {"action": "open"})
        measure.request(sock_path, "sim.door", {"action": "close"})
        watch.wait("low")
    watch.close()
    time.sleep(o["settle"])


def main(argv):
    o = parse(argv)
    root = os.path.abspath(o["root"] or os.path.join(ROOT, "artifacts", "code-order"))
    if o["root"] is None:
        measure.publish("aot", RID, root)
    edge = os.path.join(root, RID, "kiosk-edge", "kiosk-edge")
    ctl = [os.path.join(root, RID, "kioskctl", "kioskctl")]
    scratch = tempfile.mkdtemp(prefix="kiosk-code-order-")
    env = measure.service_environment(scratch)
    sock_path = os.path.join(scratch, "run", "kiosk.sock")
    ctl_env = dict(env, KIOSK_SOCKET=sock_path)
    service = measure.Service([edge], dict(env, LD_PRELOAD=build_shim(scratch)), scratch)
    page_size = os.sysconf("SC_PAGE_SIZE")
    try:
        service.start(120)
        time.sleep(o["settle"])
        pid = service.proc.pid
        pages, base = executable_pages(pid, edge)
        startup = page_set(pages, base, page_size, 0)
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("1")
        workload(service, sock_path, ctl, ctl_env, o)
        pages, base = executable_pages(pid, edge)
        steady = page_set(pages, base, page_size, 1)
        service.stop()
    finally:
        service.kill()
    symbols = code_symbols(edge + ".dbg")
    hot = methods_on(symbols, steady, page_size)
    hot_set = set(hot)
    warm = [name for name in methods_on(symbols, startup, page_size) if name not in hot_set]
    os.makedirs(os.path.dirname(o["out"]), exist_ok=True)
    with open(o["out"], "w") as f:
        f.write("\n".join(hot + warm) + "\n")
    code = sum(size for _, size, _ in symbols)
    print(f"profile: {len(symbols)} methods, {code / 1024:.0f} kB of code; steady pages {len(steady)}, start-up pages "
          f"{len(startup)}; {len(hot)} steady methods ({sum(s for _, s, n in symbols if n in hot_set) / 1024:.0f} kB), "
          f"{len(warm)} start-up-only methods; wrote {o['out']}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (RuntimeError, subprocess.CalledProcessError) as e:
        print(f"profile: FAIL: {e}", file=sys.stderr)
        sys.exit(1)
