// One small chart per drift signal of the active version, with its threshold as a dashed line.
(async function () {
  if (!window.Chart) return;
  const response = await fetch('/admin/drift/data', { headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  const data = await response.json();
  const series = data.series || [];
  const t = data.thresholds;
  const thresholds = {
    'input/p_value': t['input/p_value'],
    'input/mmd2': t['input/mmd2'],
    'outcome/thumbs_down_rate': t['outcome/thumbs_down_rate'],
    'outcome/non_first_choice_rate': t['outcome/non_first_choice_rate'],
  };
  // The alert each charted signal can raise (DriftDetector's alert kinds).
  const ALERT_OF = {
    'input/mmd2': 'input_drift', 'input/p_value': 'input_drift', 'input/new_topic_requests': 'new_topic',
    'prediction/psi': 'intent_mix', 'prediction/mean_confidence': 'confidence', 'prediction/oos_rate': 'oos_rate',
    'outcome/thumbs_down_rate': 'thumbs_down', 'outcome/non_first_choice_rate': 'reviewer_preference',
  };
  // What each chart's vertical axis counts, in the words of the page: a bare 0.04 or 0.8 says nothing to a support lead.
  const Y_TITLE = {
    'input/mmd2': 'difference (0 = none)', 'input/p_value': 'chance it is luck (0 to 1)',
    'input/new_topic_requests': 'unfamiliar requests', 'prediction/psi': 'shift in the mix (0 = none)',
    'prediction/mean_confidence': 'how sure, on average', 'prediction/oos_rate': 'handed to a person',
    'outcome/thumbs_down_rate': 'answers rated down', 'outcome/non_first_choice_rate': 'another reply preferred',
  };
  // createdAt is UTC as the database writes it ("2026-12-05T14:00:05..."): read from the text, not the browser's clock zone.
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const dayOf = (at) => at.substring(0, 10);
  // Checks over more than one day: a bare 14:00 would not say which day an alert was.
  const dated = (rows) => new Set(rows.map((r) => dayOf(r.createdAt))).size > 1;
  const dayAndMinute = (at) => Number(at.substring(8, 10)) + ' ' + MONTHS[Number(at.substring(5, 7)) - 1] + ' ' + at.substring(11, 16);
  function checkTimes(rows) {
    if (!dated(rows)) return rows.map((r) => r.createdAt.substring(11, 19));
    const minutes = rows.map((r) => dayAndMinute(r.createdAt));
    // Two checks in one minute keep their seconds, so each still has its own label.
    return new Set(minutes).size === minutes.length ? minutes : rows.map((r) => dayAndMinute(r.createdAt) + r.createdAt.substring(16, 19));
  }
  function numberedRepeats(times) {
    const total = new Map();
    times.forEach((time) => total.set(time, (total.get(time) || 0) + 1));
    const seen = new Map();
    return times.map((time) => {
      const nth = (seen.get(time) || 0) + 1;
      seen.set(time, nth);
      return total.get(time) > 1 && nth > 1 ? time + ' #' + nth : time;
    });
  }
  // Shares and the version's confidence read as percentages, as the page's text and Try a ticket say them.
  const narrow = window.matchMedia('(max-width: 600px)').matches;
  const percent = (signal) => /_rate$/.test(signal) || signal === 'prediction/mean_confidence';
  document.querySelectorAll('canvas[data-signal]').forEach((canvas) => {
    const signal = canvas.dataset.signal;
    // The difference estimate can dip just below zero by chance: a "difference" of -0.004 reads as nonsense to a support
    // lead, and means no difference, so it is drawn and listed as 0 (the estimate itself stays in /admin/drift/data).
    const values = series.map((r) => (typeof r.signals[signal] !== 'number' ? null
      : signal === 'input/mmd2' ? Math.max(0, r.signals[signal]) : r.signals[signal]));
    if (values.every((v) => v === null)) {
      // Nothing measured yet (outcome signals need feedback or judgements): say so rather than draw an empty frame.
      const note = document.createElement('p');
      note.className = 'muted';
      // Each outcome signal needs a minimum within one check's window (DriftDetector: 10 ratings, 20 judgements).
      note.textContent = signal === 'outcome/thumbs_down_rate'
        ? 'No data yet: measured once customers have rated at least 10 answers among the requests one check reads.'
        : signal === 'outcome/non_first_choice_rate'
          ? 'No data yet: measured once reviewers have picked one of two replies at least 20 times while the requests one '
            + 'check reads were coming in (ties and "both bad" do not count).'
          : 'No data yet: this signal is measured once this version has served requests.';
      (canvas.closest('.chart-box') || canvas).replaceWith(note);
      return;
    }
    // Checks replayed in one go share their second: each keeps its time, and the second and later of one second are
    // numbered (#2, #3), so the axis still says when they were and no two ticks read alike.
    const labels = numberedRepeats(checkTimes(series));
    const repeats = labels.some((label) => / #\d+$/.test(label));
    // Red where this signal raised an alert at that check (another signal's alert leaves its dot green).
    // A check's "raised" lists the kinds of alert it raised, e.g. ["input_drift", "intent_mix"].
    const raisedHere = series.map((r) => (r.raised || []).includes(ALERT_OF[signal]));
    // Red marks a crossing at one check; the alerts table lists only changes that several checks in a row saw.
    const lined = thresholds[signal] !== undefined || signal === 'prediction/psi' || signal === 'input/new_topic_requests';
    // A flagged check is a larger red triangle, not only a red dot: red and green look alike to many eyes (WCAG 1.4.1).
    const datasets = [{ label: lined ? 'measured (red triangle: past its alert line)' : 'measured (red triangle: a change seen)', data: values,
      borderColor: '#2f6f5e', backgroundColor: '#2f6f5e', tension: 0.2, spanGaps: true,
      pointBackgroundColor: raisedHere.map((raised) => (raised ? '#b42318' : '#2f6f5e')),
      pointBorderColor: raisedHere.map((raised) => (raised ? '#b42318' : '#2f6f5e')),
      pointStyle: raisedHere.map((raised) => (raised ? 'triangle' : 'circle')), pointRadius: raisedHere.map((raised) => (raised ? 6 : 3)) }];
    let limit = thresholds[signal];
    if (signal === 'input/new_topic_requests') {
      // Unfamiliar requests come by chance too (about one in ten): the line is how many would be too many for chance.
      datasets.push({ label: 'alert line (more than chance gives)', data: series.map((r) => (typeof r.signals['input/new_topic_alert_line'] === 'number'
        ? r.signals['input/new_topic_alert_line'] : null)), borderColor: '#b45309', borderDash: [6, 4], pointRadius: 0 });
    }
    if (signal === 'prediction/psi') {
      datasets.push({ label: 'alert line (chance level plus a margin)', data: series.map((r) => r.signals['prediction/psi_by_chance'] + t['prediction/psi_excess']),
        borderColor: '#b45309', borderDash: [6, 4], pointRadius: 0 });
    }
    if (limit !== undefined) {
      datasets.push({ label: 'alert line', data: series.map(() => limit), borderColor: '#b45309', borderDash: [6, 4], pointRadius: 0 });
    }
    // A line needs two checks: after the first, the alert lines show as short dashes at their level.
    datasets.slice(1).forEach((line) => {
      if (series.length === 1) Object.assign(line, { pointStyle: 'line', pointRadius: 14, pointBorderWidth: 2 });
    });
    // Every signal is a share, a count, a probability or a difference (drawn from 0, above): none goes below zero.
    const y = { min: 0 };
    if (signal === 'input/new_topic_requests') y.ticks = { precision: 0 };
    if (signal === 'input/p_value' && limit !== undefined) y.suggestedMax = limit * 1.5;
    if (percent(signal)) {
      y.ticks = { callback: (value) => Math.round(value * 100) + '%' };
      if (signal === 'prediction/mean_confidence') y.max = 1;
    }
    if (Y_TITLE[signal]) y.title = { display: true, text: Y_TITLE[signal] };
    const x = { title: { display: true, text: (dated(series) ? 'day and time of the check (UTC)' : 'time of the check (UTC)')
      + (repeats ? '; #2: same second' : '') },
      // Level ticks on a phone: rotated dates and times would eat the height the lines need (the table below has them all).
      ticks: { autoSkip: true, maxRotation: narrow ? 0 : 50 } };
    // The box gives the height (maintainAspectRatio off): at a phone's width the legend would otherwise take all of a
    // 2:1 canvas and squash the lines flat; there the legend goes below, in smaller type, so its labels fit.
    // A count of unfamiliar requests is out of the requests its own check read: the window set when it ran, which a change
    // of the setting since does not alter. Each point says it, in its tooltip and in the figures below.
    const outOf = (i) => (signal === 'input/new_topic_requests' && typeof series[i].requests === 'number' ? ' of ' + series[i].requests : '');
    const tooltip = { callbacks: { label: (item) => (item.datasetIndex === 0 && outOf(item.dataIndex)
      ? 'unfamiliar: ' + item.formattedValue + outOf(item.dataIndex) + ' requests' : undefined) } };
    new Chart(canvas, { type: 'line', data: { labels, datasets }, options: { animation: false, maintainAspectRatio: false, scales: { x, y },
      plugins: { tooltip, legend: { position: narrow ? 'bottom' : 'top', labels: { boxWidth: 10, font: { size: narrow ? 10 : 12 } } } } } });
    const shown = (v) => (typeof v !== 'number' ? null : percent(signal) ? (v * 100).toFixed(1) + '%' : Number(v.toPrecision(3)));
    const line = datasets[1];
    window.chartFigures(canvas.closest('.chart-box') || canvas, canvas.getAttribute('aria-label'),
      ['Check', 'Measured'].concat(line ? ['Alert line'] : [], ['Flagged at this check']),
      labels.map((label, i) => [label, values[i] === null ? null : shown(values[i]) + outOf(i)].concat(line ? [shown(line.data[i])] : [], [raisedHere[i] ? 'yes' : 'no'])));
  });
})();
