// A key shown once is easy to half-select by hand; the button copies all of it. Without a clipboard (plain http away
// from localhost) the key is selected instead, ready for Ctrl+C.
document.addEventListener('click', (event) => {
  const button = event.target.closest ? event.target.closest('button[data-copy]') : null;
  if (!button) {
    return;
  }
  const secret = document.getElementById(button.dataset.copy);
  const select = () => {
    const range = document.createRange();
    range.selectNodeContents(secret);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    button.textContent = 'Selected: press Ctrl+C';
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(secret.textContent).then(() => { button.textContent = 'Copied'; }, select);
  } else {
    select();
  }
});
