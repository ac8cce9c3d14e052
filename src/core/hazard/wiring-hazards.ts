// Hazard rules of wiring (积水漫电箱, 电线裸露, 电线过热): water at electrics, bare or hanging wires, wiring scorched by
// its load — what could shock or set fire, so at least urgent. Part of HAZARD_RULES (hazard-rules.ts), in this order,
// after the fire-safety rules (fire-safety-hazards.ts).
import { LEAD } from './fire-safety-hazards.ts';
import type { HazardRule } from './hazard-rules.ts';

export const WIRING_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'water_electric',
    level: 'urgent',
    labelZh: '积水漫入电气设施',
    category: 'utilities',
    pairs: [
      {
        objects: ['配电箱', '电表箱', '电箱', '电闸', '闸箱', '电井', '强电井', '电缆井', '配电房', '配电室', '配电间', '配电柜', '电柜', '电控柜', '控制柜', '电梯井', '电梯', '插座', '电线', '电表', '开关', '灯', '变压器', '电缆', '充电桩', '充电器', '插排', '排插', '插线排', '插线板', '拖线板', '接线板', '插头',
          // an appliance on the wet circuit ("滴在浴霸上 浴霸还开着")
          '浴霸', '电热水器', '排气扇', '换气扇', '电器'],
        symptoms: [/滴(?:在|到|进)/, '漫过', '没过', '淹没', '进水', '泡水', '泡在水', '泡了', '泡着', '淹', '漫到', '流进', '灌', '渗进', '渗水', '漏水', '滴水', '全是水', '积水', '水顺着', '往下流水', '水流', '往里流',
          // (吴 积额水: water standing)
          /积(?:了|的|额|着)水/],
      },
      // water seeping into, or soaking, the electric boxes themselves ("电井里有点水在往外渗", "电表底下都湿了"); not a wet
      // lift floor on a rainy day
      {
        objects: ['配电箱', '电表箱', '电箱', '电闸', '闸箱', '电井', '强电井', '电缆井', '配电房', '配电室', '配电间', '配电柜', '电柜', '电控柜', '控制柜', '电表'],
        symptoms: ['往外渗', '在渗', '湿了', '都湿', '湿透'],
      },
      // water running into a lift shaft or an electric room ("水哗哗个往电梯井里流")
      { objects: ['电梯井', '电井', '强电井', '电缆井', '配电房', '配电室', '配电箱', '电表箱'], symptoms: ['里流', '里灌', '里淌', '里渗', '里漫'], span: 10 },
    ],
    // someone about to wade through live water
    // (or water deep enough that anyone passing wades: "水淹到膝盖")
    emergencyWith: [/有人[^，。！？,.!?]{0,3}(?:走|踩|蹚|趟|过)/, /(?:淹|没|漫)(?:到|过)(?:了)?(?:膝盖|大腿|腰)/, '蹚水', '趟水', '淌水', '快拦', '拦住', '小孩', '孩子', '路过', '经过', '行人',
      // the wet electrics still live: humming, crackling, running, lights flickering ("里面还在嗡嗡响", "电梯还在运行")
      /(?:还在|还|仍在|仍然|照常|照样|一直在?)[^，。！？,.!?\s]{0,2}(?:运行|运转|工作|嗡嗡|滋滋|吱吱|噼啪|响|跑|上下)/,
      // people still down in it ("车主还在里面拎东西")
      /(?:车主|业主|住户|有人|人)(?:都|也)?还在(?!吗|不)/, '嗡嗡', /[吱滋]{1,2}[的地]?响/, '一闪一闪', '忽明忽暗', '闪个不停', '火花', '踩着水',
      // lights on the wet circuit flickering, an appliance in the water still plugged in ("灯一直闪", "冰柜还插着电")
      /灯[^，。！？,.!?\s]{0,3}(?:一直|不停地?|老是|总是|还)(?:在)?闪/, /(?:还|仍然?|一直)(?:插着|通着|带着)电/,
      // the wet circuit still on: power still there, the breaker not off, the light on it still lit, cars still charging
      // ("现在还有电", "电闸还没关", "灯还亮着", "好几辆车还插着在充")
      /(?:现在|还|仍然?|一直)(?:都)?(?:有电|通着电|带电)(?![吗么没])/, /(?:电闸|总闸|闸|空开|开关|电源|电)(?:还|都|也|一直)?没(?:关|拉|断|跳|停)/,
      // someone of the family still inside the flooded home ("我妈还在屋里")
      /(?:妈|爸|老人|奶奶|爷爷|外婆|外公|姥姥|婆婆|家人|家里人|老婆|老公|孩子|小孩|宝宝|老太太|老爷子)(?:都|也)?还在(?:屋|家|房|里)/, /灯(?:还|一直|都)(?:亮着|开着|亮)/, /(?:还|仍然?|一直)(?:插着|在充)/,
      // the water at a distribution room's cabinets, a socket or strip under water ("配电房进水了，水已经淹到柜子底下", "插排泡在水里")
      /(?:配电房|配电室|配电间|电房|变电|配电柜)[^。！？!?]{0,12}(?:淹|漫|泡)(?:到|过|了|着)?[^，。！？,.!?\s]{0,3}(?:柜|箱)/,
      /(?:插座|插排|排插|插线板|接线板|拖线板|插头|充电桩)[^，。！？,.!?\s]{0,2}(?:泡在水|泡水|淹在水|在水里|泡着)/,
      // the water still coming in ("B1 还在往里灌"), or power to be cut at once ("请物业电工立即断电")
      /还在[^，。！？,.!?\s]{0,2}(?:往里|往下)?(?:灌|涌|漫|进水)/,
      // an animal already shocked, people warned off ("一只狗踩上去就倒了 人别过去")
      /(?:狗|猫)[^，。！？,.!?\s]{0,6}(?:踩|碰|走)[^，。！？,.!?\s]{0,4}(?:倒|抽|不动|叫)/, /(?:人|大家|小孩|孩子)(?:都)?(?:别|不要)(?:过去|靠近|过来|碰)/, /(?:立即|立刻|马上|赶紧|赶快|快)(?:去|帮忙)?(?:断电|拉闸|关总闸|拉总闸)/,
      // someone asked to cut it ("谁通知一下物业拉闸"), cars still charging in it ("还有车在充电"), a burst pipe pouring in
      // ("水管爆了 水哗哗往电井里灌")
      /(?:通知|叫|让|找|喊|谁)[^，。！？,.!?]{0,6}(?:断电|拉闸|关总闸|拉总闸)/, /还有[^，。！？,.!?\s]{0,4}(?:在充|插着|充着)/, /水管爆|爆管|爆水管|水[^，。！？,.!?\s]{0,2}哗哗|哗哗[^，。！？,.!?\s]{0,2}(?:往|地|的)?(?:流|灌|涌|冒|喷)/],
  },
  {
    kind: 'exposed_wire',
    level: 'urgent',
    labelZh: '电线裸露',
    category: 'utilities',
    // children playing by it ("线头就掉在草地上 好几个小孩在那踢球")
    // (now, not as a habit: "孩子们经常在那玩")
    emergencyWith: [/(?:小孩|孩子|小朋友|学生)(?:们)?(?:正|都|还|也)?在(?:那|那里|那儿|旁边|边上|附近|上面|草地上?)?(?:玩|踢球|跑|打闹|捉迷藏)/,
      // the bare wire wet (rain, a puddle, water on the floor), or down where a crowd stands or people walk ("线头是光的 下着
      // 雨 一群学生在排队", "电缆刮断了 耷拉在人行道上 别让人过去")
      // (raining now, not rain wondered about: "下雨会不会漏电")
      /(?:正在?|还在|在)下(?:着)?(?:大|小)?雨|下着(?:大|小)?雨|雨(?:里|水里)|淋(?:着)?雨|泡在[^，。！？,.!?\s]{0,2}水|水坑|积水|地上(?:还)?(?:有|都是|全是)水/,
      /(?:一群|好多|很多|一堆|一帮)[^，。！？,.!?\s]{0,3}(?:人|学生|小孩|孩子|小朋友)/, '排队', '人行道', /别让(?:人|小孩|孩子)(?:过|靠近|碰|走)/],
    terms: ['电线裸露', '电线掉', '电线垂', '电线断了', '裸露的电线', '露铜', '铜丝露',
      // a wire's end bare ("线头是光的", "铜线都光着")
      /(?:线头|铜线|铜丝|电线)(?:都|全)?(?:是)?光(?:的|着|秃秃|溜溜)/, /裸(?:露的)?(?:电)?线(?![条路])/, /线皮[^，。！？,.!?]{0,2}(?:破|烂|掉|没了)/, /(?<![毛针棉])线(?:都|全)?露(?:出|在|着)/],
    pairs: [
      {
        objects: ['电线', '电缆', '线头', '电源线', '高压线'],
        symptoms: ['裸露', '露在外', '露出', '露着', '裸着', '断了', '掉下', '掉在', '耷拉', '垂', '破了', '咬破', '破皮', '外皮破', '铜丝', '铜线', '拖在地', '泡在水', '带电', '刮下来', '刮断', '横在', '落在', '落地',
          // dug up and left lying ("挖路挖出一截电缆 摊在路边")
          '挖出', '挖断', '挖破', '摊在', '割断', '割破', '压断',
          // a broken end left lying in the grass or on the ground ("电线断头露在草里")
          '断头', /露在(?:草|地|路|土|泥|水)/,
          // its skin said broken ("一截电线，皮是破的")
          /皮(?:是|都|也|已经)?(?:破|烂|裂)(?:的|了|开)/,
          // told simply: no skin on it ("电线 没有 皮 在外面")
          /没(?:有)?(?:了)?(?:外)?皮/, /皮(?:都)?没(?:有)?了/],
      },
      // a wire whose sheath has perished ("一根线外皮都烂了")
      // (or a power tool's lead or a lamp's, its skin worn through: "切割机的线拖在楼道 皮都破了", "坏灯 线吊下来 没包胶布")
      { objects: ['电线', '电缆', '线头', '电源线', ...LEAD.slice(0, 1), /(?:切割机|电锯|电钻|电焊机|冲击钻|角磨机|电镐|打磨机|搅拌机)的?(?:电源)?线/, /灯[^，。！？,.!?]{0,3}?线(?![路索条])/],
        symptoms: [/外皮[^，。！？,.!?]{0,2}(?:破|烂|掉|没|裂|脱)/, /皮(?:是|都|也|已经)?(?:被)?(?:磨|刮|压|咬|划|蹭)?(?:破|烂|裂)(?:的|了|开)/, '没包好', '胶布掉',
        // (川 吊起在外头 没包: hanging out unwrapped)
        /没(?:有)?包(?![装邮裹括含容])/, /吊起?在外[头面边]/], span: 20 },
      // an electric box left open to anyone, or live wires left lying about
      { objects: ['配电箱', '电箱', '电表箱', '配电柜', '电闸箱', '电柜', '接线盒', '线盒', '接线箱'], symptoms: [/门(?:一直|都|还)?(?:开着|敞着|没关|没锁)/, '敞着', '没锁', '门坏了', '门掉了', '门不见', '撞开', '被撞坏',
        // pried open ("电箱门被人撬了")
        /撬(?:开|坏|了)/], span: 16 },
      { objects: ['电线', '电缆', '线头', '接头'], symptoms: ['通着电', '还通电', '还有电', '带着电'], span: 30 },
      // a line only called 线, broken and down where people pass, its power in doubt or named ("有根线断了耷拉在地上，不知道
      // 有没有电"); not a washing line, a net's or a phone's
      {
        objects: [/(?<![毛针棉丝网晾衣筝跳鱼钓天航路光直曲热视话缝])线(?![路索条])/],
        symptoms: [/断了?[^，。！？,.!?\s]{0,2}(?:耷拉|垂|掉|拖|落|躺)(?:在|到)?(?:地|路)/, /(?:耷拉|垂|掉|拖|落)(?:在|到)(?:地上|地面|路上|路面|水里)/],
        within: [/有没有电|带电|有电|漏电|通电|电线杆|高压|危险/],
        span: 12,
      },
      // a light fitting come down and hanging by its wires ("吸顶灯掉下来吊着 线连着 孩子跳起来就能够着")
      {
        objects: ['吸顶灯', '吊灯', '壁灯', '灯具', '灯罩', '灯座', '灯头', '灯管', '楼道灯'],
        symptoms: ['吊着', '悬着', '耷拉', '垂下来', '挂着'],
        within: [/线(?:还)?连着/, '够着', '够得着', '碰到', '摸到', '电线'],
        span: 20,
      },
      // a joint only wound with tape, the lead run across a floor where people walk ("接头就用胶带一缠 铺在地上 人来人往")
      { objects: ['接头', '接口', '线头'], symptoms: [/(?:胶带|胶布)[^，。！？,.!?\s]{0,3}(?:缠|裹|绑|粘)/], within: [/(?:铺|拖|扔|放)在(?:地上|地面|走廊|楼道)/, '人来人往', '走廊', '楼道', '踩'], span: 12 },
    ],
  },
  {
    // wiring scorched or softened by the load of heaters, not yet smoking or sparking (that is electrical, an emergency):
    // "插线板串着插线板 接了四个电暖器 线都烫软了", "总线的皮都烤黄了", "插头那里发黑 墙上还有焦印子"
    kind: 'overheating',
    level: 'urgent',
    labelZh: '电线过热',
    category: 'fire_safety',
    pairs: [
      {
        objects: ['电线', '总线', '线皮', '插线板', '插排', '排插', '接线板', '插座', '插头', '电源线', '电表箱', '配电箱', '电箱', '配电柜', '电闸', '空开', /(?<![毛针棉丝光天直路曲热])线(?=都|也|全|已经|被)/],
        // (damage, not warmth: a wire 发烫 under a heavy load is a complaint for the electrician)
        symptoms: ['烫软', '烤软', '烧软', '烤黄', '烧黄', '烤焦', '发黑', '焦印', '熏黑', '变形了', '烫化',
          // a casing hot and turned yellow or discoloured ("烫手 外壳都变黄了", "烤变色了"), not one yellowed with age
          /(?:烫|热|烤|烧)[^。！？!?]{0,8}(?:外壳|壳子?|面板|盖子?)[^，。！？,.!?\s]{0,3}(?:变黄|发黄|变色|烤变色)/, /(?:烤|烫|烧)(?:得)?变色/,
          // hot till it went soft or out of shape ("插线板都烫得发软了", "烫得都变形了", "摸着烫手 外壳都软了")
          /(?:烫|烤|烧|热)得?(?:都|已经|有点)?(?:发软|变软|软了|变形|化了)/, /(?:外壳|壳子?)(?:都|已经|有点)?(?:软了|变软|发软|变形|化了)/],
        span: 20,
      },
    ],
    notWith: ['手机', '充电宝', '电脑', '笔记本', '耳机', '热水袋', '暖宝宝', '电热毯'],
  },
];
