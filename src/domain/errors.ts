// Error classes that carry what the user needs: which input or graph, and what to do about it.

/** An input is missing, malformed or contradicts another; raised before any side effect. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string
  ) {
    // "Input 'x' is required: …" reads as a sentence; other details follow a colon.
    super(
      /^(is|has|names) /.test(detail) ? `Input '${input}' ${detail}` : `Input '${input}': ${detail}`
    )
    this.name = 'InputError'
  }
}

/** A failure with a known cause and a fix, worth showing to the user as is. */
export class ActionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ActionError'
  }
}

/**
 * The run's setup is wrong in a way no graph can get past (no AWS credentials, a region that does
 * not exist): the run ends with it at once, said once, instead of once per graph.
 */
export class SetupError extends ActionError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SetupError'
  }
}

/** Slack refused a message after others were posted: those are in the channel, and say so. */
export class PostError extends ActionError {
  constructor(
    message: string,
    /** Where the messages that made it landed (channel, ts), in order. */
    readonly posted: { channel: string; ts: string }[],
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'PostError'
  }
}

/** The message of anything thrown, without a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
