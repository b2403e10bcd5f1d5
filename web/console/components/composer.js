// The reply box: a reply to the visitor or a private note, with files.

import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { addMessage, fail, markRead, canned, loadCanned } from '../store.js';
import * as socket from '../socket.js';
import { size } from '../format.js';
import { Paperclip, Send, Lock, X } from './icons.js';
import { take } from './conversation-view.js';

const newClientID = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());

export function Composer({ conv }) {
  const [mode, setMode] = useState('reply'); // or 'note'
  const [text, setText] = useState('');
  const [files, setFiles] = useState([]); // uploaded attachments {id, name, size}
  const [uploading, setUploading] = useState(0);
  const [sending, setSending] = useState(false);
  const area = useRef(null);
  const fileInput = useRef(null);
  const lastTyping = useRef(0);
  const clientID = useRef(newClientID());
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState('');

  useEffect(() => {
    const on = (e) => {
      if (e.detail === 'reply' || e.detail === 'note') {
        setMode(e.detail);
        area.current?.focus();
      }
    };
    window.addEventListener('parley:command', on);
    return () => window.removeEventListener('parley:command', on);
  }, []);

  if (conv.status === 'resolved') {
    return html`<div class="composer-closed muted">This conversation is resolved. Reopen it to reply.</div>`;
  }

  const note = mode === 'note';
  // "/" and a shortcut before the caret, at the start or after a space,
  // offers the canned responses that match.
  const slash = /(^|\s)\/([a-z0-9_-]*)$/.exec(text.slice(0, caret));
  const query = slash ? slash[2] : null;
  if (query !== null) loadCanned();
  const matches = query === null || dismissed === text ? [] : (canned.value || []).filter((c) =>
    c.shortcut.startsWith(query) || c.title.toLowerCase().includes(query)).slice(0, 8);
  const open = matches.length > 0;
  const pick = Math.min(active, matches.length - 1);

  async function insert(c) {
    const start = caret - query.length - 1;
    let body = c.body;
    try {
      body = (await api.renderCanned(c.id, conv.id)).text;
    } catch (e) {
      fail(e, 'Could not fill in the canned response');
    }
    const next = text.slice(0, start) + body + text.slice(caret);
    setText(next);
    const at = start + body.length;
    setCaret(at);
    setActive(0);
    requestAnimationFrame(() => {
      const el = area.current;
      if (el) { el.focus(); el.setSelectionRange(at, at); }
    });
  }

  const canSend = !sending && uploading === 0 && (text.trim() || (!note && files.length));

  async function send() {
    if (!canSend) return;
    setSending(true);
    const body = { client_id: clientID.current, body: text.trim() };
    if (note) body.kind = 'note';
    else if (files.length) { body.kind = 'attachment'; body.attachment_ids = files.map((f) => f.id); }
    try {
      const m = await api.send(conv.id, body);
      addMessage(m);
      setText('');
      setFiles([]);
      clientID.current = newClientID();
      markRead(conv.id);
      area.current?.focus();
    } catch (e) {
      fail(e, note ? 'The note was not saved' : 'The message was not sent');
    } finally {
      setSending(false);
    }
  }

  async function attach(list) {
    for (const file of list) {
      setUploading((n) => n + 1);
      try {
        const a = await api.upload(conv.id, file);
        setFiles((fs) => [...fs, a]);
      } catch (e) {
        fail(e, `Could not upload ${file.name}`);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  }

  function onInput(e) {
    setText(e.currentTarget.value);
    setCaret(e.currentTarget.selectionStart);
    setActive(0);
    const now = Date.now();
    if (now - lastTyping.current > 1500) {
      lastTyping.current = now;
      socket.typing(conv.id, note);
    }
  }

  function onKeyDown(e) {
    if (open && !e.isComposing) {
      const moves = { ArrowDown: 1, ArrowUp: -1 };
      if (moves[e.key]) {
        e.preventDefault();
        setActive((pick + moves[e.key] + matches.length) % matches.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        insert(matches[pick]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(text);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  }

  return html`
    <form class=${'composer' + (note ? ' composer-note' : '')} onSubmit=${(e) => { e.preventDefault(); send(); }}
      aria-label=${note ? 'Write a private note' : 'Reply to the visitor'}>
      ${conv.status === 'pending' && html`
        <div class="composer-hint">This conversation is waiting in the queue.${' '}<button type="button" class="link-button"
          onClick=${() => take(conv)}>Take it</button> to let colleagues know you are on it.</div>`}
      <div class="composer-tabs" role="group" aria-label="Message type">
        <button type="button" class=${'tab' + (!note ? ' active' : '')} aria-pressed=${!note} onClick=${() => { setMode('reply'); area.current?.focus(); }}
          aria-keyshortcuts="r">Reply</button>
        <button type="button" class=${'tab tab-note' + (note ? ' active' : '')} aria-pressed=${note} onClick=${() => { setMode('note'); area.current?.focus(); }}
          aria-keyshortcuts="n"><${Lock} size=${13} /> Private note</button>
      </div>
      <label class="sr-only" for="composer-text">${note ? 'Private note, only agents see it' : 'Reply'}</label>
      ${open && html`
        <ul class="canned-list" id="canned-list" role="listbox" aria-label="Canned responses">
          ${matches.map((c, i) => html`
            <li id=${'canned-' + c.id} role="option" aria-selected=${i === pick ? 'true' : 'false'} data-shortcut=${c.shortcut}
              class=${'canned-option' + (i === pick ? ' active' : '')}
              onMouseDown=${(e) => { e.preventDefault(); insert(c); }}>
              <span class="canned-shortcut">/${c.shortcut}</span> <span class="canned-title">${c.title}</span>
              <span class="canned-body muted">${c.body}</span>
            </li>`)}
        </ul>`}
      <textarea id="composer-text" ref=${area} rows="3" value=${text} onInput=${onInput} onKeyDown=${onKeyDown}
        onKeyUp=${(e) => setCaret(e.currentTarget.selectionStart)} onClick=${(e) => setCaret(e.currentTarget.selectionStart)}
        aria-autocomplete="list" aria-controls=${open ? 'canned-list' : undefined}
        aria-activedescendant=${open ? 'canned-' + matches[pick].id : undefined}
        aria-describedby="composer-canned-tip"
        placeholder=${note ? 'Write a note only your team can see…' : 'Write a reply… (Enter to send, Shift+Enter for a new line)'}></textarea>
      <span id="composer-canned-tip" class="sr-only">Type / and a shortcut to insert a canned response.</span>
      ${(files.length > 0 || uploading > 0) && html`
        <ul class="staged" aria-label="Files to send">
          ${files.map((f) => html`<li class="chip">${f.name} <span class="muted">${size(f.size)}</span>
            <button type="button" class="icon-button" aria-label=${'Remove ' + f.name}
              onClick=${() => setFiles(files.filter((x) => x.id !== f.id))}><${X} size=${14} /></button></li>`)}
          ${uploading > 0 && html`<li class="chip muted" role="status">Uploading…</li>`}
        </ul>`}
      <div class="composer-bar">
        <input type="file" ref=${fileInput} class="sr-only" tabindex="-1" aria-hidden="true" multiple
          onChange=${(e) => { attach([...e.currentTarget.files]); e.currentTarget.value = ''; }} />
        <button type="button" class="icon-button" aria-label="Attach a file" disabled=${note}
          title=${note ? 'Notes cannot carry files' : 'Attach a file'} onClick=${() => fileInput.current?.click()}><${Paperclip} /></button>
        <span class="muted small composer-tip">${note ? 'Only your team sees notes.' : ''}</span>
        <button type="submit" class=${'button ' + (note ? 'note' : 'primary')} disabled=${!canSend}>
          <${Send} size=${16} /> ${note ? 'Add note' : 'Send'}
        </button>
      </div>
    </form>`;
}
