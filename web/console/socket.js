// The console's real-time connection: cookie authentication in the first
// frame, the workspace feed, per-conversation subscriptions resumed by seq
// after every reconnect, with exponential backoff and a visible state.

import { signal } from '@preact/signals';

/** connection is 'connecting', 'online' or 'offline' (retrying). */
export const connection = signal('connecting');

const handlers = new Set();
const subscriptions = new Map(); // conversation id → highest seq seen
let ws = null;
let backoff = 1000;
let retryTimer = 0;
let nextID = 1;
let stopped = true;
const pending = new Map(); // request id → {resolve, reject}

/** onFrame registers fn for every server frame; it returns an unsubscribe function. */
export function onFrame(fn) {
  handlers.add(fn);
  return () => handlers.delete(fn);
}

/** start opens the connection (once). */
export function start() {
  if (!stopped) return;
  stopped = false;
  open();
}

/** stop closes the connection and forgets every subscription (logout). */
export function stop() {
  stopped = true;
  clearTimeout(retryTimer);
  subscriptions.clear();
  if (ws) ws.close(1000);
  ws = null;
}

function open() {
  connection.value = 'connecting';
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const sock = new WebSocket(`${proto}//${location.host}/api/v1/realtime`);
  ws = sock;
  sock.onopen = () => sock.send(JSON.stringify({ type: 'auth' }));
  sock.onmessage = (ev) => {
    let f;
    try { f = JSON.parse(ev.data); } catch { return; }
    if (f.type === 'ready') {
      connection.value = 'online';
      backoff = 1000;
      request({ type: 'subscribe_feed' }).catch(() => {});
      for (const [id, seq] of subscriptions) {
        request({ type: 'subscribe', conversation_id: id, after_seq: seq }).catch(() => {});
      }
    }
    if (f.type === 'message' && f.message) {
      const cur = subscriptions.get(f.conversation_id);
      if (cur !== undefined && f.message.seq > cur) subscriptions.set(f.conversation_id, f.message.seq);
    }
    if (f.type === 'subscribed') {
      const cur = subscriptions.get(f.conversation_id);
      if (cur !== undefined) subscriptions.set(f.conversation_id, Math.max(cur, f.last_seq));
    }
    if (f.id && pending.has(f.id)) {
      const p = pending.get(f.id);
      pending.delete(f.id);
      if (f.type === 'error') p.reject(f); else p.resolve(f);
    }
    for (const fn of handlers) {
      try { fn(f); } catch (e) { console.error(e); }
    }
  };
  sock.onclose = (ev) => {
    if (ws !== sock) return;
    ws = null;
    for (const p of pending.values()) p.reject({ code: 'unavailable', message: 'disconnected' });
    pending.clear();
    if (stopped) return;
    connection.value = 'offline';
    if (ev.code === 1008 && ev.reason === 'no session cookie') return; // logged out
    const wait = Math.min(backoff, 30000) * (0.8 + Math.random() * 0.4);
    backoff = Math.min(backoff * 2, 30000);
    retryTimer = setTimeout(open, wait);
  };
}

/** reconnectNow skips the backoff wait (the "retry" button). */
export function reconnectNow() {
  if (stopped || ws) return;
  clearTimeout(retryTimer);
  backoff = 1000;
  open();
}

/** request sends a frame with a fresh id and resolves with its answer. */
export function request(frame) {
  return new Promise((resolve, reject) => {
    if (!ws || ws.readyState !== WebSocket.OPEN || connection.value !== 'online') {
      reject({ code: 'unavailable', message: 'not connected' });
      return;
    }
    const id = 'c' + nextID++;
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify({ ...frame, id }));
  });
}

/** follow subscribes to a conversation from afterSeq (kept across reconnects). */
export function follow(conversationID, afterSeq) {
  const cur = subscriptions.get(conversationID);
  if (cur !== undefined && cur >= afterSeq) return;
  subscriptions.set(conversationID, afterSeq);
  if (connection.value === 'online') {
    request({ type: 'subscribe', conversation_id: conversationID, after_seq: afterSeq }).catch(() => {});
  }
}

/** following reports whether a conversation is subscribed. */
export const following = (id) => subscriptions.has(id);

/** typing tells the others the agent is typing (best effort). */
export function typing(conversationID, note) {
  request({ type: 'typing', conversation_id: conversationID, note: !!note }).catch(() => {});
}
