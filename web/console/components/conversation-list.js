// A list of conversations with contact, preview, time and unread count.

import { html } from '../html.js';
import { lastMessage, unread, contactName, loadContact, agentName, inboxName, typingAt } from '../store.js';
import { navigate, listPath } from '../router.js';
import { ago } from '../format.js';
import { useNow } from './now.js';
import { Avatar } from './avatar.js';
import { listLabels } from './labels.js';
import { Inbox, User, Chats, Check } from './icons.js';

const emptyText = {
  queue: ['The queue is empty', 'New conversations waiting for an agent appear here as they arrive.', Inbox],
  mine: ['Nothing assigned to you', 'Take a conversation from the queue to start helping.', User],
  open: ['No open conversations', 'Every conversation is resolved. Nice work.', Chats],
  resolved: ['No resolved conversations yet', 'Conversations you resolve are kept here.', Check],
};

export function ConversationList({ list, items, loading, selected }) {
  useNow();
  const [title, text, Icon] = emptyText[list];
  return html`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">${listLabels[list]}</h1>
        <span class="muted small" aria-live="polite">${loading ? '' : `${items.length} conversation${items.length === 1 ? '' : 's'}`}</span>
      </header>
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
        </ul>`}
    </section>`;
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
  const meta = [inboxName(c.inbox_id), c.status === 'assigned' && list !== 'mine' ? 'with ' + agentName(c.assignee_id) : ''].filter(Boolean).join(' · ');
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
          ${meta && html`<span class="conv-meta">${meta}</span>`}
        </span>
      </a>
    </li>`;
}
