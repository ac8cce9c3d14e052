// Hazard rules of structures and things overhead (井盖, 倒塌, 塌陷, 坠物, 高空抛物): an urgent one becomes an emergency
// with people in its way (PEOPLE_AT_RISK). Part of HAZARD_RULES (hazard-rules.ts), in this order.
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

/** People in harm's way: a structural hazard or a falling object near them is an emergency. */
export const PEOPLE_AT_RISK: readonly Term[] = [
  // a crowd below ("下面全是人")
  /(?:楼下|下面|底下|下边)[^，。！？,.!?\s]{0,2}(?:全是|都是|一堆|站满了?|挤满了?)人/,
  '行人', '路人', '小孩', '孩子', '小朋友', '老人', '路过', '经过', '砸到', '砸伤', '砸中', '伤人', '头上', '受伤', '掉进去',
  '掉下去', '脚边', '身边', '人行道', '玩的地方', '上学', '放学', '差点', '幼儿园', '幼稚园', '学校', '下面是', '楼下是', '人多', '好多人', '乘凉', '来来往往', '车来车往', '有人走', '底下', '下面有人', '人来人往', '头顶', '进出的人', '下面走', /下面(?:就)?是/, '主干道', '马路',
  // people named first, then where they stand ("还有工人在下面"), or heard calling from inside ("里面有人在喊")
  /(?:工人|人|小孩|孩子|老人|行人)(?:还|都|正)?在(?:下面|底下|下边|楼下)/, /(?:里面|里头|屋里|下面|底下)(?:还|仍)?有人(?:在)?(?:喊|叫|哭|呼救)/,
  // people told to keep away from where it comes down ("你们别从8栋门口走", "2单元门口别走", "快别让人走")
  /(?:别|不要)从[^，。！？,.!?\s]{0,6}(?:走|过)/, /门口(?:别|不要)(?:走|过|站|停)/, /(?:别|不要)让(?:人|大家|行人|小孩|孩子)(?:走|过|靠近)/,
];

/** What a wall, a ceiling or a fitting high up that comes down, cracks or works loose is. */
const COLLAPSE_OBJECTS: readonly Term[] = [
  '外墙', '墙皮', '墙砖', '瓷砖', '外立面', '墙体', '围墙', '天花板', '吊顶', '顶棚', '楼板', '阳台', '雨棚', '遮阳棚', '招牌', '广告牌',
  '外机', '窗户', '玻璃', '窗框', '水泥块', '混凝土', '护栏', '栏杆', '大树', '树枝', '电线杆', '路灯杆', '脚手架', '塔吊', '吊车', '屋檐', '防盗网',
  '晾衣架', '挡板', '百叶', '石块', '墙面', '灯箱', '顶板', '屋顶', '房顶', '墙', '柱子', '横梁', '保温层', '外保温', '楼梯扶手', '扶手', '水泥', '顶上', '大理石', '石板', '女儿墙', '太阳能', '支架', '架子', '水箱', '台阶', '楼梯', '踏步',
  // ice hanging from eaves and roofs
  '冰溜子', '冰柱', '冰凌', '冰锥', '冰挂',
  // pots on a sill, sheet metal and tiles a wind can lift
  '花盆', '花架', '铁皮', '彩钢瓦', '彩钢板', '瓦片',
];

/** What people walk on or hold as they go (a handrail, a step): loose, it is a fall waiting for its users (STAIR_FALL). */
const WALKED_ON: readonly Term[] = ['楼梯扶手', '扶手', '台阶', '楼梯', '踏步'];
/** …the rest: what comes down on whoever is under it (a wall held or leant on is no wall coming down: "上楼都得扶墙"). */
const OVERHEAD_OBJECTS: readonly Term[] = COLLAPSE_OBJECTS.filter((o) => !WALKED_ON.includes(o)).map((o) => (o === '墙' ? /(?<!扶着?|靠着?|贴着?)墙/ : o));

/** What a structure or a fitting does as it gives way: comes down, works loose, leans, swings. */
// (a tree swaying in a gale is weather, not a fitting working loose: "风好大，树都在晃"; a tree about to fall says 倒)
const GIVING_WAY: readonly Term[] = ['塌', /(?<![推])倒(?![垃水车闭霉是])/, /掉(?!色|漆)/, '脱落', '脱开', '坠', /松(?:动|了|脱|开|垮)/, /晃(?<!树[^，。！？,.!?\s]{0,4}晃)/, '歪', '断', '悬', '半空', '剥落', /鼓(?![点声掌励手])/,
  // (not hail or rain drumming on a roof: "下冰雹了 砸在车棚顶上")
  /砸(?<!(?:冰雹|雹子|雨点|雨滴)[^。！？!?]{0,12}砸)/, '锈穿', '锈断', '掉渣', '掀', '刮下', '刮掉', '刮飞', '往下飞',
  // left loose on a sill in the wind ("摆了一排花盆 没有任何固定")
  /没(?:有)?(?:任何)?(?:固定|绑|加固)/,
  // hung out over the edge and swinging ("花盆吊在窗台外面，摇来摇去")
  /吊(?:在|着)[^，。！？,.!?\s]{0,4}外[面头边]/, /摇(?:来摇去|下摇下|摇晃晃)/,
  // leaning or sagging off its fixings ('架子倾斜了', '整个架子耷拉下来了')
  '倾斜', '耷拉'];

/** A crack told slight: hairline, too thin for a sheet of paper, of no consequence ("墙角的裂缝细细的一条，不影响"). */
export const HAIRLINE_CRACK: readonly Term[] = [
  '细细', '很细', '极细', '特别细', '挺细', '细缝', '细纹', '细小', '细微', '细裂', '发丝', '头发丝', /头发(?:那么|一样|似的)?细/, /细得?(?:像|跟|和)/,
  // too thin to slip anything in ("塞不进", "一张纸都塞不进去", "塞张名片进去都费劲")
  /(?:塞|插|伸|放|卡)不(?:进|下)/, /(?:塞|插|伸|放)(?:进|下)?[^，。！？,.!?]{0,6}都(?:难|费劲|费力|困难|不行|塞不|插不)/,
  '一点点', '一丁点', '一点儿', /小(?:缝|裂缝|裂纹|裂口|口子)/, '很小', '微小', '轻微', '浅浅', '很浅',
  // of no consequence (not asked: "不影响吗")
  /(?:不|没)(?:太|啥|什么)?影响(?![^，。！？,.!?]{0,4}[吗么])/, '不碍事', '问题不大', '不严重',
];
/** A crack told wide or growing: it undoes a slight word beside it ("原来细细的，现在越来越宽了"). */
export const WIDE_CRACK: readonly Term[] = [
  /越来越(?:宽|大|长|深|多)/, /变(?:宽|大|长|深)/, /(?:缝|纹|口|裂)[^，。！？,.!?]{0,8}(?:宽|大|长|深)了/, /(?:好|很|老|挺|特别|这么|那么)宽/, /(?:好|很|老|挺)大(?:一)?(?:条|道|个)/, '大缝', '大裂缝', '大口子',
  // something thick fits in ("能塞进手指", "塞得进一张卡还有余", "硬币都能塞进去")
  /(?:能|可以|塞得|伸得|插得|放得)(?:塞|伸|插|放)?(?:进|下)(?:去)?[^，。！？,.!?]{0,6}(?:手指|指头|手掌|硬币|拳头|手|笔|钥匙|卡)/,
  /(?:手指|指头|手掌|硬币|拳头|钥匙|笔|卡)[^，。！？,.!?]{0,3}(?:都|也)?(?:能|可以)(?:塞|伸|插|放)(?:进|下)/,
  /[一两二三四五半几]指(?:头)?宽/, /(?:手指|指头)(?:宽|粗)/, /还有(?:余|空|富余|空隙)/, /\d+(?:\.\d+)?\s*(?:厘米|公分|cm)|[一两二三四五六七八九十几]+(?:厘米|公分)/, '透光', /(?:看|望)得?(?:见|到)外面/,
];

export const STRUCTURE_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'manhole',
    level: 'urgent',
    labelZh: '井盖缺损',
    category: 'facility_repair',
    removalIsHazard: true,
    pairs: [
      {
        // (a bare 井 only when its cover is what is missing: "有个井没盖")
        objects: ['井盖', '下水井', '窨井', '污水井', '雨水井', '排水井', '井口', '检查井', '下水道盖', '水沟盖', '沟盖', '盖板', '排水沟', /化粪池(?:的)?盖/, /(?<![水油矿天深古])井(?=[^，。！？,.!?\s]?(?:没盖|没有盖|敞着|盖子?(?:没|丢|不见)))/],
        symptoms: ['丢', '没了', '不见', '被偷', '偷了', '偷走', '撬走', '撬了', /(?<!没|没有|没被)撬开/, /被[^，。！？,.!?\s]{0,3}(?:偷|盗)/, '缺', '掀', '翻', '塌', '破', '碎', '坏', '松', '陷', '歪', '移位', '裂', '晃', '空了', '坑', '敞着', '露着', '没盖', '没有盖', '没井盖', '断', '踩空',
          // tipped up, or washed away by a flood ("井盖翘起来了一半", "盖子被冲走了")
          '翘', /冲(?:走|跑|开|掉)/,
          // carried off ("谁把井盖搬走了"): taking a cover away is the hazard (removalIsHazard)
          /(?:搬|拿|拖|运)走/,
          // its cover shifted aside ("盖子被人挪开了一半")
          '挪开', '移开', '推开了',
          // pushed up by a flood ("井盖被水顶开了")
          /顶(?:开|起来|飞)/,
          // an open hole under a flimsy cover ("井盖是空的 上面就盖了块纸板")
          /是空的|空着/, /(?:纸箱|纸板|纸壳|塑料布|木板|树枝)[^，。！？,.!?]{0,4}(?:盖|挡|遮)/],
      },
      // opened and left with no one and nothing to guard it ("把井盖打开就去吃饭了 也没围挡"), not opened for work with a fence
      {
        objects: ['井盖', '井口', '窨井', '下水井', '污水井', '雨水井', '检查井', '检修井'],
        symptoms: [/打开|开着|敞开/],
        within: [/没(?:有)?(?:人(?:看|管|守)|围挡|围起来|警示|提示|标志|锥桶|护栏|拦)/, /连(?:个)?(?:警示|围挡|提示|牌子|锥)/, /就(?:走|去|跑)/, '人走了', '走开了'],
        span: 30,
      },
      // a drain's cover named in full, stolen or hidden under something flimsy ("下水道的盖子被人偷了 就拿一个纸箱子盖着")
      {
        objects: [/(?:下水道|下水井|窨井|污水井|雨水井|排水沟|水沟|检查井)的?(?:盖子|盖板|铁盖)/],
        symptoms: ['被偷', '偷了', '偷走', '丢', '没了', '不见', '撬走', /被[^，。！？,.!?\s]{0,3}(?:偷|盗)/, /(?:纸箱|纸板|纸壳|塑料布|木板|树枝)[^，。！？,.!?]{0,4}(?:盖|挡|遮)/],
        span: 24,
      },
    ],
    // (or water swirling down the open hole: "水在往下灌 形成漩涡")
    emergencyWith: ['掉进去', '掉下去', '摔进', '掉进', '漩涡', '旋涡',
      // children at its mouth ("几个小孩趴在井口往下看")
      /(?:小孩|孩子|小朋友|学生)[^，。！？,.!?\s]{0,4}(?:趴|蹲|站|围|坐)在(?:井|坑|洞)(?:口|边|沿)/,
      // someone's foot already caught in it ("脚卡进去了")
      /脚[^，。！？,.!?\s]{0,2}(?:卡|陷|踩|崴)(?:进|了|到)/, /(?:人|小孩|孩子|老人|阿姨|大爷|大妈)[^，。！？,.!?\s]{0,4}(?:卡|踩|陷)进去了/, '踩空了',
      // the hole out of sight: at night, or under snow that looks like flat ground ("天一黑谁看得见", "看上去就是平地")
      // (the dark now, not a warning of any night: "井盖没了，晚上很危险" stays urgent)
      '天黑了', '天一黑', '天快黑', '今晚', '黑灯瞎火', /(?:晚上|夜里)(?:也)?没(?:有)?(?:路)?灯/,
      // someone nearly in it just now ("刚有人差点踩进去")
      /(?:差点|差一点|险些)(?:就)?(?:踩|掉|摔|栽|跌)(?:进|下|空)/, /路灯[^，。！？,.!?\s]{0,2}(?:不亮|坏了|没亮|没开)/, '看不见', '看不清', '看得见', '看不出', '平地'],
  },
  {
    kind: 'collapse',
    level: 'urgent',
    labelZh: '坠落/坍塌险情',
    category: 'facility_repair',
    terms: ['快塌', '要塌', '倒塌', '坍塌', '塌方', '摇摇欲坠', '随时要倒',
      // the ground sunk already, or a hole opened in it ("地面裂开下沉了", "地陷咗个大窿"); not a manhole's cover (its own rule)
      // (not a little: "地面下沉了一点")
      /(?:地面|路面|地基|地坪|地板|人行道|步道|地砖|路基)(?:都|也|开始|已经)?(?:裂开|开裂)?(?:下沉|下陷|沉降)(?:了|得)(?!一点|一些|点)/,
      /(?:地|路|地面|路面)(?:上|中间|当中|正中|中央|边上)?(?:陷|塌)(?:了|出|开)(?:个|一个)?(?:大)?(?:洞|坑|窟窿)/],
    // (not a person worn out, nor a parcel crushed: "整个人都塌了", "快递盒被压扁了 整个塌下去了")
    termGroups: [{ terms: ['塌了', '塌下'], notWith: ['整个人', /人(?:都|也)?塌/, '心态', '人设', '蛋糕', '发型', '刘海'],
      notInMessage: [/(?:快递|包裹|纸箱|盒子|箱子|盒)[^，。！？,.!?]{0,3}(?:被)?(?:压|挤|坐)(?:扁|瘪|坏|烂)/] }],
    pairs: [
      // earth falling from the edge of a pit or a trench ("施工坑边上一直在往下掉土 路人还贴着边走")
      { objects: [/(?:坑|沟|槽)(?:边|沿|壁)/, '基坑', '边坡', '土坡'], symptoms: [/掉土|(?:土|沙|泥)[^，。！？,.!?\s]{0,3}(?:往下)?(?:掉|塌|滑|落)/, '塌方', '滑坡'], span: 20 },
      // the ground sinking or hollow underneath, and getting worse ("停车场地面凹下去一块 越来越大", "地砖下面是空的 踩着
      // 咚咚响 今天又裂了一道"); not a little once ("地面下沉了一点")
      {
        objects: ['地面', '路面', '地砖', '广场', '停车场', '人行道', '道路', '地坪'],
        symptoms: ['凹下去', '凹陷', /下面(?:是|都是)?空的/, '空心', '咚咚响'],
        within: [/越来越(?:大|深|宽|多)/, /又[^，。！？,.!?\s]{0,2}裂/, /裂(?:了|开|成)/],
        span: 16,
      },
      // snow or ice loading a canopy or a shed roof till it bends, sags or cracks ("车棚被雪压得往下弯", "雨棚往下凹 咔嚓一声")
      {
        objects: ['雨棚', '车棚', '顶棚', '遮阳棚', '棚子', '棚顶', '彩钢瓦', '彩钢板', '铁架', '支撑杆', '架子', '屋顶', '房顶'],
        symptoms: [/(?:压)?弯(?:了|下|得)/, '往下弯', '压弯', '往下凹', '凹下', '凹进', '变形', '咔咔', '咔嚓', '嘎吱', /(?<!细)裂(?:了|开)/],
        within: ['雪', '冰'],
        span: 24,
      },
      // a shed's or a canopy's frame leaning with a pillar or a strut rusted or broken through ("钢架歪了 一边立柱锈断了 整个棚
      // 往一边倒"), not a sign on it askew
      {
        objects: ['车棚', '雨棚', '顶棚', '棚子', '棚顶', '钢架', '立柱', '支架', '支撑杆', '铁架', /(?<![衣书货鞋花])架子/],
        symptoms: [/(?:锈|烂|折|裂)断/, '断了', /(?:往|向)一边(?:倒|歪|斜)/, /(?:歪|斜)(?:了|得)/, '耷拉'],
        within: [/(?:锈|烂|折|裂)?断/, /(?:往|向)一边/],
        span: 30,
      },
      // a trench or a pit dug and left open, unguarded and deep ("挖的沟 没围挡没灯 三米深")
      {
        objects: [/挖(?:了|的|开)?(?:个|一条|一个|的)?(?:沟|坑|槽)/, '深坑', '深沟', '基坑', '大坑'],
        symptoms: [/没(?:有)?(?:围挡|护栏|围栏|挡板|灯|警示)/, /(?:[\d.]+|[一两三四五六七八九十]+)\s*米(?:多)?深/],
        span: 24,
      },
      // play or fitness equipment that broke under a child, throwing it or nearly ("秋千链子断了一边 有孩子在玩 差点甩出去");
      // broken and only reported, it is a repair
      {
        objects: ['秋千', '滑梯', '跷跷板', '健身器材', '单杠', '双杠', '吊环', '攀爬架', '蹦床'],
        // (not a screw come loose: a repair)
        symptoms: [/断(?:了|开)/, '脱落', '甩出去', '裂了', '塌了'],
        within: ['甩', '摔', '差点', '差一点', '掉下来', '受伤', '磕'],
        span: 24,
      },
      // long icicles hanging over a way in or out ("屋檐挂着一排一米长的冰溜子 正对着门口")
      {
        objects: ['冰溜子', '冰柱', '冰凌', '冰锥', '冰挂'],
        symptoms: [/(?:一|半|两|[\d.]+)\s*米(?:多)?长/, '正对', '头顶', '下面就是', '下面是', '门口', '单元门', '出入口', '人行道'],
        within: ['挂', '悬', '吊', '垂'],
        span: 24,
      },
      {
        objects: OVERHEAD_OBJECTS,
        span: 20,
        symptoms: GIVING_WAY,
        // hail cried out in a sentence of its own, then only heard drumming on the glass ("冰雹！砸得玻璃噼里啪啦响"),
        // with nothing broken, fallen or hurt
        notInMessage: [/^(?![^]*(?:塌|破|碎|裂|掉|伤|倒))[^]*(?:冰雹|雹子)[^]{0,20}(?:噼里啪啦|噼噼啪啪|砰砰|叮叮当当|哐哐|啪啪|直响|响)/],
      },
      // a crack: none told hairline (细细的, 塞不进, 不影响) is a danger, unless told wide or growing as well
      {
        objects: COLLAPSE_OBJECTS,
        span: 20,
        // (and one that has widened: "那条缝好像比上礼拜宽了好多")
        symptoms: ['裂', /(?:缝|裂缝|裂口|裂纹)[^，。！？,.!?]{0,10}(?:宽|大|长|深)了/],
        notInSentence: HAIRLINE_CRACK,
        unlessInSentence: WIDE_CRACK,
      },
      // an air conditioner coming off the wall ("那部空调好似就来跌下来 支架甩了粒螺丝"), not one dripping (掉水)
      { objects: ['空调'], symptoms: [/(?:跌|掉|坠)(?:下来|下去|落)/, '要掉', '快掉', '要跌', '快跌', '松动', '摇摇晃晃', '歪了', '脱落'], span: 12 },
      // the ground giving way while one watches ("花坛边的地面在往下陷")
      // … or sinking under a foot ("门口的地一踩就往下陷")
      {
        objects: ['往下陷', '往下沉', '还在下沉', '还在陷', /一踩(?:就|都)?(?:往下)?(?:陷|塌|沉)/],
        symptoms: ['地面', '路面', '地基', '地坪', '地板', '楼房', '房子', '地', '路', '草坪', '地砖', '台阶', '人行道', '步道', '路基'],
        span: 12,
      },
      // a crack in a wall, a ceiling or a beam grown wide enough for a finger ("墙上这条缝 … 现在能塞进一根手指"), not a door's gap
      {
        objects: [/(?<![门窗])(?:缝|裂缝|裂口|裂纹|裂痕)/],
        symptoms: [/(?:塞|伸|插|放)(?:得)?进(?:去)?(?:一|两|半)?(?:根|个)?(?:手指|指头|硬币|拳头)/, /(?:一|两|半)(?:根)?(?:手指|指头)(?:宽|粗)/],
        within: ['墙', '楼板', '天花板', '梁', '柱', '阳台', '顶'],
        span: 30,
      },
      // things stood loose on an outside sill or ledge that a touch or the wind brings down ("窗台外沿上摆了一排啤酒瓶 一碰就掉")
      {
        objects: ['窗台外', '外沿', '窗沿', '阳台外', '护栏上', '栏杆上', '外机上', '窗台上', '阳台边'],
        symptoms: ['一碰就掉', '碰一下就掉', '要掉下', '快掉下', '随时会掉', '随时掉', '风一吹', '没固定', '没有固定', '摇摇晃晃'],
        span: 30,
      },
      // heavy fruit ripe over a playground or a path ("椰子 … 就在小孩玩的滑梯上面 风一吹要掉下来")
      {
        objects: ['椰子', '菠萝蜜', '榴莲', '柚子', '芒果'],
        symptoms: [/(?:要|快|会|就)掉(?:下来)?/, '砸'],
        within: ['小孩', '孩子', '滑梯', '玩', '下面', '底下', '行人', '路过', '头上', '头顶'],
        span: 40,
        notInMessage: ['买', '卖', '好吃', '多少钱', '斤'],
      },
    ],
    notWith: ['推倒', '倒垃圾', '倒水', '倒车', '倒闭', '倒霉', '倒是', '反倒', '猫', '狗', '宠物', '鸟', '冰雹', '雨点', '砸墙', '拆墙', '敲墙', '打墙',
      // plants blown over on a balcony ("阳台的花全吹歪了"), not their pots
      /(?:(?<![盆架])花(?![盆架坛岗板洒园圃])|草|盆栽|绿植|菜苗|秧苗)(?:都|全|全都|也)?(?:被)?(?:风)?(?:吹|刮|晒|冻)?(?:得)?(?:歪|倒|断|折)/],
    emergencyWith: [...PEOPLE_AT_RISK, '压住', '压在', '被压', '压着', '压到', '埋了', '被埋', '眼看',
      // people below told apart from the collapse, a car or a foot in the hole ("下面晾衣服的平台有人", "车前轮陷进去了")
      /(?:下面|底下|下边)[^，。！？,.!?\s]{0,8}有人/, /(?:陷|卡|栽)进去/,
      // still giving way ("灰还在往下落", "好像还在往下沉")
      /(?:还在|一直在?|不停(?:地|的)?)(?:往下)?(?:落|掉|沉|陷|塌)/,
      // leaning over towards a building where people live ("脚手架歪了 往8栋这边倒")
      /(?:往|朝|向)[^，。！？,.!?\s]{0,2}(?:\d+\s*(?:栋|号楼|幢)|楼|房子|住户|居民楼|我们|咱们)[^，。！？,.!?\s]{0,3}(?:倒|倾|压)/, /(?:楼下|下面|底下|下边)(?:还|都)?(?:有|站着|全是|都是)(?:人|工人|小孩|孩子|老人)/, '随时', '马上要掉', '马上就要掉',
    // people underneath told apart from the hazard, or told to get out of the way ("下面快递柜那里全是人", "下面的人快躲开")
    /(?:楼下|下面|底下|下边)[^，。！？,.!?]{0,6}(?:全是|都是|好多|很多|站着|围着)(?:人|小孩|孩子|老人)/, /(?:楼下|下面|底下|下边)的(?:人|行人)/, /(?:快|赶紧|赶快)(?:躲|让|闪)/,
    /(?:里面|里头|屋里|下面|底下)(?:还|仍|仍然)(?:有|困着|压着|埋着)(?:人|个人|一个人|老人|小孩|孩子)/, '快掉下来', '快要掉', '摇摇欲坠', '下面停着', '下面有车',
    // still coming down, or already half down and hanging ("一直往下掉", "一边掉下来吊着")
    /(?:还在|一直|正在|不停地?|不断|开始)(?:往下)?掉/, /裂(?:缝|口|纹)?越来越(?:大|宽|长|多)/,
    // cracks still growing, more still up there, a fall beside someone, people still inside, a call to get out or keep away
    /裂(?:缝|口|纹)?(?:一直|还在|不停地?|正在|慢慢)(?:在)?(?:变|扩|延|加)(?:长|大|宽|深)/, /(?:上面|上头|顶上)还有[^，。！？,.!?\s]{0,6}(?:在)?(?:裂|晃|松|掉|悬|吊)/,
    /(?:砸|掉|落)(?:在|到)?(?:了)?(?:人|我|他|她)(?:的)?(?:旁边|身边|脚边|面前|跟前)/, /(?:人|他|她|他们|老人|孩子|家里人)(?:都|也)?还在(?:里面|里头|屋里|家里|楼上|楼里)/, '还有人在里面',
    /(?:都|先|赶紧|快|马上)(?:先)?(?:下楼|撤离|撤出|疏散)/, '往下飞',
    // half out already ("晾衣架半个掉出来了，挂在外面摇")
    /(?:半个|一半|半边)(?:已经)?(?:都)?(?:掉|脱|挂|吊|悬|伸)出/,
    // pieces coming down now ("水泥块往下掉", "瓷砖在掉 一块一块往下砸"), workers still up on it ("上面还有工人")
    /(?:块|砖|石|泥|玻璃|墙皮)[^，。！？,.!?]{0,6}(?<![会怕要])往下(?:掉|砸|落)/, /(?:上面|上头|顶上)(?:还|也)?有(?:工人|人)/, /(?:楼下|下面|底下)(?:别|不要)(?:站|走|过|停)/, '不敢动', /快(?:要)?掉了/, '吊着', '悬着', '悬在半空', '半挂'],
  },
  {
    // a handrail or a step loose or broken ("楼梯扶手松了，老人上下楼很危险"): urgent for the people who use it (老人 there
    // are its users, not people under something falling); an emergency once someone has fallen or is hurt
    kind: 'stair_fall',
    level: 'urgent',
    labelZh: '扶手/台阶损坏',
    category: 'facility_repair',
    pairs: [{ objects: WALKED_ON, span: 20, symptoms: GIVING_WAY }],
    notWith: ['推倒', '倒垃圾', '倒水', '倒车', '倒闭', '倒霉', '倒是', '反倒', '猫', '狗', '宠物'],
    emergencyWith: [
      // fallen, not a fall feared ("容易摔", "差点摔"): a fall told done
      /(?<!容易|会|怕|担心|可能|差点|差一点|小心|别|防止|以免|不要|生怕)摔(?:下来|下去|倒了|倒在|进|伤|断|了|得)/, /(?<!容易|会|怕|可能|差点|差一点|小心|别)(?:掉|跌)(?:下去|下来|进)(?:了)?/,
      '受伤', '流血', '出血', '起不来', '骨折', '卡住', '压住', '被压', '昏', '不省人事', '救护车', '120', /踩空(?:了|摔)/],
  },
  {
    kind: 'cave_in',
    level: 'emergency',
    labelZh: '坍塌',
    // a ceiling, roof, floor or balcony that has come down: someone may be under it
    pairs: [
      {
        // (and the ground of a green or a pavement sinking: "绿化带整片陷下去了")
        objects: ['顶棚', '天花板', '吊顶', '楼板', '阳台', '雨棚', '屋顶', '房顶', '车棚', '楼梯', '顶板', '地面', '路面', '地砖', '地板砖', '步道砖', '地库', '车库', '房子', '楼房', '大楼', '旧屋', '老屋', '屋子', '平房', '瓦房',
          '绿化带', '草坪', '草地', '花坛', '人行道', '道路', '马路'],
        symptoms: ['塌了', '塌下来', '塌下', '坍塌', '倒塌', '塌陷', '陷下去',
          // the ground still sinking ("楼前地面在下沉 裂缝越来越宽"), not a manhole's cover sunk in it (that is the manhole's)
          // (sunk a little and done, a repair: "停车场地面下沉了一点，物业说下周修")
          /(?<!井盖|井|盖子|盖)(?:在|还在|一直在|往下|越来越)(?:下)?沉(?!了?一点|了?一些|了?点)/],
        span: 12,
      },
      // paving hollow beneath that sinks underfoot ("地砖下面空了 踩上去在往下沉"), not a loose tile that rocks
      {
        objects: ['地砖', '地板砖', '步道砖', '砖', '地面', '路面', '人行道', '台阶'],
        symptoms: [/(?:下面|底下|下边)(?:是)?空(?:了|的)/],
        within: [/踩[^，。！？,.!?\s]{0,4}(?:沉|陷)/, /(?:往下|在|还在)(?:沉|陷)/],
        span: 30,
      },
      // the ground dipped and still giving way ("路面凹下去一块 一直在往下掉土")
      {
        objects: ['地面', '路面', '地上', '人行道', '车道', '坡道', '入口', '停车场', '马路', '道路'],
        symptoms: ['凹下去', '凹陷', '陷下去一块', '塌下去一块'],
        within: ['掉土', '往下掉', '越来越', '还在', '一直在', '裂'],
        span: 30,
      },
      // a hole opened in open ground and growing, or water heard under it ("楼前空地突然出现一个洞 越来越大 下面能听见流水声")
      {
        objects: ['空地', '地面', '路面', '地上', '草坪', '草地', '人行道', '花园', '院子', '停车场', '广场', '路上', '马路', '绿化带'],
        symptoms: [/(?:出现|冒出|陷出|塌出|裂开|开)(?:了)?(?:一个|个|一)?[^，。！？,.!?\s]{0,3}(?:洞|坑|窟窿)/],
        within: ['越来越大', '越来越深', '突然', '水声', '流水', '下面是空', '空的', '还在'],
        span: 20,
      },
      // the ground sinking or heaving with trees leaning, mud welling or water heard ("地陷了，树都歪了", "人行道先是鼓起来现在
      // 又陷下去 砖缝里一直冒泥水")
      {
        // (地陷, 地塌 as a word too, not 陷入, 沉默, 沉迷)
        objects: [/地(?:面|基)?(?:突然)?(?:陷|塌|沉)(?!入|落|思|默|迷|睡|稳|淀)/, '人行道', '路面', '地面', '地砖', '步道砖', '草坪', '绿化带', '马路', '道路'],
        symptoms: [/(?:树|电线杆|路灯|墙)[^，。！？,.!?\s]{0,2}(?:歪|斜|倒)/, /鼓(?:起来|起|包)|拱起|隆起/, /冒(?:泥水|泥浆|浑水|泥沙)/, /(?:陷|塌)(?:下去|下来|进去)/, '水声', '流水声'],
        within: [/(?:树|电线杆|路灯|墙)[^，。！？,.!?\s]{0,2}(?:歪|斜|倒)/, /冒(?:泥水|泥浆|浑水|泥沙)/, '水声', '流水声', '越来越'],
        span: 30,
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
        objects: ['掉下来', '掉下', '扔下来', '扔下', '抛下', '坠落', '刮下来', '吹下来', '高空抛物', '高空坠物', '楼上', '从天而降', '飞下来', '砸下来', '往下掉', '往下扔', '往下丢', '往下砸'],
        symptoms: ['砸到', '砸了', '砸伤', '砸中', '砸在', '差点砸', '打到', '伤人', '脚边', '头上', '身边', '碎在', '擦着', '砸破', '砸坏', '离我', '就在我', '我旁边', '我面前', '差点', '差一点', '擦身', '好险', '碎了一地', '摔碎', '砸碎',
          // a car or bike underneath crushed ("把下面的电动车砸扁了")
          '砸扁', '砸瘪', '砸烂', '砸凹'],
        span: 24,
      },
      // a worker hanging outside high up on a rope that frays or slips ("外面吊着绳子干活 绳子好像磨断了一根 人在晃")
      {
        objects: ['安全绳', '吊绳', '绳子', '绳索', '吊篮', '座板'],
        symptoms: ['磨断', '断了', '要断', '快断', '松了', '松脱', '滑脱', '人在晃', '晃得'],
        within: ['外墙', '外面', '吊着', '吊在', '蜘蛛人', '高空', /\d+\s*(?:楼|层)/],
        span: 24,
        notInMessage: ['跳绳', '晾衣绳', '风筝', '拔河'],
      },
    ],
    notWith: ['猫', '狗', '宠物', '鸟'],
  },
  {
    kind: 'high_throw',
    level: 'urgent',
    labelZh: '高空抛物',
    category: 'public_security',
    // (a slogan: "高空抛物 害人害己")
    termGroups: [{ terms: ['高空抛物', '高空坠物'], notInMessage: ['害人害己', '人人有责', '从我做起', '拒绝高空抛物'] }],
    terms: [ '楼上扔下', '楼上扔东西', /(?:往|朝)(?:楼)?下(?:头|面|边)?(?:扔|丢|抛|倒|泼|甩|砸)/, /从(?:楼上|窗户|窗口|阳台)(?:往下)?(?:扔|丢|抛)/, /往窗外(?:扔|丢|抛)/, /(?:扔|丢|抛)(?:[^，。！？,.!?\s]{0,3})下来/],
    emergencyWith: PEOPLE_AT_RISK,
  },
];
