// Follows background jobs shown on a page (knowledge imports, replays): each box names the address of its progress
// (data-progress-url), which answers {said, progress, finished, cancelRequested, silence, showAt?}; when one ends the page reloads,
// so its outcome shows, or goes where showAt says (a replay that raised alerts leads to them, as without JavaScript).
(function () {
  document.querySelectorAll('[data-progress-url]').forEach(function (box) {
    const url = box.dataset.progressUrl;
    const cancel = box.querySelector('.job-cancel');
    async function poll() {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const view = await response.json();
      const said = box.querySelector('.job-said');
      if (said.textContent !== view.said) said.textContent = view.said;
      announce(view);
      const bar = box.querySelector('.job-progress');
      bar.value = Math.round(view.progress * 100);
      // A job whose instance went silent is not at work: its bar, standing where it stopped, would say it is.
      bar.hidden = !!view.silence;
      if ((view.finished || view.cancelRequested) && cancel) cancel.hidden = true;
      if (view.finished) {
        setTimeout(() => showOutcome(view.showAt), 500);
      } else {
        setTimeout(poll, 1000);
      }
    }
    // The line's counters move every second: read out each time, they would drown the page. A screen reader hears each
    // quarter of the way, a cancel and the end instead.
    const announcer = box.querySelector('.job-announce');
    let announced = null;
    function announce(view) {
      if (!announcer) return;
      const quarter = Math.floor(Math.min(1, view.progress) * 4) * 25;
      const now = view.finished ? 'Finished: the page now shows how it ended.'
        : view.cancelRequested ? 'Cancelling: it stops after the step it is on.'
        : quarter > 0 ? quarter + '% done.' : null;
      if (now && now !== announced) {
        announcer.textContent = now;
        announced = now;
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
