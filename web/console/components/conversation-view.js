// One conversation: header with the actions, the messages, and the reply box.

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { signal } from '@preact/signals';
import { html } from '../html.js';
import {
  messages, hasEarlier, loadEarlier, contactName, agentName, inboxName, myID, role, agents,
  typingAt, contactRead, upsert, fail, toast, labels, loadLabels, labelChanged, snoozedNow, routing, loadRouting, refreshAgents,
} from '../store.js';
import { api } from '../api.js';
import { clock, fullTime, size } from '../format.js';
import { Avatar } from './avatar.js';
import { Composer } from './composer.js';
import { File, Lock, X } from './icons.js';
import { useNow } from './now.js';
import { CsatRating } from './csat-rating.js';
import { Escalate, TierBadge } from './escalate.js';

const statusLabel = { open: 'Open', pending: 'Waiting', assigned: 'Assigned', resolved: 'Resolved' };

export function ConversationView({ conv, list, target = 0 }) {
  const name = contactName(conv.contact_id);
  useCommands(conv);
  return html`
    <div class="conversation">
      <header class="conv-head">
        <div class="conv-head-title">
          <h2 id="conv-title">${name}</h2>
          <div class="conv-head-meta">
            <span class=${'status status-' + conv.status} data-status=${conv.status}>${statusLabel[conv.status]}</span>
            ${conv.assignee_id && html`<span class="muted small">${conv.status === 'resolved' ? 'Last with ' : 'With '}${agentName(conv.assignee_id)}</span>`}
            ${inboxName(conv.inbox_id) && html`<span class="muted small">· ${inboxName(conv.inbox_id)}</span>`}
            ${snoozedNow(conv) && html`<span class="badge snoozed-badge" data-snoozed="true">${conv.snoozed_until_reply
              ? 'Snoozed until the visitor writes' : `Snoozed until ${fullTime(conv.snoozed_until)}`}</span>`}
            ${conv.outside_hours && html`<span class="badge outside-hours-badge" data-outside-hours="true"
              title="The visitor wrote while the queue was outside its business hours">Left outside business hours</span>`}
            <${TierBadge} conv=${conv} />
          </div>
          <${ConversationLabels} conv=${conv} />
          <${CsatRating} conv=${conv} />
        </div>
        <${Actions} conv=${conv} />
      </header>
      <${Messages} conv=${conv} target=${target} />
      <${Typing} id=${conv.id} name=${name} />
      <${Composer} conv=${conv} />
    </div>`;
}

async function run(what, fn) {
  try {
    const c = await fn();
    if (c) upsert(c);
    return c;
  } catch (e) {
    if (e.status === 409) fail(e, `Could not ${what}, the conversation changed meanwhile`);
    else fail(e, `Could not ${what}`);
    return null;
  }
}

export const take = (conv) => run('take it', () => api.assign(conv.id)).then((c) => c && toast('You took the conversation.', 'success'));
export const resolve = (conv) => run('resolve it', () => api.resolve(conv.id)).then((c) => c && toast('Conversation resolved.', 'success'));
export const reopen = (conv) => run('reopen it', () => api.reopen(conv.id)).then((c) => c && toast('Conversation reopened.', 'success'));

// snooze snoozes a conversation until the visitor writes ('reply'), for
// some hours ('1h', '4h'), or until 9:00 tomorrow, local time.
function snooze(conv, how) {
  let until;
  if (how === '1h' || how === '4h') until = new Date(Date.now() + parseInt(how, 10) * 3600e3);
  else if (how === 'tomorrow') {
    until = new Date();
    until.setDate(until.getDate() + 1);
    until.setHours(9, 0, 0, 0);
  }
  return run('snooze it', () => api.snooze(conv.id, until ? until.toISOString() : undefined))
    .then((c) => c && toast(how === 'reply' ? 'Snoozed until the visitor writes.' : `Snoozed until ${fullTime(c.snoozed_until)}.`, 'success'));
}

function useCommands(conv) {
  useEffect(() => {
    const on = (e) => {
      if (e.detail === 'take' && conv.status === 'pending') take(conv);
      if (e.detail === 'resolve' && conv.status !== 'resolved') resolve(conv);
    };
    window.addEventListener('parley:command', on);
    return () => window.removeEventListener('parley:command', on);
  }, [conv]);
}

/** ToQueue moves a conversation to another queue, or to a team's queue. */
function ToQueue({ conv }) {
  useEffect(loadRouting, []);
  const r = routing.value;
  const queues = (r?.queues || []).filter((q) => q.id !== conv.queue_id);
  const teams = r?.teams || [];
  if (!queues.length && !teams.length) return null;
  function pick(v) {
    const [kind, id] = [v.slice(0, 2), v.slice(2)];
    const name = kind === 'q:' ? queues.find((q) => q.id === id)?.name : teams.find((t) => t.id === id)?.name;
    run('move it', () => api.moveToQueue(conv.id, kind === 'q:' ? { queue_id: id } : { team_id: id }))
      .then((c) => c && toast(kind === 'q:' ? `Moved to the queue ${name}.` : `Moved to the team ${name}.`, 'success'));
  }
  return html`
    <select class="select small" aria-label="Transfer to a queue or team" value=""
      onChange=${(e) => { const v = e.currentTarget.value; e.currentTarget.value = ''; if (v) pick(v); }}>
      <option value="">To a queue or team…</option>
      ${queues.length > 0 && html`<optgroup label="Queues">${queues.map((q) => html`<option value=${'q:' + q.id}>${q.name}</option>`)}</optgroup>`}
      ${teams.length > 0 && html`<optgroup label="Teams">${teams.map((t) => html`<option value=${'t:' + t.id}>${t.name}</option>`)}</optgroup>`}
    </select>`;
}

function Actions({ conv }) {
  const me = myID.value;
  const manager = role.value === 'admin' || role.value === 'supervisor';
  const others = agents.value.filter((a) => !a.disabled && !a.bot && a.id !== conv.assignee_id);
  // Each agent's load next to its name (held / capacity), asked again
  // when the menu gets the focus.
  const load = (a) => (a.load == null ? '' : ` — ${a.load}${a.capacity ? '/' + a.capacity : ''} open`);
  const menus = manager || conv.assignee_id === me;
  useEffect(() => { if (menus && conv.status !== 'resolved') refreshAgents(); }, [conv.id, conv.status]);
  const select = (label, onPick) => html`
    <select class="select small agent-menu" aria-label=${label} value="" onFocus=${refreshAgents}
      onChange=${(e) => { const v = e.currentTarget.value; e.currentTarget.value = ''; if (v) onPick(v); }}>
      <option value="">${label}…</option>
      ${others.map((a) => html`<option value=${a.id} data-load=${a.load}>${a.name}${a.id === me ? ' (you)' : ''}${load(a)}</option>`)}
    </select>`;
  return html`
    <div class="conv-actions" role="group" aria-label="Conversation actions">
      ${conv.status === 'pending' && html`
        <button type="button" class="button primary" onClick=${() => take(conv)} aria-keyshortcuts="t">Take</button>
        ${manager && select('Assign to', (id) => run('assign it', () => api.assign(conv.id, id)))}`}
      ${conv.status === 'assigned' && (conv.assignee_id === me || manager) && html`
        ${select('Transfer to', (id) => run('transfer it', () => api.transfer(conv.id, conv.assignee_id, id))
          .then((c) => c && toast(`Transferred to ${agentName(id)}.`, 'success')))}
        <button type="button" class="button" onClick=${() => run('put it back', () => api.unassign(conv.id, conv.assignee_id))}>Back to queue</button>`}
      ${(conv.status === 'pending' || (conv.status === 'assigned' && (conv.assignee_id === me || manager))) && html`<${ToQueue} conv=${conv} />
        <${Escalate} conv=${conv} />`}
      ${conv.status !== 'resolved' && (conv.status !== 'assigned' || conv.assignee_id === me || manager) && html`
        <select class="select small" aria-label="Priority" value=${String(conv.priority || 0)}
          onChange=${(e) => { const v = e.currentTarget.value; run('set the priority', () => api.setPriority(conv.id, v)); }}>
          ${(conv.priority > 3 ? [[conv.priority, 'Priority ' + conv.priority]] : []).concat([[0, 'No priority'], [1, 'Low'], [2, 'High'], [3, 'Urgent']])
            .map(([v, label]) => html`<option value=${String(v)}>${label}</option>`)}
        </select>
        ${snoozedNow(conv)
          ? html`<button type="button" class="button" onClick=${() => run('unsnooze it', () => api.unsnooze(conv.id))}>Unsnooze</button>`
          : html`
            <select class="select small" aria-label="Snooze" value=""
              onChange=${(e) => { const v = e.currentTarget.value; e.currentTarget.value = ''; if (v) snooze(conv, v); }}>
              <option value="">Snooze…</option>
              <option value="reply">Until the visitor writes</option>
              <option value="1h">For an hour</option>
              <option value="4h">For 4 hours</option>
              <option value="tomorrow">Until tomorrow, 9:00</option>
            </select>`}`}
      ${conv.status !== 'resolved'
        ? html`<button type="button" class="button success" onClick=${() => resolve(conv)} aria-keyshortcuts="e">Resolve</button>`
        : html`<button type="button" class="button" onClick=${() => reopen(conv)}>Reopen</button>`}
    </div>`;
}

function Messages({ conv, target }) {
  const list = messages.value[conv.id];
  const ref = useRef(null);
  const stick = useRef(!target);
  const shown = useRef(0); // the target already scrolled to
  const last = list?.length ? list[list.length - 1].seq : 0;
  const first = list?.length ? list[0].seq : 0;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const t = target && shown.current !== target && el.querySelector(`[data-seq="${target}"]`);
    if (t) {
      // Opened from a search: show that message, not the newest.
      shown.current = target;
      stick.current = false;
      t.scrollIntoView({ block: 'center' });
      return;
    }
    if (stick.current) el.scrollTop = el.scrollHeight;
  }, [last, first, conv.id, target]);
  if (!list) {
    return html`<div class="messages"><div class="spinner" role="status" aria-label="Loading messages"></div></div>`;
  }
  const seen = contactRead.value[conv.id] || 0;
  let lastAgent = -1;
  list.forEach((m, i) => { if (m.sender?.type !== 'contact' && m.kind !== 'note' && m.kind !== 'event') lastAgent = i; });
  return html`
    <div class="messages" ref=${ref} role="log" aria-live="polite" aria-labelledby="conv-title" tabindex="0"
      onScroll=${(e) => { const el = e.currentTarget; stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80; }}>
      ${hasEarlier.value[conv.id] && html`<button type="button" class="button ghost small load-earlier" onClick=${() => loadEarlier(conv.id)}>Load earlier messages</button>`}
      ${!list.length && html`<p class="muted center">No messages yet.</p>`}
      ${list.map((m, i) => html`<${Message} key=${m.seq} m=${m} conv=${conv} prev=${list[i - 1]}
        seen=${i === lastAgent && seen >= m.seq} target=${m.seq === target} />`)}
    </div>`;
}

// appNames maps the IDs of apps that sent messages to their names, loaded
// once when a message carries an app_id. GET /api/v1/apps needs
// tokens:read, which only admins hold: others are told "via an app".
const appNames = signal(null);
let appNamesLoading = false;
function appName(id) {
  if (role.value !== 'admin') return 'an app';
  if (!appNames.value && !appNamesLoading) {
    appNamesLoading = true;
    api.apps().then((apps) => { appNames.value = Object.fromEntries(apps.map((a) => [a.id, a.name])); })
      .catch(() => { appNames.value = {}; });
  }
  return appNames.value?.[id] || 'an app';
}

function senderName(m, conv) {
  const s = m.sender || {};
  if (s.display_name) return s.display_name;
  if (s.type === 'contact') return contactName(conv.contact_id);
  if (s.type === 'agent' || s.type === 'bot') return s.id === myID.value ? 'You' : (agents.value.find((a) => a.id === s.id)?.name || 'Agent');
  return 'System';
}

function Message({ m, conv, prev, seen, target }) {
  if (m.kind === 'event') {
    return html`<div class="msg-event" data-seq=${m.seq}><span>${m.body}</span> <time datetime=${m.created_at}>${clock(m.created_at)}</time></div>`;
  }
  const fromContact = m.sender?.type === 'contact';
  const note = m.kind === 'note';
  const grouped = prev && prev.kind === m.kind && prev.sender?.type === m.sender?.type && prev.sender?.id === m.sender?.id &&
    prev.sender?.display_name === m.sender?.display_name && prev.sender?.external_id === m.sender?.external_id &&
    new Date(m.created_at) - new Date(prev.created_at) < 5 * 60 * 1000;
  const name = senderName(m, conv);
  const cls = ['msg', fromContact ? 'msg-in' : 'msg-out', note ? 'msg-note' : '', grouped ? 'grouped' : '', m.deleted_at ? 'deleted' : '',
    target ? 'msg-target' : '']
    .filter(Boolean).join(' ');
  return html`
    <article class=${cls} data-seq=${m.seq} data-kind=${m.kind} aria-label=${(note ? 'Private note by ' : 'Message from ') + name}
      aria-current=${target ? 'true' : undefined}>
      ${!grouped && html`
        <div class=${m.sender?.external_id ? 'msg-head msg-head-external' : 'msg-head'}>
          ${fromContact && html`<${Avatar} id=${conv.contact_id} name=${name} size="sm" />`}
          ${m.sender?.avatar_url?.startsWith('/avatars/') && html`<img class="msg-avatar" src=${m.sender.avatar_url} alt=${name} referrerpolicy="no-referrer" width="20" height="20" />`}
          <span class="msg-name">${name}</span>
          ${m.app_id && html`<span class="msg-via muted small">via ${appName(m.app_id)}</span>`}
          ${m.sender?.external_id && html`<span class="msg-external-id muted small" title=${"ID in the app's system: " + m.sender.external_id}>ID ${m.sender.external_id}</span>`}
          <time datetime=${m.created_at} title=${fullTime(m.created_at)}>${clock(m.created_at)}</time>
        </div>`}
      <div class="msg-bubble">
        ${note && html`<div class="note-label"><${Lock} size=${13} /> Private note <span class="muted">· only agents see this</span></div>`}
        ${m.deleted_at ? html`<p class="msg-body muted">This message was deleted.</p>` : m.body && html`<p class="msg-body">${m.body}</p>`}
        ${m.attachments?.length > 0 && html`
          <ul class="attachments">
            ${m.attachments.map((a) => html`
              <li><a class="attachment" href=${api.attachmentURL(a.id)} download=${a.name}>
                <${File} size=${16} /><span class="attachment-name">${a.name}</span><span class="muted">${size(a.size)}</span></a></li>`)}
          </ul>`}
        ${m.edited_at && !m.deleted_at && html`<span class="muted small">(edited)</span>`}
      </div>
      ${seen && html`<div class="msg-seen">Seen</div>`}
    </article>`;
}

function Typing({ id, name }) {
  useNow(1000);
  const t = typingAt.value[id];
  const on = t && Date.now() - t.at < 5000;
  let text = '';
  if (on) text = t.by?.type === 'contact' ? `${name} is typing…` : `${agentName(t.by?.id) || 'An agent'} is typing${t.note ? ' a note' : ''}…`;
  return html`<div class="typing" aria-live="polite">${on && html`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span> ${text}`}</div>`;
}

// ConversationLabels shows the conversation's labels, each removable, and
// adds one from the workspace's (the l key focuses the picker).
function ConversationLabels({ conv }) {
  const [on, setOn] = useState(null);
  const [said, setSaid] = useState('');
  useEffect(() => {
    loadLabels();
    let live = true;
    api.conversationLabels(conv.id).then((r) => live && setOn(r.items || []), () => live && setOn([]));
    return () => { live = false; };
  }, [conv.id]);
  if (on === null) return null;
  const all = labels.value || [];
  const ids = new Set(on.map((l) => l.id));
  const avail = all.filter((l) => !ids.has(l.id));
  const add = async (id) => {
    const l = all.find((x) => x.id === id);
    try {
      await api.addLabel(conv.id, id);
      setOn((cur) => (cur.some((x) => x.id === id) ? cur : [...cur, l]));
      labelChanged(conv.id, id, true);
      setSaid(`Label ${l.name} added.`);
    } catch (e) {
      fail(e, 'Could not add the label');
    }
  };
  const remove = async (l) => {
    try {
      await api.removeLabel(conv.id, l.id);
      setOn((cur) => cur.filter((x) => x.id !== l.id));
      labelChanged(conv.id, l.id, false);
      setSaid(`Label ${l.name} removed.`);
      document.getElementById('add-label')?.focus();
    } catch (e) {
      fail(e, 'Could not remove the label');
    }
  };
  return html`
    <div class="conv-labels" role="group" aria-label="Labels">
      ${on.length > 0 && html`
        <ul class="label-chips" aria-label="Labels of this conversation">
          ${on.map((l) => html`
            <li class="label-chip" data-label=${l.name}>
              <span class="label-dot" style=${{ background: l.color }} aria-hidden="true"></span>${l.name}
              <button type="button" class="icon-button label-remove" aria-label=${'Remove label ' + l.name}
                onClick=${() => remove(l)}><${X} size=${12} /></button>
            </li>`)}
        </ul>`}
      ${avail.length > 0 && html`
        <select id="add-label" class="select small" aria-label="Add a label" aria-keyshortcuts="l" value=""
          onChange=${(e) => { const v = e.currentTarget.value; e.currentTarget.value = ''; if (v) add(v); }}>
          <option value="">Add label…</option>
          ${avail.map((l) => html`<option value=${l.id}>${l.name}</option>`)}
        </select>`}
      <span class="sr-only" role="status">${said}</span>
    </div>`;
}
