// Where the bot stands in a group, as the stored group says (kept by GroupEvents): in it and free to post (active), in
// it but restricted (muted: it still receives the group's messages, but may not post there), or gone (neither).
import type { Group } from '../ports/group.repository.ts';

/**
 * The bot reads the group's messages: active, or muted (an appeal there still becomes a ticket and reaches its worker
 * by direct message; what it would post there is skipped, see DirectOutbox). A group it left or was removed from: no.
 */
export const botReads = (g: Pick<Group, 'active' | 'muted'>): boolean => g.active || g.muted;

/**
 * The bot may post in the group: active (a muted group, or one it left, gets nothing: DirectOutbox skips the post, and
 * whoever asked for it hears that the residents were not told there).
 */
export const botPosts = (g: Pick<Group, 'active'>): boolean => g.active;
