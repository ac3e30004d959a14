// Groups as list rows and their badges (kind, policy, visibility) — labels only, no decisions.
import { Badge, Group as Row, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { Group, JoinPolicy } from '../api/types';
import { MembershipExpiry } from './Membership';

export function kindOf(group: Group): string {
  return group.groupTypes.includes('Unified') ? 'Microsoft 365' : group.securityEnabled ? 'Security' : 'Distribution';
}

export const POLICY_LABEL: Record<JoinPolicy, string> = { open: 'Open to join', approval: 'Owner approval', closed: 'Closed' };
const POLICY_COLOR: Record<JoinPolicy, string> = { open: 'teal.9', approval: 'yellow', closed: 'gray' };

export function GroupBadges({ group }: { group: Group }) {
  const policy = group['@roster.joinPolicy'];
  return (
    <Row gap={6} wrap="wrap">
      <Badge variant="light" color="indigo" size="sm">{kindOf(group)}</Badge>
      {policy && <Badge variant="filled" color={POLICY_COLOR[policy]} size="sm">{POLICY_LABEL[policy]}</Badge>}
      {group.visibility && <Badge variant="outline" color="gray" size="sm">{group.visibility === 'HiddenMembership' ? 'Hidden membership' : group.visibility}</Badge>}
    </Row>
  );
}

export function GroupRow({ group, extra }: { group: Group; extra?: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Row justify="space-between" wrap="wrap" gap="xs">
        <UnstyledButton component={Link} to={`/groups/${encodeURIComponent(group.id)}`} style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Stack gap={4}>
            <Text fw={600} c="indigo.8" truncate>{group.displayName}</Text>
            {group.description && <Text size="sm" c="dimmed" lineClamp={2}>{group.description}</Text>}
            <GroupBadges group={group} />
            <MembershipExpiry membership={group['@roster.myMembership']} size="xs" />
          </Stack>
        </UnstyledButton>
        {extra}
      </Row>
    </Paper>
  );
}

export function GroupList({ groups }: { groups: Group[] }) {
  return <Stack gap="xs">{groups.map((g) => <GroupRow key={g.id} group={g} />)}</Stack>;
}
