// What a resident answers the 办结 message with in their own words, read as the rating words would say it: a verdict at
// the start of the reply ("还行吧，就是来得晚" → 基本满意; "挺好的，谢谢" → 满意), or words saying the problem is still there
// ("还是没水", "晚上还是会有人推进来" → 不满意). Read only on a reply quoting the bot about the sender's own resolved ticket
// (the assistant checks): unquoted, or from a neighbour, these are everyday words.
import type { Satisfaction } from './ticket.types.ts';

/** A verdict word at the start, with a particle and a repeat ("不错不错"), then the end or punctuation. */
const PLAIN_WORDS: ReadonlyArray<readonly [RegExp, Satisfaction]> = [
  [/^(还行|还可以|一般般|一般|凑合|马马虎虎|将就|过得去)(?:\1)?(?:吧|啦|了|哈|啊)?(?=$|[\s\p{P}])/u, 'BASIC'],
  [/^(挺好|很好|蛮好|非常好|不错|太好了|好多了)(?:\1)?(?:的|了|啊|呀|哈|哦)?(?=$|[\s\p{P}])/u, 'SATISFIED'],
];

/** Words that say a problem reported fixed is still there ("还是没水", "根本没修好", "又坏了", "还是会漏"). */
const STILL_THERE = /(?:还是|仍然|依然|依旧)(?:偶尔|有时候?|时不时|经常|总是|老是|一直)?(?:没|不|坏|漏|停|有|很|会|卡|一样|老样子)|(?:偶尔|有时候?|时不时|经常|总是|老是|一直)?还(?:会|在|要)?(?:卡|漏|停|坏|响|堵|跳闸)|还没(?:修|好|来|弄|解决|恢复|通)|没修好|没弄好|没解决|又坏|又漏|又停|根本没|并没有/u;
/** A thanks is no complaint ("还是很感谢你们"). */
const THANKS = /谢|辛苦/u;

export function plainVerdict(text: string): { satisfaction: Satisfaction; note: string } | null {
  for (const [re, level] of PLAIN_WORDS) {
    const m = re.exec(text);
    if (!m) continue;
    const note = text.slice(m[0].length).replace(/^[\s\p{P}]+/u, '').trim();
    // "挺好的，就是还是有点暗": pleased, but the problem is not quite gone
    return { satisfaction: level === 'SATISFIED' && STILL_THERE.test(note) ? 'BASIC' : level, note };
  }
  return STILL_THERE.test(text) && !THANKS.test(text) ? { satisfaction: 'UNSATISFIED', note: text } : null;
}
