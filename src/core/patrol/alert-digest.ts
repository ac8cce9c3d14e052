// Alert grouping: new findings become one Chinese message per recipient per rule, so a burst of ads in ten groups is
// one line in a worker's chat, not ten. Recipients who would get the same text share one item.
import { RULE_ZH, PATROL_RULES, SEVERITY_RANK, type PatrolFinding, type PatrolRule } from './patrol.types.ts';

export interface AlertInput {
  finding: PatrolFinding;
  /** The title of the finding's group, for "东园20号楼群等 3 个群". */
  groupTitle: string;
  recipientPersonIds: readonly number[];
}

export interface PatrolAlert {
  recipientPersonIds: number[];
  text: string;
  rule: PatrolRule;
  findingIds: number[];
}

export interface DigestOptions {
  /** Summaries listed in one message; the rest are counted (default 5). */
  maxListed: number;
}

export const DEFAULT_DIGEST_OPTIONS: DigestOptions = { maxListed: 5 };

function text(rule: PatrolRule, items: AlertInput[], o: DigestOptions): string {
  const urgent = items.some((i) => i.finding.severity === 'CRITICAL') ? '【紧急】' : '';
  if (items.length === 1) return `${urgent}巡查提醒：${items[0]!.finding.summary}`;
  const titles = [...new Set(items.map((i) => i.groupTitle))];
  const where = titles.length === 1 ? titles[0]! : `${titles[0]!}等 ${titles.length} 个群`;
  const lines = items.slice(0, o.maxListed).map((i, n) => `${n + 1}. ${i.finding.summary}`);
  if (items.length > o.maxListed) lines.push(`…另有 ${items.length - o.maxListed} 条，请用 linli patrol findings 查看`);
  return `${urgent}巡查提醒：${items.length} 条${RULE_ZH[rule]}（${where}）\n${lines.join('\n')}`;
}

/** Groups findings per recipient per rule, most severe first; findings nobody is to receive are dropped. */
export function digestAlerts(inputs: readonly AlertInput[], options: Partial<DigestOptions> = {}): PatrolAlert[] {
  const o = { ...DEFAULT_DIGEST_OPTIONS, ...options };
  const sorted = [...inputs].sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] || a.finding.id - b.finding.id);
  // recipient → rule → findings (deduplicated by id: one finding may reach a person through two groups)
  const perRecipient = new Map<number, Map<PatrolRule, Map<number, AlertInput>>>();
  for (const input of sorted) {
    for (const person of new Set(input.recipientPersonIds)) {
      const rules = perRecipient.get(person) ?? new Map<PatrolRule, Map<number, AlertInput>>();
      perRecipient.set(person, rules);
      const list = rules.get(input.finding.rule) ?? new Map<number, AlertInput>();
      rules.set(input.finding.rule, list);
      if (!list.has(input.finding.id)) list.set(input.finding.id, input);
    }
  }
  // recipients with the same findings for a rule get the same text: one item, several recipients
  const merged = new Map<string, PatrolAlert & { severity: number }>();
  for (const [person, rules] of perRecipient) {
    for (const [rule, list] of rules) {
      const items = [...list.values()];
      const ids = items.map((i) => i.finding.id);
      const key = `${rule}:${ids.join(',')}`;
      const existing = merged.get(key);
      if (existing) existing.recipientPersonIds.push(person);
      else merged.set(key, { recipientPersonIds: [person], text: text(rule, items, o), rule, findingIds: ids, severity: Math.max(...items.map((i) => SEVERITY_RANK[i.finding.severity])) });
    }
  }
  return [...merged.values()]
    .map((alert) => ({ ...alert, recipientPersonIds: alert.recipientPersonIds.sort((a, b) => a - b) }))
    // most severe first, then by rule, then the fullest digest, then by recipient: a stable order to send in
    .sort(
      (a, b) =>
        b.severity - a.severity ||
        PATROL_RULES.indexOf(a.rule) - PATROL_RULES.indexOf(b.rule) ||
        b.findingIds.length - a.findingIds.length ||
        (a.recipientPersonIds[0] ?? 0) - (b.recipientPersonIds[0] ?? 0),
    )
    .map(({ severity: _s, ...alert }) => alert);
}
