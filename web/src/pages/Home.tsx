// My groups: the groups I own, the groups I am in, my requests, and what waits for my decision.
import { Anchor, Badge, Button, Group as Row, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMemberOf, useMyRequests, useOwnedGroups, usePendingApprovals } from '../api/hooks';
import { GroupList } from '../components/GroupItems';
import { ApprovalItem, MyRequestItem } from '../components/Requests';
import { EmptyState, QueryView } from '../components/States';

function Section({ title, id, count, children }: { title: string; id: string; count?: number; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Row gap="xs">
        <Title order={2} size="h4" id={id}>{title}</Title>
        {count !== undefined && count > 0 && <Badge variant="light" size="sm">{count}</Badge>}
      </Row>
      {children}
    </Stack>
  );
}

export function HomePage() {
  const owned = useOwnedGroups();
  const memberOf = useMemberOf();
  const requests = useMyRequests();
  const approvals = usePendingApprovals();
  const pending = { ...approvals, data: approvals.data?.filter((r) => r.status === 'pending') };
  const mine = { ...requests, data: requests.data?.filter((r) => r.status === 'pending') };
  return (
    <Stack gap="lg" maw={1100}>
      <Row justify="space-between" wrap="wrap">
        <Title order={1} size="h2">My groups</Title>
        <Row gap="xs">
          <Button component={Link} to="/discover" variant="light">Discover groups</Button>
          <Button component={Link} to="/groups/new">Create a group</Button>
        </Row>
      </Row>
      {(pending.data?.length ?? 0) > 0 && (
        <Section title="Waiting for your approval" id="approvals-heading" count={pending.data?.length}>
          <QueryView query={pending} label="requests waiting for you" empty={null}>
            {(items) => (
              <Stack gap="xs">
                {items.slice(0, 3).map((r) => <ApprovalItem key={r.id} request={r} />)}
                {items.length > 3 && <Anchor component={Link} to="/approvals">See all {items.length} requests</Anchor>}
              </Stack>
            )}
          </QueryView>
        </Section>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title="Groups I own" id="owned-heading" count={owned.data?.length}>
          <QueryView query={owned} label="the groups you own"
            empty={<EmptyState action={<Button component={Link} to="/groups/new" size="xs" variant="light">Create a group</Button>}>You don't own any groups yet. Create one and you become its owner.</EmptyState>}>
            {(groups) => <GroupList groups={groups} />}
          </QueryView>
        </Section>
        <Section title="Groups I'm in" id="member-heading" count={memberOf.data?.length}>
          <QueryView query={memberOf} label="your groups"
            empty={<EmptyState action={<Button component={Link} to="/discover" size="xs" variant="light">Discover groups</Button>}>You aren't a member of any group yet. Find groups to join in Discover.</EmptyState>}>
            {(groups) => <GroupList groups={groups} />}
          </QueryView>
        </Section>
      </SimpleGrid>
      <Section title="My pending requests" id="requests-heading" count={mine.data?.length}>
        <QueryView query={mine} label="your requests"
          empty={<EmptyState>No requests waiting. When you ask to join a group that needs an owner's approval, it shows here until an owner decides.</EmptyState>}>
          {(items) => <Stack gap="xs">{items.map((r) => <MyRequestItem key={r.id} request={r} />)}</Stack>}
        </QueryView>
      </Section>
    </Stack>
  );
}

export function ApprovalsPage() {
  const approvals = usePendingApprovals();
  const pending = { ...approvals, data: approvals.data?.filter((r) => r.status === 'pending') };
  return (
    <Stack gap="lg" maw={900}>
      <Title order={1} size="h2">Approvals</Title>
      <Text c="dimmed" size="sm">Requests to join groups you own. The first decision counts; the requester sees your reason.</Text>
      <QueryView query={pending} label="requests waiting for you"
        empty={<EmptyState>Nothing waits for your decision. Requests to join the groups you own will show here.</EmptyState>}>
        {(items) => <Stack gap="xs">{items.map((r) => <ApprovalItem key={r.id} request={r} />)}</Stack>}
      </QueryView>
    </Stack>
  );
}
