// Follows a running alignment round on its report page, then reloads to show the final report.
(function () {
  const box = document.getElementById('round');
  if (!box || box.dataset.finished === 'true') return;
  async function poll() {
    const response = await fetch('/admin/rounds/' + box.dataset.round + '/progress', { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const round = await response.json();
    document.getElementById('round-status').textContent = round.statusText || round.status;
    // A status region: written only when the step changes, or a screen reader says the same step at every poll.
    const step = document.getElementById('round-step');
    if (step.textContent !== (round.step || 'waiting')) step.textContent = round.step || 'waiting';
    document.getElementById('round-progress').value = Math.round(round.progress * 100);
    // An instance that stopped sending heartbeats leaves a bar that would sit still until the round is marked failed: the
    // page says when it was last heard from instead, and goes back to the bar if it comes back.
    const silent = document.getElementById('round-silent');
    if (silent.textContent !== (round.silence || '')) silent.textContent = round.silence || '';
    silent.hidden = !round.silence;
    document.getElementById('round-progress').hidden = !!round.silence;
    document.getElementById('round-log').textContent = round.log.join('\n');
    if (['promoted', 'rejected', 'needs_evidence', 'superseded', 'failed', 'cancelled'].includes(round.status)) {
      // The texts below were written while it ran; until the page reloads they must not say it still runs.
      document.getElementById('round-outcome').textContent = 'The round has finished; its report is loading…';
      document.getElementById('round-next').textContent = '';
      // Nothing is left to cancel, and a full bar and the last step's "Done" would read as the outcome: the report
      // shows the outcome instead, as the page does for a round that has ended.
      document.getElementById('round-run').hidden = true;
      setTimeout(() => window.location.reload(), 600);
    } else if (round.status !== box.dataset.status || (box.dataset.base === '' && round.baseVersion != null)) {
      // The header and the outcome were written for the round as the page found it (queued, or its judgements not yet
      // read), and would go on saying it waits its turn while the bar moves: the server writes them again.
      window.location.reload();
    } else {
      setTimeout(poll, 700);
    }
  }
  const cancel = document.getElementById('round-cancel');
  if (cancel) {
    // The round stops at its next step; say so at once rather than look as if nothing happened.
    cancel.addEventListener('submit', () => {
      const button = cancel.querySelector('button');
      setTimeout(() => { button.disabled = true; button.textContent = 'Cancelling…'; }, 0);
    });
  }
  poll();
})();
