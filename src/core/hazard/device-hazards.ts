// Hazard rules of gadgets and fittings (part AD's round): a battery's case split and fuming, a gadget swollen while it
// charges, a lit or live cable fallen into water where people are, bare wire ends or cores within reach, an electric box
// too hot to touch and humming, an extinguisher whose nozzle is blocked. Folded into the rules of their kinds
// (fire-safety-hazards.ts) by foldByKind in hazard-rules.ts, each with its own guards.
import type { HazardAddition } from './hazard-rules.ts';

/** What holds a lithium cell and is charged at home. */
const CELLS = ['电池', '电瓶', '锂电', '充电宝', '电芯', '储能', '户外电源', '暖宝宝', '电子烟'];
/** A gadget that swells when its cell does ("后盖被顶起来了", "屏幕都翘了"). */
const GADGETS = [...CELLS, '手机', '平板', 'ipad', '手表', '耳机仓', '笔记本', '玩具车', '扭扭车', '平衡车', '滑板车', '后盖', '储能柜',
  // small things charged on a dock ("电动牙刷充电座上那个 鼓包了")
  '牙刷', '剃须刀', '充电座', '扫地机'];
/** Something carrying power: a lamp strip, a lead, a speaker's cable, a power strip. */
const LIVE_THING = '(?:灯带|灯串|电线|电缆|音响线|音箱线|延长线|插线板|插排|排插|接线板|电源线|水泵线|线)';
/** Water where people swim, wade or play. */
const POOL = '(?:水景池|喷泉池|泳池|水池|池子|池塘|鱼池|鱼塘|河|水)';

export const DEVICE_HAZARDS: readonly HazardAddition[] = [
  {
    // a cell's case split, or a gadget swollen while it charges or hot and beeping ("电池壳子裂开了", "充着电睡了一晚 …
    // 后盖被顶起来了", "储能柜外壳发烫 鼓包了"); fuming white, an emergency ("还在冒白气": it is venting, about to burn)
    kind: 'battery',
    level: 'urgent',
    pairs: [
      { objects: CELLS, symptoms: [/壳(?:子)?(?:都|已经)?裂(?:开|了)/, '冒白气', '冒白雾', '喷白气'], span: 40 },
      {
        objects: GADGETS,
        symptoms: [/(?:被)?(?:顶|撑)(?:起来|起|开)/, '鼓起来', '鼓包', '胀起来', '胀包', /(?:屏幕?|后盖)[^，。！？,.!?\s]{0,3}(?:翘|顶|鼓)/],
        // (or left by a radiator or a heater: "平衡车放暖气片旁边 电池那块壳子都顶开了"; or hissing)
        within: ['充', '发烫', '烫手', '报警', '滴滴', '暖气', '取暖器', '电暖', '小太阳', '烤火', /[嘶呲滋]{2}/],
        span: 40,
      },
    ],
    emergencyWith: ['冒白气', '冒白雾', '喷白气'],
  },
  {
    // a lit or live cable fallen into water with people in it or by it ("水景池里掉进去一根灯带 还亮着 几个小孩在池边")
    kind: 'water_electric',
    level: 'urgent',
    pairs: [
      {
        objects: [new RegExp(`${LIVE_THING}[^，。！？,.!?\\s]{0,6}(?:掉|落|垂|泡|浸)(?:进|到|在)(?:了)?[^，。！？,.!?\\s]{0,3}${POOL}`),
          new RegExp(`${POOL}(?:子)?里(?:面)?(?:掉|落)(?:进去|进|下去|了)(?:了)?(?:一|根|条|个)*[^，。！？,.!?\\s]{0,2}${LIVE_THING}`)],
        symptoms: ['还亮', '亮着', '通着电', '插着电', '有电', '没断电', '在游', '游泳', '小孩', '孩子', /有人在(?:游|玩|捞|洗|里面|池)/, '捞鱼', '玩水'],
        span: 40,
      },
    ],
    // people in the water or at its edge ("还有人在游", "几个小孩在池边捞鱼")
    emergencyWith: [/(?:有人|人)(?:还)?在(?:游|玩水|泳池|池子|池边|水里)/, '在游泳', '捞鱼'],
  },
  {
    // bare wire ends or cores out where hands reach ("墙上两根线头外露 孩子个子正好够得着", "线芯都露出来了")
    kind: 'exposed_wire',
    level: 'urgent',
    terms: [/线(?:头|芯)[^，。！？,.!?\s]{0,2}(?:外露|露出|露在外|裸露|露着)/, /(?:铜芯|线芯)[^，。！？,.!?\s]{0,3}(?:都|全)?(?:露|裸)/],
    notWith: ['耳机', '数据线', '充电线', '网线', '毛线', '鱼线'],
  },
  {
    // an electric box too hot to touch, humming or smelling ("电表箱的盖子烫得不能摸 里面嗡嗡响")
    kind: 'overheating',
    level: 'urgent',
    pairs: [
      {
        objects: ['电表箱', '配电箱', '电箱', '电闸箱', '配电柜', '电表柜', '变压器'],
        symptoms: [/烫(?:得|的)?(?:不能摸|不敢摸|摸不了|手)/, '发烫', '很烫', '好烫'],
        within: ['嗡嗡', '滋滋', '焦味', '糊味', '异响'],
        span: 30,
      },
    ],
  },
  {
    // an extinguisher's nozzle or hose blocked, split or perished ("灭火器是2015年的 喷嘴都堵死了")
    kind: 'fire_equipment',
    level: 'urgent',
    pairs: [{ objects: ['灭火器'], symptoms: [/喷(?:嘴|管|头)[^，。！？,.!?\s]{0,3}(?:堵|裂|断|坏|老化|硬了)/], span: 30 },
      // a fire pump or hydrant that gives no water when tried ("消防水泵 … 试过打不出水"), told a clause or two on
      { objects: ['消防泵', '消防水泵', '喷淋泵', '消防栓', '消火栓', '消防水带', '消防水管'], symptoms: ['打不出水', '出不来水', '放不出水', '不出水'], span: 40 }],
  },
];
