// Hazard rules of a child in danger (小孩危险): unwatched near a drop, water, traffic or a door; taken or hurt. Part of
// HARM_HAZARDS (harm-hazards.ts), after suicide.
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';
import { CHILD } from './people-terms.ts';

/** A child by itself, seen by whoever reports it: 自己 (not what it can do alone: 自己会游泳), no parent to be found. */
const ON_ITS_OWN: readonly Term[] = [/(?<=(?:孩|娃|女孩|男孩|朋友|宝宝|岁|孩子|小孩|囡|仔)[^，。！？,.!?\s]{0,2})自己(?!会|能|可以|家|的|玩得?很好)/, /找不到(?:家长|大人|爸妈|父母|家里人)/, /(?:家长|大人)[^，。！？,.!?\s]{0,3}(?:不在|没在|不见了|没跟着)/];

export const CHILD_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'child_danger',
    level: 'emergency',
    // a child in danger is the police's and the community's (the model filed a child locked in a car as 停车交通)
    category: 'public_security',
    labelZh: '儿童险情',
    pairs: [
      {
        objects: CHILD,
        symptoms: [
          // in the road, playing with fire, standing on a sill
          '马路中间', '路中间', '玩火', '玩打火机', '点火玩', '点纸', '玩插座', '玩煤气', /(?:站|企|坐|蹲|爬)(?:了|着)?(?:在|到|上)?窗台/,
          // (outside the window and down on the ground, a flowerbed or a yard, is no ledge: "孩子在窗户外面的花坛玩")
          '爬到窗', '窗台外', /窗(?:户|子)?外(?![面头边]?的?(?:花坛|草坪|草地|院子|空地|地上|路上|路边|楼下|操场|广场|花园|树下|沙池|滑梯|停车场|白茫茫|一片|雪|风景|景色|天))/, '探出', '窗台上', '爬上窗', '阳台外', '爬到阳台', '爬上阳台', '栏杆上', '护栏上', '挂在', '悬在', '掉进', '掉下去', '落水', '掉到水', '冰面', '冰上', '锁在车里', '困在车里', '爬出', '爬上护栏', '爬到栏杆',
          '车里锁着', '锁车里', '关在车里', '关车里', '车里关着', '留在车里', '落在车里', /(?:车|suv|轿车|面包车)[^，。！？,.!?\s]{0,3}里(?:面)?(?:锁|关|困)着/,
          // fallen in head first
          '栽进', '头朝下',
          // (粤 爬咗出窗台: 了 before the way out)
          /爬(?:了)?(?:到|上|出)了?[^，。！？,.!?\s]{0,3}(?:窗|外机|空调|阳台|栏杆|护栏|楼顶|天台|屋顶|防盗窗|防盗网)/, '外机上',
          // up on a balcony's flower stand ("一个人在阳台 爬到花架上了")
          /阳台[^。！？!?]{0,8}(?:爬|站|坐)(?:到|上|在)(?:了)?花架/,
          // sat on the window guard, legs dangling outside ("防盗窗上坐着个小孩腿在外面晃")
          '防盗窗上', '防盗网上', /腿(?:伸|挂)?在(?:窗)?外面/,
          // standing or sitting on a parapet or a rail's edge ("站在女儿墙上")
          /(?:站|坐|爬|蹲|走|趴)(?:在|到|上)(?:了)?[^，。！？,.!?\s]{0,3}(?:护墙|女儿墙)/,
          // shut in a car, outside a balcony's rail or a window ("suv里面锁着个小孩", "阳台护栏外面", "窗子外头")
          /(?:车|suv)(?:里|里面|里头|内)(?:锁|关|留)着/, /(?:车|suv)(?:里|里面|里头|内)(?:被)?(?:锁|关|困)了(?:个|一个|两个|俩)/, /(?:阳台|窗户?|窗子)的?(?:护栏|栏杆)外/, /窗(?:子|户)外[头面边](?!的?(?:花坛|草坪|草地|院子|空地|地上|路上|路边|楼下|操场|广场|花园|树下|沙池|滑梯|停车场))/],
        // (a child leaning out held by a grown-up, or behind a rail said to keep it in: "我在后面抱着呢", "还好有护栏"; a
        // climb past the rail is read by the next pair)
        notInMessage: [/(?:抱|拉|拽|扶|搂|抓|揪)着(?:呢|他|她|孩子|娃|[^，。！？,.!?\s]{0,3}衣服)/, /(?:还好|幸好|好在|幸亏)(?:有|装了)(?:防护)?(?:护栏|栏杆|防护网|防盗网|防盗窗)/],
      },
      // a child who climbed out past a window or a rail, the stair or floor it is on named between ("娃儿 一个人爬到消防楼梯的
      // 窗子外头去了"): the climb and the outside of it both told, so the child may stand further off
      {
        objects: CHILD,
        symptoms: [/(?:爬|翻|钻)(?:到|上|出|过)(?:了)?[^，。！？,.!?\s]{0,8}(?:窗|阳台|栏杆|护栏)(?:子|户|台)?的?(?:外[头面边]?)/],
        span: 24,
      },
      // fallen from a high floor ("有个小孩从18楼掉下来")
      // (or from upstairs, a balcony, a window, a roof: "小孩从楼上摔下来了")
      { objects: CHILD, symptoms: [/从[^，。！？,.!?\s]{0,6}(?:\d+|[一二三四五六七八九十]+)\s*(?:楼|层)[^，。！？,.!?\s]{0,3}(?:掉|摔|坠|跌)(?:了)?下(?:来|去)/,
        /从(?:楼上|阳台|窗户|窗台|窗子|楼顶|天台|屋顶)(?:上)?(?:掉|摔|坠|跌)(?:了)?下(?:来|去)/], span: 24 },
      // prising a lift's doors open, or rushing down a ramp into cars coming up ("熊孩子扒电梯门玩", "滑板车从地库坡道往下冲")
      { objects: CHILD, symptoms: [/扒(?:开|着)?(?:电梯|梯|厅)?门/], within: [/电梯(?:口|门)/], span: 20, notInMessage: [/(?:抱|拉|牵|看)着(?:呢|他|她)?/] },
      { objects: CHILD, symptoms: [/(?:坡道|斜坡|车道)[^，。！？,.!?\s]{0,4}(?:往下)?(?:冲|滑|溜)/], within: [/车(?:正|在)?(?:往上|开|过来|进出|上来)/], span: 24 },
      // stuck down a pit, a well or a tank ("小弟弟钻进地下室那个积水坑里出不来了")
      { objects: CHILD, symptoms: [/(?:坑|井|沟|缸|池|洞|管|水)里(?:面|头)?(?:出不来|上不来|爬不出)/], span: 24 },
      // alone by water or a drop, no grown-up with them ("一个小孩在河边 没大人")
      {
        objects: CHILD,
        // (or heading for the road alone: "自己从侧门出去了 往大马路走")
        // (or at an open shaft: "小孩自己在电梯井那个检修门旁边玩")
        // (a pool's edge by any name: 喷泉池边)
        symptoms: [/(?:湖|河|池塘|鱼塘|水池|水塘|江|海|泳池|水库|井|水|(?<!电)池)(?:堤|岸|沿)?边/, '河堤', '江堤', '堤坝', '岸边', '马路上', '楼顶', '天台', '顶楼', '屋顶', '车道', '路口', '马路边', /往(?:大)?马路/, '电梯井', /(?:井|坑|洞)口/],
        within: ['一个人', '没大人', '没有大人', '大人不在', '找不到大人', /大人[^，。！？,.!?\s]{0,3}(?:不知道|不晓得)?(?:去哪|跑哪|哪去)/, '没人管', '没人看', '快掉', '要掉', '没护栏', '没有护栏', /(?:没|不见|没有)(?:看到|看见|见到)(?:有)?(?:大人|家长)/, ...ON_ITS_OWN],
        span: 20,
      },
      // … by the water said with 那边, or playing in it ("水池那边有个小孩一个人在玩水 周围没大人")
      {
        objects: CHILD,
        symptoms: [/(?:湖|河|池塘|鱼塘|水池|鱼池|水塘|江|海|泳池|水库)(?:那|这)(?:边|里)/, '玩水'],
        within: ['一个人', '没大人', '没有大人', '大人不在', '没人管', '没人看', /(?:没|不见|没有)(?:看到|看见|见到)(?:有)?(?:大人|家长)/, ...ON_ITS_OWN],
        span: 20,
      },
      // wading in deep floodwater or in a flooded garage ("车库积水到膝盖 几个小孩在里面蹚水玩"), not a puddle
      {
        objects: CHILD,
        symptoms: ['蹚水', '趟水', '淌水', '玩水'],
        within: [/(?:到|过|没过|淹到)(?:了)?(?:膝盖|腰|大腿|胸)/, '水很深', '水挺深', '水好深', /(?:车库|地库|地下室|地下通道)[^，。！？,.!?\s]{0,4}(?:积水|进水|淹)/],
        span: 20,
      },
      // playing in flood water by a manhole or a drain that bubbles or swirls ("小孩在暴雨积水里玩 旁边就是个冒水的井盖")
      {
        objects: CHILD,
        symptoms: [/(?:积水|水坑|洪水|水)(?:里|中)(?:面)?[^，。！？,.!?\s]{0,2}(?:玩|跑|踩|蹚|趟)/, '蹚水', '趟水', '踩水', '玩水'],
        within: ['井盖', '下水道', '窨井', '排水口', '雨水口', '漩涡', '旋涡', '冒水', '往外冒', '冲开'],
        span: 30,
      },
      // climbing scaffolding, a tower crane or a pole ("楼下小孩在爬脚手架 已经爬到三层那么高了")
      { objects: CHILD, symptoms: [/(?:爬|攀)(?:上|到)?(?:了)?[^，。！？,.!?\s]{0,4}(?:脚手架|塔吊|电线杆|高压塔|铁塔|信号塔|吊篮)/], span: 20 },
      // on an open bay window with no screen or no grown-up ("趴在飘窗上 窗子开着 纱窗都没有")
      {
        objects: CHILD,
        symptoms: [/(?:站|企|坐|蹲|爬|趴)(?:了|着)?(?:在|到|上)?飘窗/],
        within: [/窗(?:子|户)?(?:大|全)?开着/, '开着窗', /纱窗(?:都|也)?没/, '没纱窗', '没有纱窗', /没(?:有)?(?:装)?(?:防护)?护?栏/, /没(?:有)?(?:装)?(?:防护网|防盗网|防盗窗)/, /(?:家长|大人)[^，。！？,.!?\s]{0,3}在楼下/, '没大人', '没有大人', '大人不在', /大人[^，。！？,.!?\s]{0,3}(?:不知道|不晓得)?(?:去哪|跑哪|哪去|啥地方)/],
        span: 20,
      },
      // a small child alone in a lift, no parent about ("电梯里只有一个两岁的娃娃 … 家长在哪")
      {
        objects: CHILD,
        symptoms: ['电梯'],
        within: [/(?:家长|大人)(?:在哪|呢|去哪|哪去)/, '没大人', '没有大人', '大人不在', '没人管', '找不到家长'],
        span: 20,
      },
      // a child locked in at home crying, the grown-ups out of reach ("小孩被反锁在家里 在窗户那哭 大人电话打不通")
      {
        objects: [/(?:反锁|锁|关)在(?:家|屋|房间|房)里/],
        symptoms: ['哭', '喊', '打不通', '联系不上', '不在家'],
        within: CHILD,
        span: 30,
      },
      // a child sought by a parent, gone from a named spot ("有个妈妈在找孩子 … 在快递柜那边不见了 大家帮忙看看")
      {
        objects: [/找(?:孩子|小孩|女儿|儿子|孙子|孙女|宝宝|娃|小朋友|外孙女?)/],
        symptoms: ['不见了', '走丢', '走散', '找不到', '跑丢'],
        within: ['帮忙', '帮我', '留意', '看到', '看见', '找找', '大家'],
        span: 60,
      },
      // a child gone missing, with a plea to look ("孙女一转眼不见了 … 各位帮我找找")
      {
        objects: [/(?:孙女|孙子|孩子|小孩|女儿|儿子|闺女|宝宝|娃|小朋友)(?:一转眼|转眼|一眨眼|眨眼|突然|一下子)?(?:就)?(?:不见了|走丢了|找不到了|跑丢了)/],
        symptoms: ['帮我找', '帮忙找', '找找', '一起找', '帮着找', '有没有人看到', '有没有人看见', '谁看到', '谁看见'],
        span: 60,
      },
      // a child gone missing and seen by water ("孩子不见了 … 有人说在河边看到一个小孩")
      {
        objects: [/(?:孙女|孙子|孩子|小孩|女儿|儿子|闺女|宝宝|娃|小朋友)(?:一转眼|转眼|突然|一下子)?(?:就)?(?:不见了|走丢了|找不到了|跑丢了)/],
        symptoms: [/(?:湖|河|池塘|鱼塘|水池|水塘|江|海|泳池|水库)(?:边|那边|旁边)/, '水边'],
        span: 60,
      },
      // a small child climbing at a balcony's rail or a window, on a chair or a stool ("站在椅子上扒栏杆")
      {
        objects: CHILD,
        symptoms: [/扒(?:着)?[^，。！？,.!?\s]{0,2}(?:栏杆|护栏|窗台|窗沿)/, /(?:站|爬|踩)(?:在)?(?:椅子|凳子|桌子|箱子|板凳)上/,
          // climbing up it ("护栏那里往上爬")
          /(?:栏杆|护栏|窗台|窗沿|防盗窗|防盗网)(?:那里|那儿|那边|这边|边上|上)?[^，。！？,.!?\s]{0,2}往上爬/],
        within: ['阳台', '窗', /\d+\s*(?:楼|层)/, '楼顶', '天台'],
        // (a grown-up holding it: "我在旁边扶着")
        notInSentence: ['扶着', '抱着', '护着', '拉着', '搂着', '拽着', '抓着', /(?:我|大人|家长|妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|姥爷)(?:就)?在旁边/],
        span: 20,
      },
      // a child shut in a discarded box or freezer, heard from outside ("废弃的冰柜里传出小孩的敲打声 盖子打不开")
      {
        objects: [/(?:冰柜|冰箱|衣柜|柜子|箱子|洗衣机|后备箱|行李箱|储物箱|集装箱)(?:里|内)/],
        symptoms: [/(?:敲|拍|撞)(?:打)?的?声/, '哭声', '喊声', '呼救', '在哭', '哭喊', '喊救命', '出不来'],
        within: CHILD,
        span: 20,
      },
      // a small child alone in the middle of a road with traffic ("两三岁的娃自己跑出小区了 在大马路中间 车来车往")
      { objects: CHILD, symptoms: ['马路中间', '路中间', '车道上', '马路上', '大马路'], within: ['车来车往', '车多', '自己', '一个人', '没大人', '追'], span: 24 },
      // fireworks aimed at people, a child hurt by one ("在玩二踢脚 对着人放 有个小孩手被炸了")
      {
        objects: CHILD,
        symptoms: [/(?:手|脸|眼睛?|头|耳朵)[^，。！？,.!?\s]{0,2}(?:被|叫|给)?(?:炸|崩)(?:了|伤|破|着|到|出血)/, /对着人(?:放|扔|点|射|丢)/],
        within: ['鞭炮', '炮仗', '爆竹', '烟花', '二踢脚', '窜天猴', '礼花', '摔炮', '擦炮', '炮'],
        span: 30,
      },
      // up on top of something high with a hard drop or no grown-up ("小男孩现在爬到健身器材顶上了 下面是水泥地 家长不在")
      {
        objects: CHILD,
        symptoms: [/爬(?:到|上)(?:了)?[^，。！？,.!?\s]{0,6}(?:顶上|顶部|最高处|最上面|最上头)/],
        within: ['家长不在', '大人不在', '没大人', '没有大人', '没人管', '水泥地', '下不来', '好高', '很高', '摇摇晃晃'],
        span: 24,
      },
      // a button battery, a magnet or a sharp thing swallowed ("孩子把一颗纽扣电池吞下去了", "宝宝吞了个磁铁")
      {
        objects: CHILD,
        symptoms: [/(?:吞|咽)(?:了|下|进)?(?:去|下去)?(?:一|个|一个|一颗|颗|一枚|枚|几颗|两颗)?(?:纽扣电池|电池|磁铁|磁珠|吸铁石|硬币|钉子|刀片|别针|图钉|针)/,
          /把(?:一|个|一个|一颗|颗|一枚|枚|几颗|两颗)?(?:纽扣电池|电池|磁铁|磁珠|吸铁石|硬币|钉子|刀片|别针|图钉)(?:给)?(?:吞|咽)(?:下去|进去|了)/],
        span: 20,
      },
      // half a small body already out over a drop ("婴儿趴在床边 半个身子已经探出来了")
      // (or said to hang out there: "半个身子探在外面", "挂在窗外")
      { objects: CHILD, symptoms: [/半个身子[^，。！？,.!?]{0,4}(?:探|伸|挂|悬)(?:出|在(?:窗|外)|到(?:窗|外))/], span: 30 },
      // a head or a neck caught in a rail's gap ("小孩脑袋卡进去了", "头卡在栏杆中间")
      { objects: CHILD, symptoms: [/(?:头|脑袋|脑壳|脖子)(?:被)?[^，。！？,.!?\s]{0,4}(?:卡|夹)(?:进|在|住|到)/], span: 12,
        notInMessage: [/(?:拔|弄|取|拉|抽|退)(?:了)?出来了/, '没事了', '没大碍'] },
      // lying or pressed at a lift door's gap ("小朋友趴电梯门缝那里扒着玩"): fingers and clothes are dragged in
      { objects: CHILD, symptoms: [/(?:趴|扒|抠|贴|蹲|伸手)(?:在|着|到)?[^，。！？,.!?\s]{0,2}(?:电梯|梯|厅)门缝/], span: 20 },
      // in a pool or a river with no grown-up by, or the water deep ("喷泉池里有个小孩 大人不在旁边 水挺深的"), not a child
      // splashing with the parents watching or in a lesson
      {
        objects: CHILD,
        symptoms: [/(?:喷泉|水景|景观|消防)?(?:池|水池|池塘|河|湖|水库|泳池|鱼塘|水塘)(?:子)?里/],
        inMessage: ['没大人', '没有大人', '大人不在', '家长不在', '没人管', '没人看', /水(?:很|挺|好|特别|非常|蛮|超|太|那么|这么)深/, ...ON_ITS_OWN],
        span: 24,
        notInMessage: ['教练', '救生员', '游泳课', '培训', /(?:家长|大人|妈妈|爸爸|我)(?:都|就)?在(?:旁边|边上|岸上)/, /(?:抱|拉|牵|看|搂|扶)着/],
      },
      // by deep water and pushing or fooling about ("两个孩子在消防水池边上推来推去，水很深")
      {
        objects: CHILD,
        symptoms: [/(?:湖|河|池塘|鱼塘|水池|水塘|江|海|泳池|水库|(?<!电)池)(?:堤|岸|沿)?(?:边|边上|旁边)/],
        inMessage: [/水(?:很|挺|好|特别|非常|蛮|超|太|那么|这么)深/, '推来推去', '推搡', '打闹', '追着跑', '追来追去'],
        span: 24,
        notInMessage: [/(?:家长|大人|妈妈|爸爸|我)(?:都|就)?在(?:旁边|边上|岸上)/, /(?:抱|拉|牵|看|搂|扶)着/, '散步'],
      },
      // up on a substation box or a transformer ("两个小男孩爬到箱变上面去了")
      {
        objects: CHILD,
        symptoms: [/(?:爬|站|坐|蹲|跳|踩|翻)(?:到|上|在)?(?:了)?[^，。！？,.!?\s]{0,4}(?:箱变|变电箱|变压器|配电箱|电箱|配电柜|电表箱|高压柜|电力箱)/,
          /(?:箱变|变电箱|变压器|配电箱|配电柜|电力箱)(?:的)?(?:上面|上头|顶上|顶部|上)[^，。！？,.!?\s]{0,3}(?:爬|站|坐|蹲|跳|玩|踩)/],
        span: 24,
      },
      // in and out under a shutter or a gate coming down ("小孩在卷帘门底下钻来钻去 门正在往下落")
      {
        objects: CHILD,
        symptoms: [/(?:卷帘门|卷闸门|车库门|电动门|自动门|道闸|升降杆)[^，。！？,.!?\s]{0,4}(?:底下|下面|下边|下头|旁边|中间|门口)?[^，。！？,.!?\s]{0,2}(?:钻|爬|玩|跑|蹲|躺|趴|站)/],
        inMessage: [/(?:往下|正在|在)(?:落|降|关|放)/, '落下来', '降下来', '关上了', '正在关'],
        span: 24,
      },
      // squeezing out through a rail's gap ("阳台上有个宝宝在从围栏缝里往外钻"), not a worry about a wide gap
      {
        objects: CHILD,
        symptoms: [/(?:栏杆|围栏|护栏|防盗窗|防盗网)(?:的)?(?:缝|空隙|间隙|空当)(?:里|中)?[^，。！？,.!?\s]{0,3}(?:往外|钻|爬|挤|伸)/],
        span: 24,
        notInMessage: ['怕', '担心', '万一', '会不会', '加网', '加装'],
      },
      // playing by a lift shaft ("有小孩在电梯井旁边玩，施工的门开着"), not a warning to keep away
      {
        objects: CHILD,
        symptoms: [/(?:电梯井|井道)[^，。！？,.!?\s]{0,4}(?:玩|跑|钻|爬|打闹|探头|蹲|趴)/, /(?:在|到)(?:电梯井|井道)(?:边|旁边|边上|口|里|门口)/],
        span: 24,
        notInMessage: ['别靠近', '不要靠近', '禁止', '提醒', '温馨', '看好', '注意'],
      },
      // a child lost, described to be looked for ("孩子找不到了 穿红棉袄 4岁 在滑梯那丢的")
      // (or where it was lost told between: "孩子在小区走丢了 穿红衣服 5岁"; not a thing lost there: "孩子在学校丢了一支笔")
      {
        objects: [/(?:孙女|孙子|孩子|小孩|女儿|儿子|闺女|宝宝|娃|小朋友)(?:在[^，。！？,.!?\s的]{1,8})?(?:一转眼|转眼|突然|一下子)?(?:就)?(?:不见了|走丢了|找不到了|跑丢了|丢了)(?![一个支只件本把张双副块条])/],
        symptoms: [/穿(?:着|的)?[^，。！？,.!?\s]{0,5}(?:衣|袄|裙|裤|外套|羽绒服|毛衣|鞋|帽|t恤|褂)/, /(?:\d|[一二两三四五六七八九十])(?:周)?岁/, /在[^，。！？,.!?\s]{1,8}(?:丢|走丢|不见|走散)的/],
        span: 60,
        notInMessage: [/(?<![没不])(?:找到了|找着了|找回来了|已找到|已经找到)/, '虚惊', /(?:自己|已经|平安)回(?:家|来)了/, '接回来了'],
      },
    ],
    // the child's ball or shoe fell in, not the child ("孩子的皮球掉进沟里了")
    notWith: [/(?:孩子|小孩|儿子|女儿|宝宝|娃|孙子|孙女|小朋友)的[^，。！？,.!?\s]{1,4}(?:掉|落)/,
      // a question of how thick the ice must be ("冰面多厚能上去滑冰")
      /冰(?:面|层)?[^，。！？,.!?\s]{0,3}(?:多厚|多结实|厚不厚|结不结实|冻结实了吗|能不能上)/],
  },
];
