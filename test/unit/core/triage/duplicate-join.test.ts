// A second neighbour's report of the same problem joins the open ticket, however reworded; another fault, floor, unit
// or room, a fee question, a notice or a thank-you does not. Played as the bot plays it: the first report became a
// ticket (its triage summary and place stored), the second is read by triage and looked up as DuplicateFinder does.
import { describe, expect, it } from 'vitest';
import { findDuplicate, type OpenTicketForDedup } from '../../../../src/core/triage/similarity.ts';
import { compareProblems, readProblem } from '../../../../src/core/triage/problem.ts';
import { extractPlace } from '../../../../src/core/triage/place.ts';
import { summarize } from '../../../../src/core/triage/summary.ts';

const now = new Date('2026-12-07T09:00:00Z');
const open = (text: string): OpenTicketForDedup => ({
  id: 1, text: summarize(text), place: extractPlace(text), createdAt: new Date(now.getTime() - 2 * 3_600_000), gridNodeId: 1, groupId: 1,
});
const joins = (first: string, second: string): boolean =>
  findDuplicate({ text: second, place: extractPlace(second), gridNodeId: 1, groupId: 1 }, [open(first)], { now }) === 1;

/** The same problem told by another neighbour in other words (written for this test; no bench line). */
const SAME: [string, string][] = [
  ['5栋电梯停在8楼不动了', '5栋电梯卡住了，有人关在里面'],
  ['5栋电梯又罢工了', '5栋电梯不动了'],
  ['2单元声控灯坏了', '2单元生控灯不亮'],
  ['3栋一楼大厅有股臭鸡蛋味', '3栋闻到燃气味，是不是谁家漏气了'],
  ['水龙头出来的水浑浑的', '自来水发黄，有杂质'],
  ['家里暖气不热', '暖气片摸着冰凉'],
  ['楼上往下渗水，天花板湿了一片', '楼上漏水到我家了'],
  ['地下室的灯全灭了', '地下车库一片漆黑'],
  ['小区门口道闸坏了，车进不来', '大门栏杆抬不起来'],
  ['垃圾桶满了都溢出来了', '垃圾好几天没人收了'],
  ['楼道里堆了好多纸箱', '楼道被杂物堵住了'],
  ['7栋消防通道被车堵死了', '7栋消防通道停满了车'],
  ['快递柜取不了件', '快递柜屏幕没反应，打不开'],
  ['晚上楼下空调外机嗡嗡响', '楼下空调噪音太大了'],
  ['4栋电梯门打不开，有人被困', '4栋电梯卡住了'],
  ['家里好冷，暖气跟没开一样', '暖气温度上不来'],
  ['马桶返水', '下水道堵了，污水冒出来'],
  ['楼道有烟味，好像谁家着火了', '闻到一股焦糊味'],
  ['9栋电梯关人了', '9栋电梯卡住不动了'],
  ['厨房下水道不通', '下水道堵了'],
  ['有股天然气的味道', '闻到很重的燃气味'],
  ['楼上602往下漏水', '602漏水渗到楼下了，电话13812345678'],
];

/** Different problems a grid worker keeps apart: another fault, floor, unit, room or thing; no report at all. */
const DIFFERENT: [string, string][] = [
  ['5楼楼道灯不亮', '9楼楼道灯不亮'],
  ['楼道灯不亮', '楼道灯白天也一直亮着'],
  ['暖气不热', '暖气太热了，烫手'],
  ['3单元门禁坏了', '2单元门禁坏了'],
  ['6栋502室漏水', '6栋602室漏水'],
  ['小区停电了', '小区停水了'],
  ['路灯不亮', '楼道灯不亮'],
  ['电梯坏了', '电梯里有狗屎'],
  ['电梯坏了', '电梯按钮坏了'],
  ['楼下狗一直叫', '楼下狗屎没人清'],
  ['燃气点不着', '楼道有燃气味'],
  ['自来水发黄', '这个月水费怎么这么贵'],
  ['电梯坏了', '电梯修好了，谢谢物业'],
  ['停水了', '通知：明天上午9点停水，请大家提前储水'],
  ['暖气管漏水了', '楼上漏水了'],
  ['垃圾桶满了', '垃圾桶太臭了'],
  ['楼上502漏水', '楼上602漏水'],
  ['楼道灯一闪一闪的', '楼道灯不亮'],
  ['树倒了压在路上', '树枝挡住窗户了'],
  ['水里有小虫子', '自来水发黄'],
  ['小区的草好久没人修剪了', '有人在绿化带里种菜'],
];

describe('a reworded report of the same problem', () => {
  it.each(SAME)('joins %s ~ %s', (a, b) => {
    expect(joins(a, b)).toBe(true);
    expect(joins(b, a)).toBe(true);
  });
});

describe('another problem', () => {
  it.each(DIFFERENT)('keeps apart %s / %s', (a, b) => {
    expect(joins(a, b)).toBe(false);
    expect(joins(b, a)).toBe(false);
  });
});

/** Round fresh2: different problems by class, in this test's own words (no bench line). */
const DIFFERENT_BY_CLASS: Record<string, [string, string][]> = {
  'another corner or side of the compound, another gate of a garage': [
    ['小区东南角的路灯坏了', '小区西北角路灯坏了，晚上好黑'],
    ['地库入口的栏杆不抬杆', '地库出口的栏杆不抬杆，车出不去'],
    ['北侧的井盖松了', '南侧井盖松了'],
  ],
  'a part or an accessory of the thing is another thing': [
    ['单元门的闭门器坏了，门关得很响', '单元门的门铃坏了，按了没声音'],
    ['5号楼电梯不动了', '5号楼我的门卡刷不了电梯，要去哪里开通'],
    ['地库的灯坏了', '停在地库的车，车灯被人撞碎了'],
    ['8号楼外墙的瓷砖掉了', '8号楼楼道墙皮起皮脱落'],
  ],
  'a room names its floor': [
    ['楼上1502半夜拖桌子', '14楼那家天天跺脚'],
    ['楼上1201漏水到我家', '9楼有人家漏水'],
  ],
  'a follow-up that reports no fault': [
    ['隔壁的狗一直叫', '狗终于不叫了，谢谢邻居'],
    ['我家停电了', '停电了？我家电是好的呀'],
    ['3单元门禁刷卡没反应', '3单元门禁卡丢了，补办一张多少钱'],
    ['5栋信箱被人撬了', '5栋信箱钥匙丢了，在哪里配'],
    ['垃圾房老鼠成群', '灭鼠药去哪里领'],
  ],
  'a pest that did harm is another problem than the pest': [
    ['地库里老鼠很多', '地库的老鼠把电线咬坏了'],
  ],
  'someone feeding strays is another complaint than the strays': [
    ['小区流浪狗越来越多了', '有人天天喂流浪狗，搞得很脏'],
  ],
  'a thing fallen over, a switch, sorting the rubbish, a door that catches someone are problems of their own': [
    ['路灯杆倒了', '路灯不亮了'],
    ['走廊灯的开关坏了', '走廊灯不亮'],
    ['垃圾分类没人指导', '垃圾桶满了没人清'],
    ['电梯门夹到人了', '电梯停了不动'],
    ['物业什么时候来修电梯', '电梯门夹人了'],
  ],
  'asking when the repair comes follows a report up; it reports nothing new': [
    ['4号楼电梯坏了', '4号楼电梯什么时候来修啊'],
    ['楼道灯坏了', '有谁知道修灯的师傅几点到？'],
  ],
  'two objects the tables do not know are two things, whatever their fault': [
    ['秋千的链子断了', '跷跷板的把手断了'],
    ['儿童秋千坏了', '儿童跷跷板坏了'],
    ['晾衣杆断了', '晾衣绳断了'],
    ['单元门口的台阶裂了', '单元门口的坡道裂了'],
    ['东门的伸缩门卡住了', '东门的卷帘门卡住了'],
    ['3号楼门口的地砖翘起来了', '3号楼门口的路牙石翘起来了'],
    ['楼下有人半夜唱歌', '楼上洗衣机半夜甩干轰隆隆响'],
  ],
  'who it happened to is no thing': [
    ['小孩的自行车被偷了', '小孩的滑板车被偷了'],
  ],
  'renovation rubbish is no renovation noise': [
    ['楼上在装修', '装修垃圾堆在楼道里'],
  ],
  'fireworks that set something alight are a fire, not noise': [
    ['楼下放烟花太吵了', '烟花把车棚点着了'],
  ],
  'rust is no dirty water': [
    ['自来水发黄', '单元门的铁门锈得厉害'],
  ],
  'cable television is no internet; a nest is no droppings': [
    ['有线电视没信号了', '家里宽带没网了'],
    ['鸽子在空调外机上做窝了', '鸽子屎落得阳台上到处都是'],
  ],
  'another source of noise upstairs': [
    ['楼上电视声音开得太大', '楼上小孩跑来跑去咚咚响'],
  ],
  'a thing named as where, not what': [
    ['健身器材的跑步机坏了', '健身器材那块晚上没有灯'],
    ['快递柜屏幕坏了', '快递柜那边没有灯，取件看不见'],
    // a thing inside or on another ("电梯里的镜子") is that thing, the other the place
    ['电梯里有异味，电梯需要检修', '电梯里的镜子碎了'],
    ['单元门关不上', '单元门上的门铃按了没反应'],
  ],
};

describe('another problem, by class', () => {
  for (const [cls, pairs] of Object.entries(DIFFERENT_BY_CLASS)) {
    it.each(pairs)(`${cls}: keeps apart %s / %s`, (a, b) => {
      expect(joins(a, b)).toBe(false);
      expect(joins(b, a)).toBe(false);
    });
  }
});

/** Round fresh2: the same problem by class of wording the tables did not read, in this test's own words. */
const SAME_BY_CLASS: Record<string, [string, string][]> = {
  'a thing or fault in words the tables did not know': [
    ['8栋的信报箱被人撬了', '8号楼信箱让人撬坏了'],
    ['花园的长椅断了一根木条', '花园那张长凳少了一块板'],
    ['楼道窗户玻璃碎了', '楼道的窗玻璃破了'],
    ['地库拐弯的凸面镜碎了', '地库转角那面镜子坏了'],
    ['学校门口的围栏倒了', '学校门口那截铁栅栏歪倒了'],
    ['丰巢柜黑屏了，取不了件', '快递柜死机了，取件码输不进去'],
    ['5号楼门口井盖松动了', '5号楼门口那个井盖子是活的，踩上去咣当一声'],
    ['6栋电梯困人了', '6栋电梯又把人关里面了'],
    ['东门保安值班睡着了', '东门岗亭的保安在打瞌睡，没人抬杆'],
    ['北门晚上没人值守', '北门岗亭晚上空着，谁都能进'],
    ['外卖电动车在小区里逆行飙车', '送外卖的在小区里骑得飞快'],
    ['有人在绿化带烧纸，烟好大', '楼下绿地有人烧东西，呛死了'],
    ['楼道好几天没人打扫了', '楼道没人拖，地上全是泥脚印'],
    ['有线电视没信号了', '电视显示无信号'],
    ['7栋外墙砖脱落了', '7号楼外墙瓷砖掉下来了'],
    ['大树的树枝断了挂着', '树杈折了悬在半空'],
    ['人脸识别门禁不灵了', '刷脸进门一直识别失败'],
    ['楼下有人唱卡拉OK到半夜', '半夜谁家在唱K，吵死了'],
    ['单元门闭门器坏了，门砰砰响', '单元门的缓冲坏了，关门声音巨大'],
    ['车棚充电桩没电了', '车棚充电口不通电'],
    ['井盖往外冒脏水', '下水道堵了，污水冒出来'],
    ['消防通道停了一辆车', '消防通道被车堵了'],
  ],
  'more things and faults in words the tables did not know': [
    ['2单元大门关不上', '2单元的单元门合不上了'],
    ['小区监控坏了', '小区的摄像头不工作了'],
    ['楼下有人开车按喇叭', '楼下天天有车鸣笛，吵死了'],
    ['小区路面坑坑洼洼', '小区路上好多坑，电动车容易摔'],
    ['绿化带被人种了菜', '有人在草坪上开荒种菜'],
    ['电梯里有人小便', '电梯里一股尿骚味'],
    ['物业电话打不通', '物业的电话一直没人接'],
    ['晚上有人在小区飙摩托', '半夜摩托车轰油门炸街'],
    ['广告贴满了楼道', '楼道里全是小广告'],
    ['停车位被占了', '我的车位被别人停了'],
    ['天然气表不走字', '燃气表不转了'],
  ],
  'an object the tables do not know, named alike on both sides with the same fault': [
    ['秋千的链子快断了', '游乐场秋千链子锈得厉害，要断了'],
    ['3号楼门口的地砖翘起来了', '3栋门前地砖松了，绊脚'],
    ['楼下的晾衣杆断了', '晾衣杆被风刮断了'],
  ],
  'yet more words: 进水, 鞭炮, 锁不上, 说话很冲, 丢烟头, 不制冷': [
    ['地下储藏室进水了', '地下室储物间被水淹了'],
    ['小区里有人放鞭炮', '楼下有人放炮仗，吵死了'],
    ['单元门锁坏了锁不上', '单元门锁不住了'],
    ['物业前台态度很差', '物业前台说话很冲'],
    ['楼上往下扔烟头', '有人从楼上丢烟头到我家阳台'],
    ['电梯里的空调不制冷', '电梯里热死了，空调好像坏了'],
  ],
  'the flat a resident signs with is below the one the trouble comes from': [
    ['1301半夜还在拖桌子', '楼上凌晨一点还在拖东西，咯吱咯吱，我是1201的'],
    ['楼上902往下漏水', '802的，天花板一直滴水，楼上漏下来的'],
  ],
  'the same source of noise in other words': [
    ['楼上半夜拖桌子，吵得睡不着', '楼上凌晨还在拖家具，咯吱咯吱的'],
    ['楼上的孩子天天弹钢琴', '楼上练琴的声音太大了'],
  ],
  'a source of noise named without a fault is its noise': [
    ['楼上洗衣机半夜甩干轰隆隆', '楼上半夜开洗衣机，震得响'],
    ['楼下广场舞又开始了', '楼下跳广场舞的太吵了'],
  ],
  'drains, pianos, dog dirt, vomit, gas pipes, things thrown from above': [
    ['卫生间下水道堵了', '卫生间洗手池排水很慢'],
    ['楼上天天弹钢琴到半夜', '楼上的琴声吵得睡不着'],
    ['有人的狗在草坪上拉屎', '草坪上到处是狗粪'],
    ['电梯里有人吐了', '电梯里有一摊呕吐物'],
    ['燃气管道有股怪味', '闻到燃气味，是不是漏气了'],
    ['楼上往下扔垃圾', '有人高空抛物，从楼上扔东西'],
  ],
  'a word mistyped by its sound': [
    ['暖气不热', '暖器一点都不热'],
    ['电梯不动了', '店梯不动了'],
    ['拉圾桶满了', '垃圾桶满了没人清'],
  ],
  'a word that means something else here': [
    ['草丛里蚊子太多了', '草坪那边蚊子成群，能安排灭蚊吗'],
    ['12号楼水压太低', '12号楼水流特别小，洗个澡都费劲'],
    ['停水了，一滴都没有', '我家也停水了？没收到通知啊'],
    ['水管爆了，路上全是水', '地下在冒水，应该是自来水管破了'],
    ['8楼装修一直在砸墙', '8楼装修的电钻声到现在还没停'],
  ],
  'asking to turn it down is the noise; what it draws (flies) is no thing of its own; 湿垃圾 is rubbish, not wet': [
    ['楼下跳广场舞的音响太大声', '楼下跳舞的音乐能不能小点声'],
    ['垃圾站那边臭得很，招苍蝇', '垃圾站味道太大了'],
    ['湿垃圾桶的盖子盖不上了', '厨余垃圾桶的盖子坏了'],
    ['楼下饭店的排风口对着我家窗户，气味很重', '一楼饭店排风往上吹，味道全进屋了'],
  ],
  'a fault or a nuisance that names its thing': [
    ['3栋自来水发黄', '3栋出来的水浑浊泛黄'],
    ['楼道里有只死老鼠，好臭', '楼梯拐角有只死耗子'],
    ['垃圾站老鼠很多', '垃圾站附近看到好几只耗子，该灭鼠了'],
  ],
};

describe('a reworded report of the same problem, by class', () => {
  for (const [cls, pairs] of Object.entries(SAME_BY_CLASS)) {
    it.each(pairs)(`${cls}: joins %s ~ %s`, (a, b) => {
      expect(joins(a, b)).toBe(true);
      expect(joins(b, a)).toBe(true);
    });
  }
});

describe('readProblem', () => {
  it('reads the thing and what is wrong with it, not the words', () => {
    const p = readProblem('3栋电梯卡在5楼了，有人关在里面');
    expect([...p.things]).toEqual(['电梯']);
    expect([...p.faults]).toEqual(['坏']);
    expect([...p.floors]).toEqual([5]);
    expect([...readProblem('燃气费怎么交').kinds]).toEqual(['费用']);
    expect(readProblem('燃气费怎么交').things.has('燃气')).toBe(false);
  });
  it('leaves to the wording what it cannot read', () => {
    expect(compareProblems(readProblem('谢谢大家'), readProblem('电梯坏了'))).toBe('unknown');
    expect(compareProblems(readProblem('凉亭的椅子不太稳'), readProblem('凉亭椅子晃'))).toBe('unknown');
    // "坏了" of two things the tables do not know
    // two objects of other heads (衣架, 单杠): read as two things since they are named before the fault
    expect(compareProblems(readProblem('晾衣架坏了'), readProblem('单杠坏了'))).toBe('different');
    expect(joins('晾衣架坏了', '单杠坏了')).toBe(false);
  });
});

describe('the category triage gives', () => {
  const ticket = (category: string): OpenTicketForDedup => ({ ...open('凉亭的椅子不太稳'), category });
  const find = (category: string | undefined, t: OpenTicketForDedup) =>
    findDuplicate({ text: '凉亭椅子不太稳', gridNodeId: 1, groupId: 1, ...(category ? { category } : {}) }, [t], { now });

  it('keeps apart alike words filed under another category, where the tables read nothing', () => {
    expect(find('facility_repair', ticket('facility_repair'))).toBe(1);
    expect(find(undefined, ticket('facility_repair'))).toBe(1);
    expect(find('greening', ticket('facility_repair'))).toBeNull();
  });

  it('reads the buildings the texts name even when the caller passes no place', () => {
    const cover = { ...open('20号楼门口井盖坏了'), place: {} };
    expect(findDuplicate({ text: '3号楼井盖也松了', place: {}, gridNodeId: 1, groupId: 1 }, [cover], { now })).toBeNull();
    expect(findDuplicate({ text: '20号楼井盖也松了', place: {}, gridNodeId: 1, groupId: 1 }, [cover], { now })).toBe(1);
  });

  it('does not overrule a thing and fault read alike (triage may file one report two ways)', () => {
    const lamp = { ...open('车棚的灯坏了'), category: 'facility_repair' };
    expect(findDuplicate({ text: '自行车棚那里晚上没灯，黑乎乎的', category: 'sanitation', gridNodeId: 1, groupId: 1 }, [lamp], { now })).toBe(1);
  });
});

/** Round fresh4: different problems by class, in this test's own words (no bench line). */
const DIFFERENT_FRESH4: Record<string, [string, string][]> = {
  'a room number followed by the part of the flat (天花板, 次卧) is still a room': [
    ['502天花板往下滴水', '302天花板也在渗水'],
    ['1201主卧墙角发霉', '1101次卧墙角也发霉了'],
    ['803次卧外墙渗水', '703次卧外墙也在渗'],
  ],
  'a question, a request or a drill is no report of a fault': [
    ['8栋外墙瓷砖掉了一块', '听说8栋外墙要重新贴砖，钱从维修基金出吗，业主要签字不'],
    ['3栋电梯这周又停了两次', '3栋电梯年检是几月份？到时候要停多久'],
    ['地库老鼠很多', '物业发的老鼠药还有吗，我想领两包'],
    ['6栋信箱被人撬了', '信箱钥匙搬家弄丢了，物业有备用的吗'],
    ['2单元电梯困人了', '下周三上午电梯困人演练，警铃响了别慌'],
    ['楼道有烟味，好像着火了', '本周六小区搞消防演习，会放烟雾'],
    ['地下室老鼠成群', '物业放的老鼠药在哪，家里有小孩怕误食'],
    ['3单元门禁坏了', '门禁卡能不能多办一张'],
    ['2栋电梯困人了', '电梯困人了该怎么自救，大家学习一下'],
  ],
  'another fault of the same thing, told with a "坏了" in front': [
    ['3楼声控灯坏了，白天也一直亮', '3楼声控灯不亮了'],
    ['路灯坏了，一闪一闪的', '路灯坏了，晚上完全不亮'],
    ['地库入口道闸不抬杆', '地库入口道闸杆落得太急，砸到我车了'],
    ['东门道闸坏了，车出不去', '东门道闸杆落得太快，把车顶砸了个坑'],
  ],
  'wiring, a meter box and a socket are things of their own': [
    ['楼道电线老化，外皮都裂了', '楼道配电箱的门锁坏了，门一直开着'],
    ['走廊的插座松了', '走廊墙上的电线松了耷拉着'],
    ['地下室电表箱的锁坏了', '地下室电线断了'],
  ],
  'noise of another source from the same flat': [
    ['楼上天天半夜拖椅子，吱吱响', '楼上小孩每天晚上练钢琴，吵得很'],
    ['1501半夜打麻将，哗啦哗啦的', '1501家一到晚上就唱K'],
    ['楼上有人跺脚蹦迪，吵死了', '楼上打麻将到凌晨两点'],
  ],
  'a basement floor is no floor above ground': [
    ['负一楼电梯厅的灯坏了', '1楼电梯厅的灯坏了'],
    ['负2层的消防栓漏水', '2楼消防栓漏水'],
  ],
  'another lift of the same building, by its number': [
    ['1号梯运行时咔咔响', '2号梯开关门吱呀吱呀响，1号梯倒没事'],
    ['3号电梯困人了', '5号电梯也停了'],
  ],
  'one flat with one fault is not another flat, nor another fault': [
    ['1603外墙渗水，卧室发霉', '1503的，卧室墙角霉斑越来越多'],
    ['1603外墙渗水', '1603的，卧室墙角发霉了'],
  ],
  'a leak into my flat from the one above is not the leak my flat lets down': [
    ['我家1201漏到楼下了', '1301漏到我家1201了'],
  ],
  'the signal of a phone is no broadband; a ditch outside is no toilet': [
    ['手机没信号', '宽带断网了'],
    ['排水沟堵了', '马桶堵了'],
  ],
  'an abandoned car is no car parked in the way': [
    ['2号楼后面停了辆僵尸车，半年没动过', '2号楼后面有人乱停车，挡住路了'],
  ],
  'another mess in the same lift; the glass of a door is no door closer': [
    ['电梯里有人吐了', '电梯里有人小便'],
    ['2单元门的闭门器坏了', '2单元门的玻璃碎了'],
  ],
  'what cars cannot do is no fault in common; a burnt socket is no loose one; a dead rat is no vomit': [
    ['消防通道被堵了，车进不来', '消防通道的井盖塌了，车进不来'],
    ['走廊插座烧坏了', '走廊插座松了'],
    ['楼道有只死老鼠', '楼道有人吐了'],
  ],
  'a fire is never joined into a report of no fire; a card one lost is no broken door': [
    ['楼道里堆的旧家具着火了', '楼道里堆满了旧家具'],
    ['车棚的电动车着火了', '车棚电动车乱停，过不去'],
    ['门禁刷脸不灵', '门禁卡丢了，找谁补'],
  ],
  'another zone of the compound or garage, the front or the back of a building': [
    ['地库A区的灯坏了', '地库C区的灯坏了'],
    ['南区的路灯不亮', '北区的路灯不亮'],
    ['3号楼前面的树倒了', '3号楼后面的树倒了'],
    ['楼后的井盖松了', '楼前的井盖松了'],
  ],
  'a named part of a thing (its screen, a locker door, a lampshade) is a thing of its own': [
    ['快递柜的屏幕碎了', '快递柜有个柜门打不开'],
    ['楼道灯不亮', '楼道的灯罩掉下来了'],
  ],
  'a thing that does not work is not the same thing broken apart': [
    ['东门道闸不抬杆', '东门道闸杆被撞断了'],
    ['快递柜屏幕碎了', '快递柜屏幕没反应'],
    ['电梯卡在6楼不动', '电梯里的扶手掉了一截'],
    ['单元门打不开了', '单元门门框裂了'],
  ],
  'a fan in the lift is no lift': [
    ['电梯里的风扇坏了', '电梯坏了'],
  ],
  'stray cats are not stray dogs': [
    ['东门流浪猫太多了', '东门流浪狗越来越多'],
    ['车库里野猫成群', '车库里野狗乱窜'],
  ],
  'a pest or a smoky stall is not every complaint told near it': [
    ['楼下烧烤摊油烟飘进窗户', '楼下烧烤摊划拳喝酒到半夜，吵死了'],
    ['3楼楼道有只死老鼠', '3楼楼道漏水了'],
  ],
  'a leak into a flat from above is another leak than the one that flat lets down': [
    ['801厨房顶上往下滴水，是楼上漏的', '抱歉啊701的，我家801厨房漏到你家了'],
    ['502天花板渗水，楼上漏下来的', '不好意思402的，我家502卫生间漏到楼下了'],
  ],
};

describe('another problem, round fresh4', () => {
  for (const [cls, pairs] of Object.entries(DIFFERENT_FRESH4)) {
    it.each(pairs)(`${cls}: keeps apart %s / %s`, (a, b) => {
      expect(joins(a, b)).toBe(false);
      expect(joins(b, a)).toBe(false);
    });
  }
});

/** Round fresh4: the same problem by class of wording the tables did not read, in this test's own words. */
const SAME_FRESH4: Record<string, [string, string][]> = {
  'a thing in other words (a lift by its car or number, a manhole, a nest, a modem, a meter of wall)': [
    ['3栋电梯门老夹人', '3栋的梯门关得太猛，我手被夹了两次'],
    ['2号梯运行时咔咔响', '坐2号梯的时候电梯一直咔咔响'],
    ['南门那个窨井好臭', '南门下水井盖冒臭味'],
    ['8栋门口树上有个马蜂窝', '8栋门口树杈上挂着个大蜂巢'],
    ['楼里宽带断了，光猫红灯', '家里网断了，光猫一直闪红灯'],
    ['地下室的消防栓漏水', '地下室红色消防箱下面一直淌水'],
    ['楼道墙皮一块块往下掉', '楼道墙上的腻子往下掉'],
    ['车棚顶棚被风掀了', '车棚的彩钢瓦被大风掀掉了几块，底下还停着车'],
    ['草坪上全是狗屎', '绿地上的狗便便没人管'],
    ['701客厅地砖裂了几块', '701地板砖有好几块裂纹'],
  ],
  'a fault in other words (a symptom, dialect, a thing left without its fault)': [
    ['信报箱被人撬了', '信箱被人掰开了，好几格都开着'],
    ['暖气片冰凉的', '暖气摸着一点温度都没有'],
    ['垃圾桶满了没人清', '垃圾桶都冒尖了'],
    ['隔壁的狗一直叫', '隔壁狗汪了一下午'],
    ['水龙头出来的水发黄', '今天水龙头出来的水是黄的'],
    ['地库老鼠很多', '地库耗子闹得太凶了'],
    ['电梯里有人吐了', '电梯轿厢里一摊呕吐物，熏死人'],
    ['6楼水压太低', '我们6楼水根本上不来'],
    ['楼上空调外机往下滴水', '楼上空调冷凝水一直往下淌'],
    ['单元门口的监控坏了', '单元门口的摄像头好几天没画面了'],
    ['对讲门铃坏了，楼下按了听不见', '门禁对讲还是不响'],
    ['车棚充电桩充不上电', '车棚充电的插上一晚上，电瓶一格都没涨'],
    ['井盖丢了，路上一个大洞', '井盖没了，不知道被谁偷了'],
    ['排水沟堵了，一下雨就积水', '楼后边的水沟被落叶塞死了，一下雨就淹'],
    ['大树的树枝压到电线了', '那棵树的杈子搭到电线上了，风一吹就晃'],
    ['消防通道停满了车', '消防通道天天停私家车，救护车进不来'],
    ['楼道里堆满了杂物', '楼道那儿旧沙发纸箱子堆着，人都过不去'],
  ],
  'yet more things and faults: a sprinkler, an exhaust duct, a socket outlet, an iron gate, a phone with no signal, an English word': [
    ['草坪的喷头坏了，一直往外喷水', '花坛里那根水管往外呲水，流得满路都是'],
    ['楼下饭店的油烟熏到我家了', '楼下饭店排烟管子对着窗户，一屋子油烟味'],
    ['车棚一个插座冒烟了', '车棚那个插口都烧黑了，一股焦糊味'],
    ['大院的铁门关不上了', '大院那扇大铁门合页掉了，锁不上'],
    ['地库手机没信号', '地库里手机一点信号都没有'],
    ['电梯里8楼的按钮按不亮', '8楼的button按了不亮'],
    ['卫生间地漏不下水', '卫生间不走水，拖好几天了'],
    ['楼后面井盖没了', '楼后面的井盖被人偷了'],
  ],
  'a smell told without its source is the pest that smells; a car dripped on is no car problem': [
    ['三楼楼道有死老鼠，臭得很', '3楼楼梯间臭烘烘的，像有东西烂了'],
    ['车库顶上漏水，滴到车上了', '车库天花板一直往下渗水'],
  ],
  'a hollow wall, a light along a road, a window with only its frame, one flat with one self-evident fault': [
    ['1102卧室墙面空鼓', '1102卧室那面墙敲上去是空的'],
    ['北边小路的路灯全黑了', '北侧那条小路上的灯一盏都不亮'],
    ['3楼楼道窗户玻璃碎了', '3楼楼道的窗户只剩个框了'],
    ['1603外墙渗水，卧室发霉', '1603的，卧室墙角霉斑越来越多'],
  ],
  'a lift called "that one"': [
    ['5栋电梯坏了，困在三楼', '5栋那部梯又趴窝了，卡在3楼'],
  ],
  'a fire told as what might happen is no fire': [
    ['5楼楼道堆满了杂物', '5楼楼道纸箱子堆成山，万一着火了怎么跑'],
    ['消防通道被杂物堵了', '消防通道全是杂物，着火了咋办'],
  ],
  'a part named on one side only, a door that will not close': [
    ['快递柜屏幕没反应', '快递柜的显示屏卡死了，取不了件'],
    ['楼道灯不亮了', '楼道灯罩掉了，灯也不亮'],
    ['3栋电梯门关不上', '3栋电梯门合不拢，一直开着'],
    ['地库出口道闸坏了', '地库出口那根杆子就是不抬，屏幕上显示识别成功了'],
  ],
  '"坏了" agrees with any way of being broken': [
    ['东门道闸坏了', '东门道闸杆断了'],
    ['快递柜屏幕坏了', '快递柜屏幕没反应'],
    ['单元门坏了', '单元门门框裂了'],
  ],
  'cars that cannot get through are the trouble told, no car trouble; a thing burnt out smells of it': [
    ['地库C区的积水好深', '负一层C区又淹了，车都开不过去'],
    ['车库出口积水很深，车出不去', '车库出口水还是很深，车还是出不去'],
    ['车棚的插座烧坏了', '车棚那个插座冒烟了，一股焦味'],
  ],
  'the same zone or side told another way': [
    ['地库B区的灯坏了', '地库B区黑乎乎的'],
    ['二区8栋门口路灯不亮', '2区8栋门口的路灯坏了'],
    ['3号楼后面井盖松了', '3号楼楼后头那个井盖是活的'],
    ['电梯里的风扇坏了', '电梯风扇不转了'],
  ],
  'a dead rat is its smell': [
    ['地下室老鼠很多', '地下室晚上老鼠吱吱叫'],
    ['楼道里有死老鼠', '楼道里臭烘烘的'],
  ],
  'smoke drifting into a home, a hand caught by a door': [
    ['楼下烧烤油烟太大', '楼下烧烤的烟全飘我家了'],
    ['电梯夹人', '电梯门把我手夹了'],
  ],
  'a word that misleads (a dark night is no lamp, a door stuck is no door card, B1 is no first floor)': [
    ['井盖被偷了', '井盖不知道被谁偷了，晚上黑灯瞎火的很危险'],
    ['阳台推拉门卡住了推不动', '阳台移门卡死了，只能拉开一半'],
    ['负一楼消防栓漏水', '地下室消防栓一直在滴水'],
    ['楼上装修电钻声吵得不行', '哪家一大早在砸墙，被震醒了'],
    ['一楼蟑螂泛滥', '一楼好多小强，一开灯满地跑'],
    ['地库B1层的灯全灭了', '负一层车库黑乎乎的，灯坏了'],
    ['楼上地板咚咚响，吵得睡不着', '楼上咚咚咚的，吵死了'],
    ['院门口的路灯坏了', '院门口那盏路灯不亮'],
  ],
};

describe('a reworded report of the same problem, round fresh4', () => {
  for (const [cls, pairs] of Object.entries(SAME_FRESH4)) {
    it.each(pairs)(`${cls}: joins %s ~ %s`, (a, b) => {
      expect(joins(a, b)).toBe(true);
      expect(joins(b, a)).toBe(true);
    });
  }
});
