// The admin pages: agents, inboxes, API tokens, the audit log, sign-in,
// branding, the customer data (context endpoints), webhooks, apps, teams
// and queues.

import { html } from '../html.js';
import { role } from '../store.js';
import { AgentsPage } from './admin-agents.js';
import { InboxesPage } from './admin-inboxes.js';
import { TokensPage } from './admin-tokens.js';
import { AuditPage } from './admin-audit.js';
import { SignInPage } from './admin-signin.js';
import { BrandingPage } from './admin-branding.js';
import { ContextPage } from './admin-context.js';
import { WebhooksPage } from './admin-webhooks.js';
import { AppsPage } from './admin-apps.js';
import { TeamsPage } from './admin-teams.js';
import { QueuesPage } from './admin-queues.js';

const pages = { agents: AgentsPage, inboxes: InboxesPage, tokens: TokensPage, audit: AuditPage, 'sign-in': SignInPage, branding: BrandingPage, context: ContextPage, webhooks: WebhooksPage, apps: AppsPage, teams: TeamsPage, queues: QueuesPage };

export function Admin({ page, id }) {
  const Page = pages[page];
  const allowed = role.value === 'admin' || (page === 'audit' && role.value === 'supervisor');
  return html`
    <main class="pane-admin" id="main" tabindex="-1">
      ${!Page ? html`<div class="empty"><h1>Page not found</h1></div>`
        : !allowed ? html`<div class="empty"><h1>Administrators only</h1><p class="muted">Ask an administrator of your workspace.</p></div>`
        : html`<${Page} id=${id} />`}
    </main>`;
}

/** PageHead is the title row of an admin page. */
export function PageHead({ title, sub, children }) {
  return html`
    <header class="admin-head">
      <div><h1>${title}</h1>${sub && html`<p class="muted">${sub}</p>`}</div>
      <div class="admin-head-actions">${children}</div>
    </header>`;
}

/** FieldErrors lists a 422's per-field problems. */
export function FieldErrors({ error }) {
  if (!error) return null;
  return html`
    <div class="form-error" role="alert">
      ${error.message}
      ${error.fields?.length > 0 && html`<ul>${error.fields.map((f) => html`<li>${(f.location || '').replace(/^body\./, '')}: ${f.message}</li>`)}</ul>`}
    </div>`;
}
