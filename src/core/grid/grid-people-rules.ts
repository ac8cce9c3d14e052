// The rules for a file's people: key, name, identities (one person each, in the file and in the store), roles on
// nodes of the merged grid, skills (short words), homes (a room on a node of the merged grid, one per node).
import type { Platform } from '../messages/incoming-message.ts';
import { ROLES, type Role } from '../people/roles.ts';
import type { HomeSpec, PersonSpec } from '../ports/grid.repository.ts';
import { ROOM_RE } from './household.ts';
import type { HomeRecord, IdentityRecord, PersonRecord, ReportError, RoleRecord } from './grid-records.ts';
import { isBlank, parsePlatform, parseRole, PLATFORMS, show, text } from './grid-vocabulary.ts';

/** A stored person's key and identities: an identity stays with its stored owner (the import never moves it away). */
export type StoredPerson = Pick<PersonSpec, 'key' | 'identities'>;

const identityKey = (platform: Platform, id: string) => `${platform}\u0000${id}`;

/** Checks each person record; returns the people whose key and name are usable. */
export function readPeople(
  records: readonly PersonRecord[],
  stored: readonly StoredPerson[],
  known: (code: string) => boolean,
  err: ReportError,
): PersonSpec[] {
  const people: PersonSpec[] = [];
  const keyLines = new Map<string, number>();
  const identityOwner = new Map<string, { key: string; line: number }>();
  const storedOwner = new Map<string, string>();
  for (const p of stored) for (const i of p.identities) storedOwner.set(identityKey(i.platform, i.externalId), p.key);
  for (const r of records) {
    const key = text(r.key);
    const label = key !== null ? `person ${key}` : 'person';
    if (key === null) err(r.line, isBlank(r.key) ? 'person is missing key' : `invalid key ${show(r.key)} for person`);
    else {
      const first = keyLines.get(key);
      if (first !== undefined) err(r.line, `duplicate person key ${key} (first defined on line ${first})`);
      else keyLines.set(key, r.line);
    }
    const name = text(r.name);
    if (name === null) err(r.line, isBlank(r.name) ? `${label} is missing name` : `invalid name ${show(r.name)} for ${label}`);

    const identities: PersonSpec['identities'] = [];
    // Identities come out grouped by platform (WECHAT first), so that an export re-imports to the same spec.
    const checked = readIdentities(r.identities ?? [], label, err);
    for (const platform of PLATFORMS) {
      for (const i of checked) {
        if (i.platform !== platform || identities.some((x) => x.platform === platform && x.externalId === i.id)) continue;
        const idKey = identityKey(platform, i.id);
        const owner = identityOwner.get(idKey);
        const storedKey = storedOwner.get(idKey);
        if (owner) err(i.line, `duplicate identity ${platform} ${i.id} (already used by person ${owner.key} on line ${owner.line})`);
        else {
          identityOwner.set(idKey, { key: key ?? '?', line: i.line });
          if (storedKey !== undefined && storedKey !== key)
            err(i.line, `duplicate identity ${platform} ${i.id} (already used by stored person ${storedKey})`);
        }
        identities.push({ platform, externalId: i.id });
      }
    }
    const roles = readRoles(r.roles ?? [], label, known, err);
    const skills = r.skills ? readSkills(r.skills, label, err) : [];
    const homes = readHomes(r.homes ?? [], label, known, err);
    if (key !== null && name !== null)
      people.push({ key, name, identities, roles, ...(skills.length ? { skills } : {}), ...(homes.length ? { homes } : {}) });
  }
  return people;
}

function readIdentities(records: readonly IdentityRecord[], label: string, err: ReportError) {
  const checked: { line: number; platform: Platform; id: string }[] = [];
  for (const i of records) {
    const platform = typeof i.platform === 'string' ? parsePlatform(i.platform) : null;
    if (platform === null) {
      err(i.line, `unknown platform ${show(i.platform)} for ${label} (use WECHAT or TELEGRAM)`);
      continue;
    }
    const id = text(i.id);
    if (id === null) err(i.line, isBlank(i.id) ? `${label} has an empty ${platform} id` : `invalid ${platform} id ${show(i.id)} for ${label}`);
    else checked.push({ line: i.line, platform, id });
  }
  return checked;
}

function readRoles(records: readonly RoleRecord[], label: string, known: (code: string) => boolean, err: ReportError): PersonSpec['roles'] {
  const roles: PersonSpec['roles'] = [];
  for (const rr of records) {
    let role: Role | null = null;
    if (isBlank(rr.role)) err(rr.line, `role of ${label} is missing role`);
    else {
      role = typeof rr.role === 'string' ? parseRole(rr.role) : null;
      if (role === null) err(rr.line, `unknown role ${show(rr.role)} for ${label} (use ${ROLES.join(', ')})`);
    }
    const nodeCode = text(rr.node);
    const roleLabel = role ?? 'role';
    if (nodeCode === null)
      err(rr.line, isBlank(rr.node) ? `${roleLabel} of ${label} is missing node` : `invalid node ${show(rr.node)} in ${roleLabel} of ${label}`);
    else if (!known(nodeCode)) err(rr.line, `unknown node code ${show(nodeCode)} in ${roleLabel} of ${label}`, nodeCode);
    if (role !== null && nodeCode !== null && !roles.some((x) => x.role === role && x.nodeCode === nodeCode)) roles.push({ role, nodeCode });
  }
  return roles;
}

export const MAX_SKILLS = 20;
export const MAX_SKILL_LENGTH = 20;

/** Skills as written, trimmed, each once, in order: a list of at most 20 words of at most 20 characters. */
function readSkills(record: NonNullable<PersonRecord['skills']>, label: string, err: ReportError): string[] {
  const { line, value, lines } = record;
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    err(line, `skills of ${label} must be a list like [代办, 陪诊]`);
    return [];
  }
  if (value.length > MAX_SKILLS) err(line, `${label} has ${value.length} skills (at most ${MAX_SKILLS})`);
  const skills: string[] = [];
  for (const [i, v] of value.entries()) {
    const at = lines?.[i] ?? line;
    const skill = typeof v === 'string' ? text(v) : null;
    if (skill === null) err(at, isBlank(v) ? `${label} has an empty skill` : `invalid skill ${show(v)} for ${label} (a skill is a word like 陪诊)`);
    else if ([...skill].length > MAX_SKILL_LENGTH) err(at, `skill ${show(skill)} of ${label} is longer than ${MAX_SKILL_LENGTH} characters`);
    else if (!skills.includes(skill)) skills.push(skill);
  }
  return skills;
}

/** Homes: a room on a known node, at most one room per node (a residence is per person and node). */
function readHomes(records: readonly HomeRecord[], label: string, known: (code: string) => boolean, err: ReportError): HomeSpec[] {
  const homes: HomeSpec[] = [];
  for (const h of records) {
    const nodeCode = text(h.node);
    if (nodeCode === null) err(h.line, isBlank(h.node) ? `home of ${label} is missing node` : `invalid node ${show(h.node)} in home of ${label}`);
    else if (!known(nodeCode)) err(h.line, `unknown node code ${show(nodeCode)} in home of ${label}`, nodeCode);
    const room = text(h.room);
    if (room === null) err(h.line, isBlank(h.room) ? `home of ${label} is missing room` : `invalid room ${show(h.room)} in home of ${label}`);
    else if (!ROOM_RE.test(room)) err(h.line, `invalid room ${show(room)} in home of ${label} (letters, digits and dashes, at most 32, like "1102" or "2单元1102")`);
    if (nodeCode === null || room === null) continue;
    const same = homes.find((x) => x.nodeCode === nodeCode);
    if (same && same.room !== room) err(h.line, `${label} has two homes on node ${nodeCode} (${same.room} and ${room}): one room per node`);
    else if (!same) homes.push({ nodeCode, room });
  }
  return homes;
}
