// What the bot says about topics: short, polite Chinese. Every post names "议题#N", so a reply quoting it (WeChat
// quotes carry text, not ids) is recognised as being about that topic.
import { formatDue } from '../sla/deadlines.ts';
import type { Tally, Topic, TopicTask } from './topic.types.ts';
import type { OptionsProblem } from './vote-parser.ts';

export const TOPIC_REF = /议题\s*#(\d{1,9})/;

/** "一人一票，参与率达50%且过半数通过": the rule as the posts (and the console) state it. */
export const ruleZh = (t: Pick<Topic, 'rule' | 'quorumPct' | 'counting'>) =>
  `${t.counting === 'HOUSEHOLD' ? '一户一票' : '一人一票'}，${t.rule === 'QUORUM' ? `参与率达${t.quorumPct ?? 50}%且` : ''}过半数通过`;
const optionsZh = (options: readonly string[]) => options.map((o, i) => `${i + 1}.${o}`).join(' ');
/** "，参与率42.5%"; nothing when the electorate is unknown (the platform never listed the groups' members). */
const turnout = (x: number | null) => (x === null ? '' : `，参与率${Math.round(x * 1000) / 10}%`);

export const topicTexts = {
  posted: (t: Topic, scopeName: string, groups: number) =>
    `【议题#${t.id}】${t.title}\n选项：${optionsZh(t.options)}\n范围：${scopeName}（${groups}个群）；${ruleZh(t)}\n` +
    `投票：回复本消息 ${t.options.map((_, i) => i + 1).join('/')} 或 ${t.options.join('/')}，截止${t.closesAt ? formatDue(t.closesAt) : ''}，截止前可改票。`,
  opened: (t: Topic, groups: number) => `议题#${t.id}已发布到${groups}个群，${t.closesAt ? formatDue(t.closesAt) : ''}截止。`,
  proposed: (t: Topic, needed: number, days: number) =>
    `【议题#${t.id}·提议】${t.title}\n${days}天内有${needed}位居民回复本消息“附议”即成为议题，也可由工作人员受理。`,
  seconded: (t: Topic, count: number, needed: number) => `已附议议题#${t.id}（${count}/${needed}）。`,
  remind: (t: Topic, tally: Tally) =>
    `【议题#${t.id}】${t.title}\n将于${t.closesAt ? formatDue(t.closesAt) : ''}截止，目前已有${tally.counted}${t.counting === 'HOUSEHOLD' ? '户' : '人'}投票${turnout(tally.turnout)}。尚未投票的居民请回复本消息投票。`,
  closed: (t: Topic, tally: Tally) => {
    const counts = t.options.map((o, i) => `${o}${tally.counts[i] ?? 0}`).join('，');
    const outcome = !tally.quorumMet
      ? '参与率未达要求，未通过'
      : tally.passed && tally.leading !== null
        ? `“${t.options[tally.leading]}”过半数，通过`
        : tally.leading !== null && t.options[tally.leading] === '反对'
          ? '“反对”占多数，未通过'
          : '无选项过半数，未通过';
    return `【议题#${t.id}·计票结果】${t.title}\n${counts}；共${tally.counted}${t.counting === 'HOUSEHOLD' ? '户' : '人'}投票${turnout(tally.turnout)}。\n规则：${ruleZh(t)}。结果：${outcome}。`;
  },
  // a topic the vote did not pass says so: the groups must not read the 拟办意见 as what they adopted
  decision: (t: Topic, text: string) => `【议题#${t.id}·拟办意见公告】${t.title}\n${t.result && !t.result.passed ? '表决未通过，以下为社区的拟办意见：\n' : ''}${text}`,
  taskAdded: (t: Topic, task: TopicTask, owner: string) =>
    `已将“${task.text}”列入议题#${t.id}的实事清单（实事#${task.id}），责任人：${owner}${task.dueAt ? `，${formatDue(task.dueAt)}前完成` : ''}。`,
  taskOwned: (t: Topic, task: TopicTask) =>
    `议题#${t.id}“${t.title}”的实事#${task.id}“${task.text}”由您负责，${task.dueAt ? `请于${formatDue(task.dueAt)}前完成；` : ''}办好后在群里发“完成 实事#${task.id}”。`,
  taskDone: (t: Topic, task: TopicTask, done: number, total: number) => `【议题#${t.id}·实事进展】“${task.text}”已完成（${done}/${total}）。`,
  published: (t: Topic, tasks: readonly TopicTask[]) =>
    `【议题#${t.id}·办理结果公示】${t.title}\n${tasks.map((k, i) => `${i + 1}. ${k.text} ✓`).join('\n')}\n感谢各位居民参与。`,
  revisit: (t: Topic) => `【议题#${t.id}·回访】“${t.title}”已办结一周，请参与投票的居民回复本消息评价：满意 / 基本满意 / 不满意。`,
  rated: () => '感谢您的评价。',
  notVoter: () => '感谢关注，本次回访请参与投票的居民评价。',
  ratingReport: (t: Topic, s: { voters: number; rated: number; counts: Record<'SATISFIED' | 'BASIC' | 'UNSATISFIED', number> }) =>
    `议题#${t.id}“${t.title}”回访结果：满意${s.counts.SATISFIED}，基本满意${s.counts.BASIC}，不满意${s.counts.UNSATISFIED}（${s.voters}位投票居民中${s.rated}位评价）。`,
  /** Why a step cannot be taken now, from where the topic stands and where the step needs it. */
  notNow: (no: number, status: string, want: string) => {
    if (status === 'OPEN') return want === 'PROPOSED' ? `议题#${no}已开始投票，请直接回复选项编号投票。` : `议题#${no}正在投票，截止后再拟办。`;
    if (status === 'PROPOSED') return `议题#${no}还在征集附议，尚未开始投票。`;
    if (status === 'CLOSED' && want === 'DECIDED') return `议题#${no}尚未拟办，请先发送“拟办 #${no} 意见”。`;
    if (want === 'PROPOSED') return `议题#${no}已结束征集附议。`;
    if (status === 'DONE') return `议题#${no}已办结。`;
    return `议题#${no}当前不能进行此操作。`;
  },
  /** 受理提议 on a topic that is no longer a proposal: where it stands, and the step that fits now. */
  cannotAccept: (no: number, status: string) =>
    status === 'OPEN'
      ? `议题#${no}已在表决中，无需受理；截止后可发送“拟办 #${no} 意见”。`
      : status === 'CLOSED'
        ? `议题#${no}已截止计票，无需受理；可发送“拟办 #${no} 意见”。`
        : status === 'DECIDED'
          ? `议题#${no}已拟办，无需受理；可发送“实事 #${no} 任务 / 责任人 / 截止日期”安排办理。`
          : status === 'DONE'
            ? `议题#${no}已办结，无需受理。`
            : `议题#${no}当前不能受理。`,
  /** 附议 / 受理提议 without a number where no proposal over the group is gathering seconds. */
  noProposal: (word: '附议' | '受理提议') =>
    `目前没有正在征集附议的提议，如需${word === '附议' ? '附议' : '受理'}请发送“${word} #议题号”。`,
  /** 附议 with no proposal gathering seconds, while topics are open for votes over the group. */
  noProposalButVote: (nos: readonly number[]) =>
    `目前没有征集附议的提议。${nos.map((n) => `议题#${n}`).join('、')}正在投票，支持请回复“同意”，也可引用议题消息回复。`,
  /** 附议 / 受理提议 without a number where several proposals are gathering seconds: which one. */
  whichProposal: (nos: readonly number[], word: '附议' | '受理提议') =>
    `目前有${nos.map((n) => `议题#${n}`).join('、')}在征集附议，请引用要${word === '附议' ? '附议' : '受理'}的提议消息回复“${word}”，或发送“${word} #${nos[0]}”。`,
  /** Options a reply could not tell apart, refused when the topic is made. */
  optionsProblem: (p: OptionsProblem) =>
    p.kind === 'count'
      ? '请至少写两个选项（最多九个），用“/”隔开；不写选项则默认 同意/反对/弃权。'
      : p.kind === 'numeric'
        ? `选项“${p.option}”是纯数字，会与按编号投票混淆，请改用文字，例如“方案一 / 方案二”。`
        : `选项“${p.option}”重复了，请给每个选项不同的名称。`,
  dueImpossible: (date: string) => `没有${date}这一天，请核对截止日期。`,
  taskExists: (no: number, taskNo: number) => `议题#${no}的实事清单已有这一项（实事#${taskNo}），无需重复添加。`,
  duePassed: () => '截止日期已过，请填写今天以后的日期，例如 12月20日 或 5个工作日。',
  taskRemind: (t: Topic, task: TopicTask) => `提醒：议题#${t.id}的实事#${task.id}“${task.text}”将于${task.dueAt ? formatDue(task.dueAt) : ''}到期，请按时办理。`,
  taskEscalated: (t: Topic, task: TopicTask, owner: string, level: string, next: Date) =>
    `议题#${t.id}的实事#${task.id}“${task.text}”（责任人：${owner}）逾期未完成，已上报${level}，请督促办理；${formatDue(next)}前仍未完成将继续上报。`,
  taskAtTop: (t: Topic, task: TopicTask, owner: string) =>
    `议题#${t.id}的实事#${task.id}“${task.text}”（责任人：${owner}）逾期未完成，已无更高层级可上报，请督促办理。`,
  fromTicket: (ticketNo: number, t: Topic, groups: number) => `工单 #${ticketNo} 已转为议题#${t.id}，已发布到${groups}个群。`,
  ticketToReporter: (ticketNo: number, t: Topic) => `您反映的工单 #${ticketNo} 需要居民共同商议，已转为议题#${t.id}，请留意群内投票。`,
  /** 一户一票: the household's vote is now this voter's (another member had voted). */
  // the lines about one vote name the topic too: a reply quoting them ("同意") is read as about that topic
  householdVoteReplaced: (no: number) => `议题#${no}一户一票，您家已有家人投过票，本户以您这次的选择为准。`,
  voteNotCounted: (no: number, reason: 'outside' | 'staff' | 'noHousehold' | 'householdOutside', scope = '') =>
    reason === 'outside'
      ? `抱歉，您不在议题#${no}范围内的群，投票不计入。`
      : reason === 'staff'
        ? `工作人员不参与议题#${no}投票（在本范围居住的除外）。`
        : reason === 'householdOutside'
          ? `议题#${no}仅限${scope || '本范围'}范围内的住户表决，您登记的住处不在此范围，投票不计入。`
          : `议题#${no}按户计票，您的户号尚未登记，投票暂不计入，请联系网格员登记。`,
  /** An unquoted vote in a group where several topics are open: which one is meant cannot be told. */
  whichTopic: (nos: readonly number[]) =>
    `目前有${nos.map((n) => `议题#${n}`).join('、')}正在投票，请引用要投票的议题消息回复，或发送“议题#${nos[0]} 同意”。`,
  noSuchOption: (t: Topic, choice: number) => `议题#${t.id}没有第${choice}项，请回复 1-${t.options.length} 或 ${t.options.join('/')}。`,
  notOpen: (t: Topic) => (t.status === 'PROPOSED' ? `议题#${t.id}还在提议阶段，暂不能投票，可回复“附议”支持。` : `议题#${t.id}已截止，投票不再计入。`),
  notFound: (no: number) => `未找到议题#${no}，请核对编号。`,
  notStaff: () => '抱歉，此操作需由负责该范围的工作人员办理。',
  wrongStatus: (t: Topic, what: string) => `议题#${t.id}当前不能${what}。`,
  sameProposal: (no: number) => `已有相同提议：议题#${no}，回复“附议 #${no}”即可支持。`,
  /** To staff opening a topic (议题 …, 转议题) that exists already: which one, and where it stands; no voting hint. */
  sameTopicExists: (no: number, status: string) => `已有相同议题：议题#${no}（${status === 'OPEN' ? '投票中' : '征集附议中'}），无需重复发起。`,
  sameTopicOpen: (no: number) => `已有相同议题：议题#${no}正在投票，请引用议题消息回复，或发送“议题#${no} 同意”。`,
  alreadySeconded: (t: Topic) => `您已附议过议题#${t.id}。`,
  staffNoSecond: (t: Topic) => `工作人员不参与附议（在本范围居住的除外），可回复本消息“受理提议”直接发起议题#${t.id}的投票。`,
  elsewhereNoSecond: (t: Topic, scope: string) => `议题#${t.id}仅限${scope || '本范围'}范围内的住户附议，您登记的住处不在此范围，附议不计入。`,
  ownProposal: (t: Topic) => `您是议题#${t.id}的提议人，无需附议，请邀请邻居附议。`,
  taskNotFound: (no: number) => `未找到实事#${no}，请核对编号。`,
  usage: (what: string) => `格式不对，请按“${what}”发送。`,
};
