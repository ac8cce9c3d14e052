import type { Platform } from '../messages/incoming-message.ts';
import type { Role } from '../people/roles.ts';

export interface Person {
  id: number;
  name: string;
}
export interface IdentityRef {
  platform: Platform;
  externalId: string;
  displayName: string;
  personId: number;
}
export interface RoleHolder {
  person: Person;
  role: Role;
  gridNodeId: number;
  /** The person's key in the grid file (null for someone it does not list). */
  key?: string | null;
}

export interface PersonRepository {
  /** The person behind a platform account, creating a resident with that identity on first sight. */
  ensureByIdentity(platform: Platform, externalUserId: string, displayName: string): Promise<Person>;
  /**
   * ensureByIdentity for many accounts of one platform in one go (the senders of a batch): one person per account,
   * in the order given; a repeated account gets the same person.
   */
  ensureManyByIdentity(platform: Platform, accounts: readonly { externalId: string; name: string }[]): Promise<Person[]>;
  findById(id: number): Promise<Person | null>;
  identities(personId: number): Promise<IdentityRef[]>;
  /** Roles the person holds on any of the given nodes (pass a node and its ancestors to get roles over it). */
  rolesOn(personId: number, gridNodeIds: number[]): Promise<Role[]>;
  /** Every role the person holds, each with its node (empty for a resident). */
  assignments(personId: number): Promise<{ role: Role; gridNodeId: number }[]>;
  /** Holders of the roles on exactly these nodes. */
  holders(gridNodeIds: number[], roles: readonly Role[]): Promise<RoleHolder[]>;
  /** Every role assignment, by person id (the grid snapshot of the router). */
  allHolders(): Promise<RoleHolder[]>;
  /** The accounts of these people, by person id. */
  identitiesOfMany(personIds: readonly number[]): Promise<IdentityRef[]>;
  assignRole(personId: number, role: Role, gridNodeId: number): Promise<void>;
}
