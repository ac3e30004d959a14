// The path-parity runner (SECURITY #13, docs/adr/0023): each case is one domain operation, run once
// through every interface that can express it, each run on a fresh fixture of its own, and the runs
// compared. Per run: the outcome in the interface's own format (outcomes.ts), and what it changed
// (state.ts). Across runs: the same outcome, the same changes to the database once ids are labelled,
// the same state read back, and for reads the same answer. A refusal changes nothing but the one
// denial audit event (ADR 0005). Where an interface legitimately differs, the case says how and why,
// and that difference is asserted, not skipped. An area (apps today; groups, members, requests later)
// brings a fixture builder and a case table; the runner knows nothing of applications.
import { expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import { INTERFACES, type Acting, type HttpCall, type InterfaceId, type Interfaces } from './interfaces.js';
import { expectOutcome, type Answer, type Expected } from './outcomes.js';
import { auditAdded, capture, changesBetween, normalise, withoutAudit, withoutAuditTarget, type Changes, type Normaliser } from './state.js';

export interface ParityArea<F> {
  /** Prefix of the runs' tags (unique names per run). */
  name: string;
  /** A fresh fixture for one run; `tag` is unique to the run and goes into every name it makes. */
  fixture(ifs: Interfaces, tag: string): Promise<F>;
  /** The fixture's ids and strings → labels, for comparing runs made on different fixtures. */
  labels(fx: F): Map<string, string>;
  /** The area's state, read back through the core, compared across runs after labelling. */
  readBack(ifs: Interfaces, fx: F): Promise<unknown>;
}

/** How one interface legitimately differs from the case's expectation, and why. */
export interface Difference {
  expect?: Expected;
  /** False when the refusal happens in the adapter, before any use case could audit it. */
  audited?: boolean;
  /** True when the audit events name another target (e.g. the app instead of an assignment the interface cannot name). */
  auditTarget?: boolean;
  why: string;
}

/** A JSON answer projected to a shape every interface gives (ids are labelled by the runner). */
export type Projection<F> = { http: (json: never, fx: F) => unknown; cli: (json: never, fx: F) => unknown };

export interface ParityCase<F> {
  name: string;
  /** Who acts (default: the administrator; see Acting). A user case has no CLI run. */
  as?: (fx: F) => User;
  /** Preconditions, through the core as the administrator, before the run's snapshot. */
  setup?: (ifs: Interfaces, fx: F) => Promise<void>;
  /** REST and the portal send the same call. */
  http?: (fx: F) => HttpCall;
  /** Arguments after `roster` (`--tenant` is added). */
  cli?: (fx: F) => string[];
  /** Interfaces that cannot express the case, each with the reason. */
  notOn?: Partial<Record<InterfaceId, string>>;
  expect: Expected;
  differs?: Partial<Record<InterfaceId, Difference>>;
  /** For reads: stdout of the CLI (`--json`) and the Graph body, projected for comparison. */
  answer?: Projection<F>;
}

interface Run {
  via: InterfaceId;
  expected: Expected;
  audited: boolean;
  auditTargetDiffers: boolean;
  changes: Changes;
  state: unknown;
  reply: unknown;
}

let seq = 0;
/** ROSTER_PARITY_SHOW=1 prints every run's labelled changes, state and answer (to write a new case table). */
const SHOW = process.env['ROSTER_PARITY_SHOW'] === '1';

function planOf<F>(c: ParityCase<F>): InterfaceId[] {
  const plan = INTERFACES.filter((via) => !c.notOn?.[via]);
  for (const via of plan) {
    const can = via === 'cli' ? c.cli !== undefined && c.as === undefined : c.http !== undefined;
    if (!can) throw new Error(`${c.name}: no way to run it on ${via}; say why in notOn`);
  }
  if (plan.length < 2) throw new Error(`${c.name}: a parity case needs at least two interfaces`);
  return plan;
}

async function runOn<F>(area: ParityArea<F>, c: ParityCase<F>, ifs: Interfaces, via: InterfaceId): Promise<Run> {
  const tag = `${area.name}${++seq}`;
  const fx = await area.fixture(ifs, tag);
  await c.setup?.(ifs, fx);
  const acting: Acting = c.as ? { kind: 'user', user: c.as(fx) } : { kind: 'admin' };
  await ifs.prepare(acting);
  const difference = c.differs?.[via];
  const expected = difference?.expect ?? c.expect;
  const audited = expected !== 'success' && expected !== 'badRequest' && difference?.audited !== false;

  const before = await capture(ifs.storage);
  const answer: Answer = via === 'cli' ? await ifs.cli(c.cli?.(fx) ?? []) : await ifs.http(via, acting, c.http?.(fx) as HttpCall);
  const after = await capture(ifs.storage);

  const labels = new Map(area.labels(fx));
  labels.set(tag, '<tag>');
  labels.set(ifs.setupUserId, '<setup>');
  const n: Normaliser = { labels, actor: ifs.actorOf(via, acting) };
  expectOutcome(answer, expected, `${c.name} via ${via}`);
  const changes = changesBetween(before, after, n);
  let reply: unknown = null;
  if (c.answer && expected === 'success') {
    const project = (via === 'cli' ? c.answer.cli : c.answer.http) as (json: unknown, f: F) => unknown;
    reply = normalise(project(JSON.parse(answer.via === 'cli' ? answer.stdout : answer.body), fx), n);
  }
  return { via, expected, audited, auditTargetDiffers: difference?.auditTarget === true, changes, state: normalise(await area.readBack(ifs, fx), n), reply };
}

/** A refusal left everything as it was, apart from its one denial event when a use case refused it. */
function expectNothingChanged(run: Run, name: string): void {
  expect(withoutAudit(run.changes), `${name} via ${run.via}: a refusal changed the database`).toEqual({});
  const events = auditAdded(run.changes);
  if (!run.audited) {
    expect(events, `${name} via ${run.via}: refused before any use case, so nothing to audit`).toEqual([]);
    return;
  }
  expect(events.map((e) => ({ outcome: e['outcome'], reason: e['reason'] })), `${name} via ${run.via}: one denial event with the reason`)
    .toEqual([{ outcome: 'denied', reason: run.expected }]);
}

/** Registers one test per case; every interface of the case runs inside it, then the runs are compared. */
export function replayParity<F>(area: ParityArea<F>, cases: readonly ParityCase<F>[], getInterfaces: () => Interfaces): void {
  for (const c of cases) {
    const plan = planOf(c);
    it(`${c.name} [${plan.join(', ')}] → ${c.expect}`, async () => {
      const ifs = getInterfaces();
      const runs: Run[] = [];
      for (const via of plan) runs.push(await runOn(area, c, ifs, via));
      if (SHOW) console.log(JSON.stringify({ case: c.name, runs }, null, 1));
      const [first] = runs;
      if (!first) return;
      for (const run of runs) {
        if (run.expected !== 'success') expectNothingChanged(run, c.name);
        else if (c.answer) expect(run.changes, `${c.name} via ${run.via}: a read changed the database`).toEqual({});
        else {
          expect(Object.keys(run.changes), `${c.name} via ${run.via}: a write that succeeds changes something`).not.toEqual([]);
          expect(auditAdded(run.changes).filter((e) => e['outcome'] !== 'success'), `${c.name} via ${run.via}`).toEqual([]);
        }
        expect(run.state, `${c.name}: state read back after ${run.via} differs from after ${first.via}`).toEqual(first.state);
        // Runs with the same expectation made the same change, audit events included.
        const peer = runs.find((r) => r.expected === run.expected && r.audited === run.audited);
        const comparable = (r: Run) => (run.auditTargetDiffers || peer?.auditTargetDiffers ? withoutAuditTarget(r.changes) : r.changes);
        if (peer && peer !== run) expect(comparable(run), `${c.name}: ${run.via} changed the database unlike ${peer.via}`).toEqual(comparable(peer));
        if (peer && peer !== run) expect(run.reply, `${c.name}: ${run.via} answered unlike ${peer.via}`).toEqual(peer.reply);
      }
    });
  }
}
