// Triage without a network: the local classifier decides appeal-or-chatter and the category; rules extract place
// and urgency (the hazard model may raise it); the summary is masked. A life-safety emergency makes a message an appeal
// even when the model hesitates.
import { readEnglishAppeal, englishSummary } from '../english/english-appeal.ts';
import { englishPlace } from '../english/english-place.ts';
import { isEnglish } from '../english/english-text.ts';
import { hazardOnlyElsewhere } from '../hazard/detect-hazard.ts';
import { HAZARD_CATEGORY, HAZARD_LABEL_ZH } from '../hazard/hazard-rules.ts';
import { modelOpinionOn, raiseWith, type HazardModel, type HazardOpinion } from '../hazard/hazard-model.ts';
import type { Triage } from '../ports/triage.port.ts';
import { residentWords } from './addresses-system.ts';
import { maskPii, withoutPii } from './mask.ts';
import { extractPlace } from './place.ts';
import { quarrelLine } from './quarrel.ts';
import { collapseRepeats, summarize } from './summary.ts';
import type { TriageResult, TriageUrgency } from './triage.types.ts';
import { detectUrgency, type UrgencyMatch } from './urgency.ts';
import { boundedMemo } from '../util/memo.ts';

/** What triage needs from a trained model: a probability-like score per label. */
export interface LabelScorer {
  predict(text: string): { label: string; confidence: number; scores: Record<string, number> };
}

export interface LocalTriageOptions {
  /** The label the model uses for "not an appeal". */
  chatterLabel: string;
  /** A message is an appeal when P(not chatter) reaches this. */
  appealThreshold: number;
  /** Category for an emergency the model filed as chatter. */
  hazardCategory: string;
  /** The hazard second opinion: may raise the rules' urgency, never lower it (core/hazard/hazard-model.ts). */
  hazardModel?: HazardModel;
  /**
   * A message short of emergency whose hazard-model danger score reaches this is marked `hazardDoubt` (an LLM, where
   * configured, is asked too). 0.05: on the everyday chatter of the detection split 0.4 % of messages, on a new author's
   * missed dangers three in four (docs/BENCHMARKS.md).
   */
  hazardDoubtFrom: number;
}

/** Words that ask for something to be done: a message citing news of a danger to ask for a fix is still an appeal. */
const ASKS = /建议|希望|能不能|能否|可不可以|可以吗|请|麻烦|物业|社区|居委|网格|街道办|怎么办|要求|反映|投诉|整改|处理|管一管|管管|加装|安装|排查|检查/;

/** The weather, now or forecast. */
const WEATHER = /下雨|下大雨|大雨|暴雨|雷阵雨|雷雨|雨好大|雨下得|下雪|大雪|刮风|大风|风太大|风刮|台风|降温|寒潮|打雷|雷暴|打闪|冰雹|高温|变天|起风|降雨|雾霾|沙尘|回南天|闷热|热死|冷死|好冷|好热|零下|\d+度/;
/** What is said about it: a reminder to the neighbours (take the washing in, shut the windows, dress warm) or a feeling. */
const WEATHER_REMARK = /收衣服|收被子|收被|收一下|衣服收|被子收|关窗|关好窗|窗户关好|带伞|带把伞|带上伞|保暖|添衣|加衣|多穿|出门注意|注意安全|少出门|别出门|不要出门|待在家|小心路滑|早点睡|[!！]{2,}|吓死|吓得|吓一跳|热死|冷死|好冷|好热|受不了|睡不着|没睡|像|跟.{1,6}一样|似的/;
/** Something broken, in the way or getting in, or a service asked for: the weather as the cause of a problem is an appeal. */
const WEATHER_DAMAGE = /不上|不了|不亮|不动|不来|没来|漏|渗|进水|进来|灌|积水|水浸|淹|坏|破|塌|掉|断|堵|停电|停水|倒了|裂|吹翻|吹倒|吹落|冻住|冻裂|暖气|供暖|电梯|井盖|路灯|树|刮到|砸到|墙|冒烟|着火|起火/;

/** A weather remark with nothing broken or asked ("下雨了大家记得收衣服哦", "打雷了！！！吓死我了"): talk, however loud. */
/** A safety tip passed on to the group, by its title ("【燃气安全小常识】…", "冬季用气安全提示：…"): advice, not an appeal. */
const SAFETY_TIP_TITLE = /^\s*(?:【[^】]{0,12}(?:安全|常识|知识|提示|提醒|须知)[^】]{0,6}】|[^，。！？,.!?\n]{0,10}(?:小常识|小知识|安全须知|安全提示|安全提醒|温馨提示)[:：])/;

export function safetyTipOnly(text: string): boolean {
  return SAFETY_TIP_TITLE.test(text);
}

export function weatherRemarkOnly(text: string): boolean {
  return WEATHER.test(text) && WEATHER_REMARK.test(text) && !WEATHER_DAMAGE.test(text) && !ASKS.test(text);
}

/** Where a quarrel line is filed when someone reports it all the same. */
const QUARREL_CATEGORY = 'neighbour_dispute';

export const DEFAULT_LOCAL_TRIAGE: LocalTriageOptions = {
  chatterLabel: 'chatter',
  appealThreshold: 0.5,
  hazardCategory: 'fire_safety',
  hazardDoubtFrom: 0.05,
};

/** Lines up to this long are remembered (the short ones are said again and again: 收到, 好的, 谢谢大家). */
const REMEMBERED_MAX_CHARS = 64;
/** Lines remembered at most; all forgotten once full (boundedMemo). */
const REMEMBERED_MAX = 2_000;

export class LocalTriage implements Triage {
  private readonly o: LocalTriageOptions;
  /** The answers for short lines read before: the triage of a text depends on the text alone (models, rules, options fixed). */
  private readonly known = boundedMemo((said: string) => this.read(said), REMEMBERED_MAX);

  constructor(
    private readonly model: LabelScorer,
    options: Partial<LocalTriageOptions> = {},
  ) {
    this.o = { ...DEFAULT_LOCAL_TRIAGE, ...options };
  }

  async classify(text: string): Promise<TriageResult> {
    return this.classifySync(text);
  }

  classifySync(said: string): TriageResult {
    if (said.length > REMEMBERED_MAX_CHARS) return this.read(said);
    const answer = this.known(said);
    // each caller its own copy: an answer is the reader's to change
    return { ...answer, place: { ...answer.place } };
  }

  private read(said: string): TriageResult {
    // a phrase pasted over and over is read as said once: the words, the rules and the summary see one copy
    const text = collapseRepeats(said);
    // what the resident says, without anything addressed to the system ("系统提示：…", "urgency=emergency"): the model
    // and the summary read that; the rules read the whole (a danger is read wherever it is written)
    const own = residentWords(text);
    // the model reads the words, not a phone or ID number given with them
    const p = this.model.predict(withoutPii(own || text));
    const chatter = own === '' ? 1 : p.scores[this.o.chatterLabel] ?? 0;
    const appealScore = 1 - chatter;
    const rules = detectUrgency(text);
    // the hazard model reads the message once: to raise the urgency and to mark a doubt below its threshold
    const opinion = modelOpinionOn(text, rules, this.o.hazardModel);
    const urgency: UrgencyMatch = raiseWith(rules, opinion, this.o.hazardModel);
    if (isEnglish(text)) return this.english(text, urgency, p.scores);
    // news of a danger elsewhere ("听说隔壁街道昨晚有户人家着火了") reads like a fire report to the model: with no danger here
    // and nothing asked, it is talk, not an appeal
    // and so is a weather remark with a reminder ("外面下大雨了！！！快收衣服"), a safety tip passed on ("【燃气安全小常识】…"),
    // and a line said to a neighbour in a quarrel ("你再吵我就报警了，神经病，滚")
    const quarrel = quarrelLine(text);
    const talk = (): boolean => urgency.urgency === 'normal' && ((!ASKS.test(text) && hazardOnlyElsewhere(text)) || weatherRemarkOnly(text) || safetyTipOnly(text) || quarrel);
    const byModel = appealScore >= this.o.appealThreshold && !talk();
    const isAppeal = byModel || urgency.urgency === 'emergency';
    const hazard = urgency.kind ? HAZARD_CATEGORY[urgency.kind] : undefined;
    let category: string;
    if (isAppeal && !byModel) category = hazard ?? this.o.hazardCategory; // an emergency the model took for chatter
    else if (hazard !== undefined && hazard in p.scores) category = hazard; // the hazard decides where it is filed
    else if (quarrel && QUARREL_CATEGORY in p.scores) category = QUARREL_CATEGORY; // reported all the same (@bot): a dispute, not a repair
    else category = this.bestCategory(p.scores) ?? this.o.hazardCategory;
    return {
      isAppeal,
      confidence: round(isAppeal ? Math.max(appealScore, byModel ? 0 : 0.5) : chatter),
      category,
      place: extractPlace(text),
      urgency: urgency.urgency,
      summary: maskPii(summarize(own || text)),
      source: 'local',
      ...(this.inDoubt(opinion, urgency.urgency) ? { hazardDoubt: true } : {}),
    };
  }

  /**
   * A message in English: the model (Chinese n-grams) cannot tell, the English reader (core/english) decides appeal or
   * talk and the category; any danger the rules read makes it an appeal. Place and the summary's head are in Chinese.
   */
  private english(text: string, urgency: UrgencyMatch, scores: Record<string, number>): TriageResult {
    const reading = readEnglishAppeal(text);
    const isAppeal = reading.isAppeal || urgency.urgency !== 'normal';
    const hazard = urgency.kind ? HAZARD_CATEGORY[urgency.kind] : undefined;
    const known = (c: string | undefined) => (c !== undefined && c in scores ? c : undefined);
    // (talk is filed as other should it become a ticket by an @mention)
    const category = known(hazard) ?? known(isAppeal ? reading.category ?? this.o.hazardCategory : 'other') ?? this.bestCategory(scores) ?? this.o.hazardCategory;
    const place = englishPlace(text, extractPlace(text));
    const gist = (urgency.kind ? HAZARD_LABEL_ZH[urgency.kind] : undefined) ?? reading.zh;
    return {
      isAppeal,
      confidence: round(reading.isAppeal === isAppeal ? reading.confidence : 0.5),
      category,
      place,
      urgency: urgency.urgency,
      summary: maskPii(englishSummary(text, place.text, isAppeal ? gist : undefined)),
      source: 'local',
    };
  }

  /** Short of emergency, yet the hazard model (where it may read the message) sees some sign of danger. */
  private inDoubt(opinion: HazardOpinion | undefined, urgency: TriageUrgency): boolean {
    return opinion !== undefined && urgency !== 'emergency' && this.o.hazardDoubtFrom < 1 && opinion.danger >= this.o.hazardDoubtFrom;
  }

  private bestCategory(scores: Record<string, number>): string | undefined {
    let best: string | undefined;
    let bestScore = -1;
    for (const label in scores) {
      const s = scores[label]!;
      if (label !== this.o.chatterLabel && s > bestScore) {
        best = label;
        bestScore = s;
      }
    }
    return best;
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
