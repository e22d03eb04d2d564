// The judging page: keyboard-first, one item after another without reloading. Text is only ever set with
// textContent or as text nodes, never as HTML, so a ticket containing HTML shows as text. Sentences come
// from the server (responses, or data attributes of the page), so they live in one place.
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const $ = (id) => document.getElementById(id);
  const page = $('review');
  // Slots as the reply library writes them, e.g. {{order_number}} (the server's SlotFiller reads the same).
  const SLOT = /\{\{\s*([^{}]+?)\s*\}\}/g;
  let item = null; // the item on screen
  let shownAt = 0;
  const stars = { A: window.reviewStars($('stars-A')), B: window.reviewStars($('stars-B')) };
  let last = null; // the last stored choice: {itemId, until}
  let countdown = null;
  let undoing = false;
  let toldToppedUp = false; // Waiting not falling after a judgement is explained once, not after every choice
  // Keys typed while an item loads, or just after it appeared, were meant for what was on screen before (a reviewer
  // typing a rewrite, a double press): they must never become answers to a ticket nobody has read yet.
  let quietUntil = 0;
  const PENDING = 'loopwise.unsentChoice';
  const PENDING_MAX_MS = 60 * 60 * 1000;
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
  const skip = window.reviewSkip({ hasItem: () => item !== null, choose: (reason) => choose('skip', reason), say,
    reasonRequired: page.dataset.reasonRequired });

  async function call(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      // A choice sent after the session ended is kept in this tab and sent again once the reviewer is back on this page,
      // so no judgement is lost. Loading the page itself lets the server send the browser to sign in and back here.
      if (method === 'POST' && /^\/review\/items\/\d+$/.test(url)) {
        sessionStorage.setItem(PENDING, JSON.stringify({ url, body, at: Date.now() }));
      }
      window.location.href = '/review/judge';
      throw new Error('session expired');
    }
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const failure = new Error((data && data.error) || 'Something went wrong (HTTP ' + response.status + ').');
      failure.status = response.status;
      failure.code = data && data.code;
      throw failure;
    }
    return data;
  }

  function say(text, kind) {
    const box = $('message');
    box.textContent = text;
    box.className = 'alert ' + (kind || 'notice');
    box.hidden = false;
    box.title = kind === 'error' ? 'Click to close' : '';
    clearTimeout(say.timer);
    // A notice goes by itself; what to fix stays until the next message or a click on it: a reviewer who looked away
    // for a few seconds would otherwise never learn why the choice was not saved.
    if (kind !== 'error') say.timer = setTimeout(() => { box.hidden = true; }, 6000);
  }
  $('message').addEventListener('click', () => { $('message').hidden = true; });

  function counters(data) {
    if (!data) return;
    $('today').textContent = data.judgedToday;
    $('total').textContent = data.judgedTotal;
    $('waiting').textContent = data.waiting;
  }

  // A reply with its unfilled slots as highlighted blanks ("order number"), built node by node.
  function showReply(element, text) {
    element.replaceChildren();
    let at = 0;
    let blanks = 0;
    for (const match of text.matchAll(SLOT)) {
      element.append(document.createTextNode(text.slice(at, match.index)));
      const blank = document.createElement('span');
      blank.className = 'slot';
      blank.textContent = match[1].replace(/[_\s-]+/g, ' ').trim().toLowerCase();
      element.append(blank);
      at = match.index + match[0].length;
      blanks++;
    }
    element.append(document.createTextNode(text.slice(at)));
    return blanks;
  }

  // Shows an answer of the next-item call: the item (or that nothing waits) and the counters as they stand.
  function show(next) {
    counters(next);
    item = next ? next.item : null;
    $('rewrite').value = '';
    $('rewrite-box').hidden = true;
    skip.close();
    $('item').hidden = !item;
    $('empty').hidden = !!item;
    if (!item) {
      page.dataset.settled = 'true';
      return;
    }
    $('ticket-text').textContent = item.ticket.text;
    // An intent's name as words ("gift_card_balance" → "gift card balance"); the full name stays in the tooltip.
    $('intent').textContent = item.predictedIntent ? item.predictedIntent.replace(/[_-]+/g, ' ') : 'out of scope';
    $('intent').title = item.predictedIntent || '';
    const blanks = showReply($('text-A'), item.candidates[0].text) + showReply($('text-B'), item.candidates[1].text);
    $('slots-note').hidden = blanks === 0;
    window.reviewSources.show(item.sources);
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
    if (await resend()) return;
    // After a reload or in another tab, the last choice can still be undone for the seconds the server says are left.
    if (adoptUndo && next && next.undoable && !last) {
      last = { itemId: next.undoable.itemId };
      startCountdown(next.undoable.secondsLeft);
    }
  }

  function startCountdown(seconds) {
    last.until = Date.now() + seconds * 1000;
    clearInterval(countdown);
    const tick = () => {
      const left = Math.ceil((last.until - Date.now()) / 1000);
      if (left <= 0) return stopCountdown();
      $('undo-left').textContent = left;
      $('undo-hint').hidden = false;
    };
    tick();
    countdown = setInterval(tick, 250);
  }

  function stopCountdown() {
    clearInterval(countdown);
    countdown = null;
    $('undo-hint').hidden = true;
  }

  // The choice the session's end kept from reaching the server: sent now if its item is the one on screen again.
  async function resend() {
    const kept = sessionStorage.getItem(PENDING);
    if (!kept) return false;
    sessionStorage.removeItem(PENDING);
    let pending = null;
    try { pending = JSON.parse(kept); } catch (e) { return false; }
    if (!pending || !pending.body || Date.now() - pending.at > PENDING_MAX_MS) return false;
    if (!item || pending.url !== '/review/items/' + item.itemId) {
      say(page.dataset.choiceLost, 'error');
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
      const waitingBefore = Number($('waiting').textContent);
      const saved = await call('POST', '/review/items/' + judged.itemId, body);
      counters(saved);
      last = { itemId: judged.itemId, ratings, rewrite }; // an undo puts back what the reviewer gave
      startCountdown(saved.undoSeconds);
      let said = note ? note + ' ' + saved.message : saved.message;
      if (!toldToppedUp && saved.waiting >= waitingBefore) {
        toldToppedUp = true;
        said += ' ' + page.dataset.toppedUp;
      }
      say(said);
    } catch (e) {
      if (e.code === 'already_judged') {
        // Another tab of this reviewer answered first: nothing of this choice was stored, so there is nothing here to undo.
        say(page.dataset.judgedElsewhere);
        await load(false);
        return;
      }
      say(e.message, 'error');
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
      await load(false);
      return;
    }
    await load();
  }

  // The server decides whether it is too late; its answer is shown either way, never nothing.
  async function undo() {
    if (!last) return say(page.dataset.nothingToUndo);
    if (undoing) return;
    undoing = true;
    // The undo button goes once it is used: focus on it would fall to the page's top, and a reviewer at the keyboard
    // (Tab, Enter) would tab through the menu again to reach the item that came back.
    const fromButton = $('undo-hint').contains(document.activeElement);
    try {
      const undone = await call('POST', '/review/items/' + last.itemId + '/undo', {});
      const taken = last;
      last = null;
      stopCountdown();
      show(undone.next);
      Object.entries(taken.ratings || {}).forEach(([letter, value]) => stars[letter].set(value));
      if (taken.rewrite) {
        $('rewrite').value = taken.rewrite;
        $('rewrite-box').hidden = false;
      }
      if (fromButton && !$('item').hidden) document.querySelector('#item .choices button').focus();
      say(undone.message);
    } catch (e) {
      stopCountdown();
      say(e.message, 'error');
    } finally {
      undoing = false;
    }
  }

  function openRewrite() {
    skip.close();
    $('rewrite-box').hidden = false;
    $('rewrite').focus();
  }

  document.addEventListener('keydown', (event) => {
    if (event.target === $('rewrite')) {
      if (event.key === 'Escape') $('rewrite').blur();
      return;
    }
    if (event.target === $('skip-other')) {
      skip.otherReasonKeys(event);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const now = performance.now();
    if (event.key.length === 1 && event.key.toLowerCase() !== 'u' && (!item || now < quietUntil)) {
      quietUntil = Math.max(quietUntil, now + SETTLE_MS); // still typing: stay quiet until the keys stop
      event.preventDefault();
      if (item && /^[abtxorsAB1-5]$/.test(event.key)) say(page.dataset.justAppeared);
      return;
    }
    if (skip.isOpen()) {
      // The skip box itself points to O, and U still takes back the last choice.
      const instead = { o: () => choose('out_of_scope'), u: undo }[event.key.toLowerCase()];
      if (instead) {
        event.preventDefault();
        skip.close();
        instead();
        return;
      }
      skip.keys(event);
      return;
    }
    const digit = /^Digit([1-5])$/.exec(event.code);
    if (digit && item) {
      stars[event.shiftKey ? 'B' : 'A'].toggle(Number(digit[1]));
      event.preventDefault();
      return;
    }
    const actions = { a: () => choose('A'), b: () => choose('B'), t: () => choose('tie'), x: () => choose('both_bad'),
      o: () => choose('out_of_scope'), r: openRewrite, s: skip.open, u: undo };
    const action = actions[event.key.toLowerCase()];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  // A second click, tap or Enter on a focused button lands on the next ticket as it appears: held off like keys.
  document.querySelectorAll('[data-choice]').forEach((button) =>
    button.addEventListener('click', () => {
      if (performance.now() < quietUntil) return say(page.dataset.justAppeared);
      choose(button.dataset.choice);
    }));
  document.querySelector('[data-action="rewrite"]').addEventListener('click', openRewrite);
  document.querySelector('[data-action="skip"]').addEventListener('click', skip.open);
  $('undo-hint').addEventListener('click', undo); // a touch screen has no U key
  load();
})();
