// 三单式 service from 点单 to points: a resident's request (the community staff hear of it directly), 派单 to a named
// volunteer or to the volunteers' groups for the first taker, 接单, 完成, the resident's 确认 (or 未完成: back to the
// volunteer), 取消. Each step is one atomic status move and a ServiceEvent keyed by its message: a redelivered
// message changes nothing, and of two volunteers taking at once only one gets it. Who may do what: SERVICE_CAPABILITIES.
import type { Cause } from '../deliberation/deliberation.service.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import type { GridNode } from '../grid/grid.types.ts';
import type { GridRouter } from '../grid/routing.ts';
import { sendDirect } from '../messages/direct.ts';
import type { Platform } from '../messages/incoming-message.ts';
import type { Role } from '../people/roles.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { SendOptions } from '../ports/chat-gateway.port.ts';
import type { Group } from '../ports/group.repository.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { Person } from '../ports/person.repository.ts';
import type { Store } from '../ports/store.port.ts';
import { serviceTexts, type TakenMeet } from './service-texts.ts';
import { POOL_WORDS } from './service-words.ts';
import { VOLUNTEER_GROUP_TAG, type ServiceChanges, type ServiceKind, type ServiceRequest, type ServiceStatus } from './service.types.ts';

/**
 * Who may do what over a request's node. Staff over the node dispatch, and may confirm or cancel on a resident's
 * behalf; volunteers (VOLUNTEER) and building heads (UNIT_HEAD, resident volunteers too) of the node's community take.
 * The requester alone (besides staff) confirms, sends back or cancels their own request.
 */
export const SERVICE_CAPABILITIES: { dispatch: readonly Role[]; take: readonly Role[] } = {
  dispatch: ['GRID_WORKER', 'GRID_HEAD', 'COMMUNITY_STAFF', 'STREET_STAFF', 'LEADER', 'ADMIN'],
  take: ['VOLUNTEER', 'UNIT_HEAD'],
};

export interface ServiceOptions {
  /** Points credited to the volunteer when the resident confirms a request (config `service.pointsPerRequest`). */
  pointsPerRequest: number;
}
export const DEFAULT_SERVICE_OPTIONS: ServiceOptions = { pointsPerRequest: 10 };

export interface ServiceDeskDeps {
  store: Store;
  /** The grid as the router keeps it (a snapshot): where a request's node sits, read at every step. */
  router: Pick<GridRouter, 'chain' | 'subtree'>;
  outbox: Outbox;
  clock: Clock;
  options?: Partial<ServiceOptions>;
}

type Mention = NonNullable<SendOptions['mentions']>[number];

/** A step's result; `again` when this message already made the step (a redelivery): nothing was changed or sent. */
export interface StepResult {
  request: ServiceRequest;
  again?: boolean;
}

/** Where a request sits: its node, the chain above it (roles there cover it), and its community's subtree. */
interface Place {
  node: GridNode;
  chainIds: number[];
  communityIds: number[];
}

export class ServiceDesk {
  readonly options: ServiceOptions;
  private moves = 0;

  constructor(private readonly d: ServiceDeskDeps) {
    this.options = { ...DEFAULT_SERVICE_OPTIONS, ...d.options };
  }

  /**
   * Changes with every status move this desk makes, before and after it: what was read of requests' statuses before
   * (ServiceChat's OK/thanks lines of a batch, see AwaitingConfirm) is stale once it changed.
   */
  get movesSeen(): number {
    return this.moves;
  }

  async get(no: number): Promise<ServiceRequest> {
    const r = await this.d.store.service.findById(no);
    if (!r) throw new DomainError(ErrorCode.ServiceNotFound, `service request ${no} not found`, { requestNo: no });
    return r;
  }

  /** 点单: a resident's request from their group; the staff over the group's node hear of it directly. */
  async request(input: { requesterId: number; group: Group & { gridNodeId: number }; text: string; kind: ServiceKind }, cause: Cause): Promise<StepResult & { fresh: boolean; volunteers: number }> {
    const { store } = this.d;
    const summary = input.text.replace(/\s+/gu, ' ').trim().slice(0, 200);
    const made = await store.service.create({ gridNodeId: input.group.gridNodeId, groupId: input.group.id, requesterId: input.requesterId, text: input.text, summary, kind: input.kind, sourceMessageId: cause.messageId });
    const request = made ?? (await store.service.findBySource(cause.messageId));
    if (!request) throw new Error(`the service request of message ${cause.messageId} is gone`);
    await store.service.addEvent({ requestId: request.id, kind: 'requested', actorId: input.requesterId, note: null, messageId: cause.messageId, at: cause.at });
    const place = await this.place(request.gridNodeId);
    const requester = (await store.people.findById(input.requesterId))?.name ?? '';
    const suggested = await this.suggested(request.kind, place);
    const text = serviceTexts.toStaff(request, input.group.title, requester, suggested, (await this.volunteerGroups(place)).length > 0);
    for (const id of await this.staffToTell(place)) await this.direct(id, `svc:${request.id}:requested:${id}`, text, input.group.platform);
    return { request, fresh: made !== null, volunteers: suggested.length };
  }

  /** 派单 by staff over the node: to a volunteer of the node's community by name, or to the volunteers' groups. */
  async dispatch(no: number, staffId: number, target: string, cause: Cause): Promise<StepResult & { volunteer: Person | null; groups: number }> {
    const { store } = this.d;
    const r = await this.get(no);
    const place = await this.place(r.gridNodeId);
    await this.mustBeStaff(staffId, place);
    if (await this.seen(r, cause)) return { request: r, again: true, volunteer: null, groups: 0 };
    const pooled = POOL_WORDS.includes(target);
    const volunteer = pooled ? null : await this.volunteerNamed(target, place);
    const groups = pooled ? await this.volunteerGroups(place) : [];
    if (pooled && groups.length === 0) throw new DomainError(ErrorCode.NoVolunteer, 'no volunteers\' group covers the node', { pool: true });
    const moved = await this.move(r.id, ['REQUESTED', 'DISPATCHED'], 'DISPATCHED', {
      volunteerId: volunteer?.id ?? null, pooled, dispatchedById: staffId, dispatchedAt: this.d.clock.now(),
    });
    if (!moved) throw this.wrongStatus(r);
    await this.event(moved, 'dispatched', staffId, volunteer?.name ?? VOLUNTEER_GROUP_TAG, cause);
    const from = moved.groupId ? await store.groups.findById(moved.groupId) : null;
    if (volunteer) await this.direct(volunteer.id, `${cause.messageId}:svc:dispatch`, serviceTexts.toVolunteer(moved, from?.title ?? ''), from?.platform);
    for (const g of groups) {
      const sourceKey = `svc:${moved.id}:pool:${g.id}:${cause.messageId}`;
      await store.service.addPost({ requestId: moved.id, groupId: g.id, kind: 'pool', sourceKey });
      await this.d.outbox.send({ key: sourceKey, platform: g.platform, to: { group: g.externalId, groupId: g.id }, text: serviceTexts.pool(moved, place.node.name), ticketId: null });
    }
    return { request: moved, volunteer, groups: groups.length };
  }

  /**
   * 接单: the volunteer it was dispatched to, or, when posted to the volunteers' groups, any volunteer of the community;
   * `lost` when someone else took it first.
   */
  async take(no: number, personId: number, cause: Cause): Promise<StepResult & { lost: boolean; meet?: TakenMeet | null }> {
    const { store } = this.d;
    const r = await this.get(no);
    if (await this.seen(r, cause)) return { request: r, again: true, lost: r.volunteerId !== personId };
    if (r.status === 'TAKEN' && r.volunteerId !== personId && r.pooled) return { request: r, lost: true };
    if (r.status !== 'DISPATCHED') throw this.wrongStatus(r);
    if (!r.pooled && r.volunteerId !== personId) throw new DomainError(ErrorCode.NotAuthorized, 'not dispatched to this person', { requestNo: r.id, notYours: true });
    const place = await this.place(r.gridNodeId);
    if (!(await this.holds(personId, [...place.chainIds, ...place.communityIds], SERVICE_CAPABILITIES.take))) {
      throw new DomainError(ErrorCode.NotAuthorized, 'not a volunteer of the community', { requestNo: r.id, volunteer: true });
    }
    const taken = await this.move(r.id, ['DISPATCHED'], 'TAKEN', { volunteerId: personId, takenAt: this.d.clock.now() });
    if (!taken) {
      const now = await this.get(r.id);
      if (now.status === 'TAKEN' && now.volunteerId !== personId) return { request: now, lost: true };
      throw this.wrongStatus(now);
    }
    await this.event(taken, 'taken', personId, null, cause);
    const name = (await store.people.findById(personId))?.name ?? '';
    // the requester's group hears it with both @-mentioned, so the two can talk there: the volunteer (a resident) is
    // never handed the requester's number, and everything the bot sends is masked anyway
    const group = taken.groupId ? await store.groups.findById(taken.groupId) : null;
    const volunteerAt = group ? await this.mentionOf(personId, group.platform, name) : [];
    const meet: TakenMeet | null = group && volunteerAt.length
      ? { group: group.title, requester: (await store.people.findById(taken.requesterId))?.name ?? '', here: group.id === cause.groupId }
      : null;
    await this.toRequesterGroup(taken, `${cause.messageId}:svc:taken`, meet ? serviceTexts.takenMeet(taken, name) : serviceTexts.taken(taken, name), undefined, volunteerAt);
    // the volunteers' groups it was posted in hear it is taken, so nobody else sets out
    const pools = new Set((await store.service.posts(taken.id)).filter((p) => p.kind === 'pool').map((p) => p.groupId));
    for (const g of await store.groups.findManyById([...pools])) {
      await this.d.outbox.send({ key: `${cause.messageId}:svc:pool-taken:${g.id}`, platform: g.platform, to: { group: g.externalId, groupId: g.id }, text: serviceTexts.poolTaken(taken, name), ticketId: null });
    }
    return { request: taken, lost: false, meet };
  }

  /** 完成 by the volunteer who took it: the requester is asked in their group to confirm. */
  async done(no: number, personId: number, note: string, cause: Cause): Promise<StepResult> {
    const r = await this.get(no);
    if (await this.seen(r, cause)) return { request: r, again: true };
    if (r.volunteerId !== personId) throw new DomainError(ErrorCode.NotAuthorized, 'not the volunteer of the request', { requestNo: r.id, notYours: true });
    const done = await this.move(r.id, ['TAKEN'], 'DONE', { doneAt: this.d.clock.now(), result: note });
    if (!done) throw this.wrongStatus(r);
    await this.event(done, 'done', personId, note, cause);
    const name = (await this.d.store.people.findById(personId))?.name ?? '';
    await this.toRequesterGroup(done, `${cause.messageId}:svc:ask`, serviceTexts.askConfirm(done, name, note), 'confirm');
    return { request: done };
  }

  /** 确认 by the requester (or staff on their behalf): done, and the volunteer's points are credited once. */
  async confirm(no: number, personId: number, rating: 'SATISFIED' | 'BASIC' | undefined, cause: Cause): Promise<StepResult & { points: number; volunteer: string }> {
    const { store } = this.d;
    const r = await this.get(no);
    await this.mustBeRequesterOrStaff(r, personId);
    const volunteer = r.volunteerId ? ((await store.people.findById(r.volunteerId))?.name ?? '') : '';
    const points = this.options.pointsPerRequest;
    if (await this.seen(r, cause)) return { request: r, again: true, points, volunteer };
    const confirmed = await this.move(r.id, ['DONE'], 'CONFIRMED', { confirmedAt: this.d.clock.now(), ...(rating ? { rating } : {}) });
    if (!confirmed) throw this.wrongStatus(r);
    await this.event(confirmed, 'confirmed', personId, rating ?? null, cause);
    if (confirmed.volunteerId) {
      const credited = await store.service.credit({ personId: confirmed.volunteerId, points, cause: `求助#${confirmed.id} ${confirmed.kind}`, requestId: confirmed.id, sourceKey: `service:${confirmed.id}:confirmed`, at: cause.at });
      if (credited) await this.direct(confirmed.volunteerId, `${cause.messageId}:svc:points`, serviceTexts.confirmedToVolunteer(confirmed, points), await this.platformOf(confirmed));
    }
    return { request: confirmed, points, volunteer };
  }

  /** 未完成 by the requester (or staff): back to the volunteer, who hears why. */
  async reopen(no: number, personId: number, note: string, cause: Cause): Promise<StepResult> {
    const r = await this.get(no);
    await this.mustBeRequesterOrStaff(r, personId);
    if (await this.seen(r, cause)) return { request: r, again: true };
    const back = await this.move(r.id, ['DONE'], 'TAKEN', { doneAt: null });
    if (!back) throw this.wrongStatus(r);
    await this.event(back, 'reopened', personId, note || null, cause);
    if (back.volunteerId) await this.direct(back.volunteerId, `${cause.messageId}:svc:reopen`, serviceTexts.reopenedToVolunteer(back, note), await this.platformOf(back));
    return { request: back };
  }

  /** 取消求助 by the requester or staff, before it is done; a volunteer on it is told. */
  async cancel(no: number, personId: number, cause: Cause): Promise<StepResult> {
    const r = await this.get(no);
    await this.mustBeRequesterOrStaff(r, personId);
    if (await this.seen(r, cause)) return { request: r, again: true };
    const gone = await this.move(r.id, ['REQUESTED', 'DISPATCHED', 'TAKEN'], 'CANCELLED', { cancelledAt: this.d.clock.now() });
    if (!gone) throw this.wrongStatus(r);
    await this.event(gone, 'cancelled', personId, null, cause);
    if (gone.volunteerId) await this.direct(gone.volunteerId, `${cause.messageId}:svc:cancel`, serviceTexts.cancelledToVolunteer(gone), await this.platformOf(gone));
    return { request: gone };
  }

  private async move(id: number, from: readonly ServiceStatus[], to: ServiceStatus, changes: ServiceChanges): Promise<ServiceRequest | null> {
    this.moves++;
    try {
      return await this.d.store.service.transition(id, from, to, changes);
    } finally {
      this.moves++;
    }
  }

  /**
   * How the person could take request #no now: `dispatched` (派给 them), `pool` (posted to the volunteers' groups and
   * they may take it), or null (no such request, not waiting to be taken, or not theirs to take).
   */
  async takeableBy(no: number, personId: number): Promise<'dispatched' | 'pool' | null> {
    const r = await this.d.store.service.findById(no);
    if (!r || r.status !== 'DISPATCHED') return null;
    if (r.volunteerId === personId) return 'dispatched';
    if (!r.pooled) return null;
    const place = await this.place(r.gridNodeId);
    return (await this.holds(personId, [...place.chainIds, ...place.communityIds], SERVICE_CAPABILITIES.take)) ? 'pool' : null;
  }

  /** Whether the person is staff over the request's node (for the chat: a bare "接单 #N" of staff is a ticket's). */
  async isStaffOver(personId: number, gridNodeId: number): Promise<boolean> {
    const place = await this.place(gridNodeId);
    return this.holds(personId, place.chainIds, SERVICE_CAPABILITIES.dispatch);
  }

  private async place(gridNodeId: number): Promise<Place> {
    const { router } = this.d;
    const chain = await router.chain(gridNodeId);
    const node = chain.at(-1)!;
    const community = chain.find((n) => n.level === 'COMMUNITY') ?? node;
    const subtree = await router.subtree(community.code);
    return { node, chainIds: chain.map((n) => n.id), communityIds: subtree.map((n) => n.id) };
  }

  private async holds(personId: number, nodeIds: number[], roles: readonly Role[]): Promise<boolean> {
    return (await this.d.store.people.rolesOn(personId, [...new Set(nodeIds)])).some((r) => roles.includes(r));
  }

  private async mustBeStaff(personId: number, place: Place) {
    if (!(await this.holds(personId, place.chainIds, SERVICE_CAPABILITIES.dispatch))) throw new DomainError(ErrorCode.NotAuthorized, 'not staff over the request');
  }

  private async mustBeRequesterOrStaff(r: ServiceRequest, personId: number) {
    if (r.requesterId === personId) return;
    if (!(await this.isStaffOver(personId, r.gridNodeId))) throw new DomainError(ErrorCode.NotReporter, 'not the requester', { requestNo: r.id });
  }

  /** Community staff over the node; the grid's staff when the community has none. */
  private async staffToTell(place: Place): Promise<number[]> {
    const { people } = this.d.store;
    let holders = await people.holders(place.chainIds, ['COMMUNITY_STAFF']);
    if (holders.length === 0) holders = await people.holders(place.chainIds, ['GRID_HEAD', 'GRID_WORKER']);
    return [...new Set(holders.map((h) => h.person.id))];
  }

  /** Up to five volunteers of the community for the staff to choose from, those whose skills fit the kind first. */
  private async suggested(kind: string, place: Place): Promise<string[]> {
    const fits = (skills: string[]) => skills.some((s) => s && (kind.includes(s) || s.includes(kind)));
    const all = await this.d.store.service.volunteers([...new Set([...place.communityIds, ...place.chainIds])]);
    const unique = [...new Map(all.map((v) => [v.personId, v])).values()];
    return unique
      .sort((a, b) => Number(fits(b.skills)) - Number(fits(a.skills)))
      .slice(0, 5)
      .map((v) => (v.skills.length ? `${v.name}（${v.skills.join('、')}）` : v.name));
  }

  private async volunteerNamed(name: string, place: Place): Promise<Person> {
    const holders = await this.d.store.people.holders([...new Set([...place.communityIds, ...place.chainIds])], SERVICE_CAPABILITIES.take);
    const found = holders.find((h) => h.person.name === name)?.person;
    if (!found) throw new DomainError(ErrorCode.NoVolunteer, `no volunteer named ${name}`, { name });
    return found;
  }

  /** Active volunteers' groups (tagged 志愿者群) mapped to the node or a node above it. */
  private async volunteerGroups(place: Place): Promise<Group[]> {
    const chain = new Set(place.chainIds);
    return (await this.d.store.groups.list()).filter((g) => g.active && g.gridNodeId !== null && chain.has(g.gridNodeId) && g.tags.includes(VOLUNTEER_GROUP_TAG));
  }

  private async seen(r: ServiceRequest, cause: Cause): Promise<boolean> {
    return (await this.d.store.service.events(r.id)).some((e) => e.messageId === cause.messageId);
  }

  private async event(r: ServiceRequest, kind: string, actorId: number, note: string | null, cause: Cause) {
    await this.d.store.service.addEvent({ requestId: r.id, kind, actorId, note, messageId: cause.messageId, at: cause.at });
  }

  private wrongStatus(r: ServiceRequest) {
    return new DomainError(ErrorCode.IllegalTransition, `service request ${r.id} is ${r.status}`, { requestNo: r.id, status: r.status as ServiceStatus });
  }

  /** A direct message, on the platform of the request's group when the person has an account there. */
  private direct(personId: number, key: string, text: string, platform?: Platform) {
    return sendDirect({ people: this.d.store.people, outbox: this.d.outbox }, personId, key, text, platform);
  }

  private async platformOf(r: ServiceRequest): Promise<Platform | undefined> {
    return r.groupId ? (await this.d.store.groups.findById(r.groupId))?.platform : undefined;
  }

  /**
   * Posts in the requester's group, mentioning them (and `alsoMention`); `postKind` stores it as a post replies are read
   * against.
   */
  private async toRequesterGroup(r: ServiceRequest, key: string, text: string, postKind?: string, alsoMention: Mention[] = []) {
    const group = r.groupId ? await this.d.store.groups.findById(r.groupId) : null;
    if (!group) {
      await this.direct(r.requesterId, key, text);
      return;
    }
    if (postKind) await this.d.store.service.addPost({ requestId: r.id, groupId: group.id, kind: postKind, sourceKey: key });
    const mentions = [...(await this.mentionOf(r.requesterId, group.platform)), ...alsoMention];
    await this.d.outbox.send({ key, platform: group.platform, to: { group: group.externalId, groupId: group.id }, text, ticketId: null, options: { mentions } });
  }

  /** The person's account on the platform as an @mention (named `fallbackName` when the account has no name). */
  private async mentionOf(personId: number, platform: Platform, fallbackName = ''): Promise<Mention[]> {
    const id = (await this.d.store.people.identities(personId)).find((i) => i.platform === platform);
    return id ? [{ externalId: id.externalId, name: id.displayName || fallbackName }] : [];
  }
}
