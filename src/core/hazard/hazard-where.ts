// In the sentence of a danger: whether it is here — news from elsewhere, a screen, a dream, hearsay or a rumour — and
// the places and people that make it ours again.
import type { Term } from '../triage/urgency.ts';
import { AWAY_ON_PURPOSE } from './hazard-context.ts';

/** In the sentence: the danger is elsewhere or second-hand (news, video, another estate). */
export const ELSEWHERE_MARKERS: readonly Term[] = [
  // said outright not to be in the estate ("外面马路上有辆车着火 不在小区里")
  /不在(?:咱们|我们|咱|本)?小区(?:里|内|里面)/,
  // … or far from it ("那边工地塌方了，离咱们小区挺远的"; not "离我们单元不远")
  /离(?:咱们|我们|咱|我家|本小区|小区)(?:这(?:里|边|儿)|小区|家)?(?:挺|很|比较|还|蛮|特别|非常|有点|还是|还挺|太)?(?<!不)远/,
  // … or not here ("反正不是咱们这", "不是我们小区"), not a building of ours set apart ("不是咱们这栋 是隔壁那栋")
  /不是(?:咱们|我们|咱|本)(?:这(?:里|边|儿)?|小区)(?![^，。！？,.!?\s]{0,2}(?:栋|楼|幢|单元|层|号|家))/,
  // (a video posted in the estate's own group is news of here: "小区群里有人发视频 3栋8楼着火了"; so is one the reporter
  // posts: "视频发群里了"; nor the news one watched when it happened: "看新闻的时候闻到厨房煤气味")
  /新闻(?!的?时候|时)/, '报道', '头条', '多地', '各地', '抖音', '快手', '微博', '小红书', /[Bb]站/, '视频号', '西瓜视频', '哔哩哔哩',
  // in a game, not the room it is played in ("说他的房子着火了要去救 游戏里的")
  /游戏(?:里|中(?!心))(?:的|面|头)?/,
  // online, not on a net or a guard (nor the reporter's proof: "这回楼顶在冒火 有视频") ("防盗网上坐着个孩子"); nor a video
  // call from someone at home ("我儿子刚视频说屋里一股怪味")
  /(?<![防盗铁丝蛛球渔纱])网上/, /(?<!录|拍|录了|拍了|录个|拍个)(?<!(?:小区|业主|楼栋|单元|本楼|我们|咱们)群[^，。！？,.!?]{0,6})(?<!(?:儿子|女儿|闺女|孩子|娃|老公|老婆|爸|妈|爷爷|奶奶|外婆|外公|保姆)(?:刚|刚刚|刚才)?(?:跟我|和我|给我)?(?:打|开|发)?(?:了|个)?)视频(?!通话|电话)(?![^，。！？,.!?\s]{0,2}(?:发|传|放)(?:到|在|进|了)?(?:群|这|上来|给(?:你们|大家|物业)))(?<!有视频(?=(?:为证)?(?:$|[\s，。！？,.!?])))/,
  // (not the TV one was watching when it happened: "看电视的时候厨房着火了")
  // (what is on TV or said there, not the set itself: "电视后面的插座冒烟了", "屋里电视一直响"; nor the TV one was watching
  // when it happened: "看电视的时候厨房着火了")
  /电视(?:上(?!面)|里(?!面)|中|台|新闻|节目|报道|直播|说|讲|播|放)|看(?:了|着)?电视(?!的?时候|时|呢)/, '热搜', '隔壁街道',
  // another estate, by name too ("隔壁的万科小区"), not one said not to be it ("不是别的小区 就是咱们8栋")
  /(?<!不是|不在|并非)(?:隔壁的?[^，。！？,.!?\s\d]{0,4}小区|别的小区|其他小区)/,
  // out on public transport ("我在地铁上看到有人晕倒了")
  /在(?:地铁|公交|公交车|高铁|火车|动车|飞机|大巴)(?:上|里)/,
  // 外地 where something happened, not where a son is ("儿子在外地" is why no one can help), nor 另外 before 地库/地下室
  '别的地方', /(?<!人在|我在|俺在|人还在|我还在|俺还在|[儿女子孙爸妈姐哥弟妹公婆]在|都在|另)外地/,
  // (the time before going home is no place: "过年回老家前 有人把电动车锁在楼道里充电"; "回老家了 镇上…" is; someone come
  // from there is here: "老家来的公公 … 叫不醒")
  // (nor a neighbour's trip home doubted after it: "说是回老家了 可是好几天没见人了" is here, as AWAY_ON_PURPOSE reads it)
  /(?:(?<![回去从])老家(?!来的|来了)|[回去]老家(?!前|之前|以前))(?![^]*(?:但|可是|不过|可(?=[^，。！？,.!?\s]{0,4}(?:屋里|家里|里面|门缝|灯|有|还|又))))/, /在(?:城[东南西北]|市中心|郊区)/,
  // a relative's or friend's place ("我妈那边老小区")
  // (a school's gate or what faces it is where the estate's children pass, not somewhere else: "家长们 学校门口有人拿棍子追小学生";
  // a school someone's own is theirs: "我妹学校门口", "我对象的学校门口")
  /(?:妈|爸|姐|(?<![小帅])哥|弟|妹|姨|舅|姑|叔|朋友|同事|亲戚|闺蜜|同学|婆婆|丈母娘|娘家|婆家|亲家)[^，。！？,.!?\s]{0,2}(?:那边|那里|那儿|那个小区|住的|家的|家那|家小区)/, /[他她]们那(?![层栋楼单户间])/, /[他她]们(?:老|新|那个)?(?:小区|公司|单位|学校|厂)/, /(?:公司|单位|厂里)(?:楼下|门口|里面|对面|附近)|学校(?:楼下|里面)/,
  /(?<=[^\s，。！？,.!?])(?<!小区|附近|咱们|我们|咱|旁边|隔壁|对面|这个|那个|这|那|(?:旁边|附近|对面|隔壁|门口|小区)的)学校(?:门口|对面|附近)/, '某小区', '某地', '外省', '那个小区', '全国', /(?<!人在|我在|人还在|我还在|[儿女子孙爸妈姐哥弟妹公婆]在|都在)国外/, '市里', '据报道', '电影', '电视剧', '小说',
  // what a documentary or a programme tells ('央视那个纪录片讲电动车起火的'), not one on while a danger comes ('在看纪录片 突然楼道里冒黑烟了')
  /(?:纪录片|节目|央视|卫视|专题片|宣传片|科普片)[^，。！？,.!?\s]{0,6}(?:讲|说|放的|播的|演的|报道)/,
  // a scene in a show named in book marks or called a show ("《狂飙》里那段打戏", "剧里有人被捅了")
  /》(?:里|中|里面|里头)/, '剧里', '戏里', '打戏', '追剧', /这(?:部|个)剧/,
  // away on a trip, or "some estate" somewhere ("我老公出差住的酒店", "深圳那边有个小区")
  // (not where the writer is, the reason they cannot come: "我在国外", "我人在出差 家里老人晕倒了")
  // (the writer back from one is here: "我出差回来 发现隔壁老人好几天没出门了"; a husband away is why no one helps: "老公出差")
  // (nor a neighbour's trip doubted after it: "说去旅游了 可是好几天没见人了" is here, as AWAY_ON_PURPOSE reads it)
  /(?:(?<!人在|我在|人还在|我还在|我正在)(?<!(?:老公|老婆|爱人|丈夫|媳妇|孩子他?爸|孩子他?妈|家里人|家人)(?:又|也|都|刚好|正好)?(?:去)?)出差|旅游|度假)(?!回来|回家)(?![^]*(?:但|可是|不过|可(?=[^，。！？,.!?\s]{0,4}(?:屋里|家里|里面|门缝|灯|有|还|又))))/, '住的酒店', '有个小区', '有一个小区',
  // one's workplace or its dormitory ("单位宿舍那边说")
  /(?:单位|公司|学校|厂)[^，。！？,.!?\s]{0,3}那边/,
  // a public place off the estate, named with 那边 ("今天路过万达那边看到一辆车自燃")
  /(?:万达|商场|购物中心|地铁站|火车站|高铁站|汽车站|长途站|加油站|步行街|高速|机场|市中心|市区)(?:那边|那里|那儿|那头)/,
  // another city, named with 那边 ("香港那边又有大厦火灾")
  /(?:北京|上海|广州|深圳|香港|澳门|台湾|台北|天津|重庆|成都|杭州|南京|武汉|西安|苏州|郑州|长沙|东莞|青岛|沈阳|宁波|昆明|大连|厦门|合肥|福州|济南|佛山|哈尔滨|县城|[省市县])(?:那边|那里|那儿|那头|有个|有一个)/,
  // where a relative or friend works, and their building ("我表姐在省城上班 她们写字楼今天电梯困人")
  /(?:姐|哥|弟|妹|姨|舅|姑|叔|朋友|同事|亲戚|闺蜜|同学)[^，。！？,.!?\s]{0,2}在(?!家|我们|咱|小区|楼)[^，。！？,.!?\s]{1,6}(?:上班|工作|打工)/, /[他她]们(?:写字楼|办公楼|医院|商场|酒店|宿舍楼)/,
  // another site of the same employer ("厂里另一个分厂昨天有工人触电")
  /(?:另一个|另外一个|另外的|别的|其他)(?:分厂|厂区|厂|车间|工地|分公司|校区|园区|门店|分店)/,
  // a place only named, or another street or village ("某市一小区", "XX区一居民楼", "隔壁街那个老小区", "他们村里"), and a
  // workplace's building ("我老公单位那栋楼")
  /(?:某|xx|××)(?:省|市|县|区|镇|村|街道)/, /隔壁(?:街|路|村|镇|市|县|省|城市|区)/, /那个(?:老|新|旧)小区/, /[他她]们(?:村|镇|县)/,
  /(?:单位|公司|学校|厂)[^，。！？,.!?\s]{0,3}(?:那栋|那幢|那座)/,
  // a relative's home in another place ("她女儿在深圳的小区", "我儿子在外面租的房子")
  /(?:姐|哥|弟|妹|姨|舅|姑|叔|女儿|儿子|闺女|孩子|朋友|同事|亲戚|闺蜜|同学)[^，。！？,.!?\s]{0,2}在(?!家|我们|咱|小区|楼|这)[^，。！？,.!?\s]{1,6}的(?:小区|家|房子|出租屋|宿舍)/,
  // passing a named road on the way ("上班路过中山路那边")
  /(?:路过|经过)[^，。！？,.!?\s\d]{1,5}(?<![马小道过])(?:路|街|大道)(?:那边|那里|那儿|那头|口)/,
  // out at a shop or restaurant ("我在外面吃饭 饭店后厨着火了")
  /在外面[^。！？!?]{0,12}(?:饭店|餐厅|饭馆|酒楼|酒店|商场|超市|电影院|店里)/,
  // a relative somewhere else telling of their own place ("我妹在广州说她们那栋楼着火了", "亲戚在香港，说他们屋苑…"); not a
  // relative away as the reason no one can help ("我女儿在广州，家里老人摔倒了")
  // (not one in a building here telling of their floor: "我妈在3栋说她们那层有煤气味")
  /(?:姐|哥|弟|妹|姨|舅|姑|叔|爸|妈|女儿|儿子|闺女|朋友|同事|亲戚|闺蜜|同学|老公|老婆)[^，。！？,.!?\s]{0,2}在(?!家|我们|咱|小区|楼|这)[^，。！？,.!?\s\d栋楼幢单元层号]{1,6}[^。！？!?]{0,10}(?:他们|她们)(?:那(?![层户间])|家|小区|楼|屋苑|村|单位|公司)/,
  // on the way somewhere ("下班路上看到高架上一辆车着火了"), not on the way home to a place here ("回家路上看到小区3栋冒黑烟")
  // (nor the hazard placed on such a way: "井盖翻了 就在放学路上")
  /(?<!就在|就是|正好在|刚好在|正在)(?:上班|下班|上学|放学|回家|回来|出门|开车|送孩子|接孩子|买菜|去公司)(?:的)?(?:路上|途中)(?![^。！？!?]*(?:小区|本楼|\d+\s*(?:栋|号楼|幢|单元|楼)|楼下|单元|我们|咱|我家))/, '高架上', '高速上',
];
/** A clause telling that a screen is on where the writer is ("一家人在看电视", "电视里还在放新闻"): the backdrop of a report
 * from here, not news of a danger elsewhere, when the sentence names a place here (对面楼, 楼上) and the clause tells of
 * nothing seen or said on the screen. */
export const BACKGROUND_SCREEN = /(?:在|着|边)看(?:着)?电视|看着电视|电视(?:里|上)?(?:还|正)?在(?:放|播)|开着电视|电视开着|放着电视/;
export const SCREEN_TELLS = /说|报道|播出|看到|看见|曝光|讲|新闻里/;

/** Just before the danger in its clause: a scene in a show or a story ("看电视剧看到着火救人那段"), whoever is watching it. */
export const SCREEN_SCENE_BEFORE = /(?:电视剧|电影|动画片?|小说|剧里|剧中|短剧|综艺|节目)(?:里|中|上)?(?:面)?(?:看到|演到|演了|演的|放到|播到|讲到|写到|讲的|写的|放的|播的|有)?(?:个|一个|一段|一场)?$/;

/** In the sentence: a dream, whatever it says of here and now ("梦到咱们楼着火了"). */
export const DREAM_MARKERS: readonly Term[] = ['梦见', '做梦', '梦到', '梦里', '梦中', '噩梦', '做了个梦'];
/** In the sentence: hearsay or a post relayed (朋友圈, 群里); kept when the sentence names a place or person here (3栋, 楼下, 邻居). */
export const HEARSAY_MARKERS: readonly Term[] = ['听说', '据说', /听[^，。！？,.!?]{1,4}说/, '朋友圈', '发动态',
  // (nor a plea to keep something out of it: "别在群里说我家门牌号")
  // (not what someone here said in this group themselves: "他刚在群里说 明天你们就不用再受我的吵了 然后就退群了")
  /(?<!(?:他|她|租户|邻居|业主|住户|小伙子?|姑娘|大姐|大哥)(?:刚|刚刚|刚才|今天|昨晚|半夜)?在)(?<!(?:不要|别|勿|请勿|不能|千万别)(?:在)?)群里说/, '转发', '转：', '转:', '【转】', '[转]',
  // a post going round, its truth unknown ("好几个群都在转 不知道真的假的")
  /(?:群|朋友圈|网上|到处|都)[^，。！？,.!?\s]{0,3}在转/, '真的假的', '不知道真假', '不知真假', '谣言', '辟谣'];
/** In the sentence: a report called a rumour or false ("3栋着火是谣言", "群里传的 假的 别转"), whatever place here it names
 * (not "不是谣言", nor the doubt of "真的假的": that is hearsay). */
export const RUMOUR_DENIED: readonly Term[] = [
  /(?<!不是|不)谣言/, '辟谣', '造谣', '传谣', /(?<!真的|不是|真|[寒暑请休病产婚年])假(?:消息|新闻|的)/, '不实', /(?:别|不要)(?:相)?信/,
  /(?:别|不要)(?:再)?(?:乱传|瞎传|乱转|转了|转发|传了)/, '没这回事', '没有这回事', '子虚乌有',
];
/** In the danger's clause: it is real after all ("别信谣言，3栋真的着火了", "不是谣言"). */
export const REAFFIRMED: readonly Term[] = [/真的(?!假)/, /真(?=[着在冒起烧困有])/, '确实', '是真的', /不是(?:谣言|假的|假消息)/, '千真万确'];
export const LOCAL_PLACE: readonly Term[] = [/\d+\s*(?:栋|号楼|幢|单元|楼|层)/,
  // (and in characters: "十栋的消火栓", not "一栋楼", any building)
  /(?<![一二三四五六七八九十两几\d])(?![一两几])[一二三四五六七八九十]+(?:栋|号楼|幢|单元)/, '楼下', '楼上', '对面楼', '隔壁家', '邻居', '我们', '咱们', '咱', '本楼', '本小区', '小区里', '单元',
  // (not another district or town: "隔壁区有个井盖没盖")
  /隔壁(?![区市县省镇村街路城])/,
  // someone who shares the flat ("我室友 … 发朋友圈说")
  '室友', '舍友',
  // someone here named by their flat ("1501那个小伙子", "302的阿姨", "7-2-801的租户"; not a year), or whose door people are
  // asked to knock at
  /\b\d{1,2}-\d{1,2}-\d{3,4}\b/, /(?<![\d.])[1-9]\d{2,3}(?<!(?:19|20)\d\d)(?:室|房|号房|那个|那家|那户|家|住户|业主|的(?:人|住户|业主|小伙|阿姨|大爷|老人|孩子|小孩|姑娘))/, /(?:去|来)(?:他|她)?(?:家)?敲(?:一?下)?门/];

/** Just before the later word of a pair: a thing pictured in an advert or a poster ("电梯里那个广告的电瓶车挺好看"). */
export const PICTURED_BEFORE = /(?:广告|海报|宣传画|画报|招贴画?|广告屏|宣传片)(?:里|上|中)?的$/;
