// The sign-in page says so when the judging page in this tab kept a choice its ended session could not save. When the
// session ended because an admin disabled the account, the choice is given up and said to be unsaved: by the time anyone
// enables the account its ticket has most likely gone to another reviewer.
(function () {
  const note = document.getElementById('unsent-choice');
  if (!note || !sessionStorage.getItem('loopwise.unsentChoice')) return;
  if (new URLSearchParams(window.location.search).get('disabled') === 'true') {
    sessionStorage.removeItem('loopwise.unsentChoice');
    note.textContent = note.dataset.disabled;
  }
  note.hidden = false;
})();
