"""Figures from what the parts expose: the fleet's /metrics (Prometheus text), the broker's log, the
simulator's stats. Pure functions, so the arithmetic is checked on its own (test_figures.py)."""
import math
import re

_SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)')
_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def parse_metrics(text):
    """Prometheus text exposition -> {(name, frozenset(labels)): value}."""
    samples = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = _SAMPLE.match(line)
        if m:
            labels = frozenset(_LABEL.findall(m.group(2) or ""))
            samples[(m.group(1), labels)] = float(m.group(3))
    return samples


def total(samples, name, **labels):
    """Sum of the samples called name whose labels include the given ones."""
    want = set(labels.items())
    return sum(v for (n, ls), v in samples.items() if n == name and want <= set(ls))


def buckets(samples, name):
    """Cumulative histogram buckets {upper bound: count} of a histogram (all label sets added up)."""
    out = {}
    for (n, ls), v in samples.items():
        if n == name + "_bucket":
            le = dict(ls)["le"]
            bound = math.inf if le == "+Inf" else float(le)
            out[bound] = out.get(bound, 0) + v
    return out


def merge(*histograms):
    out = {}
    for h in histograms:
        for bound, count in h.items():
            out[bound] = out.get(bound, 0) + count
    return out


def delta(after, before):
    """What a cumulative histogram gained between two scrapes."""
    return {b: c - before.get(b, 0) for b, c in after.items()}


def quantile(histogram, q):
    """The q-quantile of a cumulative histogram, linear within the bucket (as Prometheus'
    histogram_quantile); None without observations. Above the last finite bound: that bound."""
    bounds = sorted(histogram)
    if not bounds or histogram[bounds[-1]] <= 0:
        return None
    rank = q * histogram[bounds[-1]]
    lower, below = 0.0, 0.0
    for b in bounds:
        count = histogram[b]
        if count >= rank:
            if math.isinf(b):
                return lower
            if count == below:
                return b
            return lower + (b - lower) * (rank - below) / (count - below)
        lower, below = b, count
    return lower


def percentile(values, q):
    """Nearest-rank percentile of a list (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


_CONNECT = re.compile(r'^(\d+): New client connected from \S+ as (\S+) ')


def connects(log_lines, prefix, since):
    """(unix second, client id) of each 'New client connected' line for ids starting with prefix, at or after since."""
    out = []
    for line in log_lines:
        m = _CONNECT.match(line)
        if m and m.group(2).startswith(prefix) and int(m.group(1)) >= since:
            out.append((int(m.group(1)), m.group(2)))
    return out


def reconnect_figures(events, n, started):
    """From the connects after a broker restart at unix second `started`: (seconds until n distinct
    clients had connected or None, peak connects in one second, distinct clients)."""
    seen, per_second, all_at = set(), {}, None
    for second, client in events:
        per_second[second] = per_second.get(second, 0) + 1
        seen.add(client)
        if all_at is None and len(seen) >= n:
            all_at = second
    peak = max(per_second.values()) if per_second else 0
    return (None if all_at is None else all_at - started + 1), peak, len(seen)


def per_kiosk_day(amount, kiosks, virtual_seconds):
    """amount spread over kiosks and virtual days (None when nothing was simulated)."""
    if kiosks <= 0 or virtual_seconds <= 0:
        return None
    return amount / kiosks / (virtual_seconds / 86400.0)
