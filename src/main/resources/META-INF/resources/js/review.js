// The judging page: keyboard-first, one item after another without reloading. Sentences come from the server
// (responses, or data attributes of the page), so they live in one place. What it shows is review-view.js, how it
// calls the server review-server.js, its keys and buttons review-keys.js.
(function () {
  const $ = (id) => document.getElementById(id);
  const page = $('review');
  const { call } = window.reviewServer;
  const { say, counters } = window.reviewView;
  const view = window.reviewView;
  // A better reply being written, or one kept to copy, is not thrown away without a word by leaving or a sign-in.
  const leave = window.reviewLeave({ onScreen: () => item });
  let item = null; // the item on screen
  let shownAt = 0;
  const stars = { A: window.reviewStars($('stars-A')), B: window.reviewStars($('stars-B')) };
  let last = null; // the last stored choice: {itemId, ratings, rewrite}
  let undoing = false;
  let toldToppedUp = false; // Waiting not falling after a judgement is explained once, not after every choice
  // Keys typed while an item loads, or just after it appeared, were meant for what was on screen before (a reviewer
  // typing a rewrite, a double press): they must never become answers to a ticket nobody has read yet.
  let quietUntil = 0;
  const SETTLE_MS = 400;
  let settleTimer = null;

  // data-settled says when keys count again (people see it as the hint not appearing; browser tests wait for it).
  function settleLater() {
    page.dataset.settled = 'false';
    clearTimeout(settleTimer);
    const check = () => {
      const left = quietUntil - performance.now();
      if (left > 0) settleTimer = setTimeout(check, left);
      else page.dataset.settled = 'true';
    };
    settleTimer = setTimeout(check, SETTLE_MS);
  }
  // Function declarations below are hoisted, so the skip reasons can call back into this page's choose and say.
  let reasonFor = null; // the item the reason in the skip box was typed for
  const skip = window.reviewSkip({ hasItem: () => item !== null,
    sameItem: () => { const same = reasonFor === item; reasonFor = item; return same; }, choose: (reason) => choose('skip', reason), say,
    reasonRequired: page.dataset.reasonRequired });

  // Shows an answer of the next-item call: the item (or that nothing waits) and the counters as they stand.
  function show(next) {
    counters(next);
    item = next ? next.item : null;
    // An answer without counters (nothing to judge) must not leave an old Waiting figure beside "Nothing is waiting".
    if (!item) $('waiting').textContent = '0';
    $('rewrite').value = '';
    $('rewrite-box').hidden = true;
    skip.close();
    $('item').hidden = !item;
    $('empty').hidden = !!item;
    $('empty').classList.remove('unanswered');
    if (!item) {
      page.dataset.settled = 'true';
      return;
    }
    view.showItem(item);
    stars.A.set(0);
    stars.B.set(0);
    shownAt = performance.now();
    quietUntil = Math.max(quietUntil, shownAt + SETTLE_MS);
    settleLater();
    // Scrolled down to the last replies (a phone), the new ticket would start above the screen.
    if ($('item').getBoundingClientRect().top < 0) window.scrollTo({ top: 0 });
  }

  // adoptUndo: false after a refused choice, whose item another tab may have judged: its undo is not this choice's.
  async function load(adoptUndo = true) {
    const next = await call('GET', '/review/items/next');
    show(next);
    const resent = await resend();
    leave.restore(); // after the kept choice, whose answer would drop a rewrite shown to copy
    if (resent) return;
    // After a reload or in another tab, the last choice can still be undone for the seconds the server says are left.
    if (adoptUndo && next && next.undoable && !last) {
      last = { itemId: next.undoable.itemId };
      view.startCountdown(next.undoable.secondsLeft);
    }
  }

  // The choice the session's end kept from reaching the server: sent now if its item is the one on screen again.
  async function resend() {
    const pending = window.reviewServer.takeUnsent();
    if (!pending) return false;
    if (!item || pending.url !== '/review/items/' + item.itemId) {
      say(page.dataset.choiceLost, 'error');
      // A rewrite typed before the session ended was for the ticket that left: kept to copy, not lost with the choice.
      if (pending.body.rewrite) window.reviewView.keepLostRewrite(pending.body.rewrite);
      return false;
    }
    await send(pending.body, pending.body.ratings || {}, pending.body.rewrite || '', page.dataset.choiceKept);
    return true;
  }

  async function choose(choice, reason) {
    if (!item) return;
    const body = { choice, durationMs: Math.round(performance.now() - shownAt) };
    const ratings = {};
    ['A', 'B'].forEach((letter) => { if (stars[letter].value()) ratings[letter] = stars[letter].value(); });
    if (Object.keys(ratings).length && choice !== 'skip') body.ratings = ratings; // a skip judges nothing
    const rewrite = $('rewrite').value.trim();
    // Sent with a skip or "out of scope" too: the server refuses the pair and the item stays, rewrite and all, not lost.
    if (rewrite) body.rewrite = rewrite;
    if (reason) body.reason = reason;
    await send(body, ratings, rewrite);
  }

  async function send(body, ratings, rewrite, note) {
    const judged = item;
    item = null;
    page.dataset.settled = 'false';
    try {
      const waitingBefore = window.reviewView.count('waiting');
      const saved = await call('POST', '/review/items/' + judged.itemId, body);
      counters(saved);
      window.reviewView.dropLostRewrite();
      last = { itemId: judged.itemId, ratings, rewrite }; // an undo puts back what the reviewer gave
      view.startCountdown(saved.undoSeconds);
      let said = note ? note + ' ' + saved.message : saved.message;
      if (!toldToppedUp && saved.waiting >= waitingBefore) {
        toldToppedUp = true;
        said += ' ' + page.dataset.toppedUp;
      }
      say(said);
    } catch (e) {
      await refused(e, judged, rewrite);
      return;
    }
    await loadOnward(true, $('message').textContent + ' ');
  }

  // The next ticket, or, when it did not come (no answer, or an error on Loopwise's side), the way to look again: the one
  // judged must not stay on screen as if it could be answered again, nor the page go quiet. `before`: what was said first.
  async function loadOnward(adoptUndo, before) {
    try {
      await load(adoptUndo);
      focusOnward();
    } catch (e) {
      nextFailed(e, before);
    }
  }

  function nextFailed(e, before) {
    if (window.reviewServer.signingIn()) return; // the page is on its way to sign-in
    item = null;
    $('item').hidden = true;
    $('empty').hidden = false;
    $('empty').classList.add('unanswered');
    page.dataset.settled = 'true';
    say(before + (e.unanswered ? page.dataset.nextUnanswered : e.message), 'error');
    $('look-again').focus();
  }

  // A choice Loopwise did not store: said, and the item stays when the reviewer can still answer it.
  async function refused(e, judged, rewrite) {
    if (window.reviewServer.signingIn()) return; // the page is on its way to sign-in; what was written is kept
    if (e.code === 'already_judged') {
      // Another tab of this reviewer answered first: nothing of this choice was stored, so there is nothing here to undo.
      say(page.dataset.judgedElsewhere);
      if (rewrite) window.reviewView.keepLostRewrite(rewrite);
      await loadOnward(false, $('message').textContent + ' ');
      return;
    }
    if (e.unanswered) {
      // Nothing was stored: the same item stays, its stars and rewrite untouched, to be chosen again once Loopwise answers.
      item = judged;
      page.dataset.settled = 'true';
      say(page.dataset.choiceUnsent, 'error');
      return;
    }
    // A refused rewrite is the field to fix: the message is tied to it.
    say(e.message, 'error', e.status === 400 && rewrite ? $('rewrite') : null);
    if (e.status === 400) {
      // What was sent needs fixing (a rewrite too long, say): the same item stays, with the reviewer's text.
      item = judged;
      page.dataset.settled = 'true';
      if (rewrite) {
        $('rewrite').value = rewrite;
        openRewrite();
      }
      return;
    }
    // The item is no longer this reviewer's (it went to another, or is complete): the next one replaces it, and a rewrite
    // typed for it would go with it unseen.
    if (rewrite) window.reviewView.keepLostRewrite(rewrite);
    await loadOnward(false, $('message').textContent + ' ');
  }

  // After a choice or an undo, the control pressed may be gone (the undo button, the whole item when nothing waits) or
  // belong to the ticket just judged: focus goes to the next ticket's first choice, or to Look again, so a reviewer at the
  // keyboard carries on from there rather than from the page's top. Stars being rated with the arrows keep it.
  function focusOnward() {
    const at = document.activeElement;
    const lost = !at || at === document.body || at.offsetParent === null;
    if (!lost && (!page.contains(at) || at.matches('.stars'))) return;
    if (!$('item').hidden) document.querySelector('#item .choices button').focus();
    else if (!$('empty').hidden) $('look-again').focus();
  }

  // The server decides whether it is too late; its answer is shown either way, never nothing.
  async function undo() {
    if (!last) return say(page.dataset.nothingToUndo);
    if (undoing) return;
    undoing = true;
    try {
      const undone = await call('POST', '/review/items/' + last.itemId + '/undo', {});
      const taken = last;
      last = null;
      view.stopCountdown();
      show(undone.next);
      Object.entries(taken.ratings || {}).forEach(([letter, value]) => stars[letter].set(value));
      if (taken.rewrite) {
        $('rewrite').value = taken.rewrite;
        $('rewrite-box').hidden = false;
      }
      say(undone.message);
    } catch (e) {
      view.stopCountdown();
      if (!window.reviewServer.signingIn()) say(e.message, 'error');
    } finally {
      // The undo button goes once it is used: focus on it would fall to the page's top.
      focusOnward();
      undoing = false;
    }
  }

  function openRewrite() {
    skip.close();
    $('rewrite-box').hidden = false;
    $('rewrite').focus();
  }

  window.reviewKeys({ hasItem: () => item !== null, isQuiet: (now) => now < quietUntil,
    holdKeys: (now) => { quietUntil = Math.max(quietUntil, now + SETTLE_MS); }, choose, undo, openRewrite, skip, stars, say,
    justAppeared: page.dataset.justAppeared });
  // An empty queue is no dead end: items are made from tickets that arrive meanwhile, so the reviewer asks again here,
  // and hears so when there are still none or the server did not answer (else the press looks ignored). The button goes
  // when an item comes: focus moves to its first choice, not to the page's top.
  $('look-again').addEventListener('click', async () => {
    try {
      await load(false);
    } catch (e) {
      if (!window.reviewServer.signingIn()) say(e.unanswered ? page.dataset.lookFailed : e.message, 'error');
      return;
    }
    if (!item) say(page.dataset.stillEmpty);
    else document.querySelector('#item .choices button').focus();
  });
  load().catch((e) => nextFailed(e, ''));
})();
