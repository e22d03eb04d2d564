// Follows the newest training run on the models page until it finishes, then reloads the page.
(function () {
  const box = document.getElementById('run');
  if (!box || box.dataset.finished === 'true') return;
  const id = box.dataset.run;
  // Time left from the pace this page has measured: as soon as it has seen the run move (a point of progress over five
  // seconds or more), however early, since a long fine-tune can sit at a few percent for minutes. Before that there is
  // no pace to go by, and the page says when one comes rather than show a number it does not have.
  const WAITING = 'time left: shown once the first steps are measured';
  let firstSeen = null;
  function eta(progress) {
    const now = Date.now();
    if (firstSeen === null || progress < firstSeen.progress) firstSeen = { at: now, progress };
    const done = progress - firstSeen.progress;
    const element = document.getElementById('run-eta');
    if (!element) return;
    if (progress <= 0 || done < 0.01 || now - firstSeen.at < 5000) { element.textContent = WAITING; return; }
    const left = ((now - firstSeen.at) / done) * (1 - progress) / 1000;
    element.textContent = left < 60 ? 'less than a minute left, at this pace' : 'about ' + Math.round(left / 60) + ' min left, at this pace';
  }
  async function poll() {
    const response = await fetch('/admin/models/runs/' + id, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const run = await response.json();
    document.getElementById('run-status').textContent = run.statusText || run.status;
    document.getElementById('run-step').textContent = run.step || 'waiting';
    document.getElementById('run-progress').value = Math.round(run.progress * 100);
    // The bar alone reads as "barely started" or "nearly done"; the number says which, and moves when the bar is thin.
    const percent = document.getElementById('run-percent');
    if (percent) percent.textContent = Math.round(run.progress * 100) + '% done';
    const first = document.getElementById('first-progress');
    if (first) first.textContent = Math.round(run.progress * 100) + '%';
    eta(run.progress);
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
