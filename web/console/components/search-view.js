// Search: the messages holding some words, best first, each opening its
// conversation at that message.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { conversations, openConversation, viewing, contactName, loadContact, fail } from '../store.js';
import { navigate, searchPath } from '../router.js';
import { ago } from '../format.js';
import { ConversationView } from './conversation-view.js';
import { ContactPanel } from './contact-panel.js';
import { Lock } from './icons.js';

/** SearchBox is the search form of the navigation. */
export function SearchBox({ q = '' }) {
  const [value, setValue] = useState(q);
  useEffect(() => setValue(q), [q]);
  return html`
    <form role="search" class="nav-search" onSubmit=${(e) => {
      e.preventDefault();
      const v = value.trim();
      if (v) navigate(searchPath(v));
    }}>
      <label for="search-input" class="sr-only">Search messages</label>
      <input id="search-input" type="search" class="input small" placeholder="Search messages" value=${value}
        maxlength="500" onInput=${(e) => setValue(e.currentTarget.value)} />
    </form>`;
}

export function SearchView({ q, conversation, seq }) {
  const [state, setState] = useState({ items: null, cursor: '', loading: false });
  useEffect(() => {
    let live = true;
    setState({ items: null, cursor: '', loading: true });
    api.search(q).then(
      (page) => live && setState({ items: page.items || [], cursor: page.next_cursor || '', loading: false }),
      (e) => { if (live) { setState({ items: [], cursor: '', loading: false }); fail(e, 'Could not search'); } },
    );
    return () => { live = false; };
  }, [q]);
  useEffect(() => {
    if (conversation) openConversation(conversation, seq);
    else viewing.value = '';
  }, [conversation, seq]);

  const more = async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const page = await api.search(q, state.cursor);
      setState((s) => ({ items: [...s.items, ...(page.items || [])], cursor: page.next_cursor || '', loading: false }));
    } catch (e) {
      setState((s) => ({ ...s, loading: false }));
      fail(e, 'Could not search');
    }
  };
  const items = state.items || [];
  const c = conversation ? conversations.value[conversation] : null;
  return html`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">Search</h1>
        <span class="muted small" aria-live="polite">${state.items === null ? 'Searching…' : `${items.length}${state.cursor ? '+' : ''} result${items.length === 1 && !state.cursor ? '' : 's'}`}</span>
      </header>
      ${state.items !== null && !items.length ? html`
        <div class="empty small-empty">
          <h2>Nothing found</h2>
          <p class="muted">No message holds every word of “${q}”.</p>
        </div>` : html`
        <ul class="conv-list search-results" aria-label=${'Messages found for ' + q}>
          ${items.map((h) => html`<${Hit} key=${h.message.id} h=${h} q=${q} selected=${conversation === h.conversation_id && seq === h.message.seq} />`)}
          ${state.cursor && html`
            <li class="conv-more"><button type="button" class="button ghost small block" disabled=${state.loading} onClick=${more}>
              ${state.loading ? 'Loading…' : 'More results'}</button></li>`}
        </ul>`}
    </section>
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${conversation
        ? (c ? html`<${ConversationView} key=${conversation} conv=${c} list="search" target=${seq} />`
             : html`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`)
        : html`<div class="empty"><h2>Pick a result</h2><p class="muted">It opens its conversation at that message.</p></div>`}
    </main>
    ${c && html`<${ContactPanel} key=${c.contact_id} conv=${c} />`}`;
}

function Hit({ h, q, selected }) {
  const m = h.message;
  const conv = conversations.value[h.conversation_id];
  if (conv) loadContact(conv.contact_id);
  const who = m.sender?.type === 'contact' ? (conv ? contactName(conv.contact_id) : 'Visitor') : (m.sender?.display_name || 'Agent');
  const href = searchPath(q, h.conversation_id, m.seq);
  return html`
    <li>
      <a href=${href} class=${'conv-item search-hit' + (selected ? ' selected' : '')} aria-current=${selected ? 'true' : undefined}
        data-conversation=${h.conversation_id} data-seq=${m.seq}
        onClick=${(e) => { if (!e.metaKey && !e.ctrlKey) { e.preventDefault(); navigate(href); } }}>
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${m.kind === 'note' && html`<${Lock} size=${12} /> `}${who}</span>
            <time class="conv-time" datetime=${m.created_at}>${ago(m.created_at)}</time>
          </span>
          <span class="search-snippet">${(h.snippet || []).map((p) => (p.match ? html`<mark>${p.text}</mark>` : p.text))}</span>
        </span>
      </a>
    </li>`;
}
