// How each cost grows with the library (issue 16): the figures of every scale the bench measured, as
// a table for BENCHMARKS.md and as an SVG chart the bench draws itself (no plotting library).

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
const MB = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(2)} MB` : 'n/a');
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

/** The measures followed across sizes: how to read each one off a scale's results, and its target. */
export const GROWTH_MEASURES = [
  { name: 'Library first screen (app-ready), median', value: (s) => s.library.ready.median, format: ms, target: '10× ≤ 1.5 × 1×', colour: '#1f77b4' },
  {
    name: 'Library first screen ÷ Preact + Dexie floor (paired rounds)',
    value: (s) => s.library.pairedRatio,
    format: times,
    interval: (s) => s.library.pairedInterval,
    target: '≤ 2× at 1×',
    colour: '#aec7e8',
    chart: false,
  },
  { name: 'Library whole (search, filters and export ready), median', value: (s) => s.library.whole.median, format: ms, target: '', colour: '#17becf' },
  { name: 'Search keystroke → paint, p95', value: (s) => s.search.p95, format: ms, target: '≤ 16 ms at 1×, ≤ 50 ms at 10×', colour: '#ff7f0e' },
  {
    name: 'Popup ready ÷ Preact + Dexie floor (paired rounds)',
    value: (s) => s.popup.pairedRatio,
    format: times,
    // Where the median of the rounds lies, with 90% confidence: what "steadily" is judged by.
    interval: (s) => s.popup.pairedInterval,
    target: '≤ 1.15× at every size',
    colour: '#2ca02c',
  },
  { name: 'JS heap: library (with typed arrays)', value: (s) => s.library.heap, format: MB, target: '≤ 8 MB at 1×, ≤ 40 MB at 10×', colour: '#d62728' },
  {
    name: '… the same page after the search keystrokes',
    value: (s) => s.library.heapAfterSearch,
    format: MB,
    target: '≤ 8 MB at 1×, ≤ 40 MB at 10×',
    colour: '#d62728',
    chart: false,
  },
  { name: 'Import backup', value: (s) => s.import.ms, format: ms, target: '≤ 1.5 s at 1×, ≤ 15 s at 10×', colour: '#9467bd' },
  {
    name: 'Import backup ÷ raw IndexedDB floor',
    value: (s) => s.import.ms / s.import.floor.best,
    format: times,
    target: '',
    colour: '#9467bd',
    chart: false,
  },
  {
    name: 'Import: longest main-thread task (importing, then taking the library in)',
    value: (s) => Math.max(s.import.longestTask, s.import.takenIn.longestTask),
    format: ms,
    target: '≤ 200 ms (≤ 50 ms on the user’s page)',
    colour: '#c5b0d5',
    chart: false,
  },
  { name: 'Markdown export (log made + Download), median', value: (s) => s.export.total.median, format: ms, target: '', colour: '#8c564b' },
  { name: 'Export: longest main-thread task', value: (s) => s.export.longestTask, format: ms, target: '≤ 200 ms', colour: '#c49c94', chart: false },
];

const label = (s) => `${s.scale}× (${s.size.talks.toLocaleString('en')} / ${s.size.notes.toLocaleString('en')})`;

/** Markdown table: one row a measure, one column a size, then the growth from the smallest to the largest. */
export function growthTable(scales) {
  const first = scales[0];
  const last = scales.at(-1);
  const header = ['Measure', ...scales.map(label), `${last.scale}× ÷ ${first.scale}×`, 'Target'];
  const cell = (m, s) => {
    const range = m.interval?.(s);
    return range ? `${m.format(m.value(s))} (90%: ${range.low.toFixed(2)}–${range.high.toFixed(2)})` : m.format(m.value(s));
  };
  const rows = GROWTH_MEASURES.map((m) => [m.name, ...scales.map((s) => cell(m, s)), times(m.value(last) / m.value(first)), m.target]);
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Each charted measure divided by its value at the smallest size, against the number of talks, with
 * the two shapes that matter drawn behind them: flat (the cost of a screen) and linear (the cost of
 * the library).
 */
export function growthSvg(scales) {
  const W = 760;
  const H = 420;
  const plot = { left: 64, right: 250, top: 40, bottom: 56 };
  const measures = GROWTH_MEASURES.filter((m) => m.chart !== false);
  const base = scales[0];
  const series = measures.map((m) => ({ ...m, points: scales.map((s) => [s.size.talks, m.value(s) / m.value(base)]) }));
  const maxX = Math.max(...scales.map((s) => s.size.talks));
  const maxY = Math.max(scales.at(-1).scale / base.scale, ...series.flatMap((s) => s.points.map(([, y]) => (Number.isFinite(y) ? y : 0)))) * 1.08;
  const x = (talks) => plot.left + (talks / maxX) * (W - plot.left - plot.right);
  const y = (factor) => H - plot.bottom - (factor / maxY) * (H - plot.top - plot.bottom);
  const path = (points) => points.map(([px, py], i) => `${i ? 'L' : 'M'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
  const parts = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  parts.push(
    `<text x="${plot.left}" y="22" font-size="14" font-weight="bold">Growth of each cost with the library, ÷ its value at ${base.size.talks.toLocaleString('en')} talks</text>`,
  );
  // Axes, grid and ticks.
  const yStep = maxY > 12 ? 2 : 1;
  for (let tick = 0; tick <= maxY; tick += yStep) {
    parts.push(`<line x1="${plot.left}" x2="${W - plot.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`);
    parts.push(`<text x="${plot.left - 8}" y="${y(tick) + 4}" text-anchor="end">${tick}×</text>`);
  }
  for (const s of scales) {
    parts.push(`<line x1="${x(s.size.talks)}" x2="${x(s.size.talks)}" y1="${plot.top}" y2="${H - plot.bottom}" stroke="#eee"/>`);
    parts.push(`<text x="${x(s.size.talks)}" y="${H - plot.bottom + 18}" text-anchor="middle">${s.size.talks.toLocaleString('en')}</text>`);
  }
  parts.push(`<line x1="${plot.left}" x2="${W - plot.right}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`);
  parts.push(`<line x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${y(0)}" stroke="#333"/>`);
  parts.push(`<text x="${(plot.left + W - plot.right) / 2}" y="${H - 16}" text-anchor="middle">talks in the library (notes: ten times as many)</text>`);
  // The two reference shapes.
  const linear = scales.map((s) => [s.size.talks, s.scale / base.scale]);
  const flat = scales.map((s) => [s.size.talks, 1]);
  parts.push(`<path d="${path(linear)}" fill="none" stroke="#999" stroke-dasharray="6 4"/>`);
  parts.push(`<path d="${path(flat)}" fill="none" stroke="#999" stroke-dasharray="2 3"/>`);
  // The measures.
  for (const s of series) {
    const points = s.points.filter(([, py]) => Number.isFinite(py));
    parts.push(`<path d="${path(points)}" fill="none" stroke="${s.colour}" stroke-width="2.5"/>`);
    for (const [px, py] of points) parts.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3.5" fill="${s.colour}"/>`);
  }
  // Legend.
  const legend = [
    ...series.map((s) => ({ text: `${s.name} (${s.format(s.value(scales.at(-1)))} at ${scales.at(-1).scale}×)`, colour: s.colour, dash: '' })),
    { text: 'linear: grows with the library', colour: '#999', dash: '6 4' },
    { text: 'flat: the cost of a screen', colour: '#999', dash: '2 3' },
  ];
  let ly = plot.top + 8;
  for (const entry of legend) {
    const lx = W - plot.right + 16;
    parts.push(
      `<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke="${entry.colour}" stroke-width="2.5"${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''}/>`,
    );
    const words = escapeXml(entry.text).split(' ');
    const lines = [''];
    for (const word of words) {
      if ((lines.at(-1) + ' ' + word).length > 30) lines.push(word);
      else lines[lines.length - 1] = `${lines.at(-1)} ${word}`.trim();
    }
    lines.forEach((line, j) => parts.push(`<text x="${lx + 28}" y="${ly + 4 + j * 13}">${line}</text>`));
    ly += lines.length * 13 + 12;
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
