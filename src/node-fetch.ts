// The part of fetch() that Slack's WebClient (its `fetch` option) and the URL checks use, over
// node:http(s). Node's own fetch() is undici, which initialises on the first call: about 45 ms of
// CPU, in the middle of the run for the first check and on the post the run has waited for.
// A body that is not a string (multipart uploads) goes to the real fetch(). Redirects are never
// followed: WebClient asks for redirect: 'error', and any other value returns the 3xx as it is.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface FetchInit {
  method?: string
  headers?: Record<string, string>
  body?: string | FormData
  signal?: AbortSignal
  redirect?: 'error' | 'follow' | 'manual'
}

/**
 * Response headers as fetch's Headers reads them (case-insensitive, lists joined), as far as
 * WebClient and the URL checks read them.
 */
export class ResponseHeaders {
  private readonly values: Map<string, string>

  constructor(raw: Record<string, string | string[] | undefined>) {
    this.values = new Map()
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) {
        this.values.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value)
      }
    }
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null
  }

  entries(): IterableIterator<[string, string]> {
    return this.values.entries()
  }
}

export class NodeResponse {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: ResponseHeaders,
    private readonly body: Buffer
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300
  }

  async text(): Promise<string> {
    return this.body.toString('utf8')
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'))
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new Uint8Array(this.body).buffer
  }
}

export async function nodeFetch(
  input: string | URL,
  init: FetchInit = {}
): Promise<NodeResponse | Response> {
  if (init.body !== undefined && typeof init.body !== 'string') return fetch(input, init)
  const url = new URL(input)
  const body = init.body
  const headers: Record<string, string> = { ...init.headers }
  if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body))
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest
  return new Promise((resolve, reject) => {
    // A timeout says so, as fetch()'s does, not just "aborted".
    const fail = (error: Error) => reject(init.signal?.aborted ? init.signal.reason : error)
    const request = send(
      url,
      { method: init.method ?? 'GET', headers, signal: init.signal },
      response => {
        const status = response.statusCode ?? 0
        if (init.redirect === 'error' && status >= 300 && status < 400) {
          response.resume()
          reject(new TypeError(`redirected (HTTP ${status}), and redirects are refused`))
          return
        }
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', fail)
        response.on('end', () =>
          resolve(
            new NodeResponse(
              url.href,
              status,
              response.statusMessage ?? '',
              new ResponseHeaders(response.headers),
              Buffer.concat(chunks)
            )
          )
        )
      }
    )
    request.on('error', fail)
    request.end(body)
  })
}
