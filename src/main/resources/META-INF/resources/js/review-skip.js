// The judging page's skip reasons: a reviewer who skips says why, by number key, arrows or click, or in their own
// words. The page passes what it owns: whether an item is on screen, how to store the skip and how to speak.
window.reviewSkip = function (page) {
  const $ = (id) => document.getElementById(id);
  const reasonButtons = () => Array.from(document.querySelectorAll('#skip-box .reasons button'));
  let open = false;
  let cameFrom = null; // the Skip button, for one who got there by Tab: focus goes back there, not to the page's top

  function show() {
    if (!page.hasItem()) return;
    open = true;
    if (!$('skip-box').contains(document.activeElement)) cameFrom = document.activeElement;
    $('skip-box').hidden = false;
    $('skip-other-box').hidden = true;
    // The reason typed stays until another item comes: a skip Loopwise did not answer is sent again without retyping it.
    if (!page.sameItem()) $('skip-other').value = '';
    reasonButtons()[0].focus();
    clearOfChoices($('skip-box'));
  }

  // On a phone the choices float over the foot of the screen, and focusing the first reason scrolls only that one into
  // view: the others stayed under them. The whole box is brought above the choices.
  function clearOfChoices(box) {
    const bar = document.querySelector('.review .choices');
    if (!bar || getComputedStyle(bar).position !== 'sticky') return;
    const under = box.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
    if (under > 0) window.scrollBy(0, under + 8);
  }

  function close() {
    open = false;
    $('skip-box').hidden = true;
    if (!$('skip-box').contains(document.activeElement)) return;
    if (cameFrom && cameFrom !== document.body && cameFrom.isConnected && cameFrom.offsetParent) cameFrom.focus();
    else document.activeElement.blur();
  }

  function pickReason(button) {
    if (button.hasAttribute('data-reason-other')) {
      $('skip-other-box').hidden = false;
      $('skip-other').focus();
      clearOfChoices($('skip-box'));
      return;
    }
    close();
    page.choose(button.dataset.reason);
  }

  function otherReasonKeys(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      $('skip-other-box').hidden = true;
      reasonButtons()[0].focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const reason = $('skip-other').value.trim();
      if (!reason) return page.say(page.reasonRequired, 'error', $('skip-other'));
      close();
      page.choose(reason);
    }
  }

  // While the reasons are open, keys act on them only: a number picks one, arrows move, Esc cancels.
  function keys(event) {
    const buttons = reasonButtons();
    const at = buttons.indexOf(document.activeElement);
    // The number on the key, also where typing it takes Shift (a French keyboard types & on the 1 key), as for the stars.
    const number = /^[1-9]$/.test(event.key) ? event.key : (/^Digit([1-9])$/.exec(event.code || '') || [])[1];
    if (event.key === 'Escape') {
      close();
    } else if (number && buttons[Number(number) - 1]) {
      pickReason(buttons[Number(number) - 1]);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowRight') {
      buttons[(at + 1) % buttons.length].focus();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') {
      buttons[(at - 1 + buttons.length) % buttons.length].focus();
    } else {
      return; // Enter and Space press the focused reason, Tab moves as usual
    }
    event.preventDefault();
  }

  reasonButtons().forEach((button) => button.addEventListener('click', () => pickReason(button)));
  return { open: show, close, isOpen: () => open, keys, otherReasonKeys };
};
