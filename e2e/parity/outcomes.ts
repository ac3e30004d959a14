// What an interface answered, read back as a domain outcome. The reading goes through each adapter's
// one error mapper (src/http/graph/errors.ts, src/cli/errors.ts), never through a second table kept
// here: for every reason code the mapper is asked what it would print, and the answer is matched
// against that. So a case can assert "the same reason" across interfaces whose wire formats differ.
import { expect } from 'vitest';
import { exitFor } from '../../src/cli/errors.js';
import { DomainError, messageOf, REASONS, type ReasonCode } from '../../src/core/domain/errors.js';
import { graphErrorOf } from '../../src/http/graph/errors.js';

export const ALL_REASONS = Object.keys(REASONS) as ReasonCode[];

/**
 * What a case expects: a success, a domain reason, or `badRequest` — refused by the interface itself
 * before any use case ran (a Graph body or path that fails the route's schema, a CLI usage error).
 */
export type Expected = 'success' | 'badRequest' | ReasonCode;

export interface HttpAnswer { via: 'http'; status: number; body: string }
export interface CliAnswer { via: 'cli'; code: number; stdout: string; stderr: string }
export type Answer = HttpAnswer | CliAnswer;

/** Stands in for a detail when asking a mapper how it prints a reason. */
const DETAIL = '\u0000detail\u0000';

/** `text` is how `render` prints the reason, with or without a detail. */
function printedAs(reason: ReasonCode, text: string, render: (e: DomainError) => string): boolean {
  if (text === render(new DomainError(reason))) return true;
  const [before = '', after = ''] = render(new DomainError(reason, DETAIL)).split(DETAIL);
  return text.length > before.length + after.length && text.startsWith(before) && text.endsWith(after);
}

interface GraphEnvelope { error: { code: string; message: string } }

/** The reasons the Graph mapper would have sent as this status, code and message. */
export function graphReasons(status: number, code: string, message: string): ReasonCode[] {
  return ALL_REASONS.filter((r) => {
    const mapped = graphErrorOf(new DomainError(r));
    return mapped.status === status && mapped.code === code && printedAs(r, message, (e) => graphErrorOf(e).message);
  });
}

/** The reasons the CLI mapper would have printed as this exit code and stderr line (without `roster: `). */
export function cliReasons(code: number, line: string): ReasonCode[] {
  return ALL_REASONS.filter((r) => exitFor(new DomainError(r)).code === code && printedAs(r, line, (e) => exitFor(e).message ?? ''));
}

/** A refusal's text names the problem: the reason's own sentence (invalidInput's is a placeholder for its detail). */
function namesTheProblem(reason: ReasonCode, text: string): boolean {
  return reason === 'invalidInput' || text.includes(messageOf(reason));
}

/**
 * Asserts that the answer is the expected outcome in the interface's own format, and returns a
 * one-line summary for failure messages. Graph: 2xx, or the error envelope (code, message, request
 * id) whose status, code and message the mapper gives the reason. CLI: exit 0 with nothing on
 * stderr, or a non-zero exit and exactly one `roster: …` line naming the problem, no stack trace.
 */
export function expectOutcome(answer: Answer, expected: Expected, where: string): void {
  if (answer.via === 'http') {
    const summary = `${where}: HTTP ${answer.status} ${answer.body.slice(0, 300)}`;
    if (expected === 'success') {
      expect(answer.status, summary).toBeLessThan(300);
      return;
    }
    expect(answer.status, `${summary} (a 5xx is never a refusal)`).toBeLessThan(500);
    const body = JSON.parse(answer.body) as GraphEnvelope;
    expect(body, summary).toMatchObject({ error: { code: expect.any(String), message: expect.any(String), innerError: { 'request-id': expect.any(String), date: expect.any(String) } } });
    const reasons = graphReasons(answer.status, body.error.code, body.error.message);
    if (expected === 'badRequest') {
      expect({ status: answer.status, code: body.error.code, reasons }, `${summary}: refused by the route, before the core`).toEqual({ status: 400, code: 'Request_BadRequest', reasons: [] });
      return;
    }
    expect(reasons, summary).toContain(expected);
    expect(namesTheProblem(expected, body.error.message), `${summary}: the message names the problem`).toBe(true);
    return;
  }
  const summary = `${where}: exit ${answer.code}, stderr ${JSON.stringify(answer.stderr.slice(0, 300))}`;
  if (expected === 'success') {
    expect({ code: answer.code, stderr: answer.stderr }, summary).toEqual({ code: 0, stderr: '' });
    return;
  }
  expect(answer.code, summary).not.toBe(0);
  expect(answer.stderr, `${summary}: one line, no stack trace`).toMatch(/^roster: [^\n]+\n$/);
  const line = answer.stderr.slice('roster: '.length, -1);
  if (expected === 'badRequest') {
    expect({ code: answer.code, usage: line.endsWith("(see 'roster --help')") }, `${summary}: a usage error`).toEqual({ code: 2, usage: true });
    return;
  }
  expect(cliReasons(answer.code, line), summary).toContain(expected);
  expect(namesTheProblem(expected, line), `${summary}: the line names the problem`).toBe(true);
}
