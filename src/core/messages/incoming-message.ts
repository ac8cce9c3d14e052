// A chat message normalized from any platform: every chat adapter parses raw payloads into this, in one place.

import { hasControlChars, stripControlChars } from '../util/control-chars.ts';

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

/**
 * The message without control characters (NUL, which no store keeps; terminal escapes; bidi overrides: see
 * util/control-chars), which never carry meaning in chat text and can harm whoever displays it later (a summary in a
 * direct message, `linli tickets list` in an operator's terminal): cleaned once where a message comes in, so what is
 * stored, queued and handled is the same. Returns the same object when clean.
 */
export function withoutControlChars(msg: IncomingMessage): IncomingMessage {
  // checked field by field, without building anything: every message passes here, and almost none holds one
  if (
    !hasControlChars(msg.text) && !hasControlChars(msg.externalId) && !hasControlChars(msg.groupExternalId) && !hasControlChars(msg.sender.externalId) &&
    !hasControlChars(msg.sender.name) && !(msg.quotedExternalId !== undefined && hasControlChars(msg.quotedExternalId)) &&
    !(msg.quoted !== undefined && hasControlChars(msg.quoted.text))
  ) {
    return msg;
  }
  const clean = stripControlChars;
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

/**
 * An edited version of a message (Telegram lets people edit what they sent; the message keeps its id): its own id is
 * the first version's and "~" and a mark of the version (Telegram: the edit time), and it quotes the first version.
 */
export const editedVersionId = (firstId: string, version: string | number) => `${firstId}~${version}`;

/** True when the message is an edited version of the message it quotes (see editedVersionId). */
export const isEditedVersion = (msg: Pick<IncomingMessage, 'externalId' | 'quotedExternalId'>): boolean =>
  msg.quotedExternalId !== undefined && msg.externalId.startsWith(`${msg.quotedExternalId}~`);

/** True when `externalId` is the message `firstId` itself or an edited version of it. */
export const isVersionOf = (externalId: string, firstId: string): boolean => externalId === firstId || externalId.startsWith(`${firstId}~`);

export type MessageKind = 'text' | 'image' | 'file' | 'video' | 'audio' | 'other';

/** The short label a message of another kind carries as its text when it has no words of its own ("[图片]"). */
export const KIND_LABEL_ZH: Record<MessageKind, string> = { text: '', image: '[图片]', file: '[文件]', video: '[视频]', audio: '[语音]', other: '[其他消息]' };

/** A photo, file … that came with words of its own (a Telegram caption: "楼下垃圾堆了三天"), not only its label. */
export const hasCaption = (msg: Pick<IncomingMessage, 'kind' | 'text'>): boolean =>
  msg.kind !== undefined && msg.kind !== 'text' && msg.text.trim() !== '' && msg.text.trim() !== KIND_LABEL_ZH[msg.kind];

export interface OutgoingRef {
  /** Platform id of a message the bot sent, so that a later quote of it can be recognised. */
  externalId: string;
}
