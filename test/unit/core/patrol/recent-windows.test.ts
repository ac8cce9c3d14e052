import { describe, expect, it } from 'vitest';
import { RecentWindows } from '../../../../src/core/patrol/recent-windows.ts';
import type { PatrolMessage } from '../../../../src/core/patrol/patrol.types.ts';

const at = (min: number) => new Date(Date.UTC(2026, 10, 20, 2, min));
const m = (id: number, min: number, groupId = 1): PatrolMessage => ({ id, groupId, senderExternalId: 's', senderName: 's', text: `t${id}`, sentAt: at(min), ticketId: null });

describe('RecentWindows', () => {
  it('gives a group back only to messages that chain on to the last one remembered', () => {
    const w = new RecentWindows();
    expect(w.continuing(1, [{ id: 11, prevId: 10 }])).toBeNull();
    w.remember(1, 10, [m(9, 0), m(10, 1)], 600_000);
    expect(w.continuing(1, [{ id: 11, prevId: 10 }, { id: 12, prevId: 11 }])?.map((x) => x.id)).toEqual([9, 10]);
    // still there: asking does not change it
    expect(w.continuing(1, [{ id: 11, prevId: 10 }])).not.toBeNull();
  });

  it('forgets a group whose chain breaks: a gap, a missing link or a link inside the batch that does not follow', () => {
    const cases = [
      [{ id: 12, prevId: 11 }],
      [{ id: 11 }],
      [{ id: 11, prevId: 10 }, { id: 13, prevId: 12 }],
    ];
    for (const links of cases) {
      const w = new RecentWindows();
      w.remember(1, 10, [m(10, 1)], 600_000);
      expect(w.continuing(1, links), JSON.stringify(links)).toBeNull();
      // forgotten: even the right link finds nothing now
      expect(w.continuing(1, [{ id: 11, prevId: 10 }])).toBeNull();
    }
  });

  it('keeps each message once, in time order, within the window of the newest, at most the latest few', () => {
    const w = new RecentWindows(10, 3);
    w.remember(1, 20, [m(20, 30), m(5, 0), m(18, 25), m(19, 29), m(18, 25)], 10 * 60_000);
    // 5 is older than 10 minutes before the newest; of the rest, the latest three
    expect(w.continuing(1, [{ id: 21, prevId: 20 }])?.map((x) => x.id)).toEqual([18, 19, 20]);
    const few = new RecentWindows(10, 2);
    few.remember(1, 20, [m(20, 30), m(18, 25), m(19, 29)], 10 * 60_000);
    expect(few.continuing(1, [{ id: 21, prevId: 20 }])?.map((x) => x.id)).toEqual([19, 20]);
  });

  it('holds at most maxGroups, dropping the one used longest ago', () => {
    const w = new RecentWindows(2);
    w.remember(1, 1, [m(1, 0, 1)], 600_000);
    w.remember(2, 2, [m(2, 0, 2)], 600_000);
    expect(w.continuing(1, [{ id: 3, prevId: 1 }])).not.toBeNull();
    w.remember(1, 3, [m(3, 1, 1)], 600_000); // group 1 used again: group 2 is now the oldest
    w.remember(3, 4, [m(4, 0, 3)], 600_000);
    expect(w.size).toBe(2);
    expect(w.continuing(2, [{ id: 5, prevId: 2 }])).toBeNull();
    expect(w.continuing(1, [{ id: 6, prevId: 3 }])).not.toBeNull();
    expect(w.continuing(3, [{ id: 7, prevId: 4 }])).not.toBeNull();
  });
});
