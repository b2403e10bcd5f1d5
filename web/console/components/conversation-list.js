// A list of conversations with contact, preview, time and unread count.

import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.js';
import {
  lastMessage, unread, contactName, loadContact, agentName, inboxName, typingAt, hasMore, loadMore, listPages,
  labels, loadLabels, labelFilter, priorityFilter,
} from '../store.js';
import { navigate, listPath } from '../router.js';
import { ago } from '../format.js';
import { useNow } from './now.js';
import { Avatar } from './avatar.js';
import { listLabels } from './labels.js';
import { Inbox, User, Chats, Check, Clock } from './icons.js';

const emptyText = {
  queue: ['The queue is empty', 'New conversations waiting for an agent appear here as they arrive.', Inbox],
  mine: ['Nothing assigned to you', 'Take a conversation from the queue to start helping.', User],
  open: ['No open conversations', 'Every conversation is resolved. Nice work.', Chats],
  snoozed: ['Nothing snoozed', 'Snoozed conversations wait here until their time comes or the visitor writes.', Clock],
  resolved: ['No resolved conversations yet', 'Conversations you resolve are kept here.', Check],
};

export function ConversationList({ list, items, loading, selected }) {
  useNow();
  const [title, text, Icon] = emptyText[list];
  const more = hasMore(list);
  return html`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">${listLabels[list]}</h1>
        <span class="muted small" aria-live="polite">${loading ? '' : `${items.length}${more ? '+' : ''} conversation${items.length === 1 && !more ? '' : 's'}`}</span>
      </header>
      <${ListFilters} />
      ${loading && !items.length ? html`
        <ul class="conv-list" aria-busy="true" aria-label="Loading">
          ${[0, 1, 2, 3].map((i) => html`<li key=${i} class="conv-skeleton"><span></span><span></span></li>`)}
        </ul>` : !items.length ? html`
        <div class="empty small-empty">
          <div class="empty-icon"><${Icon} size=${22} /></div>
          <h2>${title}</h2>
          <p class="muted">${text}</p>
        </div>` : html`
        <ul class="conv-list" aria-label=${listLabels[list] + ' conversations'}>
          ${items.map((c) => html`<${Item} key=${c.id} c=${c} list=${list} selected=${c.id === selected} />`)}
          ${more && html`<${More} list=${list} count=${items.length} />`}
        </ul>`}
    </section>`;
}

/** priorityNames are the named priorities, by value. */
export const priorityNames = { 0: 'None', 1: 'Low', 2: 'High', 3: 'Urgent' };

// ListFilters narrow the lists to a label and a priority.
function ListFilters() {
  useEffect(() => { loadLabels(); }, []);
  const all = labels.value || [];
  return html`
    <div class="list-filter">
      ${(all.length > 0 || labelFilter.value) && html`
        <label for="label-filter" class="muted small">Label</label>
        <select id="label-filter" class="select small" value=${labelFilter.value}
          onChange=${(e) => { labelFilter.value = e.currentTarget.value; }}>
          <option value="">Any label</option>
          ${all.map((l) => html`<option value=${l.id}>${l.name}</option>`)}
        </select>`}
      <label for="priority-filter" class="muted small">Priority</label>
      <select id="priority-filter" class="select small" value=${priorityFilter.value}
        onChange=${(e) => { priorityFilter.value = e.currentTarget.value; }}>
        <option value="">Any</option>
        <option value="urgent">Urgent</option>
        <option value="high,urgent">High or urgent</option>
        <option value="low">Low</option>
        <option value="none">None</option>
      </select>
    </div>`;
}

// More is the end of a list with pages not loaded yet: its next page loads
// when it scrolls into view, or when its button is pressed.
function More({ list, count }) {
  const ref = useRef(null);
  const loading = !!listPages.value[list]?.loading;
  useEffect(() => {
    const el = ref.current;
    if (!el || loading || typeof IntersectionObserver === 'undefined') return undefined;
    // Observing anew after each page: a page that leaves the end in view
    // loads the next one at once.
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore(list);
    }, { rootMargin: '400px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [list, count, loading]);
  return html`
    <li class="conv-more" ref=${ref}>
      <button type="button" class="button ghost small block" onClick=${() => loadMore(list)} disabled=${loading}
        aria-busy=${loading ? 'true' : undefined}>${loading ? 'Loading…' : 'Load more conversations'}</button>
    </li>`;
}

function Item({ c, list, selected }) {
  loadContact(c.contact_id);
  const name = contactName(c.contact_id);
  const last = lastMessage.value[c.id];
  const n = unread.value[c.id] || 0;
  const typing = typingAt.value[c.id] && Date.now() - typingAt.value[c.id].at < 5000 && typingAt.value[c.id].by?.type === 'contact';
  let preview = 'No messages yet';
  if (typing) preview = 'typing…';
  else if (last) {
    const who = last.sender?.type === 'contact' ? '' : last.kind === 'note' ? 'Note: ' : 'You: ';
    preview = who + (last.deleted_at ? 'Message deleted' : last.body || (last.attachments?.length ? `📎 ${last.attachments[0].name}` : ''));
  }
  const href = listPath(list, c.id);
  const meta = [inboxName(c.inbox_id), c.status === 'assigned' && list !== 'mine' ? 'with ' + agentName(c.assignee_id) : '',
    c.outside_hours && c.status !== 'resolved' ? 'outside hours' : ''].filter(Boolean).join(' · ');
  const prio = c.priority >= 2 && (priorityNames[c.priority] || 'Priority ' + c.priority);
  return html`
    <li>
      <a href=${href} class=${'conv-item' + (selected ? ' selected' : '') + (n ? ' has-unread' : '')}
        aria-current=${selected ? 'true' : undefined} data-conversation=${c.id}
        onClick=${(e) => { if (!e.metaKey && !e.ctrlKey) { e.preventDefault(); navigate(href); } }}>
        <${Avatar} id=${c.contact_id} name=${name} />
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${name}</span>
            <time class="conv-time" datetime=${c.updated_at}>${ago(c.updated_at)}</time>
          </span>
          <span class="conv-bottom">
            <span class=${'conv-preview' + (typing ? ' typing' : '')}>${preview}</span>
            ${n > 0 && html`<span class="badge badge-accent unread-badge" aria-label=${n + ' unread'}>${n}</span>`}
          </span>
          ${(meta || prio) && html`<span class="conv-meta">${prio && html`<span class=${'prio prio-' + c.priority}>${prio}</span> `}${meta}</span>`}
        </span>
      </a>
    </li>`;
}
