// A form whose work is done while the page waits (data-busy says what it is doing) says so at once and cannot be sent
// twice: the browser would otherwise show nothing for as long as a minute, and a second click would do the work again.
// Quick forms whose work a second click would repeat (make items, add an account, create a key) carry it too: a double
// click made twice the items asked for, under a page saying it made as many as asked.
// The button pressed may say it instead, where one form holds a quick button and a slow one (Save, Test connection).
document.addEventListener('submit', (event) => {
  const form = event.target;
  const pressed = event.submitter && event.submitter.dataset ? event.submitter.dataset.busy : null;
  const busy = pressed || (form.dataset ? form.dataset.busy : null);
  if (!busy || event.defaultPrevented) return;
  let note = form.querySelector('.busy-note');
  if (!note) {
    note = document.createElement('span');
    note.className = 'busy-note muted';
    note.setAttribute('role', 'status');
    form.appendChild(note);
  }
  note.textContent = busy;
  // Disabled once the form has gone: a button disabled before would not be sent with it.
  setTimeout(() => form.querySelectorAll('button').forEach((button) => { button.disabled = true; }), 0);
});
// Back to a page the browser kept: its form may be sent again.
window.addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  document.querySelectorAll('form[data-busy], form:has(button[data-busy])').forEach((form) => {
    form.querySelectorAll('button').forEach((button) => { button.disabled = false; });
    form.querySelectorAll('.busy-note').forEach((note) => note.remove());
  });
});
// The answer a form's page draws under the form (data-result) is brought into view when it starts below the screen, as
// on a phone: otherwise the page looks as if the press did nothing.
document.addEventListener('DOMContentLoaded', () => {
  const result = document.querySelector('[data-result]');
  if (result && result.getBoundingClientRect().top > window.innerHeight - 48) result.scrollIntoView({ block: 'start' });
});
