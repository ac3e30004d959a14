// The official Microsoft Graph SDK pointed at a Roster started by the harness, trusting its
// self-signed certificate: only the base URL and the token differ from Graph.
import { Client } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';
import type { Api } from './api-harness.js';

/** `token` may be a function so a test can swap tokens (e.g. revoke one) on the same client. */
export function graphSdk(api: Api, token: string | (() => string)): Client {
  const dispatcher = new Agent({ connect: { ca: api.ca } });
  return Client.init({
    authProvider: (done) => done(null, typeof token === 'function' ? token() : token),
    baseUrl: api.origin, defaultVersion: 'v1.0', customHosts: new Set(['127.0.0.1']),
    fetchOptions: { dispatcher } as unknown as RequestInit,
  });
}
