// Before an approver approves a join request: what it would do — the groups the requester would be
// in through nesting and the applications it would open (the server computes it as if approved).
import { List, Paper, Stack, Text } from '@mantine/core';
import { useImpactPreview } from '../../api/apps';
import { messageOf } from '../../api/client';
import { viaText } from './AccessPathLine';

/** `groupId`: the group asked for (the requester joins it anyway; only what comes with it is listed). */
export function ImpactPreview({ requestId, groupId }: { requestId: string; groupId: string }) {
  const preview = useImpactPreview(requestId, true);
  if (preview.isPending) return <Text size="xs" c="dimmed">Working out what approving would give…</Text>;
  if (preview.isError) return <Text size="xs" c="dimmed">What approving would give is not available: {messageOf(preview.error)}</Text>;
  const { apps } = preview.data;
  const groups = preview.data.groups.filter((g) => g.id !== groupId);
  return (
    <Paper withBorder radius="md" p="xs" bg="gray.0" component="section" aria-label="What approving gives" data-testid="impact-preview">
      <Stack gap={4}>
        <Text size="sm" fw={600}>Approving also gives</Text>
        {groups.length === 0 && apps.length === 0 && <Text size="sm">Nothing beyond this group's membership.</Text>}
        {groups.length > 0 && (
          <>
            <Text size="sm">Membership through nesting in:</Text>
            <List size="sm" spacing={0}>{groups.map((g) => <List.Item key={g.id}>{g.displayName}</List.Item>)}</List>
          </>
        )}
        {apps.length > 0 && (
          <>
            <Text size="sm">Access to applications:</Text>
            <List size="sm" spacing={0}>
              {apps.map((a) => <List.Item key={a.id} data-testid="impact-app">{a.displayName ?? 'An application'}{a.paths[0] ? ` (${viaText(a.paths[0]).replace('assigned to you directly', 'assigned directly')})` : ''}</List.Item>)}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}
