// The judging page's keys and buttons: a letter chooses, a digit rates (Shift for reply B), R opens the rewrite, S the
// skip reasons, U undoes. The page passes what it owns: its item, its choices and when keys count again.
window.reviewKeys = function (page) {
  const $ = (id) => document.getElementById(id);
  const { skip } = page;

  // The letter a key stands for: the one it types, or, on a keyboard set to a script without Latin letters (Cyrillic,
  // Greek, Arabic…), the one at its place on a US keyboard, so A still means A for a reviewer typing in Russian. A Latin
  // letter with a mark (ö, ç, è on Turkish or BÉPO keys) is a key of its own there and chooses nothing; Arabic's B key
  // types two letters (لا), so the test is on letters of another script, not on one character.
  function letter(event) {
    const typed = event.key || '';
    if (/^[a-z]$/i.test(typed)) return typed.toLowerCase();
    const place = /^Key([A-Z])$/.exec(event.code || '');
    const otherScript = /^[\p{L}\p{M}]+$/u.test(typed) && !/\p{Script=Latin}/u.test(typed);
    return place && otherScript ? place[1].toLowerCase() : typed.toLowerCase();
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
    const key = letter(event);
    if (key.length === 1 && key !== 'u' && (!page.hasItem() || page.isQuiet(now))) {
      page.holdKeys(now); // still typing: stay quiet until the keys stop
      event.preventDefault();
      if (page.hasItem() && /^[abtxors1-5]$/.test(key)) page.say(page.justAppeared);
      return;
    }
    if (skip.isOpen()) {
      // The skip box itself points to O, and U still takes back the last choice.
      const instead = { o: () => page.choose('out_of_scope'), u: page.undo }[key];
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
    if (digit && page.hasItem()) {
      page.stars[event.shiftKey ? 'B' : 'A'].toggle(Number(digit[1]));
      event.preventDefault();
      return;
    }
    const choose = (choice) => () => page.choose(choice);
    const actions = { a: choose('A'), b: choose('B'), t: choose('tie'), x: choose('both_bad'), o: choose('out_of_scope'),
      r: page.openRewrite, s: skip.open, u: page.undo };
    const action = actions[key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  // A second click, tap or Enter on a focused button lands on the next ticket as it appears: held off like keys.
  document.querySelectorAll('[data-choice]').forEach((button) =>
    button.addEventListener('click', () => {
      if (page.isQuiet(performance.now())) return page.say(page.justAppeared);
      page.choose(button.dataset.choice);
    }));
  document.querySelector('[data-action="rewrite"]').addEventListener('click', page.openRewrite);
  document.querySelector('[data-action="skip"]').addEventListener('click', skip.open);
  $('undo-hint').addEventListener('click', page.undo); // a touch screen has no U key
};
