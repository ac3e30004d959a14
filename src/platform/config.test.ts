import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DEMO_PASSWORD, describeDatabase, loadConfig } from './config.js';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080, host: '127.0.0.1', databaseUrl: undefined, dataDir: './data', sqlitePath: 'data/roster.db',
      logLevel: 'info', tenantName: 'Contoso', adminUpn: 'admin@contoso.example', adminPassword: undefined,
      demoPassword: DEFAULT_DEMO_PASSWORD, sweepIntervalSeconds: 60,
      tlsCertFile: undefined, tlsKeyFile: undefined, insecureHttp: false,
      rateLimitPerMinute: 6000, tokenRateLimitPerMinute: 60, skipTokenKey: undefined, portalKey: undefined, secretsKey: undefined, provisioningPollMs: 1000, publicUrl: undefined, oidc: undefined,
    });
  });

  it('reads the public URL and OpenID Connect sign-in, and refuses an incomplete or malformed setup', () => {
    const oidc = { ROSTER_PUBLIC_URL: 'https://roster.example.com/', ROSTER_OIDC_ISSUER: 'https://idp.example/tenant', ROSTER_OIDC_CLIENT_ID: 'roster', ROSTER_OIDC_CLIENT_SECRET: 's3cret' };
    expect(loadConfig(oidc)).toMatchObject({
      publicUrl: 'https://roster.example.com',
      oidc: { issuer: 'https://idp.example/tenant', clientId: 'roster', clientSecret: 's3cret', match: 'subject', createUsers: false },
    });
    expect(loadConfig({ ...oidc, ROSTER_OIDC_MATCH: 'EMAIL', ROSTER_OIDC_CREATE_USERS: '1' }).oidc).toMatchObject({ match: 'email', createUsers: true });
    expect(errorOf({ ...oidc, ROSTER_OIDC_MATCH: 'upn' }).variable).toBe('ROSTER_OIDC_MATCH');
    expect(errorOf({ ...oidc, ROSTER_OIDC_CLIENT_ID: '' }).variable).toBe('ROSTER_OIDC_CLIENT_ID');
    expect(errorOf({ ...oidc, ROSTER_OIDC_CLIENT_SECRET: '' }).variable).toBe('ROSTER_OIDC_CLIENT_SECRET');
    expect(errorOf({ ...oidc, ROSTER_PUBLIC_URL: '' }).variable).toBe('ROSTER_PUBLIC_URL');
    expect(errorOf({ ...oidc, ROSTER_OIDC_ISSUER: 'idp.example' }).variable).toBe('ROSTER_OIDC_ISSUER');
    expect(errorOf({ ROSTER_PUBLIC_URL: 'https://roster.example.com/portal' }).variable).toBe('ROSTER_PUBLIC_URL');
    expect(errorOf({ ROSTER_PUBLIC_URL: 'roster.example.com' }).variable).toBe('ROSTER_PUBLIC_URL');
  });

  it('reads the TLS, rate-limit and paging-key variables, and refuses half a TLS pair', () => {
    expect(loadConfig({ TLS_CERT_FILE: '/c.pem', TLS_KEY_FILE: '/k.pem', ROSTER_INSECURE_HTTP: '1', ROSTER_RATE_LIMIT_PER_MINUTE: '5', ROSTER_TOKEN_RATE_LIMIT_PER_MINUTE: '2' }))
      .toMatchObject({ tlsCertFile: '/c.pem', tlsKeyFile: '/k.pem', insecureHttp: true, rateLimitPerMinute: 5, tokenRateLimitPerMinute: 2 });
    expect(errorOf({ TLS_CERT_FILE: '/c.pem' }).variable).toBe('TLS_KEY_FILE');
    expect(errorOf({ ROSTER_INSECURE_HTTP: 'maybe' }).variable).toBe('ROSTER_INSECURE_HTTP');
    expect(errorOf({ ROSTER_SKIPTOKEN_KEY: 'short' }).variable).toBe('ROSTER_SKIPTOKEN_KEY');
    expect(errorOf({ ROSTER_SECRETS_KEY: 'short' }).variable).toBe('ROSTER_SECRETS_KEY');
    expect(loadConfig({ ROSTER_SECRETS_KEY: 'A'.repeat(43), ROSTER_PROVISIONING_POLL_MS: '250' })).toMatchObject({ secretsKey: 'A'.repeat(43), provisioningPollMs: 250 });
    expect(errorOf({ ROSTER_PROVISIONING_POLL_MS: '10' }).variable).toBe('ROSTER_PROVISIONING_POLL_MS');
    expect(errorOf({ ROSTER_PORTAL_KEY: 'short' }).variable).toBe('ROSTER_PORTAL_KEY');
    expect(loadConfig({ ROSTER_PORTAL_KEY: 'k'.repeat(43) }).portalKey).toBe('k'.repeat(43));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '0', HOST: '0.0.0.0', DATABASE_URL: 'postgresql://u:p@db:5432/roster', DATA_DIR: '/var/lib/roster',
      LOG_LEVEL: 'DEBUG', ROSTER_TENANT_NAME: 'Fabrikam', ROSTER_ADMIN_UPN: 'root@fabrikam.example',
      ROSTER_ADMIN_PASSWORD: 'a-long-admin-password', DEMO_PASSWORD: 'another-demo-pass', SWEEP_INTERVAL_SECONDS: '5',
    });
    expect(config).toMatchObject({
      port: 0, host: '0.0.0.0', databaseUrl: 'postgresql://u:p@db:5432/roster', sqlitePath: '/var/lib/roster/roster.db',
      logLevel: 'debug', tenantName: 'Fabrikam', adminUpn: 'root@fabrikam.example', adminPassword: 'a-long-admin-password',
      demoPassword: 'another-demo-pass', sweepIntervalSeconds: 5,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ', ROSTER_ADMIN_PASSWORD: '' })).toMatchObject({ port: 8080, databaseUrl: undefined, adminPassword: undefined });
  });

  it.each([
    ['PORT', 'eighty'], ['PORT', '65536'], ['PORT', '-1'], ['PORT', '80.5'],
    ['SWEEP_INTERVAL_SECONDS', '0'], ['SWEEP_INTERVAL_SECONDS', '1e3'],
    ['LOG_LEVEL', 'verbose'], ['DATABASE_URL', 'mysql://db/roster'], ['DATABASE_URL', 'roster.db'],
    ['ROSTER_ADMIN_UPN', 'admin'], ['ROSTER_ADMIN_PASSWORD', 'short'], ['DEMO_PASSWORD', 'short'], ['HOST', 'http://x'],
  ])('refuses %s=%s with an error naming the variable', (name, value) => {
    const error = errorOf({ [name]: value });
    expect(error.variable).toBe(name);
    expect(error.message.startsWith(`${name}: `)).toBe(true);
  });

  it('never repeats a database URL (it may hold a password) in its error', () => {
    expect(errorOf({ DATABASE_URL: 'mysql://user:s3cret@db/roster' }).message).not.toContain('s3cret');
  });
});

describe('describeDatabase', () => {
  it('names the engine and location without credentials', () => {
    expect(describeDatabase({ databaseUrl: undefined, sqlitePath: 'data/roster.db' })).toBe('sqlite:data/roster.db');
    expect(describeDatabase({ databaseUrl: 'postgres://u:s3cret@db:5432/roster', sqlitePath: 'x' })).toBe('postgres://db:5432/roster');
  });
});
