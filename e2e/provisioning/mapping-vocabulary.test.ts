// The portal's mapping editor offers exactly what the server accepts (web/ talks HTTP only, so it keeps
// its own labelled copy of the lists): every SCIM attribute and user field, no more, no fewer.
import { describe, expect, it } from 'vitest';
import { MAPPABLE_SCIM_ATTRIBUTES, MAPPABLE_USER_FIELDS, mappingProblem } from '../../src/core/domain/provisioning/mapping.js';
import { FIXED, mappingOf, rowsOf, SCIM_ATTRIBUTES, USER_FIELDS } from '../../web/src/components/apps/provisioning/mapping-fields.js';

describe("the mapping editor's vocabulary", () => {
  it('matches the core', () => {
    expect(SCIM_ATTRIBUTES.map(([a]) => a).sort()).toEqual([...MAPPABLE_SCIM_ATTRIBUTES].sort());
    expect(USER_FIELDS.map(([f]) => f).sort()).toEqual([...MAPPABLE_USER_FIELDS].sort());
  });

  it('round-trips a mapping through the rows, fixed values with their quotes', () => {
    const mapping = { userName: 'userPrincipalName', userType: '"Contractor"', title: 'jobTitle' };
    const rows = rowsOf(mapping);
    expect(rows.find((r) => r.attribute === 'userType')).toMatchObject({ source: FIXED, fixed: 'Contractor' });
    expect(mappingOf(rows)).toEqual(mapping);
    expect(mappingProblem(mappingOf(rows))).toBeNull();
  });
});
