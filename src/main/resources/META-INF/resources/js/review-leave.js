// What a reviewer wrote and has not sent, when the judging page goes. A reload, a link or closing the tab asks first; when
// the session ended and the page sends the reviewer to sign in, it is kept in this tab and shown again once they are back.
window.reviewLeave = function ({ onScreen }) {
  const $ = (id) => document.getElementById(id);
  const KEPT = 'loopwise.unsentWriting';
  const KEPT_MAX_MS = 60 * 60 * 1000;
  // Whose writing it is: someone else signing in on this tab must not be shown it.
  const reviewer = $('review').dataset.reviewer;

  // The better reply typed for the ticket on screen, and one shown to copy. A choice kept for sign-in carries its own
  // rewrite (its ticket is no longer on screen then), so it is not kept twice.
  function writing() {
    const item = onScreen();
    return { itemId: item ? item.itemId : null, rewrite: item ? $('rewrite').value.trim() : '',
      copy: $('lost-rewrite').hidden ? '' : $('lost-rewrite-text').textContent };
  }

  window.reviewServer.beforeSignIn(() => {
    const kept = writing();
    if (kept.rewrite || kept.copy) sessionStorage.setItem(KEPT, JSON.stringify({ ...kept, who: reviewer, at: Date.now() }));
  });

  // Never while the page itself sends the reviewer to sign in: what was written is kept for after.
  window.addEventListener('beforeunload', (event) => {
    const kept = writing();
    if ((!kept.rewrite && !kept.copy) || window.reviewServer.signingIn()) return;
    event.preventDefault();
    event.returnValue = '';
  });

  // Back after signing in: the reply goes back in its box if its ticket is on screen again, else it is shown to copy,
  // beside anything already shown to copy.
  function restore() {
    const stored = sessionStorage.getItem(KEPT);
    if (!stored) return;
    sessionStorage.removeItem(KEPT);
    let kept = null;
    try { kept = JSON.parse(stored); } catch (e) { return; }
    if (!kept || kept.who !== reviewer || Date.now() - kept.at > KEPT_MAX_MS) return;
    const item = onScreen();
    const texts = $('lost-rewrite').hidden ? [] : [$('lost-rewrite-text').textContent];
    if (kept.copy) texts.push(kept.copy);
    if (kept.rewrite && item && item.itemId === kept.itemId && !$('rewrite').value.trim()) {
      $('rewrite').value = kept.rewrite;
      $('rewrite-box').hidden = false;
    } else if (kept.rewrite) {
      texts.push(kept.rewrite);
    }
    if (texts.length) window.reviewView.keepLostRewrite(texts.join('\n\n'));
  }

  return { restore };
};
