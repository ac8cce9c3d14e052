// Who a people hazard happens to: a person (in Mandarin and dialect) and a child. Shared by the people-hazard rules.
import type { Term } from '../triage/urgency.ts';

/** Someone a faint, a fall or a drowning happens to (not "我晕倒", the exclamation). */
export const PERSON: readonly Term[] = [
  '有人', '老人', '老太太', '老大爷', '大爷', '大妈', '阿姨', '叔叔', '小孩', '孩子', '小朋友', '婴儿', '宝宝', '邻居', '小哥', '师傅', '骑手', '老伴', '室友',
  '男的', '女的', '男子', '女子', '老头', '老太', '一个人', '个人', '他', '她', '爸', '妈', '奶奶', '爷爷', '外婆', '姥姥', '老公', '老婆',
  '学生', '保安', '保洁', '病人', '孕妇', '大姐', '大哥', '工人',
  '阿伯', '阿婆', '阿公', '伯伯', '婆婆', '老伯', '小伙', '姑娘', '男人', '女人', '住户', '业主', '快递员', '外卖员', '条友', '师奶',
  // 湘 老倌子 (an old man); 大叔, 大婶; 粤 后生(仔) (a young man)
  '老倌', '大叔', '大婶', '阿叔', '大伯', '后生',
  // 北 老爷子, 老人家
  '老爷子', '老人家',
  // who works in a plant room or a shaft
  '电工', '维修工',
  // who keeps the gate or the door
  '门卫', '门岗',
  // one of two or more just named, gone down ("俩人掐架 … 一个倒地上不动了", "其中一个晕过去了"), not a thing counted
  // ("一个箱子倒地上了") nor bad luck ("一个倒霉的快递小哥")
  /(?:其中|有)?一个(?=倒(?:在|地|下)|晕|昏|摔|躺)/,
];

/** A child, in Mandarin and dialect (小嘎豆 东北, 细路 粤 → 小孩 in hazardText). */
// (湘/鄂 伢, 伢儿)
export const CHILD: readonly Term[] = ['伢', '小弟弟', '小妹妹', '小妮', '小丫头', '小男孩', '小女孩', '小孩', '孩子', '男孩', '女孩', '小朋友', '婴儿', '宝宝', /(?<![布玩洋]娃?)娃(?!娃机)/, '女儿', '儿子', '闺女', '孙子', '孙女', '嘎豆', '小屁孩', '小学生', '初中生', '中学生', '学生',
  // 沪 小囡, 囡囡
  '小囡', '囡囡'];
