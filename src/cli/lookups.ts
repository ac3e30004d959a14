// Names a person types on the command line → ids: a user by id or sign-in name, a group by id or
// display name, an application by id, appId or display name. An ambiguous or unknown name is one
// clear error line (exit 1), never a guess.
import type { Caller, Core } from '../core/index.js';
import { CliError } from './errors.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const eq = (field: string, value: string) => ({ op: 'eq' as const, field, value: { type: 'string' as const, value } });

export async function userIdOf(core: Core, caller: Caller, text: string): Promise<string> {
  if (GUID.test(text)) return text.toLowerCase();
  const page = await core.listUsers(caller, { filter: eq('userPrincipalName', text.trim()), top: 2 });
  const [user] = page.users;
  if (!user) throw new CliError(`no user with the sign-in name '${text}'`);
  return user.id;
}

export async function groupIdOf(core: Core, caller: Caller, text: string): Promise<string> {
  if (GUID.test(text)) return text.toLowerCase();
  const page = await core.listGroups(caller, { filter: eq('displayName', text.trim()), top: 2 });
  if (page.groups.length > 1) throw new CliError(`more than one group is named '${text}': give its id`);
  const [view] = page.groups;
  if (!view) throw new CliError(`no group named '${text}'`);
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
  if (!app) throw new CliError(`no application named '${text}' ('roster apps list' shows them)`);
  return app.id;
}
