// The contact panel: who the visitor is, the customer's own data from the
// workspace's context endpoints, and their other conversations.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { contacts, loadContact, contactName, upsert, inboxName } from '../store.js';
import { navigate, listPath } from '../router.js';
import { ago } from '../format.js';
import { Avatar } from './avatar.js';
import { Shield } from './icons.js';
import { ContextData } from './context-data.js';
import { AppPanels } from './app-panels.js';
import { ContactEditor } from './contact-editor.js';
import { ContactNotes } from './contact-notes.js';

// breakable lets a long email address wrap after its @ and before its dots
// rather than at any letter.
function breakable(email) {
  return String(email).split(/(?=\.)|(?<=@)/).flatMap((part, i) => (i ? [html`<wbr />`, part] : [part]));
}

const statusList = { pending: 'queue', assigned: 'open', resolved: 'resolved', open: 'open' };

export function ContactPanel({ conv }) {
  const id = conv.contact_id;
  const [others, setOthers] = useState(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    setEditing(false);
    loadContact(id);
    let live = true;
    api.conversations({ contact_id: id }).then((items) => {
      if (!live) return;
      for (const c of items) if (c.status !== 'open') upsert(c);
      setOthers(items);
    }).catch(() => live && setOthers([]));
    return () => { live = false; };
  }, [id]);

  const c = contacts.value[id];
  const name = contactName(id);
  const attrs = c && !c.missing ? Object.entries(c.attributes || {}).filter(([k]) => k !== 'unverified_email') : [];
  const rows = c && !c.missing ? [['Email', c.email], ['Email (unverified)', c.attributes?.unverified_email], ['Phone', c.phone], ['External ID', c.external_id], ['First seen', c.created_at && ago(c.created_at)]]
    .filter(([, v]) => v) : [];
  const previous = (others || []).filter((o) => o.id !== conv.id && o.status !== 'open');

  return html`
    <aside class="pane-contact" aria-labelledby="contact-title">
      <div class="contact-card">
        <${Avatar} id=${id} name=${name} size="lg" />
        <h2 id="contact-title">${name}</h2>
        ${c && !c.missing && (c.verified
          ? html`<span class="verified" title="Identified by your website's back-end"><${Shield} size=${14} /> Verified</span>`
          : html`<span class="unverified">Guest · not verified</span>`)}
        ${c && !c.missing && !editing && html`<button type="button" class="button small ghost" id="contact-edit" onClick=${() => setEditing(true)}>Edit contact</button>`}
      </div>
      ${editing && c && !c.missing && html`<section class="panel-section"><${ContactEditor} contact=${c} onDone=${() => setEditing(false)} /></section>`}
      ${!c && html`<div class="spinner" role="status" aria-label="Loading contact"></div>`}
      ${c?.missing && html`<p class="muted small center">Contact details are not available.</p>`}
      ${!editing && rows.length > 0 && html`
        <section class="panel-section" aria-labelledby="contact-ids">
          <h3 id="contact-ids">Details</h3>
          <dl class="props props-stacked">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${k.startsWith('Email') ? breakable(v) : v}</dd>`)}</dl>
        </section>`}
      ${!editing && attrs.length > 0 && html`
        <section class="panel-section" aria-labelledby="contact-attrs">
          <h3 id="contact-attrs">Attributes</h3>
          <dl class="props">${attrs.map(([k, v]) => html`<dt>${k}</dt><dd>${typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>`)}</dl>
        </section>`}
      ${c && !c.missing && html`<${ContactNotes} contactId=${id} />`}
      <${ContextData} conv=${conv} />
      <${AppPanels} conv=${conv} />
      <section class="panel-section" aria-labelledby="contact-convs">
        <h3 id="contact-convs">Other conversations</h3>
        ${others === null ? html`<div class="spinner small" role="status" aria-label="Loading conversations"></div>`
          : previous.length === 0 ? html`<p class="muted small">None — this is the first.</p>`
          : html`<ul class="mini-list">
              ${previous.map((o) => html`<li key=${o.id}>
                <a href=${listPath(statusList[o.status], o.id)} onClick=${(e) => { e.preventDefault(); navigate(listPath(statusList[o.status], o.id)); }}>
                  <span class=${'status status-' + o.status}>${o.status}</span>
                  <span class="muted small">${inboxName(o.inbox_id)} · ${ago(o.updated_at)}</span>
                </a></li>`)}
            </ul>`}
      </section>
    </aside>`;
}
