// Client settings shared by every AWS client: who we are, and how hard to retry.
// Endpoints are left to the SDK, so AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> keep working.

export const USER_AGENT: [string, string] = ['cloudwatch-graphs-to-slack', '1']

export interface ClientSettings {
  region: string
  customUserAgent: [string, string][]
  maxAttempts: number
  retryMode: 'standard' | 'adaptive'
}

/** Bounded retries with backoff; adaptive mode slows down only once the service throttles. */
export function clientSettings(
  region: string,
  retryMode: 'standard' | 'adaptive' = 'standard'
): ClientSettings {
  return { region, customUserAgent: [USER_AGENT], maxAttempts: 5, retryMode }
}
