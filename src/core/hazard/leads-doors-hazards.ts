// Hazard rules of part AI's round, on things at hand: a lead slung from a window or a booth, a power strip soaking in
// rain, a battery swollen and hissing, fire equipment misused or rusted through, someone shut in a bathroom by a broken
// lock or behind a door warped by a flood. Folded into the rules of their kinds by foldByKind in hazard-rules.ts, each
// with its own guards (the senses' readings of the same round: senses-hazards.ts).
import type { Term } from '../triage/urgency.ts';
import type { HazardAddition } from './hazard-rules.ts';

/** Someone inside, named ("老太太在里面", "我爸把自己锁在卫生间里"). */
const SOMEONE = /(?:人|老人|老太太|老太|大爷|大妈|奶奶|爷爷|外婆|外公|婆婆|阿婆|老爷子|孩子|小孩|他|她|爸|妈|自己)/;

/** A power strip or an extension lead. */
const POWER_STRIP: readonly Term[] = ['拖线板', '插线板', '插排', '排插', '接线板', '插座板'];

export const LEADS_AND_DOORS: readonly HazardAddition[] = [
  {
    kind: 'exposed_wire',
    level: 'urgent',
    // bare wire ends ("那两根线头子是裸的")
    terms: [/线头(?:子)?[^，。！？,.!?\s]{0,3}(?:是|都是)?裸(?:的|着|露)/],
    notWith: ['网线', '耳机', '数据线', '毛线'],
    pairs: [
      // a lamp's or a box's cover broken and its wires pulled out ("地灯罩子碎了，里面的线都被拽出来了")
      {
        objects: [/(?:灯|灯罩|罩子|盖子|盖板|接线盒|电箱|箱门|外壳)[^，。！？,.!?\s]{0,4}(?:碎|破|坏|掉|没了|烂)/],
        symptoms: [/线[^，。！？,.!?\s]{0,4}(?:拽|扯|拉|掏|耷拉|露|掉)(?:了)?出来/],
        span: 30,
        notWith: ['网线', '耳机', '数据线', '毛线'],
      },
    ],
  },
  {
    kind: 'flying_wire',
    level: 'urgent',
    pairs: [
      // a lead slung from a window or run from a booth to a charger outdoors ("这根线从3楼一路甩到花坛边上 接着个充电器", "线是从保安亭
      // 接出来的")
      {
        objects: [/线[^，。！？,.!?\s]{0,4}从[^，。！？,.!?\s]{0,6}(?:楼|窗|阳台|保安亭|门卫|岗亭|家里|屋里|店里)[^，。！？,.!?\s]{0,6}(?:甩|拉|拖|接|扯|牵|吊|放)(?:到|下来|出来|下去)/,
          /从[^，。！？,.!?\s]{0,6}(?:楼|窗|阳台|保安亭|门卫|岗亭)[^，。！？,.!?\s]{0,4}(?:甩|拉|拖|扯|牵|吊|放)(?:下来|出来)(?:一)?(?:根|条)(?:电)?线/],
        symptoms: ['充电器', '充电', '在充', '电瓶', '电动车', '电车', '吱吱', '滋滋', /[搁放](?:在)?[^，。！？,.!?\s]{0,4}充/],
        span: 60,
        notWith: ['网线', '宽带', '光纤', '数据线', '手机'],
      },
    ],
  },
  {
    kind: 'electric_shock',
    level: 'emergency',
    pairs: [
      // a power strip soaking in rain water, still plugged in and charging ("拖线板泡在昨晚的雨水里 还插着在充电 指示灯亮着")
      {
        objects: POWER_STRIP,
        symptoms: [/泡(?:在|着)[^，。！？,.!?\s]{0,6}(?:水|雨)/, /(?:淹|浸)(?:在|着)?[^，。！？,.!?\s]{0,4}水/],
        within: ['插着', '在充', '充电', '亮着', '通着电', '通电'],
        span: 40,
      },
    ],
  },
  {
    kind: 'battery',
    level: 'urgent',
    pairs: [
      // swollen, said plainly ("充电宝自己变胖了"), or split and bubbling ("电池那块裂了条缝，在往外冒泡泡")
      { objects: ['电池', '电瓶', '锂电', '充电宝', '电芯'], symptoms: ['变胖', '胖了', /肿(?:了|起来)/, '变厚'], span: 20, notWith: ['干电池', '遥控'] },
      { objects: ['电池', '电瓶', '锂电', '电芯'], symptoms: [/裂(?:了|开)/], within: ['冒泡', '往外冒', '漏液', '流水', '充'], span: 30, notWith: ['干电池', '遥控'] },
    ],
    // swollen and hot and hissing: about to catch fire ("变胖了 摸着烫 还有嘶嘶声")
    emergencyWith: [/(?:鼓|胀|胖|肿)[^。！？!?]{0,16}(?:烫|热)[^。！？!?]{0,16}(?:[嘶呲滋]{2}|冒泡)/],
  },
  {
    kind: 'blocked_exit',
    level: 'urgent',
    pairs: [
      // a stairway fenced or gated off as one's own ("把楼梯口用防盗铁门围起来当自家的了 楼梯都走不通")
      {
        objects: ['楼梯口', '楼梯间', '楼梯', '楼道口', '通道', '过道'],
        symptoms: [/(?:围|拦|封|隔|圈)(?:起来|住|死)/],
        within: ['走不通', '过不去', '走不了', '下不去', '上不去', '当自家', '据为己有', '占了'],
        span: 30,
      },
    ],
  },
  {
    kind: 'fire_equipment',
    level: 'urgent',
    pairs: [
      // a sprinkler hung with washing, or dripping ("喷淋头被人挂了衣服晾着")
      { objects: ['喷淋'], symptoms: [/挂(?:了|着)?[^，。！？,.!?\s]{0,4}(?:衣服|东西|杂物|被子|袋子)/, '晾'], span: 16 },
      // an extinguisher rusted through or missing its handle ("瓶身全是锈 压把都掉了")
      { objects: ['灭火器'], symptoms: [/(?:全是|都是|长满|满是)锈|锈(?:得|穿|烂|透)/, /压把[^，。！？,.!?\s]{0,2}(?:掉|断|坏|没)/], span: 40, notWith: ['换了新', '新的', '好好的'] },
    ],
  },
  {
    kind: 'trapped',
    level: 'emergency',
    pairs: [
      // someone shut in a bathroom or a room by a broken lock ("我爸把自己锁在卫生间里了 锁芯坏了打不开")
      {
        objects: [new RegExp(`${SOMEONE.source}[^，。！？,.!?\\s]{0,3}(?:反)?(?:锁|关|困)在(?:了)?(?:卫生间|厕所|浴室|洗手间|卧室|房间|屋里|阳台)`)],
        symptoms: [/(?:打|开|推|拉)不开/, '出不来', /锁(?:芯)?[^，。！？,.!?\s]{0,2}(?:坏|卡)/],
        span: 40,
        notWith: ['写作业', '打游戏', '玩手机', '生气', '赌气', '不让'],
      },
      // a door warped by flood water, someone inside who cannot push it open ("门被水泡变形了 老太太在里面推不开门 水还在涨")
      {
        objects: [/门[^，。！？,.!?\s]{0,3}(?:被)?水泡(?:得)?(?:变形|胀)/, '淹了', '水淹', '进水', /水(?:还在|一直在?)(?:往上)?涨/],
        symptoms: [new RegExp(`${SOMEONE.source}[^，。！？,.!?\\s]{0,3}(?:在)?里(?:面|头)[^，。！？,.!?\\s]{0,3}(?:推|打|拉)不开`)],
        span: 40,
      },
    ],
  },
];
