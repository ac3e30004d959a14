// Opaque, tamper-proof state tokens for links whose state is more than a list cursor (delta's
// $skiptoken and $deltatoken): JSON signed with HMAC-SHA256 under the skip-token key, with a purpose
// label inside the MAC so a token minted for one purpose never opens for another.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { badRequest } from './errors.js';

export interface StateSealer {
  seal(purpose: string, data: unknown): string;
  /** The data, or a 400 in Graph's envelope for a changed, foreign or malformed token. */
  open(purpose: string, token: string): unknown;
}

const MAX_TOKEN_LENGTH = 4096;

export function createStateSealer(key: Buffer): StateSealer {
  const mac = (purpose: string, payload: string) => createHmac('sha256', key).update(`${purpose}\n${payload}`).digest();
  return {
    seal(purpose, data) {
      const payload = Buffer.from(JSON.stringify(data)).toString('base64url');
      return `${payload}.${mac(purpose, payload).toString('base64url')}`;
    },
    open(purpose, token) {
      const invalid = badRequest('The state token is not valid. Follow @odata.nextLink or @odata.deltaLink as it was returned.');
      if (token.length > MAX_TOKEN_LENGTH) throw invalid;
      const [payload, given] = token.split('.');
      if (!payload || !given) throw invalid;
      const expected = mac(purpose, payload);
      const givenMac = Buffer.from(given, 'base64url');
      if (givenMac.length !== expected.length || !timingSafeEqual(givenMac, expected)) throw invalid;
      try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
      } catch {
        throw invalid;
      }
    },
  };
}
