// A reply's star rating, built as a slider so that it works without a mouse and screen readers announce it: a click
// or tap sets the star under the pointer; focused (Tab), the arrow keys move it one star, Home and End to 1 and 5.
// A star set by mistake can be taken back: the same star again, or the left arrow below 1, leaves the reply unrated.
window.reviewStars = function (element) {
  let value = 0;

  function show() {
    element.textContent = '★'.repeat(value) + '☆'.repeat(5 - value);
    element.setAttribute('aria-valuenow', String(value));
    element.setAttribute('aria-valuetext', value ? value + ' of 5 stars' : 'not rated');
  }

  function set(next) {
    value = next;
    show();
  }

  element.addEventListener('click', (event) => {
    const box = element.getBoundingClientRect();
    const star = Math.min(5, Math.max(1, Math.ceil(((event.clientX - box.left) / box.width) * 5)));
    set(star === value ? 0 : star);
  });
  element.addEventListener('keydown', (event) => {
    const steps = { ArrowRight: value + 1, ArrowUp: value + 1, ArrowLeft: value - 1, ArrowDown: value - 1, Home: 1, End: 5 };
    if (!(event.key in steps) || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation();
    set(Math.min(5, Math.max(0, steps[event.key])));
  });
  show();
  return { value: () => value, set, toggle: (star) => set(star === value ? 0 : star) };
};
