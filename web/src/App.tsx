// Routes: the sign-in page for anyone, the My Groups pages inside the shell once signed in.
import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSessionState } from './auth/session';
import { ErrorState } from './components/States';
import { Shell } from './components/Shell';
import { CreateGroupPage } from './pages/CreateGroup';
import { DiscoverPage } from './pages/Discover';
import { GroupPage } from './pages/GroupPage';
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
        <Route path="/groups/new" element={<CreateGroupPage />} />
        <Route path="/groups/:id" element={<GroupPage />} />
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
