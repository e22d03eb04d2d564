// Follows a running alignment round on its report page, then reloads to show the final report.
(function () {
  const box = document.getElementById('round');
  if (!box || box.dataset.finished === 'true') return;
  async function poll() {
    const response = await fetch('/admin/rounds/' + box.dataset.round + '/progress', { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const round = await response.json();
    document.getElementById('round-status').textContent = round.statusText || round.status;
    document.getElementById('round-step').textContent = round.step || 'waiting';
    document.getElementById('round-progress').value = Math.round(round.progress * 100);
    document.getElementById('round-log').textContent = round.log.join('\n');
    if (['promoted', 'rejected', 'needs_evidence', 'superseded', 'failed'].includes(round.status)) {
      setTimeout(() => window.location.reload(), 600);
    } else {
      setTimeout(poll, 700);
    }
  }
  poll();
})();
