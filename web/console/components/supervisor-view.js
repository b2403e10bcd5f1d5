// The supervisor's live view: per queue, conversations waiting, the
// longest wait, conversations assigned and the agents online, away and at
// capacity; per agent, open conversations, capacity and time since the
// last reply; alerts for conversations waiting longer than a threshold
// (GET /api/v1/supervisor/overview; docs/console.md). It reloads when the
// live connection reports a change (at most once a second) and every 10 s
// (presence changes), and its waits tick every second in between.

import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get } from '../api.js';
import { onFrame } from '../socket.js';
import { navigate, listPath } from '../router.js';
import { useNow } from './now.js';
import { PageHead } from './admin.js';
import { priorityNames } from './conversation-list.js';

const THRESHOLD_KEY = 'parley.console.alertAfter';
const thresholds = [30, 60, 120, 300, 600, 1800];
const REFRESH_MS = 10000;
const THROTTLE_MS = 1000;

/** wait says a number of seconds as "45 s", "3 min 05 s" or "1 h 02 min". */
export function wait(s) {
  s = Math.max(0, Math.floor(s));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

const minutes = (s) => (s < 60 ? `${s} s` : `${s / 60} min`);
const presenceNames = { online: 'Online', away: 'Away', offline: 'Offline' };

export function SupervisorView() {
  const [alertAfter, setAlertAfter] = useState(() => Number(localStorage.getItem(THRESHOLD_KEY)) || 120);
  const [data, setData] = useState(null); // { overview, at: when it arrived (ms) }
  const [error, setError] = useState(null);
  const now = useNow(1000);
  const seq = useRef(0);
  const last = useRef(0);
  const timer = useRef(0);
  const after = useRef(alertAfter);
  after.current = alertAfter;

  const load = async () => {
    const n = ++seq.current;
    last.current = Date.now();
    try {
      const o = await get('/api/v1/supervisor/overview', { alert_after: after.current });
      if (n === seq.current) { setData({ overview: o, at: Date.now() }); setError(null); }
    } catch (e) {
      if (n === seq.current) setError(e);
    }
  };
  // soon reloads at most once a second, however many changes arrive.
  const soon = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => { timer.current = 0; load(); }, Math.max(0, THROTTLE_MS - (Date.now() - last.current)));
  };

  useEffect(() => {
    const off = onFrame((f) => {
      if (['conversation', 'event', 'message', 'ready'].includes(f.type)) soon();
    });
    const every = setInterval(load, REFRESH_MS);
    return () => { off(); clearInterval(every); clearTimeout(timer.current); timer.current = 0; };
  }, []);
  useEffect(() => { load(); }, [alertAfter]);

  const o = data?.overview;
  // Seconds since the overview was read: the waits tick on between loads.
  const drift = data ? Math.max(0, (now - data.at) / 1000) : 0;
  const queueName = (id) => o?.queues.find((q) => q.id === id)?.name || 'Queue';
  const open = (id) => (e) => {
    if (e.metaKey || e.ctrlKey) return;
    e.preventDefault();
    navigate(listPath('queue', id));
  };

  return html`
    <main class="pane-admin supervisor-page" id="main" tabindex="-1">
      <${PageHead} title="Supervisor" sub="Queues and agents now, live. Conversations waiting too long are flagged.">
        <label class="field field-inline"><span>Alert after</span>
          <select id="alert-after" aria-label="Alert after" value=${alertAfter} onChange=${(e) => {
            const v = Number(e.currentTarget.value);
            localStorage.setItem(THRESHOLD_KEY, String(v));
            setAlertAfter(v);
          }}>
            ${thresholds.map((s) => html`<option value=${s}>${minutes(s)}</option>`)}
          </select></label>
      <//>
      ${error && html`<div class="form-error" role="alert">${error.message}</div>`}
      ${!o ? !error && html`<div class="spinner" role="status" aria-label="Loading the live view"></div>` : html`
        <section class=${'card sup-alerts' + (o.alerts_total ? ' sup-alerts-on' : '')} aria-labelledby="sup-alerts">
          <h2 id="sup-alerts">Waiting longer than ${minutes(o.alert_after_seconds)}
            <span class=${'badge ' + (o.alerts_total ? 'badge-danger' : 'badge-quiet')} data-alerts=${o.alerts_total}>${o.alerts_total}</span></h2>
          <p class="sr-only" role="status" aria-live="polite">${o.alerts_total === 1 ? '1 conversation is' : `${o.alerts_total} conversations are`} waiting longer than ${minutes(o.alert_after_seconds)}.</p>
          ${!o.alerts.length ? html`<p class="muted">No conversation has waited that long.</p>` : html`
            <div class="table-wrap"><table class="table" aria-labelledby="sup-alerts">
              <thead><tr><th scope="col">Visitor</th><th scope="col">Queue</th><th scope="col">Waiting</th><th scope="col">Priority</th></tr></thead>
              <tbody>
                ${o.alerts.map((a) => html`
                  <tr key=${a.conversation_id} data-alert=${a.conversation_id} class="sup-alert-row">
                    <th scope="row"><a href=${listPath('queue', a.conversation_id)} onClick=${open(a.conversation_id)}>${a.contact_name || 'Guest'}</a></th>
                    <td>${queueName(a.queue_id)}</td>
                    <td class="sup-wait">${wait(a.wait_seconds + drift)}</td>
                    <td>${a.priority ? priorityNames[a.priority] || a.priority : '—'}</td>
                  </tr>`)}
              </tbody>
            </table></div>`}
        </section>
        <section class="card" aria-labelledby="sup-queues">
          <h2 id="sup-queues">Queues</h2>
          <div class="table-wrap"><table class="table sup-table" aria-labelledby="sup-queues">
            <thead><tr>
              <th scope="col">Queue</th><th scope="col">Waiting</th><th scope="col">Longest wait</th><th scope="col">Assigned</th>
              <th scope="col">Online</th><th scope="col">Away</th><th scope="col">Offline</th><th scope="col">At capacity</th>
            </tr></thead>
            <tbody>
              ${o.queues.map((q) => html`
                <tr key=${q.id} data-queue=${q.id} class=${q.alerts ? 'sup-over' : ''}>
                  <th scope="row">${q.name}${q.default && q.name.toLowerCase() !== 'default' && html` <span class="tag tag-muted">Default</span>`}</th>
                  <td data-col="waiting">${q.waiting}${q.alerts > 0 && html` <span class="tag tag-bad">${q.alerts} over ${minutes(o.alert_after_seconds)}</span>`}</td>
                  <td data-col="longest" class="sup-wait">${q.waiting ? wait(q.longest_wait_seconds + drift) : '—'}</td>
                  <td data-col="assigned">${q.assigned}</td>
                  <td data-col="online">${q.agents_online}</td>
                  <td data-col="away">${q.agents_away}</td>
                  <td data-col="offline">${q.agents_offline}</td>
                  <td data-col="capacity">${q.agents_at_capacity}</td>
                </tr>`)}
            </tbody>
          </table></div>
        </section>
        <section class="card" aria-labelledby="sup-agents">
          <h2 id="sup-agents">Agents</h2>
          <div class="table-wrap"><table class="table sup-table" aria-labelledby="sup-agents">
            <thead><tr>
              <th scope="col">Agent</th><th scope="col">Status</th><th scope="col">Open</th><th scope="col">Capacity</th><th scope="col">Last reply</th>
            </tr></thead>
            <tbody>
              ${o.agents.map((a) => html`
                <tr key=${a.id} data-agent=${a.id}>
                  <th scope="row">${a.name}</th>
                  <td data-col="presence"><span class=${'presence-dot p-' + a.presence} aria-hidden="true"></span> ${presenceNames[a.presence] || a.presence}</td>
                  <td data-col="open">${a.open_conversations}${a.open_offers > 0 && html` <span class="muted small">+ ${a.open_offers} offered</span>`}</td>
                  <td data-col="capacity">${a.capacity || 'No limit'}${a.at_capacity && html` <span class="tag tag-bad">Full</span>`}</td>
                  <td data-col="reply">${a.seconds_since_last_reply == null ? html`<span class="muted">—</span>` : `${wait(a.seconds_since_last_reply + drift)} ago`}</td>
                </tr>`)}
            </tbody>
          </table></div>
        </section>`}
    </main>`;
}
