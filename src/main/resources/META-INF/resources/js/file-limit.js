// A file over the server's limit would be sent whole only to come back refused, on a page of its own that leads away from
// the form: the browser refuses it at the file field instead, saying what to do.
document.addEventListener('change', (event) => {
  const field = event.target;
  if (!(field instanceof HTMLInputElement) || field.type !== 'file' || !field.dataset.maxBytes) return;
  const limit = Number(field.dataset.maxBytes);
  const tooLarge = Array.from(field.files || []).some((file) => file.size > limit);
  field.setCustomValidity(tooLarge ? field.dataset.tooLarge : '');
  if (tooLarge) field.reportValidity();
});
