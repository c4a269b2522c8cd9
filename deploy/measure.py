#!/usr/bin/env python3
"""Starts kiosk-edge (any command line: native, under qemu, JIT or AOT) in simulation and measures it.

Reports, as key=value lines:
  ready_ms    exec to READY=1 on a fake NOTIFY_SOCKET (what systemd waits for with Type=notify)
  socket_ms   exec to the control socket answering {"op":"status"}
  rss_kb      VmRSS after --settle seconds of idling (default 5) and one status request
  hwm_kb      VmHWM (peak resident set) at that point
  stop_ms     SIGTERM to exit;  exit = the exit code (0 expected)
The service gets a temporary state and runtime directory and DOTNET_ENVIRONMENT=Development
unless the caller's environment says otherwise.

Usage: deploy/measure.py [--settle S] [--timeout S] -- COMMAND [ARGS...]
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time


def status(path, timeout):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(path)
        s.sendall(b'{"op":"status","args":{}}\n')
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    return json.loads(data)


def proc_status(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def main(argv):
    settle, timeout = 5.0, 120.0
    while argv and argv[0] != "--":
        flag = argv.pop(0)
        if flag == "--settle":
            settle = float(argv.pop(0))
        elif flag == "--timeout":
            timeout = float(argv.pop(0))
        else:
            sys.exit(f"measure.py: unknown flag {flag}")
    command = argv[1:]
    if not command:
        sys.exit(__doc__)

    scratch = tempfile.mkdtemp(prefix="kiosk-measure-")
    env = dict(os.environ)
    env.setdefault("DOTNET_ENVIRONMENT", "Development")
    env.setdefault("KIOSK_Kiosk__StateDirectory", os.path.join(scratch, "state"))
    env.setdefault("KIOSK_Kiosk__RuntimeDirectory", os.path.join(scratch, "run"))
    sock_path = os.path.join(env["KIOSK_Kiosk__RuntimeDirectory"], "kiosk.sock")
    notify_path = os.path.join(scratch, "notify")
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(notify_path)
    notify.setblocking(False)
    env["NOTIFY_SOCKET"] = notify_path
    env.pop("WATCHDOG_USEC", None)

    log = open(os.path.join(scratch, "service.log"), "w")
    start = time.monotonic()
    proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    result = {"ready_ms": None, "socket_ms": None}
    deadline = start + timeout
    messages = []
    try:
        while time.monotonic() < deadline and proc.poll() is None and None in result.values():
            try:
                message = notify.recv(4096).decode()
                messages.append(message)
                if "READY=1" in message.split("\n") and result["ready_ms"] is None:
                    result["ready_ms"] = round((time.monotonic() - start) * 1000)
            except BlockingIOError:
                pass
            if result["socket_ms"] is None and os.path.exists(sock_path):
                try:
                    if status(sock_path, 5).get("ok"):
                        result["socket_ms"] = round((time.monotonic() - start) * 1000)
                except (OSError, ValueError):
                    pass
            time.sleep(0.005)
        if None in result.values():
            raise SystemExit(f"measure.py: not ready within {timeout}s (exit {proc.poll()}); log {log.name}")
        time.sleep(settle)
        status(sock_path, 30)
        mem = proc_status(proc.pid)
        result["rss_kb"], result["hwm_kb"] = mem["VmRSS"], mem["VmHWM"]
        stop = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        result["exit"] = proc.wait(timeout=60)
        result["stop_ms"] = round((time.monotonic() - stop) * 1000)
        try:
            while True:
                messages.append(notify.recv(4096).decode())
        except BlockingIOError:
            pass
        result["notify"] = "|".join(m.replace("\n", ";") for m in messages)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    for key, value in result.items():
        print(f"{key}={value}")
    return 0 if result.get("exit") == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
