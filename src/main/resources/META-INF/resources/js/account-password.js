// The account page's password form. Too short a new password, or two new ones that differ, are said before sending, so
// what was typed stays (the page Loopwise sends back never holds a password). A refusal from Loopwise (the current
// password not right) marks the field to fix and puts the cursor in it.
(function () {
  const form = document.getElementById('password-form');
  if (!form) return;

  function refuse(field, message) {
    let box = document.getElementById('password-error');
    if (!box) {
      box = document.createElement('p');
      box.id = 'password-error';
      box.className = 'alert error';
      box.setAttribute('role', 'alert');
      form.before(box);
    }
    box.textContent = message;
    form.querySelectorAll('input[aria-invalid]').forEach((input) => {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    });
    if (!field) return;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', 'password-error');
    field.focus();
  }

  const refused = document.getElementById('password-error');
  if (refused && form.dataset.invalid) refuse(form.elements[form.dataset.invalid], refused.textContent);

  form.addEventListener('submit', (event) => {
    const { newPassword, repeatPassword } = form.elements;
    let wrong = null;
    // Counted as Loopwise counts: characters, not UTF-16 units.
    if ([...newPassword.value].length < Number(form.dataset.minLength)) wrong = [newPassword, form.dataset.tooShort];
    else if (newPassword.value !== repeatPassword.value) wrong = [repeatPassword, form.dataset.differ];
    if (!wrong) return;
    event.preventDefault();
    refuse(...wrong);
  });
})();
