// What the judging page shows: the message bar, the counters, the undo countdown, and an item's ticket and replies.
// Text is only ever set with textContent or as text nodes, never as HTML, so a ticket containing HTML shows as text.
window.reviewView = (function () {
  const $ = (id) => document.getElementById(id);
  // Slots as the reply library writes them, e.g. {{order_number}} (the server's SlotFiller reads the same).
  const SLOT = /\{\{\s*([^{}]+?)\s*\}\}/g;
  let sayTimer = null;
  let countdown = null;

  let named = null; // the field the last message was about

  // field: what an error is about (the reason box, the rewrite). It is marked invalid and described by the message, so
  // a screen reader on the field reads what to fix, until the next message.
  function say(text, kind, field) {
    const box = $('message');
    if (named) {
      named.removeAttribute('aria-invalid');
      if (named.dataset.describedby) named.setAttribute('aria-describedby', named.dataset.describedby);
      else named.removeAttribute('aria-describedby');
    }
    named = field || null;
    if (named) {
      named.dataset.describedby = named.getAttribute('aria-describedby') || '';
      named.setAttribute('aria-invalid', 'true');
      named.setAttribute('aria-describedby', ('message ' + named.dataset.describedby).trim());
    }
    box.textContent = text;
    box.className = 'alert ' + (kind || 'notice');
    box.hidden = false;
    box.title = kind === 'error' ? 'Click to close' : '';
    clearTimeout(sayTimer);
    // A notice goes by itself; what to fix stays until the next message or a click on it: a reviewer who looked away
    // for a few seconds would otherwise never learn why the choice was not saved.
    if (kind !== 'error') sayTimer = setTimeout(() => { box.hidden = true; }, 6000);
  }
  $('message').addEventListener('click', () => { $('message').hidden = true; });

  // Grouped as the server writes them on the page ("1,234"), whatever language the browser is set to.
  const COUNT = new Intl.NumberFormat('en-US');

  function counters(data) {
    if (!data) return;
    $('today').textContent = COUNT.format(data.judgedToday);
    $('total').textContent = COUNT.format(data.judgedTotal);
    $('waiting').textContent = COUNT.format(data.waiting);
  }

  // A counter's figure as a number again: "1,234" is 1234.
  function count(id) {
    return Number($(id).textContent.replace(/,/g, ''));
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

  // An item's ticket, the intent the model read in it, its two replies and the passages they drew on.
  function showItem(item) {
    $('ticket-text').textContent = item.ticket.text;
    // An intent's name as words ("gift_card_balance" → "gift card balance"); the full name stays in the tooltip.
    $('intent').textContent = item.predictedIntent ? item.predictedIntent.replace(/[_-]+/g, ' ') : 'out of scope';
    $('intent').title = item.predictedIntent || '';
    const blanks = showReply($('text-A'), item.candidates[0].text) + showReply($('text-B'), item.candidates[1].text);
    $('slots-note').hidden = blanks === 0;
    // A long text scrolls in its box: each new item starts at its top, and a box that scrolls takes the focus by Tab
    // so the arrow keys can move through it (short ones add no Tab stop).
    for (const id of ['ticket-text', 'text-A', 'text-B']) {
      const box = $(id);
      box.scrollTop = 0;
      if (box.scrollHeight > box.clientHeight) box.tabIndex = 0; else box.removeAttribute('tabindex');
    }
    window.reviewSources.show(item.sources);
  }

  // The seconds left to undo the last choice, counting down on its button.
  function startCountdown(seconds) {
    const until = Date.now() + seconds * 1000;
    clearInterval(countdown);
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
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

  // A rewrite whose choice was refused once its ticket had left the screen: kept to copy until the next choice.
  function keepLostRewrite(text) {
    $('lost-rewrite-text').textContent = text;
    $('lost-rewrite').hidden = false;
  }

  function dropLostRewrite() {
    $('lost-rewrite').hidden = true;
    $('lost-rewrite').open = false;
    $('lost-rewrite-text').textContent = '';
  }

  return { say, counters, count, keepLostRewrite, dropLostRewrite, showItem, startCountdown, stopCountdown };
})();
