// Hazard rules of a body in harm (触电, 晕倒, 摔伤, 中风): someone shocked, collapsed, fallen or ill. Part of PEOPLE_HAZARDS.
import type { Term } from '../triage/urgency.ts';
import { AWAY_ON_PURPOSE } from './hazard-context.ts';
import type { HazardRule } from './hazard-rules.ts';
import { PERSON } from './people-terms.ts';

/** What makes a medical match something else in its clause: a figure of speech, a pet, a tyre, sleep. */
const MEDICAL_NOT_WITH: readonly Term[] = ['笑晕', '笑得', '气晕', '晕车', '起不来床', '早上起不来', '哈哈', '猫', '狗', '宠物', '燃气', '煤气', '轮胎', '车胎', '气球', '打气', '充气', /(?<!钓)鱼(?![刺骨竿])/,
      // (a phone's own trouble, not one who cannot work it: "我不会用这个手机")
      /(?<!用(?:这个|这|那个|我的)?)手机/, '睡', /我(?:都|要|快)?晕倒/, /我(?:都|要|快|真的?|直接|简直|当场|瞬间|已经)*(?:窒息|心脏骤停|心跳骤停|心梗|心肌梗|休克)/, /(?:简直|直接|当场|瞬间|令人|让人)窒息/, '后遗症', '病史', '得过',
      // an illness homework or a boss "brings on" ("辅导作业要心梗了", "看孩子写作业我要脑溢血了")
      /(?:作业|题|考试|加班|老板|领导|辅导|账单|房贷|甲方|熊孩子)[^，。！？,.!?]{0,6}(?:要|快要?)(?:心梗|心肌梗|脑溢血|脑梗|脑出血|吐血|晕倒)/];

/**
 * Someone not responding ("叫他没反应"), not a thing pressed, swiped or turned that does not ("电梯按钮按了没反应",
 * "门禁刷卡没反应", "水龙头拧了没反应": a repair).
 */
const NO_RESPONSE = /(?<!(?:按|摁|点|刷|拧|扭|插|钮|键|卡|屏|器|灯|机|开关)(?:了|过|着)?(?:一下|半天|好几下|几下|好久)?(?:也|都|还是)?)没反应/;

export const INJURY_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'electric_shock',
    level: 'emergency',
    labelZh: '漏电/触电',
    category: 'utilities',
    // (a residual-current breaker, 漏电保护开关, is a device, not a leak)
    terms: [/漏电(?!保护|开关|断路)/, '触电', '电到人', '麻电', '电得手', '电了一下', '麻倒', '电麻了',
      /(?:门|栏杆|扶手|护栏|外壳|水管|器材|灯杆|路灯|铁皮|柜|箱|水龙头|热水器|洗衣机|晾衣架|衣架|架子|防盗网)[^，。！？,.!?不没未]{0,4}带(?:着)?电/,
      // a metal fitting that "has power" ("单元门的铁闸有电"), not power back on or a question ("门禁有电了吗"), nor an
      // appliance that should have it ("热水器有电，就是不出热水")
      /(?:铁门|铁闸|闸门|栏杆|扶手|护栏|外壳|水管|灯杆|铁皮|水龙头|龙头|晾衣架|防盗网|防盗门)[^，。！？,.!?不没未]{0,2}有电(?![了吗么没动瓶梯话视脑源车池费量])/,
      // a fitting that "电人" (shocks whoever touches it) or numbs the hand ("龙头电人", "摸开关被麻到")
      /电人(?<=(?:水龙头|龙头|门|把手|栏杆|扶手|护栏|外壳|水管|灯杆|路灯|铁皮|柜|箱|热水器|洗衣机|开关|插座|墙|淋浴|花洒)[^，。！？,.!?]{0,3}电人)/],
    pairs: [
      {
        objects: ['水龙头', '龙头', '把手', '栏杆', '扶手', '护栏', '水管', '灯杆', '路灯', '铁皮', '热水器', '洗衣机', '开关', '插座', '淋浴', '花洒', '铁门'],
        symptoms: ['麻到', '被麻', '麻了一下', '麻手', '手一麻', '电手', /摸(?:着|上去|起来)(?:还|有点|都)?(?:发)?麻/],
        span: 16,
      },
      // someone who touched a live thing and is shaking or cannot let go ("碰到条电线 现在成个人在抖 不好用手拉他")
      {
        // (or cut or drilled into one in a wall and thrown back: "切到墙里的电线了 人被弹飞了")
        objects: [/(?:碰|摸|掂|触|抓|踩|扯)(?:到|着|了)[^，。！？,.!?\s]{0,3}(?:电线|电缆|电箱|电门|插座|高压线|电源)/,
          /(?:切|割|钻|锯|凿|打)(?:到|着|断|穿|破)(?:了)?[^，。！？,.!?\s]{0,4}(?:电线|电缆|暗线|线路|带电)/],
        // (or left hanging still where they work: "碰到吊篮的电线 挂在上面不动了")
        symptoms: ['在抖', '抖个不停', '浑身抖', '一直抖', '倒地', '倒在地', '松不开', '放不开', '甩不开', '弹开', /(?:弹|打|甩|崩|震)(?:飞|出去)/, '叫不应', NO_RESPONSE, /(?:别|不要|不好|唔好)用手(?:去)?(?:拉|碰|拽)/,
          '不动了', '一动不动', '没动静'],
        span: 30,
      },
      // shocked by a fitting named before the verb ("被插座电到了")
      {
        objects: ['插座', '插头', '开关', '电线', '电源', '电器', '热水器', '洗衣机', '水龙头', '电箱', '配电箱', '插排', '充电器', '电门'],
        symptoms: ['电到', '电倒', '电着了', '电了一下', '打到手', /电了(?:我|他|她|人|孩子|小孩)(?:一下)?/],
        span: 8,
      },
      // water gone live where people or animals step in ("喷泉那边的水带电 一只狗踩进去就倒了")
      {
        objects: [/(?:水|积水|喷泉|水池|水塘|水坑)[^，。！？,.!?不没未]{0,3}(?:带电|有电|漏电)/],
        symptoms: ['倒', '麻', '电到', '抽', '小孩', '孩子', '有人', '踩'],
        span: 30,
      },
    ],
    notWith: ['静电', '冬天', '电费', /触电(?:般|一样|似的|的感觉)/, '哈哈'],
    // 被电 of a crush that "electrifies" (被电到了 好帅), anywhere in the message
    termGroups: [
      // struck by lightning ("有人在楼顶收被子被雷劈了", "有人在树下躲雨被雷劈了"), not a figure ("像被雷劈了一样") nor a
      // tree, a pole or a rod struck
      {
        terms: [/被雷(?:劈|击|打)(?:中|到|倒|了)?|遭(?:到)?雷击|雷击(?:中|倒)/],
        notWith: ['一样', '似的', '感觉', /(?<!好)像/, '哈哈', '电视', '天打雷劈', /(?:树|树枝|电线杆|铁塔|天线|避雷针|房子|烟囱)(?:又|也)?(?:被|让|给|遭)(?:到)?雷/],
      },
      {
        // (or by an appliance or a fitting named between: "保姆被洗衣机电了")
        // (not a hand lost at cards: "打麻将又被电爆了")
        terms: [/被电(?!话|视|脑|梯|动|瓶|费|商|台|影|信|网|力|爆)/, /被(?:洗衣机|冰箱|热水器|电饭煲|电水壶|饮水机|空调|电扇|风扇|电机|机器|水泵|插座|开关|电线|电器|电暖器|取暖器|烘干机|洗碗机|微波炉|电磁炉|灯|路灯|灯杆|护栏|栏杆|水龙头|龙头|把手|铁门|铁皮)电(?:了|倒|晕|伤|到|住|得)/],
        notWith: ['静电', '冬天', '电费', '哈哈'],
        notInMessage: ['帅', '心动', '放电', '电眼', '男神', '女神', '小哥哥', '小姐姐', '颜值', '麻将', '打牌', '斗地主', '掼蛋'],
      },
    ],
  },
  {
    kind: 'medical',
    level: 'emergency',
    // no category fits a person taken ill: 其他, not whatever the words around it resemble (12楼是不是有人晕倒了 was 环境卫生)
    category: 'other',
    labelZh: '突发急症',
    terms: ['昏迷', '不省人事', '叫不醒',
      // foaming at the mouth however said ("在楼下吐白沫"), and someone who hardly answers when called ("叫他都没什么反应")
      /吐(?:了)?白沫/, /(?:叫|喊|拍|摇)(?:他|她)?(?:都|也|了半天)?没(?:什么|啥|一点)反应/, /(?<!有)没有呼吸/, /(?<!有)没呼吸/, '抽搐', '口吐白沫', '心脏病发', '大出血', '溺水', '休克', '叫不应', '流血不止', '血流不止', '有人掉下去',
      // (not the feeling of being smothered by homework, overtime or pressure told just before: "作业逼疯了 要窒息了")
      /窒息(?<!(?:逼疯|疯了|作业|加班|上班|压力|烦死|闷得|憋得|气得|无语|尴尬|老板|领导|考试|房贷|婆婆|内卷)[^。！？!?]{0,12}窒息)/, '噎住', /卡(?:住|在)?(?:了)?喉咙/, /(?:脸|嘴唇?)(?:都|已经)?(?:发)?紫/, /流了(?:好多|很多|一地|一大摊|不少)血/, /血流(?:了)?(?:一地|满地|满脸|一脸|一身|好多|不止)/, /血[^，。！？,.!?\s]{0,6}止不住|止不住[^，。！？,.!?\s]{0,2}血/,
      // named conditions, breathing, and an ambulance called or awaited
      '心脏骤停', '心跳骤停', '没有心跳', '没心跳', '心梗', '心肌梗', '脑梗', '脑出血', '脑溢血', '心脏病犯', '哮喘发作', '过敏性休克',
      // coughing up blood, or bringing it up again and again ("一直咳血", "大口吐血"; not 气得吐血)
      /(?:咳|咯)(?:了|出)?(?:好多|一口|几口|大口|很多)?血/, /(?:一直|大口|不停地?)(?:在)?吐血/,
      /(?:打了|叫了|喊了)120|120(?:还|也)?没(?:到|来)|等120|120说/,
      // an ambulance awaited ("救护车怎么还没来", "在等救护车")
      /救护车(?:还|也|怎么|咋)*(?:没|没有)(?:到|来)|(?:在|还在)等救护车/,
      // bleeding heavily ("头上都是血")
      /(?:头上|脸上|身上|满头|满脸|一身|一头|一脸)(?:都|全)?是血/, '成头血', '成身血',
      // someone who cannot be woken, eyes rolled up, breathing faint, waters broken; a call for CPR or a defibrillator
      /(?:喊|叫|拍|摇|推)(?:都|也|了半天)?(?:不醒|不应)/, /眼睛?(?:一直)?往上翻/,
      /呼吸(?:很|好|越来越|特别)?(?:微)?弱/, '羊水破', '破水了',
      /(?:有没有|有谁|谁|有)会(?:做)?(?:cpr|心肺复苏|人工呼吸)/, /(?:快|赶紧)(?:做|来|帮忙做)?(?:cpr|心肺复苏|人工呼吸)/, /(?:cpr|心肺复苏|人工呼吸|aed|除颤仪?)[^，。！？,.!?]{0,3}(?:快|拿来|送来|拿过来)/,
      // someone fallen into a well, a pit or a ditch, the person named right before the fall (not "孩子的球掉进沟里")
      // (the verb first and the person looked back at from it: a pattern that starts with a plain character is scanned fast;
      // "掉井里", "掉污水井里" need no 进 or 到)
      new RegExp(`[掉摔跌落](?<=(?:${PERSON.filter((p) => typeof p === 'string').join('|')})(?:不小心|一脚)?(?:踩空)?[掉摔跌落])(?:(?:进|到|下)了?[^，。！？,.!?\\s]{0,5}(?:井|坑|沟)|[^了，。！？,.!?\\s]{0,3}(?:井|坑|沟)里)`)],
    pairs: [
      // "我晕倒" and "晕倒。。" are how people say "oh dear": a fall or a faint counts when it happens to someone
      {
        objects: PERSON,
        symptoms: [
          // (or lying fainted somewhere: "保洁阿姨晕在垃圾站边上")
          // (or gone off in a fit: "有个大爷抽过去了")
          // (晕到, 晕倒 typed in a hurry: "有个大爷晕到了", not "晕到想吐")
          '晕倒', '昏倒', '晕过去', '昏过去', '抽过去', /[晕昏]在(?!车|船|机)/, /(?<!把[我人你]|[我你被])[晕昏]到(?:了|在地)/,
          // fallen where people pass ("有人倒在车库"), not rubbish tipped there ("倒在门口的垃圾")
          /(?<!把[^，。！？,.!?\s]{0,6})倒在(?:了)?(?:车库|地库|门口|路边|路上|电梯里|电梯口|楼梯|走廊|大堂|花坛边|院子里|单元门口)(?![^，。！？,.!?\s]{0,3}的(?:垃圾|水|东西|剩菜|剩饭|汤))/, '倒地', '倒在地',
          // fallen inside a room or a plant room ("检修的小伙子倒在里面了"), not something poured there ("把水倒在里面")
          /(?<!把[^，。！？,.!?\s]{0,6})倒在(?:了)?(?:里面|里头|屋里|房里|厕所|卫生间|浴室|楼道|机房|泵房)/, '中风', '没知觉', NO_RESPONSE, '一动不动', '喘不上气', '呼吸困难', '摔倒', '跌倒', '栽倒', '起不来',
          '趴着', '趴在地上', '躺在地上', '躺地上', '不理人', /叫[他她]?也不(?:理|应|动)/, '倒下', '捂着胸口', '胸口疼', '心口疼', '喘不过气',
          '流血', '出血', '不会说话', '说不出话', /嘴巴?(?:都)?歪/, '软下去', '瘫下去', '跌亲', '半边身子', '抽筋', '说话不清', '口齿不清', '半边脸', '一边脸', '脸麻', '手脚麻', '抽起来',
          // 川 昏起了, fallen headlong or to the floor, breath gone, a fit, too heavy to lift, fallen into a well or pit
          /[昏晕]起(?:了|咯|喽)/, '栽下去', '一头栽', /(?<!把[^，。！？,.!?\s]{0,5})(?:摔|跌)(?:在)?地上?/, '没气了', '扶不动', '扶不起来',
          // gone still after being unwell ("捂着胸口出了好多汗 现在不怎么动了"), not a baby that moves less these days
          /(?:现在|已经|突然|一下子|靠在那|躺在那|坐在那|趴在那)[^，。！？,.!?]{0,3}(?:不怎么|不太)动了?/,
          // a stroke told plainly ("嘴有点歪 手抬不起来 说话含含糊糊"), someone close to death ("病人快不行了")
          /嘴巴?(?:有点|有些|也|还)歪/, /(?:手|胳膊|一边手)(?:都|也)?抬不起来/, /(?:说话|讲话|说得|讲得|应声|答应|叫[他她]也是?)[^，。！？,.!?]{0,2}含(?:含糊糊|糊不清)/, /(?<![我笑累困饿热])快不行了/,
        ],
        span: 20,
      },
      // hit by a car and hurt ("快递小哥在车库被车撞了 腿动不了"), not one's car dented ("我的车被车撞了 保险杠掉了")
      {
        objects: PERSON,
        symptoms: [/被(?:车|汽车|轿车|小车|货车|卡车|面包车|电动车|电瓶车|摩托车?|三轮车?)(?:给)?(?:撞|碾|轧|压)(?:了|倒|飞|伤|到)/],
        within: ['动不了', '起不来', '站不起来', '爬不起来', '流血', '出血', '血', '不动', '躺', '倒地', '倒在', '叫不应', '疼', '痛', '120', '救护车', '骨折', '断了', '变形', '没反应'],
        span: 30,
      },
      // fainted out in the heat and lying there ("外卖小哥在大太阳底下晕了，躺在6栋门口"), not "绕晕了" said of a maze
      {
        objects: PERSON,
        // (not a head that swims, resting in bed: "大爷说头晕了，躺在床上休息")
        symptoms: [/(?<![头绕搞弄说看听忙转气笑点些])晕(?:了|过去了|倒了)/],
        within: ['躺在', '躺着', '躺地', '倒在', '倒地', '中暑', '不动', '叫不应', NO_RESPONSE, '救护车', '120'],
        span: 30,
        notWith: [...MEDICAL_NOT_WITH, '床', '沙发', '休息', '躺平', '睡'],
      },
      // a stroke told by slurred speech and a second sign, the person named sentences before ("张奶奶好像有点不对劲 … 说话
      // 含含糊糊的 手一直抖"), not a drunk nor a mouth numbed at the dentist
      {
        objects: [/(?:说话|讲话|说得|讲得)[^，。！？,.!?]{0,2}含(?:含糊糊|糊不清)/],
        symptoms: [/手(?:一直|不停地?|老是)?(?:在)?抖/, /嘴巴?(?:有点|有些|也|还)?歪/, /(?:手|胳膊|腿)(?:都|也)?(?:抬不起来|没劲|没力气)/, '站不稳', '走不稳', '流口水', '不对劲', '半边'],
        span: 20,
        notInMessage: ['喝多', '喝醉', '醉', '酒', '拔牙', '麻药', '牙医', '嘴里含'],
      },
      // breathing failing after a sting, a bite or an allergy (not "压得我喘不上气", a figure of speech)
      // (or the throat closing: "嗓子发紧", "出气都困难")
      { objects: ['蛰', '蜇', '叮', '咬了', '过敏', '哮喘'], symptoms: ['喘不上气', '喘不过气', '呼吸困难', '上不来气', '透不过气', /(?:出气|喘气|透气|呼吸)(?:都|也)?(?:很|好|有点|特别)?(?:困难|费劲)/, /(?:嗓子|喉咙|喉头)(?:眼)?(?:发紧|发堵|肿了|肿得|好紧|很紧)/], span: 24 },
      // (or come down from a height: "从梯子上摔下来 头在流血")
      { objects: ['摔倒', '跌倒', '摔了', '倒在', '栽倒', '跌亲', /(?:跌|摔)掉(?:了|勒|脱)/, /(?:摔|跌|栽)(?:了)?下(?:来|去)/], symptoms: ['流血', '出血', /流了.{0,3}血/, /(?:好多|很多|一地|一摊|满地|满头|满脸|一脸|一头)(?:都是|的)?血/, '磕破', '头破', '叫不应', '不动', '起不来', '爬不起来', '站不起来', NO_RESPONSE, '不醒', '没意识'], span: 16 },
      // fallen into a ditch or a pit with a wheelchair, a bike or a tricycle, the person still down there or pinned ("轮椅
      // 掉进沟里了 人也在下面", "连人带车翻进了排水沟"), not the chair alone ("轮椅掉进沟里了，人没事")
      {
        objects: [/(?:轮椅|电动车|电瓶车|自行车|单车|三轮车?|摩托车?|婴儿车|推车)[^，。！？,.!?\s]{0,4}(?:掉|翻|摔|栽|冲|滑)(?:进|到|下|入)/],
        symptoms: [/人(?:也|还|都)?(?:在|压在|卡在|困在)(?:车)?(?:下面|底下|下头|里面|沟里|坑里)/, /压在(?:车)?(?:下面|底下|下头)/, '人也掉'],
        span: 24,
      },
      { objects: ['连人带车', '连人带轮椅'], symptoms: [/(?:掉|翻|摔|栽|冲|滑)(?:了)?(?:进|到|下|入)/], span: 10 },
      // someone living alone not seen for days who does not answer the door
      // (nor the door knocked for days: "好几天敲门都没人应")
      {
        objects: ['独居', '好几天没', '几天没', '一个人住', /(?:好几|几|[两三四五六七八九十2-9])天(?:了|都)?(?:敲门|打电话|打他电话|打她电话)/, /[两三四五六七八九十\d]+天(?:都)?没(?:开门|出门|见|露面|动静|开过门)/],
        symptoms: ['不应', '没人应', '没应', '不开门', '没人开', '不接', NO_RESPONSE, '没动静', '哼', '联系不上',
          // the daily deliveries piling up at the door
          /(?:报纸|牛奶)[^，。！？,.!?]{0,4}(?:堆|放了|没拿|没人拿|没收)/],
        span: 30,
        // (not one said to be away on purpose: "好几天没见 敲门不应 物业说他回老家了")
        notInMessage: AWAY_ON_PURPOSE,
      },
      // a voice from a locked home that cannot get up ("敲门听到里面在喊 说起不来了 门反锁着进不去")
      // (or moaning heard from inside: "邻居说听到里面有人在哼, 门是反锁的"; not a song hummed)
      {
        objects: ['起不来', '爬不起来', '站不起来', /微弱的?(?:声音|喊声|呼救)/, /(?:里[面头边]|屋里|房里|门里)[^，。！？,.!?]{0,4}(?:哼(?![歌曲唱着小调])|呻吟)/],
        symptoms: ['反锁', '进不去', '没人开门', '不开门', '没见开门', '门锁着', '开不了门'],
        span: 36,
      },
      // a fit with its signs ("犯病了 一直在抖"), not 犯病 said of someone's odd ways
      {
        objects: PERSON,
        symptoms: ['犯病', '发病', '病发'],
        within: ['抖', '抽', '倒', '晕', '翻白眼', '往上翻', '口吐', NO_RESPONSE, '叫不醒', '不动', '喘', '发紫', '救护车', '120'],
        span: 20,
      },
      // one's own chest pain with a call for help ("一个人在家 胸口闷得慌 谁能来一下")
      {
        objects: ['胸口', '胸闷', '心口', '心脏'],
        symptoms: ['闷', '疼', '痛', '压着', '喘不上', '喘不过', '透不过气'],
        within: ['谁能来', '来一下', '帮帮', '救', '快来', '门没锁', '门开着', '120', '来人', '一个人在家', /(?:哪个|谁)(?:能|可以)?来/, '帮哈忙', '搭把手', '帮忙'],
        span: 12,
      },
      { objects: PERSON, symptoms: ['掉水里', '掉河里', '掉湖里', '掉进河', '掉进池塘', '掉进水', '落水', '掉到水', '扑腾', '不会游泳', '沉下去', '呛水', '溺'], span: 16 },
      // someone who does not answer when called, with a sign of illness ("喝完酒一直吐 叫他不应 呼噜声特别大")
      {
        objects: [/(?:喊|叫|拍|摇|推)(?:他|她)(?:都|也|半天)?(?:不醒|不应)/],
        // (not snoring alone: a sound sleeper is not woken either)
        symptoms: ['吐', '抽', '倒', '跌', '摔', '晕', '昏', '瞓低', '躺', '血', '救护车', '120', '脸色', '发紫', '喘'],
        span: 40,
      },
      // speech failing after a faint feeling or a sit-down ("坐地上了 说头晕眼前发黑 … 现在话也说不清楚了")
      {
        objects: PERSON,
        symptoms: [/话(?:都|也|已经)?(?:说|讲)不(?:清|出|利索)/],
        within: ['头晕', '晕', '倒', '坐地上', '坐在地上', '手脚', '发黑', '冰凉', '麻', '歪', '医院', '120', '救护车'],
        span: 50,
      },
      // bitten by a snake, the bite swelling ("被蛇咬了 … 脚肿起来了")
      // (not one bitten before, nor the saying 一朝被蛇咬 十年怕井绳)
      { objects: [/(?:被|让)[^，。！？,.!?\s]{0,2}蛇[^，。！？,.!?\s]{0,2}咬(?!过)/], symptoms: ['肿', '医院', '发黑', '发紫', '麻', '晕', '血', '疼', '痛'], span: 30, notInMessage: ['井绳', '十年怕'] },
      // someone lying out who does not stir when called ("垃圾房后头躺着个人 喊他不动")
      { objects: ['躺着', '躺在', '倒在', '趴在', '蜷在', '蜷着'], symptoms: [/(?:喊|叫|拍|推|摇)(?:他|她)?(?:也|都|半天)?不(?:动|醒|应|理|吭声)/], span: 20 },
      // a bone broken in a fall, the limb out of shape or the pain crying out ("腿好像断了 骨头都变形了 疼得直叫")
      {
        // (a person's, not a table's: 桌子腿断了)
        objects: [/(?<![桌椅凳床柜架]子?)(?:腿|胳膊|手臂|手腕|脚踝|骨头)(?:好像|可能|应该|估计)?(?:都)?(?:断了|骨折|变形了|折了)/],
        symptoms: ['疼得', '直叫', '动不了', '起不来', '120', '别挪', '别动', '救护车', '摔', '滑倒', '变形'],
        span: 30,
      },
      // someone frozen stiff out in the cold, lying there ("有人在篮球场被冻僵了 躺那一夜了")
      // (someone, not one's own hands: "手都冻僵了")
      { objects: [/(?:人|他|她|老人|大爷|大妈|老太太|流浪汉|孩子|小孩)[^，。！？,.!?\s]{0,6}冻(?:僵|昏|晕|得没知觉)/], symptoms: ['躺', '救护车', '120', '叫不醒', NO_RESPONSE, '还有气', '不动', '一夜'], span: 30 },
      // fallen through ice or into water, clinging and unable to get out ("掉下去了 扒着冰边 上不来")
      {
        objects: [/掉(?:下去|进去|进水里|到水里|进冰窟窿)/, '冰窟窿', '冰窟'],
        symptoms: ['扒着', '上不来', '爬不上来', '冰边', '扑腾', '救命', '沉下去'],
        span: 20,
      },
      // a swimmer gone under ("有一个不见了 冒了一下头就沉下去了")
      { objects: ['沉下去', '没上来', '冒了一下头'], symptoms: ['游泳', '河', '湖', '水库', '池塘', '江', '不见了', '水里'], within: ['游泳', '下水', '救命', '快来人', '不见了'], span: 30 },
      // heat stroke with a grave sign: shaking, raving, confused, not sweating ("师傅中暑了 人在发抖说胡话"), not a hot day
      // said of oneself ("热得我快中暑了")
      {
        objects: ['中暑', '热射病'],
        symptoms: [/发抖|打摆子|抽|说胡话|胡言乱语|胡说八道|迷糊|神志不清|意识不清|不清醒|不认人|叫不应|不出汗|翻白眼|吐了|呕吐|倒下|倒地|晕|站不稳|送医院|救护车|120/],
        span: 30,
        notInMessage: [/(?:快|要|差点)(?:要)?中暑|热得[^，。！？,.!?]{0,3}中暑/, '防中暑', '预防中暑'],
      },
      // chest pain with a cold sweat or a pale face, the textbook heart attack ("胸口痛得很 脸煞白 一直出汗")
      // (or pressed as by a stone, the left arm numb: "胸口像压了块大石头 … 左胳膊发麻")
      { objects: ['胸口', '胸闷', '心口'], symptoms: ['疼', '痛', '闷', '压着', /压(?:了|住)/], within: ['出汗', '冒汗', '冷汗', /左(?:胳膊|手臂|手|肩膀?)[^，。！？,.!?\s]{0,2}(?:发)?麻/, '煞白', '惨白', '发白', '脸白', '脸都白', '没血色'], span: 12 },
      // someone silent behind a door that must be opened ("有没有人会开锁 老人在里面没动静", "谁会撬门 我奶奶在屋里一点
      // 动静都没有"), not a lock that sticks or a key left inside
      {
        objects: [/(?:老人|老人家|奶奶|爷爷|外婆|外公|姥姥|姥爷|大爷|大妈|阿姨|叔叔|老太太|老太|老头|老大爷|独居的?[^，。！？,.!?\s]{0,3}|他|她|妈|爸|老公|老婆|病人|孕妇)[^，。！？,.!?\s]{0,2}在(?:里面|里头|里边|屋里|家里|房里|屋里面|房间里)/],
        symptoms: [/(?:一点|一直|都|也|半天)?(?:没|没有)(?:一点)?(?:动静|声音|声响|反应|人应|回应)/, /(?:动静|声音|声响|反应)(?:都|也)?(?:没|没有)/, '叫不应', '喊不应', '不应声', '不吭声'],
        inMessage: [/开锁|撬|破门|踹门|砸门|敲门|拍门|进不去|反锁|锁着|打不通|不接|救/],
        span: 20,
      },
    ],
    notWith: MEDICAL_NOT_WITH,
    termGroups: [
      // people called to carry someone ("快下来几个男的帮忙抬人"), not a sofa or a fridge
      { terms: [/(?:帮忙|帮我|帮着|帮手|快|来|下来|过来|赶紧)[^，。！？,.!?]{0,8}抬(?:个|一下)?人(?!家|气|头)/], notWith: MEDICAL_NOT_WITH, notInMessage: ['游戏', '王者', '抬杠'] },
      // an ambulance called for now ("快叫救护车", "赶紧打120"), not a joke ("笑死 快叫救护车")
      { terms: [/(?:快|赶紧|赶快|马上|立刻|快点)(?:帮忙|帮我)?(?:叫|打|喊)(?:个|辆|一下)?(?:救护车|120)/], notWith: MEDICAL_NOT_WITH, notInMessage: ['笑死', '好笑', '太好笑', '哈哈', '段子', '表情包', '剧里', '电视', '游戏', '王者', '帅', '美哭', '甜'] },
      // hardly to be woken ("叫不太醒", "喊不大醒了"), not a child slow to get up in the morning
      { terms: [/(?:喊|叫|拍|摇|推)(?:他|她)?(?:都|也|了半天)?不(?:太|大|怎么)(?:醒|应)/], notWith: MEDICAL_NOT_WITH, notInMessage: ['赖床', '睡懒觉', '闹钟', '起床气', '上学'] },
    ],
  },
];
