// A real OpenID Connect provider for the sign-in tests (oidc-provider on 127.0.0.1, port 0), shared by
// the HTTP-level suite and the browser suite. Two ways to sign in at it:
// - scripted (default): it signs in, and consents for, whichever account the test names — no forms;
// - pages (`devInteractions`): its own login and consent pages, filled in by a browser; the login name
//   typed is the account's subject.
// `holdReturn()` pauses the provider's next redirect back to the relying party: the browser lands on a
// page of the provider instead, and the test gets the callback URL to edit or replay as a person could.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const CLIENT = { client_id: 'roster', client_secret: 'roster-secret-0123456789' };
export const OTHER_CLIENT = { client_id: 'other-app', client_secret: 'other-secret-0123456789' };

export interface Account { sub: string; email?: string; email_verified?: boolean; name?: string }

export interface Idp {
  issuer: string;
  /** The account the next scripted sign-in uses; with pages, registers the account (log in with its sub). */
  signInAs(account: Account): void;
  /** Resolves with the callback URL of the provider's next redirect back, which the browser does not follow. */
  holdReturn(): Promise<string>;
  close(): Promise<void>;
}

export interface IdpOptions {
  redirectUri: string;
  /** The provider's own login and consent pages instead of the scripted interaction. */
  pages?: boolean;
}

const HELD_PAGE = '/held';

export async function startIdp(opts: IdpOptions): Promise<Idp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let current: Account = { sub: 'nobody' };
  const accounts = new Map<string, Account>();
  let hold: ((url: string) => void) | null = null;
  const provider = new Provider(issuer, {
    clients: [CLIENT, OTHER_CLIENT].map((c) => ({ ...c, redirect_uris: [opts.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] })),
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ ...(accounts.get(sub) ?? { sub }) }) }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: opts.pages === true } },
    ...(opts.pages ? {} : { interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` } }),
    cookies: { keys: ['portal-auth-oidc-test'] },
  });
  provider.on('server_error', () => undefined);
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url === HELD_PAGE) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end('<!doctype html><html lang="en"><head><title>Paused</title></head><body><main><h1>Paused before returning to Roster</h1></main></body></html>');
    }
    if (hold) holdRedirectBack(res);
    if (!opts.pages && req.url?.startsWith('/interaction/')) return void scriptedInteraction(req, res);
    callback(req, res);
  });

  /** Rewrites this response's redirect to the relying party (if it is one) into one to the held page. */
  function holdRedirectBack(res: ServerResponse): void {
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((...args: unknown[]) => {
      const location = res.getHeader('location');
      if (hold && typeof location === 'string' && location.startsWith(opts.redirectUri)) {
        hold(location);
        hold = null;
        res.setHeader('location', HELD_PAGE);
      }
      return writeHead(...args);
    }) as ServerResponse['writeHead'];
  }

  async function scriptedInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: current.sub } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: current.sub, clientId: String(details.params['client_id']) });
      grant.addOIDCScope('openid email profile');
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  }

  return {
    issuer,
    signInAs(account) { current = account; accounts.set(account.sub, account); },
    holdReturn: () => new Promise<string>((resolve) => { hold = resolve; }),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
