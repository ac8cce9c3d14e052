// Parts AO and AP's round, people: emergencies told by their signs as a first-aider would read them (no breath and blue
// lips, a swelling throat and a rash, the worst headache with vomiting, a fit with a fever, bleeding in pregnancy, a head
// struck and the mind wandering, a scald over a whole limb, a face bleeding after a bite, a handful of pills, one side
// weak with speech slowed, a cry of 救命 and no breath), and lives at risk told by what is seen (a door kicked with a
// threat, a crowd beating a man who is down, a throat gripped, a threat to open the gas and die together, a farewell
// and charcoal, pills saved up, shoes off by a river, someone outside a ledge, a child half out of a window or alone in a
// lift). Paraphrases, never bench lines; each class with look-alikes (advice, adverts, training, recovered, a usual
// complaint, a show, a small burn, a pet) that must stay normal.
import { describe, expect, it } from 'vitest';
import { detectHazard } from '../../../../src/core/hazard/detect-hazard.ts';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

/** [text, kind]: a hazard of that kind (or of another people kind in `|`, when an older rule reads it first). */
const HAZARDS: readonly (readonly [string, string])[] = [
  // no breath, lips blue
  ['孩子突然不呼吸了 嘴唇都紫了 谁会急救', 'medical'],
  ['婴儿没在喘气 嘴唇发乌 快来人 7栋', 'medical'],
  // allergy: swelling and breath failing
  ['我儿子吃了花生 喉咙肿了 喘不上气 快帮忙', 'medical'],
  ['她吃完芒果浑身起疹 现在呼吸困难', 'medical'],
  ['被黄蜂叮了以后嘴唇肿起来 喘得很厉害', 'medical'],
  // the worst headache with vomiting or confusion
  ['我妈说头疼得要裂开 吐了两次 现在叫不应', 'medical'],
  // a fit with a fever
  ['孩子发烧到四十度 一直抽搐 眼睛翻白眼', 'medical'],
  // bleeding in pregnancy
  ['老婆怀了七个月 突然流血了 很多 下不了楼 3-2-101', 'medical'],
  // a head struck, the mind wandering; a fall and no movement
  ['外婆在卫生间滑倒 后脑勺撞到洗手台 现在说胡话', 'medical'],
  ['装空调的师傅从架子上摔下来了 躺在3栋后面 一动不动', 'medical'],
  // a scald over a whole limb
  ['奶奶被热汤烫了 整只手臂起泡 皮掉了一块', 'medical'],
  // a face bleeding hard after a bite or a blow
  ['有个小朋友被咬了 脸上全是血 在篮球场', 'medical'],
  // a handful of pills
  ['孩子偷吃了外婆的安眠药 吃了好几颗 现在叫不醒', 'medical'],
  ['我爸一下吃了半瓶安眠药 现在迷糊了', 'medical|suicide'],
  // one side weak with speech slowed
  ['我妈左边手脚没力气 说话也不利索 刚刚开始的', 'medical'],
  // low blood sugar, heat stroke, a chest pressed with a sweat, a limb bent after a fall
  ['我外公打完胰岛素没吃饭 一直冒冷汗 人糊里糊涂的', 'medical'],
  ['保安在烈日下站了一上午 现在不出汗 说胡话', 'medical'],
  ['我爸说胸口像压了块石头 冷汗一直流', 'medical'],
  ['奶奶从台阶上滚下去了 脚踝扭成奇怪的样子 起不来', 'medical'],
  // a cry for help with no breath; near death
  ['救救我 呼吸困难 6-1-302', 'medical'],
  ['奶奶不行了 救命啊 2栋', 'medical'],
  // a cry heard through the floor
  ['楼下有人在喊救命 还在敲墙 好久了', 'medical|violence'],
  // trapped: locked in from outside, no signal; locked in and not answering
  ['工人在地下车库的设备间 门被人从外面反锁了 打不通', 'trapped'],
  ['我爷爷锁在卫生间里 敲门也不开 一点声音没有', 'trapped'],
  // violence
  ['几个人在砸我家门 说今晚弄死我', 'violence'],
  ['小区门口几个人在围着打一个保安 他倒地了', 'violence|medical'],
  ['他掐着我脖子 我现在躲在厕所 帮我报警', 'violence'],
  ['隔壁男的喝多了 说要开煤气同归于尽 孩子在哭', 'violence|suicide'],
  // suicide
  ['我同学发了遗言 然后把自己反锁在家 打不通', 'suicide'],
  ['我真的活不下去了 对不起 妈', 'suicide'],
  ['楼下阿姨说安眠药都攒好了 今晚就吃 怎么劝都不听', 'suicide'],
  ['桥上有个女孩 鞋子脱了放在桥边', 'suicide'],
  ['有个人坐在楼顶边上 腿挂在外面', 'suicide'],
  ['隔壁大叔拿着一瓶敌敌畏 说活够了', 'suicide'],
  ['我儿子问我割腕疼不疼 这几天都不说话', 'suicide'],
  // child
  ['对面楼有个小孩爬到窗户外面 半个身子出来了', 'child_danger'],
  ['有个小娃一个人在电梯里哭 上上下下好几趟了', 'child_danger'],
];

/** Look-alikes of health talk and the like: must stay normal. */
const ORDINARY: readonly string[] = [
  // advice, adverts, training
  '医生说过敏的话喉咙会肿 呼吸困难要及时去医院',
  '急救课上讲 宝宝不呼吸了 嘴唇发紫要马上做心肺复苏',
  '上次过敏嗓子肿了 喘不过气 打了针就好了 现在没事了',
  '科普：孕妇出血要注意 及时就医',
  // recovered, usual complaints
  '我手被开水烫了一下 起了个小泡 没事了',
  '我妈老是说头疼得要炸了 吃片药就好 老毛病了',
  '我右边胳膊有点没力气 打球扭到了 说话没事',
  '我有低血糖 刚才手抖出冷汗 吃了颗糖就好了',
  '高温天注意防暑：如果不出汗、说胡话要及时就医',
  '今天太阳底下晒了一天 热得我都说胡话了',
  '跑完步满头大汗 胸口压着有点闷 歇会就好多了',
  '我爸每天都说右边手脚发麻 说话倒是正常 老毛病了',
  '我姥姥在老家住院了 医生说她嘴唇发紫 要吸氧',
  '昨天宝宝发烧抽筋 送医院了 现在好了',
  '烫伤急救培训：整片起泡不要挑破',
  '我上个月从梯子上摔下来 头撞了 在家躺了一周',
  // shows and jokes
  '电视剧里那个小孩趴在窗户上半个身子在外面 看得我好紧张',
  '他喝多了说要弄死我 哈哈 开玩笑的',
  '电视剧里男的说要开煤气一起死 吓死我了',
  '这周加班加得我喘不过气 救命',
  '作业太多了 救命 喘不过气 哈哈',
  // ordinary things that share words
  '河边有人脱了鞋在钓鱼',
  '空调师傅站在窗台外面装外机 挺危险的',
  '小孩们在小区里围着踢球',
  '我把自己锁在房间里打游戏 我妈敲门我不开 哈哈',
  '店里生意不行 我真的撑不下去了 对不起大家 下月关门',
  '大爷在地里打农药 说不想拖累孩子',
  '防身课上教被人掐住脖子时怎么挣脱 然后躲在安全的地方报警',
];

describe('round AO/AP people: hazards told by their signs', () => {
  for (const [text, kind] of HAZARDS) {
    it(`${kind}: ${text}`, () => {
      const hit = detectHazard(text);
      expect(kind.split('|')).toContain(hit?.kind);
      expect(detectUrgency(text).urgency).not.toBe('normal');
    });
  }
});

describe('round AO/AP people: look-alikes stay normal', () => {
  for (const text of ORDINARY) {
    it(text, () => {
      expect(detectHazard(text)).toBeNull();
      expect(detectUrgency(text).urgency).toBe('normal');
    });
  }
});
