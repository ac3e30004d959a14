// The audit hash chain as pure functions: canonical form, SHA-256, sealing and verification, with
// the ways a chain is broken (a changed field, a deleted, inserted or moved row, a gap) as a table.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalAuditEvent, canonicalJson, EMPTY_CHAIN, GENESIS_HASH, nextLink, verifyChain, type AuditFacts, type ChainHead, type SealedFacts,
} from './audit-chain.js';
import { sha256Hex } from './sha256.js';

const fact = (n: number, over: Partial<AuditFacts> = {}): AuditFacts => ({
  tenantId: 't1', id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, occurredAt: '2026-06-01T12:00:00.000Z',
  action: 'group.update', actorType: 'user', actorId: 'u1', channel: 'api', targetType: 'group', targetId: `g${n}`,
  outcome: 'success', reason: null, before: { displayName: `old ${n}` }, after: { displayName: `new ${n}`, tags: ['a', 'b'] }, requestId: `r${n}`,
  ...over,
});

function chain(n: number): SealedFacts[] {
  const out: SealedFacts[] = [];
  let head: ChainHead = EMPTY_CHAIN;
  for (let i = 1; i <= n; i++) {
    const e = fact(i);
    const link = nextLink(head, e);
    out.push({ ...e, ...link });
    head = link;
  }
  return out;
}

describe('sha256Hex', () => {
  it.each(['', 'abc', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', 'ünïcödé ✓ 𝄞', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(1000)])(
    'matches node:crypto for %j', (text) => expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex')),
  );
  it('the FIPS 180-4 "abc" vector', () => expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'));
});

describe('canonicalJson', () => {
  it.each([
    ['keys sorted at every depth', { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'],
    ['undefined members left out, null kept', { a: undefined, b: null }, '{"b":null}'],
    ['strings escaped as JSON', { s: 'a"b\n' }, '{"s":"a\\"b\\n"}'],
    ['non-finite numbers as null', [Number.NaN, Infinity, 1.5], '[null,null,1.5]'],
    ['undefined alone as null', undefined, 'null'],
  ] as const)('%s', (_name, value, expected) => expect(canonicalJson(value)).toBe(expected));

  it('the same event in another key order has the same canonical form', () => {
    const e = fact(1);
    const reordered = Object.fromEntries(Object.entries(e).reverse()) as unknown as AuditFacts;
    expect(canonicalAuditEvent(reordered, 1)).toBe(canonicalAuditEvent(e, 1));
    expect(canonicalAuditEvent(e, 1)).not.toBe(canonicalAuditEvent(e, 2));
  });
});

describe('nextLink', () => {
  it('starts at seq 1 from the genesis hash and links each event to the one before', () => {
    const c = chain(3);
    expect(c.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(c[0]?.prevHash).toBe(GENESIS_HASH);
    expect(c[1]?.prevHash).toBe(c[0]?.hash);
    expect(c[2]?.hash).toBe(sha256Hex(`${c[1]?.hash}${canonicalAuditEvent(fact(3), 3)}`));
  });
});

describe('verifyChain', () => {
  const c = chain(5);
  const at = (i: number) => c[i] as SealedFacts;
  type Row = readonly [string, SealedFacts[], { ok: true } | { ok: false; seq: number; problem: string }];
  const rows: Row[] = [
    ['an intact chain', c, { ok: true }],
    ['an empty chain', [], { ok: true }],
    ['a tampered field (after)', c.map((e, i) => (i === 2 ? { ...e, after: { displayName: 'forged' } } : e)), { ok: false, seq: 3, problem: 'hashMismatch' }],
    ['a tampered field (actorId)', c.map((e, i) => (i === 0 ? { ...e, actorId: 'someone-else' } : e)), { ok: false, seq: 1, problem: 'hashMismatch' }],
    ['a tampered outcome on the last event', c.map((e, i) => (i === 4 ? { ...e, outcome: 'denied' } : e)), { ok: false, seq: 5, problem: 'hashMismatch' }],
    ['a deleted middle row', [at(0), at(1), at(3), at(4)], { ok: false, seq: 3, problem: 'gap' }],
    ['a deleted first row', [at(1), at(2)], { ok: false, seq: 1, problem: 'gap' }],
    ['reordered rows', [at(0), at(2), at(1), at(3)], { ok: false, seq: 2, problem: 'outOfOrder' }],
    ['a duplicated row', [at(0), at(1), at(1), at(2)], { ok: false, seq: 3, problem: 'outOfOrder' }],
    ['a deleted row with the rest renumbered', [at(0), at(1), { ...at(3), seq: 3 }, { ...at(4), seq: 4 }], { ok: false, seq: 3, problem: 'prevHashMismatch' }],
    ['a row re-hashed after a change (the next row no longer links)', (() => {
      const forged = { ...at(1), after: 'forged' };
      const relinked = { ...forged, ...nextLink({ seq: 1, hash: at(0).hash }, forged) };
      return [at(0), relinked, at(2)];
    })(), { ok: false, seq: 3, problem: 'prevHashMismatch' }],
  ];
  it.each(rows)('%s', (_name, events, expected) => {
    const verdict = verifyChain(events);
    if (expected.ok) {
      expect(verdict.ok).toBe(true);
    } else {
      expect(verdict).toMatchObject(expected);
      if (!verdict.ok) expect(verdict.message).toContain(`seq ${expected.seq}`);
    }
  });

  it('continues from a head, so a long chain verifies page by page', () => {
    const first = verifyChain(c.slice(0, 2));
    expect(first).toMatchObject({ ok: true, head: { seq: 2, hash: at(1).hash }, checked: 2 });
    if (!first.ok) return;
    expect(verifyChain(c.slice(2), first.head)).toMatchObject({ ok: true, head: { seq: 5, hash: at(4).hash }, checked: 3 });
    // A page that starts after a missing row is a gap at the missing seq.
    expect(verifyChain(c.slice(3), first.head)).toMatchObject({ ok: false, seq: 3, problem: 'gap' });
  });
});
