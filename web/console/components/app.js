// The console's frame: navigation on the left, then the page of the route.

import { useEffect } from 'preact/hooks';
import { html } from '../html.js';
import { me, ready, role, lists, unread, reset, loadMe, boot, toast, fail } from '../store.js';
import { route, navigate, listPath, BASE } from '../router.js';
import { logout } from '../api.js';
import { connection, reconnectNow } from '../socket.js';
import { Login, setSignOutNotice } from './login.js';
import { BrandMark } from './brand-mark.js';
import { loadBranding } from '../brand.js';
import { get } from '../api.js';
import { Inbox as InboxIcon, User, Chats, Check, Users, Key, List, Settings, Logo, Refresh, Clock, Send, Shield } from './icons.js';
import { InboxView } from './inbox-view.js';
import { SearchView, SearchBox } from './search-view.js';
import { Admin } from './admin.js';
import { VisitorsView } from './visitors-view.js';
import { ReportsView } from './reports-view.js';
import { SupervisorView } from './supervisor-view.js';
import { Toasts } from './toasts.js';
import { UserMenu, restorePresence, signOffPresence } from './user-menu.js';
import { ShortcutHelp, useShortcuts } from './shortcuts.js';
import { OfferPrompt } from './offer-prompt.js';

import { listLabels } from './labels.js';
export { listLabels };
const listIcons = { queue: InboxIcon, mine: User, open: Chats, snoozed: Clock, resolved: Check };

export function App() {
  useEffect(() => { loadMe(); }, []);
  useEffect(() => {
    if (me.value) {
      loadBranding();
      boot();
      restorePresence();
    }
  }, [me.value?.agent?.id]);
  useShortcuts();

  if (!ready.value) {
    return html`<div class="splash" role="status" aria-live="polite"><${Logo} /><span class="sr-only">Loading…</span></div>`;
  }
  if (!me.value) {
    return html`<${Login} onLoggedIn=${async () => {
      await loadMe();
      if (!route.value.list && route.value.section !== 'admin') navigate(listPath('queue'), { replace: true });
    }} /><${Toasts} />`;
  }
  const r = route.value;
  return html`
    <a class="skip-link" href="#main">Skip to content</a>
    <div class="shell">
      <${Nav} />
      ${r.section === 'admin' ? html`<${Admin} page=${r.page} id=${r.id} />`
        : r.section === 'visitors' ? html`<${VisitorsView} />`
        : r.section === 'reports' ? html`<${ReportsView} />`
        : r.section === 'supervisor' ? html`<${SupervisorView} />`
        : r.section === 'search' ? html`<${SearchView} q=${r.q} conversation=${r.conversation} seq=${r.seq} />`
        : html`<${InboxView} list=${r.list} conversation=${r.conversation} />`}
    </div>
    <${OfferPrompt} />
    <${ShortcutHelp} />
    <${Toasts} />`;
}

function Nav() {
  const r = route.value;
  const l = lists.value;
  const counts = { queue: l.queue.length, mine: l.mine.length, open: l.open.length, snoozed: null, resolved: null };
  const unreadMine = l.mine.reduce((n, c) => n + (unread.value[c.id] || 0), 0);
  const isAdmin = role.value === 'admin';
  const canAudit = isAdmin || role.value === 'supervisor';
  const link = (href, label, Icon, active, extra) => html`
    <li><a href=${href} class=${'nav-link' + (active ? ' active' : '')} aria-current=${active ? 'page' : undefined}
      onClick=${(e) => { if (!e.metaKey && !e.ctrlKey) { e.preventDefault(); navigate(href); } }}>
      <${Icon} /><span class="nav-label">${label}</span>${extra}</a></li>`;

  return html`
    <nav class="nav" aria-label="Console">
      <div class="nav-brand"><${BrandMark} /></div>
      <${ConnectionState} />
      <${SearchBox} q=${r.section === 'search' ? r.q : ''} />
      <h2 class="nav-heading" id="nav-conv">Conversations</h2>
      <ul class="nav-list" aria-labelledby="nav-conv">
        ${['queue', 'mine', 'open', 'snoozed', 'resolved'].map((k) => link(listPath(k), listLabels[k], listIcons[k],
          r.section === 'inbox' && r.list === k,
          html`${k === 'mine' && unreadMine > 0
            ? html`<span class="badge badge-accent" aria-label=${unreadMine + ' unread'}>${unreadMine}</span>`
            : counts[k] ? html`<span class="count" aria-label=${counts[k] + ' conversations'}>${counts[k]}</span>` : null}`))}
        ${link(`${BASE}/visitors`, 'Visitors', Users, r.section === 'visitors')}
      </ul>
      ${canAudit && html`
        <h2 class="nav-heading" id="nav-admin">Admin</h2>
        <ul class="nav-list" aria-labelledby="nav-admin">
          ${isAdmin && link(`${BASE}/admin/agents`, 'Agents', Users, r.section === 'admin' && r.page === 'agents')}
          ${isAdmin && link(`${BASE}/admin/inboxes`, 'Inboxes', Settings, r.section === 'admin' && r.page === 'inboxes')}
          ${isAdmin && link(`${BASE}/admin/teams`, 'Teams', Users, r.section === 'admin' && r.page === 'teams')}
          ${isAdmin && link(`${BASE}/admin/queues`, 'Queues', List, r.section === 'admin' && r.page === 'queues')}
          ${isAdmin && link(`${BASE}/admin/tokens`, 'API tokens', Key, r.section === 'admin' && r.page === 'tokens')}
          ${isAdmin && link(`${BASE}/admin/sign-in`, 'Sign-in', Key, r.section === 'admin' && r.page === 'sign-in')}
          ${isAdmin && link(`${BASE}/admin/branding`, 'Branding', Settings, r.section === 'admin' && r.page === 'branding')}
          ${isAdmin && link(`${BASE}/admin/context`, 'Customer data', List, r.section === 'admin' && r.page === 'context')}
          ${isAdmin && link(`${BASE}/admin/webhooks`, 'Webhooks', Send, r.section === 'admin' && r.page === 'webhooks')}
          ${isAdmin && link(`${BASE}/admin/apps`, 'Apps', Shield, r.section === 'admin' && r.page === 'apps')}
          ${link(`${BASE}/admin/audit`, 'Audit log', List, r.section === 'admin' && r.page === 'audit')}
          ${link(`${BASE}/supervisor`, 'Supervisor', Chats, r.section === 'supervisor')}
          ${link(`${BASE}/reports`, 'Reports', List, r.section === 'reports')}
        </ul>`}
      <div class="nav-foot">
        <${UserMenu} onLogout=${async () => {
          await signOffPresence();
          // Single sign-on: offer to sign out at the provider too (RP-initiated logout).
          const opts = await get('/api/v1/auth/options').catch(() => null);
          try { await logout(); } catch (e) { fail(e); }
          setSignOutNotice({ endSessionURL: opts?.oidc?.end_session_url || '' });
          reset();
          toast('You are signed out.', 'info');
        }} />
      </div>
    </nav>`;
}

function ConnectionState() {
  const s = connection.value;
  const label = { online: 'Live', connecting: 'Connecting…', offline: 'Offline — reconnecting' }[s];
  return html`
    <div class=${'conn conn-' + s} role="status" aria-live="polite" data-connection=${s}>
      <span class="conn-dot" aria-hidden="true"></span><span>${label}</span>
      ${s === 'offline' && html`<button type="button" class="icon-button" aria-label="Reconnect now" onClick=${reconnectNow}><${Refresh} size=${14} /></button>`}
    </div>`;
}

