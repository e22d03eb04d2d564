// A form whose action answers customers at once asks first; its data-confirm attribute holds the question.
document.addEventListener('submit', (event) => {
  const question = event.target.dataset ? event.target.dataset.confirm : null;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
