// The one place that turns errors into what the terminal shows: one line on stderr and an exit code
// (0 ok, 1 an error, 2 wrong usage). Domain errors map by category, as every adapter maps them once.
import { CommanderError } from 'commander';
import { isDomainError, type DomainError, type ErrorCategory } from '../core/index.js';
import { ConfigError } from '../platform/config.js';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** The command line was wrong (missing or conflicting options): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An expected failure with a message fit for the user as it is: exit 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

const CATEGORIES: Record<ErrorCategory, { exitCode: number; label: string }> = {
  invalid: { exitCode: EXIT_ERROR, label: 'invalid input' },
  unauthenticated: { exitCode: EXIT_ERROR, label: 'not signed in' },
  forbidden: { exitCode: EXIT_ERROR, label: 'not allowed' },
  notFound: { exitCode: EXIT_ERROR, label: 'not found' },
  conflict: { exitCode: EXIT_ERROR, label: 'conflict' },
};

export interface Exit {
  code: number;
  /** One line for stderr, or null when there is nothing to add (help, version). */
  message: string | null;
}

export function exitFor(error: unknown): Exit {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return { code: EXIT_OK, message: null };
    // Help shown because no command was given: the help text already went to stderr.
    if (error.code === 'commander.help') return { code: EXIT_USAGE, message: null };
    return { code: EXIT_USAGE, message: `${oneLine(error.message.replace(/^error:\s*/, ''))} (see 'roster --help')` };
  }
  if (error instanceof UsageError) return { code: EXIT_USAGE, message: `${oneLine(error.message)} (see 'roster --help')` };
  if (isDomainError(error)) {
    const { exitCode, label } = CATEGORIES[error.category];
    return { code: exitCode, message: `${label}: ${oneLine(domainMessage(error))}` };
  }
  if (error instanceof ConfigError) return { code: EXIT_ERROR, message: `configuration error: ${oneLine(error.message)}` };
  if (error instanceof Error) return { code: EXIT_ERROR, message: oneLine(error.message) || error.name };
  return { code: EXIT_ERROR, message: oneLine(String(error)) };
}

/**
 * What Graph says too: the reason's sentence, then its detail. invalidInput's sentence ("The request
 * is not valid.") only stands in for a detail, so its detail alone is the message. (Printing the detail
 * alone for every reason lost the problem itself: a refused cycle read "conflict: The loop: A ← B.")
 */
function domainMessage(error: DomainError): string {
  return error.reason === 'invalidInput' && error.detail ? error.detail : error.message;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
