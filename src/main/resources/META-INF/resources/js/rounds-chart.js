// Metrics across alignment rounds, named in words and shares as in the table below: taste learned (reward-model accuracy),
// preference agreement of candidate and active, and replies changed (rather than the KL divergence, a figure only ML
// engineers read, which the table keeps in its hover).
(async function () {
  const canvas = document.getElementById('rounds-chart');
  if (!canvas || !window.Chart) return;
  const response = await fetch('/admin/rounds/history', { headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  const rounds = await response.json();
  // On a phone the chart is short: the axis title on one line ran past its top and was cut off, so it takes two there.
  const phone = window.matchMedia('(max-width: 600px)').matches;
  const series = (key) => rounds.map((r) => (typeof r[key] === 'number' ? r[key] : null));
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: rounds.map((r) => 'round ' + r.round),
      datasets: [
        // Each series has a mark of its own shape as well as its colour: told apart without seeing colours (WCAG 1.4.1),
        // and every colour stands out 3:1 at least from the white behind it (1.4.11).
        // A dot from too few comparisons to read is drawn hollow, and its likely range as a bar through it (plugin below).
        { label: 'taste learned', data: series('reward/accuracy'), borderColor: '#2f6f5e', backgroundColor: '#2f6f5e', pointStyle: 'circle',
          pointBackgroundColor: rounds.map((r) => (r.tasteTooFew ? '#ffffff' : '#2f6f5e')), yAxisID: 'rate' },
        { label: 'new version picks the preferred reply', data: series('eval/candidate_preference_agreement'), borderColor: '#2563eb', backgroundColor: '#2563eb',
          pointStyle: 'triangle', pointRadius: 5, yAxisID: 'rate' },
        { label: 'active version picks the preferred reply', data: series('eval/active_preference_agreement'), borderColor: '#64748b', backgroundColor: '#64748b',
          pointStyle: 'rect', pointRadius: 7, yAxisID: 'rate' },
        { label: 'replies changed', data: series('policy/changed_choice_rate'), borderColor: '#b45309', backgroundColor: '#b45309', borderDash: [4, 4],
          pointStyle: 'rectRot', yAxisID: 'rate' },
        // Taste learned is a choice between two replies: a coin toss gets 50%, the line a figure must clear.
        // Drawn by the plugin below across the whole chart: as a line between rounds it would not show with one round.
        { label: 'coin toss (50%)', data: rounds.map(() => 0.5), borderColor: '#64748b', borderDash: [6, 6], borderWidth: 1, pointRadius: 0,
          showLine: false, pointStyle: 'line', yAxisID: 'rate' },
      ],
    },
    plugins: [{
      id: 'tasteRange',
      // Taste learned from a few dozen comparisons can be far from what many more would show: its range is drawn with it.
      afterDatasetsDraw(chart) {
        const index = chart.data.datasets.findIndex((d) => d.label === 'taste learned');
        if (index < 0 || !chart.isDatasetVisible(index)) return;
        const { ctx } = chart;
        const points = chart.getDatasetMeta(index).data;
        ctx.save();
        ctx.strokeStyle = '#2f6f5e';
        ctx.lineWidth = 1.5;
        rounds.forEach((r, i) => {
          if (!Array.isArray(r.tasteRange) || !points[i]) return;
          const x = points[i].x;
          const low = chart.scales.rate.getPixelForValue(r.tasteRange[0]);
          const high = chart.scales.rate.getPixelForValue(r.tasteRange[1]);
          ctx.beginPath();
          ctx.moveTo(x, low); ctx.lineTo(x, high);
          ctx.moveTo(x - 4, low); ctx.lineTo(x + 4, low);
          ctx.moveTo(x - 4, high); ctx.lineTo(x + 4, high);
          ctx.stroke();
        });
        ctx.restore();
      },
    }, {
      id: 'coinToss',
      beforeDatasetsDraw(chart) {
        const index = chart.data.datasets.findIndex((d) => d.label === 'coin toss (50%)');
        if (index < 0 || !chart.isDatasetVisible(index)) return;
        const { ctx, chartArea } = chart;
        const y = chart.scales.rate.getPixelForValue(0.5);
        ctx.save();
        ctx.strokeStyle = '#64748b';
        ctx.lineWidth = 1;
        ctx.setLineDash([6, 6]);
        ctx.beginPath();
        ctx.moveTo(chartArea.left, y);
        ctx.lineTo(chartArea.right, y);
        ctx.stroke();
        ctx.restore();
      },
    }],
    // Dots at 100% stay whole (clip off), rounds sit apart from the edges (offset), and the active version's grey square is
    // drawn larger than the new version's blue triangle, which comes earlier in the list and so is drawn over it: both
    // show when they agree. Shares read as percentages, as in the table.
    options: { spanGaps: true, maintainAspectRatio: false,
      datasets: { line: { pointRadius: 4, clip: false } },
      // The legend shows each series as the chart draws it, a dot (or the dashed line), not a bar the chart has none of;
      // taste learned's hover gives its range, or says it is from too few comparisons, as the table does.
      plugins: { legend: { position: phone ? 'bottom' : 'top', labels: { usePointStyle: true, boxHeight: 6 } },
        tooltip: { callbacks: { label: (item) => (item.dataset.label === 'taste learned' && rounds[item.dataIndex].tasteText
          ? 'taste learned ' + rounds[item.dataIndex].tasteText
          : item.dataset.label + ' ' + Math.round(item.parsed.y * 100) + '%') } } },
      scales: { x: { offset: true }, rate: { position: 'left', min: 0, max: 1,
        title: { display: true, text: phone ? ['% of judgements', 'or tickets'] : 'share of judgements or tickets' }, ticks: { callback: (value) => Math.round(value * 100) + '%' } } } },
  });
})();
