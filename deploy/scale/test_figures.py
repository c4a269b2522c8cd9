#!/usr/bin/env python3
"""The arithmetic of scale.py's figures (python3 -m unittest deploy/scale/test_figures.py)."""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figures  # noqa: E402

METRICS = """# HELP kiosk_fleet_ingest_messages  (Counter`1)
# TYPE kiosk_fleet_ingest_messages gauge
kiosk_fleet_ingest_messages{outcome="stored"} 30
kiosk_fleet_ingest_messages{outcome="duplicate"} 2
kiosk_fleet_ingest_event_lag_bucket{le="0.1"} 50
kiosk_fleet_ingest_event_lag_bucket{le="0.2"} 98
kiosk_fleet_ingest_event_lag_bucket{le="0.4"} 100
kiosk_fleet_ingest_event_lag_bucket{le="+Inf"} 100
"""


class FiguresTests(unittest.TestCase):
    def test_total_labelFilter_sumsOnlyMatching(self):
        samples = figures.parse_metrics(METRICS)
        self.assertEqual(30, figures.total(samples, "kiosk_fleet_ingest_messages", outcome="stored"))
        self.assertEqual(32, figures.total(samples, "kiosk_fleet_ingest_messages"))

    def test_quantile_withinBucket_interpolatesLinearly(self):
        h = figures.buckets(figures.parse_metrics(METRICS), "kiosk_fleet_ingest_event_lag")
        # rank 99 of 100 lies in (0.2, 0.4]: 98 below, 2 in the bucket -> halfway.
        self.assertAlmostEqual(0.3, figures.quantile(h, 0.99))
        self.assertAlmostEqual(0.1, figures.quantile(h, 0.5))

    def test_quantile_noObservations_none(self):
        self.assertIsNone(figures.quantile({0.1: 0, math.inf: 0}, 0.99))

    def test_delta_twoScrapes_onlyTheWindow(self):
        before = {0.1: 10, math.inf: 10}
        after = {0.1: 10, 1.0: 20, math.inf: 30}
        self.assertEqual({0.1: 0, 1.0: 20, math.inf: 20}, figures.delta(after, before))

    def test_percentile_nearestRank(self):
        self.assertEqual(99, figures.percentile(list(range(1, 101)), 0.99))
        self.assertIsNone(figures.percentile([], 0.99))

    def test_reconnectFigures_brokerLog_timeUntilAllAndPeak(self):
        log = ["100: New connection from 127.0.0.1:1 on port 1883.",
               "100: New client connected from 127.0.0.1:1 as scale-0001 (p5, c0, k60, u'x').",
               "101: New client connected from 127.0.0.1:2 as scale-0002 (p5, c0, k60).",
               "101: New client connected from 127.0.0.1:3 as fleet-1 (p5, c0, k30).",
               "101: New client connected from 127.0.0.1:4 as scale-0003 (p5, c0, k60).",
               "104: New client connected from 127.0.0.1:5 as scale-0002 (p5, c0, k60).",
               "99: New client connected from 127.0.0.1:6 as scale-0004 (p5, c0, k60)."]
        events = figures.connects(log, "scale-", 100)
        self.assertEqual(4, len(events))
        self.assertEqual((2, 2, 3), figures.reconnect_figures(events, 3, 100))
        self.assertEqual((None, 2, 3), figures.reconnect_figures(events, 4, 100))

    def test_perKioskDay_scalesBySimulatedDays(self):
        self.assertEqual(50.0, figures.per_kiosk_day(1000, 10, 86400 * 2))
        self.assertIsNone(figures.per_kiosk_day(1000, 10, 0))


if __name__ == "__main__":
    unittest.main()
