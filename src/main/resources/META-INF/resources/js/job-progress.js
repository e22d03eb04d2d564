// Follows background jobs shown on a page (knowledge imports, replays): each box names the address of its progress
// (data-progress-url), which answers {said, progress, finished, cancelRequested, showAt?}; when one ends the page reloads,
// so its outcome shows, or goes where showAt says (a replay that raised alerts leads to them, as without JavaScript).
(function () {
  document.querySelectorAll('[data-progress-url]').forEach(function (box) {
    const url = box.dataset.progressUrl;
    const cancel = box.querySelector('.job-cancel');
    async function poll() {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const view = await response.json();
      // The line is read out when it changes: written again unchanged, it would be read out at every poll.
      const said = box.querySelector('.job-said');
      if (said.textContent !== view.said) said.textContent = view.said;
      box.querySelector('.job-progress').value = Math.round(view.progress * 100);
      if ((view.finished || view.cancelRequested) && cancel) cancel.hidden = true;
      if (view.finished) {
        setTimeout(() => showOutcome(view.showAt), 500);
      } else {
        setTimeout(poll, 1000);
      }
    }
    function showOutcome(showAt) {
      const target = showAt ? new URL(showAt, window.location.href) : null;
      if (target && target.pathname + target.search !== window.location.pathname + window.location.search) {
        window.location.assign(target.href);
        return;
      }
      // Assigning an address that differs only in its #anchor would scroll without loading the outcome.
      if (target) history.replaceState(null, '', target.href);
      window.location.reload();
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
