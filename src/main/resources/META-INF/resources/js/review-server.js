// The judging page's calls to the server. A choice sent after the session ended is kept in this tab and sent again once
// the reviewer is back on this page, so no judgement is lost.
window.reviewServer = (function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const PENDING = 'loopwise.unsentChoice';
  const PENDING_MAX_MS = 60 * 60 * 1000;
  // Whose choice a kept one is: someone else signing in on this tab must not have it saved as theirs.
  const reviewer = document.getElementById('review').dataset.reviewer;
  let signingIn = false;
  let beforeSignIn = () => {}; // keeps what the page would lose by leaving (review-leave.js)

  async function call(method, url, body) {
    let response;
    try {
      response = await fetch(url, {
        method,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      // No answer at all (the network dropped, Loopwise restarting): nothing reached it, so nothing was stored.
      const failure = new Error('Loopwise did not answer.');
      failure.unanswered = true;
      throw failure;
    }
    if (response.status === 401) {
      if (method === 'POST' && /^\/review\/items\/\d+$/.test(url)) {
        sessionStorage.setItem(PENDING, JSON.stringify({ url, body, who: reviewer, at: Date.now() }));
      }
      // Loading the page itself lets the server send the browser to sign in and back here. A disabled account is said at
      // once, from this answer: the page's own request may no longer carry the ended session to be told why.
      const refused = await response.json().catch(() => null);
      beforeSignIn();
      signingIn = true; // what was written is kept, with the choice or on its own: leaving asks nothing
      window.location.href = refused && refused.code === 'account_disabled' ? '/login?disabled=true' : '/review/judge';
      throw new Error('session expired');
    }
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      // A proxy in front (HAProxy, say) answers 502–504 while Loopwise itself is down: it did not answer either.
      const unanswered = response.status >= 502 && response.status <= 504;
      const failure = new Error((data && data.error) || 'Something went wrong (HTTP ' + response.status + ').');
      failure.status = response.status;
      failure.code = data && data.code;
      failure.unanswered = unanswered;
      throw failure;
    }
    return data;
  }

  // The choice the session's end kept from reaching the server ({url, body}), taken once; null if none, if it is too old,
  // or if it was made by another person than the one signed in now (a shared computer): it was not theirs to make.
  function takeUnsent() {
    const kept = sessionStorage.getItem(PENDING);
    if (!kept) return null;
    sessionStorage.removeItem(PENDING);
    let pending = null;
    try { pending = JSON.parse(kept); } catch (e) { return null; }
    if (!pending || !pending.body || pending.who !== reviewer || Date.now() - pending.at > PENDING_MAX_MS) return null;
    return pending;
  }

  return { call, takeUnsent, signingIn: () => signingIn, beforeSignIn: (keep) => { beforeSignIn = keep; } };
})();
