// The console's state, as signals: who is logged in, the conversations the
// lists show, their messages, unread counts, contacts, and toasts. Server
// frames are applied here, so every view stays live.

import { signal, computed, batch } from '@preact/signals';
import { api, get, ApiError } from './api.js';
import * as socket from './socket.js';
import { alertNew } from './notify.js';

export const me = signal(null); // the /me answer, or null when logged out
export const ready = signal(false); // the first /me call is done
export const conversations = signal({}); // id → conversation
export const lastMessage = signal({}); // id → the newest message seen
export const unread = signal({}); // id → unread count
export const contacts = signal({}); // id → contact, or {id, missing: true}
export const agents = signal([]);
export const inboxes = signal([]);
export const messages = signal({}); // conversation id → messages by seq
export const hasEarlier = signal({}); // conversation id → older messages exist
export const typingAt = signal({}); // conversation id → {at, note}
export const contactRead = signal({}); // conversation id → contact's last_read_seq
export const listsLoading = signal(true);
export const resolvedLoaded = computed(() => { const p = listPages.value[pageKey('resolved')]; return !!p && !p.loading; });
export const toasts = signal([]);

// routing holds the workspace's queues and teams, for the transfer to a
// queue or team; loaded when first needed, and again after the Teams or
// Queues page changed them (forgetRouting).
export const routing = signal(null);
let routingAsked = false;
export function loadRouting() {
  if (routingAsked) return;
  routingAsked = true;
  Promise.all([api.queues(), api.teams()])
    .then(([queues, teams]) => { routing.value = { queues, teams }; })
    .catch(() => { routingAsked = false; });
}
export function forgetRouting() {
  routingAsked = false;
  routing.value = null;
}
export const viewing = signal(''); // the conversation shown

export const myID = computed(() => me.value?.agent?.id || '');
export const role = computed(() => me.value?.agent?.role || '');
export const scopes = computed(() => new Set(me.value?.scopes || []));
export const can = (scope) => scopes.value.has(scope);

// tkey makes an RFC 3339 UTC time from the API comparable as a string: the
// fraction padded to nanoseconds (the server trims trailing zeros).
const tkey = (iso) => {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(iso || '');
  return m ? m[1] + '.' + (m[2] || '').padEnd(9, '0') : iso || '';
};
const cmpStr = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
// The lists' orders, as the server sorts them (ties broken by ID).
const byActivity = (a, b) => cmpStr(tkey(b.updated_at), tkey(a.updated_at)) || cmpStr(b.id, a.id);
const byCreated = (a, b) => cmpStr(tkey(a.created_at), tkey(b.created_at)) || cmpStr(a.id, b.id);

/** clockTick moves every 30 s, so that lists notice snoozes that end by
 * themselves. */
export const clockTick = signal(Date.now());
setInterval(() => { clockTick.value = Date.now(); }, 30000);

/** snoozedNow reports whether a conversation is snoozed at the moment. */
export const snoozedNow = (c) => !!c.snoozed_until_reply || (!!c.snoozed_until && Date.parse(c.snoozed_until) > Date.now());
const live = (c) => (c.status === 'pending' || c.status === 'assigned');

// listSpecs says for each list of the navigation which conversations
// belong to it, in which order, and how to ask the server for its pages.
// Snoozed conversations leave the working lists for Snoozed until the
// snooze ends (the visitor writes, or its time comes).
const listSpecs = {
  queue: {
    member: (c) => c.status === 'pending' && !snoozedNow(c), order: byCreated,
    query: () => ({ status: 'pending', snoozed: 'false', sort: 'oldest' }),
  },
  mine: {
    member: (c) => c.status === 'assigned' && c.assignee_id === myID.value && !snoozedNow(c), order: byActivity,
    query: () => ({ status: 'assigned', assignee_id: myID.value, snoozed: 'false', sort: 'last_activity' }),
  },
  open: {
    member: (c) => live(c) && !snoozedNow(c), order: byActivity,
    query: () => ({ status: 'pending,assigned', snoozed: 'false', sort: 'last_activity' }),
  },
  snoozed: {
    member: (c) => live(c) && snoozedNow(c), order: byActivity,
    query: () => ({ status: 'pending,assigned', snoozed: 'true', sort: 'last_activity' }),
  },
  resolved: { member: (c) => c.status === 'resolved', order: byActivity, query: () => ({ status: 'resolved', sort: 'last_activity' }) },
};

/** PAGE is how many conversations a page of a list loads. */
export const PAGE = 100;

/** listPages says for each list what the server has sent: {cursor, done,
 * loading, edge} where edge is the last conversation of the last page as
 * it was then. A list shows the conversations up to its edge (and every
 * one once done): those further down are shown when their page loads, so
 * the list never has holes. */
export const listPages = signal({});

/** labelFilter and priorityFilter narrow the lists to a label and a
 * priority ('' for any). A filtered list shows the conversations the
 * server sent for it. */
export const labelFilter = signal('');
export const priorityFilter = signal('');
const filtered = () => !!(labelFilter.value || priorityFilter.value);
const pageKey = (list) => (filtered() ? `${list}#${labelFilter.value}#${priorityFilter.value}` : list);

function inRange(list, c) {
  const p = listPages.value[pageKey(list)];
  if (!p) return false;
  if (filtered()) return !!p.ids?.has(c.id);
  if (p.done || !p.edge) return p.done;
  return listSpecs[list].order(c, p.edge) <= 0;
}

/** lists are the four conversation lists of the navigation, computed live
 * from the conversations loaded so far. */
export const lists = computed(() => {
  clockTick.value; // eslint-disable-line no-unused-expressions -- recompute as snoozes end
  const all = Object.values(conversations.value);
  const out = {};
  for (const [name, spec] of Object.entries(listSpecs)) {
    out[name] = all.filter((c) => spec.member(c) && inRange(name, c)).sort(spec.order);
  }
  return out;
});

/** hasMore reports whether a list has pages not loaded yet. */
export const hasMore = (list) => { const p = listPages.value[pageKey(list)]; return !p || !p.done; };

/** listSettled reports whether a list (with the label filter in force)
 * has been asked for and is not loading. */
export const listSettled = (list) => { const p = listPages.value[pageKey(list)]; return !!p && !p.loading; };

/** ensureList loads a list's first page unless it was asked for. */
export function ensureList(list) {
  if (!listPages.value[pageKey(list)]) loadMore(list);
}

/** labelChanged keeps the lists filtered by a label in step when the
 * agent puts it on a conversation or takes it off. */
export function labelChanged(conversationID, labelID, on) {
  const pages = { ...listPages.value };
  for (const [key, p] of Object.entries(pages)) {
    if (!key.includes('#' + labelID + '#') || !p.ids) continue;
    const ids = new Set(p.ids);
    if (on) ids.add(conversationID); else ids.delete(conversationID);
    pages[key] = { ...p, ids };
  }
  listPages.value = pages;
}

/** loadMore loads a list's next page (the first if none is loaded). */
export async function loadMore(list) {
  const spec = listSpecs[list];
  const key = pageKey(list);
  const label = labelFilter.value;
  const priority = priorityFilter.value;
  const cur = listPages.value[key];
  if (!spec || cur?.done || cur?.loading) return;
  listPages.value = { ...listPages.value, [key]: { ...cur, loading: true } };
  let next = { ...cur, loading: false };
  try {
    const page = await get('/api/v1/conversations', {
      ...spec.query(), label_id: label || undefined, priority: priority || undefined, limit: PAGE, cursor: cur?.cursor || undefined,
    });
    const items = page.items || [];
    batch(() => { for (const c of items) upsert(c); });
    const last = items[items.length - 1];
    next = {
      cursor: page.next_cursor || '', done: !page.next_cursor, loading: false, edge: last ? { ...last } : cur?.edge,
      ids: label || priority ? new Set([...(cur?.ids || []), ...items.map((c) => c.id)]) : undefined,
    };
    const live = items.filter(followable);
    for (const c of live) watch(c);
    refreshUnread(live.map((c) => c.id));
  } catch (e) {
    fail(e, 'Could not load conversations');
  } finally {
    listPages.value = { ...listPages.value, [key]: next };
  }
}

export const unreadMine = computed(() =>
  lists.value.mine.reduce((n, c) => n + (unread.value[c.id] || 0), 0));

// Escalation: when a conversation's last tier's time passes, supervisors
// and admins are told (docs/routing.md, "Tiers and escalation").
const overdueSeen = new Set();
function onOverdue(c) {
  if (!c?.id || (role.value !== 'admin' && role.value !== 'supervisor')) return;
  const key = c.id + ' ' + c.escalation_overdue_at;
  if (overdueSeen.has(key)) return;
  overdueSeen.add(key);
  toast(`Overdue: ${contactName(c.contact_id)} has waited past the last tier.`, 'error');
}

let toastID = 0;
/** toast shows a short notice; kind is 'error', 'success' or 'info'. */
export function toast(text, kind = 'info') {
  const id = ++toastID;
  toasts.value = [...toasts.value, { id, text, kind }];
  setTimeout(() => dismissToast(id), kind === 'error' ? 8000 : 4000);
}
export function dismissToast(id) {
  toasts.value = toasts.value.filter((t) => t.id !== id);
}
/** fail shows an error as a toast. */
export function fail(err, what) {
  let msg = err instanceof ApiError || err?.message ? err.message : String(err);
  // A 422 says which input was wrong: show that rather than "The input is invalid."
  const fields = (err?.fields || []).map((f) => f.message).filter(Boolean);
  if (fields.length) msg = fields.join('; ');
  toast(what ? `${what}: ${msg}` : msg, 'error');
}

/** upsert stores a newer state of a conversation. */
export function upsert(c) {
  if (!c?.id) return;
  const cur = conversations.value[c.id];
  if (cur && cur.updated_at > c.updated_at) return;
  const next = { ...cur, ...c };
  // A whole conversation (as every API answer and frame carries it) leaves
  // out the fields that are unset: they are unset now.
  if (c.status) for (const k of ['snoozed_until', 'snoozed_until_reply', 'waiting_since']) if (!(k in c)) delete next[k];
  conversations.value = { ...conversations.value, [c.id]: next };
}

const followable = (c) => c.status === 'pending' || c.status === 'assigned';

/** boot loads the first page of the working lists and starts the live
 * connection. */
export async function boot() {
  listsLoading.value = true;
  socket.start();
  try {
    const [ags, ibs] = await Promise.all([
      api.agents().catch(() => []),
      api.inboxes().catch(() => []),
      loadMore('queue'), loadMore('mine'), loadMore('open'),
    ]);
    batch(() => {
      agents.value = ags;
      inboxes.value = ibs;
    });
  } finally {
    listsLoading.value = false;
  }
}

/** refreshAgents loads the agents again (their loads change all the
 * time); at most one request at a time. */
let agentsAsked = null;
export function refreshAgents() {
  agentsAsked ||= api.agents().then((a) => { agents.value = a; }, () => {}).finally(() => { agentsAsked = null; });
  return agentsAsked;
}

/** loadResolved loads the first page of resolved conversations, once. */
export function loadResolved() {
  if (!listPages.value[pageKey('resolved')]) loadMore('resolved');
}

// Offers: in a queue in offer mode, a conversation is offered to one agent
// at a time, who accepts or declines it before it expires. The feed (and a
// followed conversation) carries conversation.offered and what ended it.

/** offers holds the agent's open offers: conversation id → offer. */
export const offers = signal({});

function onOffer(o, event) {
  if (!o?.conversation_id || o.agent_id !== myID.value) return;
  const cur = offers.value[o.conversation_id];
  if (event === 'conversation.offered' && o.state === 'open') {
    if (cur?.id === o.id || endedOffers.has(o.id)) return;
    // The countdown runs on this browser's clock from now, whatever its
    // difference with the server's.
    const span = Date.parse(o.expires_at) - Date.parse(o.offered_at);
    offers.value = { ...offers.value, [o.conversation_id]: { ...o, deadline: Date.now() + (span > 0 ? span : 0) } };
    const c = conversations.value[o.conversation_id];
    alertNew('Conversation offered to you', `${c ? contactName(c.contact_id) : 'A visitor'} is waiting: accept or decline`, `/console/queue/${o.conversation_id}`);
    return;
  }
  endedOffers.add(o.id); // the feed and the conversation's frames may bring it twice, in either order
  if (cur && cur.id === o.id) dropOffer(o.conversation_id);
}

const endedOffers = new Set(); // ids of offers answered, ended or past their time

/** dropOffer forgets an offer: answered, ended, or past its time. */
export function dropOffer(conversationID) {
  const o = offers.value[conversationID];
  if (!o) return;
  endedOffers.add(o.id);
  const next = { ...offers.value };
  delete next[conversationID];
  offers.value = next;
}

/** loadOffers reads the agent's open offers (after login and every reconnect). */
export async function loadOffers() {
  try {
    const r = await api.myOffers();
    const next = {};
    for (const o of r.items || []) {
      if (endedOffers.has(o.id)) continue;
      const kept = offers.value[o.conversation_id];
      next[o.conversation_id] = kept?.id === o.id ? kept : { ...o, deadline: Date.parse(o.expires_at) };
      if (!conversations.value[o.conversation_id]) api.conversation(o.conversation_id).then((c) => { upsert(c); loadContact(c.contact_id); }, () => {});
    }
    offers.value = next;
  } catch { /* offers still arrive on the feed */ }
}

/** answerOffer accepts or declines an offer; it returns the conversation
 * after the answer, or null when the offer is gone. */
export async function answerOffer(conversationID, accept) {
  const type = accept ? 'accept_offer' : 'decline_offer';
  let c = null;
  try {
    const r = await socket.request({ type, conversation_id: conversationID })
      .catch((e) => {
        if (e?.code !== 'unavailable') throw e;
        return api[accept ? 'acceptOffer' : 'declineOffer'](conversationID).then((conv) => ({ conversation: conv }));
      });
    c = r.conversation || null;
    if (c) upsert(c);
  } catch (e) {
    const reason = e?.reason || '';
    const msg = reason === 'expired' ? 'The offer has expired.' : reason === 'no_offer' ? 'The offer is no longer open.' : null;
    if (msg) toast(msg, 'info'); else fail(e, accept ? 'Could not accept the conversation' : 'Could not decline the conversation');
  }
  dropOffer(conversationID);
  return c;
}

/** reset forgets everything (logout). */
export function reset() {
  socket.stop();
  contactLoads.clear();
  forgetRouting();
  batch(() => {
    me.value = null;
    conversations.value = {};
    lastMessage.value = {};
    unread.value = {};
    contacts.value = {};
    messages.value = {};
    hasEarlier.value = {};
    listPages.value = {};
    offers.value = {};
    labelFilter.value = '';
    priorityFilter.value = '';
    viewing.value = '';
  });
}

// watch follows a live conversation from its newest message, which becomes
// the list's preview.
function watch(c) {
  if (followable(c)) socket.follow(c.id, Math.max(0, c.last_seq - 1));
}

// Unread counts come from the server (GET …/unread). A new message frame
// raises the count by one at once and asks the server again: a count it
// computed before may or may not include that message (the answer does not
// say up to which seq it counted), one computed after it does. Requests for
// a conversation are coalesced, and only the newest answer is applied.
const unreadQueue = []; // conversation ids waiting for a count
const unreadQueued = new Set();
const unreadGen = {}; // conversation id → generation of the newest request or reset
let unreadWorkers = 0;

const readingNow = (id) => viewing.value === id && !document.hidden;

function refreshUnread(ids) {
  for (const id of ids) {
    if (!unreadQueued.has(id)) {
      unreadQueued.add(id);
      unreadQueue.push(id);
    }
  }
  while (unreadWorkers < 4 && unreadQueue.length) {
    unreadWorkers++;
    unreadWorker().finally(() => { unreadWorkers--; });
  }
}

async function unreadWorker() {
  while (unreadQueue.length) {
    const id = unreadQueue.shift();
    unreadQueued.delete(id);
    const gen = (unreadGen[id] = (unreadGen[id] || 0) + 1);
    try {
      const r = await api.unread(id);
      if (unreadGen[id] === gen && !readingNow(id)) unread.value = { ...unread.value, [id]: r.count };
    } catch { /* the list still works without it */ }
  }
}

const contactLoads = new Map(); // contact id → when it was last asked for
const contactRetries = new Map(); // contact id → the timer of a refresh asked for too soon
/** loadContact fetches a contact once; missing ones are remembered. With
 * refresh, it asks again (at most every 3 s): what a guest says about
 * itself can change while its conversation is listed. */
export function loadContact(id, refresh = false) {
  if (!id) return;
  const asked = contactLoads.get(id);
  if (asked !== undefined && !refresh) return;
  if (asked !== undefined && Date.now() - asked < 3000) {
    if (!contactRetries.has(id)) {
      contactRetries.set(id, setTimeout(() => { contactRetries.delete(id); loadContact(id, true); }, 3000 - (Date.now() - asked)));
    }
    return;
  }
  contactLoads.set(id, Date.now());
  api.contact(id).then(
    (c) => { contacts.value = { ...contacts.value, [id]: c }; },
    () => { if (!contacts.value[id]) contacts.value = { ...contacts.value, [id]: { id, missing: true } }; },
  );
}

// unnamed reports whether a contact is known without a name, which a guest
// may give later.
const unnamed = (id) => { const c = contacts.value[id]; return !!c && !c.missing && !c.name; };

/** contactName is how lists and headers name a contact. */
export function contactName(id) {
  const c = contacts.value[id];
  if (!c || c.missing) return 'Visitor ' + (id || '').slice(-6);
  return c.name || c.email || c.attributes?.unverified_email || c.external_id || c.phone || 'Visitor ' + id.slice(-6);
}

export function agentName(id) {
  if (!id) return '';
  if (id === myID.value) return 'you';
  return agents.value.find((a) => a.id === id)?.name || 'an agent';
}

export function inboxName(id) {
  const name = inboxes.value.find((i) => i.id === id)?.name;
  if (!name && id) loadInboxes();
  return name || '';
}

let inboxesLoading = null;
let inboxesLoadedAt = 0;
/** loadInboxes loads the inboxes again — one created since the console
 * loaded, say — at most every 10 s. */
function loadInboxes() {
  if (inboxesLoading || Date.now() - inboxesLoadedAt < 10000) return;
  inboxesLoading = api.inboxes().then((ibs) => { inboxes.value = ibs; }, () => {}).finally(() => {
    inboxesLoading = null;
    inboxesLoadedAt = Date.now();
  });
}

function mergeMessages(list, add) {
  const bySeq = new Map(list.map((m) => [m.seq, m]));
  for (const m of add) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** openConversation loads the newest page of messages and read state;
 * with targetSeq, earlier pages too until that message is loaded. */
export async function openConversation(id, targetSeq = 0) {
  viewing.value = id;
  let c = conversations.value[id];
  try {
    if (!c) {
      c = await api.conversation(id);
      upsert(c);
    }
    loadContact(c.contact_id, true);
    const page = await api.messages(id, { before_seq: c.last_seq + 1, limit: 50 });
    const items = page.items || [];
    messages.value = { ...messages.value, [id]: mergeMessages(messages.value[id] || [], items) };
    // The list's preview, whether or not the subscription replays it.
    const newest = items[items.length - 1];
    if (newest && !(lastMessage.value[id]?.seq >= newest.seq)) lastMessage.value = { ...lastMessage.value, [id]: newest };
    hasEarlier.value = { ...hasEarlier.value, [id]: items.length > 0 && items[0].seq > 1 && items.length === 50 };
    socket.follow(id, items.length ? items[items.length - 1].seq : c.last_seq);
    api.readStates(id).then((r) => {
      const st = (r.items || []).find((s) => s.participant.type === 'contact');
      if (st) contactRead.value = { ...contactRead.value, [id]: st.last_read_seq };
    }).catch(() => {});
    markRead(id);
    for (let i = 0; targetSeq && i < 100; i++) {
      const list = messages.value[id] || [];
      if (!list.length || list[0].seq <= targetSeq || !hasEarlier.value[id]) break;
      await loadEarlier(id);
    }
  } catch (e) {
    fail(e, 'Could not open the conversation');
  }
}

/** loadEarlier pages backwards through a conversation's history. */
export async function loadEarlier(id) {
  const list = messages.value[id] || [];
  if (!list.length) return;
  try {
    const page = await api.messages(id, { before_seq: list[0].seq, limit: 50 });
    const items = page.items || [];
    messages.value = { ...messages.value, [id]: mergeMessages(messages.value[id] || [], items) };
    hasEarlier.value = { ...hasEarlier.value, [id]: items.length === 50 && items[0].seq > 1 };
  } catch (e) {
    fail(e, 'Could not load earlier messages');
  }
}

const myRead = {};
/** markRead records that the agent has read what is shown. */
export function markRead(id) {
  if (document.hidden || viewing.value !== id) return;
  const list = messages.value[id] || [];
  const c = conversations.value[id];
  const seq = Math.max(list.length ? list[list.length - 1].seq : 0, c?.last_seq || 0);
  if (seq > 0 && (myRead[id] || 0) < seq) {
    myRead[id] = seq;
    socket.request({ type: 'read', conversation_id: id, seq })
      .catch(() => api.markRead(id, seq))
      .catch(() => { myRead[id] = 0; });
  }
  unreadGen[id] = (unreadGen[id] || 0) + 1; // answers asked before reading are stale
  if (unread.value[id]) unread.value = { ...unread.value, [id]: 0 };
}

/** addMessage applies a message the agent sent (before its frame arrives). */
export function addMessage(m) {
  const id = m.conversation_id;
  if (messages.value[id]) messages.value = { ...messages.value, [id]: mergeMessages(messages.value[id], [m]) };
  lastMessage.value = { ...lastMessage.value, [id]: m };
}

function onMessage(f) {
  const m = f.message;
  const id = f.conversation_id;
  const c = conversations.value[id];
  const fresh = c && m.seq > c.last_seq;
  const mine = m.sender?.type === 'agent' && m.sender.id === myID.value;
  batch(() => {
    if (messages.value[id]) messages.value = { ...messages.value, [id]: mergeMessages(messages.value[id], [m]) };
    const prev = lastMessage.value[id];
    if (!prev || prev.seq <= m.seq) lastMessage.value = { ...lastMessage.value, [id]: m };
    if (fresh) {
      conversations.value = { ...conversations.value, [id]: { ...c, last_seq: m.seq, updated_at: m.created_at > c.updated_at ? m.created_at : c.updated_at } };
    }
    if (m.sender?.type === 'contact') {
      const t = { ...typingAt.value };
      delete t[id];
      typingAt.value = t;
    }
  });
  if (c && m.sender?.type === 'contact' && unnamed(c.contact_id)) loadContact(c.contact_id, true);
  if (!fresh || mine || m.kind === 'event') return;
  if (readingNow(id)) {
    markRead(id);
    return;
  }
  unread.value = { ...unread.value, [id]: (unread.value[id] || 0) + 1 };
  refreshUnread([id]);
  if (c.status === 'assigned' && c.assignee_id === myID.value && m.sender?.type === 'contact') {
    alertNew(`New message from ${contactName(c.contact_id)}`, m.body || 'Sent a file', `/console/mine/${id}`);
  }
}

function onConversation(c, event) {
  const known = conversations.value[c.id];
  upsert(c);
  // Taken, moved or resolved another way: the offer is over.
  const o = offers.value[c.id];
  if (o && (c.status !== 'pending' || (c.queue_id && c.queue_id !== o.queue_id))) dropOffer(c.id);
  loadContact(c.contact_id, unnamed(c.contact_id));
  if (followable(c) && !socket.following(c.id)) {
    watch(c);
    refreshUnread([c.id]);
  }
  if (event === 'conversation.queued' && (!known || known.status !== 'pending')) {
    alertNew('New conversation waiting', `${contactName(c.contact_id)} is waiting in the queue`, `/console/queue/${c.id}`);
  }
}

socket.onFrame((f) => {
  switch (f.type) {
    case 'message':
      if (f.message) onMessage(f);
      break;
    case 'message.updated':
    case 'message.deleted':
      if (f.message) addMessage(f.message);
      break;
    case 'conversation':
      if (f.conversation) onConversation(f.conversation, f.event);
      if (f.offer) onOffer(f.offer, f.event);
      break;
    case 'event':
      if (f.event?.type === 'conversation.escalation_overdue') onOverdue(f.event.payload?.conversation);
      if (f.event?.payload?.conversation) onConversation(f.event.payload.conversation, f.event.type);
      if (f.event?.payload?.offer) onOffer(f.event.payload.offer, f.event.type);
      break;
    case 'subscribed':
      if (f.conversation) {
        // Messages the subscription replays up to last_seq are not counted
        // as new: ask the server for the count when it has moved on.
        const before = conversations.value[f.conversation.id]?.last_seq || 0;
        upsert(f.conversation);
        if (f.conversation.last_seq > before && !readingNow(f.conversation.id)) refreshUnread([f.conversation.id]);
      }
      break;
    case 'ready':
      loadOffers();
      break;
    case 'typing':
      if (f.by?.type === 'contact' || f.by?.id !== myID.value) {
        typingAt.value = { ...typingAt.value, [f.conversation_id]: { at: Date.now(), by: f.by } };
      }
      break;
    case 'read':
      if (f.participant?.type === 'contact') {
        contactRead.value = { ...contactRead.value, [f.conversation_id]: f.last_read_seq };
      }
      break;
  }
});

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && viewing.value) markRead(viewing.value);
});

/** loadMe asks who is logged in; null when nobody is. */
export async function loadMe() {
  try {
    const m = await get('/api/v1/me');
    if (m.kind !== 'agent') { me.value = null; return; }
    me.value = m;
  } catch {
    me.value = null;
  } finally {
    ready.value = true;
  }
}

/** canned holds the canned responses the agent sees (shared and own),
 * loaded once when the composer first needs them. */
export const canned = signal(null);
let cannedLoading = null;
export function loadCanned() {
  if (canned.value || cannedLoading) return;
  cannedLoading = api.canned().then((r) => { canned.value = r.items || []; }, () => { canned.value = []; })
    .finally(() => { cannedLoading = null; });
}

/** labels holds the workspace's labels. */
export const labels = signal(null);
let labelsLoading = null;
export function loadLabels(force = false) {
  if ((labels.value && !force) || labelsLoading) return;
  labelsLoading = api.labels().then((r) => { labels.value = r.items || []; }, () => { if (!labels.value) labels.value = []; })
    .finally(() => { labelsLoading = null; });
}
