// The portal's built files (web/dist, `npm run build:web`): hashed assets cached for a year,
// index.html never cached and sent with a strict Content-Security-Policy whose style nonce is fresh
// per response (Mantine injects <style> tags and reads the nonce from a meta tag), and the SPA
// fallback to index.html for GET paths that are not the API's. Without a build, a plain 503 page says
// how to make one (docs/adr/0018-portal-ui.md).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface PortalOptions {
  /** The folder with index.html and assets/ (default: web/dist of this package). */
  root?: string | undefined;
}

const NONCE_PLACEHOLDER = '__ROSTER_STYLE_NONCE__';

/** Paths that belong to the API and the server, never to the portal: their 404 stays the API's. */
const NOT_PORTAL = /^\/(?:v1\.0|auth|oauth2|assets)(?:\/|$)|^\/(?:openapi\.json|healthz|readyz)$|^\/[^/]+\/oauth2(?:\/|$)/i;

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'", "script-src 'self'", `style-src 'self' 'nonce-${nonce}'`, "img-src 'self' data:",
    "font-src 'self'", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
  ].join('; ');
}

/** web/dist next to this package's package.json, whether running from src/ (tsx) or a compiled dist/. */
export function defaultPortalRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'web', 'dist');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'web', 'dist');
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Roster — portal not built</title></head>
<body><main><h1>The Roster portal is not built</h1>
<p>The API is running, but the web portal's files are missing. On the server, run <code>npm run build:web</code>
(or <code>npm start</code>, which builds it) and reload this page.</p></main></body></html>
`;

export function portalStatic(opts: PortalOptions = {}): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const root = opts.root ?? defaultPortalRoot();
    const indexFile = join(root, 'index.html');
    const built = existsSync(indexFile);
    const index = built ? readFileSync(indexFile, 'utf8') : '';

    if (built && existsSync(join(root, 'assets'))) {
      await app.register(fastifyStatic, {
        root: join(root, 'assets'), prefix: '/assets/', index: false, list: false, dotfiles: 'deny',
        // File names carry a content hash: a changed file is a new name.
        cacheControl: false,
        setHeaders: (reply) => void reply.header('cache-control', 'public, max-age=31536000, immutable'),
      });
    }

    const page = async (request: FastifyRequest, reply: FastifyReply) => {
      if (NOT_PORTAL.test(request.url.split('?')[0] ?? '')) return reply.callNotFound();
      const nonce = randomBytes(16).toString('base64');
      reply.header('content-security-policy', contentSecurityPolicy(nonce)).header('cache-control', 'no-cache').type('text/html; charset=utf-8');
      if (!built) return reply.code(503).header('retry-after', '60').send(NOT_BUILT);
      return reply.send(index.replace(NONCE_PLACEHOLDER, nonce));
    };
    app.get('/', { schema: { hide: true } }, page);
    app.get('/*', { schema: { hide: true } }, page);
  };
}
