// The knowledge-base passages an item's drafts were grounded on, shown under the two replies. Text goes in with
// textContent only, never as HTML, each in the direction of its own script (a passage in Arabic or Hebrew reads right to
// left). A short set is open at once; a long one stays folded so the replies stay in view.
window.reviewSources = (function () {
  const OPEN_UP_TO = 700; // characters of passage text that still fit beside the replies without scrolling them away

  function show(sources) {
    const box = document.getElementById('sources');
    const list = document.getElementById('sources-list');
    list.replaceChildren();
    const passages = sources || [];
    box.hidden = passages.length === 0;
    if (box.hidden) return;
    let length = 0;
    for (const passage of passages) {
      const entry = document.createElement('li');
      const source = document.createElement('div');
      source.className = 'source';
      source.textContent = passage.source || '';
      source.dir = 'auto';
      const text = document.createElement('p');
      text.className = 'text';
      text.textContent = passage.text || '';
      text.dir = 'auto';
      entry.append(source, text);
      list.append(entry);
      length += (passage.text || '').length;
    }
    document.getElementById('sources-count').textContent = passages.length;
    document.getElementById('sources-fold').open = length <= OPEN_UP_TO;
  }

  return { show };
})();
