// The one HTTP client for every request outside the AWS SDK: Slack's Web API, Slack's upload URLs
// and the presigned-URL checks. Whatever a request needs on its way out (a proxy, a deadline) is
// set here, once, for all of them.
export type Fetch = typeof fetch

export const httpFetch: Fetch = (input, init) => fetch(input, init)
