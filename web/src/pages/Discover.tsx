// Discover: type-ahead search over the groups I may see ($search on displayName, debounced), paged by
// @odata.nextLink, with join / request / why-not on each.
import { Button, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useGroupSearch } from '../api/hooks';
import { GroupRow } from '../components/GroupItems';
import { JoinAction } from '../components/JoinAction';
import { EmptyState, ErrorState, LoadingState } from '../components/States';

export function DiscoverPage() {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const search = useGroupSearch(debounced);
  const groups = search.data?.pages.flatMap((p) => p.value) ?? [];
  return (
    <Stack gap="lg" maw={900}>
      <Title order={1} size="h2">Discover groups</Title>
      <TextInput label="Search groups" description="Type the start of a word in the group's name" placeholder="e.g. Finance"
        value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={100} type="search"
        rightSection={search.isFetching ? <Loader size="xs" aria-label="Searching" /> : null} />
      {search.isPending && <LoadingState label="Loading groups" />}
      {search.isError && <ErrorState title="Could not search groups" error={search.error} onRetry={() => void search.refetch()} />}
      {search.isSuccess && groups.length === 0 && (
        <EmptyState>{debounced ? `No group has a name with a word starting “${debounced}”. Try another word, or create the group yourself.` : 'There are no groups you can see yet. Create one to get started.'}</EmptyState>
      )}
      <Stack gap="xs" aria-live="polite">
        {groups.map((g) => <GroupRow key={g.id} group={g} extra={<JoinAction group={g} compact />} />)}
      </Stack>
      {search.hasNextPage && (
        <Button variant="default" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>Show more groups</Button>
      )}
      {search.isSuccess && groups.length > 0 && !search.hasNextPage && <Text size="xs" c="dimmed">That's all the groups matching your search.</Text>}
    </Stack>
  );
}
