// Follows background jobs shown on a page (knowledge imports, replays): each box names the address of its progress
// (data-progress-url), which answers {said, progress, finished, cancelRequested}; the page reloads when one ends, so its
// outcome shows.
(function () {
  document.querySelectorAll('[data-progress-url]').forEach(function (box) {
    const url = box.dataset.progressUrl;
    const cancel = box.querySelector('.job-cancel');
    async function poll() {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const view = await response.json();
      box.querySelector('.job-said').textContent = view.said;
      box.querySelector('.job-progress').value = Math.round(view.progress * 100);
      if ((view.finished || view.cancelRequested) && cancel) cancel.hidden = true;
      if (view.finished) {
        setTimeout(() => window.location.reload(), 500);
      } else {
        setTimeout(poll, 1000);
      }
    }
    if (cancel) {
      // A running job stops after the step it is on (a few seconds); say so at once.
      cancel.addEventListener('submit', () => {
        const button = cancel.querySelector('button');
        setTimeout(() => { button.disabled = true; button.textContent = 'Cancelling…'; }, 0);
      });
    }
    poll();
  });
})();
