// Reports: a date range's conversations, first response and resolution
// times and CSAT, per workspace, agent, inbox or label
// (GET /api/v1/reports/conversations; docs/reports.md).

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, api } from '../api.js';
import { agentName, inboxName } from '../store.js';
import { PageHead } from './admin.js';

const day = (d) => d.toISOString().slice(0, 10);
const groups = { workspace: 'Whole workspace', agent: 'Agent', inbox: 'Inbox', label: 'Label' };

// duration says a number of seconds as people read it.
function duration(s) {
  if (!s) return '—';
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}

export function ReportsView() {
  const now = new Date();
  const [f, setF] = useState({ from: day(new Date(now.getTime() - 6 * 86400000)), to: day(now), group_by: 'workspace' });
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);
  const [labels, setLabels] = useState({});
  useEffect(() => { api.labels().then((r) => setLabels(Object.fromEntries(r.items.map((l) => [l.id, l.name]))), () => {}); }, []);
  useEffect(() => {
    let live = true;
    setError(null);
    // to is the last day shown, included: the API's end is the next day.
    const end = day(new Date(Date.parse(f.to) + 86400000));
    get('/api/v1/reports/conversations', { from: f.from, to: end, group_by: f.group_by })
      .then((r) => live && setReport(r), (e) => live && (setReport(null), setError(e)));
    return () => { live = false; };
  }, [f.from, f.to, f.group_by]);
  const set = (k) => (e) => setF({ ...f, [k]: e.currentTarget.value });
  const name = (key) => {
    if (f.group_by === 'workspace') return 'All conversations';
    if (!key) return 'Nobody';
    if (f.group_by === 'agent') return agentName(key);
    if (f.group_by === 'inbox') return inboxName(key);
    return labels[key] || key;
  };
  const max = Math.max(1, ...(report?.rows || []).map((r) => r.conversations));

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
      </form>
      ${error && html`<div class="form-error" role="alert">${error.message}</div>`}
      ${!report && !error ? html`<div class="spinner" role="status" aria-label="Loading the report"></div>` : report && html`
        <div class="table-wrap">
          <table class="table report-table" aria-label="Report">
            <thead><tr>
              <th scope="col">${groups[f.group_by]}</th><th scope="col">Conversations</th><th scope="col">Resolved</th>
              <th scope="col">First response (median · p90)</th><th scope="col">Resolution (median · p90)</th>
              <th scope="col">CSAT</th><th scope="col">Rated</th>
            </tr></thead>
            <tbody>
              ${report.rows.map((r) => html`
                <tr key=${r.key} data-key=${r.key}>
                  <th scope="row">${name(r.key)}</th>
                  <td class="report-count"><span class="report-bar" aria-hidden="true" style=${`width:${Math.round((r.conversations / max) * 60)}px`}></span>${r.conversations}</td>
                  <td>${r.resolved}</td>
                  <td>${duration(r.first_response.median_seconds)} · ${duration(r.first_response.p90_seconds)}</td>
                  <td>${duration(r.resolution.median_seconds)} · ${duration(r.resolution.p90_seconds)}</td>
                  <td class="report-csat">${r.csat_responses ? `${r.csat_average.toFixed(1)} / 5` : '—'}</td>
                  <td>${r.csat_responses ? `${r.csat_responses} (${Math.round(r.csat_response_rate * 100)} %)` : '0'}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`}
    </main>`;
}
