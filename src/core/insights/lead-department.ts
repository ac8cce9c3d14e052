// A suggested lead department for a problem: which department's words its keywords, categories and evidence use
// most. Only a department of the grid file can be suggested (opts.departments); a grid department matches a row
// when its name contains one of the row's names (城管 matches 城管执法中队). None fits: undefined.

interface DepartmentRow {
  /** Names a grid file may give the department (the first is the usual one). */
  names: string[];
  /** Words of appeals this department handles. */
  words: string[];
}

const TABLE: DepartmentRow[] = [
  { names: ['城管', '城市管理', '综合执法', '执法'], words: ['占道', '摊贩', '流动摊', '违建', '违章', '搭建', '乱搭', '垃圾', '渣土', '广告', '招牌', '油烟', '烧烤', '夜市', '扬尘', '搅拌站', '施工噪音', '夜间施工', '工地', '绿化', '路灯', '井盖', '窨井', '乱停', '共享单车', '噪音', '餐馆', '排档'] },
  { names: ['供水', '自来水', '水务'], words: ['停水', '水压', '自来水', '水管', '水费', '水质', '漏水', '爆管', '供水', '二次供水', '水表', '黄水'] },
  { names: ['供电', '电力', '电网'], words: ['停电', '供电', '电压', '跳闸', '电费', '电表', '变压器', '电线', '电网', '断电'] },
  { names: ['燃气', '天然气'], words: ['燃气', '天然气', '煤气', '管道气', '气费', '燃气管'] },
  { names: ['市场监管', '市场监督', '工商'], words: ['价格', '涨价', '收费', '乱收费', '捆绑', '捆绑销售', '食品', '过期', '虚假', '宣传', '消费', '退款', '商家', '假货', '计量', '缺斤', '药店', '餐饮', '卫生许可', '营业执照', '无证'] },
  { names: ['住建', '住房', '房管', '建设'], words: ['物业', '物业费', '车位', '车库', '电梯', '开发商', '交房', '房产证', '不动产', '维修基金', '业委会', '楼盘', '房屋', '漏水', '渗水', '质量', '装修', '公摊', '安置房', '拆迁', '烂尾', '停车位'] },
  { names: ['消防', '应急'], words: ['消防', '消防通道', '堵塞', '楼道', '堆放', '杂物', '充电', '电动车', '飞线', '火灾', '灭火器', '烟感', '易燃'] },
  { names: ['公安', '派出所'], words: ['扰民', '打架', '斗殴', '盗窃', '偷', '诈骗', '传销', '赌博', '噪声', '广场舞', '吵闹', '治安', '监控', '报警', '醉酒', '宠物', '狗'] },
  { names: ['交警', '交通', '交通运输'], words: ['交通', '红绿灯', '信号灯', '拥堵', '违停', '公交', '地铁', '线路', '站点', '停车', '斑马线', '限速', '出租车', '网约车', '驾照', '车牌'] },
  { names: ['生态环境', '环保', '环境'], words: ['污染', '排污', '废气', '废水', '异味', '臭味', '粉尘', '灰尘', '扬尘', '化工', '辐射', '环评', '排放', '黑烟', '恶臭'] },
  { names: ['教育', '教委'], words: ['学校', '学位', '入学', '招生', '学区', '幼儿园', '老师', '教师', '学生', '补课', '课外', '教育', '中学', '小学'] },
  { names: ['人社', '人力资源', '社保', '劳动'], words: ['社保', '工资', '欠薪', '拖欠', '劳动', '养老金', '医保', '人才', '落户', '就业', '失业', '公积金', '补贴'] },
  { names: ['卫健', '卫生', '医疗'], words: ['医院', '医生', '看病', '疫苗', '卫生院', '诊所', '医疗', '挂号', '防疫'] },
  { names: ['民政'], words: ['低保', '养老院', '救助', '残疾', '老人', '殡葬', '婚姻', '社区服务'] },
  { names: ['自然资源', '规划', '国土'], words: ['规划', '用地', '土地', '征地', '国土', '宅基地', '红线'] },
];

/**
 * The department in `departments` whose row's words occur most in `text` (keywords, categories and evidence
 * joined), a category naming the department counting 3. Ties go to the row listed first.
 */
export function leadDepartment(departments: readonly string[] | undefined, categories: readonly string[], text: string): string | undefined {
  if (!departments?.length) return undefined;
  let best: { name: string; score: number } | undefined;
  for (const row of TABLE) {
    const dept = departments.find((d) => row.names.some((n) => d.includes(n)));
    if (!dept) continue;
    let score = 0;
    for (const w of row.words) {
      let at = text.indexOf(w);
      while (at >= 0) {
        score++;
        at = text.indexOf(w, at + w.length);
      }
    }
    for (const c of categories) if (row.names.some((n) => c.includes(n)) || row.words.some((w) => c.includes(w))) score += 3;
    if (score > 0 && (!best || score > best.score)) best = { name: dept, score };
  }
  return best?.name;
}
