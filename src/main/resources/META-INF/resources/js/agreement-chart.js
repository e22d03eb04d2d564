// Draws Krippendorff's alpha over time on the review quality page.
(async function () {
  const canvas = document.getElementById('agreement-chart');
  if (!canvas || !window.Chart) return;
  const response = await fetch('/admin/review/agreement', { headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  const points = await response.json();
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map((p) => p.day),
      datasets: [{ label: "Krippendorff's alpha (overlap items so far)", data: points.map((p) => p.alpha),
        borderColor: '#2f6f5e', backgroundColor: '#2f6f5e', tension: 0.2, spanGaps: true }],
    },
    options: { scales: { y: { min: -0.2, max: 1, title: { display: true, text: 'alpha' } } },
      plugins: { tooltip: { callbacks: { afterLabel: (c) => points[c.dataIndex].units + ' items' } } } },
  });
})();
