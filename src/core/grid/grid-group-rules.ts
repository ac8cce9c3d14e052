// The rules for a file's groups: platform, id, title, a node of the merged grid, tags, no group twice.
import type { Platform } from '../messages/incoming-message.ts';
import type { GroupSpec } from '../ports/grid.repository.ts';
import type { GroupRecord, ReportError } from './grid-records.ts';
import { isBlank, parsePlatform, show, text } from './grid-vocabulary.ts';

/** Checks each group record; returns the groups whose required fields are all usable. */
export function readGroups(records: readonly GroupRecord[], known: (code: string) => boolean, err: ReportError): GroupSpec[] {
  const groups: GroupSpec[] = [];
  const groupLines = new Map<string, number>();
  for (const r of records) {
    const id = text(r.id);
    const label = id !== null ? `group ${id}` : 'group';
    if (id === null) err(r.line, isBlank(r.id) ? 'group is missing id' : `invalid id ${show(r.id)} for group`);
    let platform: Platform | null = null;
    if (isBlank(r.platform)) err(r.line, `${label} is missing platform`);
    else {
      platform = typeof r.platform === 'string' ? parsePlatform(r.platform) : null;
      if (platform === null) err(r.line, `unknown platform ${show(r.platform)} for ${label} (use WECHAT or TELEGRAM)`);
    }
    const title = text(r.title);
    if (title === null) err(r.line, isBlank(r.title) ? `${label} is missing title` : `invalid title ${show(r.title)} for ${label}`);
    const nodeCode = text(r.node);
    if (nodeCode === null) err(r.line, isBlank(r.node) ? `${label} is missing node` : `invalid node ${show(r.node)} for ${label}`);
    else if (!known(nodeCode)) err(r.line, `unknown node code ${show(nodeCode)} for ${label}`, nodeCode);
    const tags = readTags(r, label, err);
    if (id !== null && platform !== null) {
      const key = `${platform}\u0000${id}`;
      const first = groupLines.get(key);
      if (first !== undefined) err(r.line, `duplicate group ${platform} ${id} (first defined on line ${first})`);
      else groupLines.set(key, r.line);
    }
    if (id !== null && platform !== null && title !== null && nodeCode !== null)
      groups.push({ platform, externalId: id, title, nodeCode, tags });
  }
  return groups;
}

function readTags(r: GroupRecord, label: string, err: ReportError): string[] {
  const tags: string[] = [];
  if (isBlank(r.tags)) return tags;
  for (const t of Array.isArray(r.tags) ? r.tags : [r.tags]) {
    const tag = text(t);
    if (tag === null) err(r.line, `invalid tag ${show(t)} for ${label}`);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
