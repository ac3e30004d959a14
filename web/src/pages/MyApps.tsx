// My Apps: the applications I have (those shown to users), each with the groups it comes through,
// and a link to open it. Empty: say how people get apps here.
import { Anchor, Badge, Group as Row, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useManagedApps, useMyApps } from '../api/apps';
import { viaText } from '../components/apps/AccessPathLine';
import { EmptyState, QueryView } from '../components/States';

/** Apps I own (or administer): a link to each one's page, where assignments and blocks are managed. */
function ManagedApps() {
  const managed = useManagedApps();
  if (!managed.data?.length) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="managed-apps-heading">
      <Title order={2} size="h4" id="managed-apps-heading">Apps you manage</Title>
      {managed.data.map((app) => (
        <Paper key={app.id} withBorder radius="md" p="sm" data-testid="managed-app">
          <Anchor component={Link} to={`/admin/apps/${encodeURIComponent(app.id)}`} fw={600}>{app.displayName}</Anchor>
          <Text size="sm" c="dimmed">Give it to people and groups, see who has it and why, block someone.</Text>
        </Paper>
      ))}
    </Stack>
  );
}

export function MyAppsPage() {
  const apps = useMyApps();
  return (
    <Stack gap="md" maw={1000}>
      <Title order={1} size="h2">My apps</Title>
      <Text size="sm" c="dimmed">The applications you have, and the group each one comes through.</Text>
      <QueryView query={apps} label="your apps" empty={(
        <EmptyState action={<Anchor component={Link} to="/discover" size="sm">Discover groups to join</Anchor>}>
          You have no apps yet. Apps come with groups: join or request to join the group that gives the app you need, or ask your administrator to assign it to you.
        </EmptyState>
      )}>
        {(items) => (
          <Stack gap="xs">
            {items.map((app) => (
              <Paper key={app.id} withBorder radius="md" p="sm" data-testid="my-app">
                <Row justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    {app.homepage
                      ? <Anchor href={app.homepage} target="_blank" rel="noreferrer" fw={600}>{app.displayName}</Anchor>
                      : <Text fw={600}>{app.displayName}</Text>}
                    {app.description && <Text size="sm" c="dimmed" lineClamp={2}>{app.description}</Text>}
                    {app.paths.map((p, i) => <Text key={i} size="sm">{viaText(p)}</Text>)}
                  </Stack>
                  {app.paths.length > 1 && <Badge variant="light">{app.paths.length} ways</Badge>}
                </Row>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
      <ManagedApps />
    </Stack>
  );
}
