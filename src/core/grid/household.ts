// Where a person lives (一户一票): a home is a room on a grid node (usually a building, 单元). People of one room
// are one household; the household key names the node and the room, so that room 1102 of 20号楼 and room 1102 of
// 21号楼 are two households in a community-wide topic.

/** A room as written: letters, digits and dashes, at most 32 (`1102`, `20-101`, `2单元1102`). */
export const ROOM_RE = /^[\p{L}\p{N}-]{1,32}$/u;

/** The stored household key of a room on a node: `DY-G01-B20/1102`. */
export function householdKey(nodeCode: string, room: string): string {
  return `${nodeCode}/${room}`;
}

/** The room of a stored household key on its node; a key written otherwise (an older bare room) is the room itself. */
export function roomOf(key: string, nodeCode: string): string {
  const prefix = `${nodeCode}/`;
  return key.startsWith(prefix) ? key.slice(prefix.length) : key;
}
