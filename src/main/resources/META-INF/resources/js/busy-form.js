// A form whose work is done while the page waits (data-busy says what it is doing) says so at once and cannot be sent
// twice: the browser would otherwise show nothing for as long as a minute, and a second click would do the work again.
// Quick forms whose work a second click would repeat (make items, add an account, create a key) carry it too: a double
// click made twice the items asked for, under a page saying it made as many as asked.
// The button pressed may say it instead, where one form holds a quick button and a slow one (Save, Test connection).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (event.defaultPrevented) return;
  // Two clicks can come before the buttons go off below: the second is stopped here, before it is sent, whichever button
  // it was (a Save beside a slow Test connection says nothing while it works, yet would send the form again).
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  const pressed = event.submitter && event.submitter.dataset ? event.submitter.dataset.busy : null;
  const busy = pressed || (form.dataset ? form.dataset.busy : null);
  if (!busy) return;
  form.dataset.sent = 'yes';
  // Disabled and told once the form has gone: a button disabled before would not be sent with it. A handler after this
  // one may still have kept the form here (a question answered No), and then it stays as it was, with no note to take
  // back and none for that handler to read as if the work had begun.
  setTimeout(() => {
    if (event.defaultPrevented) {
      release(form);
      return;
    }
    let note = form.querySelector('.busy-note');
    if (!note) {
      note = document.createElement('span');
      note.className = 'busy-note muted';
      note.setAttribute('role', 'status');
      form.appendChild(note);
    }
    note.textContent = busy;
    form.querySelectorAll('button:not(:disabled)').forEach((button) => {
      button.disabled = true;
      button.dataset.busyOff = 'yes';
    });
  }, 0);
});
// Only the buttons turned off above come back on: a button the page drew off (Train while a training runs) stays off.
function release(form) {
  delete form.dataset.sent;
  form.querySelectorAll('button[data-busy-off]').forEach((button) => {
    button.disabled = false;
    delete button.dataset.busyOff;
  });
  form.querySelectorAll('.busy-note').forEach((note) => note.remove());
}
// Back to a page the browser kept, or drew again from its cache with its buttons as they were: the form may be sent again.
window.addEventListener('pageshow', () => document.querySelectorAll('form').forEach(release));
// The answer a form's page draws under the form (data-result) is brought into view when it starts below the screen, as
// on a phone: otherwise the page looks as if the press did nothing.
document.addEventListener('DOMContentLoaded', () => {
  const result = document.querySelector('[data-result]');
  if (result && result.getBoundingClientRect().top > window.innerHeight - 48) result.scrollIntoView({ block: 'start' });
});
