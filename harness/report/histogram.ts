/** Binning samples for the report's small histograms (scores, run time, steps). */

export interface Histogram {
  /** Lower edge of each bin; the last bin also holds `max`. */
  edges: number[];
  counts: number[];
  min: number;
  max: number;
  total: number;
}

/**
 * Counts `values` into `bins` equal-width bins over [min, max] (by default the values' own range).
 * A range of one value gets one full bin, so a histogram is never empty when there are samples.
 */
export function histogram(values: readonly number[], bins: number, range?: { min: number; max: number }): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const min = range?.min ?? (values.length ? lo : 0);
  const max = range?.max ?? (values.length ? hi : 0);
  const n = max > min ? bins : 1;
  const width = (max - min) / n || 1;
  const counts = new Array<number>(n).fill(0);
  for (const v of values) counts[Math.min(n - 1, Math.max(0, Math.floor((v - min) / width)))]++;
  return { edges: counts.map((_, i) => min + i * width), counts, min, max, total: values.length };
}

/** One bar of a histogram drawn in SVG user units. */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
  /** For the bar's tooltip and screen readers: `3 students between 60% and 70%`. */
  label: string;
}

export interface HistogramView {
  width: number;
  height: number;
  bars: Bar[];
  /** What the whole chart shows, for its aria-label. */
  title: string;
  /** Axis labels under the chart: lowest and highest value. */
  minLabel: string;
  maxLabel: string;
}

/**
 * Lays a histogram out for the `histogram` partial: every bar gets a height proportional to
 * its count, at least a hairline when non-zero so a single outlier stays visible.
 */
export function histogramView(
  h: Histogram,
  opts: { width: number; height: number; title: string; unit: (v: number) => string; noun: [string, string] },
): HistogramView {
  const peak = Math.max(1, ...h.counts);
  const slot = opts.width / h.counts.length;
  const gap = Math.min(2, slot * 0.15);
  const binWidth = h.counts.length > 1 ? h.edges[1] - h.edges[0] : h.max - h.min;
  const bars = h.counts.map((count, i) => {
    const height = count ? Math.max(1.5, (count / peak) * (opts.height - 2)) : 0;
    const from = opts.unit(h.edges[i]);
    const to = opts.unit(i === h.counts.length - 1 ? h.max : h.edges[i] + binWidth);
    return {
      x: round(i * slot + gap / 2),
      y: round(opts.height - height),
      width: round(slot - gap),
      height: round(height),
      count,
      label: `${count} ${count === 1 ? opts.noun[0] : opts.noun[1]} from ${from} to ${to}`,
    };
  });
  return { width: opts.width, height: opts.height, bars, title: opts.title, minLabel: opts.unit(h.min), maxLabel: opts.unit(h.max) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A histogram drawn as one SVG path: a tenth of the markup of a rect per bar, for the many small charts. */
export interface SparkView {
  width: number;
  height: number;
  /** The bars, as one `d` attribute. */
  path: string;
  /** What the chart shows, for its aria-label. */
  title: string;
  minLabel: string;
  maxLabel: string;
  /** `median 0.12 ms · 90% under 0.3 ms`: what people read off such a chart anyway. */
  summary: string;
}

/** Lays out `values` as a small bar chart of `bins` bins. */
export function sparkView(values: readonly number[], opts: { width: number; height: number; bins: number; title: string; unit: (v: number) => string }): SparkView {
  const h = histogram(values, opts.bins);
  const view = histogramView(h, { ...opts, noun: ['', ''] });
  const path = view.bars.filter((b) => b.height > 0).map((b) => `M${b.x} ${opts.height}V${b.y}h${b.width}V${opts.height}Z`).join('');
  // A typed array sorts numerically in native code: thousands of these charts per class.
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    width: opts.width,
    height: opts.height,
    path,
    title: `${opts.title}: ${values.length} samples from ${view.minLabel} to ${view.maxLabel}`,
    minLabel: view.minLabel,
    maxLabel: view.maxLabel,
    summary: sorted.length ? `median ${opts.unit(at(0.5))} · 90% under ${opts.unit(at(0.9))}` : '',
  };
}
