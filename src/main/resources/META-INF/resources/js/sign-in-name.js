// A refused sign-in comes back as a new page (the sign-in check redirects to it), which would empty the form: the name
// typed is kept for that one page, as every other form keeps what was typed, and only the password is asked again.
(function () {
  const form = document.querySelector('form[action="/j_security_check"]');
  if (!form) return;
  const name = form.elements.j_username;
  const key = 'loopwise.signInName';
  const typed = sessionStorage.getItem(key);
  sessionStorage.removeItem(key);
  if (typed && !name.value && document.querySelector('[role=alert]')) {
    name.value = typed;
    form.elements.j_password.focus();
  }
  form.addEventListener('submit', () => sessionStorage.setItem(key, name.value));
})();
