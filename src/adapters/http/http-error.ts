// An HTTP-level refusal (no token, bad parameter, no such route): the API's own errors, beside the domain's.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
