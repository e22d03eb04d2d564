// Follows the knowledge imports under way on the knowledge page; reloads the page when one ends, so its articles and
// outcome show.
(function () {
  document.querySelectorAll('[data-import]').forEach(function (box) {
    const id = box.dataset.import;
    const cancel = box.querySelector('.import-cancel');
    async function poll() {
      const response = await fetch('/admin/knowledge/imports/' + id, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const view = await response.json();
      box.querySelector('.import-said').textContent = view.said;
      box.querySelector('.import-progress').value = Math.round(view.progress * 100);
      if ((view.finished || view.cancelRequested) && cancel) cancel.hidden = true;
      if (view.finished) {
        setTimeout(() => window.location.reload(), 500);
      } else {
        setTimeout(poll, 1000);
      }
    }
    if (cancel) {
      // A running import stops after the batch it is reading (a few seconds); say so at once.
      cancel.addEventListener('submit', () => {
        const button = cancel.querySelector('button');
        setTimeout(() => { button.disabled = true; button.textContent = 'Cancelling…'; }, 0);
      });
    }
    poll();
  });
})();
