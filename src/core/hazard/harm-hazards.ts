// Hazard rules of a life at risk from someone (轻生, 小孩危险, 持刀打人), in the order they are tried: self-harm
// (suicide-hazards.ts), a child in danger (child-hazards.ts), violence and stalking (violence-hazards.ts). Part of
// PEOPLE_HAZARDS.
import type { HazardRule } from './hazard-rules.ts';
import { CHILD_HAZARDS } from './child-hazards.ts';
import { SUICIDE_HAZARDS } from './suicide-hazards.ts';
import { VIOLENCE_HAZARDS } from './violence-hazards.ts';

export const HARM_HAZARDS: readonly HazardRule[] = [...SUICIDE_HAZARDS, ...CHILD_HAZARDS, ...VIOLENCE_HAZARDS];
