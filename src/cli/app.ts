// What the CLI needs from the composition root (main.ts). The CLI never opens storage itself: it gets
// an opened application, so the dependency rule holds and tests can hand it fakes.
import type { Core } from '../core/index.js';
import type { Tenant } from '../core/domain/model.js';

export interface App {
  readonly core: Core;
  /** Where the data lives, without credentials (e.g. `sqlite:data/roster.db`). */
  readonly database: string;
  migrate(): Promise<void>;
  listTenants(): Promise<Tenant[]>;
  /** Seeds the demo organisation as the given admin; returns the lines to print. */
  seedDemo(tenantId: string, adminId: string): Promise<string[]>;
  close(): Promise<void>;
}

export interface ServeOptions {
  demo: boolean;
  port?: number | undefined;
  host?: string | undefined;
  /** Plain HTTP (explicitly asked for). */
  insecureHttp?: boolean | undefined;
}

export interface CliDeps {
  /** Reads the configuration and opens storage (not migrated). */
  openApp(): Promise<App>;
  /** Starts the server; resolves once it listens. Shutdown is the server's own business (signals). */
  serve(opts: ServeOptions): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Opens the app, runs `fn`, and always closes it. */
export async function withApp<T>(deps: CliDeps, fn: (app: App) => Promise<T>): Promise<T> {
  const app = await deps.openApp();
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
