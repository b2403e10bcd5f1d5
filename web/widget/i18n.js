// The widget's texts. The language is the inbox's widget locale if set,
// else the first of the browser's languages that the widget speaks.

const texts = {
  en: {
    open: 'Open chat', close: 'Close chat', unread: (n) => n + (n === 1 ? ' unread message' : ' unread messages'),
    online: 'We usually reply in a few minutes', offline: 'We are away right now.',
    placeholder: 'Write a message…', send: 'Send', attach: 'Attach a file', typing: 'Support is typing…',
    seen: 'Seen', sending: 'Sending…', failed: 'Not sent yet', connecting: 'Connecting…', reconnecting: 'Connection lost. Reconnecting…',
    conversations: 'Your conversations', newConversation: 'New conversation', back: 'Back to your conversations',
    noConversations: 'No conversations yet.', you: 'You', agent: 'Support', resolved: 'Resolved', start: 'Start the conversation',
    prechatIntro: 'Tell us who you are, so that we can get back to you.', name: 'Name', email: 'Email', fileTooLarge: 'This file is too large.', fileType: 'This type of file is not accepted.',
    error: 'Something went wrong. Please try again.', download: 'Download',
    rateAsk: 'How was this conversation?', rateScore: (n) => n + ' of 5', rateComment: 'Anything to add? (optional)', rateSend: 'Send rating', rateSkip: 'Skip', rateThanks: 'Thank you for your rating!',
    queuePosition: (n) => 'You are number ' + n + ' in line', queueWait: (s) => 'Expected wait: ' + (s < 60 ? 'under a minute' : 'about ' + Math.round(s / 60) + ' min'),
    withAgent: (name) => 'You are chatting with ' + name, leave: 'Leave a message and we will get back to you.', leavePlaceholder: 'Your message…',
    closed: 'We are closed right now.', backAt: (when) => 'We are back on ' + when + '.',
  },
  de: {
    open: 'Chat öffnen', close: 'Chat schließen', unread: (n) => n + (n === 1 ? ' ungelesene Nachricht' : ' ungelesene Nachrichten'),
    online: 'Wir antworten meist in wenigen Minuten', offline: 'Wir sind gerade nicht da.',
    placeholder: 'Nachricht schreiben…', send: 'Senden', attach: 'Datei anhängen', typing: 'Der Support schreibt…',
    seen: 'Gelesen', sending: 'Wird gesendet…', failed: 'Noch nicht gesendet', connecting: 'Verbinde…', reconnecting: 'Verbindung unterbrochen. Verbinde neu…',
    conversations: 'Ihre Unterhaltungen', newConversation: 'Neue Unterhaltung', back: 'Zurück zu Ihren Unterhaltungen',
    noConversations: 'Noch keine Unterhaltungen.', you: 'Sie', agent: 'Support', resolved: 'Erledigt', start: 'Unterhaltung beginnen',
    prechatIntro: 'Sagen Sie uns, wer Sie sind, damit wir antworten können.', name: 'Name', email: 'E-Mail', fileTooLarge: 'Die Datei ist zu groß.', fileType: 'Dieser Dateityp wird nicht angenommen.',
    error: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.', download: 'Herunterladen',
    rateAsk: 'Wie war diese Unterhaltung?', rateScore: (n) => n + ' von 5', rateComment: 'Möchten Sie etwas ergänzen? (optional)', rateSend: 'Bewertung senden', rateSkip: 'Überspringen', rateThanks: 'Danke für Ihre Bewertung!',
    queuePosition: (n) => 'Sie sind Nummer ' + n + ' in der Warteschlange', queueWait: (s) => 'Voraussichtliche Wartezeit: ' + (s < 60 ? 'unter einer Minute' : 'etwa ' + Math.round(s / 60) + ' Min.'),
    withAgent: (name) => 'Sie chatten mit ' + name, leave: 'Hinterlassen Sie eine Nachricht, wir melden uns.', leavePlaceholder: 'Ihre Nachricht…',
    closed: 'Wir haben gerade geschlossen.', backAt: (when) => 'Wir sind ab ' + when + ' wieder da.',
  },
  fr: {
    open: 'Ouvrir le chat', close: 'Fermer le chat', unread: (n) => n + (n === 1 ? ' message non lu' : ' messages non lus'),
    online: 'Nous répondons en général en quelques minutes', offline: 'Nous sommes absents pour le moment.',
    placeholder: 'Écrire un message…', send: 'Envoyer', attach: 'Joindre un fichier', typing: 'Le support écrit…',
    seen: 'Lu', sending: 'Envoi…', failed: 'Pas encore envoyé', connecting: 'Connexion…', reconnecting: 'Connexion perdue. Reconnexion…',
    conversations: 'Vos conversations', newConversation: 'Nouvelle conversation', back: 'Retour à vos conversations',
    noConversations: 'Aucune conversation.', you: 'Vous', agent: 'Support', resolved: 'Résolue', start: 'Commencer la conversation',
    prechatIntro: 'Dites-nous qui vous êtes pour que nous puissions vous répondre.', name: 'Nom', email: 'E-mail', fileTooLarge: 'Ce fichier est trop volumineux.', fileType: "Ce type de fichier n'est pas accepté.",
    error: 'Une erreur est survenue. Veuillez réessayer.', download: 'Télécharger',
    rateAsk: 'Comment s’est passée cette conversation ?', rateScore: (n) => n + ' sur 5', rateComment: 'Un commentaire ? (facultatif)', rateSend: 'Envoyer la note', rateSkip: 'Passer', rateThanks: 'Merci pour votre note !',
    queuePosition: (n) => 'Vous êtes numéro ' + n + ' dans la file', queueWait: (s) => 'Attente estimée : ' + (s < 60 ? 'moins d’une minute' : 'environ ' + Math.round(s / 60) + ' min'),
    withAgent: (name) => 'Vous discutez avec ' + name, leave: 'Laissez un message, nous vous répondrons.', leavePlaceholder: 'Votre message…',
    closed: 'Nous sommes fermés pour le moment.', backAt: (when) => 'Nous serons de retour ' + when + '.',
  },
}

// pickLocale returns the supported language for an inbox locale ("" to
// follow the browser) and the browser's languages.
export function pickLocale(inboxLocale, browser = navigator.languages || [navigator.language]) {
  for (const tag of [inboxLocale, ...browser]) {
    const lang = (tag || '').toLowerCase().split('-')[0]
    if (texts[lang]) return lang
  }
  return 'en'
}

export const strings = (lang) => texts[lang] || texts.en
