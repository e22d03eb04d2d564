// Follows the newest training run on the models page until it finishes, then reloads the page.
(function () {
  const box = document.getElementById('run');
  if (!box || box.dataset.finished === 'true') return;
  const id = box.dataset.run;
  async function poll() {
    const response = await fetch('/admin/models/runs/' + id, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const run = await response.json();
    document.getElementById('run-status').textContent = run.status;
    document.getElementById('run-step').textContent = run.step || 'waiting';
    document.getElementById('run-progress').value = Math.round(run.progress * 100);
    if (run.error) {
      const error = document.getElementById('run-error');
      error.textContent = run.error;
      error.hidden = false;
    }
    if (run.status === 'succeeded' || run.status === 'failed' || run.status === 'cancelled') {
      setTimeout(() => window.location.reload(), 800);
    } else {
      setTimeout(poll, 700);
    }
  }
  const cancel = document.getElementById('run-cancel');
  if (cancel) {
    // The run stops at its next check (a few seconds); say so at once rather than look as if nothing happened.
    cancel.addEventListener('submit', () => {
      const button = cancel.querySelector('button');
      setTimeout(() => { button.disabled = true; button.textContent = 'Cancelling…'; }, 0);
    });
  }
  poll();
})();
