import type { Command } from 'commander';
import type { CliDeps } from '../app.js';
import { parseHost, parsePort } from '../options.js';

export function registerServe(program: Command, deps: CliDeps): void {
  program
    .command('serve')
    .description('Start the server: migrate the database, create the first tenant and administrator on first start, serve /healthz and /readyz, run the sweeper')
    .option('--demo', 'seed the demo organisation (about 200 users, 40 groups) if the tenant has nobody but its administrator', false)
    .option('--port <n>', 'TCP port to listen on, 0 for any free port (default: $PORT or 8080)', parsePort)
    .option('--host <address>', 'address to bind (default: $HOST or 127.0.0.1)', parseHost)
    .option('--insecure-http', 'serve plain HTTP instead of HTTPS (only behind a TLS-terminating proxy; also ROSTER_INSECURE_HTTP=1)', false)
    .addHelpText('after', `
The first start creates tenant $ROSTER_TENANT_NAME with administrator $ROSTER_ADMIN_UPN and prints a
generated password once unless $ROSTER_ADMIN_PASSWORD is set. It serves HTTPS: $TLS_CERT_FILE and
$TLS_KEY_FILE, or a self-signed certificate made once in $DATA_DIR/tls (how to trust it is printed). SIGTERM or SIGINT shut down gracefully;
a second signal forces the exit. Logs are JSON lines on stdout.`)
    .action(async (opts: { demo: boolean; port?: number; host?: string; insecureHttp: boolean }) => {
      await deps.serve({ demo: opts.demo, port: opts.port, host: opts.host, insecureHttp: opts.insecureHttp });
    });
}
