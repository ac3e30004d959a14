// Sign-in: a local account (UPN + password, POST /auth/login) or the organisation's identity provider
// (/auth/oidc/login) when the server says it is configured. Errors are shown as the server words them.
import { Alert, Anchor, Button, Center, Divider, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { messageOf } from '../api/client';
import { safeReturnTo } from '../App';
import { SESSION_KEY, signIn, type SignInOptions } from '../auth/session';

/** Failures of the OIDC round trip come back as /signin?error=…; only these words are shown. */
const OIDC_ERRORS: Record<string, string> = {
  signin_failed: 'Sign-in with your organisation was refused, and you are not signed in. Start again with the button below, or use your Roster account.',
  oidc_unavailable: 'Your organisation\'s sign-in is not answering right now. Try again later, or use your Roster account.',
  oidc: 'Sign-in with your organisation did not complete. Try again, or use your Roster account.',
  unknown_user: 'Your organisation account is not linked to a Roster user. Ask an administrator.',
  disabled: 'This account is disabled. Ask an administrator.',
};

export function SignInPage({ options }: { options: SignInOptions }) {
  const client = useQueryClient();
  const location = useLocation();
  const [upn, setUpn] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(() => {
    const code = new URLSearchParams(location.search).get('error');
    return code ? (OIDC_ERRORS[code] ?? OIDC_ERRORS.oidc ?? null) : null;
  });
  const [busy, setBusy] = useState(false);
  const returnTo = safeReturnTo(location.search);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(upn.trim(), password);
      setPassword('');
      await client.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={420}>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" c="indigo.8">Roster</Title>
            <Text c="dimmed" size="sm">Sign in to find, join and manage your groups.</Text>
          </div>
          {error && <Alert color="red" role="alert" title="Not signed in">{error}</Alert>}
          <form onSubmit={(e) => void submit(e)} aria-label="Sign in with your Roster account">
            <Stack gap="sm">
              <TextInput label="User name" description="Your sign-in name, like ann@contoso.example" autoComplete="username" required
                value={upn} onChange={(e) => setUpn(e.currentTarget.value)} maxLength={256} />
              <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} maxLength={1024} />
              <Button type="submit" loading={busy} fullWidth>Sign in</Button>
            </Stack>
          </form>
          {options.oidc && (
            <>
              <Divider label="or" labelPosition="center" />
              <Button component="a" variant="default" fullWidth href={`/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`}>
                Sign in with your organisation
              </Button>
            </>
          )}
          <Text size="xs" c="dimmed">Trouble signing in? Ask your Roster administrator. <Anchor href="/openapi.json" size="xs" underline="always">API reference</Anchor></Text>
        </Stack>
      </Paper>
    </Center>
  );
}
