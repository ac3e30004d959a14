// Pick a person by name or sign-in name: searches /v1.0/users as you type (debounced).
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useUserSearch } from '../api/hooks';

export function PeoplePicker({ label, value, onChange, exclude = [] }: {
  label: string; value: string | null; onChange: (id: string | null) => void; exclude?: readonly string[];
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const users = useUserSearch(debounced);
  const data = (users.data?.value ?? [])
    .filter((u) => !exclude.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.userPrincipalName})` }));
  return (
    <Select
      label={label}
      placeholder="Type a name"
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debounced ? (users.isFetching ? 'Searching…' : users.isError ? 'Search failed, try again' : 'Nobody found') : 'Type a name to search'}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
