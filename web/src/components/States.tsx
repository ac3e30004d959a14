// Loading, error and empty states: every list shows one of them, each saying what to do next.
import { Alert, Button, Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { messageOf } from '../api/client';

export function LoadingState({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => <Skeleton key={i} height={44} radius="md" />)}
    </Stack>
  );
}

export function ErrorState({ title, message, error, onRetry }: { title: string; message?: string; error?: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message ?? messageOf(error)}</Text>
        {onRetry && <Button size="xs" variant="default" onClick={onRetry}>Try again</Button>}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <Stack gap="xs" align="flex-start">
        <Text size="sm" c="dimmed">{children}</Text>
        {action}
      </Stack>
    </Paper>
  );
}

/** The one switch every query-backed list goes through. */
export function QueryView<T>({ query, label, empty, children }: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T[] | undefined; refetch: () => unknown };
  label: string;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={`Loading ${label}`} />;
  if (query.isError) return <ErrorState title={`Could not load ${label}`} error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data ?? [];
  if (items.length === 0) return <>{empty}</>;
  return <>{children(items)}</>;
}
