// A hazard asked about rather than told: "5号楼电梯坏了，困住人了吗" asks whether someone is trapped, "电梯里困住人要打哪个
// 电话？存一下" which number to keep. Neither is a report — unless the message tells a sign of the danger, or the question
// is the asker's suspicion of a danger sensed from afar or to someone's life (detect-hazard.ts reads the rest).
import { mentionsAny } from '../triage/term-matcher.ts';
import { HERE_NOW } from './hazard-when.ts';
import { LOCAL_PLACE } from './hazard-where.ts';
import type { Hit } from './hazard-hit.ts';
import type { HazardRule } from './hazard-rules.ts';

/** A question whether a danger happened ("5号楼电梯坏了，困住人了吗", "是不是哪里着火了", "有没有人被关在里面"): a 是不是,
 * 是否 or 有没有 just before the danger's later word (not a rhetorical 不是…吗, nor 有没有人知道…: a question of how, not
 * whether), or a 吗, 么 or 没(有) closing its clause. */
const WHETHER_BEFORE = /(?:(?:是不是|是否)(?![^，。！？,.!?；;\s]{0,2}(?:知道|懂|会|能|帮|来|去|认识|管))[^，。！？,.!?；;\s啊呀吧呢嘛]{0,10}|有没有(?:人|小孩|孩子|老人|谁)?(?:被|在)?[^，。！？,.!?；;\s啊呀吧呢嘛医帮来]{0,3})$/;
// (only the danger's own tail before the 吗: not a judgment asked of a fact, "防火门被锁上了正常吗", nor another question
// after a report, "有人晕倒了有医生吗"; 有没有 only just before it: "有没有医生啊老人晕倒了" asks for a doctor)
const WHETHER_AFTER = /^(?![^，。！？,.!?；;\s]*(?:(?<!没)有|能|可以|要|会|谁|帮|管|正常|对|合理|合法|允许|安全|行|应该|问题|要紧|危险|严重|报警|医))[^，。！？,.!?；;\s]{0,5}?(?:[吗么]|了没有?|没有)[啊呀呢哇啦]?$/;
/** … asked by one who tells no sign of it, anywhere in the message (the hit's own words too: smoke or a smell asked about
 * is sensed): a smell, smoke, a sound, a cry, what is seen or heard, water seen leaking, something come down, a call for
 * help, what it does to someone ("电梯里困住人了吗？快来看看，里面有人在喊", "是不是有人在楼上扔东西？刚才一个瓶子砸下来了",
 * "老公是不是触电了？叫他不答应" are reports); not how strong the wind is ("围墙倒了没有？昨晚风好大"). */
const SIGN_TOLD = /闻到|闻见|听到|听见|看到|看见|瞧见|味|臭|呛|烟|火光|火苗|明火|冒|喊|叫声|叫唤|呼救|救命|哭|拍门|敲门|拍打|响|声音|动静|嘶|滋滋|噼|啪|快来|快去|快点|快叫|快打|赶紧|马上|报警|11[09]|120|刺鼻|流血|不动|叫不醒|没反应|倒在|躺在|抽搐|晃|在闪|在滴|在漏|一直|漏水|渗水|滴水|砸|掉下|落下|摔下|塌|裂开|试(?:了|过)(?:一下|下)?[^。！？!?]{0,8}(?:没|不)/;
/** … or what it does to someone here, outside the hit's own words: cannot get out or answer, not found, hurt, someone seen
 * inside ("叫他不答应", "我们下不去"; not the 晕 of "是不是有人晕倒了"). */
const PLIGHT_TOLD = /出不去|出不来|下不去|上不去|进不去|过不去|打不开|找不到|不见了|联系不上|不答应|(?<!答)不应|没回应|不说话|不回话|昏|吐|晕|疼|痛|动不了|起不来|站不起|里(?:面|头|边)(?:好像|似乎|还)?有/;
/** Dangers seen, heard or smelt from afar: a question whether one happened is the asker's suspicion. */
const SENSED_KINDS = new Set(['fire', 'explosion', 'electrical', 'gas_leak', 'carbon_monoxide']);
const WHERE_ASKED = /哪(?:里|儿|边|家|栋|个地方)|什么地方/;
/** The suspicion's own words, before a danger in its clause: "是不是有人晕倒了". */
const SUSPECTED = /是不是|是否/;
const RHETORICAL_ASKED = /难道|(?<!是)不(?:就|都)?是|没(?:有)?(?:看到|看见|闻到|听到|听见|发现)/;
/** "电梯里困住人要打哪个电话？存一下": which number to call or where to complain, asked of a danger told as no fact (no 了
 * between them, no place here named), to keep for later or in general (存一下, 以后, 一般); "有人被困电梯里要打哪个电话啊" and
 * "小孩被锁车里要找谁" are reports asking for help. */
const WHOM_TO_CALL_AFTER = /^[^，。！？,.!?；;了]{0,3}?(?:要|该|应该|得|可以)?(?:去)?(?:举报|投诉|反映|报修)?(?:要|该|应该|得|可以)?(?:打哪个|打什么|找谁|找哪|怎么投诉|怎么举报|向哪|去哪(?:里|儿)?(?:投诉|举报))/;
// (or asked politely of the danger named as a kind, before anything else: "请问电梯困人应该打哪个电话")
const FOR_LATER = /^\s*(?:请问|想问(?:一下|下)?|问(?:一下|下)|咨询(?:一下|下)?)|存(?:一下|下来|个|起来)|记(?:一下|下来)|收藏|备用|留着|以后|平时|一般|有没有人知道|谁知道/;


/**
 * A question whether the danger happened, with no sign of it told in the message; not one of a danger seen, heard or
 * smelt from afar (a fire, a blast, sparks, gas: "5栋是不是着火了？" is the suspicion itself) unless it asks where
 * ("是哪里着火了吗"), nor a 是不是 / 是否 of a danger to life ("12楼是不是有人晕倒了？": a suspicion put as a question has a
 * reason the message may not tell, and a missed emergency costs more than a visit; "…困住人了吗", "有没有人被困" ask
 * plainly). `cs`: the hit's clause start; `ls`, `le`: the clause around its end.
 */
export function askedOnly(text: string, hit: Hit, rule: Pick<HazardRule, 'kind' | 'level'>, at: { cs: number; ls: number; le: number }): boolean {
  const { cs, ls, le } = at;
  const sensedSuspicion = (SENSED_KINDS.has(rule.kind) || (rule.level === 'emergency' && suspected(text, hit, cs))) && !WHERE_ASKED.test(text.slice(Math.min(cs, ls), hit.end));
  return !sensedSuspicion && !RHETORICAL_ASKED.test(text.slice(cs, hit.start)) && askedWhether(text, hit, cs, ls, le);
}

/** Which number to call, asked to keep for later, of a danger told as no fact here (see WHOM_TO_CALL_AFTER). */
export function numberForLater(text: string, after: string, clause: string): boolean {
  return WHOM_TO_CALL_AFTER.test(after) && FOR_LATER.test(text) && !mentionsAny(clause, HERE_NOW) && !mentionsAny(clause, LOCAL_PLACE) && !SIGN_TOLD.test(text) && !PLIGHT_TOLD.test(text);
}

/** A 是不是 / 是否 before the danger's later word in its clause, the danger asked in one question (not "电梯是不是又卡住了？
 * 有人被困吗", where the person is asked of plainly). */
function suspected(text: string, hit: Hit, cs: number): boolean {
  const later = Math.max(hit.objectStart, hit.symptomStart);
  // in the later word's own clause ("电梯是不是坏了，有没有人困住啊": the 是不是 is the lift's)
  const own = text.slice(cs, later).split(/[，,；;]/u).at(-1) ?? '';
  return SUSPECTED.test(own) && !/[?？]/.test(text.slice(hit.start, hit.end));
}

/** Whether the hit's clause asks whether the danger happened ("困住人了吗", "有人被困吗") and the message tells no sign of it
 * (the hit's own words count as a sign sensed, "有没有人闻到煤气味" tells a smell, not as what it did to someone). */
function askedWhether(text: string, hit: Hit, cs: number, ls: number, le: number): boolean {
  const later = Math.max(hit.objectStart, hit.symptomStart);
  const before = text.slice(Math.max(cs, ls <= later ? ls : cs), later);
  const after = text.slice(hit.end, Math.max(le, hit.end));
  if (!WHETHER_BEFORE.test(before) && !WHETHER_AFTER.test(after) && !WHETHER_BEFORE.test(text.slice(cs, hit.start))) return false;
  return !SIGN_TOLD.test(text) && !PLIGHT_TOLD.test(text.slice(0, hit.start) + ' ' + text.slice(hit.end));
}
