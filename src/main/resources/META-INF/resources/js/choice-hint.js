// The explanation under a select follows the choice: the options stay short enough to read whole on a phone, and what
// each one means is shown for the one chosen.
document.querySelectorAll('.choice-hint[data-select]').forEach((hint) => {
  const select = document.getElementById(hint.dataset.select);
  const follow = () => hint.querySelectorAll('[data-for]').forEach((note) => { note.hidden = note.dataset.for !== select.value; });
  select.addEventListener('change', follow);
  follow();
});
