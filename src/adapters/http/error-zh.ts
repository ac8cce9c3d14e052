// The Chinese sentence of an API error, for the staff console (error bodies carry it as `messageZh` beside the English
// `message` that logs, scripts and the CLI keep). Worded from the error's code, its details (a ticket number, a grid
// code: never an internal id) and, for an invalid request, from the first field the schema refused, named by its
// label (`zhField`) or by a common field name; a refinement may word itself (`params: { zh }`).
import { z } from 'zod';
import type { DomainError } from '../../core/errors.ts';
import { errorReply } from '../../core/tickets/replies.ts';

/** Labels of a schema's fields in Chinese (`请填写办理结果`), found by walking the schema along an issue's path. */
export const zhFields = z.registry<{ zh: string }>();

/** The schema, with its Chinese label for error messages. */
export function zhField<S extends z.ZodType>(schema: S, zh: string): S {
  zhFields.add(schema, { zh });
  return schema;
}

/** The finer machine codes (`reason`) of errors whose `code` covers several kinds. */
export const Reason = {
  OutsideScope: 'OUTSIDE_SCOPE',
  RoleRequired: 'ROLE_REQUIRED',
  MergeIntoItself: 'MERGE_INTO_ITSELF',
  DuePassed: 'DUE_PASSED',
  AssigneeOutOfReach: 'ASSIGNEE_OUT_OF_REACH',
  DueImpossible: 'DUE_IMPOSSIBLE',
  TaskExists: 'TASK_EXISTS',
} as const;

/** Common field names of the API's paths, queries and bodies. */
const LABELS: Record<string, string> = {
  text: '内容', note: '说明', title: '标题', month: '月份', node: '网格编码', id: '编号', no: '工单号', taskId: '任务编号',
  limit: '条数', into: '要并入的工单号', personId: '人员', assigneeId: '办理人', target: '转派部门', category: '类别',
  reason: '原因', key: '工号', code: '验证码', password: '密码', token: '登录链接', status: '状态', from: '起始日期',
  to: '截止日期', q: '搜索内容', page: '页码', offset: '起始位置', severity: '严重程度', format: '格式', options: '选项',
  owner: '责任人', due: '期限', windowHours: '表决时长', counting: '计票方式', rule: '表决规则', quorumPct: '法定人数比例',
  leadDepartment: '牵头部门', leadPersonId: '牵头人', targets: '发送范围', decision: '决定', complex: '复杂事项', top: '条数',
  overdue: '超时', name: '名称', job: '任务', platform: '平台', externalId: '账号', mine: '只看我负责的', group: '群',
};

/** The schema of the field at `path` inside `schema` (through optional, default, pipe/transform wrappers), if any. */
function fieldSchema(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | null {
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(key)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else return null;
    if (!s) return null;
  }
  return s ?? null;
}

function unwrap(s: z.ZodType): z.ZodType {
  for (let i = 0; i < 8; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
  return s;
}

function labelOf(schema: z.ZodType, path: readonly PropertyKey[]): string | null {
  const field = fieldSchema(schema, path);
  const own = field && (zhFields.get(field)?.zh ?? zhFields.get(unwrap(field))?.zh);
  if (own) return own;
  const name = [...path].reverse().find((k) => typeof k === 'string');
  return typeof name === 'string' ? (LABELS[name] ?? null) : null;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** One sentence for a request the schema refused: its first refused field, named in Chinese. */
export function zhForIssues(schema: z.ZodType, data: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const i = issues[0];
  if (!i) return '请求内容有误';
  // a refinement that words itself: .refine(check, { message, params: { zh: '选项不能重复' } })
  const own = i.code === 'custom' ? (i.params as { zh?: unknown } | undefined)?.zh : undefined;
  if (typeof own === 'string') return own;
  const label = labelOf(schema, i.path);
  if (!label) return '请求内容有误，请检查后重试';
  const v = valueAt(data, i.path);
  if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) return `请填写${label}`;
  if (i.code === 'too_big' && typeof v === 'string') return `${label}过长（最多 ${String(i.maximum)} 字）`;
  if (i.code === 'too_big' || i.code === 'too_small') return `${label}超出允许的范围`;
  if (i.code === 'invalid_value') return `${label}不在可选范围内`;
  return `${label}格式不正确`;
}

/** An unknown grid code as typed: codes are case-sensitive (the grid file may hold `a1` and `A1` as two nodes). */
export function zhUnknownGridCode(code: string | undefined): string {
  if (!code) return '网格编码不存在';
  return /[A-Za-z]/.test(code) ? `网格编码“${code}”不存在（编码区分大小写）` : `网格编码“${code}”不存在`;
}

const BY_CODE: Record<string, string> = {
  BAD_REQUEST: '请求内容有误，请检查后重试',
  BAD_JSON: '请求内容格式有误',
  BODY_TOO_LARGE: '提交的内容过大',
  UNAUTHENTICATED: '请先登录',
  SIGN_IN_FAILED: '登录失败：验证码、链接或密码有误、已过期或已使用，或此人没有工作台权限',
  CSRF_REFUSED: '请求来源校验未通过，请刷新页面后重试',
  RATE_LIMITED: '尝试次数过多，请稍后再试',
  NOT_AUTHORIZED: '无权进行此操作',
  NOT_REPORTER: '只有反映人可以评价该工单',
  NOT_FOUND: '请求的地址不存在',
  TOPIC_NOT_FOUND: '该议题不存在',
  PROBLEM_NOT_FOUND: '该问题不存在',
  SERVICE_NOT_FOUND: '该求助不存在',
  SERVICE_REQUEST_NOT_FOUND: '该求助不存在',
  BROADCAST_NOT_FOUND: '该批量发布不存在',
  FINDING_NOT_FOUND: '该巡查发现不存在',
  GROUP_NOT_FOUND: '该群不存在',
  GROUP_ALREADY_MAPPED: '该群已映射到网格（如需更改，请通过网格导入）',
  QUEUE_NOT_FOUND: '该队列不存在',
  JOB_NOT_FOUND: '没有这个失败任务',
  TOPIC_EXISTS: '该问题已是本月的每月一题',
  ILLEGAL_TRANSITION: '当前状态下不能办理此操作，请刷新后再试',
  UNKNOWN_CATEGORY: '没有这个类别',
  CONCURRENT_UPDATE: '数据刚被他人更新，请刷新后再试',
  MALFORMED_COMMAND: '操作内容有误，请检查后重试',
  GROUP_NOT_MAPPED: '该范围内还没有映射的群',
  GRID_INVALID: '网格文件有误',
  NO_ASSIGNEE: '该人员不能办理此网格的工单',
  NO_VOLUNTEER: '没有找到可接单的志愿者',
  BROADCAST_NO_TARGETS: '所选范围内没有可发送的群',
  BROADCAST_INVALID: '批量发布的内容有误',
  CONFIG_INVALID: '服务器配置有误，请联系管理员',
  INTERNAL: '服务器出错，请稍后再试',
};

const REASON_ZH: Record<string, string> = {
  [Reason.OutsideScope]: '该网格不在您的管辖范围内',
  [Reason.RoleRequired]: '您的角色无权进行此操作',
  [Reason.MergeIntoItself]: '不能并入本工单',
  [Reason.DuePassed]: '截止日期已过，请选择今天以后的日期',
  [Reason.AssigneeOutOfReach]: '只能指派给您管辖范围内、角色不高于您的人员',
  [Reason.DueImpossible]: '截止日期不存在（如2月30日），请核对',
  [Reason.TaskExists]: '实事清单已有相同的一项，无需重复添加',
};

/** The sentence of an error by its code (and reason, and details). */
export function zhForCode(code: string, reason?: string, details: Record<string, unknown> = {}): string {
  // a broadcast to groups outside the author's subtrees names the part of the grid refused (西园社区)
  const outside = Array.isArray(details['outsideNames']) ? details['outsideNames'].filter((n): n is string => typeof n === 'string') : [];
  if (reason === Reason.OutsideScope && outside.length) return `${outside.join('、')}不在您的管辖范围内，只能发往本人负责范围内的群`;
  if (reason && REASON_ZH[reason]) return REASON_ZH[reason];
  const no = typeof details['ticketNo'] === 'number' ? details['ticketNo'] : null;
  if (code === 'TICKET_NOT_FOUND') return no ? `工单 #${no} 不存在` : '该工单不存在';
  if (code === 'NOT_AUTHORIZED' && no) return `无权办理工单 #${no}`;
  // a 议事 topic opened again (an insights topic says 该问题已是本月的每月一题, by code)
  if (code === 'TOPIC_EXISTS' && typeof details['topicNo'] === 'number') {
    return `已有相同议题：议题#${details['topicNo']}（${details['status'] === 'OPEN' ? '投票中' : '征集附议中'}），无需重复发起`;
  }
  if (code === 'GRID_NODE_NOT_FOUND') return zhUnknownGridCode(typeof details['code'] === 'string' ? details['code'] : undefined);
  if (code.startsWith('HTTP_')) return `请求失败（${code.slice(5)}）`;
  return BY_CODE[code] ?? '操作未能完成，请稍后再试';
}

/** A domain error's sentence: the chat's own where it fits the console too, else by code. */
export function zhForDomain(e: DomainError): string {
  const reason = typeof e.details['reason'] === 'string' ? e.details['reason'] : undefined;
  if (!reason && typeof e.details['ticketNo'] === 'number' && (e.code === 'ILLEGAL_TRANSITION' || e.code === 'CONCURRENT_UPDATE')) {
    return errorReply(e).replace(/[。]$/, '');
  }
  return zhForCode(e.code, reason, e.details);
}
