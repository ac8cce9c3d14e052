// Words that say nothing about which problem an appeal is about: Chinese function words, chat fillers, and the
// generic words of every appeal (问题, 反映, 希望, 请, 小区, 领导…). Left in, they would glue unrelated appeals together
// ("小区的问题，希望领导重视" is in half of all appeals). Core data: the segmenter (an adapter) knows no stop words.

const FUNCTION_WORDS = `的 了 着 过 和 与 及 以及 或 或者 而 而且 并 并且 但 但是 可是 因为 所以 如果 虽然 就 也 都 还 又 再 才 只 很 太 非常
十分 特别 比较 更 最 已 已经 正在 在 于 对 对于 向 从 把 被 让 给 为 为了 由 由于 到 跟 同 是 不是 有 没有 没 不 无 能 能否 可以
可能 会 要 需要 应该 应当 必须 得 地 这 那 这个 那个 这些 那些 这里 那里 这样 那样 这种 那种 此 其 其他 其它 它 他 她 他们 她们 它们
我 我们 你 你们 您 咱们 大家 自己 本人 人 谁 什么 怎么 怎么办 怎样 如何 为何 为什么 哪 哪里 哪些 多少 几 吗 呢 吧 啊 呀 哦 嗯 哈 啦
么 之 等 等等 上 下 中 内 外 前 后 里 时 时候 一 一个 一些 一下 一直 一样 一定 每 每天 各 各种 个 些 点 次 多 少 大 小 好 很多 许多
所有 任何 每个 还是 还有 就是 只是 只有 不过 然后 而是 即 即使 甚至 尤其 例如 比如 通过 根据 按照 关于 针对 进行 相关 有关 以上 以下
之前 之后 以后 以前 现在 目前 今天 昨天 明天 今年 去年 年 月 日 号 天 已于 至今 近期 最近 期间 当时 同时 其中 以来 以及 出现 发现 存在
导致 造成 影响 情况 方面 一点 不能 不会 不要 不知 知道 觉得 认为 表示 看到 看看 听说 据说 说 讲 问 想 看 做 去 来 用 使用 拿 请问 谢谢
感谢 麻烦 非常感谢 您好 你好 各位 请求 恳请 恳求 敬请 望 希望 请 求 求助 帮忙 帮助 解决 处理 落实 回复 答复 答复意见 尽快 及时 能够
应 予以 给予 加以 得到 取得 作为 成为 为止 如此 因此 于是 然而 并且 而且 那么 这么 多么 真的 真是 确实 实在 居然 竟然 简直 根本 完全
总是 经常 常常 一再 多次 再次 反复 屡次 始终 仍然 依然 还在 已有 没人 有人 任何人 本来 原来 终于 突然 严重 非常严重 情况下`;

// The generic words of appeals and of their channels: every appeal "反映问题" about "小区", "希望领导重视".
const APPEAL_WORDS = `问题 反映 反应 投诉 举报 咨询 建议 诉求 要求 申请 询问 请示 呼吁 关注 重视 高度重视 领导 政府 部门 相关部门 有关部门 市政府
区政府 书记 市长 区长 局长 主任 同志 网友 市民 群众 居民 业主 住户 百姓 老百姓 小区 社区 居民区 附近 周边 旁边 周围 地方 地区 区域
本地 当地 我市 我区 市民们 业主们 居民们 事情 事件 这件 此事 一事 事宜 情形 现象 状况 原因 结果 办法 措施 工作 管理 有效 相应 具体
尽早 早日 何时 什么时候 能不能 可不可以 是否 有没有 为啥 怎么回事 生活 正常 日常 严重影响 影响到 身体健康 健康 安全 隐患 得不到
一年 两年 多年 几年 半年 几个 几天 多天 个月 很久 长期 长时间 每次 每年 每月 时间 晚上 白天 早上 中午 下午 上午 凌晨 深夜 夜间`;

// Chat fillers and politeness of group chats (the same appeals come from chat groups as from the hotline).
const CHAT_FILLERS = `哈哈 呵呵 嘿嘿 好的 好吧 收到 谢谢您 辛苦 辛苦了 辛苦啦 在吗 有人吗 请问一下 大家好 群主 管家 亲 亲们 哈喽 嗨 嗯嗯 哦哦 额 呃
那个 这个事 真的是 太 了吧 啊啊 吗吗 咋 咋办 啥 咋回事 可以吗 好不好 对不对 是不是 行不行 有木有`;

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

export const STOP_WORDS: ReadonlySet<string> = new Set([...words(FUNCTION_WORDS), ...words(APPEAL_WORDS), ...words(CHAT_FILLERS)]);

/** Words a place name never starts with: a run of tokens before 新城/花园/路… stops at one of these (反映丽发新城 → 丽发新城). */
export const PLACE_BREAKERS: ReadonlySet<string> = new Set([
  ...[...words(FUNCTION_WORDS), ...words(APPEAL_WORDS), ...words(CHAT_FILLERS)].filter((w) => w !== '之'),
  // one-character verbs (跳广场舞: 跳 is not part of 广场)
  ...words('跳 走 来 住 买 卖 开 建 修 搬 停 占 堵 挖 拆 吵 跑 逛 看 进 出 回 让 叫 找 听 说 要 想 用 做 搞 放 堆 倒 排 烧 围 挡 种 砍 养 遛 骑 乘 坐 等 扰 进入 离 近 靠 临 沿 过 经 往 去 到 在 于'),
  ...words('市 区 县 省 该 本 此 各 某 新 老 旧 大 小 我家 你家 他家'),
  ...words(`反映 投诉 举报 咨询 关于 建议 希望 请 要求 位于 地处 座落 坐落 来自 住在 家住 居住 前往 经过 路过 靠近 紧邻 对面 隔壁 门口 楼下
  附近 周边 旁边 周围 开发 建设 修建 新建 建 修 开 搬 住 买 卖 购买 入住 交房 业主 居民 市民 一条 这条 那条 整条 整个 全 全市 全区 属于 几所 几个 找 听 去 到 在 让 大型 高分贝`),
]);

/** A content word: Han text of two characters or more, or a Latin word of three letters or more; not a stop word. */
export function isContentWord(w: string): boolean {
  if (STOP_WORDS.has(w)) return false;
  if (/\p{Script=Han}/u.test(w)) return w.length >= 2 && !/^[\d\p{P}]/u.test(w) && !/^[一二三四五六七八九十百千万几两]+$/u.test(w);
  return /^[a-z]{3,}$/i.test(w);
}
