// Option parsers: a bad value is a usage error (exit 2) that names the option.
import { InvalidArgumentError } from 'commander';

export function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('must be a whole number from 0 to 65535.');
  return Number(value);
}

export function parseHost(value: string): string {
  if (!value.trim() || /\s|\//.test(value)) throw new InvalidArgumentError('must be a host name or IP address.');
  return value.trim();
}

export function parsePositiveInt(value: string): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number of at least 1.');
  return Number(value);
}
