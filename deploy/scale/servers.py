"""The real parts a scale run starts, each on a free loopback port with its data in a temporary folder:
PostgreSQL (initdb + pg_ctl, as tests/Kiosk.Fleet.Tests/Infrastructure/PostgresServer.cs does), Mosquitto
(tuned for N connections, persistence on), kiosk-fleet instances and the Kiosk.FleetSim simulator."""
import glob
import json
import os
import pwd
import resource
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
IS_ROOT = os.geteuid() == 0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raise_nofile():
    """preexec_fn: the soft open-files limit up to the hard one (a broker or sim holding N sockets)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def nofile_limit():
    return resource.getrlimit(resource.RLIMIT_NOFILE)[1]


def rss_kb(pid):
    """VmRSS of a process from /proc, in KiB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def wait_for(condition, timeout, what, interval=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise RuntimeError(f"timed out after {timeout:.0f} s waiting for {what}")


def _give_to(path, user):
    """As root, the service runs as its own user: it owns its folder and may pass through the run's folder."""
    if IS_ROOT:
        os.chmod(os.path.dirname(path), 0o711)
        entry = pwd.getpwnam(user)
        for d, _, files in os.walk(path):
            os.chown(d, entry.pw_uid, entry.pw_gid)
            for f in files:
                os.chown(os.path.join(d, f), entry.pw_uid, entry.pw_gid)


class Postgres:
    def __init__(self, work):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
        if not bins:
            raise RuntimeError("PostgreSQL is not installed (Debian package postgresql; tests/run-all.sh installs it)")
        self.bin = os.path.dirname(bins[-1])
        self.dir = os.path.join(work, "pg")
        os.makedirs(self.dir)
        self.port = free_port()
        _give_to(self.dir, "postgres")
        self._pg("initdb", "-D", self.data, "-A", "trust", "-U", "fleet", "--no-sync", "-E", "UTF8")
        # Durable commits (synchronous_commit on): the ingest lag includes a real commit; fsync off only
        # because the temporary folder is thrown away.
        self._pg("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "log"), "-w", "-t", "60", "start", "-o",
                 f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300")
        self.connection_string = f"Host=127.0.0.1;Port={self.port};Username=fleet;Database=fleet;Pooling=true"

    @property
    def data(self):
        return os.path.join(self.dir, "data")

    def _pg(self, tool, *args):
        cmd = [os.path.join(self.bin, tool), *args]
        if IS_ROOT:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} exited {done.returncode}: {done.stdout}{done.stderr}")

    def query(self, sql):
        out = subprocess.run([os.path.join(self.bin, "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "fleet",
                              "-d", "fleet", "-At", "-c", sql], check=True, capture_output=True, text=True, timeout=60)
        return out.stdout.strip()

    def tables_bytes(self):
        """pg_total_relation_size summed over the fleet's tables (rows, indexes, TOAST)."""
        return int(self.query("select coalesce(sum(pg_total_relation_size(c.oid)),0) from pg_class c join pg_namespace n "
                              "on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname = 'public'") or 0)

    def table_bytes(self):
        """{table: pg_total_relation_size} for the fleet's tables."""
        out = self.query("select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n "
                         "on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname = 'public'")
        return {name: int(size) for name, size in (line.split("|") for line in out.splitlines() if "|" in line)}

    def online(self):
        """Kiosks whose last status the fleet stored is online."""
        return int(self.query('select count(*) from "Kiosks" where "Online"') or 0)

    def rows(self, table):
        return int(self.query(f'select count(*) from "{table}"') or 0)

    def stop(self):
        try:
            self._pg("pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        except (RuntimeError, subprocess.TimeoutExpired):
            pass


class Mosquitto:
    """Mosquitto 2 tuned for N connections: no connection cap, open files up to the hard limit, persistence
    on (a restart keeps retained messages and sessions), one log line per connect with a Unix timestamp."""

    def __init__(self, work):
        self.dir = os.path.join(work, "mosquitto")
        os.makedirs(self.dir)
        self.port = free_port()
        self.log = os.path.join(self.dir, "mosquitto.log")
        self.conf = os.path.join(self.dir, "mosquitto.conf")
        with open(self.conf, "w") as f:
            f.write(f"""per_listener_settings false
listener {self.port} 127.0.0.1
allow_anonymous true
max_connections -1
max_queued_messages 100000
persistence true
persistence_location {self.dir}/
autosave_interval 300
log_dest file {self.log}
log_type error
log_type warning
log_type notice
log_type information
connection_messages true
log_timestamp true
log_timestamp_format %s
sys_interval 1
""")
        if IS_ROOT:
            _give_to(self.dir, "mosquitto")
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(["mosquitto", "-c", self.conf], preexec_fn=raise_nofile,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self._listening, 30, "mosquitto listening")

    def _listening(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"mosquitto exited {self.process.returncode}: {self.tail()}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self):
        """SIGTERM: mosquitto writes its persistence file and exits."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)

    def sys(self, topic, timeout=5):
        """One $SYS value, read with mosquitto_sub (sys_interval 1)."""
        out = subprocess.run(["mosquitto_sub", "-p", str(self.port), "-h", "127.0.0.1", "-i", f"probe-{os.getpid()}",
                              "-t", f"$SYS/broker/{topic}", "-C", "1", "-W", str(timeout)],
                             capture_output=True, text=True, timeout=timeout + 5)
        return out.stdout.strip()

    def connected(self):
        value = self.sys("clients/connected")
        return int(value) if value.isdigit() else 0

    def tail(self, lines=20):
        try:
            with open(self.log, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""


class Fleet:
    """kiosk-fleet (the Release build's dll) in Development for the demo operator and the demo issuer key,
    against the run's broker (no TLS) and PostgreSQL."""

    def __init__(self, work, dll, broker_port, connection_string, client_id, extra_env=None):
        self.port = free_port()
        self.client_id = client_id
        self.url = f"http://127.0.0.1:{self.port}"
        state = os.path.join(work, client_id)
        os.makedirs(state)
        env = dict(os.environ)
        env.update({
            "ASPNETCORE_ENVIRONMENT": "Development", "DOTNET_gcServer": "0", "Urls": self.url,
            "Logging__LogLevel__Default": "Warning", "Fleet__StateDirectory": state, "Fleet__PublicUrl": self.url,
            "Fleet__Database": "Postgres", "ConnectionStrings__Fleet": connection_string,
            "Fleet__Mqtt__Host": "127.0.0.1", "Fleet__Mqtt__Port": str(broker_port), "Fleet__Mqtt__TlsEnabled": "false",
            "Fleet__Mqtt__ClientId": client_id, "Fleet__Mqtt__SharedGroup": "fleet",
            "Fleet__Mqtt__ReconnectBaseDelay": "00:00:00.500", "Fleet__Mqtt__ReconnectMaxDelay": "00:00:05",
        })
        env.update(extra_env or {})
        self.log = os.path.join(work, f"{client_id}.log")
        self._out = open(self.log, "w")
        self.process = subprocess.Popen(["dotnet", dll], cwd=os.path.dirname(dll), env=env, preexec_fn=raise_nofile,
                                        stdout=self._out, stderr=subprocess.STDOUT)
        wait_for(self._healthy, 120, f"{client_id} healthy")

    def _healthy(self):
        if self.process.poll() is not None:
            with open(self.log, errors="replace") as f:
                raise RuntimeError(f"{self.client_id} exited {self.process.returncode}: {f.read()[-3000:]}")
        try:
            with urllib.request.urlopen(self.url + "/healthz", timeout=5) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def metrics(self):
        with urllib.request.urlopen(self.url + "/metrics", timeout=30) as r:
            return r.read().decode()

    def login(self, email="operator@demo.invalid", password="Operator-0"):
        body = json.dumps({"email": email, "password": password}).encode()
        req = urllib.request.Request(self.url + "/login", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.load(r)["accessToken"]

    def command(self, token, kiosk, name, args):
        """POST a signed command through the HTTP API; returns (HTTP status, seconds)."""
        req = urllib.request.Request(f"{self.url}/api/kiosks/{kiosk}/commands/{name}", data=json.dumps(args).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        t = time.monotonic()
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        return status, time.monotonic() - t

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._out.close()


class Sim:
    """Kiosk.FleetSim with N kiosks (CLI: /work/coord/sim-cli.md), writing its stats file every second."""

    def __init__(self, work, dll, args, name):
        self.stats_file = os.path.join(work, f"{name}-stats.json")
        self.log = os.path.join(work, f"{name}.log")
        self._out = open(self.log, "w")
        self.process = subprocess.Popen(["dotnet", dll, "run", *args, "--stats", self.stats_file],
                                        preexec_fn=raise_nofile, stdout=self._out, stderr=subprocess.STDOUT)

    def stats(self):
        """The last stats the sim wrote ({} before the first)."""
        if self.process.poll() is not None and self.process.returncode != 0:
            with open(self.log, errors="replace") as f:
                raise RuntimeError(f"the simulator exited {self.process.returncode}: {f.read()[-3000:]}")
        try:
            with open(self.stats_file) as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._out.close()


def build_output(project, assembly):
    """The Release build's dll (tests/run-all.sh builds the solution first); builds the project when missing."""
    path = os.path.join(ROOT, "src", project, "bin", "Release", "net10.0", assembly)
    if not os.path.exists(path):
        subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", project), "-c", "Release", "-nologo", "-v", "quiet"],
                       check=True)
    return path


def cleanup(path):
    shutil.rmtree(path, ignore_errors=True)
