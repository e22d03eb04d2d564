// A chart's figures as a table in a fold beside it: a picture alone tells a screen reader, or anyone who needs the exact
// values, only its name. Cells are set with textContent, never as HTML.
window.chartFigures = function (after, caption, columns, rows) {
  const fold = document.createElement('details');
  fold.className = 'chart-figures';
  const summary = document.createElement('summary');
  summary.textContent = 'The figures as a table';
  const table = document.createElement('table');
  // Cards on a phone, as the pages' other small tables: each value on its own line, named by its column.
  table.className = 'cards';
  const title = document.createElement('caption');
  title.className = 'visually-hidden';
  title.textContent = caption;
  const head = document.createElement('tr');
  columns.forEach((column) => {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = column;
    head.append(cell);
  });
  const body = document.createElement('tbody');
  rows.forEach((values) => {
    const row = document.createElement('tr');
    values.forEach((value, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      else cell.dataset.label = columns[i];
      cell.textContent = value === null || value === undefined ? '—' : String(value);
      row.append(cell);
    });
    body.append(row);
  });
  const thead = document.createElement('thead');
  thead.append(head);
  table.append(title, thead, body);
  fold.append(summary, table);
  after.after(fold);
  return fold;
};
