// The one error the OData query parser throws. Routes map it to Graph's error envelope (HTTP 400) with
// this code and message; nothing else escapes the parser.

export type ODataErrorCode = 'Request_BadRequest' | 'Request_UnsupportedQuery';

export class ODataQueryError extends Error {
  readonly code: ODataErrorCode;
  /** Always 400: both codes are client errors in Graph. */
  readonly status = 400;

  constructor(code: ODataErrorCode, message: string) {
    super(message);
    this.name = 'ODataQueryError';
    this.code = code;
  }
}

export const badRequest = (message: string): ODataQueryError => new ODataQueryError('Request_BadRequest', message);

export function isODataQueryError(e: unknown): e is ODataQueryError {
  return e instanceof ODataQueryError;
}
