// The judging page: keyboard-first, one item after another without reloading. All text is set with
// textContent, so a ticket containing HTML shows as text.
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const $ = (id) => document.getElementById(id);
  let item = null;
  let shownAt = 0;
  let ratings = {};
  let last = null; // {itemId, at}
  const UNDO_MS = 25000;

  async function call(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      window.location.href = '/login?expired=true';
      throw new Error('session expired');
    }
    if (response.status === 204) return null;
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || 'Something went wrong');
    return data;
  }

  function say(text, kind) {
    const box = $('message');
    box.textContent = text;
    box.className = 'alert ' + (kind || 'notice');
    box.hidden = false;
    clearTimeout(say.timer);
    say.timer = setTimeout(() => { box.hidden = true; }, 4000);
  }

  function counters(data) {
    if (!data) return;
    $('today').textContent = data.judgedToday;
    $('total').textContent = data.judgedTotal;
    $('waiting').textContent = data.waiting;
  }

  function stars(letter) {
    const value = ratings[letter] || 0;
    $('stars-' + letter).textContent = '★'.repeat(value) + '☆'.repeat(5 - value);
  }

  async function load() {
    item = await call('GET', '/review/items/next');
    ratings = {};
    $('rewrite').value = '';
    $('rewrite-box').hidden = true;
    if (!item) {
      $('item').hidden = true;
      $('empty').hidden = false;
      return;
    }
    $('empty').hidden = true;
    $('item').hidden = false;
    $('ticket-text').textContent = item.ticket.text;
    $('intent').textContent = item.predictedIntent || 'out of scope';
    $('text-A').textContent = item.candidates[0].text;
    $('text-B').textContent = item.candidates[1].text;
    stars('A');
    stars('B');
    shownAt = performance.now();
  }

  async function choose(choice, reason) {
    if (!item) return;
    const body = { choice, durationMs: Math.round(performance.now() - shownAt) };
    if (Object.keys(ratings).length) body.ratings = ratings;
    const rewrite = $('rewrite').value.trim();
    if (rewrite) body.rewrite = rewrite;
    if (reason) body.reason = reason;
    const itemId = item.itemId;
    item = null;
    try {
      counters(await call('POST', '/review/items/' + itemId, body));
      last = { itemId, at: Date.now() };
      $('undo-hint').hidden = false;
      setTimeout(() => { if (last && Date.now() - last.at >= UNDO_MS) $('undo-hint').hidden = true; }, UNDO_MS);
      say(rewrite ? 'Saved, with your rewrite for an admin to accept.' : 'Saved.');
    } catch (e) {
      say(e.message, 'error');
    }
    await load();
  }

  async function undo() {
    if (!last || Date.now() - last.at > UNDO_MS) return;
    try {
      counters(await call('POST', '/review/items/' + last.itemId + '/undo', {}));
      last = null;
      $('undo-hint').hidden = true;
      say('Your last choice was taken back.');
      await load();
    } catch (e) {
      say(e.message, 'error');
    }
  }

  function openRewrite() {
    $('rewrite-box').hidden = false;
    $('rewrite').focus();
  }

  function skip() {
    const reason = window.prompt('Why skip this item? (for example: not a support request, not sure)');
    if (reason && reason.trim()) choose('skip', reason.trim());
  }

  document.addEventListener('keydown', (event) => {
    if (event.target === $('rewrite')) {
      if (event.key === 'Escape') $('rewrite').blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const digit = /^Digit([1-5])$/.exec(event.code);
    if (digit && item) {
      ratings[event.shiftKey ? 'B' : 'A'] = Number(digit[1]);
      stars(event.shiftKey ? 'B' : 'A');
      event.preventDefault();
      return;
    }
    const actions = { a: () => choose('A'), b: () => choose('B'), t: () => choose('tie'), x: () => choose('both_bad'),
      r: openRewrite, s: skip, u: undo };
    const action = actions[event.key.toLowerCase()];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  document.querySelectorAll('[data-choice]').forEach((button) =>
    button.addEventListener('click', () => choose(button.dataset.choice)));
  document.querySelector('[data-action="rewrite"]').addEventListener('click', openRewrite);
  document.querySelector('[data-action="skip"]').addEventListener('click', skip);
  ['A', 'B'].forEach((letter) => $('stars-' + letter).addEventListener('click', (event) => {
    const box = event.currentTarget.getBoundingClientRect();
    ratings[letter] = Math.min(5, Math.max(1, Math.ceil(((event.clientX - box.left) / box.width) * 5)));
    stars(letter);
  }));
  load();
})();
