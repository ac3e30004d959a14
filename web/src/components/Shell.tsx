// The app shell: header with the tenant and the user menu, navigation with the approvals badge, and
// a burger menu at phone width; the admin center's links for users with a directory role; and the
// notice that My Groups is restricted (SPEC §3.8) when the organisation's setting says so.
import { Alert, AppShell, Avatar, Badge, Burger, Group, Menu, NavLink, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMyGroupsRestricted, usePendingApprovals } from '../api/hooks';
import { SESSION_KEY, signOut, useSession } from '../auth/session';

const NAV = [
  { to: '/', label: 'My groups' },
  { to: '/discover', label: 'Discover groups' },
  { to: '/apps', label: 'My apps' },
  { to: '/approvals', label: 'Approvals' },
  { to: '/groups/new', label: 'Create a group' },
  { to: '/groups/deleted', label: 'My deleted groups' },
] as const;

/** The admin center's pages; shown to users with a directory role (the server still decides each call). */
const ADMIN_NAV = [
  { to: '/admin/settings', label: 'Tenant settings' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/groups', label: 'All groups' },
  { to: '/admin/deleted-groups', label: 'Deleted groups' },
  { to: '/admin/apps', label: 'Applications' },
  { to: '/admin/audit', label: 'Audit log' },
] as const;

export function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]?.toUpperCase() ?? '').join('') || '?';
}

export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const approvals = usePendingApprovals();
  const restricted = useMyGroupsRestricted().data === true && !location.pathname.startsWith('/admin');
  const pending = approvals.data?.filter((r) => r.status === 'pending').length ?? 0;

  const onSignOut = async () => {
    try {
      await signOut();
    } finally {
      // Nothing of this user stays in memory; the session re-read shows the sign-in page.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      await client.resetQueries({ queryKey: SESSION_KEY });
      void navigate('/signin');
    }
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Text component={Link} to="/" fw={800} size="xl" c="indigo.8">Roster</Text>
            <Text size="sm" c="dimmed" visibleFrom="xs" truncate>{session.tenant.name}</Text>
          </Group>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <UnstyledButton>
                <Group gap="xs" wrap="nowrap">
                  <Avatar color="indigo" radius="xl" size="sm" aria-hidden>{initials(session.user.displayName)}</Avatar>
                  <VisuallyHidden>Account menu for </VisuallyHidden>
                  <Text size="sm" fw={500} visibleFrom="sm">{session.user.displayName}</Text>
                  <VisuallyHidden hiddenFrom="sm">{session.user.displayName}</VisuallyHidden>
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{session.user.userPrincipalName}</Menu.Label>
              <Menu.Item onClick={() => void onSignOut()}>Sign out</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            variant="filled"
            active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
            onClick={close}
            rightSection={item.to === '/approvals' && pending > 0
              ? <Badge size="sm" color="red" circle aria-label={`${pending} waiting for you`} data-testid="approvals-badge">{pending}</Badge>
              : undefined}
          />
        ))}
        {session.user.roles.length > 0 && (
          <nav aria-labelledby="admin-nav-heading">
            <Text id="admin-nav-heading" size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">Admin center</Text>
            {ADMIN_NAV.map((item) => (
              <NavLink key={item.to} component={Link} to={item.to} label={item.label} variant="filled"
                active={location.pathname.startsWith(item.to)} onClick={close} />
            ))}
          </nav>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        {restricted && (
          <Alert color="yellow" variant="light" mb="md" role="status" data-testid="my-groups-restricted">
            <Text size="sm" fw={600}>Group features in My Groups are turned off for your organisation.</Text>
            <Text size="sm">You can see your groups, but creating, joining and managing them here is reserved for group administrators.</Text>
          </Alert>
        )}
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
