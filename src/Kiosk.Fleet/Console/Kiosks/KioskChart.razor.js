// Draws a ChartData ({unit, x: [unix seconds], series: [{label, y: [number|null]}], xMin?, xMax?}) with uPlot, loaded
// on first use from the vendored copy (wwwroot/lib/uplot). One chart per host element; redrawn in place. The time axis
// is labelled in timeZone (the fleet's IANA zone, as the tables are), not the browser's.

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
let loading = null;

function load() {
  if (window.uPlot) return Promise.resolve();
  loading ??= new Promise((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/lib/uplot/uPlot.min.css';
    document.head.appendChild(css);
    const script = document.createElement('script');
    script.src = '/lib/uplot/uPlot.iife.min.js';
    script.onload = resolve;
    script.onerror = () => reject(new Error('uPlot did not load'));
    document.head.appendChild(script);
  });
  return loading;
}

export async function draw(host, json, timeZone) {
  await load();
  const chart = JSON.parse(json);
  host._plot?.destroy();
  const width = Math.max(260, host.clientWidth || 600);
  const options = {
    width,
    height: 220,
    series: [{}, ...chart.series.map((s, i) => ({ label: s.label, stroke: palette[i % palette.length], width: 2, spanGaps: false, points: { show: chart.x.length < 40 } }))],
    axes: [{}, { label: chart.unit, size: 60 }],
    tzDate: ts => window.uPlot.tzDate(new Date(ts * 1e3), timeZone),
    scales: { x: chart.xMin != null ? { time: true, range: [chart.xMin, chart.xMax] } : { time: true } },
  };
  host._plot = new window.uPlot(options, [chart.x, ...chart.series.map(s => s.y)], host);
  host._observer ??= new ResizeObserver(() => host._plot?.setSize({ width: Math.max(260, host.clientWidth), height: 220 }));
  host._observer.observe(host);
  host.dataset.drawn = 'true';
  host.dataset.timeZone = timeZone;
}
