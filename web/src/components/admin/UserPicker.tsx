// Pick a person by name or sign-in name for an admin form: searches /v1.0/users as you type on the
// admin center channel and hands back the id with the name it showed.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { searchWords } from '../../api/admin';
import { adminCall } from '../../api/client';
import { EVENTUAL } from '../../api/hooks';
import type { Collection, User } from '../../api/types';

export function UserPicker({ label, exclude, onPick }: { label: string; exclude: readonly string[]; onPick: (user: Pick<User, 'id' | 'displayName'>) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(searchWords(search), 250);
  const users = useQuery({
    queryKey: ['admin', 'userPicker', debounced], enabled: debounced.length > 0,
    queryFn: ({ signal }) => adminCall<Collection<User>>(`/v1.0/users?$top=10&$search=${encodeURIComponent(`"displayName:${debounced}" OR "userPrincipalName:${debounced}"`)}`, { headers: EVENTUAL, signal }),
  });
  const found = (users.data?.value ?? []).filter((u) => !exclude.includes(u.id));
  return (
    <Select
      label={label}
      placeholder="Type a name"
      searchable
      data={found.map((u) => ({ value: u.id, label: `${u.displayName} (${u.userPrincipalName})` }))}
      value={null}
      onChange={(id) => {
        const user = found.find((u) => u.id === id);
        if (user) onPick({ id: user.id, displayName: user.displayName });
        setSearch('');
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debounced ? (users.isFetching ? 'Searching…' : 'Nobody found') : 'Type a name to search'}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
