// Routes: the sign-in page for anyone, the My Groups pages inside the shell once signed in, and the
// admin center's pages (the server decides who may use them; a refusal is shown on the page).
import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSessionState } from './auth/session';
import { ErrorState } from './components/States';
import { Shell } from './components/Shell';
import { AppPage } from './pages/admin/AppPage';
import { AppsPage } from './pages/admin/Apps';
import { AuditLogPage } from './pages/admin/AuditLog';
import { AdminCreateGroupPage } from './pages/admin/CreateGroup';
import { DeletedGroupsPage } from './pages/admin/DeletedGroups';
import { AllGroupsPage } from './pages/admin/Groups';
import { SettingsPage } from './pages/admin/Settings';
import { UsersPage } from './pages/admin/Users';
import { CreateGroupPage } from './pages/CreateGroup';
import { MyDeletedGroupsPage } from './pages/DeletedGroups';
import { DiscoverPage } from './pages/Discover';
import { GroupPage } from './pages/GroupPage';
import { MyAppsPage } from './pages/MyApps';
import { ApprovalsPage, HomePage } from './pages/Home';
import { SignInPage } from './pages/SignIn';

export function App() {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'loading') {
    return <Center h="100vh"><Loader aria-label="Loading Roster" /></Center>;
  }
  if (state.status === 'error') {
    return <Center h="100vh" p="md"><ErrorState title="Roster is not answering" message={state.message} /></Center>;
  }
  if (state.status === 'signedOut') {
    if (location.pathname !== '/signin') {
      const returnTo = `${location.pathname}${location.search}`;
      return <Navigate to={returnTo === '/' ? '/signin' : `/signin?returnTo=${encodeURIComponent(returnTo)}`} replace />;
    }
    return <SignInPage options={state.options} />;
  }
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/discover" element={<DiscoverPage />} />
        <Route path="/approvals" element={<ApprovalsPage />} />
        <Route path="/apps" element={<MyAppsPage />} />
        <Route path="/groups/new" element={<CreateGroupPage />} />
        <Route path="/groups/deleted" element={<MyDeletedGroupsPage />} />
        <Route path="/groups/:id" element={<GroupPage />} />
        <Route path="/admin/settings" element={<SettingsPage />} />
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="/admin/groups" element={<AllGroupsPage />} />
        <Route path="/admin/groups/new" element={<AdminCreateGroupPage />} />
        <Route path="/admin/deleted-groups" element={<DeletedGroupsPage />} />
        <Route path="/admin/apps" element={<AppsPage />} />
        <Route path="/admin/apps/:id" element={<AppPage />} />
        <Route path="/admin/audit" element={<AuditLogPage />} />
        <Route path="/signin" element={<Navigate to={safeReturnTo(location.search)} replace />} />
        <Route path="*" element={<ErrorState title="No such page" message="This address is not a page of the portal. Use the navigation to find your groups." />} />
      </Routes>
    </Shell>
  );
}

/** After sign-in, back to where the user was going: same-origin paths only. */
export function safeReturnTo(search: string): string {
  const target = new URLSearchParams(search).get('returnTo') ?? '/';
  return /^\/(?![/\\])/.test(target) ? target : '/';
}
