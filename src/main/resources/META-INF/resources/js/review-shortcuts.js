// The judging page's single-key shortcuts (A, B, T, 1–5…) can be turned off: speech input that types into the page
// would otherwise answer with a stray letter (WCAG 2.1.4). Off, a letter or digit alone does nothing and the key hints
// go; Tab, Enter, Space, arrows and Esc work as before. The choice is kept in this browser.
(function () {
  const KEY = 'loopwise.shortcuts';
  const page = document.getElementById('review');
  const box = document.getElementById('shortcuts');
  const typedInto = (target) => target.matches && target.matches('input[type=text], textarea');

  function apply(on) {
    box.checked = on;
    page.classList.toggle('shortcuts-off', !on);
    // Screen readers announce a button's shortcut: only while it works.
    page.querySelectorAll('[aria-keyshortcuts], [data-keyshortcuts]').forEach((button) => {
      const keys = button.getAttribute('aria-keyshortcuts') || button.dataset.keyshortcuts;
      button.dataset.keyshortcuts = keys;
      if (on) button.setAttribute('aria-keyshortcuts', keys);
      else button.removeAttribute('aria-keyshortcuts');
    });
  }

  // Captured on the way down, before the page's own key handling, which then never sees the key.
  document.addEventListener('keydown', (event) => {
    if (!box.checked && event.key.length === 1 && event.key !== ' ' && !typedInto(event.target)) event.stopPropagation();
  }, true);
  box.addEventListener('change', () => {
    try { localStorage.setItem(KEY, box.checked ? 'on' : 'off'); } catch (e) { /* private mode: for this page only */ }
    apply(box.checked);
  });
  let kept = null;
  try { kept = localStorage.getItem(KEY); } catch (e) { /* private mode */ }
  apply(kept !== 'off');
})();
