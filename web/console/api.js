// REST client of the console: JSON over fetch with the session cookie, and
// the CSRF token on every request that changes something.

const CSRF_COOKIE = 'parley_csrf';
const CSRF_HEADER = 'X-CSRF-Token';

let csrf = readCookie(CSRF_COOKIE);

function readCookie(name) {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return '';
}

/** ApiError carries a problem document's status, code, reason and fields. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.code = problem?.code || '';
    this.reason = problem?.reason || '';
    this.fields = problem?.errors || [];
  }
}

/** request sends one call and returns the decoded JSON body (or null). */
export async function request(method, path, { body, query, headers = {}, raw } = {}) {
  let url = path;
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue;
      if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
      else q.set(k, String(v));
    }
    const s = q.toString();
    if (s) url += '?' + s;
  }
  const h = { Accept: 'application/json', ...headers };
  if (method !== 'GET' && method !== 'HEAD') {
    if (!csrf) csrf = readCookie(CSRF_COOKIE);
    if (csrf) h[CSRF_HEADER] = csrf;
  }
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let resp;
  try {
    resp = await fetch(url, { method, headers: h, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { detail: 'The server cannot be reached. Check your connection.' });
  }
  if (resp.status === 204) return null;
  const text = await resp.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!resp.ok) {
    const err = new ApiError(resp.status, data);
    if (resp.status === 401 && onUnauthorized && !path.endsWith('/auth/login')) onUnauthorized(err);
    throw err;
  }
  return data;
}

let onUnauthorized = null;

/** setUnauthorizedHandler names what to do when the session has ended. */
export function setUnauthorizedHandler(fn) { onUnauthorized = fn; }

export const get = (path, query) => request('GET', path, { query });
export const post = (path, body, query) => request('POST', path, { body, query });
export const patch = (path, body) => request('PATCH', path, { body });
export const put = (path, body) => request('PUT', path, { body });
export const del = (path) => request('DELETE', path);

/** listAll follows next_cursor until the list ends or max items are read. */
export async function listAll(path, query = {}, max = 1000) {
  const items = [];
  let cursor = '';
  do {
    const page = await get(path, { ...query, limit: 200, cursor });
    items.push(...(page.items || []));
    cursor = page.next_cursor || '';
  } while (cursor && items.length < max);
  return items;
}

export async function login(email, password, workspace) {
  const r = await post('/api/v1/auth/login', { email, password, workspace: workspace || undefined });
  csrf = r.csrf_token;
  return r;
}

export async function logout() {
  try { await post('/api/v1/auth/logout'); } finally { csrf = ''; }
}

export const me = () => get('/api/v1/me');

const conv = (id) => `/api/v1/conversations/${encodeURIComponent(id)}`;

export const api = {
  conversations: (query) => listAll('/api/v1/conversations', query),
  conversation: (id) => get(conv(id)),
  messages: (id, query) => get(conv(id) + '/messages', query),
  context: (id, query) => get(conv(id) + '/context', query),
  panels: (id) => get(conv(id) + '/panels').then((r) => r.items),
  panelToken: (appId, convId) => post(`/api/v1/apps/${encodeURIComponent(appId)}/panel-token`, { conversation_id: convId }),
  send: (id, body) => post(conv(id) + '/messages', body),
  assign: (id, agentId) => post(conv(id) + '/assign', agentId ? { agent_id: agentId } : undefined),
  transfer: (id, from, to) => post(conv(id) + '/transfer', { from_agent_id: from || undefined, to_agent_id: to }),
  unassign: (id, from) => post(conv(id) + '/unassign', from ? { from_agent_id: from } : undefined),
  resolve: (id) => post(conv(id) + '/resolve'),
  reopen: (id) => post(conv(id) + '/reopen'),
  markRead: (id, seq) => post(conv(id) + '/read', { seq }),
  unread: (id) => get(conv(id) + '/unread'),
  myOffers: () => get('/api/v1/me/offers'),
  acceptOffer: (id) => post(conv(id) + '/offer/accept'),
  declineOffer: (id) => post(conv(id) + '/offer/decline'),
  readStates: (id) => get(conv(id) + '/read-states'),
  upload: (id, file) => request('POST', conv(id) + '/attachments', {
    query: { filename: file.name }, headers: { 'Content-Type': file.type || 'application/octet-stream' }, raw: file,
  }),
  attachmentURL: (id) => `/api/v1/attachments/${encodeURIComponent(id)}`,
  contact: (id) => get(`/api/v1/contacts/${encodeURIComponent(id)}`),
  agents: () => listAll('/api/v1/agents'),
  createAgent: (body) => post('/api/v1/agents', body),
  updateAgent: (id, body) => patch(`/api/v1/agents/${encodeURIComponent(id)}`, body),
  inboxes: () => listAll('/api/v1/inboxes'),
  createInbox: (body) => post('/api/v1/inboxes', body),
  updateInbox: (id, body) => patch(`/api/v1/inboxes/${encodeURIComponent(id)}`, body),
  tokens: () => listAll('/api/v1/tokens'),
  createToken: (body) => post('/api/v1/tokens', body),
  revokeToken: (id) => del(`/api/v1/tokens/${encodeURIComponent(id)}`),
  contextEndpoints: () => get('/api/v1/context-endpoints').then((r) => r.items),
  createContextEndpoint: (body) => post('/api/v1/context-endpoints', body),
  rotateContextSecret: (id) => post(`/api/v1/context-endpoints/${encodeURIComponent(id)}/secret`),
  deleteContextEndpoint: (id) => del(`/api/v1/context-endpoints/${encodeURIComponent(id)}`),
  webhooks: () => listAll('/api/v1/webhooks'),
  webhookEventTypes: () => get('/api/v1/webhooks/event-types').then((r) => r.items),
  createWebhook: (body) => post('/api/v1/webhooks', body),
  updateWebhook: (id, body) => patch(`/api/v1/webhooks/${encodeURIComponent(id)}`, body),
  deleteWebhook: (id) => del(`/api/v1/webhooks/${encodeURIComponent(id)}`),
  rotateWebhookSecret: (id) => post(`/api/v1/webhooks/${encodeURIComponent(id)}/rotate-secret`),
  pingWebhook: (id) => post(`/api/v1/webhooks/${encodeURIComponent(id)}/ping`),
  webhookDeliveries: (id) => get(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries`, { limit: 25 }).then((r) => r.items),
  webhookDelivery: (id, d) => get(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(d)}`),
  redeliverWebhook: (id, d) => post(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(d)}/redeliver`),
  teams: () => get('/api/v1/teams').then((r) => r.items),
  createTeam: (body) => post('/api/v1/teams', body),
  updateTeam: (id, body) => patch(`/api/v1/teams/${encodeURIComponent(id)}`, body),
  deleteTeam: (id) => del(`/api/v1/teams/${encodeURIComponent(id)}`),
  queues: () => get('/api/v1/queues').then((r) => r.items),
  createQueue: (body) => post('/api/v1/queues', body),
  updateQueue: (id, body) => patch(`/api/v1/queues/${encodeURIComponent(id)}`, body),
  deleteQueue: (id) => del(`/api/v1/queues/${encodeURIComponent(id)}`),
  setBusinessHours: (id, body) => put(`/api/v1/queues/${encodeURIComponent(id)}/business-hours`, body),
  deleteBusinessHours: (id) => del(`/api/v1/queues/${encodeURIComponent(id)}/business-hours`),
  routingRules: () => get('/api/v1/routing-rules').then((r) => r.rules),
  setRoutingRules: (rules) => put('/api/v1/routing-rules', { rules }),
  moveToQueue: (id, body) => post(conv(id) + '/queue', body),
  escalate: (id, reason) => post(conv(id) + '/escalate', { reason }),
  apps: () => listAll('/api/v1/apps'),
  app: (id) => get(`/api/v1/apps/${encodeURIComponent(id)}`),
  installApp: (manifest) => post('/api/v1/apps', manifest),
  disableApp: (id) => post(`/api/v1/apps/${encodeURIComponent(id)}/disable`),
  enableApp: (id) => post(`/api/v1/apps/${encodeURIComponent(id)}/enable`),
  uninstallApp: (id) => del(`/api/v1/apps/${encodeURIComponent(id)}`),
  audit: (cursor) => get('/api/v1/audit-log', { limit: 50, cursor }),
  presence: (status) => put('/api/v1/me/presence', { status }),
  snooze: (id, until) => post(conv(id) + '/snooze', until ? { until } : undefined),
  unsnooze: (id) => post(conv(id) + '/unsnooze'),
  setPriority: (id, priority) => post(conv(id) + '/priority', { priority: String(priority) }),
  canned: () => get('/api/v1/canned-responses'),
  renderCanned: (id, conversationID) => post(`/api/v1/canned-responses/${encodeURIComponent(id)}/render`, { conversation_id: conversationID }),
  labels: () => get('/api/v1/labels'),
  conversationLabels: (id) => get(conv(id) + '/labels'),
  addLabel: (id, labelID) => put(conv(id) + '/labels/' + encodeURIComponent(labelID)),
  removeLabel: (id, labelID) => del(conv(id) + '/labels/' + encodeURIComponent(labelID)),
  search: (q, cursor) => get('/api/v1/search', { q, type: 'messages', limit: 25, cursor }),
};
