// The working view: a conversation list, the open conversation, and the
// contact panel beside it.

import { useEffect } from 'preact/hooks';
import { html } from '../html.js';
import { lists, listsLoading, conversations, openConversation, viewing, ensureList, listSettled, labelFilter, priorityFilter } from '../store.js';
import { ConversationList } from './conversation-list.js';
import { ConversationView } from './conversation-view.js';
import { ContactPanel } from './contact-panel.js';
import { Chats } from './icons.js';

export function InboxView({ list, conversation }) {
  useEffect(() => { ensureList(list); }, [list, labelFilter.value, priorityFilter.value]);
  useEffect(() => {
    if (conversation) openConversation(conversation);
    else viewing.value = '';
  }, [conversation]);

  const items = lists.value[list] || [];
  const loading = (listsLoading.value && list !== 'resolved') || !listSettled(list);
  const c = conversation ? conversations.value[conversation] : null;
  return html`
    <${ConversationList} list=${list} items=${items} loading=${loading} selected=${conversation} />
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${conversation
        ? (c ? html`<${ConversationView} key=${conversation} conv=${c} list=${list} />`
             : html`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`)
        : html`
          <div class="empty">
            <div class="empty-icon"><${Chats} size=${28} /></div>
            <h2>No conversation selected</h2>
            <p class="muted">Pick one from the list, or press <kbd>j</kbd> to open the first.</p>
          </div>`}
    </main>
    ${c && html`<${ContactPanel} key=${c.contact_id} conv=${c} />`}`;
}
