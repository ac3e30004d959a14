import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/index.js';
import { messageOf, REASONS, type ReasonCode } from '../core/domain/errors.js';
import { ConfigError } from '../platform/config.js';
import { CliError, exitFor, UsageError } from './errors.js';

describe('exitFor', () => {
  it('maps every domain category to exit 1 with a labelled one-line message', () => {
    expect(exitFor(new DomainError('invalidInput', 'userPrincipalName must look like alias@domain.'))).toEqual({ code: 1, message: 'invalid input: userPrincipalName must look like alias@domain.' });
    expect(exitFor(new DomainError('tenantNotFound'))).toEqual({ code: 1, message: 'not found: The tenant does not exist.' });
    expect(exitFor(new DomainError('notAdmin')).message).toMatch(/^not allowed: /);
    expect(exitFor(new DomainError('userPrincipalNameTaken')).message).toMatch(/^conflict: /);
  });

  // Path parity (e2e/parity): the CLI names the same problem Graph's message names.
  const REASON_CODES = Object.keys(REASONS) as ReasonCode[];
  it.each(REASON_CODES)('%s: the reason\'s sentence, then the detail, on one line (as Graph\'s message)', (reason) => {
    const plain = exitFor(new DomainError(reason)).message ?? '';
    expect(plain).toContain(messageOf(reason));
    const detailed = exitFor(new DomainError(reason, 'The detail.\nOn two lines.')).message ?? '';
    expect(detailed).toContain('The detail. On two lines.');
    if (reason !== 'invalidInput') expect(detailed).toContain(`${messageOf(reason)} The detail.`);
  });

  it('a refused cycle says what is wrong as well as the loop; invalidInput\'s detail stands alone', () => {
    expect(exitFor(new DomainError('assignmentCycle', 'The loop: CRM ← Portal ← CRM.')).message)
      .toBe('conflict: Giving this application to that audience would make an application part of its own audience. The loop: CRM ← Portal ← CRM.');
    expect(exitFor(new DomainError('invalidInput', 'reason must be at most 1000 characters.')).message).toBe('invalid input: reason must be at most 1000 characters.');
  });

  it('treats commander errors as usage (2), and help or version as success', () => {
    expect(exitFor(new CommanderError(1, 'commander.unknownCommand', "error: unknown command 'x'"))).toEqual({ code: 2, message: "unknown command 'x' (see 'roster --help')" });
    expect(exitFor(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({ code: 0, message: null });
    expect(exitFor(new CommanderError(1, 'commander.help', '(outputHelp)'))).toEqual({ code: 2, message: null });
    expect(exitFor(new UsageError('choose one')).code).toBe(2);
  });

  it('maps configuration and other errors to exit 1 on one line', () => {
    expect(exitFor(new ConfigError('PORT', 'must be a number.'))).toEqual({ code: 1, message: 'configuration error: PORT: must be a number.' });
    expect(exitFor(new CliError('no tenant\nyet'))).toEqual({ code: 1, message: 'no tenant yet' });
    expect(exitFor('odd')).toEqual({ code: 1, message: 'odd' });
  });
});
