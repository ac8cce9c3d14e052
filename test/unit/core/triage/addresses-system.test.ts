// Text that addresses the system (instructions to the model, role-play, schema fields set to values) is found in
// whatever form it is typed; ordinary residents' words — including 紧急, 系统, 忽略 in their plain senses — are not.
import { describe, expect, it } from 'vitest';
import { addressesSystem } from '../../../../src/core/triage/addresses-system.ts';
import { GENUINE_DANGERS, INJECTIONS, PLAIN_WORDS } from '../../../support/injection-forms.ts';

describe('addressesSystem', () => {
  it('has the forms the brief asks for', () => {
    expect(INJECTIONS.length).toBeGreaterThanOrEqual(15);
    expect(GENUINE_DANGERS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(INJECTIONS)('finds an address to the system in %j (%s)', (text, kind) => {
    const found = addressesSystem(text);
    expect(found).not.toBeNull();
    expect(found!.kind).toBe(kind);
    expect(found!.match.length).toBeGreaterThan(0);
    expect(found!.match.length).toBeLessThanOrEqual(40);
  });

  it.each([...GENUINE_DANGERS, ...PLAIN_WORDS])('finds none in a resident\'s own words: %j', (text) => {
    expect(addressesSystem(text)).toBeNull();
  });

  it('finds none in empty or plain text', () => {
    expect(addressesSystem('')).toBeNull();
    expect(addressesSystem('20号楼107室门口的污水井盖破损严重，快塌下去了')).toBeNull();
  });
});
