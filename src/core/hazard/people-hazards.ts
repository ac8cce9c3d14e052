// Hazard rules of people in danger (被困, 触电, 晕倒, 轻生, 小孩危险, 持刀打人): someone is hurt or about to be.
// Part of HAZARD_RULES (hazard-rules.ts), in this order: trapped, then a body in harm, then a life at risk from someone,
// then what animals do (part AD's round; what is heard behind doors is folded into the rules of its kinds in hazard-rules.ts),
// then household poisoning (part AE's round), with emergencies told by their signs (parts AO and AP's round) folded into the rules of their kinds.
import { ANIMAL_HAZARDS } from './animal-hazards.ts';
import { withBodies } from './bodies-hazards.ts';
import { HARM_HAZARDS } from './harm-hazards.ts';
import type { HazardRule } from './hazard-rules.ts';
import { INJURY_HAZARDS } from './injury-hazards.ts';
import { POISONING_HAZARDS } from './poisoning-hazards.ts';
import { TRAPPED_HAZARDS } from './trapped-hazards.ts';

export const PEOPLE_HAZARDS: readonly HazardRule[] = [...TRAPPED_HAZARDS, ...INJURY_HAZARDS, ...HARM_HAZARDS, ...ANIMAL_HAZARDS, ...POISONING_HAZARDS].map(withBodies);
