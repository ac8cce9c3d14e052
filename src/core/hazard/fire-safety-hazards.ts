// Hazard rules of fire safety (飞线充电, 电动车进楼, 电池鼓包, 堵塞消防通道, 消防设施缺损, 积水漫电箱, 电线裸露):
// what could turn into a fire or a shock, so at least urgent. Part of HAZARD_RULES (hazard-rules.ts), in this order.
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

const EBIKE: readonly Term[] = ['电动车', '电瓶车', '电单车', '电摩', '电动自行车', '电瓶', '锂电池', '电动三轮', '三轮车', '电三轮', '代步车', '电动摩托', '滑板车', '平衡车', '电驴', /(?<![公有])电车/];
const INDOORS: readonly Term[] = [
  '楼道', '楼梯', '走廊', '过道', '家里', '回家', '屋里', '室内', '房间', '客厅', '门口', '楼上', '楼里', '电梯', '窗', '阳台',
  '飞线', '拉线', '电线', '插排', '插线板', '接线板', '拖线板', '拉下来', '吊', '扯', '大堂', '大厅', '门厅', '地下室', '单元门',
];

export const FIRE_SAFETY_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'flying_wire',
    level: 'urgent',
    labelZh: '疑似飞线充电',
    category: 'fire_safety',
    terms: [
      '飞线', '私拉电线', '私拉乱接', '乱拉电线', '拉线充电', '乱拉线', '私接电线',
      /(?:拉|扯|接|牵|甩|吊|放)(?:了|根|条|一根|一条|个)?(?:电)?线(?:下来|下去)?(?:给|来|去)?(?:电动车|电瓶车|电瓶|车)?充电/,
    ],
    pairs: [
      { objects: EBIKE, symptoms: ['充电', '充着电', '在充'], span: 16, within: INDOORS },
      { objects: ['电线', '插排', '插线板', '接线板', '拖线板', '电源线'], symptoms: ['窗户', '窗外', '窗口', '阳台', '楼上', '吊', '垂', '挂', '拖到', '拖下'], within: ['充电', ...EBIKE] },
    ],
    notWith: ['充电桩', '充电站', '充电柜', '车棚', '充电棚', '充电区', '充电点', '集中充电', '统一充电'],
  },
  {
    kind: 'ebike_indoors',
    level: 'urgent',
    labelZh: '电动车进电梯/上楼',
    category: 'fire_safety',
    pairs: [{ objects: EBIKE, symptoms: ['电梯', '上楼', '推进楼', '进楼', '推进单元', '搬回家', '拎回家', '推回家', '楼梯', '走廊', '楼道', '骑进', '推进', '大堂', '门厅', '大厅', '客厅', '卧室', '屋里', '房间里'], span: 12 }],
    notWith: ['车棚', '充电桩', '没电了', '充电棚', '充电区', '充电点', '集中充电', '统一充电'],
  },
  {
    kind: 'battery',
    level: 'urgent',
    labelZh: '电池鼓包/漏液',
    pairs: [{ objects: ['电池', '电瓶', '锂电'], symptoms: ['鼓包', '鼓起来', '鼓起', '胀包', '胀起来', '膨胀', '漏液', '发烫', '烫手'], span: 12 }],
    notWith: ['手机', '充电宝'],
  },
  {
    kind: 'blocked_exit',
    level: 'urgent',
    labelZh: '楼道堆物/消防通道堵塞',
    category: 'fire_safety',
    pairs: [
      {
        objects: ['楼道', '楼梯', '走廊', '消防通道', '安全出口', '疏散通道', '消防车道', '逃生通道', '安全通道', '过道', '防火门'],
        symptoms: ['堆', '摆满', '放满', '塞满', '占满', '占用', '被占', '占了', '堵', '挡住', '停满', '走不过', '过不去', '过不了', '走不了', '进不来', '顶着', '关不上', '全是', '放了一排', '摆了'],
        span: 16,
      },
      { objects: ['安全出口', '消防通道', '防火门', '逃生通道', '疏散通道', '安全通道', '天台门', '楼顶门'], symptoms: ['锁', '封', '焊', '缠', '钉死', '拦'], span: 18 },
    ],
    notWith: ['畅通', '下水道', '堵车', '心里堵'],
  },
  {
    kind: 'fire_equipment',
    level: 'urgent',
    removalIsHazard: true,
    labelZh: '消防设施缺损',
    category: 'fire_safety',
    pairs: [
      {
        objects: ['灭火器', '消防栓', '消火栓', '烟感', '喷淋', '消防水带', '应急灯', '消防水管', '消防箱', '消防门'],
        symptoms: ['过期', '没了', '不见', '被偷', '坏', '空', '没水', '没有水', /水都没/, '缺', '拆', '失效', '没压力', '红区', '锈', '不亮', '漏水', '拿走', '偷走', '被拿', '拿去', '卖了', '卖废品'],
        span: 18,
      },
    ],
  },
  {
    kind: 'water_electric',
    level: 'urgent',
    labelZh: '积水漫入电气设施',
    category: 'utilities',
    pairs: [
      {
        objects: ['配电箱', '电表箱', '电箱', '电闸', '闸箱', '配电房', '配电室', '配电间', '配电柜', '电柜', '电控柜', '控制柜', '电梯井', '电梯', '插座', '电线', '电表', '开关', '灯', '变压器', '电缆'],
        symptoms: ['进水', '泡水', '泡在水', '泡了', '泡着', '淹', '漫到', '流进', '灌', '渗进', '渗水', '漏水', '滴水', '全是水', '积水', '水顺着', '往下流水', '水流', '往里流'],
      },
    ],
  },
  {
    kind: 'exposed_wire',
    level: 'urgent',
    labelZh: '电线裸露',
    category: 'utilities',
    terms: ['电线裸露', '电线掉', '电线垂', '电线断了', '裸露的电线', '露铜', '铜丝露'],
    pairs: [
      {
        objects: ['电线', '电缆', '线头', '电源线', '高压线'],
        symptoms: ['裸露', '露在外', '露出', '露着', '断了', '掉下', '掉在', '耷拉', '垂', '破了', '咬破', '破皮', '外皮破', '铜丝', '铜线', '拖在地', '泡在水', '带电', '刮下来', '刮断', '横在', '落在', '落地'],
      },
    ],
  },
];
