// Draws Krippendorff's alpha over time on the review quality page.
(async function () {
  const canvas = document.getElementById('agreement-chart');
  if (!canvas || !window.Chart) return;
  const evidence = Number(canvas.dataset.evidence) || 20;
  const response = await fetch('/admin/review/agreement', { headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  const points = await response.json();
  if (!points.some((p) => typeof p.alpha === 'number')) {
    // No item judged by two reviewers yet: nothing to draw, and an empty frame would look like a broken chart.
    const note = document.createElement('p');
    note.className = 'muted';
    // Agreement against chance needs answers that vary: one or two shared items that everyone answered alike say nothing.
    note.textContent = 'No agreement to show yet: it appears once reviewers have judged several of the same items, with '
      + 'different answers among them (on one or two shared items, agreement cannot be told from chance).';
    (canvas.closest('.chart-box') || canvas).replaceWith(note);
    return;
  }
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map((p) => p.day),
      // A day resting on few shared items is a small hollow dot: the page calls it too few to tell, so should the chart.
      datasets: [{ label: 'agreement (1 = always, 0 = as by chance)', data: points.map((p) => p.alpha),
        borderColor: '#2f6f5e', backgroundColor: points.map((p) => (p.units < evidence ? '#fff' : '#2f6f5e')),
        pointRadius: points.map((p) => (p.units < evidence ? 2.5 : 4)), tension: 0.2, spanGaps: true }],
    },
    options: { maintainAspectRatio: false,
      // Offset: the first days (often the only one, in a team's first week) sit clear of the axis rather than on it.
      scales: { x: { offset: true, title: { display: true, text: 'day (UTC)' } },
        y: { min: -0.2, max: 1, title: { display: true, text: 'agreement' } } },
      plugins: { legend: { position: window.matchMedia('(max-width: 600px)').matches ? 'bottom' : 'top' }, tooltip: { callbacks: { afterLabel: (c) => points[c.dataIndex].units + ' items' } } } },
  });
  window.chartFigures(canvas.closest('.chart-box') || canvas, canvas.getAttribute('aria-label'), ['Day', 'Agreement (α)', 'Shared items'],
    points.map((p) => [p.day, typeof p.alpha === 'number' ? p.alpha.toFixed(2) : null, p.units]));
})();
