// Keyboard shortcuts for the common actions, and their help dialog.

import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.js';
import { lists, me } from '../store.js';
import { route, navigate, listPath } from '../router.js';
import { answerCurrent } from './offer-prompt.js';

export const helpOpen = signal(false);

/** shortcuts lists every key with what it does; the help dialog shows it. */
export const shortcuts = [
  ['j', 'Next conversation'],
  ['k', 'Previous conversation'],
  ['r', 'Reply'],
  ['n', 'Write a private note'],
  ['t', 'Take the conversation'],
  ['e', 'Resolve the conversation'],
  ['l', 'Add a label'],
  ['a', 'Accept the conversation offered to you'],
  ['d', 'Decline the conversation offered to you'],
  ['/', 'Insert a canned response (in the reply box)'],
  ['1 – 4', 'Queue, Mine, All open, Resolved'],
  ['5', 'Snoozed'],
  ['Enter', 'Send (Shift+Enter for a new line)'],
  ['Esc', 'Leave the reply box'],
  ['?', 'Show these shortcuts'],
];

/** command asks the open conversation to do something ('reply', 'note', 'take', 'resolve'). */
export const command = (name) => window.dispatchEvent(new CustomEvent('parley:command', { detail: name }));

function typingInField(el) {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

function step(delta) {
  const r = route.value;
  if (r.section !== 'inbox') return;
  const items = lists.value[r.list] || [];
  if (!items.length) return;
  let i = items.findIndex((c) => c.id === r.conversation);
  i = i < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, i + delta));
  navigate(listPath(r.list, items[i].id));
}

/** useShortcuts installs the global key handler while the console is shown. */
export function useShortcuts() {
  useEffect(() => {
    const onKey = (e) => {
      if (!me.value || e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'Escape' && typingInField(document.activeElement)) {
        document.activeElement.blur();
        return;
      }
      if (typingInField(e.target) || helpOpen.value) return;
      const lists4 = { 1: 'queue', 2: 'mine', 3: 'open', 4: 'resolved', 5: 'snoozed' };
      switch (e.key) {
        case 'j': step(1); break;
        case 'k': step(-1); break;
        case 'r': command('reply'); break;
        case 'n': command('note'); break;
        case 'l': {
          const pick = document.getElementById('add-label');
          if (pick) { e.preventDefault(); pick.focus(); }
          break;
        }
        case 't': command('take'); break;
        case 'a': if (!answerCurrent(true)) return; break;
        case 'd': if (!answerCurrent(false)) return; break;
        case 'e': command('resolve'); break;
        case '?': helpOpen.value = true; break;
        default:
          if (lists4[e.key]) { navigate(listPath(lists4[e.key])); break; }
          return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

export function ShortcutHelp() {
  const ref = useRef(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (helpOpen.value && !d.open) d.showModal();
    if (!helpOpen.value && d.open) d.close();
  }, [helpOpen.value]);
  return html`
    <dialog ref=${ref} class="dialog" aria-labelledby="shortcuts-title" onClose=${() => { helpOpen.value = false; }}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <tbody>
          ${shortcuts.map(([k, what]) => html`<tr><td><kbd>${k}</kbd></td><td>${what}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog" class="dialog-actions"><button class="button">Close</button></form>
    </dialog>`;
}
