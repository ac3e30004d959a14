import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/index.js';
import { ConfigError } from '../platform/config.js';
import { CliError, exitFor, UsageError } from './errors.js';

describe('exitFor', () => {
  it('maps every domain category to exit 1 with a labelled one-line message', () => {
    expect(exitFor(new DomainError('invalidInput', 'userPrincipalName must look like alias@domain.'))).toEqual({ code: 1, message: 'invalid input: userPrincipalName must look like alias@domain.' });
    expect(exitFor(new DomainError('tenantNotFound'))).toEqual({ code: 1, message: 'not found: The tenant does not exist.' });
    expect(exitFor(new DomainError('notAdmin')).message).toMatch(/^not allowed: /);
    expect(exitFor(new DomainError('userPrincipalNameTaken')).message).toMatch(/^conflict: /);
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
