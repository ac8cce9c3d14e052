// Hazard rules of structures and things overhead (井盖, 倒塌, 塌陷, 坠物, 高空抛物): an urgent one becomes an emergency
// with people in its way (PEOPLE_AT_RISK). Part of HAZARD_RULES (hazard-rules.ts), in this order.
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

/** People in harm's way: a structural hazard or a falling object near them is an emergency. */
export const PEOPLE_AT_RISK: readonly Term[] = [
  '行人', '路人', '小孩', '孩子', '小朋友', '老人', '路过', '经过', '砸到', '砸伤', '砸中', '伤人', '头上', '受伤', '掉进去',
  '掉下去', '人行道', '玩的地方', '上学', '放学', '差点', '幼儿园', '学校', '下面是', '楼下是', '人多', '好多人', '乘凉', '来来往往', '车来车往', '有人走', '底下', '下面有人', '人来人往', '头顶', '进出的人', '下面走', /下面(?:就)?是/, '主干道', '马路',
];

export const STRUCTURE_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'manhole',
    level: 'urgent',
    labelZh: '井盖缺损',
    category: 'facility_repair',
    pairs: [
      {
        objects: ['井盖', '下水井', '窨井', '污水井', '雨水井', '排水井', '井口', '检查井', '下水道盖', '水沟盖', '沟盖', '盖板', '排水沟'],
        symptoms: ['丢', '没了', '不见', '被偷', /被[^，。！？,.!?\s]{0,3}(?:偷|盗)/, '缺', '掀', '翻', '塌', '破', '碎', '坏', '松', '陷', '歪', '移位', '裂', '晃', '空了', '坑', '敞着', '露着', '没盖', '没有盖', '没井盖', '断', '踩空'],
      },
    ],
    emergencyWith: ['掉进去', '掉下去', '摔进', '掉进'],
  },
  {
    kind: 'collapse',
    level: 'urgent',
    labelZh: '坠落/坍塌险情',
    category: 'facility_repair',
    terms: ['快塌', '要塌', '塌了', '塌下', '倒塌', '坍塌', '塌方', '摇摇欲坠', '随时要倒'],
    pairs: [
      {
        objects: [
          '外墙', '墙皮', '墙砖', '瓷砖', '外立面', '墙体', '围墙', '天花板', '吊顶', '顶棚', '楼板', '阳台', '雨棚', '遮阳棚', '招牌', '广告牌',
          '外机', '窗户', '玻璃', '窗框', '水泥块', '混凝土', '护栏', '栏杆', '大树', '树枝', '电线杆', '路灯杆', '脚手架', '塔吊', '吊车', '屋檐', '防盗网',
          '晾衣架', '挡板', '百叶', '石块', '墙面', '灯箱', '顶板', '屋顶', '房顶', '墙', '柱子', '横梁', '保温层', '外保温', '楼梯扶手', '扶手', '水泥', '顶上', '大理石', '石板', '女儿墙', '太阳能', '支架', '架子', '水箱', '台阶', '楼梯', '踏步',
          // ice hanging from eaves and roofs
          '冰溜子', '冰柱', '冰凌', '冰锥', '冰挂',
        ],
        span: 20,
        symptoms: ['塌', /(?<![推])倒(?![垃水车闭霉是])/, /掉(?!色|漆)/, '脱落', '脱开', '坠', /松(?:动|了|脱|开|垮)/, '晃', '裂', '歪', '断', '悬', '半空', '剥落', '鼓', '砸', '锈穿', '锈断', '掉渣'],
      },
      // the ground giving way while one watches ("花坛边的地面在往下陷")
      // … or sinking under a foot ("门口的地一踩就往下陷")
      {
        objects: ['往下陷', '往下沉', '还在下沉', '还在陷', /一踩(?:就|都)?(?:往下)?(?:陷|塌|沉)/],
        symptoms: ['地面', '路面', '地基', '地坪', '地板', '楼房', '房子', '地', '路', '草坪', '地砖', '台阶'],
        span: 12,
      },
    ],
    notWith: ['推倒', '倒垃圾', '倒水', '倒车', '倒闭', '倒霉', '倒是', '反倒', '猫', '狗', '宠物', '鸟', '冰雹', '雨点', '砸墙', '拆墙', '敲墙', '打墙'],
    emergencyWith: [...PEOPLE_AT_RISK, '压住', '压在', '被压', '压着', '压到', '埋了', '被埋', '眼看', /(?:楼下|下面|底下|下边)(?:还|都)?(?:有|站着|全是|都是)(?:人|工人|小孩|孩子|老人)/, '随时', '马上要掉', '马上就要掉', '快掉下来', '快要掉', '摇摇欲坠', '下面停着', '下面有车',
    // still coming down, or already half down and hanging ("一直往下掉", "一边掉下来吊着")
    /(?:还在|一直|正在|不停地?|不断)(?:往下)?掉/, /快(?:要)?掉了/, '吊着', '悬着', '悬在半空', '半挂'],
  },
  {
    kind: 'cave_in',
    level: 'emergency',
    labelZh: '坍塌',
    // a ceiling, roof, floor or balcony that has come down: someone may be under it
    pairs: [
      {
        objects: ['顶棚', '天花板', '吊顶', '楼板', '阳台', '雨棚', '屋顶', '房顶', '车棚', '楼梯', '顶板', '地面', '路面', '地库', '车库', '房子', '楼房', '大楼'],
        symptoms: ['塌了', '塌下来', '塌下', '坍塌', '倒塌', '塌陷', '陷下去'],
        span: 12,
      },
    ],
    notWith: ['心态', '人设', '房价', '股市', '猫', '狗'],
  },
  {
    kind: 'falling_object',
    level: 'emergency',
    labelZh: '高空坠物伤人',
    category: 'facility_repair',
    pairs: [
      {
        objects: ['掉下来', '掉下', '扔下来', '扔下', '抛下', '坠落', '高空抛物', '高空坠物', '楼上', '从天而降', '飞下来', '砸下来', '往下掉'],
        symptoms: ['砸到', '砸了', '砸伤', '砸中', '砸在', '差点砸', '打到', '伤人', '脚边', '头上', '身边', '碎在', '擦着', '砸破', '砸坏', '离我', '就在我', '我旁边', '我面前', '差点', '差一点', '擦身', '好险', '碎了一地', '摔碎', '砸碎'],
        span: 24,
      },
    ],
    notWith: ['猫', '狗', '宠物', '鸟'],
  },
  {
    kind: 'high_throw',
    level: 'urgent',
    labelZh: '高空抛物',
    category: 'public_security',
    terms: ['高空抛物', '高空坠物', '楼上扔下', '楼上扔东西', /(?:往|朝)(?:楼)?下(?:扔|丢|抛|倒|泼)/, /从(?:楼上|窗户|窗口|阳台)(?:往下)?(?:扔|丢|抛)/, /往窗外(?:扔|丢|抛)/, /(?:扔|丢|抛)(?:[^，。！？,.!?\s]{0,3})下来/],
    emergencyWith: PEOPLE_AT_RISK,
  },
];
