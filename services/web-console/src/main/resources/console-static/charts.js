// SafeBed console: the coordinator's dashboard charts, drawn with uPlot from each chart's
// data-chart attribute ({categories, series: [{label, values}]}). A value the service suppressed
// is null and gets no bar; the table beside each chart says "fewer than N" for it. The charts are
// hidden from assistive technology: the tables carry the same numbers.
'use strict';

(function () {
  if (!window.uPlot || !window.htmx) { return; }

  const COLOURS = ['#0b5cad', '#a4161a', '#2b7a3d', '#6a3d9a'];
  const HEIGHT = 240;

  // uPlot has one x axis for all series: each category i gets its bars side by side around x = i.
  function layout(chart) {
    const groups = chart.series.length;
    const step = 0.8 / groups;
    const xs = [];
    const columns = chart.series.map(() => []);
    chart.categories.forEach((_, i) => {
      chart.series.forEach((series, j) => {
        xs.push(i + (j - (groups - 1) / 2) * step);
        columns.forEach((column, k) => column.push(k === j ? series.values[i] : null));
      });
    });
    return [xs, ...columns];
  }

  function draw(element) {
    if (element.dataset.drawn) { return; }
    const chart = JSON.parse(element.dataset.chart);
    const categories = chart.categories;
    const values = chart.series.flatMap(s => s.values).filter(v => v !== null);
    const top = Math.max(1, ...values) * 1.15;
    const bars = uPlot.paths.bars({ size: [chart.series.length > 1 ? 0.9 : 0.6, 64], align: 0 });
    const options = {
      width: Math.max(280, element.clientWidth),
      height: HEIGHT,
      legend: { show: chart.series.length > 1, live: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, categories.length - 0.5] }, y: { range: [0, top] } },
      axes: [
        { splits: () => categories.map((_, i) => i), values: (u, splits) => splits.map(i => categories[i] ?? ''),
          grid: { show: false }, size: 48 },
        { label: element.dataset.unit || '', size: 56 }
      ],
      series: [{}, ...chart.series.map((series, j) => ({
        label: series.label, fill: COLOURS[j % COLOURS.length], stroke: COLOURS[j % COLOURS.length],
        width: 0, paths: bars, points: { show: false }
      }))]
    };
    const plot = new uPlot(options, layout(chart), element);
    element.dataset.drawn = 'yes';
    window.addEventListener('resize', () => plot.setSize({ width: Math.max(280, element.clientWidth), height: HEIGHT }));
  }

  htmx.onLoad(content => {
    if (!content.querySelectorAll) { return; }
    content.querySelectorAll('.chart[data-chart]').forEach(draw);
  });
})();
