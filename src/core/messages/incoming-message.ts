// A chat message normalized from any platform: every chat adapter parses raw payloads into this, in one place.

export type Platform = 'WECHAT' | 'TELEGRAM';

export interface IncomingMessage {
  platform: Platform;
  /** Platform message id; (platform, externalId) identifies a message across redeliveries. */
  externalId: string;
  /** Platform id of the group (room/chat). */
  groupExternalId: string;
  sender: { externalId: string; name: string };
  text: string;
  /** Platform id of the message this one quotes or replies to, if any (Telegram gives ids). */
  quotedExternalId?: string;
  /**
   * What a quote shows when the platform gives no id (WeChat quotes arrive as text: 「name：quoted」 then the reply).
   * `fromBot` is true when the quoted sender is the bot itself.
   */
  quoted?: { text: string; fromBot: boolean };
  /** text for ordinary messages; other kinds (a photo, a file) carry a short description in `text`. */
  kind?: MessageKind;
  /** True when the message mentions the bot (@邻里助手). */
  mentionsBot?: boolean;
  sentAt: Date;
}

const NUL = /\u0000/g;

/**
 * The message without NUL characters, which no store keeps and which never carry meaning in chat text: cleaned once
 * where a message comes in, so what is stored, queued and handled is the same. Returns the same object when clean.
 */
export function withoutNul(msg: IncomingMessage): IncomingMessage {
  // checked field by field, without building anything: every message passes here, and almost none holds a NUL
  const nul = '\u0000';
  if (
    !msg.text.includes(nul) && !msg.externalId.includes(nul) && !msg.groupExternalId.includes(nul) && !msg.sender.externalId.includes(nul) &&
    !msg.sender.name.includes(nul) && !(msg.quotedExternalId?.includes(nul) ?? false) && !(msg.quoted?.text.includes(nul) ?? false)
  ) {
    return msg;
  }
  const clean = (s: string) => s.replace(NUL, '');
  const out: IncomingMessage = {
    ...msg,
    externalId: clean(msg.externalId),
    groupExternalId: clean(msg.groupExternalId),
    sender: { externalId: clean(msg.sender.externalId), name: clean(msg.sender.name) },
    text: clean(msg.text),
  };
  if (msg.quotedExternalId !== undefined) out.quotedExternalId = clean(msg.quotedExternalId);
  if (msg.quoted) out.quoted = { ...msg.quoted, text: clean(msg.quoted.text) };
  return out;
}

export type MessageKind = 'text' | 'image' | 'file' | 'video' | 'audio' | 'other';

export interface OutgoingRef {
  /** Platform id of a message the bot sent, so that a later quote of it can be recognised. */
  externalId: string;
}
