// The customer's own data beside the conversation: what the workspace's
// context endpoints answer (docs/context.md), one section each. Rows are a
// definition list, links a list, time series a small bar chart with its
// numbers in a table. Statistics sections have a date range picker. The
// data loads on its own, after the conversation: a slow or failing endpoint
// shows its error in its own section and never holds up the chat.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';

const DAY = 86400000;

function isoDate(d) { return d.toISOString().slice(0, 10); }

function defaultRange() {
  const today = new Date();
  return { from: isoDate(new Date(today.getTime() - 6 * DAY)), to: isoDate(today) };
}

// query turns the picked days into the API's range: from the start of the
// first day to the end of the last, in UTC.
function query(range) {
  const end = new Date(Date.parse(range.to + 'T00:00:00Z') + DAY);
  return { start: range.from + 'T00:00:00Z', end: end.toISOString().replace('.000Z', 'Z') };
}

export function ContextData({ conv }) {
  const [range, setRange] = useState(defaultRange);
  // The endpoints serving this conversation's inbox; 'all' when they cannot
  // be listed (then one request asks them all together).
  const [eps, setEps] = useState(null);
  const [items, setItems] = useState({}); // endpoint ID → its answer
  const [failed, setFailed] = useState('');
  useEffect(() => {
    let live = true;
    setEps(null);
    setItems({});
    setFailed('');
    api.contextEndpoints()
      .then((list) => live && setEps(list.filter((e) => !e.inbox_id || e.inbox_id === conv.inbox_id)))
      .catch(() => live && setEps('all'));
    return () => { live = false; };
  }, [conv.id]);

  // Each endpoint is asked on its own, so that a slow one holds up only its
  // own section. A new range asks again (the server's cache answers the
  // endpoints without one at once).
  useEffect(() => {
    if (!eps) return undefined;
    let live = true;
    const q = query(range);
    const keep = (list) => live && setItems((cur) => {
      const next = { ...cur };
      for (const it of list) next[it.endpoint_id] = it;
      return next;
    });
    if (eps === 'all') {
      api.context(conv.id, q).then((d) => keep(d.items)).catch((e) => live && setFailed(e.message));
    } else {
      for (const e of eps) {
        api.context(conv.id, { ...q, endpoint_id: e.id })
          .then((d) => keep(d.items))
          .catch((err) => keep([{ endpoint_id: e.id, title: e.title, statistics: e.statistics, entries: [], error: { reason: '', message: err.message } }]));
      }
    }
    return () => { live = false; };
  }, [conv.id, eps, range.from, range.to]);

  if (eps === null) {
    return html`<div class="spinner small" role="status" aria-label="Loading customer data"></div>`;
  }
  if (failed) {
    return html`<p class="muted small">Customer data is not available: ${failed}</p>`;
  }
  const shown = eps === 'all' ? Object.values(items)
    : eps.map((e) => items[e.id] || { endpoint_id: e.id, title: e.title, statistics: e.statistics, loading: true });
  return shown.map((item) => html`<${Section} key=${item.endpoint_id} item=${item} range=${range} setRange=${setRange} />`);
}

function Section({ item, range, setRange }) {
  const hid = 'ctx-' + item.endpoint_id;
  return html`
    <section class="panel-section ctx-section" aria-labelledby=${hid} data-context-endpoint=${item.endpoint_id}>
      <h3 id=${hid}>${item.title}</h3>
      ${item.statistics && html`<${RangePicker} id=${item.endpoint_id} range=${range} setRange=${setRange} />`}
      ${item.loading ? html`<div class="spinner small" role="status" aria-label=${'Loading ' + item.title}></div>`
        : item.error
        ? html`<p class="ctx-error" data-reason=${item.error.reason}>${item.error.message}</p>`
        : item.entries.length === 0 ? html`<p class="muted small">Nothing to show.</p>`
        : groups(item.entries).map((g, i) => html`<${Group} key=${i} group=${g} id=${hid + '-' + i} />`)}
    </section>`;
}

// groups puts consecutive text entries together, so they make one list.
function groups(entries) {
  const out = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    if (e.type === 'text' && last?.type === 'text') last.rows.push(e);
    else out.push(e.type === 'text' ? { type: 'text', rows: [e] } : e);
  }
  return out;
}

function Group({ group, id }) {
  switch (group.type) {
    case 'text':
      return html`<dl class="props">${group.rows.map((r) => html`<dt>${r.label}</dt><dd>${r.text}</dd>`)}</dl>`;
    case 'links': {
      const links = group.links || [];
      return html`<div class="ctx-block">
        <h4 id=${id}>${group.label}</h4>
        ${links.length === 0 ? html`<p class="muted small">None.</p>` : html`
          <ul class="ctx-links" aria-labelledby=${id}>
            ${links.map((l) => html`<li><a href=${l.url} target="_blank" rel="noopener noreferrer">${l.label}</a></li>`)}
          </ul>`}
      </div>`;
    }
    case 'series':
      return html`<${Chart} label=${group.label} points=${group.points || []} id=${id} />`;
  }
  return null;
}

const fmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

// Chart draws a series as bars from a zero baseline, with a text summary
// for screen readers and the numbers in a table under "Show numbers".
function Chart({ label, points, id }) {
  const W = 260, H = 84, pad = 2;
  const ys = points.map((p) => p.y);
  const hi = Math.max(0, ...ys), lo = Math.min(0, ...ys);
  const span = hi - lo || 1;
  const y = (v) => pad + (H - 2 * pad) * (hi - v) / span;
  const step = points.length ? W / points.length : W;
  const bar = Math.max(1, step * 0.7);
  const summary = points.length === 0 ? `${label}: no data`
    : `${label}: ${points.length} values from ${points[0].x} to ${points[points.length - 1].x}, lowest ${fmt.format(Math.min(...ys))}, highest ${fmt.format(Math.max(...ys))}`;
  return html`<figure class="ctx-chart">
    <figcaption id=${id}>${label}</figcaption>
    <svg viewBox=${`0 0 ${W} ${H}`} width="100%" height=${H} role="img" aria-label=${summary} preserveAspectRatio="none">
      <line x1="0" x2=${W} y1=${y(0)} y2=${y(0)} class="ctx-axis" />
      ${points.map((p, i) => html`<rect x=${i * step + (step - bar) / 2} width=${bar}
        y=${Math.min(y(p.y), y(0))} height=${Math.max(1, Math.abs(y(p.y) - y(0)))} class="ctx-bar"><title>${p.x}: ${fmt.format(p.y)}</title></rect>`)}
    </svg>
    <details>
      <summary>Show numbers</summary>
      <table class="ctx-table" aria-labelledby=${id}>
        <thead><tr><th scope="col">When</th><th scope="col">Value</th></tr></thead>
        <tbody>${points.map((p) => html`<tr><td>${p.x}</td><td>${fmt.format(p.y)}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`;
}

function RangePicker({ id, range, setRange }) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [problem, setProblem] = useState('');
  useEffect(() => { setFrom(range.from); setTo(range.to); }, [range.from, range.to]);
  const apply = (e) => {
    e.preventDefault();
    if (!from || !to) return setProblem('Choose both days.');
    if (from > to) return setProblem('The first day must not be after the last.');
    if (Date.parse(to) - Date.parse(from) > 365 * DAY) return setProblem('Choose at most a year.');
    setProblem('');
    setRange({ from, to });
  };
  return html`<form class="ctx-range" onSubmit=${apply} aria-label="Date range">
    <label for=${'from-' + id}>From</label>
    <input id=${'from-' + id} type="date" value=${from} max=${to} onInput=${(e) => setFrom(e.target.value)} />
    <label for=${'to-' + id}>To</label>
    <input id=${'to-' + id} type="date" value=${to} min=${from} onInput=${(e) => setTo(e.target.value)} />
    <button class="button small" type="submit">Show</button>
    ${problem && html`<p class="ctx-error" role="alert">${problem}</p>`}
  </form>`;
}
