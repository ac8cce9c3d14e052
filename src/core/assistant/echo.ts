// Echoes: a message that repeats the bot's own words is no new appeal. Residents paste a copied chat record
// ("邻里助手：新工单 #143 …") or forward a receipt, a notice or a staff alert into a group; read as an appeal, the
// resident's danger quoted in it would open a second ticket and alert staff again. Two ways to tell one:
// - it starts with the bot's display name and a colon, as WeChat copies a chat record, before text with the marks
//   below (no look-up needed);
// - it holds the text of a message the bot actually sent (stored outgoing messages, any group or a direct message).
// The second costs a query, so it runs only on text that carries a mark the bot writes into what it sends (a number
// after #, 【…】, 「…」, （…）：): ordinary messages pay nothing.
import type { Platform } from '../messages/incoming-message.ts';
import type { Store } from '../ports/store.port.ts';

/** What an echo is about: the ticket the repeated bot message spoke of, when known. */
export interface Echo {
  ticketId: number | null;
  /**
   * The sender's own words around the copy ("<pasted receipt> 还是没人来，煤气味更重了"), whitespace removed; '' when
   * there are none to speak of. Known only when the copy was matched against what the bot sent.
   */
  own: string;
}

/** Fewer letters and digits than this around a copy are no words of the sender's own ("👍", "看看"). */
const OWN_MIN_CHARS = 4;
const ownWords = (squeezedBody: string, squeezedSent: string) => {
  const at = squeezedBody.indexOf(squeezedSent);
  const rest = at < 0 ? '' : `${squeezedBody.slice(0, at)}${squeezedBody.slice(at + squeezedSent.length)}`;
  const said = rest.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
  return (said.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= OWN_MIN_CHARS ? said : '';
};

/**
 * Marks of the bot's own texts: 工单 #143, 求助#3, 【紧急】, 「东园小区21号楼睦邻群」, and a name in brackets before a colon
 * (a patrol alert's "疑似飞线充电（东园20号楼睦邻群）："). Residents seldom write them; a text without one is never looked up.
 */
const BOT_MARKS = /#\s?\d|【|「|[）)]\s*[：:]/u;
/** Shorter texts are not matched against what the bot sent (a bare "接单 #3" is a command, not a copy). */
export const ECHO_MIN_CHARS = 12;
/** How far back the bot's messages are looked at: a ticket's life, with room to spare. */
export const ECHO_LOOKBACK_DAYS = 30;
/** "工单 #143", "工单#143": the ticket a copied bot text names. */
const TICKET_NO = /工单\s*#\s*(\d+)/u;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** Whitespace never matters when comparing copies (WeChat and phones add or drop spaces and line breaks). */
export const squeeze = (s: string) => s.replace(/\s+/gu, '');

export class EchoCheck {
  private readonly prefix: RegExp;

  constructor(private readonly store: Pick<Store, 'messages' | 'tickets'>, botName: string) {
    // "邻里助手：…", "邻里助手: …", "邻里助手 12-06 21:03：…" (a chat record's time); not "@邻里助手：…" (addressed to it)
    this.prefix = new RegExp(`^${escapeRe(botName)}(?:\\s*[\\d:/\\-. ]{0,20})?\\s*[：:]\\s*`, 'u');
  }

  /**
   * The echo a message is, or null for a message of the sender's own. `command`: the text reads as a chat command
   * ("办结 #12 已修好…"): the bot's texts never begin with one, so only the bot-name prefix can make it a copy, and a
   * worker's commands cost no look-up.
   */
  async of(platform: Platform, text: string, command = false): Promise<Echo | null> {
    const trimmed = text.trim();
    const prefixed = this.prefix.exec(trimmed);
    const body = prefixed ? trimmed.slice(prefixed[0].length) : trimmed;
    if (!BOT_MARKS.test(body)) return null;
    if (command && !prefixed) return null;
    const sent = squeeze(body).length >= ECHO_MIN_CHARS ? await this.store.messages.outgoingWithin(platform, squeeze(body), ECHO_LOOKBACK_DAYS) : null;
    if (sent) return { ticketId: sent.ticketId ?? (await this.namedTicket(body)), own: ownWords(squeeze(body), squeeze(sent.text)) };
    // the bot's name and a colon before words that look like the bot's (a record older than the look-back, another
    // deployment's): a copy too. Without such words it is someone addressing the bot ("邻里助手：3号楼电梯坏了").
    if (prefixed) return { ticketId: await this.namedTicket(body), own: '' };
    return null;
  }

  private async namedTicket(body: string): Promise<number | null> {
    const m = TICKET_NO.exec(body);
    return m ? ((await this.store.tickets.findByNumber(Number(m[1])))?.id ?? null) : null;
  }
}
