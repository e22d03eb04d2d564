// Follows the newest training run on the models page until it finishes, then reloads the page.
(function () {
  const box = document.getElementById('run');
  if (!box || box.dataset.finished === 'true') return;
  const id = box.dataset.run;
  // Time left from the pace this page has measured: as soon as it has seen the run move (a point of progress over five
  // seconds or more), however early, since a long fine-tune can sit at a few percent for minutes. Before that there is
  // no pace to go by, and the page says when one comes rather than show a number it does not have.
  const WAITING = 'time left: shown once the first steps are measured';
  // A step that has not moved for minutes (the check on the tickets kept aside, a slow machine) leaves no pace worth a
  // number: the estimate would only grow while it waits, so the page says what it knows instead.
  const STALLED_MS = 2 * 60 * 1000;
  const JITTER = 0.001;
  let firstSeen = null;
  function sayIfChanged(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }
  let lastMove = null;
  // performance.now, not the clock: a clock set back or forward while the page is open would make the pace negative or huge.
  function eta(progress) {
    const element = document.getElementById('run-eta');
    if (!element) return;
    const now = performance.now();
    if (!Number.isFinite(progress) || progress <= 0) {
      firstSeen = null;
      element.textContent = WAITING;
      return;
    }
    // Progress that went back (a step that counts afresh) starts the measure again rather than give a negative pace.
    // Differences below a tenth of a point are no move either way: the same progress can come back as 0.04 once and
    // 0.03999999910593033 the next time (stored single precision, read now and then as written), which would restart the
    // measure or hide a stall.
    if (firstSeen === null || progress < firstSeen.progress - JITTER) firstSeen = { at: now, progress };
    if (lastMove === null || Math.abs(progress - lastMove.progress) >= JITTER) lastMove = { at: now, progress };
    const done = progress - firstSeen.progress;
    if (done < 0.01 || now - firstSeen.at < 5000) { element.textContent = WAITING; return; }
    const still = now - lastMove.at;
    if (still > STALLED_MS) {
      element.textContent = 'time left: not known while this step runs (no progress for ' + Math.round(still / 60000) + ' min)';
      return;
    }
    element.textContent = timeLeft(((now - firstSeen.at) / done) * (1 - Math.min(progress, 1)) / 1000);
  }
  // Minutes up to an hour and a half, then hours: "about 600 min" is a number nobody reads at a glance.
  function timeLeft(seconds) {
    if (seconds < 60) return 'less than a minute left, at this pace';
    if (seconds < 90 * 60) return 'about ' + Math.round(seconds / 60) + ' min left, at this pace';
    if (seconds < 24 * 3600) return 'about ' + Math.round(seconds / 3600) + ' hours left, at this pace';
    return 'more than a day left, at this pace';
  }
  // The time left and the percentage move at every poll: read out each time, they would drown the page. A screen reader
  // hears each quarter of the way, a cancel and the end instead; the step line above still says each new step.
  const announcer = document.getElementById('run-announce');
  let announced = null;
  function announce(run) {
    if (!announcer) return;
    const ended = run.status === 'succeeded' || run.status === 'failed' || run.status === 'cancelled';
    const quarter = Math.floor(Math.min(1, Math.max(0, run.progress)) * 4) * 25;
    const now = ended ? 'Finished: the page now shows how it ended.'
      : run.cancelRequested ? 'Cancelling: it stops after the step it is on.'
      : quarter > 0 ? quarter + '% done.' : null;
    if (now && now !== announced) {
      announcer.textContent = now;
      announced = now;
    }
  }
  // A restart or a network blip must not end the following for good: the page keeps asking, less often the longer it
  // goes unanswered (up to every 15 s), says it lost contact meanwhile, and carries on as soon as an answer comes.
  const RETRY_FIRST_MS = 1500;
  const RETRY_MAX_MS = 15000;
  let retryMs = RETRY_FIRST_MS;
  function lostContact() {
    let note = document.getElementById('run-contact');
    if (!note) {
      note = document.createElement('p');
      note.id = 'run-contact';
      note.className = 'muted';
      note.setAttribute('role', 'status');
      box.append(note);
    }
    note.textContent = 'Lost contact with Loopwise: this progress is not being updated. Trying again every '
        + Math.round(retryMs / 1000) + ' s; the training itself goes on.';
    note.hidden = false;
    setTimeout(poll, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  }
  async function poll() {
    let run;
    try {
      const response = await fetch('/admin/models/runs/' + id, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      run = await response.json();
    } catch (e) {
      lostContact();
      return;
    }
    retryMs = RETRY_FIRST_MS;
    const note = document.getElementById('run-contact');
    if (note) note.hidden = true;
    // The line is read out when it changes: written again unchanged, it would be read out at every poll.
    sayIfChanged(document.getElementById('run-status'), run.statusText || run.status);
    sayIfChanged(document.getElementById('run-step'), run.step || 'waiting');
    document.getElementById('run-progress').value = Math.round(run.progress * 100);
    // The bar alone reads as "barely started" or "nearly done"; the number says which, and moves when the bar is thin.
    const percent = document.getElementById('run-percent');
    if (percent) percent.textContent = Math.round(run.progress * 100) + '% done';
    const first = document.getElementById('first-progress');
    if (first) first.textContent = Math.round(run.progress * 100) + '%';
    const ended = run.status === 'succeeded' || run.status === 'failed' || run.status === 'cancelled';
    if (ended) {
      // Until the reload shows how it ended, nothing offers to cancel a finished run or guesses its time left (a quick
      // training ends before any pace is measured, and said "shown once the first steps are measured" under its 100%).
      sayIfChanged(document.getElementById('run-eta'), '');
      if (cancel) cancel.hidden = true;
    } else {
      eta(run.progress);
    }
    announce(run);
    // An instance that stopped sending heartbeats leaves a bar that would sit still until the run is marked failed: the
    // page says when it was last heard from instead, and goes back to the bar if it comes back.
    const silent = document.getElementById('run-silent');
    if (silent) {
      silent.textContent = run.silence || '';
      silent.hidden = !run.silence;
      document.getElementById('run-moving').hidden = !!run.silence;
    }
    if (run.error) {
      const error = document.getElementById('run-error');
      error.textContent = run.error;
      error.hidden = false;
    }
    if (ended) {
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
