// Names a person types on the command line → ids: a user by id or sign-in name, a group by id or
// display name, an application by id, appId or display name. An ambiguous or unknown name is one
// clear error line (exit 1), never a guess. A name that names nothing is the domain's own "not found"
// (userNotFound, groupNotFound, appNotFound), as an id that names nothing is: the same answer whichever
// the person typed, and the same reason Graph gives (path parity, e2e/parity).
import { DomainError, type Caller, type Core } from '../core/index.js';
import { CliError } from './errors.js';

/** The typed text in a message, cut short: it is echoed, not trusted. */
const quoted = (text: string) => `'${text.length > 120 ? `${text.slice(0, 120)}…` : text}'`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const eq = (field: string, value: string) => ({ op: 'eq' as const, field, value: { type: 'string' as const, value } });

export async function userIdOf(core: Core, caller: Caller, text: string): Promise<string> {
  if (GUID.test(text)) return text.toLowerCase();
  const page = await core.listUsers(caller, { filter: eq('userPrincipalName', text.trim()), top: 2 });
  const [user] = page.users;
  if (!user) throw new DomainError('userNotFound', `No user has the sign-in name ${quoted(text)}.`);
  return user.id;
}

export async function groupIdOf(core: Core, caller: Caller, text: string): Promise<string> {
  if (GUID.test(text)) return text.toLowerCase();
  const page = await core.listGroups(caller, { filter: eq('displayName', text.trim()), top: 2 });
  if (page.groups.length > 1) throw new CliError(`more than one group is named '${text}': give its id`);
  const [view] = page.groups;
  if (!view) throw new DomainError('groupNotFound', `No group is named ${quoted(text)}.`);
  return view.group.id;
}

export async function appIdOf(core: Core, caller: Caller, text: string): Promise<string> {
  if (GUID.test(text)) {
    const id = text.toLowerCase();
    const { items } = await core.listApps(caller, { limit: 999 });
    return items.find((a) => a.appId === id)?.id ?? id;
  }
  const { items } = await core.listApps(caller, { limit: 999, search: text.trim() });
  const matches = items.filter((a) => a.displayName.toLowerCase() === text.trim().toLowerCase());
  if (matches.length > 1) throw new CliError(`more than one application is named '${text}': give its id`);
  const [app] = matches;
  if (!app) throw new DomainError('appNotFound', `No application is named ${quoted(text)} ('roster apps list' shows them).`);
  return app.id;
}
