// "Apps this group gives" on the group page: the applications assigned to the group, for those the
// API shows them to (the group's owners, Groups and Application Administrators: the seeApps ability).
// Everyone else sees no section at all, and if the API refuses anyway the section stays away.
import { Badge, Group as Row, Paper, Stack, Text, Title } from '@mantine/core';
import { useGroupApps } from '../../api/apps';
import { EmptyState, ErrorState } from '../States';

const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';

export function GroupApps({ groupId, allowed }: { groupId: string; allowed: boolean }) {
  const apps = useGroupApps(groupId, allowed);
  if (!allowed || apps.isPending || apps.data === null) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="group-apps-heading">
      <Title order={2} size="h4" id="group-apps-heading" mb="xs">Apps this group gives</Title>
      {apps.isError && <ErrorState title="Could not load the apps this group gives" error={apps.error} onRetry={() => void apps.refetch()} />}
      {apps.data?.length === 0 && <EmptyState>This group gives no apps. An application's owners or an administrator can give it to the group.</EmptyState>}
      {apps.data && apps.data.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">Its members have these applications, unless one of them is blocked from an app.</Text>
          {apps.data.map((a) => (
            <Row key={a.id} justify="space-between" wrap="wrap" py={4} data-testid="group-app">
              <Text fw={500} style={{ overflowWrap: 'anywhere' }}>{a.resourceDisplayName ?? 'An application'}</Text>
              <Badge variant="light" color="gray">{a.appRoleId === DEFAULT_ACCESS ? 'Default access' : 'An app role'}</Badge>
            </Row>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
