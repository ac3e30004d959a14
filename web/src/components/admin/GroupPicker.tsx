// Pick one group by name (for the "Selected" group of a setting): searches /v1.0/groups as you type,
// on the admin center channel; the current group's name is read by its id.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { searchWords } from '../../api/admin';
import { adminCall, graphPath } from '../../api/client';
import { EVENTUAL } from '../../api/hooks';
import type { Collection, Group } from '../../api/types';

export function GroupPicker({ label, description, value, onChange }: {
  label: string; description?: string; value: string | null; onChange: (id: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(searchWords(search), 250);
  const found = useQuery({
    queryKey: ['admin', 'groupPicker', debounced], enabled: debounced.length > 0,
    queryFn: ({ signal }) => adminCall<Collection<Group>>(`/v1.0/groups?$top=10&$select=id,displayName&$search=${encodeURIComponent(`"displayName:${debounced}"`)}`, { headers: EVENTUAL, signal }),
  });
  const current = useQuery({
    queryKey: ['admin', 'groupName', value], enabled: value !== null, retry: false,
    queryFn: () => adminCall<Group>(`/v1.0/groups/${graphPath(value ?? '')}?$select=id,displayName`),
  });
  const options = new Map<string, string>();
  if (value) options.set(value, current.data?.displayName ?? (current.isError ? `Unknown group (${value})` : 'Loading…'));
  for (const g of found.data?.value ?? []) options.set(g.id, g.displayName);
  return (
    <Select
      label={label}
      description={description}
      placeholder="Type a group name"
      searchable
      clearable
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={debounced ? (found.isFetching ? 'Searching…' : 'No group found') : 'Type a name to search'}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
