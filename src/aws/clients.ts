// Client settings shared by every AWS client: who we are, how hard to retry, how long to wait.
// Endpoints are left to the SDK, so AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> keep working.

export const USER_AGENT: [string, string] = ['cloudwatch-graphs-to-slack', '1']

export interface ClientSettings {
  region: string
  customUserAgent: [string, string][]
  maxAttempts: number
  retryMode: 'standard' | 'adaptive'
  requestHandler: { connectionTimeout: number; requestTimeout: number }
}

/**
 * Bounded retries with backoff for throttling, 5xx and broken connections (the SDK's standard
 * mode); adaptive mode also slows down once the service throttles, and not before. Every request
 * has a deadline: a connection that hangs is retried, not waited on forever.
 */
export function clientSettings(
  region: string,
  retryMode: 'standard' | 'adaptive' = 'standard'
): ClientSettings {
  return {
    region,
    customUserAgent: [USER_AGENT],
    maxAttempts: 5,
    retryMode,
    requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 }
  }
}
