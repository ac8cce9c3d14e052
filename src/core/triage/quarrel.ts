// A quarrel line: an insult or a threat said to a neighbour ("你再吵我就报警了，神经病，滚"). It is one resident
// answering another, not an appeal to the community: the model, which never saw quarrels, read 报警 as the alarms of
// its repair appeals (电梯一直报警, 报警器坏了) and filed it as 设施维修. A complaint about the noise that asks someone to
// act ("楼上天天半夜吵，能不能管管", "……物业管管") stays an appeal; the patrol's conflict rule watches quarrels that escalate.

/** Insults and taunts: words nobody uses to describe a problem. 滚 is not 滚动, 滚筒, 滚烫, 滚下来, 打滚, 浓烟滚滚. */
const INSULT =
  /神经病|有病吧|你(?:才|是不是|是不是有)?有病|(?<![打翻滚爬利])滚(?![动筒轮烫落下水石雪滚柱成])|傻[逼bB×]|脑残|脑子有(?:问题|病)|不要脸|闭嘴|他妈|混蛋|王八|贱人|贱货|去死|找打|揍你|弄死你|走着瞧|有本事|你算什么|算什么东西|欺人太甚|没教养/u;
/** A threat to the one addressed: "你再吵试试", "你再骂一句", "你敢再说一遍". */
const THREAT = /你(?:再|敢)[^，。！？,.!?\s]{0,6}(?:试试|一次|一句|一遍|说|骂|敢|来|吵)/u;
/** Said to someone: the second person, or an @mention of a neighbour. */
const ADDRESSED = /你|@/u;
/** Asking the community, the property manager or the police to act: an appeal, however rude. */
const COMMUNITY_ASK =
  /物业|社区|居委|网格|街道|管理处|保安|城管|派出所|民警|警察来|12345|管管|管一管|管一下|来管|处理|投诉|反映|整改|维修|报修|修一下|来修|建议|希望|要求|加装|安装|排查|检查/u;
/**
 * A shared thing of the estate broken, or a service out, told with the insult ("你是不是有病，电梯坏了一个星期了也不修",
 * "你们都是神经病吗，垃圾三天没人收了", "有病吧你们，停水一天了"): a complaint to whoever runs the estate, however rude,
 * not a line said to a neighbour. A neighbour's own things ("你家漏水关我什么事") are no such problem.
 */
const ESTATE_PROBLEM =
  /(?:电梯|楼道灯|声控灯|路灯|灯|垃圾|暖气|燃气|门禁|单元门|大门|井盖|地库|车库|道闸|水管|下水道|化粪池|屋顶|楼顶)[^，。！？,.!?\s]{0,8}?(?:坏|不亮|不动|不热|不修|漏|堵|没人收|没人清|没人管|没人修|爆)|停水|停电|停气|没水了|没电了/u;
/** What is left of an insult-only line: particles and punctuation. */
const FILLER = /[^\p{L}\p{N}]|[啊吧呢吗嘛了啦呀哦你我他她的是就真都全家]/gu;

/** Longest quarrel line: a longer text that quotes an insult tells a story ("他骂我滚，还动手推我……"), a report. */
const QUARREL_MAX_CHARS = 60;

/** True for a line said in a quarrel to a neighbour (or only an insult), with nothing asked of the community and no
 * broken thing or outage of the estate told. */
export function quarrelLine(text: string): boolean {
  const t = text.normalize('NFKC');
  if (t.length > QUARREL_MAX_CHARS) return false;
  const insult = INSULT.test(t);
  if (!insult && !THREAT.test(t)) return false;
  if (COMMUNITY_ASK.test(t) || ESTATE_PROBLEM.test(t)) return false;
  if (ADDRESSED.test(t)) return true;
  // "神经病" alone: an insult with no problem told
  return insult && t.replace(new RegExp(INSULT.source, 'gu'), '').replace(FILLER, '').length === 0;
}
