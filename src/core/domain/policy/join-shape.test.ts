// SPEC §3.3/§3.4: how joinPolicy and visibility fit together at creation and on update — the Microsoft
// 365 coupling, HiddenMembership (M365 only, creation only) and the ceiling lowering a default.
import { describe, expect, it } from 'vitest';
import type { ReasonCode } from '../errors.js';
import type { GroupKind, JoinPolicy, Visibility } from '../model.js';
import { resolveNewJoinShape, resolveUpdatedJoinShape, joinPolicyForVisibility, type JoinShape } from './join-shape.js';

const shape = (joinPolicy: JoinPolicy, visibility: Visibility): JoinShape => ({ joinPolicy, visibility });
const SEC_DEFAULT = shape('open', 'Private'); // myGroups × security
const M365_DEFAULT = shape('open', 'Public'); // myGroups/api × Microsoft 365

type Requested = { joinPolicy?: JoinPolicy; visibility?: Visibility };
type NewRow = readonly [string, GroupKind, Requested, JoinShape, JoinPolicy | null, JoinShape | ReasonCode];

describe('resolveNewJoinShape (creation)', () => {
  const rows: NewRow[] = [
    ['security, nothing asked → the channel default', 'security', {}, SEC_DEFAULT, null, SEC_DEFAULT],
    ['security, creator chooses approval (§3.3 "creator chooses the policy") → approval, default visibility', 'security', { joinPolicy: 'approval' }, SEC_DEFAULT, null, shape('approval', 'Private')],
    ['security, creator chooses closed → closed', 'security', { joinPolicy: 'closed' }, SEC_DEFAULT, null, shape('closed', 'Private')],
    ['security, visibility Public asked → Public, policy unchanged (no coupling outside M365)', 'security', { visibility: 'Public' }, SEC_DEFAULT, null, shape('open', 'Public')],
    ['security, HiddenMembership asked → hiddenMembershipOnlyForM365', 'security', { visibility: 'HiddenMembership' }, SEC_DEFAULT, null, 'hiddenMembershipOnlyForM365'],
    ['mail-enabled security, HiddenMembership asked → hiddenMembershipOnlyForM365', 'mailEnabledSecurity', { visibility: 'HiddenMembership' }, SEC_DEFAULT, null, 'hiddenMembershipOnlyForM365'],
    ['distribution, HiddenMembership asked → hiddenMembershipOnlyForM365', 'distribution', { visibility: 'HiddenMembership' }, SEC_DEFAULT, null, 'hiddenMembershipOnlyForM365'],
    // Microsoft 365 coupling: visibility sets the policy
    ['M365, visibility Public → open', 'microsoft365', { visibility: 'Public' }, M365_DEFAULT, null, shape('open', 'Public')],
    ['M365, visibility Private → approval', 'microsoft365', { visibility: 'Private' }, M365_DEFAULT, null, shape('approval', 'Private')],
    ['M365, visibility HiddenMembership (allowed at creation) → approval, HiddenMembership', 'microsoft365', { visibility: 'HiddenMembership' }, M365_DEFAULT, null, shape('approval', 'HiddenMembership')],
    // … and the policy sets the visibility
    ['M365, joinPolicy open → Public', 'microsoft365', { joinPolicy: 'open' }, shape('approval', 'Private'), null, shape('open', 'Public')],
    ['M365, joinPolicy approval → Private', 'microsoft365', { joinPolicy: 'approval' }, M365_DEFAULT, null, shape('approval', 'Private')],
    ['M365, joinPolicy closed → keeps the default visibility', 'microsoft365', { joinPolicy: 'closed' }, M365_DEFAULT, null, shape('closed', 'Public')],
    ['M365, both and consistent (approval + HiddenMembership) → as asked', 'microsoft365', { joinPolicy: 'approval', visibility: 'HiddenMembership' }, M365_DEFAULT, null, shape('approval', 'HiddenMembership')],
    ['M365, both and consistent (closed + Private) → as asked', 'microsoft365', { joinPolicy: 'closed', visibility: 'Private' }, M365_DEFAULT, null, shape('closed', 'Private')],
    ['M365, both and inconsistent (open + Private) → invalidInput', 'microsoft365', { joinPolicy: 'open', visibility: 'Private' }, M365_DEFAULT, null, 'invalidInput'],
    ['M365, both and inconsistent (approval + Public) → invalidInput', 'microsoft365', { joinPolicy: 'approval', visibility: 'Public' }, M365_DEFAULT, null, 'invalidInput'],
    ['M365, both and inconsistent (open + HiddenMembership) → invalidInput', 'microsoft365', { joinPolicy: 'open', visibility: 'HiddenMembership' }, M365_DEFAULT, null, 'invalidInput'],
    // the ceiling lowers a default…
    ['§3.4 ceiling approval lowers the security default open → approval', 'security', {}, SEC_DEFAULT, 'approval', shape('approval', 'Private')],
    ['§3.4 ceiling closed lowers the security default open → closed', 'security', {}, SEC_DEFAULT, 'closed', shape('closed', 'Private')],
    ['§3.4 ceiling approval lowers the M365 default open/Public → approval/Private (kept consistent)', 'microsoft365', {}, M365_DEFAULT, 'approval', shape('approval', 'Private')],
    ['§3.4 ceiling closed lowers the M365 default → closed, visibility kept', 'microsoft365', {}, M365_DEFAULT, 'closed', shape('closed', 'Public')],
    ['§3.4 ceiling open leaves the default', 'security', {}, SEC_DEFAULT, 'open', SEC_DEFAULT],
    ['§3.4 ceiling approval leaves a closed default alone', 'security', {}, shape('closed', 'Private'), 'approval', shape('closed', 'Private')],
    // …but never an explicit choice (decideCreateGroup refuses that one)
    ['§3.4 ceiling approval keeps an explicit open (refused later by decideCreateGroup)', 'security', { joinPolicy: 'open' }, SEC_DEFAULT, 'approval', shape('open', 'Private')],
    ['§3.4 ceiling approval keeps an explicit M365 visibility Public (a choice of open)', 'microsoft365', { visibility: 'Public' }, M365_DEFAULT, 'approval', shape('open', 'Public')],
    ['§3.4 ceiling approval still lowers a security default when only visibility was asked', 'security', { visibility: 'Public' }, SEC_DEFAULT, 'approval', shape('approval', 'Public')],
  ];
  it.each(rows)('%s', (_name, kind, requested, defaults, ceiling, expected) => {
    const run = () => resolveNewJoinShape(kind, requested, defaults, ceiling);
    if (typeof expected === 'string') expect(run).toThrow(expect.objectContaining({ reason: expected }));
    else expect(run()).toEqual(expected);
  });
});

type UpdateRow = readonly [string, GroupKind, JoinShape, Requested, JoinShape | ReasonCode];

describe('resolveUpdatedJoinShape (edit)', () => {
  const rows: UpdateRow[] = [
    ['security, new joinPolicy → only the policy changes', 'security', shape('closed', 'Private'), { joinPolicy: 'open' }, shape('open', 'Private')],
    ['security, new visibility Public → only visibility changes', 'security', shape('closed', 'Private'), { visibility: 'Public' }, shape('closed', 'Public')],
    ['security, visibility HiddenMembership → hiddenMembershipImmutable', 'security', shape('closed', 'Private'), { visibility: 'HiddenMembership' }, 'hiddenMembershipImmutable'],
    ['nothing asked → unchanged', 'microsoft365', shape('approval', 'Private'), {}, shape('approval', 'Private')],
    ['§3.4 M365 visibility Private → Public sets joinPolicy open', 'microsoft365', shape('approval', 'Private'), { visibility: 'Public' }, shape('open', 'Public')],
    ['§3.4 M365 visibility Public → Private sets joinPolicy approval', 'microsoft365', shape('open', 'Public'), { visibility: 'Private' }, shape('approval', 'Private')],
    ['§3.4 M365 closed, visibility Private → Public sets joinPolicy open', 'microsoft365', shape('closed', 'Private'), { visibility: 'Public' }, shape('open', 'Public')],
    ['§3.4 M365 joinPolicy open sets visibility Public', 'microsoft365', shape('approval', 'Private'), { joinPolicy: 'open' }, shape('open', 'Public')],
    ['§3.4 M365 joinPolicy approval sets visibility Private', 'microsoft365', shape('open', 'Public'), { joinPolicy: 'approval' }, shape('approval', 'Private')],
    ['§3.4 M365 joinPolicy closed keeps the visibility as it is', 'microsoft365', shape('open', 'Public'), { joinPolicy: 'closed' }, shape('closed', 'Public')],
    ['§3.4 M365 both, inconsistent → invalidInput', 'microsoft365', shape('open', 'Public'), { joinPolicy: 'open', visibility: 'Private' }, 'invalidInput'],
    ['§3.4 M365 both, consistent → as asked', 'microsoft365', shape('open', 'Public'), { joinPolicy: 'approval', visibility: 'Private' }, shape('approval', 'Private')],
    // HiddenMembership can be set only at creation, and never removed
    ['§3.3 M365 Private → HiddenMembership after creation → hiddenMembershipImmutable', 'microsoft365', shape('approval', 'Private'), { visibility: 'HiddenMembership' }, 'hiddenMembershipImmutable'],
    ['§3.3 M365 HiddenMembership → Public → hiddenMembershipImmutable', 'microsoft365', shape('approval', 'HiddenMembership'), { visibility: 'Public' }, 'hiddenMembershipImmutable'],
    ['§3.3 M365 HiddenMembership → Private → hiddenMembershipImmutable', 'microsoft365', shape('approval', 'HiddenMembership'), { visibility: 'Private' }, 'hiddenMembershipImmutable'],
    ['§3.3 M365 HiddenMembership, joinPolicy open (would make it Public) → hiddenMembershipImmutable', 'microsoft365', shape('approval', 'HiddenMembership'), { joinPolicy: 'open' }, 'hiddenMembershipImmutable'],
    ['§3.3 M365 HiddenMembership, visibility HiddenMembership again → unchanged', 'microsoft365', shape('approval', 'HiddenMembership'), { visibility: 'HiddenMembership' }, shape('approval', 'HiddenMembership')],
    ['§3.3 M365 HiddenMembership, joinPolicy closed → closed, still HiddenMembership', 'microsoft365', shape('approval', 'HiddenMembership'), { joinPolicy: 'closed' }, shape('closed', 'HiddenMembership')],
    ['§3.3 M365 HiddenMembership closed, joinPolicy approval → approval, still HiddenMembership', 'microsoft365', shape('closed', 'HiddenMembership'), { joinPolicy: 'approval' }, shape('approval', 'HiddenMembership')],
  ];
  it.each(rows)('%s', (_name, kind, current, changes, expected) => {
    const run = () => resolveUpdatedJoinShape(kind, current, changes);
    if (typeof expected === 'string') expect(run).toThrow(expect.objectContaining({ reason: expected }));
    else expect(run()).toEqual(expected);
  });
});

describe('joinPolicyForVisibility (Graph: Public = open, Private/HiddenMembership = approval)', () => {
  it.each([['Public', 'open'], ['Private', 'approval'], ['HiddenMembership', 'approval']] as const)('%s → %s', (v, p) => {
    expect(joinPolicyForVisibility(v)).toBe(p);
  });
});
