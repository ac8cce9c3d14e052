// What a ticket event did, in the words a timeline shows (the chat's /timeline, the CLI, the console's record).
import { ESCALATION_LEVEL_ZH } from '../grid/routing.ts';
import { isSupervision, type TicketEvent } from './ticket.types.ts';

export const EVENT_ZH: Record<TicketEvent['type'], string> = {
  reported: '登记', claimed: '认领', progress: '进展', resolved: '办结', transferred: '转派', escalated: '上报',
  rejected: '驳回', rated: '评价', closed: '关闭', reopened: '重新打开', queried: '查询', denied: '越权操作被拒',
  joined: '合并同类诉求', supplemented: '补充信息', recategorized: '更正分类', assigned: '指派', merged: '并入重复工单', deliberated: '转为议题',
  unclaimed: '撤回认领',
};

/**
 * One event in words: a transfer names its department ("转派至 城管中队"), an escalation the level it reached
 * ("上报至社区", as the group heard 已上报社区), a supervision is 督办, a corrected place says where it is now
 * ("更正地点为21号楼").
 */
export function eventZh(e: Pick<TicketEvent, 'type' | 'data'>): string {
  if (isSupervision(e)) return '督办';
  const target = e.type === 'transferred' ? e.data?.target : undefined;
  if (typeof target === 'string' && target) return `转派至 ${target}`;
  const level = e.type === 'escalated' ? e.data?.level : undefined;
  if (typeof level === 'string' && level in ESCALATION_LEVEL_ZH) return `上报至${ESCALATION_LEVEL_ZH[level as keyof typeof ESCALATION_LEVEL_ZH]}`;
  const place = e.type === 'supplemented' ? (e.data?.place as { to?: unknown } | undefined)?.to : undefined;
  if (typeof place === 'string' && place) return `更正地点为${place}`;
  return EVENT_ZH[e.type] ?? e.type;
}
