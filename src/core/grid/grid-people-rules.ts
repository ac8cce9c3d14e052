// The rules for a file's people: key, name, identities (one person each, in the file and in the store), roles on
// nodes of the merged grid.
import type { Platform } from '../messages/incoming-message.ts';
import { ROLES, type Role } from '../people/roles.ts';
import type { PersonSpec } from '../ports/grid.repository.ts';
import type { IdentityRecord, PersonRecord, ReportError, RoleRecord } from './grid-records.ts';
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
    if (key !== null && name !== null) people.push({ key, name, identities, roles });
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
    else if (!known(nodeCode)) err(rr.line, `unknown node code ${show(nodeCode)} in ${roleLabel} of ${label}`);
    if (role !== null && nodeCode !== null && !roles.some((x) => x.role === role && x.nodeCode === nodeCode)) roles.push({ role, nodeCode });
  }
  return roles;
}
