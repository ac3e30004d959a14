// "Why does this person have (or not have) this app?": pick anyone, see the server's verdict and every
// path (roster.explain). A block shows what it overrides; "no path" says how access is given.
import { Alert, Badge, Group as Row, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useExplain } from '../../api/apps';
import type { AccessExplanation, ServicePrincipal, User } from '../../api/types';
import { UserPicker } from '../admin/UserPicker';
import { ErrorState, LoadingState } from '../States';
import { AccessPathLine } from './AccessPathLine';

const VERDICT: Record<AccessExplanation['verdict'], { label: string; color: string; text: string }> = {
  granted: { label: 'Has access', color: 'teal.9', text: 'Every path that gives it:' },
  blocked: { label: 'Blocked', color: 'red.9', text: 'Blocked by an administrator. The block overrides these paths:' },
  appDisabled: { label: 'App disabled', color: 'gray.8', text: 'The application is disabled: nobody has it.' },
  userDisabled: { label: 'Account disabled', color: 'gray.8', text: 'The account is disabled: it has no access, whatever these paths say:' },
  noPath: { label: 'No access', color: 'gray.8', text: 'No assignment reaches this person: assign the app to them, to a group they are in, or to the audience of an app they have.' },
};

export function ExplainAccess({ app }: { app: ServicePrincipal }) {
  const [user, setUser] = useState<Pick<User, 'id' | 'displayName'> | null>(null);
  const explain = useExplain(app.id, user?.id ?? null);
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="explain-heading">
      <Stack gap="xs">
        <Text id="explain-heading" fw={600}>Why does someone have it, or not?</Text>
        <UserPicker label="Person" exclude={[]} onPick={setUser} />
        {user && (explain.isPending ? <LoadingState label="Explaining" rows={1} />
          : explain.isError ? <ErrorState title={`Could not explain ${user.displayName}'s access`} error={explain.error} />
            : (
              <Stack gap={4} data-testid="explanation">
                <Row gap="xs"><Text fw={600}>{user.displayName}</Text><Badge color={VERDICT[explain.data.verdict].color}>{VERDICT[explain.data.verdict].label}</Badge></Row>
                <Text size="sm">{VERDICT[explain.data.verdict].text}</Text>
                {explain.data.paths.map((p, i) => <AccessPathLine key={i} path={p} />)}
                {explain.data.block?.reason && <Alert color="red" variant="light">Reason for the block: {explain.data.block.reason}</Alert>}
              </Stack>
            ))}
      </Stack>
    </Paper>
  );
}
