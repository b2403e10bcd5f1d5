// Reports: a date range's conversations, first response and resolution
// times and CSAT, per workspace, agent, inbox, queue, team, label, day or
// hour (GET /api/v1/reports/conversations; docs/reports.md), with a chart
// of the conversations per day or hour, the table of every number, and the
// same report as CSV.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, api } from '../api.js';
import { agentName, inboxName } from '../store.js';
import { PageHead } from './admin.js';

const day = (d) => d.toISOString().slice(0, 10);
const groups = {
  workspace: 'Whole workspace', agent: 'Agent', inbox: 'Inbox', queue: 'Queue', team: 'Team', label: 'Label',
  day: 'Day', hour: 'Hour',
};
// The browser's time zone: days and hours are the agent's own.
const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

// duration says a number of seconds as people read it.
function duration(s) {
  if (!s) return '—';
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}

/** Chart draws the conversations per day or hour as bars, each with its number as a title. */
function Chart({ rows, label }) {
  if (!rows.length) return null;
  const max = Math.max(1, ...rows.map((r) => r.conversations));
  const w = 24; const gap = 6; const h = 120;
  const total = rows.reduce((n, r) => n + r.conversations, 0);
  return html`
    <figure class="report-chart">
      <svg role="img" aria-labelledby="report-chart-title" width=${rows.length * (w + gap)} height=${h + 4}
        viewBox=${`0 0 ${rows.length * (w + gap)} ${h + 4}`}>
        <title id="report-chart-title">Conversations per ${label.toLowerCase()}: ${total} in ${rows.length} ${label.toLowerCase()}${rows.length === 1 ? '' : 's'}, at most ${max}</title>
        ${rows.map((r, i) => {
          const bh = Math.max(2, Math.round((r.conversations / max) * h));
          return html`<rect class="report-chart-bar" data-key=${r.key} x=${i * (w + gap)} y=${h - bh} width=${w} height=${bh}>
            <title>${r.key}: ${r.conversations}</title></rect>`;
        })}
      </svg>
      <figcaption class="muted">Conversations per ${label.toLowerCase()} (${tz}); the table below has every number.</figcaption>
    </figure>`;
}

export function ReportsView() {
  const now = new Date();
  const [f, setF] = useState({ from: day(new Date(now.getTime() - 6 * 86400000)), to: day(now), group_by: 'workspace', hours: false });
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);
  const [names, setNames] = useState({ label: {}, queue: {}, team: {} });
  useEffect(() => {
    const byID = (items) => Object.fromEntries((items || []).map((x) => [x.id, x.name]));
    Promise.all([api.labels().then((r) => r.items, () => []), api.queues().catch(() => []), api.teams().catch(() => [])])
      .then(([l, q, t]) => setNames({ label: byID(l), queue: byID(q), team: byID(t) }));
  }, []);
  // to is the last day shown, included: the API's end is the next day.
  const params = {
    from: f.from, to: day(new Date(Date.parse(f.to) + 86400000)), group_by: f.group_by, tz,
    ...(f.hours ? { business_hours: 'true' } : {}),
  };
  const query = new URLSearchParams(params).toString();
  useEffect(() => {
    let live = true;
    setError(null);
    get('/api/v1/reports/conversations', params)
      .then((r) => live && setReport(r), (e) => live && (setReport(null), setError(e)));
    return () => { live = false; };
  }, [query]);
  const set = (k) => (e) => setF({ ...f, [k]: e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value });
  const name = (key) => {
    const g = f.group_by;
    if (g === 'workspace') return 'All conversations';
    if (g === 'day' || g === 'hour') return g === 'hour' ? key.replace('T', ' ') + ':00' : key;
    if (!key) return g === 'agent' ? 'Nobody' : 'None';
    if (g === 'agent') return agentName(key);
    if (g === 'inbox') return inboxName(key);
    return names[g]?.[key] || key;
  };
  const rows = report?.rows || [];
  const max = Math.max(1, ...rows.map((r) => r.conversations));
  const timed = f.group_by === 'day' || f.group_by === 'hour';

  return html`
    <main class="pane-admin" id="main" tabindex="-1">
      <${PageHead} title="Reports" sub="Conversations started in the range, how fast they were answered and resolved, and what visitors thought." />
      <form class="report-filters field-row" onSubmit=${(e) => e.preventDefault()}>
        <label class="field"><span>From</span><input type="date" id="report-from" value=${f.from} max=${f.to} onChange=${set('from')} /></label>
        <label class="field"><span>To</span><input type="date" id="report-to" value=${f.to} min=${f.from} onChange=${set('to')} /></label>
        <label class="field"><span>Split by</span>
          <select id="report-group" value=${f.group_by} onChange=${set('group_by')}>
            ${Object.entries(groups).map(([k, v]) => html`<option value=${k}>${v}</option>`)}
          </select></label>
        <label class="check"><input type="checkbox" id="report-hours" checked=${f.hours} onChange=${set('hours')} />
          Count times within business hours only</label>
        <a class="button ghost small" id="report-csv" href=${'/api/v1/reports/conversations.csv?' + query} download>Download CSV</a>
      </form>
      ${error && html`<div class="form-error" role="alert">${error.message}</div>`}
      ${!report && !error ? html`<div class="spinner" role="status" aria-label="Loading the report"></div>` : report && html`
        ${timed && html`<${Chart} rows=${rows} label=${groups[f.group_by]} />`}
        <div class="table-wrap">
          <table class="table report-table" aria-label="Report">
            <thead><tr>
              <th scope="col">${groups[f.group_by]}</th><th scope="col">Conversations</th><th scope="col">Resolved</th>
              <th scope="col">Abandoned</th>
              <th scope="col">First response (median · p90)</th><th scope="col">Resolution (median · p90)</th>
              <th scope="col">CSAT</th><th scope="col">Rated</th>
            </tr></thead>
            <tbody>
              ${rows.map((r) => html`
                <tr key=${r.key} data-key=${r.key}>
                  <th scope="row">${name(r.key)}</th>
                  <td class="report-count"><span class="report-bar" aria-hidden="true" style=${`width:${Math.round((r.conversations / max) * 60)}px`}></span>${r.conversations}</td>
                  <td>${r.resolved}</td>
                  <td class="report-abandoned">${r.abandoned}</td>
                  <td class="report-first">${duration(r.first_response.median_seconds)} · ${duration(r.first_response.p90_seconds)}</td>
                  <td>${duration(r.resolution.median_seconds)} · ${duration(r.resolution.p90_seconds)}</td>
                  <td class="report-csat">${r.csat_responses ? `${r.csat_average.toFixed(1)} / 5` : '—'}</td>
                  <td>${r.csat_responses ? `${r.csat_responses} (${Math.round(r.csat_response_rate * 100)} %)` : '0'}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`}
    </main>`;
}
