// The sign-in page says so when the judging page in this tab kept a choice its ended session could not save.
(function () {
  const note = document.getElementById('unsent-choice');
  if (note && sessionStorage.getItem('loopwise.unsentChoice')) note.hidden = false;
})();
