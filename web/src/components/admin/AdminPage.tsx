// The frame of an admin center page: one h1, a line saying what the page is for, and the server's
// refusal as a clear message when the signed-in user may not use it (the server decides, ADR 0017).
import { Button, Group as Row, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { ErrorState } from '../States';

export function AdminPage({ title, intro, actions, children }: { title: string; intro: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="md" maw={1100}>
      <Row justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">Admin center</Text>
          <Title order={1} size="h2">{title}</Title>
        </Stack>
        {actions}
      </Row>
      <Text size="sm" c="dimmed">{intro}</Text>
      {children}
    </Stack>
  );
}

/** A failed read of an admin page: a 403 says plainly that this needs an admin role, with the server's words. */
export function AdminError({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 403) {
    return <ErrorState title="You don't have access to this page" message={`${error.message} Ask an administrator of your organisation if you need it.`} />;
  }
  return <ErrorState title={`Could not load ${what}`} error={error} onRetry={onRetry} />;
}

/** "Load more" for a list paged by @odata.nextLink. */
export function LoadMore({ query }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  if (!query.hasNextPage) return null;
  return (
    <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
      Load more
    </Button>
  );
}

/** The server's count of matching objects, when it sent one. */
export function CountLine({ count, shown, noun }: { count: number | undefined; shown: number; noun: string }) {
  return <Text size="sm" c="dimmed" aria-live="polite">{count !== undefined ? `${count} ${noun}${count === 1 ? '' : 's'}` : `${shown} shown`}{count !== undefined && shown < count ? `, ${shown} shown` : ''}</Text>;
}
