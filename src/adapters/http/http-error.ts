// An HTTP-level refusal (no token, bad parameter, no such route): the API's own errors, beside the domain's. The
// English `message` is for logs, scripts and the CLI; `zh` is the sentence the console shows staff (when absent,
// error-zh.ts words one from the code), `reason` a finer machine code when one code covers several kinds.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly zh?: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}
